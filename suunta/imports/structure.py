"""Finding a goal document's structure (Finnish and Swedish): blocks → pieces → roles → goals.

The extractors (`extract.py`) turn every format into blocks: `Line`s (a heading and its level,
a list item with its numbering format and level, a PDF line with its size, weight and indent)
and `Table`s (rows of cell texts). `find_structure(blocks)`:

1. makes **pieces** (`pieces.py`): logical lines, broken lines joined, markers named, inline
   bullets ("Tavoite • mittari • mittari", as a flattened table gives them) split off;
2. reads what the document states in words: the title, the handling lines, the sections by
   their headings (the director contract, the purpose, the evaluation), a goal **table** by
   its header (goal, indicator, area, weight and checkpoint columns in any order), a
   flattened goal table ("Tavoite Mittari Seuranta elokuu 2025" and its rows), label lines;
3. gives every other piece its **role** from its form (`roles.py`);
4. finds **dates** in the running text (`dates.py`): checkpoints, handling, the period;
5. derives the goals from the roles (`outline.py`) — the same derivation the review page
   runs after each correction.

Every piece is kept as a `FoundLine` with its role, confidence and source, for the review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import dates, outline
from .found import FoundCheckpoint, FoundDocument, FoundHandling, FoundSection
from .periods import checkpoint_window
from .pieces import (
    AREA_WORDS,
    CHECKPOINT_LABEL,
    GOAL_LABEL,
    WEIGHT_WORDS,
    Piece,
    from_line,
    language_of,
    marker,
    split_weight,
    squash,
)
from .roles import apply_labels, assign, is_container, mark_translations

# Re-exported for the readers of other formats.
__all__ = ["Block", "Line", "Table", "find_structure", "lines_of_text", "split_weight", "squash"]


@dataclass
class Line:
    text: str
    # "text" (a line of plain text, maybe broken), "para" (a whole paragraph of a document
    # format), "heading", "item" (a list item the format marked as one), "pdf" (a PDF line)
    kind: str = "text"
    level: int = 0  # heading level (1 = top) or list level (0 = top)
    source: str = ""
    page: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Table:
    rows: list[list[str]]
    source: str = ""
    page: int = 0


Block = Line | Table
MAX_INLINE = 100  # bullets written inline on one line: more than this is not a list of items
SENTENCE = 2000  # characters of a line that dates are looked for in (a longer one is a section)
MAX_CHECKPOINTS = 24  # more labels than this are not a goal document's checkpoints
HEADER_WITHIN = 15  # a goal table's header row is among its first rows that have text

DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
BODY = r"[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ-]{0,40}"
HANDLING_LABEL = (
    r"(?:(?:käsittely|käsittelyt|käsitelty|käsittelypäivät|hyväksytty|hyväksyntä|behandling|"
    r"behandlingar|behandlad|behandlat|godkänd|godkänt)\s*[:.–-]?\s*)?"
)
HANDLING_LINE = re.compile(
    r"^\s*"
    + HANDLING_LABEL
    + DATE
    + r"\s+"
    + BODY
    + r"(?:(?:\s*[,;]\s*|\s+(?:ja|och)\s+|\s+)"
    + DATE
    + r"\s+"
    + BODY
    + r")*\s*[,;.]?\s*$",
    re.IGNORECASE,
)
HANDLING_PAIR = re.compile(DATE + r"\s+([A-ZÅÄÖa-zåäö][\wåäöÅÄÖ-]{0,40})")
NOISE = re.compile(
    r"^(?:liite|bilaga|appendix)\s*\d*\s*$|^(?:dnro|dno|diaarinumero|dnr)\b|^\d{1,2}\.\d{1,2}\.\d{4}$"
    r"|^(?:sisällys|sisällysluettelo|innehåll|innehållsförteckning)$|^\d{1,3}\s*\(\d{1,3}\)$",
    re.IGNORECASE,
)
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|\t)\s*\d{1,3}\s*$")
TITLE_WORDS = re.compile(r"tavoitteet|tavoitteita|\bmål\b|målsättningar|tavoitesopimus", re.I)

SECTION_HEADINGS = {
    "basis": (
        "johtajasopimus",
        "johtajasopimuksen perusteella",
        "johtajasopimus ja tavoitteet",
        "direktörsavtal",
        "direktörsavtalet",
        "ledaravtal",
    ),
    "purpose": (
        "tavoitekeskustelun tarkoitus",
        "tavoitekeskustelujen tarkoitus",
        "tarkoitus",
        "syftet med målsamtalet",
        "målsamtalets syfte",
        "syfte",
    ),
    "evaluation": (
        "tavoitteiden arviointi",
        "arviointi",
        "tavoitteiden seuranta ja arviointi",
        "utvärdering av målen",
        "bedömning av målen",
        "utvärdering",
        "bedömning",
    ),
}
GOAL_COLUMN = re.compile(
    r"(?:^|\s|/)(?:tavoite|tavoitteet|mål|målet|målen|målsättning|goal)(?:\s|$|/|\()",
    re.IGNORECASE,
)
INDICATOR_COLUMN = re.compile(
    r"mittari|indikaattori|arviointikriteeri|mätare|mätarna|indikator|bedömningskriteri",
    re.IGNORECASE,
)
IGNORED_COLUMN = re.compile(
    r"tavoitetaso|tavoitearvo|lähtötaso|målnivå|målvärde|toimenpi|keino|åtgärd|vastuu|ansvar|"
    r"aikataulu|tidtabell|nykytila|utgångsläge",
    re.IGNORECASE,
)
WEIGHT_COLUMN = re.compile(r"^(?:" + WEIGHT_WORDS + r")\b", re.IGNORECASE)
AREA_COLUMN = re.compile(r"^(?:" + AREA_WORDS + r")\b", re.IGNORECASE)
TABLE_HEADER_LINE = re.compile(
    r"^(?:tavoite|tavoitteet|mål)\s+(?:mittari|mittarit|mätare|indikator|indikatorer)\b",
    re.IGNORECASE,
)
TOTAL_ROW = re.compile(
    r"^(?:yhteensä|yht\.?|summa|totalt|sammanlagt|total)(?:\s*/\s*\w+)?"
    r"(?:\s*:?\s*\d{1,3}(?:[,.]\d{1,2})?\s*%?)?$",
    re.IGNORECASE,
)
PERIOD_LINE = re.compile(
    r"^\s*(?:tavoitekausi|tavoiteaika|ajanjakso|kausi|målperiod|period|giltighetstid)\b", re.I
)
INLINE_BULLET = re.compile(r"\s[•▪\uf0b7]\s")


def _key(text: str) -> str:
    return squash(re.sub(r"^\s*\d{1,2}[.)]\s+", "", text)).rstrip(":.").lower()


def _section_kind(text: str) -> str | None:
    key = _key(text)
    for kind, headings in SECTION_HEADINGS.items():
        if key in headings:
            return kind
    return None


def _language(text: str) -> str:
    """The document's language: Swedish where its words are more Swedish than Finnish."""
    return "sv" if language_of(text) == "sv" else "fi"


def _handling_line(text: str) -> list[tuple[Any, str]]:
    if not HANDLING_LINE.match(text):
        return []
    return dates.handling(text) or _pairs(text)  # bodies of any name: "Kst", "Kfge"


def _pairs(text: str) -> list[tuple[Any, str]]:
    import datetime

    found = []
    for day, month, year, body in HANDLING_PAIR.findall(text):
        try:
            found.append((datetime.date(int(year), int(month), int(day)), body))
        except ValueError:
            continue
    return found


def _checkpoint_label(text: str) -> str:
    label = CHECKPOINT_LABEL.sub("", text, count=1)
    return squash(re.sub(r"/\s+", "/", label)).rstrip(":")


def _names_a_time(label: str) -> bool:
    """ "Seuranta elokuu 2026", "Uppföljning 1/2026", "Seuranta 2": a checkpoint; "Seuranta ja
    arviointi" is a heading."""
    label = _checkpoint_label(label)
    return bool(re.search(r"\d", label) or dates.MONTH_WORD.search(label))


def _weight_cell(text: str) -> Decimal | None:
    """A weight column's cell: "40 %", "40", or a spreadsheet's percentage value "0.4"."""
    match = re.search(r"(\d{1,3}(?:[,.]\d{1,4})?)", text)
    if not match:
        return None
    weight = Decimal(match.group(1).replace(",", "."))
    if "%" not in text and 0 < weight <= 1 and match.group(1) != "1":
        text = format(weight * 100, "f")
        weight = Decimal(text.rstrip("0").rstrip(".") if "." in text else text)
    return weight if weight <= 100 else None


def cell_lines(raw: str, split_semicolons: bool = False) -> list[str]:
    """A table cell's items: one per bullet or line; a line starting in lower case continues
    the one above; with `split_semicolons`, "a; b; c" is three."""
    found: list[str] = []
    for line in (raw or "").splitlines():
        text = line.strip()
        if not text:
            continue
        kind, rest, _extra = marker(text)
        if kind or not found:
            found.append(squash(rest if kind else text))
        elif text[0].islower() or found[-1].endswith(("/", "-", ",")):
            found[-1] = squash(found[-1] + " " + text)
        else:
            found.append(squash(text))
    if split_semicolons:
        found = [squash(p) for item in found for p in item.split(";")]
    return [f for f in found if f]


# --- Building pieces ----------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.checkpoints: list[str] = []
        self.handling: list[tuple[Any, str, str, str]] = []  # date, body, source, line
        self.sections: list[tuple[FoundSection, list[list[str]]]] = []
        self.goals: dict[str, Piece] = {}  # a table's goals by their cell, lower case
        self.last_header: tuple[str, ...] = ()
        self.last_goal: Piece | None = None
        self.last_indicator: Piece | None = None
        self.chunks: dict[int, list[str]] = {}  # id(piece) → its text and continued lines

    def checkpoint(self, label: str) -> str:
        """A checkpoint's label, once: "elokuussa 2026" as "elokuu 2026"; the same months
        named again (in Swedish beside Finnish) are the same checkpoint."""
        label = squash(label)
        canonical = dates.checkpoints("seuranta " + label, None)
        if canonical:
            label = canonical[0]
        window = checkpoint_window(label)
        for known in self.checkpoints:
            if known.lower() == label.lower() or (window and checkpoint_window(known) == window):
                return known
        if label and len(self.checkpoints) < MAX_CHECKPOINTS:
            self.checkpoints.append(label)
        return label

    # Lines.
    def lines(self, lines: list[Line]) -> None:
        for line in lines:
            attrs = dict(line.attrs)
            attrs.setdefault("page", line.page)
            if not line.text.strip():
                continue
            piece = from_line(line.text, line.kind, line.level, line.source, attrs)
            if not piece.text and not piece.marker:
                continue
            if self._continues(piece, line):
                # Continued text is collected and joined once (`joined`): a long run of
                # broken lines stays linear.
                previous = self.pieces[-1]
                chunks = self.chunks.setdefault(id(previous), [previous.text])
                joiner = "" if chunks[-1].endswith(("/", " -")) else " "
                chunks.append(joiner + piece.text)
                continue
            self._join_last()
            self._add(piece)
        self._join_last()

    def _join_last(self) -> None:
        if self.pieces and id(self.pieces[-1]) in self.chunks:
            last = self.pieces[-1]
            last.text = squash("".join(self.chunks.pop(id(last))))

    def _continues(self, piece: Piece, line: Line) -> bool:
        if not self.pieces or line.kind not in ("text", "pdf") or piece.marker:
            return False
        previous = self.pieces[-1]
        if previous.whole or previous.heading or previous.fixed or previous.furniture:
            return False
        if previous.page != piece.page or piece.furniture or not piece.text:
            return False
        if HANDLING_LINE.match(piece.text) or (
            id(previous) not in self.chunks and HANDLING_LINE.match(previous.text)
        ):
            return False
        tail = self.chunks.get(id(previous), [previous.text])[-1]
        if tail.endswith("/"):
            return True
        first = piece.text[0]
        return first.islower() or (first.isdigit() and not tail.endswith("."))

    def _add(self, piece: Piece) -> None:
        """A piece, with bullets written inline after its text split off."""
        text = piece.text
        if not piece.marker and INLINE_BULLET.search(f" {text} ") and not text.startswith("•"):
            head, *rest = re.split(r"\s*[•▪\uf0b7]\s*", text, maxsplit=MAX_INLINE + 1)
            if head.strip() and rest and len(rest) <= MAX_INLINE:
                piece.text = squash(head)
                self.pieces.append(piece)
                for part in rest:
                    if part.strip():
                        self.pieces.append(
                            Piece(
                                text=squash(part),
                                source=piece.source,
                                page=piece.page,
                                marker="bullet",
                                depth=piece.depth,
                            )
                        )
                return
        self.pieces.append(piece)

    # Tables.
    def table(self, table: Table) -> None:
        raw_rows = [row for row in table.rows if any((c or "").strip() for c in row)]
        rows = [[squash(c) if c else "" for c in row] for row in raw_rows]
        header_at = None
        for index, row in enumerate(rows[:HEADER_WITHIN]):
            if _goal_column(row) is not None and any(
                INDICATOR_COLUMN.search(c)
                or CHECKPOINT_LABEL.match(c)
                or (len(c) < 60 and dates.checkpoints("seuranta " + c, None))
                or WEIGHT_COLUMN.match(c)
                or AREA_COLUMN.match(c)
                for c in row
            ):
                header_at = index
                break
        if header_at is None:
            self.lines(
                [
                    Line(text=line, kind="para", source=f"{table.source} row {r + 1}",
                         page=table.page)
                    for r, row in enumerate(raw_rows)
                    for cell in _distinct(row)
                    for line in (cell or "").splitlines()
                    if line.strip()
                ]
            )  # fmt: skip
            return
        if header_at:
            above = [
                Line(text=cell, kind="para", source=f"{table.source} row {r + 1}", page=table.page)
                for r, row in enumerate(rows[:header_at])
                for cell in _distinct(row)
                if cell
            ]
            self.lines(above)
        header = rows[header_at]
        goal_col = _goal_column(header)
        if goal_col is None:  # found above; never
            return
        roles: dict[int, str] = {}
        for i, cell in enumerate(header):
            if i == goal_col:
                continue
            if CHECKPOINT_LABEL.match(cell) and _checkpoint_label(cell):
                roles[i] = "checkpoint"
            elif dates.checkpoints("seuranta " + cell, None) and len(cell) < 60:
                roles[i] = "checkpoint"
                header[i] = "Seuranta " + dates.checkpoints("seuranta " + cell, None)[0]
            elif WEIGHT_COLUMN.match(cell):
                roles[i] = "weight"
            elif IGNORED_COLUMN.search(cell):
                roles[i] = "ignore"
            elif INDICATOR_COLUMN.search(cell):
                roles[i] = "indicator"
            elif AREA_COLUMN.match(cell):
                roles[i] = "area"
        labels = {
            i: self.checkpoint(_checkpoint_label(header[i]))
            for i, role in roles.items()
            if role == "checkpoint"
        }
        indicator_cols = [i for i, r in roles.items() if r == "indicator"]
        if len(indicator_cols) > 1:
            # "Mittarit | Mätare": the same indicators in two languages, read in the first.
            languages = {language_of(header[i]) or header[i][:4].lower() for i in indicator_cols}
            if len(languages) > 1:
                indicator_cols = indicator_cols[:1]
        area_col = next((i for i, r in roles.items() if r == "area"), None)
        self.pieces.append(
            Piece(text=" | ".join(c for c in header if c), source=f"{table.source} row "
                  f"{header_at + 1}", page=table.page, fixed="text", role="text",
                  confidence=0.95, why="table header", whole=True, table=table.source)
        )  # fmt: skip
        # A table continued on the next page repeats its header: its first rows continue the
        # goal (and a row broken at the page, the indicator) where the page ended.
        continued = tuple(header) == self.last_header
        self.last_header = tuple(header)
        previous_title = None
        area = None
        goal: Piece | None = self.last_goal if continued else None
        for r, row in enumerate(raw_rows[header_at + 1 :], start=header_at + 2):
            source = f"{table.source} row {r}"

            def at(i: int, row: list[str] = row) -> str:
                return (row[i] or "") if i < len(row) else ""

            if area_col is not None and squash(at(area_col)) and squash(at(area_col)) != area:
                area = squash(at(area_col))
                self._fixed(area, "area", f"{source} cell {area_col + 1}", table)
            title_cell = at(goal_col)
            if len(_distinct(row)) == 1 and len([c for c in row if squash(c or "")]) > 1:
                across = squash(_distinct(row)[0])
                after = raw_rows[r] if r < len(raw_rows) else []
                heads = goal_col < len(after) and squash(after[goal_col] or "")
                if _area_row(across) and area_col is None and heads and len(_distinct(after)) > 1:
                    area = across  # "Hållbar ekonomi" across the table: the goals' area
                    self._fixed(across, "area", source, table)
                else:
                    self.lines([Line(text=across, kind="para", source=source, page=table.page)])
                continue  # a note across the row
            if any(TOTAL_ROW.match(squash(cell)) for cell in [title_cell, *_distinct(row)[:1]]):
                continue  # "Yhteensä 100 %": the sum of the weights
            if _note(row, goal_col):
                self.lines([Line(text=title_cell, kind="para", source=source, page=table.page)])
                continue
            known = self.goals.get(squash(title_cell).lower())
            if known is not None and known.table != table.source:
                goal, previous_title = known, squash(title_cell)  # a follow-up table
            elif squash(title_cell) and squash(title_cell) != previous_title:
                lines = cell_lines(title_cell) or [squash(title_cell)]
                kind, rest, _extra = marker(lines[0])
                goal = self._fixed(_one_language(rest if kind else lines[0]), "goal", source, table)
                goal.text = GOAL_LABEL.sub("", goal.text, count=1)
                self.goals[squash(title_cell).lower()] = goal
                for i, role in roles.items():
                    if role == "weight" and squash(at(i)):
                        goal.weight = _weight_cell(at(i))
                previous_title = squash(title_cell)
                if not indicator_cols:  # the indicators under the title in the goal's cell
                    for line in lines[1:]:
                        self._fixed(line, "indicator", source, table)
            if goal is None:
                continue
            for i in indicator_cols:
                lines = cell_lines(at(i), split_semicolons=";" in at(i))
                if (
                    continued
                    and r == header_at + 2
                    and lines
                    and lines[0][:1].islower()
                    and self.last_indicator is not None
                ):
                    self.last_indicator.text = squash(self.last_indicator.text + " " + lines[0])
                    lines = lines[1:]
                for line in lines:
                    self.last_indicator = self._fixed(
                        line, "indicator", f"{source} cell {i + 1}", table
                    )
            self.last_goal = goal
            for i, label in labels.items():
                text = squash(at(i))
                if text:
                    known = goal.follow_ups.get(label.lower(), "")
                    goal.follow_ups[label.lower()] = f"{known}\n{text}" if known else text

    def _fixed(self, text: str, role: str, source: str, table: Table) -> Piece:
        piece = Piece(
            text=squash(text), source=source, page=table.page, fixed=role, role=role,
            confidence=0.95, why="table column", whole=True, table=table.source,
        )  # fmt: skip
        self.pieces.append(piece)
        return piece


def _goal_column(row: list[str]) -> int | None:
    for i, cell in enumerate(row):
        if (
            cell
            and len(cell) < 60
            and GOAL_COLUMN.search(" " + cell + " ")
            and not (
                INDICATOR_COLUMN.search(cell)
                or IGNORED_COLUMN.search(cell)
                or AREA_COLUMN.match(cell)
            )
        ):
            return i
    return None


def _area_row(text: str) -> bool:
    """A short heading across a goal table's row (not a sentence, a total or a container)."""
    piece = Piece(text=text)
    return (
        0 < len(text.split()) <= 8
        and not text.rstrip().endswith((".", ":"))
        and not TOTAL_ROW.match(text)
        and not is_container(piece)
        and not CHECKPOINT_LABEL.match(text)
        and not dates.handling(text)
    )


def _one_language(text: str) -> str:
    """A bilingual cell's Finnish title without the Swedish one run on after it (a PDF
    cell's two lines read as one): "Palveluverkon uudistaminen Förnyelse av servicenätet"."""
    words = text.split()
    for at in range(2, len(words) - 1):
        if words[at][:1].isupper():
            left, right = " ".join(words[:at]), " ".join(words[at:])
            if language_of(left) == "fi" and language_of(right) == "sv":
                return left
    return text


def _note(row: list[str], goal_col: int) -> bool:
    """A sentence alone on its row under a goal table (a spreadsheet's note): not a goal."""
    text = squash(row[goal_col] or "") if goal_col < len(row) else ""
    alone = not any(squash(c or "") for i, c in enumerate(row) if i != goal_col)
    return alone and text.endswith(".") and len(text.split()) >= 5


def _distinct(row: list[str]) -> list[str]:
    """A row's cells, a cell repeated across a merged span read once."""
    out: list[str] = []
    for cell in row:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


# --- Reading the pieces -------------------------------------------------------------------------


class _Reader:
    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.doc = FoundDocument()
        self.follow_texts: list[tuple[Piece, str, str]] = []  # (line, checkpoint, text)
        # A checkpoint found in running text → (source, line) it was found on.
        self.checkpoint_sources: dict[str, tuple[str, str]] = {}

    def read(self) -> FoundDocument:
        pieces = self.b.pieces
        for piece in pieces:
            if TOC_LINE.search(piece.text) or (NOISE.match(piece.text) and len(piece.text) < 25):
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "ignore" if TOC_LINE.search(piece.text) else "text",
                    "ignore" if TOC_LINE.search(piece.text) else "text",
                    0.9,
                    "table of contents" if TOC_LINE.search(piece.text) else "letterhead",
                )  # fmt: skip
            if piece.furniture:
                piece.role, piece.fixed, piece.confidence, piece.why = (
                    "ignore", "ignore", 0.9, "page header or footer",
                )  # fmt: skip
        self.title(pieces)
        self.words(pieces)
        apply_labels(pieces)
        mark_translations(pieces)
        assign(pieces)
        self.attach_follow_ups(pieces)
        self.running_dates(pieces)
        self.doc.checkpoints = [FoundCheckpoint(label=c) for c in self.b.checkpoints]
        self.doc.lines = [outline.line_of(p) for p in pieces]
        outline.derive(self.doc)
        return self.doc

    def title(self, pieces: list[Piece]) -> None:
        candidates = [p for p in pieces[:12] if not p.furniture and p.role != "ignore"]
        chosen = None
        for piece in candidates[:8]:
            if (
                len(piece.text) < 160
                and TITLE_WORDS.search(piece.text)
                and not piece.fixed
                and not _section_kind(piece.text)
                and not HANDLING_LINE.match(piece.text)
            ):
                chosen = piece
                break
        if chosen is None:
            for piece in candidates:
                if piece.fixed or piece.marker or NOISE.match(piece.text):
                    continue
                if len(piece.text) < 200 and (
                    _section_kind(piece.text) or HANDLING_LINE.match(piece.text)
                ):
                    continue
                chosen = piece
                break
        if chosen is None:
            return
        self.doc.title = chosen.text
        chosen.fixed, chosen.role, chosen.confidence, chosen.why = "text", "text", 0.9, "title"
        for piece in pieces[: pieces.index(chosen)]:
            if not piece.fixed:
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.8, "above the title",
                )  # fmt: skip

    def words(self, pieces: list[Piece]) -> None:
        """Handling lines, sections, the flattened goal table, checkpoint lines."""
        section: tuple[FoundSection, list[list[str]], Piece] | None = None
        flat = False
        follow_label: str | None = None
        for index, piece in enumerate(pieces):
            text = piece.text
            if piece.role == "ignore":
                continue
            if flat and piece.marker == "bullet" and not piece.fixed:
                piece.fixed, piece.role, piece.why = "indicator", "indicator", "table rows"
                piece.confidence = 0.9
                continue  # the flattened table's rows: the common case, read first
            handled = _handling_line(text) if not piece.marker else []
            if not handled and len(text) < 90 and not piece.fixed and not piece.marker:
                handled = dates.handling(text)
            if not handled and len(text) < 60 and not piece.fixed and PERIOD_LINE.match(text):
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.9, "period",
                )  # fmt: skip
                continue
            if handled and piece.fixed != "goal":
                for date, body in handled:
                    self.add_handling(date, body)
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.95, "handling",
                )  # fmt: skip
                continue
            kind = _section_kind(text) if not piece.table and len(text) < 80 else None
            if kind and len(text) < 80 and piece.marker in ("", "number"):
                found = FoundSection(kind=kind, heading=squash(text).rstrip(":"), text="")
                section = (found, [], piece)
                self.doc.sections.append(found)
                self.b.sections.append((found, section[1]))
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.95, "section heading",
                )  # fmt: skip
                flat = False
                continue
            if TABLE_HEADER_LINE.match(text) and not piece.marker:
                header = text
                for nxt in pieces[index + 1 : index + 1 + MAX_CHECKPOINTS]:
                    if CHECKPOINT_LABEL.match(nxt.text) and not nxt.marker:
                        header += " " + nxt.text
                        nxt.fixed, nxt.role, nxt.why = "text", "text", "table header"
                    else:
                        break
                for label in re.split(r"\b(?:seuranta|uppföljning)\b", header, flags=re.I)[1:]:
                    self.checkpoint(_checkpoint_label(label))
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.95, "table header",
                )  # fmt: skip
                section, flat = None, True
                continue
            if piece.fixed:
                continue
            if section is not None and self._ends_section(piece, section[2]):
                section = None
            if section is not None:
                lines = section[1]
                if piece.marker == "bullet":
                    lines.append(["• " + text])
                elif lines and not lines[-1][0].startswith("• ") and not piece.whole:
                    lines[-1].append(text)
                else:
                    lines.append([text])
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.9, f"section: {section[0].kind}",
                )  # fmt: skip
                continue
            if flat:
                if piece.marker == "bullet":
                    piece.fixed, piece.role, piece.why = "indicator", "indicator", "table rows"
                else:
                    piece.fixed, piece.role, piece.why = "goal", "goal", "table rows"
                    piece.table = "text"  # a goal table flattened into text
                    piece.text = GOAL_LABEL.sub("", piece.text, count=1)
                piece.confidence = 0.9
                continue
            checkpoint = CHECKPOINT_LABEL.match(text)
            if checkpoint and len(text) < 400 and _names_a_time(text.partition(":")[0]):
                label, _, rest = text.partition(":")
                follow_label = self.checkpoint(_checkpoint_label(label))
                if rest.strip():
                    self.follow_texts.append((piece, follow_label, rest))
                    follow_label = None
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "text", "text", 0.9, "follow-up",
                )  # fmt: skip
                continue
            if follow_label is not None:
                if not piece.marker and not piece.heading and not GOAL_LABEL.match(text):
                    self.follow_texts.append((piece, follow_label, text))
                    piece.fixed, piece.role, piece.confidence, piece.why = (
                        "text", "text", 0.8, "follow-up",
                    )  # fmt: skip
                    continue
                follow_label = None
        for found, lines in self.b.sections:
            found.text = "\n".join(" ".join(parts) for parts in lines)

    def _ends_section(self, piece: Piece, heading: Piece) -> bool:
        if piece.heading and (not heading.heading or piece.heading <= heading.heading):
            return True
        if (
            is_container(piece)
            or GOAL_LABEL.match(piece.text)
            or piece.marker
            in (
                "number",
                "outline",
                "roman",
            )
        ):
            return True
        from .pieces import AREA_LABEL

        if AREA_LABEL.match(piece.text):
            return True
        return (piece.bold or piece.caps or piece.size >= 1.15) and piece.short(120)

    def checkpoint(self, label: str) -> str:
        return self.b.checkpoint(label)

    def attach_follow_ups(self, pieces: list[Piece]) -> None:
        """Each follow-up text to the goal above it (known once the roles are)."""
        owners: dict[int, Piece | None] = {}
        goal: Piece | None = None
        for piece in pieces:
            if piece.role == "goal":
                goal = piece
            owners[id(piece)] = goal
        for piece, label, text in self.follow_texts:
            owner = owners.get(id(piece))
            if owner is not None:
                self._follow_up(owner, label, text)

    def _follow_up(self, goal: Piece, label: str, text: str) -> None:
        text = squash(text)
        if text:
            known = goal.follow_ups.get(label.lower(), "")
            goal.follow_ups[label.lower()] = f"{known}\n{text}" if known else text

    def add_handling(self, date: Any, body: str, source: str = "", line: str = "") -> None:
        """A handling, once: the same body in the other language on the same day is the same
        handling ("Kaupunginhallitus / Stadsstyrelsen 2.2.2026")."""
        for known in self.doc.handling:
            if known.date == date and dates.same_body(known.body) == dates.same_body(body):
                return
        self.doc.handling.append(FoundHandling(date=date, body=body, source=source, line=line))

    def running_dates(self, pieces: list[Piece]) -> None:
        """Checkpoints, handling and the period in sentences, with their source."""
        for piece in pieces:
            if piece.role in ("goal", "indicator"):
                continue
            text = piece.text[:SENTENCE]
            if piece.role == "ignore":  # a page header "KH 13.1.2026 § 5" names the handling
                found = dates.handling(text)
            else:
                found = dates.handling(text) or dates.approval(text)
            for date, body in found:
                self.add_handling(date, body, piece.source, piece.text)
        for handled in self.doc.handling:
            if not handled.source:
                for piece in pieces:
                    if handled.date.strftime("%-d.%-m.%Y") in piece.text[:SENTENCE]:
                        handled.source, handled.line = piece.source, piece.text
                        break
        self.doc.handling.sort(key=lambda h: h.date)
        year = None
        for piece in [p for p in pieces if p.why == "title"] + pieces:
            if piece.role in ("goal", "indicator"):
                continue
            span = dates.period(piece.text[:SENTENCE])
            if span:
                self.doc.period_start, self.doc.period_end = span
                self.doc.period_source, self.doc.period_line = piece.source, piece.text
                year = span[0].year
                break
        title_years = re.findall(r"\b20\d\d\b", self.doc.title)
        if year is None and len(set(title_years)) == 1:
            # "Kunnanjohtajan tavoitteet 2026": the year of a checkpoint named without one
            # (the review proposes it as the period too, but the text did not state it).
            year = int(title_years[0])
        if year is None and self.doc.handling:
            year = self.doc.handling[0].date.year
        sources: dict[str, tuple[str, str]] = {}
        for piece in pieces:
            if piece.role in ("goal", "indicator", "area") or piece.role == "ignore":
                continue
            for label in dates.checkpoints(piece.text[:SENTENCE], year):
                if label.lower() not in {c.lower() for c in self.b.checkpoints}:
                    self.checkpoint(label)
                sources.setdefault(label.lower(), (piece.source, piece.text))
        self.checkpoint_sources = sources


def find_structure(blocks: list[Block]) -> FoundDocument:
    builder = _Builder()
    pending: list[Line] = []
    texts: list[str] = []
    sources: list[dict[str, str]] = []
    for block in blocks:
        if isinstance(block, Table):
            sources.extend(
                {"source": f"{block.source} row {r}", "text": " | ".join(c for c in row if c)}
                for r, row in enumerate(
                    [row for row in block.rows if any((c or "").strip() for c in row)], start=1
                )
            )
            if pending:
                builder.lines(pending)
                pending = []
            builder.table(
                Table(
                    rows=[[c or "" for c in row] for row in block.rows],
                    source=block.source,
                    page=block.page,
                )
            )
            texts.extend(" | ".join(c for c in row if c) for row in block.rows)
        else:
            pending.append(block)
            if not block.attrs.get("furniture"):
                texts.append(block.text)
            if block.text.strip():
                sources.append({"source": block.source, "text": block.text.strip()})
    if pending:
        builder.lines(pending)
    reader = _Reader(builder)
    document = reader.read()
    for checkpoint in document.checkpoints:
        source = reader.checkpoint_sources.get(checkpoint.label.lower())
        if source:
            checkpoint.source, checkpoint.line = source
    document.source_text = "\n".join(t for t in texts if t is not None)
    document.source_lines = sources
    document.language = _language(document.source_text[:100_000])  # enough to tell
    return document


def lines_of_text(text: str) -> list[Block]:
    """Plain text as lines; a form feed starts a new page."""
    blocks: list[Block] = []
    for page, chunk in enumerate(text.split("\f")):
        for number, line in enumerate(chunk.splitlines(), start=1):
            blocks.append(Line(text=line, source=f"page {page + 1} line {number}", page=page + 1))
    return blocks

"""Finding a goal document's structure in lines and tables (Finnish and Swedish).

The extractors (`extract.py`) turn every format into a list of blocks: `Line`s (with a kind
when the format knows it: a heading and its level, a list item and its level) and `Table`s
(rows of cell texts). `find_structure(blocks)` reads them into a `FoundDocument`:

- the title (the first line), handling lines ("26.3.2025 Poljory, 31.3.2025 KH");
- the basis ("Johtajasopimus"), purpose ("Tavoitekeskustelun tarkoitus") and evaluation
  ("Tavoitteiden arviointi") sections, by their headings;
- goals from tables with a goal column (indicators, weight, area and checkpoint columns
  beside it) or, where there is no table, from headings, numbering and bullets: a numbered
  or headed line is a goal, the bullets or sub-numbers under it its indicators;
- a goal table flattened into text ("Tavoite Mittari Seuranta elokuu 2025 …", then
  "Goal • first indicator" lines), as text extracted from a PDF gives it;
- checkpoints ("Seuranta elokuu 2025", "Uppföljning augusti 2025") as columns or headings,
  with the follow-up text written under them;
- weights ("20 %", "paino 40 %", "vikt 30 %").

Lines broken by the extraction (a PDF's line ends) are joined first: a line that starts in
lower case, or after one that ends in "/", continues the one before.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .found import (
    FoundCheckpoint,
    FoundDocument,
    FoundGoal,
    FoundHandling,
    FoundIndicator,
    FoundSection,
)


@dataclass
class Line:
    text: str
    # "text" (a line of plain text, maybe broken), "para" (a whole paragraph of a document
    # format), "heading", "item" (a list item the format marked as one)
    kind: str = "text"
    level: int = 0  # heading level (1 = top) or list level (0 = top)
    source: str = ""
    page: int = 0


@dataclass
class Table:
    rows: list[list[str]]
    source: str = ""
    page: int = 0


Block = Line | Table
MAX_CHECKPOINTS = 24  # more labels than this are not a goal document's checkpoints
HEADER_WITHIN = 15  # a goal table's header row is among its first rows that have text

# Bullets as documents and PDFs give them: Word's Symbol and Wingdings bullets come out of a
# PDF as private-use characters ("\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0fc" …).
BULLET = re.compile(
    "^\\s*(?:[•◦▪▫■□●○‣⁃∙·*➢►▶▸◆◇❖✓✔→⦁\uf06e\uf071\uf076\uf0a7\uf0a8\uf0b7\uf0d8\uf0e0\uf0fc]"
    "|[-–—‒](?=\\s)|o(?=\\s))\\s*"
)
LETTERED = re.compile(r"^\s*[a-zåäö]\)\s+")
SUB_NUMBER = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.?\s+")
NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
GOAL_WORD = re.compile(r"^\s*(?:tavoite|mål)\s*(\d{1,2})\s*[.:)–-]?\s*", re.IGNORECASE)
AREA_WORD = re.compile(
    r"^\s*(?:painopistealue|painopiste|osa-alue|tavoitealue|alue|fokusområde|område)\s*"
    r"(?:\d{1,2}\s*)?[:.–-]\s*",
    re.IGNORECASE,
)
INDICATOR_WORD = re.compile(
    r"^\s*(?:mittarit|mittari|indikaattorit|indikaattori|arviointikriteerit|arviointikriteeri|"
    r"mätare|indikatorer|indikator|bedömningskriterier)\s*:?\s*",
    re.IGNORECASE,
)
CHECKPOINT_WORD = re.compile(r"^\s*(?:seuranta|uppföljning|uppföljningen)\b\s*", re.IGNORECASE)
WEIGHT = re.compile(
    r"[(\[,;–-]?\s*(?:(?:paino|painoarvo|vikt|viktning)\s*:?\s*)?"
    r"(\d{1,3}(?:[,.]\d{1,2})?)\s*%\s*[)\]]?\s*$",
    re.IGNORECASE,
)
WEIGHT_LINE = re.compile(
    r"^\s*(?:paino|painoarvo|painotus|vikt|viktning)\s*:?\s*(\d{1,3}(?:[,.]\d{1,2})?)\s*%\s*$",
    re.IGNORECASE,
)
DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
HANDLING_PAIR = re.compile(DATE + r"\s+([A-ZÅÄÖa-zåäö][\wåäöÅÄÖ-]{0,40})")
BODY = r"[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ-]{0,40}"
# One whitespace run between the pairs, whatever separates them: no nested ambiguity to
# backtrack through on a hostile line.
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
GOALS_HEADINGS = (
    "tavoitteet",
    "kansliapäällikön tavoitteet",
    "kunnanjohtajan tavoitteet",
    "vuoden tavoitteet",
    "tavoitteet ja mittarit",
    "mål",
    "målen",
    "mål och mätare",
    "mål och indikatorer",
)
GOAL_COLUMN = re.compile(r"^(?:tavoite|tavoitteet|mål|målet)\b", re.IGNORECASE)
INDICATOR_COLUMN = re.compile(
    r"^(?:mittari|mittarit|indikaattori|indikaattorit|arviointikriteeri|arviointikriteerit|"
    r"mätare|mätarna|indikator|indikatorer|bedömningskriterier)\b",
    re.IGNORECASE,
)
WEIGHT_COLUMN = re.compile(r"^(?:paino|painoarvo|painotus|vikt|viktning)\b", re.IGNORECASE)
AREA_COLUMN = re.compile(
    r"^(?:painopistealue|painopiste|alue|osa-alue|tavoitealue|område|fokusområde)\b",
    re.IGNORECASE,
)
TABLE_HEADER_LINE = re.compile(
    r"^(?:tavoite|tavoitteet|mål)\s+(?:mittari|mittarit|mätare|indikator|indikatorer)\b",
    re.IGNORECASE,
)

SWEDISH_WORDS = frozenset(
    re.findall(
        r"\S+",
        "och att för av med som målet mål uppföljning utvärdering syfte är på till det den "
        "inom samt ska kommunens",
    )
)
FINNISH_WORDS = frozenset(
    re.findall(
        r"\S+",
        "ja tai sekä tavoite tavoitteet seuranta arviointi kunnan on että mittari johtaminen "
        "kehittäminen",
    )
)


def squash(text: str) -> str:
    return " ".join(text.split())  # as re.sub(r"\s+", " ", …).strip(), several times faster


def _key(text: str) -> str:
    return squash(NUMBER.sub("", text)).rstrip(":.").lower()


def _strip_bullet(text: str) -> str:
    for pattern in (BULLET, LETTERED, SUB_NUMBER):
        text = pattern.sub("", text, count=1)
    return squash(text)


def _is_bullet(text: str) -> bool:
    return bool(BULLET.match(text) or LETTERED.match(text) or SUB_NUMBER.match(text))


def _section_kind(text: str) -> str | None:
    key = _key(text)
    for kind, headings in SECTION_HEADINGS.items():
        if key in headings:
            return kind
    return None


def _is_goals_heading(text: str) -> bool:
    key = re.sub(r"\s+\d{4}(?:[–-]\d{2,4})?$", "", _key(text))
    return key in GOALS_HEADINGS


def _weight(text: str) -> tuple[str, Decimal | None]:
    """A goal title without its weight, and the weight ("Talous (paino 20 %)")."""
    match = WEIGHT.search(text)
    if not match or match.start() == 0:
        return text, None
    try:
        weight = Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return text, None
    if weight > 100:
        return text, None
    return squash(text[: match.start()]).rstrip(" ,;:–-"), weight


def _handling(text: str) -> list[FoundHandling]:
    if not HANDLING_LINE.match(text):
        return []
    found = []
    for day, month, year, body in HANDLING_PAIR.findall(text):
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
        found.append(FoundHandling(date=date, body=body))
    return found


def _checkpoint_label(text: str) -> str:
    return squash(re.sub(r"/\s+", "/", CHECKPOINT_WORD.sub("", text, count=1))).rstrip(":")


def _language(text: str) -> str:
    words = re.findall(r"[a-zåäö]+", text.lower())
    swedish = sum(1 for w in words if w in SWEDISH_WORDS) + text.lower().count("å") * 2
    finnish = sum(1 for w in words if w in FINNISH_WORDS)
    return "sv" if swedish > finnish else "fi"


# --- Joining broken lines ---------------------------------------------------------------------


@dataclass
class Item:
    """A logical line: broken lines joined, a bullet's marker removed."""

    text: str
    kind: str  # "text", "heading", "bullet", "numbered"
    level: int = 0
    source: str = ""
    page: int = 0
    parts: list[str] = field(default_factory=list)  # inline bullets after the text
    whole: bool = False  # a paragraph the format gave whole: never joined to another
    chunks: list[str] = field(default_factory=list)  # continued lines, joined at the end


def _tail(item: Item) -> str:
    """The end of the item's text so far (continued lines are collected in `chunks`)."""
    if item.chunks:
        return item.chunks[-1]
    return item.parts[-1] if item.parts else item.text


def _continues(previous: Item, text: str) -> bool:
    if previous.kind == "heading" or previous.whole or not text or HANDLING_LINE.match(text):
        return False
    if _tail(previous).endswith("/"):
        return True
    first = text[0]
    return (first.islower() or first.isdigit()) and not NUMBER.match(text)


def _items(lines: list[Line]) -> list[Item]:
    items: list[Item] = []
    for line in lines:
        raw = line.text.replace("\u00a0", " ")
        text = raw.strip()
        if not text:
            continue
        if line.kind == "heading":
            items.append(Item(squash(text), "heading", line.level, line.source, line.page))
            continue
        if line.kind == "item":
            items.append(Item(_strip_bullet(text), "bullet", line.level, line.source, line.page))
            continue
        if _is_bullet(text) and not WEIGHT_LINE.match(text):
            level = 1 if SUB_NUMBER.match(text) or LETTERED.match(text) else 0
            level += (len(raw) - len(raw.lstrip())) // 2
            kind = "bullet"
            text = _strip_bullet(text)
        elif NUMBER.match(text) or (
            GOAL_WORD.match(text) and not CHECKPOINT_WORD.match(text) and len(text) < 200
        ):
            kind = "numbered"
        else:
            kind = "text"
        if (
            kind == "text"
            and line.kind != "para"
            and items
            and items[-1].page == line.page
            and _continues(items[-1], text)
        ):
            target = items[-1]
            joiner = "" if _tail(target).endswith("/") else " "
            target.chunks.append(joiner + squash(text))
            continue
        item = Item(squash(text), kind, level if kind == "bullet" else 0, line.source, line.page)
        item.whole = line.kind == "para"
        if kind != "bullet" and " • " in f" {text} ".replace("•", " • "):
            head, *rest = text.split("•")
            if head.strip():
                item.text = squash(head)
                item.parts = [squash(p) for p in rest if p.strip()]
        items.append(item)
    for item in items:  # joined once: a long run of broken lines stays linear
        if item.chunks:
            if item.parts:
                item.parts[-1] += "".join(item.chunks)
            else:
                item.text += "".join(item.chunks)
            item.chunks = []
    return items


# --- Reading the items --------------------------------------------------------------------------


class _Reader:
    def __init__(self) -> None:
        self.doc = FoundDocument()
        self.goal: FoundGoal | None = None
        self.follow_ups: dict[int, dict[str, list[str]]] = {}
        self.checkpoint_keys: set[str] = set()
        self.area = ""
        self.section: FoundSection | None = None
        self.mode = "preamble"  # "preamble", "section", "goals", "flat_table"
        self.follow_up_label: str | None = None
        self.flat_weight = False  # the flattened table has a weight column
        # A section's lines, each a list of parts joined once at the end (a long section of
        # continued lines stays linear).
        self.section_lines: dict[int, list[list[str]]] = {}
        self.continued: dict[int, list[str]] = {}  # id(indicator or goal) → continued text
        self.pending: list[FoundGoal | FoundIndicator] = []

    # Checkpoints and follow-ups.
    def checkpoint(self, label: str) -> str:
        label = squash(label)
        if label and label.lower() not in self.checkpoint_keys:
            if len(self.checkpoint_keys) >= MAX_CHECKPOINTS:
                return label  # its follow-ups are then not kept: no document has so many
            self.checkpoint_keys.add(label.lower())
            self.doc.checkpoints.append(FoundCheckpoint(label=label))
        return label

    def follow_up(self, goal: FoundGoal, label: str, text: str) -> None:
        text = squash(text)
        if text:
            self.follow_ups.setdefault(id(goal), {}).setdefault(label.lower(), []).append(text)

    # Goals and indicators.
    def new_goal(self, title: str, source: str, weight: Decimal | None = None) -> FoundGoal:
        title, found_weight = _weight(squash(title))
        goal = FoundGoal(
            title=title.rstrip(":"),
            area=self.area,
            weight=weight if weight is not None else found_weight,
            source=source,
        )
        self.doc.goals.append(goal)
        self.goal = goal
        self.follow_up_label = None
        return goal

    def indicator(self, text: str, source: str) -> None:
        text = squash(text)
        if not text or self.goal is None:
            return
        if self.follow_up_label is not None:
            self.follow_up(self.goal, self.follow_up_label, text)
            return
        self.goal.indicators.append(FoundIndicator(text=text, source=source))

    def continue_last(self, text: str) -> None:
        if self.goal is None:
            return
        target: FoundGoal | FoundIndicator = (
            self.goal.indicators[-1] if self.goal.indicators else self.goal
        )
        self.continued.setdefault(id(target), []).append(squash(text))
        self.pending.append(target)

    # Sections.
    def start_section(self, kind: str, heading: str) -> None:
        self.section = FoundSection(kind=kind, heading=squash(heading).rstrip(":"), text="")
        self.doc.sections.append(self.section)
        self.mode = "section"
        self.goal = None

    def section_line(self, item: Item) -> None:
        if self.section is None:
            return
        lines = self.section_lines.setdefault(id(self.section), [])
        text = item.text
        if item.kind == "bullet":
            lines.append(["• " + text])
        elif lines and not lines[-1][0].startswith("• ") and not item.whole:
            lines[-1].append(text)
        else:
            lines.append([text])
        lines.extend(["• " + part] for part in item.parts)

    # The flattened goal table's header: "Tavoite Mittari Seuranta elokuu 2025" …
    def table_header(self, item: Item, items: list[Item], at: int) -> int:
        header = item.text
        used = 0
        for nxt in items[at + 1 : at + 1 + MAX_CHECKPOINTS]:
            if CHECKPOINT_WORD.match(nxt.text) and nxt.kind == "text" and not nxt.parts:
                header += " " + nxt.text
                used += 1
            else:
                break
        labels = re.split(r"\b(?:seuranta|uppföljning)\b", header, flags=re.IGNORECASE)[1:]
        for label in labels:
            self.checkpoint(_checkpoint_label(label))
        self.mode = "flat_table"
        self.flat_weight = bool(re.search(r"\b(?:paino|vikt)\b", header, re.IGNORECASE))
        self.goal = None
        self.section = None
        return used

    def read(self, items: list[Item]) -> None:
        i = 0
        while i < len(items):
            i += self.read_one(items, i)
            i += 1

    def read_one(self, items: list[Item], at: int) -> int:
        """Reads the item at `at`; returns how many items after it it used as well."""
        item = items[at]
        text = item.text
        nxt = items[at + 1] if at + 1 < len(items) else None
        if (
            not self.doc.title
            and self.mode == "preamble"
            and not self.doc.goals
            and not _section_kind(text)
            and not _handling(text)
            and item.kind != "bullet"
        ):
            self.doc.title = text
            return 0
        handling = _handling(text)
        if handling and item.kind != "bullet":
            self.doc.handling.extend(handling)
            return 0
        kind = _section_kind(text) if item.kind in ("text", "heading", "numbered") else None
        if kind and not item.parts and len(text) < 80:
            self.start_section(kind, text)
            return 0
        if TABLE_HEADER_LINE.match(text) and item.kind != "bullet":
            return self.table_header(item, items, at)
        if item.kind in ("text", "heading", "numbered") and _is_goals_heading(text):
            self.mode = "goals"
            self.section = None
            self.goal = None
            return 0
        if (
            item.kind == "heading"
            and nxt is not None
            and nxt.kind == "heading"
            and nxt.level > item.level
            and not _section_kind(nxt.text)
        ):
            self.area = text
            self.mode = "goals"
            self.section = None
            return 0
        area = AREA_WORD.match(text)
        if area and item.kind != "bullet" and len(text) < 120:
            self.area = squash(text[area.end() :])
            self.mode = "goals"
            self.section = None
            self.goal = None
            return 0
        if self.mode == "section":
            ends = item.kind == "heading" or GOAL_WORD.match(text)
            if nxt is not None and item.page != getattr(self, "_page", item.page):
                ends = True
            self._page = item.page
            if not ends:
                self.section_line(item)
                return 0
            self.mode = "goals"
            self.section = None
        self._page = item.page
        if self.mode == "flat_table":
            return self.flat_table_line(item)
        return self.goal_line(item, nxt)

    def flat_indicator(self, text: str, source: str) -> None:
        """An indicator of the flattened table; with a weight column, the goal's weight is
        printed on the line of one of its indicators: "… 40 %"."""
        if self.flat_weight and self.goal is not None and self.goal.weight is None:
            text, weight = _weight(text)
            self.goal.weight = weight
        self.indicator(text, source)

    def flat_table_line(self, item: Item) -> int:
        if item.kind == "bullet":
            self.flat_indicator(item.text, item.source)
        elif item.parts or item.kind in ("numbered", "heading") or item.text[:1].isupper():
            self.new_goal(GOAL_WORD.sub("", NUMBER.sub("", item.text)), item.source)
            for part in item.parts:
                self.flat_indicator(part, item.source)
        else:
            self.continue_last(item.text)
        return 0

    def goal_line(self, item: Item, nxt: Item | None) -> int:
        text = item.text
        weight_line = WEIGHT_LINE.match(text)
        if weight_line and self.goal is not None:
            self.goal.weight = Decimal(weight_line.group(1).replace(",", "."))
            return 0
        indicator_word = INDICATOR_WORD.match(text)
        if indicator_word and self.goal is not None and item.kind != "bullet":
            self.follow_up_label = None
            rest = text[indicator_word.end() :]
            for part in re.split(r";\s*", rest):
                self.indicator(part, item.source)
            for part in item.parts:
                self.indicator(part, item.source)
            return 0
        if CHECKPOINT_WORD.match(text) and self.goal is not None and item.kind != "bullet":
            label, _, rest = text.partition(":")
            self.follow_up_label = self.checkpoint(_checkpoint_label(label))
            if rest.strip():
                self.follow_up(self.goal, self.follow_up_label, rest)
            return 0
        if item.kind == "bullet":
            deeper = nxt is not None and nxt.kind == "bullet" and nxt.level > item.level
            if deeper and self.mode != "section":
                self.new_goal(text, item.source)
                self.mode = "goals"
                return 0
            if self.goal is not None:
                self.indicator(text, item.source)
            return 0
        starts_goal = item.kind in ("numbered", "heading") or (
            nxt is not None
            and (
                nxt.kind == "bullet"
                or INDICATOR_WORD.match(nxt.text)
                or WEIGHT_LINE.match(nxt.text)
            )
        )
        if self.mode == "goals" and item.kind == "text" and not starts_goal:
            if self.follow_up_label is not None and self.goal is not None:
                self.follow_up(self.goal, self.follow_up_label, text)
                return 0
            if item.parts:
                starts_goal = True
            elif self.goal is not None and self.goal.indicators:
                return 0  # prose between goals: kept in the source text only
            else:
                starts_goal = True
        if starts_goal or item.parts:
            title = GOAL_WORD.sub("", NUMBER.sub("", text, count=1), count=1)
            self.new_goal(title, item.source)
            self.mode = "goals"
            for part in item.parts:
                self.indicator(part, item.source)
        return 0

    # Tables.
    def table(self, table: Table) -> None:
        raw_rows = [row for row in table.rows if any((c or "").strip() for c in row)]
        rows = [[squash(c) if c else "" for c in row] for row in raw_rows]
        header_at = None
        for index, row in enumerate(rows[:HEADER_WITHIN]):
            if any(GOAL_COLUMN.match(c) for c in row) and (
                any(INDICATOR_COLUMN.match(c) for c in row)
                or any(CHECKPOINT_WORD.match(c) for c in row)
                or any(WEIGHT_COLUMN.match(c) for c in row)
            ):
                header_at = index
                break
        if header_at is None:
            # A table that is not a goal table: read its cells as lines.
            lines = [
                Line(text=cell, source=f"{table.source} row {r + 1}", page=table.page)
                for r, row in enumerate(rows)
                for cell in row
                if cell
            ]
            self.read(_items(lines))
            return
        if header_at:
            # Rows above the header (a spreadsheet's title, its handling line, a note) are
            # read as lines: the title and the handling dates come from them, never goals.
            above = [
                Line(text=cell, source=f"{table.source} row {r + 1}", page=table.page)
                for r, row in enumerate(rows[:header_at])
                for cell in row
                if cell
            ]
            self.read(_items(above))
            self.goal = None
        header = rows[header_at]
        goal_col = next(i for i, c in enumerate(header) if GOAL_COLUMN.match(c))
        indicator_cols = [i for i, c in enumerate(header) if INDICATOR_COLUMN.match(c)]
        weight_cols = [i for i, c in enumerate(header) if WEIGHT_COLUMN.match(c)]
        area_cols = [i for i, c in enumerate(header) if AREA_COLUMN.match(c) and i != goal_col]
        checkpoint_cols = [
            (i, self.checkpoint(_checkpoint_label(c)))
            for i, c in enumerate(header)
            if CHECKPOINT_WORD.match(c) and _checkpoint_label(c)
        ]
        self.mode = "goals"
        self.section = None
        previous_title = None
        for r, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
            cell = row[goal_col] if goal_col < len(row) else ""
            source = f"{table.source} row {r}"
            if area_cols and area_cols[0] < len(row) and row[area_cols[0]]:
                self.area = row[area_cols[0]]
            if cell and cell != previous_title:
                raw_cell = raw_rows[r - 1][goal_col] or ""
                cell_lines = _cell_lines(raw_cell) or [cell]
                title = GOAL_WORD.sub("", NUMBER.sub("", cell_lines[0]))
                weight = None
                for col in weight_cols:
                    if col < len(row) and row[col]:
                        weight = _weight_cell(row[col])
                self.new_goal(title, source, weight)
                previous_title = cell
                if not indicator_cols:  # the indicators under the title in the goal's cell
                    for line in cell_lines[1:]:
                        self.indicator(line, source)
            if self.goal is None:
                continue
            for col in indicator_cols:
                raw = raw_rows[r - 1][col] if col < len(raw_rows[r - 1]) else ""
                for line in _cell_lines(raw):
                    self.indicator(line, f"{source} cell {col + 1}")
            for col, label in checkpoint_cols:
                if col < len(row) and row[col]:
                    self.follow_up(self.goal, label, row[col])
        self.goal = None

    def finish(self) -> FoundDocument:
        for target in self.pending:
            extra = self.continued.pop(id(target), None)
            if extra is None:
                continue
            if isinstance(target, FoundIndicator):
                target.text = " ".join([target.text, *extra])
            else:
                target.title = " ".join([target.title, *extra])
        for section in self.doc.sections:
            lines = self.section_lines.get(id(section), [])
            section.text = "\n".join(" ".join(parts) for parts in lines)
        labels = [c.label.lower() for c in self.doc.checkpoints]
        for goal in self.doc.goals:
            texts = self.follow_ups.get(id(goal), {})
            goal.follow_ups = ["\n".join(texts.get(label, [])) for label in labels]
        return self.doc


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


def _cell_lines(raw: str) -> list[str]:
    """A table cell's indicators: one per bullet or line; broken lines joined."""
    found: list[str] = []
    for line in (raw or "").splitlines():
        text = line.strip()
        if not text:
            continue
        if _is_bullet(text) or not found:
            found.append(_strip_bullet(text))
        elif text[0].islower() or found[-1].endswith("/"):
            found[-1] = squash(found[-1] + " " + text)
        else:
            found.append(squash(text))
    return [f for f in found if f]


def find_structure(blocks: list[Block]) -> FoundDocument:
    reader = _Reader()
    pending: list[Line] = []
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            if pending:
                reader.read(_items(pending))
                pending = []
            reader.table(
                Table(
                    rows=[[c or "" for c in row] for row in block.rows],
                    source=block.source,
                    page=block.page,
                )
            )
            texts.extend(" | ".join(c for c in row if c) for row in block.rows)
        else:
            pending.append(block)
            texts.append(block.text)
    if pending:
        reader.read(_items(pending))
    document = reader.finish()
    document.source_text = "\n".join(t for t in texts if t is not None)
    document.language = _language(document.source_text)
    return document


def lines_of_text(text: str) -> list[Block]:
    """Plain text as lines; a form feed starts a new page."""
    blocks: list[Block] = []
    for page, chunk in enumerate(text.split("\f")):
        for number, line in enumerate(chunk.splitlines(), start=1):
            blocks.append(Line(text=line, source=f"page {page + 1} line {number}", page=page))
    return blocks

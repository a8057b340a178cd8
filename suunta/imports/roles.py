"""What each piece of a goal document is: an area, a goal, an indicator or text.

Documents say it in three ways, and this module reads them in that order:

1. **In words** — a table's column headed "Tavoite" or "Mittari", a line labelled "Tavoite 2:"
   or "Mittarit:", a list under "Toimenpiteet:" (actions, not indicators). These are fixed.
2. **In form** — every other piece in the goals part of the document gets a rank from its
   form: heading level, emphasis (a larger font, bold, capitals), list level and marker. The
   ranks make a tree. The goals are the first rank from the top whose pieces mostly have
   children that are themselves leaves; above them are areas (unless their words say they are
   a container, "Tavoitteet 2026"), below them the indicators, and what is deeper still is
   the indicators' detail. A document with no children anywhere is a list of goals.
3. **In the sentences around** — prose (long unmarked lines) is text: a preamble, a goal's
   description, a closing sentence ("Palkkio maksetaan, kun …").

Each decision has a confidence and a reason, shown in the review.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field

from .pieces import (
    ACTIONS_LABEL,
    AREA_LABEL,
    BARE_GOAL_LABEL,
    CHECKPOINT_LABEL,
    EVALUATION_LINE,
    GOAL_LABEL,
    INDICATOR_LABEL,
    WEIGHT_LINE,
    Piece,
    language_of,
)

CONTAINER = re.compile(
    r"(?:^|\s)(?:tavoitteet|tavoitteita|painopisteet|painopistealueet|tavoitealueet|"
    r"tavoitteiden|mål|målen|målsättningar|fokusområden|prioriteringar|goals)(?:\s|$|:)",
    re.IGNORECASE,
)
CONTAINER_WORDS = re.compile(
    r"asettam|asetetut|vuodelle|vuoden|för år|kommunstyrelsen|hallituksen|johtajan|"
    r"päällikön|direktörens|ja mittarit|och mätare|\b20\d\d\b|^(?:tavoitteet|mål|målen)$",
    re.IGNORECASE,
)
RUNNING_GOAL = re.compile(r"^(?:on|är)\s+(.+?[^.\d])\.(?:\s+(.*))?$", re.IGNORECASE | re.S)
RUNNING_INDICATORS = re.compile(
    r"^(mittarina|mittareina|mittari|mittarit|mätaren|mätarna|mätare)\s+(?:on|ovat|är)\s+(.+)$",
    re.IGNORECASE | re.S,
)
PLURAL = ("mittareina", "mittarit", "mätarna")
PLACE_AND_DATE = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]+(?:ssa|ssä|lla|llä|sta|stä|i)?,?\s+\d{1,2}\.\d{1,2}\.\d{4}"
)
SIGNATURE = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,3}[A-ZÅÄÖ][\wåäö-]+,?\s+(?:[\wåäö]+\s+){0,2}"
    r"(?:puheenjohtaja|kunnanjohtaja|kaupunginjohtaja|johtaja|sihteeri|pormestari|"
    r"kansliapäällikkö|hallintojohtaja|henkilöstöjohtaja|ordförande|direktör|sekreterare)\b",
)
SWEDISH_HINT = re.compile(r"\b(?:och|för|att|är|på|av|med|mål)\b|å", re.IGNORECASE)
NOTE = re.compile(r"^\s*(?:huom|huomautus|obs|nb|note)\b[.:]?", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?]\s*$")
LEAD_IN = re.compile(r":\s*$")


def is_container(piece: Piece) -> bool:
    """A heading that holds the goals without being their area: "Tavoitteet 2026",
    "Kunnanhallituksen asettamat painopisteet", "Mål för år 2026"."""
    text = piece.text.strip().rstrip(":")
    if piece.marker == "bullet" or text.endswith(".") or len(text.split()) > 12:
        return False
    if re.fullmatch(r"(?:tavoitteet|mål|målen)(?:\s*/\s*(?:mål|målen|tavoitteet))?", text, re.I):
        return True
    if len(text) > 90 or not CONTAINER.search(" " + text + " "):
        return False
    return bool(CONTAINER_WORDS.search(text)) or len(text.split()) <= 2


def is_prose(piece: Piece) -> bool:
    """A sentence of running text: unmarked, not a heading, and long or ending a sentence."""
    if piece.marker or piece.heading or piece.fixed:
        return False
    words = len(piece.text.split())
    if piece.bold and words <= 25:
        return False
    return words > 22 or (SENTENCE_END.search(piece.text) is not None and words >= 7)


Rank = tuple[int, int, int]
# The document's bullet characters in the order they first appear: a document that marks its
# goals "•" and their indicators "–" ranks them so (set by `assign` for the document read).
GLYPHS: ContextVar[dict[str, int] | None] = ContextVar("GLYPHS", default=None)


def rank(piece: Piece) -> Rank:
    """The piece's place in the document's hierarchy from its form: smaller is higher."""
    if piece.heading:
        return (0, piece.heading, 0)
    if piece.marker == "roman":
        return (1, 0, 0)
    if not piece.marker:
        if piece.size >= 1.15:
            return (1, 1, int(10 - min(piece.size, 3) * 3))
        if piece.caps and piece.short(90):
            return (1, 2, 0)
        if piece.bold:
            return (1, 3, 0)
        return (1, 4, 0)  # a plain line that leads a list (see `_lead`)
    if piece.marker == "bullet":
        order = 6 + (GLYPHS.get() or {}).get(piece.glyph, 0)
    else:
        order = {"number": 0, "outline": 1 + min(piece.dots, 3), "letter": 5}[piece.marker]
    return (2, order, piece.depth)


@dataclass
class Node:
    piece: Piece
    rank: Rank
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None


def _tree(pieces: list[Piece]) -> list[Node]:
    """Each candidate piece's children: the pieces after it of a lower rank, until the next
    piece of its rank or higher."""
    nodes = [Node(p, rank(p)) for p in pieces]
    stack: list[Node] = []
    for node in nodes:
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        if stack:
            stack[-1].children.append(node)
            node.parent = stack[-1]
        stack.append(node)
    return nodes


def _holds_goals(group: list[Node]) -> bool:
    """A rank whose children nearly all have children of their own holds goals: it is an
    area (a goal's indicators have detail only here and there)."""
    children = [c for n in group for c in n.children]
    parents = [c for c in children if c.children]
    return bool(children) and len(parents) >= 0.8 * len(children)


def assign(pieces: list[Piece]) -> None:
    """Roles for the pieces whose role no word fixed (`pieces` is the whole document, in
    order: what stands next to a piece matters)."""
    # Bullets of different characters are different levels only where nothing else (a
    # heading, a number, emphasis) marks the level above them: "• goal" / "– indicator".
    glyphs: dict[str, int] = {}
    above = any(
        p.heading or p.marker in ("number", "outline", "letter", "roman") or p.bold or p.caps
        for p in pieces
        if not p.fixed and p.role != "ignore" and not is_prose(p) and not is_container(p)
    )
    if not above:
        for piece in pieces:
            if piece.marker == "bullet" and piece.glyph and piece.role != "ignore":
                glyphs.setdefault(piece.glyph, len(glyphs))
    GLYPHS.set(glyphs)
    # A plain line leads a list only where no numbered list gives the goals their level.
    numbered = any(
        p.marker in ("number", "outline", "letter", "roman")
        for p in pieces
        if not p.fixed and p.role != "ignore"
    )
    zone = [p for p in pieces if not p.fixed or p.fixed == "goal"]
    candidates = [p for p in zone if not p.fixed and p.role != "ignore"]
    structural = []
    for piece in candidates:
        if is_container(piece):
            piece.role, piece.confidence, piece.why = "text", 0.8, "container"
        elif is_prose(piece):
            piece.role, piece.confidence, piece.why = "text", 0.8, "prose"
        else:
            structural.append(piece)
    # A plain line counts only where it leads a list; otherwise it is prose.
    shown = [p for p in pieces if p.role != "ignore"]
    after = {id(p): shown[i + 1] if i + 1 < len(shown) else None for i, p in enumerate(shown)}
    flat = _flat_plain(structural)
    leading = []
    for piece in structural:
        if rank(piece) == (1, 4, 0):
            following = after.get(id(piece))
            leads = (
                following is not None
                and not following.fixed
                and rank(following)[0] == 2
                and not LEAD_IN.search(piece.text)
            )
            if (not leads and not flat) or numbered:
                piece.role, piece.confidence, piece.why = "text", 0.6, "plain line"
                continue
        leading.append(piece)
    structural = leading
    fixed_goals = [p for p in zone if p.fixed == "goal" and not p.table]
    tabled = any(p.fixed == "goal" and p.table for p in pieces)
    if fixed_goals:
        # Goals the document labels: an unlabelled line with no list marker is text.
        for piece in structural:
            if not piece.marker and not piece.heading:
                following = after.get(id(piece))
                if (
                    following is not None
                    and following.fixed == "goal"
                    and (piece.caps or piece.bold or piece.size >= 1.15)
                    and len(piece.text.split()) <= 8
                    and not piece.text.rstrip().endswith((".", ":"))
                ):
                    # "HÅLLBAR EKONOMI" over "Mål 1: …": the labelled goals' area
                    piece.role, piece.confidence, piece.why = "area", 0.75, "form"
                else:
                    piece.role, piece.confidence, piece.why = "text", 0.7, "unlabelled line"
        structural = [p for p in structural if p.marker or p.heading]
    if not structural and not fixed_goals:
        return  # nothing left to decide from form (a table, labels only)
    # Indicators that words fixed count as children: they show which lines are goals.
    chosen = {id(p) for p in structural} | {id(p) for p in fixed_goals}
    # A goal table's indicators belong to its goals, not to the heading above the table.
    nodes = _tree(
        [p for p in pieces if id(p) in chosen or (p.fixed == "indicator" and not p.table)]
    )
    if not nodes:
        return
    ranks: dict[Rank, list[Node]] = defaultdict(list)
    for node in nodes:
        ranks[node.rank].append(node)
    goal_rank = None
    if fixed_goals:
        goal_rank = Counter(rank(p) for p in fixed_goals).most_common(1)[0][0]
    else:
        for r in sorted(ranks):
            group = ranks[r]
            parents = [n for n in group if n.children]
            if len(parents) * 2 < len(group):
                continue
            if not _holds_goals(parents):
                goal_rank = r
                break
        if goal_rank is None and tabled:
            # The goals are in a table: lines around it are goals only with children.
            for node in nodes:
                if not node.piece.fixed:
                    node.piece.role, node.piece.confidence, node.piece.why = (
                        "text", 0.7, "beside the goal table",
                    )  # fmt: skip
            return
        if goal_rank is None:
            goal_rank = min(ranks)
    ratio = sum(1 for n in ranks.get(goal_rank, []) if n.children) / max(
        len(ranks.get(goal_rank, [])), 1
    )
    below = sorted(r for r in ranks if r > goal_rank)
    indicator_rank = None
    for node_index, node in enumerate(nodes):  # the rank of the goals' first children
        if node.rank == goal_rank and node_index + 1 < len(nodes):
            nxt = nodes[node_index + 1]
            if nxt.rank > goal_rank:
                indicator_rank = nxt.rank
                break
    if indicator_rank is None and below:
        indicator_rank = below[0]
    seen_goal = False
    for node in nodes:
        piece = node.piece
        if piece.fixed:
            seen_goal = seen_goal or piece.fixed == "goal"
            continue
        if node.rank == goal_rank:
            piece.role, piece.why = "goal", "form"
            piece.confidence = round(0.6 + 0.35 * ratio, 2)
            seen_goal = True
        elif node.rank < goal_rank:
            if node.children:
                piece.role, piece.confidence, piece.why = "area", 0.8, "form"
            else:
                piece.role, piece.confidence, piece.why = "text", 0.6, "heading without goals"
        elif not seen_goal:
            piece.role, piece.confidence, piece.why = "text", 0.5, "before the first goal"
        elif node.parent is not None and node.parent.rank == goal_rank:
            piece.role, piece.confidence, piece.why = "indicator", 0.85, "form"
        elif node.parent is not None and node.parent.rank > goal_rank:
            piece.role, piece.confidence, piece.why = "text", 0.6, "detail of an indicator"
        elif indicator_rank is not None and node.rank <= indicator_rank:
            piece.role, piece.confidence, piece.why = "indicator", 0.75, "form"
        else:
            piece.role, piece.confidence, piece.why = "text", 0.6, "detail of an indicator"


def _flat_plain(structural: list[Piece]) -> bool:
    """A document whose goals are plain short lines, nothing marked: each line is a goal."""
    return all(rank(p) == (1, 4, 0) for p in structural) and len(structural) >= 2


def apply_labels(pieces: list[Piece]) -> None:
    """Roles that words fix: label lines, and the list under "Mittarit:" or "Toimenpiteet:"."""
    under: str | None = None  # "indicator" or "text" for the list under a label line
    under_rank: Rank | None = None
    extra: list[tuple[Piece, list[str]]] = []  # "Mittarit: a; b; c" → three indicators
    _labels(pieces, under, under_rank, extra)
    for piece, parts in reversed(extra):
        at = pieces.index(piece)
        piece.text = parts[0]
        for offset, part in enumerate(parts[1:], start=1):
            pieces.insert(
                at + offset,
                Piece(text=part, source=piece.source, page=piece.page, fixed="indicator",
                      role="indicator", confidence=0.9, why="label", whole=True),
            )  # fmt: skip


PLAIN: Rank = (1, 4, 0)


def _plain_item(piece: Piece) -> bool:
    """A short plain line that can be an item of a list written without bullets."""
    return (
        not piece.marker
        and not piece.heading
        and not piece.fixed
        and rank(piece) == PLAIN
        and piece.short(200)
        and not ACTIONS_LABEL.match(piece.text)
        and not CHECKPOINT_LABEL.match(piece.text)
        and not WEIGHT_LINE.match(piece.text)
        and not AREA_LABEL.match(piece.text)
    )


def _labels(pieces: list[Piece], under: str | None, under_rank: Rank | None,
            extra: list[tuple[Piece, list[str]]]) -> None:  # fmt: skip
    titled = False  # the line before was a goal's label alone: this line is its title
    for piece in pieces:
        if piece.role == "ignore":
            continue  # a page's header or footer between a label and its list
        if titled:
            titled = False
            if not piece.fixed and piece.short(300) and not INDICATOR_LABEL.match(piece.text):
                piece.fixed, piece.role, piece.confidence, piece.why = "goal", "goal", 0.9, "label"
                under = None
                continue
        if not piece.fixed and BARE_GOAL_LABEL.match(piece.text):
            piece.fixed, piece.role, piece.confidence, piece.why = "text", "text", 0.9, "label"
            titled, under = True, None
            continue
        if piece.fixed and piece.role in ("goal", "area"):
            under = None
            continue
        text = piece.text
        listed = (
            piece.marker
            or piece.fixed == "indicator"
            or (
                # "Mittarit:" and the indicators one per line, without bullets (an e-mail, a slide)
                under == "indicator" and under_rank in (None, PLAIN) and _plain_item(piece)
            )
        )
        if (
            under is not None
            and listed
            and (under_rank is None or rank(piece) >= under_rank)
            and not GOAL_LABEL.match(text)
            and not INDICATOR_LABEL.match(text)
        ):
            if under_rank is None:
                under_rank = rank(piece)
            piece.fixed = under
            piece.role = under
            piece.confidence, piece.why = 0.9, "listed under a label"
            continue
        under, under_rank = None, None
        if piece.fixed:
            continue
        if (
            WEIGHT_LINE.match(text)
            or CHECKPOINT_LABEL.match(text)
            or EVALUATION_LINE.match(text)
            or NOTE.match(text)
            or (not piece.marker and (PLACE_AND_DATE.match(text) or SIGNATURE.match(text)))
        ):
            piece.fixed, piece.role, piece.confidence, piece.why = "text", "text", 0.9, "label"
            continue
        if ACTIONS_LABEL.match(text):
            piece.fixed, piece.role, piece.confidence, piece.why = "text", "text", 0.9, "actions"
            under, under_rank = "text", None
            continue
        label = INDICATOR_LABEL.match(text)
        if label and len(text) < 400 and not piece.heading:
            rest = text[label.end() :].strip()
            if rest:
                piece.text = rest
                piece.fixed, piece.role, piece.confidence, piece.why = (
                    "indicator",
                    "indicator",
                    0.95,
                    "label",
                )
                if ";" in rest:
                    extra.append((piece, [p.strip() for p in rest.split(";") if p.strip()]))
            else:
                piece.fixed, piece.role, piece.confidence, piece.why = "text", "text", 0.9, "label"
                under, under_rank = "indicator", None
            continue
        label = GOAL_LABEL.match(text)
        sentence = RUNNING_GOAL.match(text[label.end() :]) if label else None
        if label and sentence:
            # "Tavoite 1 on X. Mittarina on Y." / "Mittareina ovat A ja B."
            piece.text = sentence.group(1).strip()
            piece.fixed, piece.role, piece.confidence, piece.why = "goal", "goal", 0.8, "sentence"
            found = RUNNING_INDICATORS.search(sentence.group(2) or "")
            if found:
                items = found.group(2).strip().rstrip(".")
                if found.group(1).lower() in PLURAL:
                    items_list = [i for i in re.split(r",\s*|\s+(?:ja|sekä|och)\s+", items) if i]
                else:
                    items_list = [items]
                extra.append((piece, [piece.text, *items_list]))
                piece.fixed = "goal"
            continue
        if label and len(text) < 300:
            piece.text = text[label.end() :].strip()
            piece.fixed, piece.role, piece.confidence, piece.why = "goal", "goal", 0.95, "label"
            continue
        label = AREA_LABEL.match(text)
        if label and len(text) < 120 and not piece.marker:
            piece.text = text[label.end() :].strip()
            piece.fixed, piece.role, piece.confidence, piece.why = "area", "area", 0.95, "label"
            continue


def mark_translations(pieces: list[Piece]) -> None:
    """In a bilingual document, a Swedish line right after a Finnish line of the same form
    (a goal's title and its translation) is the translation: text, not a second goal."""
    shown = [p for p in pieces if p.role != "ignore"]
    if not any(SWEDISH_HINT.search(p.text[:300]) for p in shown[:2000]):
        return  # no Swedish at all: not bilingual
    languages = [language_of(p.text[:300]) for p in shown]
    if languages.count("fi") < 2 or languages.count("sv") < 2:
        return
    for index in range(1, len(shown)):
        piece, before = shown[index], shown[index - 1]
        if languages[index] != "sv" or languages[index - 1] != "fi" or " / " in piece.text:
            continue
        if piece.fixed not in ("", "goal", "area") or (before.role == "text" and before.fixed):
            continue
        ratio = len(piece.text) / max(len(before.text), 1)
        same_form = (piece.fixed and piece.fixed == before.fixed) or (
            not piece.fixed and piece.marker in ("", before.marker) and 0.4 <= ratio <= 2.5
        )
        if same_form:
            piece.fixed, piece.role, piece.confidence, piece.why = (
                "text",
                "text",
                0.8,
                "translation",
            )

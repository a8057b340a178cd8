"""The goals of an imported document, derived from its lines' roles; and the review's moves
on those lines.

A line is an area, a goal, an indicator, text or ignored. Reading down: an area line sets
the area of the goals below it, a goal line starts a goal, an indicator line belongs to the
goal above it, and a weight line ("Paino 40 %") gives that goal its weight. The reader
(`structure`) proposes the roles; the review corrects them with a few moves (`apply`), each
of which changes only the lines, after which the goals are derived again. Nothing here
touches the database.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from .found import (
    FoundCheckpoint,
    FoundDocument,
    FoundGoal,
    FoundHandling,
    FoundIndicator,
    FoundLine,
    FoundSection,
)
from .pieces import WEIGHT_LINE, Piece, marker, split_weight, squash

ROLES = ("area", "goal", "indicator", "text", "ignore")
MAX_LINE = 1000  # characters of one line after a merge


def line_of(piece: Piece) -> FoundLine:
    return FoundLine(
        text=piece.text,
        role=piece.role,
        source=piece.source,
        page=piece.page,
        confidence=round(piece.confidence, 2),
        why=piece.why,
        marker=piece.marker,
        depth=piece.depth,
        weight=piece.weight,
        follow_ups=dict(piece.follow_ups),
    )


def derive(document: FoundDocument) -> None:
    """`document.goals` from `document.lines`."""
    labels = [c.label.lower() for c in document.checkpoints]
    goals: list[FoundGoal] = []
    area = ""
    goal: FoundGoal | None = None
    for line in document.lines:
        if line.role == "area":
            area = line.text.rstrip(":")
        elif line.role == "goal":
            title, weight = split_weight(line.text)
            goal = FoundGoal(
                title=title.rstrip(":").strip(),
                area=area,
                weight=line.weight if line.weight is not None else weight,
                source=line.source,
            )
            goal.follow_ups = [line.follow_ups.get(label, "") for label in labels]
            goals.append(goal)
        elif line.role == "indicator" and goal is not None:
            goal.indicators.append(FoundIndicator(text=line.text, source=line.source))
        elif line.role == "text" and goal is not None:
            weight_line = WEIGHT_LINE.match(line.text)
            if weight_line:
                goal.weight = Decimal(weight_line.group(1).replace(",", "."))
    document.goals = [g for g in goals if g.title]


def similar_key(text: str, mark: str = "") -> str:
    """What "lines that start like this" means: the list marker and the first word, or the
    first two words of a short word ("Tavoite 1", "KPI:")."""
    words = re.findall(r"[\wåäöÅÄÖ]+", text.lower())
    first = " ".join(words[:1]) if words and len(words[0]) > 3 else " ".join(words[:2])
    return f"{mark}:{first}"


# --- Moves --------------------------------------------------------------------------------------


class MoveError(ValueError):
    """A move that cannot be made on these lines; the message is for the user."""


def document_of(found: dict[str, Any]) -> FoundDocument:
    """A FoundDocument back from its JSON (as kept with a pending import)."""
    import datetime

    def date(value: Any) -> Any:
        return datetime.date.fromisoformat(value) if value else None

    return FoundDocument(
        title=found.get("title", ""),
        language=found.get("language", "fi"),
        checkpoints=[
            FoundCheckpoint(c["label"], c.get("source", ""), c.get("line", ""))
            for c in found.get("checkpoints", [])
        ],
        sections=[
            FoundSection(s["kind"], s["heading"], s["text"]) for s in found.get("sections", [])
        ],
        handling=[
            FoundHandling(date(h["date"]), h["body"], h.get("source", ""), h.get("line", ""))
            for h in found.get("handling", [])
        ],
        lines=as_lines(found),
        period_start=date(found.get("period_start")),
        period_end=date(found.get("period_end")),
        period_source=found.get("period_source", ""),
        period_line=found.get("period_line", ""),
        source_text=found.get("source_text", ""),
        source_lines=list(found.get("source_lines", [])),
        file_type=found.get("file_type", ""),
        warnings=list(found.get("warnings", [])),
    )


def as_lines(found: dict[str, Any]) -> list[FoundLine]:
    """The lines of what was found; for an import kept before lines were (its goals only),
    lines made from its goals."""
    if "lines" not in found:
        return list(_lines_of_goals(found))
    lines = []
    for raw in found.get("lines", []):
        data = dict(raw)
        if data.get("weight") not in (None, ""):
            data["weight"] = Decimal(str(data["weight"]))
        lines.append(FoundLine(**{k: v for k, v in data.items() if k in FIELDS}))
    return lines


FIELDS = set(FoundLine.__dataclass_fields__)


def set_role(lines: list[FoundLine], at: int, role: str) -> int:
    if role not in ROLES:
        raise MoveError("role")
    lines[at].role = role
    lines[at].why, lines[at].confidence = "corrected", 1.0
    return 1


def set_role_similar(lines: list[FoundLine], at: int, role: str) -> int:
    """The role for every line that starts like this one; returns how many lines changed."""
    if role not in ROLES:
        raise MoveError("role")
    key = similar_key(lines[at].text, lines[at].marker)
    changed = 0
    for line in lines:
        if similar_key(line.text, line.marker) == key and line.role != role:
            line.role, line.why, line.confidence = role, "corrected", 1.0
            changed += 1
    lines[at].role = role
    return changed


def merge_down(lines: list[FoundLine], at: int) -> int:
    """This line and the next one become one line (the next one's text after this one's)."""
    if at + 1 >= len(lines):
        raise MoveError("last")
    joined = squash(lines[at].text + " " + lines[at + 1].text)
    if len(joined) > MAX_LINE:
        raise MoveError("long")
    lines[at].text = joined
    for label, text in lines[at + 1].follow_ups.items():
        lines[at].follow_ups.setdefault(label, text)
    del lines[at + 1]
    return 1


def split(lines: list[FoundLine], at: int, position: int | None) -> int:
    """The line in two at `position` (a character offset), or where it has a second item:
    a semicolon, an inline bullet, a sentence's end."""
    text = lines[at].text
    if position is None or not 0 < position < len(text):
        position = _split_point(text)
    if position is None:
        raise MoveError("split")
    head, tail = text[:position].strip().rstrip(";"), text[position:].strip()
    kind, rest, _extra = marker(tail)
    tail = rest if kind else tail
    if not head or not tail:
        raise MoveError("split")
    line = lines[at]
    lines[at] = FoundLine(**{**asdict(line), "text": head, "why": "corrected", "confidence": 1.0})
    role = "indicator" if line.role in ("goal", "indicator") else line.role
    lines.insert(
        at + 1,
        FoundLine(text=tail, role=role, source=line.source, page=line.page, confidence=1.0,
                  why="corrected", marker=line.marker, depth=line.depth + 1),
    )  # fmt: skip
    return 1


def _split_point(text: str) -> int | None:
    for pattern in (r";\s*", r"\s[•▪–]\s", r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", r"\s/\s"):
        match = re.search(pattern, text)
        if match and 0 < match.start() < len(text) - 1:
            return match.start() + 1 if pattern.startswith(";") else match.start()
    return None


def move(lines: list[FoundLine], at: int, direction: int) -> int:
    """The line one step up (-1) or down (+1)."""
    target = at + direction
    if not 0 <= target < len(lines):
        raise MoveError("edge")
    lines[at], lines[target] = lines[target], lines[at]
    return 1


def insert(lines: list[FoundLine], at: int, text: str) -> int:
    """A new line below line `at`, for what the document has where the reader kept no line
    (a column it did not read): plain text until its role is set."""
    text = squash(text) or "…"
    if len(text) > MAX_LINE:
        raise MoveError("long")
    lines.insert(at + 1, FoundLine(text=text, role="text", why="corrected", confidence=1.0))
    return 1


def edit(lines: list[FoundLine], at: int, text: str) -> int:
    text = squash(text)
    if not text:
        raise MoveError("empty")
    if len(text) > MAX_LINE:
        raise MoveError("long")
    lines[at].text = text
    return 1


def apply(lines: list[FoundLine], op: str, at: int, value: str = "") -> int:
    """One move of the review; returns how many lines it changed."""
    if not 0 <= at < len(lines):
        raise MoveError("line")
    if op == "role":
        return set_role(lines, at, value)
    if op == "similar":
        return set_role_similar(lines, at, value)
    if op == "merge":
        return merge_down(lines, at)
    if op == "split":
        return split(lines, at, int(value) if value.strip().isdigit() else None)
    if op in ("up", "down"):
        return move(lines, at, -1 if op == "up" else 1)
    if op == "edit":
        return edit(lines, at, value)
    if op == "insert":
        return insert(lines, at, value)
    raise MoveError("op")


def _lines_of_goals(found: dict[str, Any]):
    area = ""
    for goal in found.get("goals", []):
        if goal.get("area") and goal["area"] != area:
            area = goal["area"]
            yield FoundLine(text=area, role="area", source=goal.get("source", ""))
        weight = goal.get("weight")
        yield FoundLine(
            text=goal.get("title", ""),
            role="goal",
            source=goal.get("source", ""),
            weight=Decimal(str(weight)) if weight not in (None, "") else None,
            follow_ups={
                c["label"].lower(): text
                for c, text in zip(
                    found.get("checkpoints", []), goal.get("follow_ups", []), strict=False
                )
                if text
            },
        )
        for indicator in goal.get("indicators", []):
            yield FoundLine(
                text=indicator["text"], role="indicator", source=indicator.get("source", "")
            )

"""What an imported goal document was found to hold: the one format the readers produce, the
preview API returns and the review page edits before anything is saved.

Readers (`suunta.imports.reading.read_document`) turn a file or pasted text into a
`FoundDocument`; nothing here touches the database."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class FoundIndicator:
    text: str
    source: str = ""  # where it was found: "line 42", "table 1 row 3 cell 2", "page 2"


@dataclass
class FoundGoal:
    title: str
    area: str = ""  # a heading the goal stands under, if the document groups goals
    weight: Decimal | None = None  # per cent, when the document gives one
    indicators: list[FoundIndicator] = field(default_factory=list)
    # One text per found checkpoint, in checkpoint order ("" where the document has none).
    follow_ups: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class FoundCheckpoint:
    label: str  # as the column or heading gives it after "Seuranta"/"Uppföljning": "elokuu 2025"
    source: str = ""  # where a checkpoint named in running text was found
    line: str = ""  # that line's text


@dataclass
class FoundLine:
    """One logical line of the document with the role the reader gave it; the review page
    corrects these, and the goals are derived from them (`outline.derive`)."""

    text: str
    role: str = "text"  # "area", "goal", "indicator", "text" or "ignore"
    source: str = ""
    page: int = 0
    confidence: float = 0.5
    why: str = ""  # the reason for the role: "label", "table column", "form", "prose" …
    marker: str = ""  # the list marker it had: "bullet", "number", "letter" …
    depth: int = 0
    weight: Decimal | None = None  # a table's weight column, for a goal line
    follow_ups: dict[str, str] = field(default_factory=dict)  # checkpoint label → text


@dataclass
class FoundSection:
    kind: str  # "basis" (johtajasopimus), "purpose", "evaluation" or "other"
    heading: str
    text: str  # lines joined; bullet lines kept as "• item" lines


@dataclass
class FoundHandling:
    date: datetime.date
    body: str  # as written: "Poljory", "KH", "kunnanhallitus"
    source: str = ""
    line: str = ""


@dataclass
class FoundDocument:
    title: str = ""
    language: str = "fi"  # "fi" or "sv": the language most of the text is in
    goals: list[FoundGoal] = field(default_factory=list)
    checkpoints: list[FoundCheckpoint] = field(default_factory=list)
    sections: list[FoundSection] = field(default_factory=list)
    handling: list[FoundHandling] = field(default_factory=list)
    lines: list[FoundLine] = field(default_factory=list)
    period_start: datetime.date | None = None  # the period the text states, if it does
    period_end: datetime.date | None = None
    period_source: str = ""
    period_line: str = ""
    warnings: list[str] = field(default_factory=list)  # in the user's language
    source_text: str = ""  # the text the structure was found in, for the review page
    # The document's lines as extracted, each with its source ("page 2 line 5", "table at
    # paragraph 7 row 3"), shown beside the review with the line under review highlighted.
    source_lines: list[dict[str, str]] = field(default_factory=list)
    file_type: str = ""  # "docx", "odt", "pdf", "xlsx", "ods", "text"

    def as_json(self) -> dict[str, Any]:
        """JSON-safe: dates ISO 8601, weights as strings."""

        def clean(value: Any) -> Any:
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            if isinstance(value, list):
                return [clean(v) for v in value]
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return str(value)
            return value

        return clean(asdict(self))

"""The goal table as every renderer shows it: the plan page, the public page, the PDF and the
DOCX (and the public downloads) all lay out this one model, built once from the plan's read
model (`queries.plan_summary` / `public_summary`) in one language.

What is decided here, once: the texts in the language asked for (falling back to the other
content language, which each `Text` remembers), the numbers of the indicators and weights
formatted the Finnish way (`fmt_number`: "4 100", "-3,2"), the ratings named on the plan's
scale in that language, and whether a checkpoint's follow-up has been reported to a body (in
the public version, the follow-up of a checkpoint not yet reported is not shown). The
renderers only choose markup and captions; none reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .queries import PlanSummary

BULLETS = ("•", "-", "–", "*", "▪", "◦")


@dataclass
class Text:
    """A piece of content and the language it is written in."""

    value: str
    lang: str

    def __bool__(self) -> bool:
        return bool(self.value)

    def __str__(self) -> str:
        return self.value

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.value.replace("\r\n", "\n").split("\n") if p.strip()]

    @property
    def blocks(self) -> list[tuple[str, Any]]:
        """Paragraphs and bullet lists, as the page shows the text: ("p", text) or
        ("ul", [items]); a line that starts with a bullet or a dash is a list item."""
        result: list[tuple[str, Any]] = []
        for line in self.paragraphs:
            if line[:1] in BULLETS:
                item = line[1:].strip()
                if result and result[-1][0] == "ul":
                    result[-1][1].append(item)
                else:
                    result.append(("ul", [item]))
            else:
                result.append(("p", line))
        return result


def text(obj: Any, name: str, lang: str) -> Text:
    value, used = obj.text_lang(name, lang)
    return Text(value or "", used)


def fmt_number(value: Decimal | None, places: int | None = None) -> str:
    """A number the Finnish way in the active language: grouped ("4 100"), with the decimals
    it has and no trailing zeros ("-3,2"), or with `places` decimals."""
    if value is None:
        return ""
    value = value.normalize() if places is None else value
    if places is None:
        exponent = value.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    return number_format(value, places, use_l10n=True, force_grouping=True)


@dataclass
class TableIndicator:
    text: Text
    # For a numeric indicator: "baseline 4 100, target 3 900 €/as." in the table's language.
    detail: str = ""

    @property
    def line(self) -> Text:
        """The indicator with its numbers as one text: "Kustannukset (baseline 4 100, …)"."""
        if not self.detail:
            return self.text
        return Text(f"{self.text.value} ({self.detail})", self.text.lang)

    @property
    def lang(self) -> str:
        return self.text.lang

    def __str__(self) -> str:
        return str(self.line)


@dataclass
class TableEntry:
    """One follow-up entry: the joint assessment, or (for those who may read them) a
    self-assessment or a discussion partner's own."""

    kind: str
    kind_label: str
    author: str
    rating: str  # the rating named on the plan's scale, or ""
    colour: str  # the scale level's colour, or ""
    text: Text


@dataclass
class TableCell:
    """One goal's follow-up at one checkpoint. Not `reported`: in the public version, the
    checkpoint has not been reported to a body yet, so nothing of it is shown."""

    entries: list[TableEntry]
    reported: bool = True

    @property
    def unreported(self) -> bool:
        return not self.reported


@dataclass
class TableGoal:
    pk: Any
    number: int
    area: Text
    title: Text
    description: Text
    weight: str  # "40" (per cent), or ""
    development: bool
    kind_label: str
    indicators: list[TableIndicator]
    cells: list[TableCell]  # one per checkpoint column

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass
class GoalTable:
    lang: str
    checkpoints: list[Text]  # the checkpoints' labels, in column order
    goals: list[TableGoal]
    # The public version: only joint assessments, and only those of reported checkpoints.
    public: bool


def indicator_detail(indicator: Any) -> str:
    """Baseline, target and unit of a numeric indicator in the active language, or ""."""
    if not indicator.is_numeric:
        return ""
    parts = []
    if indicator.baseline is not None:
        parts.append(f"{_('baseline')} {fmt_number(indicator.baseline)}")
    if indicator.target is not None:
        parts.append(f"{_('target')} {fmt_number(indicator.target)}")
    unit = f" {indicator.unit}" if indicator.unit else ""
    return f"{', '.join(parts)}{unit}"


def goal_table(summary: PlanSummary, lang: str) -> GoalTable:
    """The goal table of the summary in `lang` (the page's language, or the document's)."""
    scale = summary.scale
    reported = summary.reported
    with translation.override(lang):
        goals = []
        for row in summary.rows:
            cells = []
            for entries, checkpoint in zip(row.follow_ups, summary.checkpoints, strict=True):
                cells.append(
                    TableCell(
                        entries=[_entry(entry, scale, lang) for entry in entries],
                        reported=reported is None or checkpoint.pk in reported,
                    )
                )
            goal = row.goal
            goals.append(
                TableGoal(
                    pk=goal.pk,
                    number=row.number,
                    area=text(goal, "area", lang),
                    title=text(goal, "title", lang),
                    description=text(goal, "description", lang),
                    weight=fmt_number(goal.weight),
                    development=goal.kind == "development",
                    kind_label=str(goal.get_kind_display()),
                    indicators=[
                        TableIndicator(text(i, "text", lang), indicator_detail(i))
                        for i in row.indicators
                    ],
                    cells=cells,
                )
            )
        return GoalTable(
            lang=lang,
            checkpoints=[text(c, "label", lang) for c in summary.checkpoints],
            goals=goals,
            public=reported is not None,
        )


def _entry(entry: Any, scale: Any, lang: str) -> TableEntry:
    level = scale.level_for(entry.rating) if scale is not None else None
    return TableEntry(
        kind=entry.kind,
        kind_label=str(entry.get_kind_display()),
        author=entry.author.display_name(lang) if entry.author else "",
        rating=scale.describe(entry.rating) if scale is not None else "",
        colour=level.colour if level else "",
        text=text(entry, "text", lang),
    )

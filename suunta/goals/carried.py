"""The next period's draft copies last period's texts, and with them last period's dates: what
in a carried-over text belongs to the previous period (its dates, its years and the names of
its checkpoints), found to be marked for the one who reviews it."""

from __future__ import annotations

import re
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import GoalPlan

# The plan's own texts in the order the plan shows them, with the headings it shows them under.
SECTIONS = {
    "title": _("Title"),
    "basis": _("Director contract"),
    "purpose": _("Purpose of the goal discussion"),
    "evaluation": _("Evaluation of the goals"),
}
_DATE = r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?P<dated>(?:19|20)\d\d)\b"
_YEAR = r"\b(?P<year>(?:19|20)\d\d)\b"


def _pattern(plan: GoalPlan) -> re.Pattern[str]:
    labels: list[str] = []
    if plan.previous_id:
        for checkpoint in plan.previous.checkpoints.all():  # type: ignore[union-attr]
            labels += [label for label in (checkpoint.label_fi, checkpoint.label_sv) if label]
    names = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    parts = [f"(?P<label>{names})"] if names else []
    return re.compile("|".join([*parts, _DATE, _YEAR]), re.IGNORECASE)


def stale_spans(text: str, plan: GoalPlan) -> list[tuple[int, int]]:
    """Where in `text` the previous period shows: its checkpoints' names, and dates and years
    before the plan's period starts."""
    spans = []
    first_year = plan.period_start.year
    for found in _pattern(plan).finditer(text or ""):
        year = found.group("dated") or found.group("year")
        if found.groupdict().get("label") or (year and int(year) < first_year):
            spans.append(found.span())
    return spans


def marked(text: str, plan: GoalPlan) -> SafeString:
    """The text, escaped, with what belongs to the previous period in <mark>."""
    text = text or ""
    out, at = [], 0
    for start, end in stale_spans(text, plan):
        out += [conditional_escape(text[at:start]), "<mark>", conditional_escape(text[start:end])]
        out.append("</mark>")
        at = end
    out.append(conditional_escape(text[at:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 – every part escaped


def review_items(plan: GoalPlan, pending: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The carried-over texts still to review, each with its texts (label, marked text) in the
    content languages, what confirming it sends and where it is edited."""
    items: list[dict[str, Any]] = []
    for name in pending["sections"]:
        texts = [(lang, getattr(plan, f"{name}_{lang}")) for lang in ("fi", "sv")]
        items.append(
            {
                "kind": "section",
                "heading": SECTIONS.get(name, name),
                "texts": [(lang, marked(value, plan)) for lang, value in texts if value],
                "confirm": {"section": name},
                "anchor": "plan-texts",
            }
        )
    for goal in pending["goals"]:
        texts = [
            (lang, getattr(goal, f"{field}_{lang}"))
            for field in ("area", "title", "description", "criteria")
            for lang in ("fi", "sv")
        ]
        items.append(
            {
                "kind": "goal",
                "heading": format_lazy("{} {}: {}", _("Goal"), goal.order, goal.text("title")),
                "texts": [(lang, marked(value, plan)) for lang, value in texts if value],
                "confirm": {"goal": goal.pk},
                "anchor": f"goal-{goal.pk}",
            }
        )
    for indicator in pending["indicators"]:
        texts = [(lang, getattr(indicator, f"text_{lang}")) for lang in ("fi", "sv")]
        items.append(
            {
                "kind": "indicator",
                "heading": format_lazy(
                    "{} {}.{}", _("Indicator"), indicator.goal.order, indicator.order
                ),
                "texts": [(lang, marked(value, plan)) for lang, value in texts if value],
                "confirm": {"indicator": indicator.pk},
                "anchor": f"indicator-{indicator.pk}",
            }
        )
    return items

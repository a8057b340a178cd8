"""Small SVG charts drawn on the server: no script, no inline style (the CSP forbids both), a
title and description for screen readers, and always a data table beside them in the page."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .queries import PlanSummary

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .presentation import fmt_number

WIDTH, HEIGHT = 360, 180
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 14, 30
# Colours with at least 3:1 contrast against white (WCAG 2.1, 1.4.11 non-text contrast).
VALUE, TARGET, BASELINE = "#1d4f91", "#00693e", "#5c5c5c"


def _num(value: Decimal) -> str:
    """As the tables beside the charts write it (4 100; 7,5): `presentation.fmt_number`."""
    return fmt_number(value)


def indicator_chart(indicator: Any, values: list[Any], *, chart_id: str) -> SafeString:
    """A line of the measured values over time against the baseline and the target."""
    points = [(v.measured_on, Decimal(v.value)) for v in values]
    levels = [p[1] for p in points]
    if indicator.baseline is not None:
        levels.append(Decimal(indicator.baseline))
    if indicator.target is not None:
        levels.append(Decimal(indicator.target))
    if not points or not levels:
        return mark_safe("")
    low, high = min(levels), max(levels)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) / 10
    low, high = low - pad, high + pad
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)

    def x(day: datetime.date) -> float:
        if first == last:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        return LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT)

    def y(value: Decimal) -> float:
        return TOP + float((high - value) / (high - low)) * (HEIGHT - TOP - BOTTOM)

    title = _("%(indicator)s: measured values") % {"indicator": indicator.text("text")}
    latest = points[-1]
    desc_parts = [
        _("Latest %(value)s %(unit)s on %(date)s.")
        % {
            "value": _num(latest[1]),
            "unit": indicator.unit,
            "date": date_format(latest[0], "SHORT_DATE_FORMAT"),
        }
    ]
    if indicator.target is not None:
        desc_parts.append(_("Target %(value)s.") % {"value": _num(Decimal(indicator.target))})
    if indicator.baseline is not None:
        desc_parts.append(_("Baseline %(value)s.") % {"value": _num(Decimal(indicator.baseline))})
    desc_parts.append(_("The values are in the table beside the chart."))
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(" ".join(desc_parts))}</desc>',
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="{BASELINE}" stroke-width="1"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="{BASELINE}" stroke-width="1"/>',
    ]
    for value, colour, label in (
        (indicator.baseline, BASELINE, _("baseline")),
        (indicator.target, TARGET, _("target")),
    ):
        if value is None:
            continue
        level = y(Decimal(value))
        parts.append(
            f'<line x1="{LEFT}" y1="{level:.1f}" x2="{WIDTH - RIGHT}" y2="{level:.1f}" '
            f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{WIDTH - RIGHT}" y="{level - 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{colour}">{escape(label)} {escape(_num(Decimal(value)))}</text>'
        )
    for value in (high - pad, low + pad):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{BASELINE}">{escape(_num(value.quantize(Decimal("0.01"))))}</text>'
        )
    for day, anchor in ((first, "start"), (last, "end")):
        if day == last and first == last and anchor == "end":
            continue
        parts.append(
            f'<text x="{x(day):.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}" font-size="11" '
            f'fill="{BASELINE}">{escape(date_format(day, "SHORT_DATE_FORMAT"))}</text>'
        )
    if len(points) > 1:
        line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{VALUE}" stroke-width="2.5"/>')
    for day, value in points:
        parts.append(f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="3.5" fill="{VALUE}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 – every text above is escaped


def numeric_rows(summary: PlanSummary) -> list[dict[str, Any]]:
    """Each numeric indicator with its number, values and chart, for the plan page."""
    rows = []
    for row in summary.rows:
        for n, indicator in enumerate(row.indicators, start=1):
            if not indicator.is_numeric:
                continue
            values = summary.values.get(indicator.key, [])
            rows.append(
                {
                    "number": f"{row.number}.{n}",
                    "indicator": indicator,
                    "values": values,
                    "chart": indicator_chart(indicator, values, chart_id=f"chart-{indicator.pk}"),
                }
            )
    return rows

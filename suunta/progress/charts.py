"""The progress charts, drawn like suunta/goals/charts.py: SVG without script or style
attributes, a title and a description, every bar labelled in text (colour never carries the
information alone), and a data table beside each chart in the page."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from suunta.goals.charts import BASELINE, VALUE

from .queries import PlanProgress

HUNDRED = Decimal(100)


def percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{number_format(value, decimal_pos=0)} %"


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart progress-chart" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]


def goal_chart(progress: PlanProgress, *, chart_id: str) -> SafeString:
    """One horizontal bar per goal: its latest joint rating as per cent achieved, labelled
    with the goal's number and name, the rating and the per cent."""
    if not progress.rated or not progress.goals:
        return mark_safe("")
    label_w, bar_w, row_h, top = 250, 300, 30, 24
    width, height = label_w + bar_w + 24, top + row_h * len(progress.goals) + 8
    title = _("Latest joint rating of each goal")
    desc = " ".join(
        (
            _("Goal %(number)s, %(goal)s: %(label)s, %(percent)s achieved.")
            % {
                "number": g.number,
                "goal": g.goal.text("title"),
                "label": g.label,
                "percent": percent(g.achievement),
            }
            if g.achievement is not None
            else _("Goal %(number)s, %(goal)s: no rating yet.")
            % {"number": g.number, "goal": g.goal.text("title")}
        )
        for g in progress.goals
    )
    parts = _open(chart_id, width, height, title, desc)
    x0 = label_w
    for tick in (0, 50, 100):
        x = x0 + bar_w * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 8}" '
            f'stroke="{BASELINE}" stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" font-size="11" '
            f'fill="{BASELINE}">{escape(percent(Decimal(tick)))}</text>'
        )
    for i, g in enumerate(progress.goals):
        y = top + i * row_h
        name = f"{g.number}. {g.goal.text('title')}"
        shown = name if len(name) <= 38 else name[:37].rstrip() + "…"
        parts.append(
            f'<text x="{x0 - 8}" y="{y + 19}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(shown)}</text>'
        )
        if g.achievement is None:
            parts.append(
                f'<rect x="{x0}" y="{y + 5}" width="{bar_w}" height="20" fill="none" '
                f'stroke="{BASELINE}" stroke-width="1" stroke-dasharray="4 3"/>'
                f'<text x="{x0 + 6}" y="{y + 19}" font-size="12" fill="{BASELINE}">'
                f"{escape(_('no rating yet'))}</text>"
            )
            continue
        w = bar_w * float(g.achievement / HUNDRED)
        text = percent(g.achievement)
        if g.label and g.label.replace("\xa0", " ") != text:  # "Toteutunut – 100 %", "100 %"
            text = f"{g.label} – {text}"
        parts.append(
            f'<rect x="{x0}" y="{y + 5}" width="{max(w, 2):.1f}" height="20" fill="{VALUE}"/>'
        )
        # The label sits inside a long bar (white on blue) or after a short one (dark on white).
        if w > bar_w * 0.55:
            parts.append(
                f'<text x="{x0 + 6}" y="{y + 19}" font-size="12" fill="#ffffff">'
                f"{escape(text)}</text>"
            )
        else:
            parts.append(
                f'<text x="{x0 + max(w, 2) + 6:.1f}" y="{y + 19}" font-size="12" '
                f'fill="#1a1a1a">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 – every text above is escaped


def assessed(p: PlanProgress) -> str:
    """ "1/6 assessed": how many of the plan's goals have a rating."""
    return _("%(rated)s/%(goals)s assessed") % {"rated": len(p.rated_goals), "goals": len(p.goals)}


def short_period(plan) -> str:
    """The period in a bar's width: the year, or first and last year."""
    start, end = plan.period_start.year, plan.period_end.year
    return str(start) if start == end else f"{start}–{end}"


def year_chart(rows: list[PlanProgress], *, chart_id: str) -> SafeString:
    """One vertical bar per plan (period): the mean achievement of its rated goals, saying
    under the period how many of the goals have been assessed (a mean of one goal of six is
    not the year's result)."""
    if not rows:
        return mark_safe("")
    col_w, height, top, bottom, left = 96, 216, 22, 46, 40
    width = left + col_w * len(rows) + 8
    plot = height - top - bottom
    title = _("Mean achievement of the goals by period")
    desc = " ".join(
        (
            _("%(period)s: %(percent)s, %(rated)s of %(goals)s goals assessed.")
            % {
                "period": p.plan.period_label,
                "percent": percent(p.mean_achievement),
                "rated": len(p.rated_goals),
                "goals": len(p.goals),
            }
            if p.mean_achievement is not None
            else _("%(period)s: no ratings.") % {"period": p.plan.period_label}
        )
        for p in rows
    )
    parts = _open(chart_id, width, height, title, desc)
    for tick in (0, 50, 100):
        y = top + plot * (1 - tick / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" '
            f'stroke="{BASELINE}" stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{BASELINE}">{escape(percent(Decimal(tick)))}</text>'
        )
    for i, p in enumerate(rows):
        x = left + i * col_w + 12
        bar = col_w - 24
        mean = p.mean_achievement
        if mean is None:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot - 6}" text-anchor="middle" '
                f'font-size="11" fill="{BASELINE}">{escape(_("no ratings"))}</text>'
            )
        else:
            h = max(plot * float(mean / HUNDRED), 1)
            parts.append(
                f'<rect x="{x}" y="{top + plot - h:.1f}" width="{bar}" height="{h:.1f}" '
                f'fill="{VALUE}"/>'
                f'<text x="{x + bar / 2:.1f}" y="{top + plot - h - 5:.1f}" text-anchor="middle" '
                f'font-size="12" fill="#1a1a1a">{escape(percent(mean))}</text>'
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - 26}" text-anchor="middle" font-size="12" '
            f'fill="#1a1a1a">{escape(short_period(p.plan))}</text>'
            f'<text x="{x + bar / 2:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
            f'fill="{BASELINE}">'
            f"{escape(assessed(p))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 – every text above is escaped

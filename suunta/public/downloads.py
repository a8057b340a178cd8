"""Open data downloads of an organisation's public content, in the active language.

- CSV: UTF-8 with a byte order mark, `;` between cells and decimal commas, as Finnish Excel
  opens it. A text cell that starts with = + - @ (or a tab or carriage return) gets a leading
  apostrophe, so that no spreadsheet runs it as a formula.
- XLSX (openpyxl): one sheet per public plan (a row per indicator, with its goal and the
  follow-ups per checkpoint) and a sheet of decisions. Text cells are stored as strings, never
  as formulas.

Both are fed only by `queries.plan_summaries(org)`: `public_summary` of the public plans."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from suunta.goals.models import Organisation
from suunta.goals.queries import PlanSummary

from . import queries

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A text that a spreadsheet would take for a formula, made harmless."""
    return "'" + value if value.startswith(DANGEROUS_FIRST) else value


def _number(value: Decimal | None) -> str:
    return "" if value is None else number_format(value.normalize(), use_l10n=True)


def _follow_up(summary: PlanSummary, cell: queries.Cell) -> tuple[str, str]:
    """(rating, text) of a checkpoint's joint follow-up, or the reason it is empty."""
    if not cell.reported:
        return "", _("not yet reported")
    ratings = " / ".join(e.rating_label for e in cell.entries if e.rating_label)
    texts = "\n".join(e.text("text") for e in cell.entries)
    return ratings, texts


def _plan_rows(summary: PlanSummary) -> list[dict[str, Any]]:
    """One row per indicator (a goal without indicators: one row), with its goal and the
    follow-ups of every checkpoint."""
    rows = []
    for row, cells in queries.table_rows(summary):
        follow_ups = [(cell.checkpoint, *_follow_up(summary, cell)) for cell in cells]
        for number, indicator in list(enumerate(row.indicators, start=1)) or [(None, None)]:
            rows.append(
                {
                    "goal_no": row.number,
                    "area": row.goal.text("area"),
                    "goal": row.goal.text("title"),
                    "indicator_no": number,
                    "indicator": indicator.text("text") if indicator else "",
                    "unit": indicator.unit if indicator else "",
                    "baseline": indicator.baseline if indicator else None,
                    "target": indicator.target if indicator else None,
                    "follow_ups": follow_ups,
                }
            )
    return rows


def goals_csv(org: Organisation) -> bytes:
    summaries = queries.plan_summaries(org)
    most = max((len(s.checkpoints) for s in summaries), default=0)
    header = [
        _("Goal plan"),
        _("Period"),
        _("Status"),
        _("Version"),
        _("Goal no."),
        _("Area"),
        _("Goal"),
        _("Indicator no."),
        _("Indicator"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
    ]
    for n in range(1, most + 1):
        header += [
            _("Checkpoint %(n)s") % {"n": n},
            _("Rating %(n)s") % {"n": n},
            _("Follow-up %(n)s") % {"n": n},
        ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for summary in summaries:
        plan = summary.plan
        for row in _plan_rows(summary):
            cells = [
                neutralise(plan.text("title")),
                plan.period_label,
                str(plan.get_status_display()),
                plan.version_no,
                row["goal_no"],
                neutralise(row["area"]),
                neutralise(row["goal"]),
                row["indicator_no"] or "",
                neutralise(row["indicator"]),
                neutralise(row["unit"]),
                _number(row["baseline"]),
                _number(row["target"]),
            ]
            for checkpoint, rating, text in row["follow_ups"]:
                cells += [
                    neutralise(checkpoint.text("label")),
                    neutralise(rating),
                    neutralise(text),
                ]
            writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet_title(text: str, taken: set[str]) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    base = text[:31].strip() or "plan"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _append(sheet, values: list[Any]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = TYPE_STRING  # never a formula, whatever the text starts with


def _header(sheet, values: list[str]) -> None:
    _append(sheet, values)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for n in range(1, len(values) + 1):
        sheet.column_dimensions[get_column_letter(n)].width = 24


def goals_xlsx(org: Organisation) -> bytes:
    summaries = queries.plan_summaries(org)
    book = Workbook()
    taken: set[str] = set()
    first = True
    for summary in summaries:
        plan = summary.plan
        title = f"{plan.period_label} v{plan.version_no} {plan.text('title')}"
        if first:
            sheet = book.active
            sheet.title = _sheet_title(title, taken)
            first = False
        else:
            sheet = book.create_sheet(_sheet_title(title, taken))
        header = [
            _("Goal no."),
            _("Area"),
            _("Goal"),
            _("Indicator no."),
            _("Indicator"),
            _("Unit"),
            _("Baseline"),
            _("Target"),
        ]
        for checkpoint in summary.checkpoints:
            label = checkpoint.text("label")
            header += [
                _("Rating %(checkpoint)s") % {"checkpoint": label},
                _("Follow-up %(checkpoint)s") % {"checkpoint": label},
            ]
        _header(sheet, header)
        for row in _plan_rows(summary):
            values: list[Any] = [
                row["goal_no"],
                row["area"],
                row["goal"],
                row["indicator_no"],
                row["indicator"],
                row["unit"],
                row["baseline"],
                row["target"],
            ]
            for _checkpoint, rating, text in row["follow_ups"]:
                values += [rating, text]
            _append(sheet, values)
    decisions = book.create_sheet(_sheet_title(_("Decisions"), taken)) if not first else book.active
    if first:
        decisions.title = _sheet_title(_("Decisions"), taken)
    _header(
        decisions,
        [
            _("Goal plan"),
            _("Period"),
            _("Version"),
            _("Date"),
            _("Body"),
            _("Section (§)"),
            _("Decision"),
            _("Follow-up reported"),
            _("Summary"),
            _("Presenter"),
            _("Disqualified, left the room"),
        ],
    )
    for summary in summaries:
        plan = summary.plan
        for decision, checkpoint in queries.decision_rows(summary):
            _append(
                decisions,
                [
                    plan.text("title"),
                    plan.period_label,
                    plan.version_no,
                    decision.meeting_date,
                    decision.body.text("name"),
                    decision.section,
                    str(decision.get_kind_display()),
                    checkpoint.text("label") if checkpoint else "",
                    decision.text("summary"),
                    decision.presenter.display_name() if decision.presenter else "",
                    ", ".join(p.display_name() for p in decision.disqualified.all()),
                ],
            )
            decisions.cell(decisions.max_row, 4).number_format = "D.M.YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _day(value: Any) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def interests_csv(org: Organisation) -> bytes:
    """The public register of interests: one row per declared interest (a declaration of no
    interests: one row saying so), fed only by `register.queries.public_register`."""
    from suunta.register import queries as register

    header = [
        _("Person"),
        _("Roles requiring a declaration"),
        _("Declared on"),
        _("Last changed on"),
        _("Group"),
        _("Category"),
        _("Company, organisation or asset"),
        _("Business ID"),
        _("Role"),
        _("As declared"),
        _("Since"),
        _("Until"),
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for entry in register.public_register(org):
        declaration = entry.declaration
        base = [
            neutralise(entry.person.display_name()),
            neutralise(", ".join(p.label for p in entry.positions)),
            _day(declaration.declared_on),
            _day(declaration.changed_on),
        ]
        interests = [i for _group, rows in entry.groups for i in rows]
        if not interests:
            writer.writerow([*base, "", "", "", "", "", _("No interests to declare."), "", ""])
        for i in interests:
            writer.writerow(
                [
                    *base,
                    str(i.get_group_display()),
                    str(i.get_category_display()),
                    neutralise(i.entity_name),
                    i.business_id,
                    neutralise(i.text("role")),
                    neutralise(i.text("description")),
                    _day(i.since),
                    _day(i.until),
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")

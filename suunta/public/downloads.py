"""Open data downloads of an organisation's public content, in the active language.

- CSV: UTF-8 with a byte order mark, `;` between cells and decimal commas, as Finnish Excel
  opens it. Every CSV is written by `csv_document`, which passes every text cell through
  `neutralise` (OWASP's CSV injection advice): a text whose first visible character is
  = + - @ or one of their fullwidth or small forms – after any leading spaces, tabs, line
  breaks or other Unicode whitespace, which spreadsheets skip – or that starts with a tab or a
  carriage return, gets a leading apostrophe, so that no spreadsheet runs it as a formula.
  Numbers the app itself writes (Decimal and int cells: baselines, targets, numbers of goals
  and versions) are formatted by `csv_document` and never prefixed, so a negative target
  stays a number the spreadsheet can compute with.
- XLSX (openpyxl): one sheet per public plan (a row per indicator, with its goal and the
  follow-ups per checkpoint) and a sheet of decisions. Text cells are stored as strings, never
  as formulas.

Both are fed only by `queries.plan_summaries(org)`: `public_summary` of the public plans."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from suunta.goals.presentation import TableCell, goal_table
from suunta.goals.queries import PlanSummary
from suunta.organisations.models import Organisation

from . import queries

# The signs a spreadsheet starts a formula with, in their ASCII, fullwidth and small forms
# (Excel and LibreOffice fold the fullwidth ones to ASCII), and the minus sign.
FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212")
# Characters a spreadsheet skips before the first visible one, beside Unicode whitespace
# (`str.isspace`): zero-width spaces and joiners, the word joiner and the byte order mark.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def neutralise(value: str) -> str:
    """A text that a spreadsheet would take for a formula, made harmless: an apostrophe in
    front of a text that starts with a tab or a carriage return, or whose first visible
    character is a formula sign."""
    if value.startswith(("\t", "\r")):
        return "'" + value
    start = 0
    while start < len(value) and (value[start].isspace() or value[start] in INVISIBLE):
        start += 1
    return "'" + value if value[start : start + 1] in FORMULA_SIGNS else value


def spreadsheet_cell(value: Any) -> str:
    """One CSV cell: a number the app computed in the Finnish way (decimal comma, never
    prefixed), nothing for None, and every other value as neutralised text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return number_format(value.normalize(), use_l10n=True)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return neutralise(str(value))


def csv_document(header: list[Any], rows: Iterable[list[Any]]) -> bytes:
    """The one writer of every CSV the app serves: UTF-8 with a BOM, `;`, CRLF, and every cell
    through `spreadsheet_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _follow_up(cell: TableCell) -> tuple[str, str]:
    """(rating, text) of a checkpoint's joint follow-up, or the reason it is empty."""
    if not cell.reported:
        return "", _("not yet reported")
    ratings = " / ".join(e.rating for e in cell.entries if e.rating)
    texts = "\n".join(e.text.value for e in cell.entries)
    return ratings, texts


def _indicator_cells(row: dict[str, Any]) -> list[Any]:
    """One indicator's row of a plan's table, as the CSV and the XLSX both write it."""
    return [
        row["goal_no"],
        row["area"],
        row["goal"],
        row["indicator_no"],
        row["indicator"],
        row["unit"],
        row["baseline"],
        row["target"],
    ]


def _plan_rows(summary: PlanSummary) -> list[dict[str, Any]]:
    """One row per indicator (a goal without indicators: one row), with its goal and the
    follow-ups of every checkpoint: the goal table (goals.presentation) in the active language,
    with the numbers as numbers."""
    table = goal_table(summary, (get_language() or "fi")[:2])
    rows = []
    for row, goal in zip(summary.rows, table.goals, strict=True):
        follow_ups = [
            (checkpoint, *_follow_up(cell))
            for checkpoint, cell in zip(summary.checkpoints, goal.cells, strict=True)
        ]
        indicators = list(zip(row.indicators, goal.indicators, strict=True))
        for number, (indicator, shown) in list(enumerate(indicators, start=1)) or [
            (None, (None, None))
        ]:
            rows.append(
                {
                    "goal_no": goal.number,
                    "area": goal.area.value,
                    "goal": goal.title.value,
                    "indicator_no": number,
                    "indicator": shown.text.value if shown else "",
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
    return csv_document(header, _goals_csv_rows(summaries))


def _goals_csv_rows(summaries: list[PlanSummary]) -> Iterator[list[Any]]:
    for summary in summaries:
        plan = summary.plan
        for row in _plan_rows(summary):
            cells: list[Any] = [
                plan.text("title"),
                plan.period_label,
                str(plan.get_status_display()),
                plan.version_no,
                *_indicator_cells(row),
            ]
            for checkpoint, rating, text in row["follow_ups"]:
                cells += [checkpoint.text("label"), rating, text]
            yield cells


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
            values: list[Any] = _indicator_cells(row)
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
    return csv_document(header, _interest_rows(register.public_register(org)))


def _interest_rows(entries: Iterable[Any]) -> Iterator[list[Any]]:
    for entry in entries:
        declaration = entry.declaration
        base = [
            entry.person.display_name(),
            ", ".join(p.label for p in entry.positions),
            _day(declaration.declared_on),
            _day(declaration.changed_on),
        ]
        interests = [i for _group, rows in entry.groups for i in rows]
        if not interests:
            yield [*base, "", "", "", "", "", _("No interests to declare."), "", ""]
        for i in interests:
            yield [
                *base,
                str(i.get_group_display()),
                str(i.get_category_display()),
                i.entity_name,
                i.business_id,
                i.text("role"),
                i.text("description"),
                _day(i.since),
                _day(i.until),
            ]

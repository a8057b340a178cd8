"""The audit committee's yearly report to the council on the register of interests, as DOCX
(python-docx, with the project's document styles) and PDF (WeasyPrint from a print template).
Both are laid out from `queries.year_report`; neither reads the database."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from suunta.reports.docx import add_table, new_document, to_bytes
from suunta.reports.pdf import render_pdf

from .queries import YearReport


def _date(day: Any) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else "–"


def labels(report: YearReport) -> dict[str, str]:
    return {
        "title": _("Report on the register of interests %(year)s") % {"year": report.year},
        "intro": _(
            "The audit committee supervises that the declarations of interests are made "
            "(Local Government Act 84 §) and reports on it to the council."
        ),
        "situation": _("The situation on %(date)s") % {"date": _date(report.made_on)},
        "person": _("Person"),
        "roles": _("Roles requiring a declaration"),
        "declared": _("Declared on"),
        "changed": _("Last changed on"),
        "state": _("State"),
        "reviews": _("Reviews during the year"),
        "reviewed": _("Marked reviewed: %(n)s") % {"n": report.reviewed},
        "corrections": _("Corrections or completions requested: %(n)s") % {"n": report.corrections},
        "ended": _("Left the register during the year"),
        "none": _("none"),
    }


def _rows(report: YearReport) -> list[list[str]]:
    rows = []
    for row in report.rows:
        positions = [p.label for p in row.obligation.positions if p.requires_declaration]
        declaration = row.declaration
        rows.append(
            [
                row.person.display_name(),
                ", ".join(positions),
                _date(declaration.declared_on if declaration else None),
                _date(declaration.changed_on if declaration else None),
                row.state_label,
            ]
        )
    return rows


def report_docx(report: YearReport, lang: str) -> bytes:
    with translation.override(lang):
        text = labels(report)
        org = report.organisation.text("name", lang)
        word = new_document(lang, text["title"], org, text["title"])
        word.add_paragraph(org)
        word.add_heading(text["title"], level=1)
        word.add_paragraph(text["intro"])
        word.add_heading(text["situation"], level=2)
        word.add_paragraph(", ".join(f"{label} {n}" for _s, label, n in report.counts))
        headings = [text[k] for k in ("person", "roles", "declared", "changed", "state")]
        table = add_table(word, headings, [38.0, 58.0, 26.0, 26.0, 32.0])
        for values in _rows(report):
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
        word.add_heading(text["reviews"], level=2)
        word.add_paragraph(text["reviewed"])
        word.add_paragraph(text["corrections"])
        word.add_heading(text["ended"], level=2)
        if report.ended:
            for ended in report.ended:
                word.add_paragraph(
                    f"{ended.declaration.person.display_name()} {_date(ended.ended_on)}",
                    style="List Bullet",
                )
        else:
            word.add_paragraph(text["none"])
        return to_bytes(word)


def report_pdf(report: YearReport, lang: str) -> bytes:
    with translation.override(lang):
        context = {
            "report": report,
            "labels": labels(report),
            "rows": _rows(report),
            "organisation": report.organisation.text("name", lang),
            "ended": [
                (e.declaration.person.display_name(), _date(e.ended_on)) for e in report.ended
            ],
        }
    return render_pdf("register/report.pdf.html", context, lang)

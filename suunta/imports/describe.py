"""Where a found line came from and why it has its role, in the user's language: the reader
writes them as plain codes ("page 2 line 5", "table at paragraph 7 row 3 cell 2"; "label",
"form"), the review page shows them as sentences."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REASONS = {
    "label": gettext_lazy("a label word says so"),
    "table column": gettext_lazy("the table's column says so"),
    "table header": gettext_lazy("a table's header row"),
    "table rows": gettext_lazy("a row of a goal table written as text"),
    "form": gettext_lazy("its form: heading, numbering, bullet, emphasis"),
    "sentence": gettext_lazy("a sentence naming the goal"),
    "listed under a label": gettext_lazy("listed under a label"),
    "prose": gettext_lazy("running text"),
    "plain line": gettext_lazy("a line without a list mark"),
    "unlabelled line": gettext_lazy("a line without a label where goals are labelled"),
    "container": gettext_lazy("a heading over all the goals"),
    "heading without goals": gettext_lazy("a heading with no goals under it"),
    "before the first goal": gettext_lazy("before the first goal"),
    "beside the goal table": gettext_lazy("beside the goal table"),
    "detail of an indicator": gettext_lazy("detail under an indicator"),
    "actions": gettext_lazy("actions, not indicators"),
    "translation": gettext_lazy("the Swedish translation of the line above"),
    "title": gettext_lazy("the title"),
    "above the title": gettext_lazy("above the title"),
    "letterhead": gettext_lazy("letterhead"),
    "handling": gettext_lazy("handling dates"),
    "period": gettext_lazy("the period"),
    "section heading": gettext_lazy("a section's heading"),
    "follow-up": gettext_lazy("a follow-up text"),
    "page header or footer": gettext_lazy("a page's header or footer"),
    "table of contents": gettext_lazy("table of contents"),
    "corrected": gettext_lazy("corrected by you"),
}
SECTIONS = {
    "basis": gettext_lazy("director contract"),
    "purpose": gettext_lazy("purpose"),
    "evaluation": gettext_lazy("evaluation"),
}


def _page_line(m: re.Match[str]) -> str:
    return _("page %(p)s, line %(n)s") % {"p": m[1], "n": m[2]}


def _page_table(m: re.Match[str]) -> str:
    return _table(_("page %(p)s, table %(t)s") % {"p": m[1], "t": m[2]}, m[3], m[4])


def _word_table(m: re.Match[str]) -> str:
    return _table(_("table after paragraph %(n)s") % {"n": m[1]}, m[2], m[3])


def _sheet(m: re.Match[str]) -> str:
    return _table(_("sheet %(n)s") % {"n": m[1]}, m[2], m[3])


def _paragraph(m: re.Match[str]) -> str:
    return _("paragraph %(n)s") % {"n": m[1]}


PATTERNS = [
    (re.compile(r"^page (\d+) line (\d+)$"), _page_line),
    (re.compile(r"^page (\d+) table (\d+) row (\d+)(?: cell (\d+))?$"), _page_table),
    (re.compile(r"^table at paragraph (\d+) row (\d+)(?: cell (\d+))?$"), _word_table),
    (re.compile(r"^sheet (\d+) row (\d+)(?: cell (\d+))?$"), _sheet),
    (re.compile(r"^paragraph (\d+)$"), _paragraph),
]


def _table(where: str, row: str, cell: str | None) -> str:
    if cell:
        return _("%(where)s, row %(row)s, column %(col)s") % {
            "where": where,
            "row": row,
            "col": cell,
        }
    return _("%(where)s, row %(row)s") % {"where": where, "row": row}


def source(code: str) -> str:
    for pattern, render in PATTERNS:
        match = pattern.match(code or "")
        if match:
            return render(match)
    return code or ""


def reason(code: str) -> str:
    if code.startswith("section: "):
        kind = code.split(": ", 1)[1]
        return _("in the section “%(section)s”") % {"section": SECTIONS.get(kind, kind)}
    return str(REASONS.get(code, code))

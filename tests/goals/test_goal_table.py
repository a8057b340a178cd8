"""The goal table has one presentation model (suunta/goals/presentation.py): the plan page,
the public page and the goal document show the same indicator numbers and follow-ups."""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils import translation
from docx import Document

from suunta.goals import models as m
from suunta.goals import queries
from suunta.goals.presentation import goal_table
from suunta.reports.document import goal_document
from tests.conftest import client_for

NBSP = "\xa0"


def test_the_page_and_the_document_format_an_indicators_numbers_the_same_finnish_way(
    demo, coordinator, draft
):
    goal = draft.goals.order_by("order").first()
    m.Indicator.objects.create(
        goal=goal,
        order=99,
        text_fi="Lainakanta asukasta kohden",
        unit="€/as.",
        baseline=Decimal("4100"),
        target=Decimal("-3.2"),
    )
    detail = f"lähtötaso 4{NBSP}100, tavoitetaso -3,2 €/as."
    html = client_for(coordinator).get(f"/fi/plans/{draft.pk}/").content.decode()
    assert f'<span class="numeric">({detail})</span>' in html
    summary = queries.plan_summary(draft, follow_up_kinds={"joint"})
    doc = goal_document(summary, "fi")
    lines = [str(i.line) for g in doc.goals for i in g.indicators]
    assert f"Lainakanta asukasta kohden ({detail})" in lines
    response = client_for(coordinator).get(f"/fi/plans/{draft.pk}/document.docx?lang=fi")
    word = Document(io.BytesIO(response.content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert any(f"Lainakanta asukasta kohden ({detail})" in c for c in cells)


def test_the_public_version_says_which_checkpoints_are_not_reported(demo):
    summary = queries.public_summary(demo["plan"])
    with translation.override("fi"):
        table = goal_table(summary, "fi")
    assert table.public
    reported = summary.reported or set()
    for goal in table.goals:
        for cell, checkpoint in zip(goal.cells, summary.checkpoints, strict=True):
            assert cell.reported == (checkpoint.pk in reported)
            if not cell.reported:
                assert cell.entries == []
    signed_in = goal_table(queries.plan_summary(demo["plan"]), "fi")
    assert not signed_in.public
    assert all(cell.reported for goal in signed_in.goals for cell in goal.cells)

"""Finding 5: a 1.5 kB measured-values XLSX declaring `<dimension ref="A1:XFD20000">` kept the
server busy for 11 s (row 1 048 576: ten minutes): every row was padded to the declared
16 384 columns and every missing row up to the declared last one was made. Now the values are
read like every other upload – the parts scanned first, the first sheet parsed in a child
process with limits – and only the rows and cells that are really in the file are read."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_plan, move_to
from tests.security import hostile_files as hostile


@pytest.fixture
def plan(demo):
    """A plan in follow-up whose first goal has a numeric indicator 1.1."""
    organisation = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=organisation)
    plan = make_plan(organisation, post, goals=2, indicators=2, checkpoints=2)
    goal = plan.goals.order_by("order").first()
    m.Indicator.objects.filter(goal=goal, order=1).update(
        baseline=-2, target=Decimal("0.5"), unit="milj. €", direction="increase"
    )
    move_to(plan, "in_follow_up")
    plan.refresh_from_db()
    return plan


def padded(indicator: str, last_row: int = 20_000) -> bytes:
    """A header in row 1 and one value in `last_row`, declaring every column and that many
    rows: the old reader made every row between them, each as wide as the declaration."""
    cell = hostile.cell
    n = last_row
    return hostile.xlsx(
        [
            f'<dimension ref="A1:XFD{n}"/><sheetData>'
            f'<row r="1">{cell("A1", "mittari")}{cell("B1", "päivämäärä")}{cell("C1", "arvo")}'
            f'</row><row r="{n}">{cell(f"A{n}", indicator)}{cell(f"B{n}", "30.6.2030")}'
            f"{cell(f'C{n}', 1.5)}</row></sheetData>"
        ]
    )


def upload(coordinator, plan, data: bytes, language: str = "en"):
    return client_for(coordinator).post(
        f"/{language}/plans/{plan.pk}/values/import/",
        {"file": SimpleUploadedFile("arvot.xlsx", data)},
    )


def test_a_padded_file_with_an_error_is_answered_with_the_rows_error_at_once(coordinator, plan):
    data = padded("9.9")
    assert len(data) < 2_000
    client_for(coordinator).get(f"/en/plans/{plan.pk}/values/import/")  # warm
    with hostile.measured() as cost:
        response = upload(coordinator, plan, data)
    assert response.status_code == 422
    assert escape("Row 2: there is no numeric indicator “9.9” in this plan.") in (
        response.content.decode()
    )
    hostile.assert_cheap(cost)
    assert not m.IndicatorValue.objects.exists()


def test_a_padded_file_declaring_a_million_rows_is_imported_by_its_real_rows(coordinator, plan):
    client_for(coordinator).get(f"/en/plans/{plan.pk}/values/import/")  # warm
    with hostile.measured() as cost:
        response = upload(coordinator, plan, padded("1.1", last_row=1_048_576))
    assert response.status_code == 302
    hostile.assert_cheap(cost)
    value = m.IndicatorValue.objects.get()
    assert (value.measured_on, value.value) == (datetime.date(2030, 6, 30), Decimal("1.5"))


def test_a_values_file_with_an_entity_declaration_is_refused_in_finnish(coordinator, plan):
    data = hostile.xlsx(
        ['<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>']
    )
    data = hostile.zipped(
        {
            **{
                name: body
                for name, body in hostile.unzipped(data).items()
                if name != "xl/worksheets/sheet1.xml"
            },
            "xl/worksheets/sheet1.xml": " "
            * 5_000
            + '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<worksheet xmlns="{hostile.SHEET_NS}"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>',
        }
    )
    response = upload(coordinator, plan, data, "fi")
    assert response.status_code == 422
    assert (
        escape(
            hostile.refusal("arvot.xlsx", "it declares XML entities, which are not allowed.", "fi")
        )
        in response.content.decode()
    )

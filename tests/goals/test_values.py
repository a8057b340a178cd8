"""Numeric indicators: actual values by hand and from CSV/XLSX, refused input, the chart."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from suunta.accounts.models import Role
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_plan, make_user, move_to


@pytest.fixture
def plan(demo):
    """A plan in follow-up whose first goal has two numeric indicators (1.1 and 1.2)."""
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan = make_plan(org, post, goals=2, indicators=2, checkpoints=2)
    goal = plan.goals.order_by("order").first()
    m.Indicator.objects.filter(goal=goal, order=1).update(
        baseline=-2, target=Decimal("0.5"), unit="milj. €", direction="increase"
    )
    m.Indicator.objects.filter(goal=goal, order=2).update(
        baseline=12, target=9, unit="pv/htv", direction="decrease"
    )
    move_to(plan, "in_follow_up")
    plan.refresh_from_db()
    return plan


def indicator(plan, number):
    goal_no, ind_no = (int(n) for n in number.split("."))
    return m.Indicator.objects.get(goal__plan=plan, goal__order=goal_no, order=ind_no)


def upload(client, plan, name, data, lang="fi"):
    return client.post(
        f"/{lang}/plans/{plan.pk}/values/import/",
        {"file": SimpleUploadedFile(name, data)},
    )


def xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_value_entered_by_hand_in_finnish_format(demo, coordinator, plan):
    target = indicator(plan, "1.1")
    client = client_for(coordinator)
    url = f"/fi/plans/{plan.pk}/indicators/{target.pk}/values/"
    response = client.post(url, {"measured_on": "2030-06-30", "value": "−1 234,5", "note": "Q2"})
    assert response.status_code == 302
    value = m.IndicatorValue.objects.get(indicator=target)
    assert value.value == Decimal("-1234.5") and value.entered_by == coordinator
    again = client.post(url.replace("/fi/", "/en/"), {"measured_on": "2030-06-30", "value": "3"})
    assert again.status_code == 422 and "exists already" in again.content.decode()
    bad = client.post(url, {"measured_on": "30.13.2030", "value": "paljon"}, HTTP_ACCEPT="*/*")
    assert bad.status_code == 422
    assert m.IndicatorValue.objects.filter(indicator=target).count() == 1
    text = client.get(url).content.decode()
    assert "−1\u00a0234,5" in text or "-1\u00a0234,5" in text


def test_a_text_only_indicator_takes_no_values(demo, coordinator, plan):
    text_only = indicator(plan, "2.1")
    response = client_for(coordinator).post(
        f"/en/plans/{plan.pk}/indicators/{text_only.pk}/values/",
        {"measured_on": "2030-06-30", "value": "1"},
    )
    assert response.status_code == 422 and "not numeric" in response.content.decode()
    assert not m.IndicatorValue.objects.exists()


@pytest.mark.parametrize("role", [Role.Kind.BOARD_MEMBER, Role.Kind.EXECUTIVE])
def test_readers_cannot_record_values(demo, plan, role):
    user = make_user("reader", demo["tuusula"], kind=role)
    response = client_for(user).post(
        f"/fi/plans/{plan.pk}/indicators/{indicator(plan, '1.1').pk}/values/",
        {"measured_on": "2030-06-30", "value": "1"},
    )
    assert response.status_code == 403 and not m.IndicatorValue.objects.exists()


def test_values_after_the_evaluation_are_refused_with_the_state(demo, coordinator, plan):
    move_to(plan, "evaluated")
    response = client_for(coordinator).post(
        f"/en/plans/{plan.pk}/indicators/{indicator(plan, '1.1').pk}/values/",
        {"measured_on": "2030-06-30", "value": "1"},
    )
    assert response.status_code == 409 and "in force" in response.content.decode()


def test_import_a_finnish_csv(demo, coordinator, plan):
    data = (
        "mittari;päivämäärä;arvo;huomautus\n1.1;31.3.2030;-1,5;Q1\n"
        "1.1;30.6.2030;-0,75;\n1.2;30.6.2030;11,2;tilinpäätös\n"
    ).encode("utf-8-sig")
    response = upload(client_for(coordinator), plan, "arvot.csv", data)
    assert response.status_code == 302
    values = m.IndicatorValue.objects.order_by("indicator__order", "measured_on")
    assert [(v.indicator.order, v.measured_on.month, v.value) for v in values] == [
        (1, 3, Decimal("-1.5")),
        (1, 6, Decimal("-0.75")),
        (2, 6, Decimal("11.2")),
    ]
    assert {v.source for v in values} == {"import"}
    # The same file again changes nothing; a changed value replaces the old one.
    upload(client_for(coordinator), plan, "arvot.csv", data)
    assert m.IndicatorValue.objects.count() == 3
    changed = b"indicator,date,value\n1.2,2030-06-30,10.9\n"
    assert upload(client_for(coordinator), plan, "x.csv", changed).status_code == 302
    assert m.IndicatorValue.objects.get(indicator__order=2).value == Decimal("10.9")
    from suunta.audit.models import AuditEvent

    assert AuditEvent.objects.filter(action="value.import").count() == 3


def test_import_an_xlsx_with_date_cells(demo, coordinator, plan):
    data = xlsx(
        [
            ["Mittari", "Päivämäärä", "Arvo"],
            ["1.1", datetime.datetime(2030, 9, 30), 0.2],
            ["1.2", "30.9.2030", "10,1"],
        ]
    )
    response = upload(client_for(coordinator), plan, "arvot.xlsx", data)
    assert response.status_code == 302
    assert sorted(m.IndicatorValue.objects.values_list("value", flat=True)) == [
        Decimal("0.2"),
        Decimal("10.1"),
    ]


def test_a_file_with_errors_saves_nothing_and_names_each_row(demo, coordinator, plan):
    data = (
        "mittari;päivämäärä;arvo\n"
        "1.1;31.3.2030;1\n"
        "7.1;31.3.2030;1\n"
        "1.2;31.13.2030;1\n"
        "1.2;30.6.2030;paljon\n"
        "1.1;31.3.2030;2\n"
    ).encode()
    response = upload(client_for(coordinator), plan, "arvot.csv", data, lang="en")
    text = response.content.decode()
    assert response.status_code == 422
    for expected in ("Nothing was saved", "Row 3", "“7.1”", "Row 4", "Row 5", "Row 6"):
        assert expected in text, expected
    assert not m.IndicatorValue.objects.exists()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tyhjä.csv", b"", "file is empty"),
        ("ohjelma.xlsx", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "neither CSV nor XLSX"),
        ("pommi.xlsx", zip_bomb(), "too much data"),
        ("rikki.xlsx", b"PK\x03\x04broken", "damaged"),
        # Just over the 2 MB file limit: the reader's message (far over it is a 413 before the
        # body is read, tests/security/test_f17_request_size_and_health_check.py).
        ("iso.csv", b"mittari;pvm;arvo\n" + b"1.1;1.1.2030;1\n" * 140_000, "too large"),
        ("otsikot.csv", b"a;b;c\n1;2;3\n", "must name the columns"),
    ],
    ids=["empty", "executable", "zip-bomb", "broken-zip", "too-large", "no-header"],
)
def test_hostile_or_broken_files_are_refused_with_a_message(
    demo, coordinator, plan, name, data, message
):
    response = upload(client_for(coordinator), plan, name, data, lang="en")
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not m.IndicatorValue.objects.exists()


def test_the_plan_page_shows_a_chart_with_the_table_beside_it(demo, coordinator, plan):
    target = indicator(plan, "1.1")
    for day, value in ((datetime.date(2030, 3, 31), "-1.5"), (datetime.date(2030, 6, 30), "-0.5")):
        m.IndicatorValue.objects.create(indicator=target, measured_on=day, value=value)
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    text = client_for(member).get(f"/fi/plans/{plan.pk}/").content.decode()
    assert 'role="img"' in text and "<polyline" in text and "<title id=" in text
    assert "30.6.2030" in text and "-0,5" in text
    assert "Tuo arvot" not in text  # readers get no import button
    svg = text[text.index("<svg class=") : text.index("</svg>")]
    assert "style=" not in svg and "<script" not in svg

"""The decision form as a municipal secretary records the minutes (issue 17, the usability
review's gap 5): the chosen body's members on the meeting day, substitutes added, the executive
proposed as disqualified only in a decision they are a party to, and the outcomes a body has:
approved, approved with amendments (which starts the amendment), returned for preparation,
tabled and noted."""

import datetime
import re

import pytest
from django.utils import translation

from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import Body, Membership, Person
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(demo):
    """Tuusula's board with three members on 30.3.2026, one deputy, and one whose term ended."""
    org = demo["tuusula"]
    body = Body.objects.get(organisation=org, kind="board")
    seats = {}
    for name, role, starts, ends in [
        ("Aino Puheenjohtaja", "chair", datetime.date(2025, 6, 1), None),
        ("Eero Jäsen", "member", datetime.date(2025, 6, 1), None),
        ("Sari Varajäsen", "deputy_member", datetime.date(2025, 6, 1), None),
        ("Olli Entinen", "member", datetime.date(2021, 6, 1), datetime.date(2025, 5, 31)),
    ]:
        person = Person.objects.create(organisation=org, name=name)
        Membership.objects.create(body=body, person=person, role=role, starts_on=starts,
                                  ends_on=ends)  # fmt: skip
        seats[name] = person
    outsider = Person.objects.create(organisation=org, name="Ville Vierailija")
    return body, seats, outsider


def _form(client, plan, **query) -> str:
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.get(f"/en/plans/{plan.pk}/decide/?{params}").content.decode()


def _checked(html: str, name: str) -> set[str]:
    return set(
        re.findall(
            rf'<input type="(?:checkbox|radio)" name="{name}" value="([^"]+)"[^>]*checked', html
        )
    )


def test_the_form_lists_the_bodys_members_on_the_meeting_day(draft, coordinator, board):
    body, seats, _outsider = board
    plan = actions.propose_plan(draft, actor=coordinator)
    html = _form(client_for(coordinator), plan, kind="approve", body=body.pk,
                 meeting_date="2026-03-30")  # fmt: skip
    listed = re.search(r"<legend>Members present</legend>.*?</fieldset>", html, re.S).group(0)
    assert "Aino Puheenjohtaja (chair)" in listed and "Eero Jäsen (member)" in listed
    assert "Sari Varajäsen (deputy member)" in listed
    assert "Olli Entinen" not in listed  # his term ended before the meeting
    assert "Ville Vierailija" not in listed  # not a member: added as another attendee
    ticked = _checked(html, "attendees")
    assert {str(seats["Aino Puheenjohtaja"].pk), str(seats["Eero Jäsen"].pk)} <= ticked
    assert str(seats["Sari Varajäsen"].pk) not in ticked  # a deputy stands in when needed
    assert _checked(html, "executive_presence") == {"disqualified"}


def test_the_executive_is_never_proposed_disqualified_for_a_review(draft, coordinator, demo):
    plan = actions.propose_plan(draft, actor=coordinator)
    poljory = Body.objects.get(organisation=demo["tuusula"], kind="steering_group")
    html = _form(client_for(coordinator), plan, kind="review", body=poljory.pk,
                 meeting_date="2026-03-26")  # fmt: skip
    assert _checked(html, "executive_presence") == {"absent"}
    assert _checked(html, "disqualified") == set()
    # Recorded as taking part: allowed in a review, refused in the board's approval.
    client = client_for(coordinator)
    data = {"body": poljory.pk, "meeting_date": "2026-03-26", "section": "3",
            "executive_presence": "present"}  # fmt: skip
    assert (
        client.post(f"/fi/plans/{plan.pk}/decide/", {**data, "kind": "review"}).status_code == 302
    )
    board = Body.objects.get(organisation=demo["tuusula"], kind="board")
    with translation.override("en"):
        refused = client.post(
            f"/en/plans/{plan.pk}/decide/", {**data, "body": board.pk, "kind": "approve"}
        )
    assert refused.status_code == 422
    assert "mark them disqualified" in refused.content.decode()
    plan.refresh_from_db()
    assert plan.status == "proposed"


def test_a_substitute_is_recorded_as_present(draft, coordinator, board):
    body, seats, outsider = board
    plan = actions.propose_plan(draft, actor=coordinator)
    answer = client_for(coordinator).post(
        f"/fi/plans/{plan.pk}/decide/",
        {
            "kind": "approve",
            "body": body.pk,
            "meeting_date": "2026-03-30",
            "section": "45",
            "attendees": [seats["Aino Puheenjohtaja"].pk],
            "others": [outsider.pk],
            "executive_presence": "disqualified",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    decision = plan.decisions.get()
    chief = plan.executive
    assert set(decision.attendees.all()) == {seats["Aino Puheenjohtaja"], outsider, chief}
    assert list(decision.disqualified.all()) == [chief]


def _decide(client, plan, body, kind):
    return client.post(
        f"/fi/plans/{plan.pk}/decide/",
        {"kind": kind, "body": body.pk, "meeting_date": "2026-03-30", "section": "45",
         "executive_presence": "disqualified"},
    )  # fmt: skip


def test_approved_with_amendments_puts_the_goals_in_force_and_starts_the_amendment(
    draft, coordinator, board
):
    body, _seats, _outsider = board
    plan = actions.propose_plan(draft, actor=coordinator)
    answer = _decide(client_for(coordinator), plan, body, "approve_amended")
    plan.refresh_from_db()
    assert plan.status == "approved"
    amendment = m.GoalPlan.objects.get(supersedes=plan)
    assert amendment.status == "draft"
    assert answer["Location"].endswith(f"/plans/{amendment.pk}/edit/")
    # The amendment, once written in, is decided on and replaces the version.
    actions.record_decision(
        amendment,
        data={"kind": "amend", "body": body, "meeting_date": datetime.date(2026, 3, 30),
              "section": "45"},
        actor=coordinator,
    )  # fmt: skip
    plan.refresh_from_db()
    amendment.refresh_from_db()
    assert (plan.status, amendment.status) == ("superseded", "approved")


def test_returned_for_preparation_makes_a_draft_and_tabled_waits(draft, coordinator, board):
    body, _seats, _outsider = board
    client = client_for(coordinator)
    plan = actions.propose_plan(draft, actor=coordinator)
    assert _decide(client, plan, body, "table").status_code == 302
    plan.refresh_from_db()
    assert plan.status == "proposed"
    assert _decide(client, plan, body, "return").status_code == 302
    plan.refresh_from_db()
    assert plan.status == "draft"
    kinds = list(plan.decisions.order_by("created_at").values_list("kind", flat=True))
    assert kinds == ["table", "return"]
    with translation.override("fi"):
        labels = [m.Decision.Kind(k).label for k in kinds]
    assert [str(label) for label in labels] == [
        "jätti asian pöydälle",
        "palautti asian uudelleen valmisteltavaksi",
    ]

"""Next year's plan is a fresh document (the usability review's gap 1): the texts copied from
last period's plan are marked for review, what in them belongs to the previous period is
highlighted, and the plan cannot be proposed until each is confirmed or rewritten."""

import datetime

import pytest
from django.utils import translation

from suunta.audit.models import AuditEvent
from suunta.goals import actions, carried
from suunta.goals import models as m
from tests.conftest import client_for, make_user


@pytest.fixture
def coordinator(demo):
    return make_user("coord", demo["tuusula"])


@pytest.fixture
def next_draft(demo, coordinator):
    return actions.start_next_plan(demo["plan"], actor=coordinator)


def pending_count(plan):
    return sum(len(items) for items in actions.carried_over(plan).values())


def test_every_copied_text_waits_for_review_and_proposing_is_refused_until_then(
    next_draft, coordinator
):
    pending = actions.carried_over(next_draft)
    assert pending["sections"] == ["title", "basis", "purpose", "evaluation"]
    assert len(pending["goals"]) == 6 and len(pending["indicators"]) == 14
    with (
        translation.override("en"),
        pytest.raises(actions.WrongState, match="24 texts copied from the previous period"),
    ):
        actions.propose_plan(next_draft, actor=coordinator)
    # Confirmed one by one, or rewritten: a goal saved from its form is reviewed by it, and so
    # is a section whose text changes; a section saved unchanged is not.
    goal = pending["goals"][0]
    actions.update_goal(
        goal, data={"title_fi": "Uusi muotoilu"}, expected_lock=goal.lock_version,
        actor=coordinator,
    )  # fmt: skip
    next_draft.refresh_from_db()
    actions.update_plan(
        next_draft,
        data={"basis_fi": next_draft.basis_fi + " Päivitetty.", "title_fi": next_draft.title_fi},
        expected_lock=next_draft.lock_version,
        actor=coordinator,
    )
    next_draft.refresh_from_db()
    assert next_draft.carried_over == ["title", "purpose", "evaluation"]
    assert pending_count(next_draft) == 22
    for section in list(next_draft.carried_over):
        actions.confirm_carried_over(next_draft, section=section, actor=coordinator)
    for goal in actions.carried_over(next_draft)["goals"]:
        actions.confirm_carried_over(next_draft, goal=goal, actor=coordinator)
    for indicator in actions.carried_over(next_draft)["indicators"]:
        actions.confirm_carried_over(next_draft, indicator=indicator, actor=coordinator)
    assert pending_count(next_draft) == 0
    assert AuditEvent.objects.filter(action="plan.confirm_carried_over").count() == 22
    actions.propose_plan(next_draft, actor=coordinator)
    # The flags are not content: the hash of the proposed version is what it shows.
    next_draft.refresh_from_db()
    assert next_draft.status == "proposed" and next_draft.content_hash


def test_an_amendment_of_the_same_period_is_not_marked(demo, coordinator):
    from tests.conftest import move_to

    approved = demo["plan"]
    move_to(approved, "approved")
    amendment = actions.start_amendment(approved, actor=coordinator)
    assert pending_count(amendment) == 0


def test_the_previous_periods_dates_years_and_checkpoints_are_marked(next_draft):
    text = (
        "Tavoitteet käyty läpi 26.3.2025 poljoryssä ja KH 31.3.2025; arvioidaan elokuu 2025 "
        "ja tammikuu/helmikuu 2026. Strategia ulottuu vuoteen 2030."
    )
    html = str(carried.marked(text, next_draft))
    assert "<mark>26.3.2025</mark>" in html and "<mark>31.3.2025</mark>" in html
    assert "<mark>elokuu 2025</mark>" in html  # a checkpoint of the 2025 plan
    assert "<mark>tammikuu/helmikuu 2026</mark>" in html  # its name, though the year is 2026
    assert "<mark>2030</mark>" not in html and "2030" in html
    assert str(carried.marked("<b>1.1.2020</b>", next_draft)) == (
        "&lt;b&gt;<mark>1.1.2020</mark>&lt;/b&gt;"
    )


def test_the_editor_lists_the_texts_and_confirms_one_from_the_page(next_draft, coordinator):
    client = client_for(coordinator)
    page = client.get(f"/fi/plans/{next_draft.pk}/edit/").content.decode()
    assert "Edelliseltä kaudelta siirretyt tekstit" in page
    assert "24 tekstiä odottaa vielä tarkistusta" in page
    assert "<mark>" in page
    url = f"/fi/plans/{next_draft.pk}/edit/carried-over/confirm/"
    assert client.post(url, {"section": "purpose"}).status_code == 302
    next_draft.refresh_from_db()
    assert "purpose" not in next_draft.carried_over
    # Bad input changes nothing and says why.
    response = client.post(url, {"section": "purpose"}, follow=True)
    assert "Tämä teksti ei odota tarkistusta." in response.content.decode()
    response = client.post(url, {"goal": "not-an-id"}, follow=True)
    assert "Valitse jokin tämän tavoiteasiakirjan teksteistä." in response.content.decode()
    assert pending_count(next_draft) == 23
    # Proposing from the page says what is missing.
    response = client.post(f"/fi/plans/{next_draft.pk}/propose/", {})
    assert response.status_code == 409
    assert "edelliseltä kaudelta kopioitua tekstiä on tarkistamatta" in response.content.decode()
    assert m.GoalPlan.objects.get(pk=next_draft.pk).status == "draft"
    assert next_draft.period_start == datetime.date(2026, 1, 1)

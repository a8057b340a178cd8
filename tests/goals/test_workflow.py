"""The goal plan's workflow: draft → proposed → decided by the board → in follow-up →
evaluated → closed; returning a proposal; amendments as new versions with their own decisions;
the version history with a readable diff; the audit log."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from suunta.accounts.models import Role
from suunta.audit.models import AuditEvent
from suunta.goals import actions, queries
from suunta.goals import models as m
from suunta.organisations.models import Body, Person
from tests.conftest import client_for, make_user, move_to


@pytest.fixture
def people(demo):
    org = demo["tuusula"]
    return {
        "mayor": Person.objects.get(organisation=org, name="Kalle Ikkelä"),
        "chief": Person.objects.get(organisation=org, title_fi="Kansliapäällikkö"),
        "board": Body.objects.get(organisation=org, kind="board"),
        "poljory": Body.objects.get(organisation=org, kind="steering_group"),
    }


def board_decision(people, kind="approve", **extra):
    data = {
        "kind": kind,
        "body": people["board"],
        "meeting_date": datetime.date(2026, 3, 30),
        "section": "45",
        "presenter": people["mayor"],
        "attendees": [people["mayor"], people["chief"]],
        "disqualified": [people["chief"]],
        "summary_fi": "Hyväksyttiin.",
    }
    data.update(extra)
    return data


def test_a_draft_goes_through_the_whole_cycle(draft, coordinator, people):
    plan = actions.propose_plan(draft, actor=coordinator, to_body=people["poljory"])
    assert plan.status == "proposed" and len(plan.content_hash) == 64
    actions.record_decision(
        plan, data=board_decision(people, "review", body=people["poljory"]), actor=coordinator
    )
    plan.refresh_from_db()
    assert plan.status == "proposed"
    decision = actions.record_decision(plan, data=board_decision(people), actor=coordinator)
    plan.refresh_from_db()
    assert plan.status == "approved"
    assert decision.presenter == people["mayor"]
    assert list(decision.disqualified.all()) == [people["chief"]]
    assert set(decision.attendees.all()) == {people["mayor"], people["chief"]}
    assert decision.recorded_by == coordinator
    plan = actions.start_follow_up(plan, actor=coordinator)
    actions.record_decision(plan, data=board_decision(people, "evaluate"), actor=coordinator)
    plan.refresh_from_db()
    assert plan.status == "evaluated"
    plan = actions.close_plan(plan, actor=coordinator)
    assert plan.status == "closed"
    logged = list(
        AuditEvent.objects.filter(plan_id=plan.pk)
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    for action in (
        "plan.propose",
        "decision.review",
        "decision.approve",
        "plan.start_follow_up",
        "decision.evaluate",
        "plan.close",
    ):
        assert action in logged


def test_the_content_hash_does_not_change_from_proposal_to_approval(draft, coordinator, people):
    plan = actions.propose_plan(draft, actor=coordinator)
    sealed = plan.content_hash
    actions.record_decision(plan, data=board_decision(people), actor=coordinator)
    plan.refresh_from_db()
    assert plan.content_hash == sealed
    assert sealed == queries.content_hash(queries.plan_content(queries.plan_summary(plan)))


def test_a_returned_proposal_is_a_draft_again_and_the_reason_is_logged(draft, coordinator):
    plan = actions.propose_plan(draft, actor=coordinator)
    plan = actions.return_plan(plan, actor=coordinator, reason="Talouden mittarit tarkemmiksi")
    assert plan.status == "draft"
    event = AuditEvent.objects.filter(action="plan.return").latest("at")
    assert event.after["reason"] == "Talouden mittarit tarkemmiksi"
    goal = plan.goals.first()
    actions.update_goal(
        goal, data={"title_fi": "Uusi"}, expected_lock=goal.lock_version, actor=coordinator
    )


def test_returning_needs_a_reason(draft, coordinator):
    plan = actions.propose_plan(draft, actor=coordinator)
    with pytest.raises(ValidationError):
        actions.return_plan(plan, actor=coordinator, reason="  ")
    plan.refresh_from_db()
    assert plan.status == "proposed"


def test_a_decision_in_the_wrong_state_names_the_state_that_allows_it(demo, coordinator, people):
    with translation.override("en"), pytest.raises(actions.WrongState) as refused:
        actions.record_decision(demo["plan"], data=board_decision(people), actor=coordinator)
    assert "proposed" in str(refused.value) and "approved by the board" in str(refused.value)
    assert demo["plan"].decisions.count() == 2


def test_the_executive_cannot_present_and_must_leave_the_room(draft, coordinator, people):
    plan = actions.propose_plan(draft, actor=coordinator)
    with pytest.raises(ValidationError) as refused:
        actions.record_decision(
            plan, data=board_decision(people, presenter=people["chief"]), actor=coordinator
        )
    assert "presenter" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.record_decision(
            plan, data=board_decision(people, disqualified=[]), actor=coordinator
        )
    assert "disqualified" in refused.value.message_dict
    plan.refresh_from_db()
    assert plan.status == "proposed" and not plan.decisions.exists()


def test_only_the_board_or_the_council_approves(draft, coordinator, people):
    plan = actions.propose_plan(draft, actor=coordinator)
    with pytest.raises(ValidationError) as refused:
        actions.record_decision(
            plan, data=board_decision(people, body=people["poljory"]), actor=coordinator
        )
    assert "body" in refused.value.message_dict


def test_a_body_of_another_organisation_is_refused(draft, coordinator, people, demo):
    plan = actions.propose_plan(draft, actor=coordinator)
    other = Body.objects.get(organisation=demo["kangasala"], kind="board")
    with pytest.raises(ValidationError):
        actions.record_decision(plan, data=board_decision(people, body=other), actor=coordinator)


def test_the_executive_may_not_decide_even_with_a_coordinator_role(draft, demo, people):
    user = make_user("chief", demo["tuusula"], kind=Role.Kind.COORDINATOR)
    Role.objects.create(user=user, organisation=demo["tuusula"], kind=Role.Kind.EXECUTIVE)
    with pytest.raises(PermissionDenied):
        actions.propose_plan(draft, actor=user)


def test_an_amendment_is_a_new_version_that_replaces_the_old_one(demo, coordinator, people):
    old = demo["plan"]
    m.FollowUpEntry.objects.create(
        goal=old.goals.first(), checkpoint=old.checkpoints.first(), text_fi="Edennyt"
    )
    new = actions.start_amendment(old, actor=coordinator)
    assert (new.version_no, new.status, new.series, new.supersedes) == (2, "draft", old.series, old)
    assert new.goals.count() == 6 and m.FollowUpEntry.objects.filter(goal__plan=new).count() == 1
    with pytest.raises(actions.WrongState):
        actions.start_amendment(old, actor=coordinator)
    goal = new.goals.order_by("order")[2]
    actions.update_goal(
        goal,
        data={"title_fi": "Talouden ja talousarvion johtaminen"},
        expected_lock=goal.lock_version,
        actor=coordinator,
    )
    actions.add_indicator(goal, data={"text_fi": "Lainakanta €/asukas"}, actor=coordinator)
    actions.record_decision(new, data=board_decision(people, "amend"), actor=coordinator)
    new.refresh_from_db()
    old.refresh_from_db()
    assert (new.status, old.status) == ("approved", "superseded")
    assert new.content_hash and new.content_hash != old.content_hash
    assert old.goals.order_by("order")[2].title_fi == "Talouden johtaminen"
    diff = queries.version_diff(old, new)
    [changed] = diff.goals
    assert changed.status == "changed"
    assert any(c.status == "added" for c in changed.children)


def test_amend_is_refused_on_a_proposal_that_is_not_an_amendment(draft, coordinator, people):
    plan = actions.propose_plan(draft, actor=coordinator)
    with pytest.raises(actions.WrongState):
        actions.record_decision(plan, data=board_decision(people, "amend"), actor=coordinator)


# --- Pages ------------------------------------------------------------------------------------


def test_the_whole_cycle_through_the_pages(draft, coordinator, people):
    client = client_for(coordinator)
    page = client.get(f"/fi/plans/{draft.pk}/").content.decode()
    assert f"/fi/plans/{draft.pk}/propose/" in page
    assert client.get(f"/fi/plans/{draft.pk}/propose/").status_code == 200
    response = client.post(f"/fi/plans/{draft.pk}/propose/", {"proposed_to": people["poljory"].pk})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "proposed" and draft.proposed_to == people["poljory"]
    form = client.get(
        f"/en/plans/{draft.pk}/decide/?kind=approve&body={people['board'].pk}"
        "&meeting_date=2026-03-30"
    ).content.decode()
    assert "disqualified: left the room during the item" in form
    assert (
        'value="disqualified" id="id_executive_presence_1" checked' in form.replace("\n", "")
        or 'value="disqualified"' in form
    )
    response = client.post(
        f"/fi/plans/{draft.pk}/decide/",
        {
            "kind": "approve",
            "body": people["board"].pk,
            "meeting_date": "2026-03-30",
            "section": "45",
            "presenter": people["mayor"].pk,
            "others": [people["mayor"].pk],
            "executive_presence": "disqualified",
            "summary_fi": "Hyväksyttiin.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "approved"
    page = client.get(f"/fi/plans/{draft.pk}/").content.decode()
    assert draft.content_hash in page and "Kalle Ikkelä" in page
    assert client.post(f"/fi/plans/{draft.pk}/follow-up/").status_code == 302
    response = client.post(f"/fi/plans/{draft.pk}/amend/")
    assert response.status_code == 302
    new = m.GoalPlan.objects.get(series=draft.series, version_no=2)
    assert response["Location"].endswith(f"/fi/plans/{new.pk}/edit/")
    history = client.get(f"/fi/plans/{new.pk}/versions/")
    assert history.status_code == 200
    assert "Versio 2" in history.content.decode()


def test_an_invalid_decision_form_says_which_field_is_wrong_and_saves_nothing(
    draft, coordinator, people
):
    actions.propose_plan(draft, actor=coordinator)
    client = client_for(coordinator)
    response = client.post(
        f"/en/plans/{draft.pk}/decide/",
        {"kind": "approve", "body": people["board"].pk, "meeting_date": "31.13.2026"},
    )
    assert response.status_code == 422
    assert "Enter a valid date" in response.content.decode()
    assert not draft.decisions.exists()


def test_a_wrong_state_through_the_pages_is_a_409_that_names_the_state(demo, coordinator):
    client = client_for(coordinator)
    response = client.post(f"/en/plans/{demo['plan'].pk}/close/")
    assert response.status_code == 409
    assert "evaluated" in response.content.decode()


def test_closing_asks_first_and_a_get_changes_nothing(demo, coordinator):
    plan = demo["plan"]
    move_to(plan, "evaluated")
    client = client_for(coordinator)
    page = client.get(f"/fi/plans/{plan.pk}/")
    assert f'<a class="button" href="/fi/plans/{plan.pk}/close/">' in page.content.decode()
    confirm = client.get(f"/en/plans/{plan.pk}/close/")
    assert confirm.status_code == 200 and "Close the plan?" in confirm.content.decode()
    plan.refresh_from_db()
    assert plan.status == "evaluated"
    assert client.post(f"/fi/plans/{plan.pk}/close/").status_code == 302
    plan.refresh_from_db()
    assert plan.status == "closed"


def test_the_diff_page_shows_removed_and_added_words(demo, coordinator, people):
    old = demo["plan"]
    new = actions.start_amendment(old, actor=coordinator)
    actions.update_plan(
        new,
        data={"title_fi": "Kansliapäällikön tarkistetut tavoitteet"},
        expected_lock=new.lock_version,
        actor=coordinator,
    )
    client = client_for(coordinator)
    page = client.get(f"/en/plans/{new.pk}/versions/?old={old.pk}&new={new.pk}").content.decode()
    assert "<ins>" in page and "tarkistetut" in page
    assert client.get(f"/en/plans/{new.pk}/versions/?old={old.pk}&new=nonsense").status_code == 404


def test_the_audit_log_page_shows_who_did_what_for_coordinators_only(demo, coordinator):
    actions.start_follow_up(demo["plan"], actor=coordinator)
    page = client_for(coordinator).get(f"/en/plans/{demo['plan'].pk}/audit/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "coordinator started the follow-up" in html
    assert "plan.start_follow_up" not in html
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    assert client_for(member).get(f"/en/plans/{demo['plan'].pk}/audit/").status_code == 403


def test_the_audit_event_records_where_the_change_came_from(draft, coordinator):
    client_for(coordinator).post(
        f"/fi/plans/{draft.pk}/propose/", {}, REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Testiselain"
    )
    event = AuditEvent.objects.get(action="plan.propose", object_id=str(draft.pk))
    assert (event.ip, event.user_agent, event.via, event.actor) == (
        "10.1.2.3",
        "Testiselain",
        "web",
        coordinator,
    )


def test_a_follow_up_report_names_the_checkpoint_it_reported_and_that_makes_it_public(
    draft, coordinator, people
):
    plan = actions.propose_plan(draft, actor=coordinator, to_body=people["poljory"])
    first = plan.checkpoints.order_by("order").first()
    # Before the goals are in force there is no follow-up to report.
    with pytest.raises(ValidationError) as refused:
        actions.record_decision(
            plan,
            data=board_decision(people, "review", body=people["poljory"], checkpoint=first),
            actor=coordinator,
        )
    assert "checkpoint" in refused.value.message_dict
    actions.record_decision(plan, data=board_decision(people), actor=coordinator)
    plan.refresh_from_db()
    summary = queries.public_summary(plan)
    assert summary.reported == set()
    # Only a review names a checkpoint, and only one of this plan.
    other = m.Checkpoint.objects.exclude(plan=plan).first()
    for bad in (
        board_decision(people, "review", body=people["poljory"], checkpoint=other),
        board_decision(people, "evaluate", checkpoint=first),
    ):
        with pytest.raises(ValidationError) as refused:
            actions.record_decision(plan, data=bad, actor=coordinator)
        assert "checkpoint" in refused.value.message_dict
    actions.record_decision(
        plan,
        data=board_decision(people, "review", body=people["poljory"], checkpoint=first),
        actor=coordinator,
    )
    assert queries.public_summary(plan).reported == {first.pk}
    page = client_for(coordinator).get(f"/en/plans/{plan.pk}/decide/")
    assert "Follow-up reported" in page.content.decode()

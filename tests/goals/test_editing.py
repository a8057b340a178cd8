"""Editing a draft plan: through the actions and through HTTP, with and without htmx."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suunta.accounts.models import Role
from suunta.audit.models import AuditEvent
from suunta.goals import actions
from suunta.goals import models as m
from tests.conftest import client_for, make_user

HTMX = {"HTTP_HX_REQUEST": "true"}


def goal_form(**overrides):
    data = {
        "title_fi": "Uusi tavoite",
        "area_fi": "",
        "kind": "result",
        "description_fi": "",
        "criteria_fi": "",
        "weight": "",
    }
    data.update(overrides)
    return data


def test_starting_next_period_copies_goals_and_indicators_but_not_follow_ups(demo, coordinator):
    plan = demo["plan"]
    first_goal = plan.goals.order_by("order").first()
    m.FollowUpEntry.objects.create(
        goal=first_goal, checkpoint=plan.checkpoints.first(), text_fi="Edennyt hyvin"
    )
    new = actions.start_next_plan(plan, actor=coordinator)
    assert new.status == "draft" and new.previous == plan
    assert (new.period_start.isoformat(), new.period_end.isoformat()) == (
        "2026-01-01",
        "2026-12-31",
    )
    assert [g.title_fi for g in new.goals.order_by("order")] == [
        g.title_fi for g in plan.goals.order_by("order")
    ]
    assert new.goals.count() == 6
    assert m.Indicator.objects.filter(goal__plan=new).count() == 14
    assert [c.label_fi for c in new.checkpoints.order_by("order")] == [
        "elokuu 2026",
        "tammikuu/helmikuu 2027",
    ]
    assert not m.FollowUpEntry.objects.filter(goal__plan=new).exists()
    assert not new.decisions.exists()
    assert AuditEvent.objects.filter(action="plan.start_next", object_id=str(new.pk)).exists()


def test_a_second_draft_for_the_same_next_period_is_refused(demo, coordinator, draft):
    with pytest.raises(actions.WrongState):
        actions.start_next_plan(demo["plan"], actor=coordinator)


def test_an_approved_plan_cannot_be_edited(demo, coordinator):
    goal = demo["plan"].goals.first()
    with translation.override("en"), pytest.raises(actions.WrongState, match="draft"):
        actions.update_goal(
            goal, data={"title_fi": "x"}, expected_lock=goal.lock_version, actor=coordinator
        )
    goal.refresh_from_db()
    assert goal.title_fi != "x"


@pytest.mark.parametrize(
    "kind", [Role.Kind.BOARD_MEMBER, Role.Kind.EXECUTIVE, Role.Kind.AUDIT_COMMITTEE]
)
def test_only_preparers_edit(demo, draft, kind):
    user = make_user(f"user-{kind}", demo["tuusula"], kind=kind)
    goal = draft.goals.first()
    with pytest.raises(PermissionDenied):
        actions.update_goal(
            goal, data={"title_fi": "x"}, expected_lock=goal.lock_version, actor=user
        )


def test_a_stale_save_is_refused_and_changes_nothing(demo, coordinator, draft):
    goal = draft.goals.order_by("order").first()
    seen = goal.lock_version
    actions.update_goal(
        goal, data={"title_fi": "Ensimmäinen"}, expected_lock=seen, actor=coordinator
    )
    stale = m.Goal.objects.get(pk=goal.pk)
    with pytest.raises(actions.StaleVersion) as refused:
        actions.update_goal(
            stale, data={"title_fi": "Toinen"}, expected_lock=seen, actor=coordinator
        )
    assert refused.value.current.title_fi == "Ensimmäinen"
    assert m.Goal.objects.get(pk=goal.pk).title_fi == "Ensimmäinen"


def test_every_change_writes_an_audit_event_with_before_and_after(demo, coordinator, draft):
    goal = draft.goals.order_by("order").first()
    actions.update_goal(
        goal, data={"title_fi": "Muutettu"}, expected_lock=goal.lock_version, actor=coordinator
    )
    event = AuditEvent.objects.filter(action="goal.update").get()
    assert event.before["title_fi"] == "Strategian toimeenpanon johtaminen"
    assert event.after["title_fi"] == "Muutettu"
    assert event.actor == coordinator and event.plan_id == draft.pk


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=st.lists(st.tuples(st.integers(0, 5), st.sampled_from([-1, 1])), max_size=12))
def test_moves_keep_every_goal_exactly_once(demo, coordinator, draft, moves):
    for index, step in moves:
        goals = list(draft.goals.order_by("order", "created_at"))
        actions.move_goal(goals[index], step=step, actor=coordinator)
    orders = list(draft.goals.order_by("order").values_list("order", flat=True))
    assert sorted(orders) == orders
    assert draft.goals.count() == 6


# --- Over HTTP ----------------------------------------------------------------------------


def test_the_editor_adds_a_goal_without_javascript(demo, coordinator, draft):
    client = client_for(coordinator)
    response = client.post(f"/fi/plans/{draft.pk}/goals/new/", goal_form(weight="20"))
    assert response.status_code == 302
    goal = draft.goals.get(title_fi="Uusi tavoite")
    assert response["Location"].endswith(f"/fi/plans/{draft.pk}/edit/#goal-{goal.pk}")
    assert goal.order == 7 and str(goal.weight) == "20.00"


def test_the_editor_edits_a_goal_inline_with_htmx(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.order_by("order").first()
    form = client.get(f"/fi/goals/{goal.pk}/edit/", **HTMX)
    assert form.status_code == 200
    assert form["HX-Retarget"] == f"#goal-{goal.pk}"
    assert b"<html" not in form.content and b'name="title_fi"' in form.content
    response = client.post(
        f"/fi/goals/{goal.pk}/edit/",
        goal_form(title_fi="Strategian johtaminen", lock_version=goal.lock_version),
        **HTMX,
    )
    assert response.status_code == 200
    assert b'id="editor"' in response.content and b"Strategian johtaminen" in response.content
    assert "Tavoite tallennettiin" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Tämä kenttä vaaditaan."),
        ("sv", "Detta fält måste fyllas i."),
        ("en", "This field is required."),
    ],
)
def test_an_invalid_goal_names_the_field_in_the_users_language(
    demo, coordinator, draft, language, message
):
    client = client_for(coordinator)
    goal = draft.goals.order_by("order").first()
    response = client.post(
        f"/{language}/goals/{goal.pk}/edit/",
        goal_form(title_fi="  ", lock_version=goal.lock_version),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html and 'id="id_title_fi_errors"' in html
    goal.refresh_from_db()
    assert goal.title_fi == "Strategian toimeenpanon johtaminen"


def test_a_weight_outside_0_to_100_is_refused_with_a_message(demo, coordinator, draft):
    client = client_for(coordinator)
    response = client.post(f"/en/plans/{draft.pk}/goals/new/", goal_form(weight="150"))
    assert response.status_code == 422
    assert "100" in response.content.decode()
    assert not draft.goals.filter(title_fi="Uusi tavoite").exists()


def test_a_stale_form_gets_a_conflict_page_showing_the_saved_version(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.order_by("order").first()
    old_lock = goal.lock_version
    actions.update_goal(
        goal,
        data={"title_fi": "Toisen käyttäjän muutos"},
        expected_lock=old_lock,
        actor=coordinator,
    )
    response = client.post(
        f"/fi/goals/{goal.pk}/edit/", goal_form(title_fi="Minun muutokseni", lock_version=old_lock)
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Toisen käyttäjän muutos" in html
    assert "Muutoksiasi ei tallennettu" in html
    assert m.Goal.objects.get(pk=goal.pk).title_fi == "Toisen käyttäjän muutos"


def test_indicators_and_checkpoints_are_added_edited_moved_and_removed(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.order_by("order").first()
    assert (
        client.post(
            f"/fi/goals/{goal.pk}/indicators/new/",
            {
                "text_fi": "Väestönkasvu",
                "unit": "asukasta / v",
                "baseline": "120",
                "target": "150",
                "direction": "increase",
            },
        ).status_code
        == 302
    )
    new = goal.indicators.get(text_fi="Väestönkasvu")
    assert new.is_numeric and new.order == 3
    assert client.post(f"/fi/indicators/{new.pk}/move/up/").status_code == 302
    assert [i.text_fi for i in goal.indicators.order_by("order")][1] == "Väestönkasvu"
    assert (
        client.post(
            f"/fi/indicators/{new.pk}/delete/", {"lock_version": new.lock_version}
        ).status_code
        == 302
    )
    assert not goal.indicators.filter(pk=new.pk).exists()

    checkpoint = draft.checkpoints.order_by("order").last()
    response = client.post(
        f"/fi/checkpoints/{checkpoint.pk}/edit/",
        {
            "label_fi": "kesäkuu 2026",
            "opens_on": "2026-06-01",
            "closes_on": "2026-06-30",
            "lock_version": checkpoint.lock_version,
        },
    )
    assert response.status_code == 302
    checkpoint.refresh_from_db()
    assert checkpoint.label_fi == "kesäkuu 2026"
    bad = client.post(
        f"/fi/plans/{draft.pk}/checkpoints/new/",
        {"label_fi": "syyskuu", "opens_on": "2026-09-30", "closes_on": "2026-09-01"},
    )
    assert bad.status_code == 422
    assert "Ikkuna ei voi sulkeutua ennen kuin se avautuu." in bad.content.decode()
    assert draft.checkpoints.count() == 2


def test_a_numeric_indicator_needs_a_unit(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.first()
    response = client.post(
        f"/en/goals/{goal.pk}/indicators/new/", {"text_fi": "Lainakanta", "target": "3000"}
    )
    assert response.status_code == 422
    assert "unit" in response.content.decode()
    assert not goal.indicators.filter(text_fi="Lainakanta").exists()


def test_removing_with_a_stale_version_is_refused(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.first()
    response = client.post(f"/fi/goals/{goal.pk}/delete/", {"lock_version": "999"})
    assert response.status_code == 409
    assert draft.goals.filter(pk=goal.pk).exists()


def test_the_plan_details_are_edited_and_validated(demo, coordinator, draft):
    client = client_for(coordinator)
    data = {
        "title_fi": "Kansliapäällikön tavoitteet 2026",
        "period_kind": "year",
        "period_start": "2026-01-01",
        "period_end": "2025-12-31",
        "basis_fi": "",
        "purpose_fi": "",
        "evaluation_fi": "",
        "lock_version": draft.lock_version,
    }
    bad = client.post(f"/fi/plans/{draft.pk}/edit/", data)
    assert bad.status_code == 422
    assert "Kausi ei voi päättyä ennen kuin se alkaa." in bad.content.decode()
    data["period_end"] = "2026-12-31"
    assert client.post(f"/fi/plans/{draft.pk}/edit/", data).status_code == 302
    draft.refresh_from_db()
    assert draft.title_fi == "Kansliapäällikön tavoitteet 2026"


def test_editing_an_approved_plan_over_http_says_which_state_allows_it(demo, coordinator):
    client = client_for(coordinator)
    goal = demo["plan"].goals.first()
    response = client.post(f"/en/goals/{goal.pk}/edit/", goal_form(lock_version=goal.lock_version))
    assert response.status_code == 409
    assert "Only a draft can be edited" in response.content.decode()
    goal.refresh_from_db()
    assert goal.title_fi != "Uusi tavoite"


def test_a_board_member_does_not_see_a_draft_and_cannot_open_the_editor(demo, draft):
    user = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    client = client_for(user)
    assert client.get(f"/fi/plans/{draft.pk}/edit/").status_code == 404
    assert client.get(f"/fi/plans/{draft.pk}/").status_code == 404
    assert client.get(f"/fi/plans/{demo['plan'].pk}/").status_code == 200


def test_an_edit_through_the_form_records_the_saved_state_as_before(demo, coordinator, draft):
    client = client_for(coordinator)
    goal = draft.goals.order_by("order").first()
    client.post(
        f"/fi/goals/{goal.pk}/edit/",
        goal_form(title_fi="Uusi nimi", lock_version=goal.lock_version),
    )
    event = AuditEvent.objects.get(action="goal.update")
    assert event.before["title_fi"] == "Strategian toimeenpanon johtaminen"
    assert event.after["title_fi"] == "Uusi nimi"


def test_an_empty_post_is_refused_with_messages_and_creates_nothing(demo, coordinator, draft):
    client = client_for(coordinator)
    response = client.post(f"/en/plans/{draft.pk}/goals/new/", {})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert draft.goals.count() == 6


def test_forms_of_an_approved_plan_are_refused(demo, coordinator):
    client = client_for(coordinator)
    plan = demo["plan"]
    goal = plan.goals.first()
    for url in (
        f"/en/goals/{goal.pk}/edit/",
        f"/en/plans/{plan.pk}/goals/new/",
        f"/en/plans/{plan.pk}/edit/details/",
        f"/en/plans/{plan.pk}/edit/",
    ):
        response = client.get(url)
        assert response.status_code == 409, url
        assert "Only a draft can be edited" in response.content.decode()


def test_a_plan_approved_after_the_editor_was_opened_is_not_changed(demo, coordinator, draft):
    goal = m.Goal.objects.select_related("plan").get(pk=draft.goals.first().pk)
    m.GoalPlan.objects.filter(pk=draft.pk).update(status="approved")  # meanwhile, elsewhere
    with pytest.raises(actions.WrongState):
        actions.update_goal(
            goal, data={"title_fi": "Myöhässä"}, expected_lock=goal.lock_version, actor=coordinator
        )
    assert m.Goal.objects.get(pk=goal.pk).title_fi != "Myöhässä"

"""An approved goal plan version never changes, whatever path writes to it; neither do the
decisions on it nor the audit log. A change after approval makes a new version."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from suunta.audit.models import AuditEvent
from suunta.goals import actions, queries, triggers
from suunta.goals import models as m
from suunta.goals.models.plans import FrozenContent
from suunta.organisations.models import Body


def refused_by_database(sql: str, params=()) -> None:
    with (
        pytest.raises(DatabaseError, match="frozen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def pk(obj) -> str:
    """The primary key as the database stores it (SQLite keeps UUIDs as 32 hex digits)."""
    return obj.pk.hex if connection.vendor == "sqlite" else str(obj.pk)


@pytest.fixture
def approved(demo):
    return demo["plan"]


def test_every_trigger_is_installed_after_migrate(db):
    names = triggers.installed_names(connection)
    expected = (
        {"suunta_plan_frozen_update", "suunta_plan_frozen_delete"}
        if connection.vendor == "sqlite"
        else {"suunta_plan_frozen"}
    )
    assert expected <= names
    for table in ("goal", "indicator", "checkpoint"):
        assert any(name.startswith(f"suunta_{table}_frozen") for name in names)
    assert any(name.startswith("suunta_decision_") for name in names)
    assert any(name.startswith("suunta_auditevent_") for name in names)


def test_the_demo_plan_is_approved_and_sealed_with_the_hash_of_its_content(approved):
    assert approved.status == "approved"
    content = queries.plan_content(queries.plan_summary(approved))
    assert approved.content_hash == queries.content_hash(content)
    assert len(approved.content_hash) == 64


# --- Every write path refuses a change of approved content ------------------------------------


def test_an_action_refuses_to_edit_an_approved_goal(approved, coordinator):
    goal = approved.goals.first()
    with translation.override("en"), pytest.raises(actions.WrongState, match="Only a draft"):
        actions.update_goal(
            goal, data={"title_fi": "Muutettu"}, expected_lock=goal.lock_version, actor=coordinator
        )
    goal.refresh_from_db()
    assert goal.title_fi != "Muutettu"


def test_model_save_and_delete_refuse_approved_content(approved):
    goal = approved.goals.first()
    goal.title_fi = "Muutettu"
    with pytest.raises(FrozenContent):
        goal.save()
    with pytest.raises(FrozenContent):
        goal.indicators.first().delete()
    with pytest.raises(FrozenContent):
        m.Goal.objects.create(plan=approved, title_fi="Uusi")
    approved.title_fi = "Muutettu"
    with pytest.raises(FrozenContent):
        approved.save()
    with pytest.raises(FrozenContent):
        m.GoalPlan.objects.get(pk=approved.pk).delete()
    assert isinstance(FrozenContent("x"), ValidationError)


@pytest.mark.parametrize(
    "write",
    [
        lambda plan: m.GoalPlan.objects.filter(pk=plan.pk).update(title_fi="Muutettu"),
        lambda plan: m.GoalPlan.objects.filter(pk=plan.pk).update(status="draft"),
        lambda plan: m.GoalPlan.objects.filter(pk=plan.pk).update(content_hash="0" * 64),
        lambda plan: m.GoalPlan.objects.filter(pk=plan.pk).update(
            period_end=datetime.date(2026, 12, 31)
        ),
        lambda plan: m.Goal.objects.filter(plan=plan).update(title_fi="Muutettu"),
        lambda plan: m.Goal.objects.filter(plan=plan).update(order=99),
        lambda plan: m.Indicator.objects.filter(goal__plan=plan).update(text_fi="Muutettu"),
        lambda plan: m.Checkpoint.objects.filter(plan=plan).update(label_fi="Muutettu"),
        lambda plan: m.Indicator.objects.filter(goal__plan=plan)._raw_delete("default"),
        lambda plan: m.Goal.objects.bulk_create([m.Goal(plan=plan, title_fi="Uusi")]),
        lambda plan: m.Decision.objects.filter(plan=plan).update(section="99"),
        lambda plan: m.Decision.objects.filter(plan=plan)._raw_delete("default"),
    ],
    ids=[
        "plan title",
        "plan back to draft",
        "plan hash",
        "plan period",
        "goal title",
        "goal order",
        "indicator text",
        "checkpoint label",
        "indicator delete",
        "goal insert",
        "decision update",
        "decision delete",
    ],
)
def test_an_orm_write_to_approved_content_is_refused_by_the_database(approved, write):
    before = queries.content_hash(queries.plan_content(queries.plan_summary(approved)))
    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        write(approved)
    approved.refresh_from_db()
    assert queries.content_hash(queries.plan_content(queries.plan_summary(approved))) == before
    assert approved.status == "approved"
    assert m.Decision.objects.filter(plan=approved).count() == 2


def test_raw_sql_updates_and_deletes_of_approved_content_are_refused(approved):
    goal = approved.goals.first()
    refused_by_database("UPDATE goals_goalplan SET title_fi = 'x' WHERE id = %s", [pk(approved)])
    refused_by_database("UPDATE goals_goal SET title_fi = 'x' WHERE id = %s", [pk(goal)])
    refused_by_database("DELETE FROM goals_goal WHERE id = %s", [pk(goal)])
    refused_by_database("DELETE FROM goals_goalplan WHERE id = %s", [pk(approved)])
    refused_by_database("UPDATE goals_indicator SET text_fi = 'x'")
    refused_by_database("UPDATE goals_checkpoint SET opens_on = closes_on")
    assert approved.goals.count() == 6


def test_the_state_of_an_approved_plan_still_moves_on(approved, coordinator):
    plan = actions.start_follow_up(approved, actor=coordinator)
    assert plan.status == "in_follow_up"
    plan.refresh_from_db()
    assert plan.status == "in_follow_up"


def test_the_audit_log_is_append_only(approved, coordinator):
    actions.start_follow_up(approved, actor=coordinator)
    event = AuditEvent.objects.latest("at")
    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.action == "plan.start_follow_up"


def test_a_draft_can_still_be_edited_in_every_way(draft):
    m.Goal.objects.filter(plan=draft).update(title_fi="Muutettu")
    m.Indicator.objects.filter(goal__plan=draft).delete()
    m.GoalPlan.objects.filter(pk=draft.pk).update(title_fi="Uusi otsikko")
    draft.refresh_from_db()
    assert draft.title_fi == "Uusi otsikko"


def test_flush_empties_a_database_that_holds_approved_plans(transactional_db):
    from suunta.demo import seed

    seed.load(accounts=False)
    call_command("flush", interactive=False, verbosity=0)
    assert not m.GoalPlan.objects.exists()
    assert not AuditEvent.objects.exists()


# --- Holes found in review ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "moves",
    [
        ["proposed", "draft"],  # approved walked back to a draft to be rewritten
        ["draft"],
        ["in_follow_up", "closed"],  # skipping the evaluation
    ],
)
def test_the_database_refuses_state_moves_the_workflow_never_makes(demo, moves):
    plan = demo["plan"]
    with pytest.raises(Exception, match="frozen"), transaction.atomic():
        for status in moves:
            m.GoalPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    assert plan.status == "approved"


def test_the_minutes_focus_areas_and_scale_of_an_approved_plan_are_frozen(demo):
    from suunta.organisations.models import FocusArea

    plan = demo["plan"]
    goal = plan.goals.first()
    area = FocusArea.objects.create(post=plan.post, order=99, text_fi="Uusi painopiste")
    decision = plan.decisions.get(kind="approve")
    for write in (
        lambda: goal.focus_areas.add(area),
        lambda: decision.disqualified.clear(),
        lambda: plan.scale.levels.update(achievement=0),
        lambda: plan.scale.levels.first().delete(),
    ):
        with pytest.raises(Exception, match="frozen"), transaction.atomic():
            write()
    assert decision.disqualified.count() == 1


def test_follow_ups_of_an_evaluated_plan_are_frozen(demo):
    from tests.conftest import move_to

    plan = move_to(demo["plan"], "evaluated")
    goal, checkpoint = plan.goals.first(), plan.checkpoints.first()
    with pytest.raises(Exception, match="frozen"), transaction.atomic():
        m.FollowUpEntry.objects.create(goal=goal, checkpoint=checkpoint, text_fi="Jälkikäteen")


def test_a_decision_on_a_plan_that_changed_after_the_minutes_were_opened_is_refused(demo):
    from suunta.goals import actions
    from tests.conftest import make_user, reviewed

    coordinator = make_user("coord", demo["tuusula"])
    plan = reviewed(actions.start_next_plan(demo["plan"], actor=coordinator), coordinator)
    plan = actions.propose_plan(plan, actor=coordinator)
    seen = plan.lock_version
    plan = actions.return_plan(plan, actor=coordinator, reason="muutos")
    goal = plan.goals.first()
    actions.update_goal(
        goal, data={"title_fi": "Muutettu välissä"}, expected_lock=goal.lock_version,
        actor=coordinator,
    )  # fmt: skip
    plan = actions.propose_plan(plan, actor=coordinator)
    board = Body.objects.get(organisation=demo["tuusula"], kind="board")
    data = {"kind": "approve", "body": board, "meeting_date": datetime.date(2026, 3, 30)}
    with pytest.raises(actions.StaleVersion):
        actions.record_decision(plan, data=data, actor=coordinator, expected_lock=seen)
    plan.refresh_from_db()
    assert plan.status == "proposed"

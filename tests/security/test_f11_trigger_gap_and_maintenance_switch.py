"""Finding 11: the rating scale's name is in the content hash, but the trigger protected only its
kind, so a raw UPDATE changed an approved plan's content past its hash. And any program that
defined the SQL function `suunta_maintenance()` (on PostgreSQL: set `suunta.maintenance`) could
delete audit events and decisions.

Now no raw write that the database lets through changes a plan's recomputed content hash (tried
column by column on the plan and its scale), and neither a client-defined function nor a
session setting opens the triggers; flush and the restores still work."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, connection, models, transaction

from suunta.audit.models import AuditEvent
from suunta.goals import models as m
from suunta.goals.queries import content_hash, plan_content, plan_summary
from suunta.organisations.models import Organisation


def _recomputed(plan: m.GoalPlan) -> str:
    return content_hash(plan_content(plan_summary(m.GoalPlan.objects.get(pk=plan.pk))))


def _other_value(model: type[models.Model], field: models.Field, current, row_pk):
    """A different value of the column's type, or None when there is no sensible one."""
    if field.choices:
        others = [value for value, _label in field.flatchoices if value != current]
        return others[0] if others else None
    if field.is_relation:
        related = field.related_model._default_manager.exclude(pk=current).values_list(
            "pk", flat=True
        )
        other = related.first()
        return None if other is None else getattr(other, "hex", other)
    if isinstance(field, models.UUIDField):
        return uuid.uuid4().hex
    if isinstance(field, models.CharField | models.TextField):
        return (current or "") + "X"
    if isinstance(field, models.DateTimeField):
        return (current or datetime.datetime(2020, 1, 1)) + datetime.timedelta(seconds=1)
    if isinstance(field, models.DateField):
        return current + datetime.timedelta(days=1)
    if isinstance(field, models.IntegerField | models.DecimalField):
        return (current or 0) + 1
    if isinstance(field, models.BooleanField):
        return not current
    return None


def _raw_update(model, pk, column, value) -> bool:
    """UPDATE one column with raw SQL; True if the database let it through."""
    table = model._meta.db_table
    key = pk.hex if isinstance(pk, uuid.UUID) and connection.vendor == "sqlite" else pk
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else str(value)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = %s WHERE id = %s",  # noqa: S608 - test SQL
                [value, key],
            )
    except DatabaseError:
        return False
    return True


@pytest.mark.parametrize("model", [m.RatingScale, m.GoalPlan])
def test_no_raw_update_the_database_lets_through_changes_the_content_hash(demo, model):
    plan = demo["plan"]
    assert plan.status == "approved" and plan.scale_id and plan.content_hash
    assert _recomputed(plan) == plan.content_hash
    row_pk = plan.scale_id if model is m.RatingScale else plan.pk
    drifted = []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        current = model._default_manager.filter(pk=row_pk).values_list(field.attname, flat=True)[0]
        value = _other_value(model, field, current, row_pk)
        if value is None:
            continue
        with transaction.atomic():
            passed = _raw_update(model, row_pk, field.column, value)
            if passed and _recomputed(plan) != plan.content_hash:
                drifted.append(field.column)
            transaction.set_rollback(True)
    assert not drifted, f"raw UPDATEs of {drifted} changed the approved plan's content"


@pytest.mark.parametrize("column", ["name_fi", "name_sv", "kind"])
def test_the_scale_of_an_approved_plan_keeps_what_its_hash_covers(demo, column):
    plan = demo["plan"]
    scale = m.RatingScale.objects.get(pk=plan.scale_id)
    value = "percent" if column == "kind" and scale.kind != "percent" else "Muutettu"
    if column == "kind" and scale.kind == "percent":
        value = "ordinal"
    assert not _raw_update(m.RatingScale, scale.pk, column, value)
    # The model refuses too, before the database does.
    setattr(scale, column, value)
    with pytest.raises(ValidationError), transaction.atomic():
        scale.save()
    assert _recomputed(plan) == plan.content_hash


def test_the_scale_of_a_draft_only_plan_can_still_be_renamed(demo):
    scale = m.RatingScale.objects.create(
        organisation=demo["tuusula"], name_fi="Luonnosasteikko", kind="percent"
    )
    scale.name_fi = "Uusi nimi"
    scale.save()
    assert _raw_update(m.RatingScale, scale.pk, "name_sv", "Nytt namn")


def _define_the_old_switch() -> None:
    """What any program could do on its own connection to open the old triggers."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.create_function("suunta_maintenance", 0, lambda: 1)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('suunta.maintenance', 'on', false)")


@pytest.mark.parametrize(
    "table",
    ["audit_auditevent", "goals_decision", "goals_goalplan", "goals_goal", "goals_indicator"],
)
def test_a_client_defined_maintenance_switch_does_not_open_the_triggers(demo, table):
    assert AuditEvent.objects.exists() and m.Decision.objects.exists()
    _define_the_old_switch()
    before = {
        "audit_auditevent": AuditEvent.objects.count(),
        "goals_decision": m.Decision.objects.count(),
        "goals_goalplan": m.GoalPlan.objects.exclude(status="draft").count(),
        "goals_goal": m.Goal.objects.exclude(plan__status="draft").count(),
        "goals_indicator": m.Indicator.objects.exclude(goal__plan__status="draft").count(),
    }
    where = {
        "goals_goalplan": " WHERE status <> 'draft'",
        "goals_goal": " WHERE plan_id IN (SELECT id FROM goals_goalplan WHERE status <> 'draft')",
    }.get(table, "")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}{where}")  # noqa: S608 - fixed test SQL
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {table} CASCADE")
    after = {
        "audit_auditevent": AuditEvent.objects.count(),
        "goals_decision": m.Decision.objects.count(),
        "goals_goalplan": m.GoalPlan.objects.exclude(status="draft").count(),
        "goals_goal": m.Goal.objects.exclude(plan__status="draft").count(),
        "goals_indicator": m.Indicator.objects.exclude(goal__plan__status="draft").count(),
    }
    assert after == before


def test_flush_still_empties_everything_and_leaves_the_triggers_in_place(demo):
    call_command("flush", interactive=False, verbosity=0)
    assert not m.GoalPlan.objects.exists()
    assert not AuditEvent.objects.exists() and not m.Decision.objects.exists()
    organisation = Organisation.objects.create(slug="uusi", name_fi="Uusi kunta")
    event = AuditEvent.objects.create(organisation=organisation, action="test", object_type="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()

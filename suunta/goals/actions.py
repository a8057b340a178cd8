"""Every change of state is one function here.

Each action checks permission and state, validates, saves, and writes its audit event in the
same transaction. Editable records carry `lock_version`: a save based on a stale version raises
`StaleVersion` and changes nothing.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.audit.record import record, snapshot

from . import permissions
from .models import Checkpoint, Editable, Goal, GoalPlan, Indicator

E = TypeVar("E", bound=Editable)


class ActionError(Exception):
    """An action refused: the message is for the user, in their language."""


class WrongState(ActionError):
    pass


class StaleVersion(ActionError):
    """Someone saved the record after the user opened it; `current` is the saved record."""

    def __init__(self, current: models.Model | None):
        self.current = current
        super().__init__(
            _("Someone else saved this meanwhile. Your changes were not saved.")
            if current is not None
            else _("This item was removed meanwhile. Your changes were not saved.")
        )


def not_draft(plan: GoalPlan) -> WrongState | None:
    """The refusal for a plan that is no longer a draft, or None for a draft."""
    if plan.is_draft:
        return None
    return WrongState(
        _("Only a draft can be edited; this plan is %(status)s.")
        % {"status": plan.get_status_display()}
    )


def _require_editable(actor: Any, plan: GoalPlan) -> None:
    """Inside the action's transaction: the actor prepares plans, and the plan – as saved now,
    locked against a concurrent change of state – is a draft."""
    if not permissions.can_prepare_plans(actor, plan.organisation):
        raise PermissionDenied(_("You may not edit this goal plan."))
    plan.status = (
        GoalPlan.objects.select_for_update().values_list("status", flat=True).get(pk=plan.pk)
    )
    if refusal := not_draft(plan):
        raise refusal


def _plan_of(obj: models.Model) -> GoalPlan:
    if isinstance(obj, GoalPlan):
        return obj
    if isinstance(obj, (Goal, Checkpoint)):
        return obj.plan
    if isinstance(obj, Indicator):
        return obj.goal.plan
    raise TypeError(obj)


def _audit(action: str, obj: models.Model, actor: Any, *, before=None, after=None) -> None:
    plan = _plan_of(obj)
    record(
        action,
        obj,
        actor=actor,
        organisation=plan.organisation,
        plan_id=plan.pk,
        before=before,
        after=after,
    )


def _save_changes(
    obj: E, data: dict[str, Any], *, expected_lock: int, actor: Any, action: str
) -> E:
    """Compare-and-swap on lock_version: the update only lands on the version the user saw."""
    model = type(obj)
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        # The saved state, not `obj`: a bound ModelForm has already written its data on obj.
        before = snapshot(model._default_manager.filter(pk=obj.pk).first())
        m2m = {k: data.pop(k) for k in list(data) if k in {"focus_areas"}}
        for field, value in data.items():
            setattr(obj, field, value)
        obj.full_clean()
        now = timezone.now()
        changed = model._default_manager.filter(pk=obj.pk, lock_version=expected_lock).update(
            **data, lock_version=F("lock_version") + 1, updated_at=now
        )
        if not changed:
            raise StaleVersion(model._default_manager.filter(pk=obj.pk).first())
        obj.lock_version = expected_lock + 1
        obj.updated_at = now
        for field, value in m2m.items():
            getattr(obj, field).set(value)
        _audit(action, obj, actor, before=before, after=snapshot(obj))
    return obj


def _delete(obj: Editable, *, expected_lock: int, actor: Any, action: str) -> None:
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        before = snapshot(obj)
        current = type(obj)._default_manager.filter(pk=obj.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _audit(action, obj, actor, before=before)
        current.delete()


def _move(obj: Editable, siblings: models.QuerySet, *, step: int, actor: Any, action: str) -> None:
    """Move one place up (step=-1) or down (step=1) and renumber the siblings 1…n."""
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        items = list(siblings.select_for_update().order_by("order", "created_at"))
        index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
        target = index + step
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        for position, item in enumerate(items, start=1):
            if item.order != position:
                type(item)._default_manager.filter(pk=item.pk).update(order=position)
        _audit(action, obj, actor, before={"order": index + 1}, after={"order": target + 1})


def _create(
    model: type[E],
    data: dict[str, Any],
    *,
    actor: Any,
    plan: GoalPlan,
    action: str,
    siblings: models.QuerySet,
    parent: dict[str, Any],
) -> E:
    with transaction.atomic():
        _require_editable(actor, plan)
        m2m = {k: data.pop(k) for k in list(data) if k in {"focus_areas"}}
        order = (siblings.aggregate(m=models.Max("order"))["m"] or 0) + 1
        obj = model(**parent, **data, order=order)
        obj.full_clean()
        obj.save()
        for field, value in m2m.items():
            getattr(obj, field).set(value)
        _audit(action, obj, actor, after=snapshot(obj))
    return obj


# --- The plan's own texts -----------------------------------------------------------------


def update_plan(
    plan: GoalPlan, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> GoalPlan:
    return _save_changes(plan, data, expected_lock=expected_lock, actor=actor, action="plan.update")


# --- Goals --------------------------------------------------------------------------------


def add_goal(plan: GoalPlan, *, data: dict[str, Any], actor: Any) -> Goal:
    return _create(
        Goal,
        data,
        actor=actor,
        plan=plan,
        action="goal.add",
        siblings=plan.goals.all(),
        parent={"plan": plan},
    )


def update_goal(goal: Goal, *, data: dict[str, Any], expected_lock: int, actor: Any) -> Goal:
    return _save_changes(goal, data, expected_lock=expected_lock, actor=actor, action="goal.update")


def delete_goal(goal: Goal, *, expected_lock: int, actor: Any) -> None:
    _delete(goal, expected_lock=expected_lock, actor=actor, action="goal.delete")


def move_goal(goal: Goal, *, step: int, actor: Any) -> None:
    _move(goal, goal.plan.goals.all(), step=step, actor=actor, action="goal.move")


# --- Indicators ---------------------------------------------------------------------------


def add_indicator(goal: Goal, *, data: dict[str, Any], actor: Any) -> Indicator:
    return _create(
        Indicator,
        data,
        actor=actor,
        plan=goal.plan,
        action="indicator.add",
        siblings=goal.indicators.all(),
        parent={"goal": goal},
    )


def update_indicator(
    indicator: Indicator, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> Indicator:
    return _save_changes(
        indicator, data, expected_lock=expected_lock, actor=actor, action="indicator.update"
    )


def delete_indicator(indicator: Indicator, *, expected_lock: int, actor: Any) -> None:
    _delete(indicator, expected_lock=expected_lock, actor=actor, action="indicator.delete")


def move_indicator(indicator: Indicator, *, step: int, actor: Any) -> None:
    _move(
        indicator, indicator.goal.indicators.all(), step=step, actor=actor, action="indicator.move"
    )


# --- Checkpoints --------------------------------------------------------------------------


def add_checkpoint(plan: GoalPlan, *, data: dict[str, Any], actor: Any) -> Checkpoint:
    return _create(
        Checkpoint,
        data,
        actor=actor,
        plan=plan,
        action="checkpoint.add",
        siblings=plan.checkpoints.all(),
        parent={"plan": plan},
    )


def update_checkpoint(
    checkpoint: Checkpoint, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> Checkpoint:
    return _save_changes(
        checkpoint, data, expected_lock=expected_lock, actor=actor, action="checkpoint.update"
    )


def delete_checkpoint(checkpoint: Checkpoint, *, expected_lock: int, actor: Any) -> None:
    _delete(checkpoint, expected_lock=expected_lock, actor=actor, action="checkpoint.delete")


def move_checkpoint(checkpoint: Checkpoint, *, step: int, actor: Any) -> None:
    _move(
        checkpoint,
        checkpoint.plan.checkpoints.all(),
        step=step,
        actor=actor,
        action="checkpoint.move",
    )


# --- Next period --------------------------------------------------------------------------

_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_label(text: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


def start_next_plan(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    """A draft for the following period: texts, goals, indicators and checkpoints copied
    (checkpoint dates and the years in their labels moved on), follow-ups and decisions not."""
    if not permissions.can_start_next_plan(actor, plan):
        raise PermissionDenied(_("You may not prepare goal plans in this organisation."))
    with transaction.atomic():
        existing = plan.successors.filter(status=GoalPlan.Status.DRAFT).first()
        if existing is not None:
            raise WrongState(
                _("A draft for the next period already exists: %(plan)s.") % {"plan": existing}
            )
        span_days = (plan.period_end - plan.period_start).days
        years = max(1, round(span_days / 365.25))
        kind = plan.period_kind
        if kind == GoalPlan.PeriodKind.FIRST_12_MONTHS:
            kind = GoalPlan.PeriodKind.OTHER
        text_fields = ["title", "basis", "purpose", "evaluation"]
        new = GoalPlan(
            organisation=plan.organisation,
            post=plan.post,
            contract=plan.contract,
            executive=plan.post.current_holder() or plan.executive,
            previous=plan,
            period_kind=kind,
            period_start=_shift_years(plan.period_start, years),
            period_end=_shift_years(plan.period_end, years),
            prepared_by=plan.prepared_by,
            status=GoalPlan.Status.DRAFT,
            **{
                f"{name}_{lang}": getattr(plan, f"{name}_{lang}")
                for name in text_fields
                for lang in ("fi", "sv")
            },
        )
        new.full_clean()
        new.save()
        for checkpoint in plan.checkpoints.all():
            Checkpoint.objects.create(
                plan=new,
                order=checkpoint.order,
                label_fi=_shift_label(checkpoint.label_fi, years),
                label_sv=_shift_label(checkpoint.label_sv, years),
                opens_on=_shift_years(checkpoint.opens_on, years),
                closes_on=_shift_years(checkpoint.closes_on, years),
            )
        goal_fields = ["kind", "order", "weight"] + [
            f"{name}_{lang}"
            for name in ("area", "title", "description", "criteria")
            for lang in ("fi", "sv")
        ]
        indicator_fields = [
            "order",
            "text_fi",
            "text_sv",
            "unit",
            "baseline",
            "target",
            "direction",
        ]
        for goal in plan.goals.prefetch_related("indicators", "focus_areas"):
            copy = Goal.objects.create(plan=new, **{f: getattr(goal, f) for f in goal_fields})
            copy.focus_areas.set(goal.focus_areas.all())
            Indicator.objects.bulk_create(
                Indicator(goal=copy, **{f: getattr(i, f) for f in indicator_fields})
                for i in goal.indicators.all()
            )
        record(
            "plan.start_next",
            new,
            actor=actor,
            organisation=plan.organisation,
            plan_id=new.pk,
            before={"previous": str(plan.pk)},
            after=snapshot(new),
        )
    return new


def validation_messages(error: ValidationError) -> dict[str, list[str]]:
    """A model ValidationError as {field: [messages]} for putting next to form fields."""
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for e in errs for m in e.messages]
            for field, errs in error.error_dict.items()
        }
    return {"__all__": list(error.messages)}

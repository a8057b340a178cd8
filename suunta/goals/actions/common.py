"""What the plan's actions share: the refusals, the plan-state check (`authorise`) and the
draft content's save, delete, move and create, each in one transaction with its audit event
(the machinery itself is `suunta.core.actions`)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from suunta.audit.record import snapshot
from suunta.core.actions import StaleVersion, WrongState, audited, cas_update
from suunta.core.models import Editable

from .. import permissions
from ..models import Checkpoint, Decision, FollowUpEntry, Goal, GoalPlan, Indicator

E = TypeVar("E", bound=Editable)


def not_draft(plan: GoalPlan) -> WrongState | None:
    """The refusal for a plan that is no longer a draft, or None for a draft."""
    if plan.is_draft:
        return None
    return WrongState(
        _("Only a draft can be edited; this plan is %(status)s.")
        % {"status": plan.get_status_display()}
    )


def _status_names(states) -> str:
    labels = dict(GoalPlan.Status.choices)
    return ", ".join(str(labels[s]) for s in GoalPlan.Status.values if s in states)


# Lazy: the message is put in the language of the request that is refused.
FORBIDDEN = {
    "edit": gettext_lazy("You may not edit this goal plan."),
    "propose": gettext_lazy("You may not propose this goal plan."),
    "return": gettext_lazy("You may not return this proposal."),
    "decide": gettext_lazy("You may not record decisions on this goal plan."),
    "amend": gettext_lazy("You may not start an amendment of this goal plan."),
    "start_follow_up": gettext_lazy("You may not start the follow-up of this goal plan."),
    "close": gettext_lazy("You may not close this goal plan."),
    "start_next": gettext_lazy("You may not prepare goal plans in this organisation."),
}


def authorise(actor: Any, verb: str, plan: GoalPlan, *, lock: bool = True) -> GoalPlan:
    """Inside the action's transaction: re-read the plan's state (locked against a concurrent
    change) and refuse with PermissionDenied (403) or WrongState (409, naming the states that
    allow it)."""
    if lock:
        plan.status = (
            GoalPlan.objects.select_for_update().values_list("status", flat=True).get(pk=plan.pk)
        )
    reason = permissions.refusal(actor, verb, plan)
    if reason == "forbidden":
        raise PermissionDenied(str(FORBIDDEN[verb]))
    if reason == "state":
        if verb == "edit":
            raise not_draft(plan) or WrongState()
        raise WrongState(
            _("This is allowed only when the plan is: %(states)s. This plan is %(status)s.")
            % {
                "states": _status_names(permissions.allowed_states(verb)),
                "status": plan.get_status_display(),
            }
        )
    return plan


def _require_editable(actor: Any, plan: GoalPlan) -> None:
    authorise(actor, "edit", plan)


def _plan_of(obj: models.Model) -> GoalPlan:
    if isinstance(obj, GoalPlan):
        return obj
    if isinstance(obj, (Goal, Checkpoint)):
        return obj.plan
    if isinstance(obj, (Indicator, FollowUpEntry)):
        return obj.goal.plan
    if isinstance(obj, Decision) and obj.plan is not None:
        return obj.plan
    raise TypeError(obj)


def _audit(action: str, obj: models.Model, actor: Any, *, before=None, after=None) -> None:
    """The audit event of a change of the plan `obj` belongs to."""
    audited(action, obj, actor, plan=_plan_of(obj), before=before, after=after)


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
        cas_update(obj, obj.pk, expected_lock, **data)
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

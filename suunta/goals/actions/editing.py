"""The draft's content: the plan's texts, its goals (and their focus areas), indicators and
checkpoints, each added, changed, removed or moved by one function."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.organisations.models import FocusArea

from ..models import Checkpoint, Goal, GoalPlan, Indicator
from .common import _audit, _create, _delete, _move, _require_editable, _save_changes

# --- The plan's own texts -----------------------------------------------------------------


def update_plan(
    plan: GoalPlan, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> GoalPlan:
    """The plan's own fields; a carried-over text that is rewritten is reviewed by it."""
    saved = GoalPlan.objects.filter(pk=plan.pk).first()
    if saved is not None and saved.carried_over:
        rewritten = {
            name
            for name in saved.carried_over
            for column in (f"{name}_fi", f"{name}_sv")
            if column in data and (data[column] or "") != (getattr(saved, column) or "")
        }
        if rewritten:
            data = {**data, "carried_over": [n for n in saved.carried_over if n not in rewritten]}
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
    """A carried-over goal saved from its form is reviewed by it."""
    data = {**data, "carried_over": False}
    return _save_changes(goal, data, expected_lock=expected_lock, actor=actor, action="goal.update")


def delete_goal(goal: Goal, *, expected_lock: int, actor: Any) -> None:
    _delete(goal, expected_lock=expected_lock, actor=actor, action="goal.delete")


def move_goal(goal: Goal, *, step: int, actor: Any) -> None:
    _move(goal, goal.plan.goals.all(), step=step, actor=actor, action="goal.move")


def link_focus_area(goal: Goal, focus_area: FocusArea, *, actor: Any) -> Goal:
    """The goal serves one more of the post's focus areas (a suggestion of the coverage view
    accepted). Only in a draft: the links of a frozen version are refused by a trigger too.
    The goal's lock_version moves on, so that a goal form opened before cannot undo the link."""
    plan = goal.plan
    with transaction.atomic():
        _require_editable(actor, plan)
        if focus_area.post_id != plan.post_id:
            raise ValidationError(
                {"focus_area": _("This focus area is not one of this post's focus areas.")}
            )
        before = sorted(str(pk) for pk in goal.focus_areas.values_list("pk", flat=True))
        if str(focus_area.pk) in before:
            return goal
        goal.focus_areas.add(focus_area)
        now = timezone.now()
        Goal.objects.filter(pk=goal.pk).update(lock_version=F("lock_version") + 1, updated_at=now)
        goal.lock_version += 1
        goal.updated_at = now
        _audit(
            "goal.link_focus_area",
            goal,
            actor,
            before={"focus_areas": before},
            after={"focus_areas": sorted([*before, str(focus_area.pk)])},
        )
    return goal


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
    data = {**data, "carried_over": False}  # a carried-over indicator saved is reviewed
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


# --- Texts carried over from the previous period ------------------------------------------


def carried_over(plan: GoalPlan) -> dict[str, list[Any]]:
    """What of the draft is still as it was copied from last period's plan: its sections (by
    name), goals and indicators."""
    return {
        "sections": list(plan.carried_over or []),
        "goals": list(plan.goals.filter(carried_over=True).order_by("order")),
        "indicators": list(
            Indicator.objects.filter(goal__plan=plan, carried_over=True)
            .select_related("goal")
            .order_by("goal__order", "order")
        ),
    }


def confirm_carried_over(
    plan: GoalPlan,
    *,
    actor: Any,
    section: str = "",
    goal: Goal | None = None,
    indicator: Indicator | None = None,
) -> None:
    """The user read a carried-over text and found it right for the new period as it is."""
    with transaction.atomic():
        locked = GoalPlan.objects.select_for_update().get(pk=plan.pk)
        _require_editable(actor, locked)
        if section:
            if section not in (locked.carried_over or []):
                raise ValidationError({"section": _("This text is not waiting for review.")})
            remaining = [n for n in locked.carried_over if n != section]
            GoalPlan.objects.filter(pk=plan.pk).update(
                carried_over=remaining, updated_at=timezone.now()
            )
            plan.carried_over = remaining
            target: dict[str, str] = {"section": section}
        elif goal is not None and goal.plan_id == plan.pk:
            Goal.objects.filter(pk=goal.pk).update(carried_over=False, updated_at=timezone.now())
            target = {"goal": str(goal.pk)}
        elif indicator is not None and indicator.goal.plan_id == plan.pk:
            Indicator.objects.filter(pk=indicator.pk).update(
                carried_over=False, updated_at=timezone.now()
            )
            target = {"indicator": str(indicator.pk)}
        else:
            raise ValidationError(_("Choose a text of this plan."))
        _audit("plan.confirm_carried_over", locked, actor, after=target)

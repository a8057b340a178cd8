"""The demo's steps through the actions, each taken once: a step whose row is there already
(the seed's stable id) is skipped, so loading again changes nothing.

Each row is made by its action with the id derived from the seed's key passed in the action's
data: the action checks, saves and audits it as it does for a user, and the row keeps the id
that makes the load idempotent and the addresses in the docs stable."""

from __future__ import annotations

from typing import Any

from suunta.goals import actions
from suunta.goals import models as m

from .ids import uid


def plan(key: str, post: Any, *, actor: Any, **data: Any) -> m.GoalPlan:
    existing = m.GoalPlan.objects.filter(id=uid(key)).first()
    return existing or actions.create_plan(post, data={"id": uid(key), **data}, actor=actor)


def added(model: Any, key: str, add: Any, parent: Any, *, actor: Any, **data: Any) -> Any:
    """A goal, indicator or checkpoint of a draft (`add` is its action)."""
    existing = model.objects.filter(id=uid(key)).first()
    return existing or add(parent, data={"id": uid(key), **data}, actor=actor)


def decided(key: str, plan: m.GoalPlan, *, actor: Any, **data: Any) -> m.Decision:
    """A body's decision recorded from the minutes; the kinds that move the plan move it."""
    existing = m.Decision.objects.filter(id=uid(key)).first()
    if existing is None:
        existing = actions.record_decision(plan, data={"id": uid(key), **data}, actor=actor)
        plan.refresh_from_db()
    return existing


def followed_up(key: str, goal: m.Goal, checkpoint: m.Checkpoint, *, actor: Any, **data: Any):
    existing = m.FollowUpEntry.objects.filter(id=uid(key)).first()
    return existing or actions.add_follow_up(
        goal, checkpoint, data={"id": uid(key), **data}, actor=actor
    )


def measured(key: str, indicator: m.Indicator, *, actor: Any, **data: Any):
    existing = m.IndicatorValue.objects.filter(id=uid(key)).first()
    return existing or actions.add_value(indicator, data={"id": uid(key), **data}, actor=actor)


def proposed(plan: m.GoalPlan, *, actor: Any) -> m.GoalPlan:
    if plan.status == m.GoalPlan.Status.DRAFT:
        return actions.propose_plan(plan, actor=actor)
    return plan


def in_follow_up(plan: m.GoalPlan, *, actor: Any) -> m.GoalPlan:
    if plan.status in (m.GoalPlan.Status.APPROVED, m.GoalPlan.Status.NOTED):
        return actions.start_follow_up(plan, actor=actor)
    return plan

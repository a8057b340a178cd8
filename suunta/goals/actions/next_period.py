"""A new plan: an empty one for a post, or the next period's draft copied from this one (the
copy is shared with the amendment, in workflow.py)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import snapshot
from suunta.core.actions import WrongState, audited
from suunta.organisations.models import ExecutivePost

from .. import permissions
from ..models import Checkpoint, FollowUpEntry, Goal, GoalPlan, Indicator, RewardRule
from .common import FORBIDDEN, _audit, authorise

# --- Next period --------------------------------------------------------------------------

_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_label(text: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


_GOAL_FIELDS = ["key", "kind", "order", "weight"] + [
    f"{name}_{lang}"
    for name in ("area", "title", "description", "criteria")
    for lang in ("fi", "sv")
]
_INDICATOR_FIELDS = [
    "key",
    "order",
    "text_fi",
    "text_sv",
    "unit",
    "baseline",
    "target",
    "direction",
    "weight",
]
_PLAN_TEXTS = ["title", "basis", "purpose", "evaluation"]


def _copy_content(
    source: GoalPlan, target: GoalPlan, *, years: int, follow_ups: bool, carried: bool = False
) -> None:
    """Checkpoints, goals and indicators (keys kept, so versions can be compared item by item);
    with `follow_ups`, the follow-up entries too; `carried`: the goals and indicators are marked
    for review (a next period's copy, not an amendment of the same period)."""
    checkpoints = {}
    for checkpoint in source.checkpoints.all():
        checkpoints[checkpoint.pk] = Checkpoint.objects.create(
            plan=target,
            key=checkpoint.key,
            order=checkpoint.order,
            label_fi=_shift_label(checkpoint.label_fi, years),
            label_sv=_shift_label(checkpoint.label_sv, years),
            opens_on=_shift_years(checkpoint.opens_on, years),
            closes_on=_shift_years(checkpoint.closes_on, years),
        )
    for goal in source.goals.prefetch_related("indicators", "focus_areas", "follow_ups"):
        copy = Goal.objects.create(
            plan=target, carried_over=carried, **{f: getattr(goal, f) for f in _GOAL_FIELDS}
        )
        copy.focus_areas.set(goal.focus_areas.all())
        Indicator.objects.bulk_create(
            Indicator(
                goal=copy, carried_over=carried, **{f: getattr(i, f) for f in _INDICATOR_FIELDS}
            )
            for i in goal.indicators.all()
        )
        if follow_ups:
            FollowUpEntry.objects.bulk_create(
                FollowUpEntry(
                    goal=copy,
                    checkpoint=checkpoints[e.checkpoint_id],
                    kind=e.kind,
                    author_id=e.author_id,
                    text_fi=e.text_fi,
                    text_sv=e.text_sv,
                    rating=e.rating,
                )
                for e in goal.follow_ups.all()
            )
    rule = RewardRule.objects.filter(plan=source).first()
    if rule is not None:
        keys = {str(g.key) for g in target.goals.all()}
        RewardRule.objects.create(
            plan=target,
            key=rule.key,
            kind=rule.kind,
            monthly_salary=rule.monthly_salary,
            cap_months=rule.cap_months,
            fixed_amount=rule.fixed_amount,
            met_at=rule.met_at,
            payout_table=rule.payout_table,
            goal_terms={k: v for k, v in rule.goal_terms.items() if k in keys},
        )


def _new_plan(plan: GoalPlan, *, years: int, **fields: Any) -> GoalPlan:
    new = GoalPlan(
        organisation=plan.organisation,
        post=plan.post,
        contract=plan.contract,
        prepared_by=plan.prepared_by,
        scale=plan.scale,
        status=GoalPlan.Status.DRAFT,
        **{
            f"{name}_{lang}": getattr(plan, f"{name}_{lang}")
            for name in _PLAN_TEXTS
            for lang in ("fi", "sv")
        },
        **fields,
    )
    new.full_clean()
    new.save()
    return new


def start_next_plan(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    """A draft for the following period: texts, goals, indicators and checkpoints copied
    (checkpoint dates and the years in their labels moved on), follow-ups and decisions not.
    The copied texts are marked carried over: each is confirmed or rewritten before the plan
    can be proposed (`review.confirm_carried_over`)."""
    with transaction.atomic():
        authorise(actor, "start_next", plan, lock=False)
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
        new = _new_plan(
            plan,
            years=years,
            executive=plan.post.current_holder() or plan.executive,
            previous=plan,
            period_kind=kind,
            period_start=_shift_years(plan.period_start, years),
            period_end=_shift_years(plan.period_end, years),
            # Last period's texts, each to be confirmed or rewritten before proposing.
            carried_over=[
                name
                for name in _PLAN_TEXTS
                if getattr(plan, f"{name}_fi") or getattr(plan, f"{name}_sv")
            ],
        )
        _copy_content(plan, new, years=years, follow_ups=False, carried=True)
        audited(
            "plan.start_next",
            new,
            actor,
            organisation=plan.organisation,
            plan=new,
            before={"previous": str(plan.pk)},
            after=snapshot(new),
        )
    return new


def create_plan(post: ExecutivePost, *, data: dict[str, Any], actor: Any) -> GoalPlan:
    """A new, empty draft plan for the post (period, texts); goals are added to it after."""
    if not permissions.can_create_plan(actor, post):
        raise PermissionDenied(str(FORBIDDEN["start_next"]))
    with transaction.atomic():
        plan = GoalPlan(
            organisation=post.organisation,
            post=post,
            contract=post.contracts.order_by("-starts_on").first(),
            executive=post.current_holder(),
            status=GoalPlan.Status.DRAFT,
            **data,
        )
        plan.full_clean()
        plan.save()
        _audit("plan.create", plan, actor, after=snapshot(plan))
    return plan

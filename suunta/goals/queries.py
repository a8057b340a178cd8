"""Read models. A plan's summary is built here once; the page, the API and (later) the
documents all render it. The number of queries does not grow with the plan."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import (
    Checkpoint,
    Decision,
    ExecutivePost,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
    Interest,
    Membership,
    Organisation,
)


@dataclass
class GoalRow:
    goal: Goal
    number: int
    indicators: list[Indicator]
    # One cell per checkpoint, in checkpoint order: the follow-up entries written there.
    follow_ups: list[list[FollowUpEntry]] = field(default_factory=list)


@dataclass
class PlanSummary:
    plan: GoalPlan
    checkpoints: list[Checkpoint]
    rows: list[GoalRow]
    decisions: list[Decision]

    @property
    def indicator_count(self) -> int:
        return sum(len(row.indicators) for row in self.rows)


def plan_for(user: Any, plan_id: Any) -> GoalPlan:
    """The plan if the user may see it, else 404 (also for another organisation's plan)."""
    return get_object_or_404(
        GoalPlan.objects.visible_to(user).select_related(
            "organisation", "post", "executive", "prepared_by", "contract", "previous"
        ),
        pk=plan_id,
    )


def plan_summary(plan: GoalPlan) -> PlanSummary:
    checkpoints = list(plan.checkpoints.all())
    goals = plan.goals.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("order", "created_at")),
        Prefetch("follow_ups", queryset=FollowUpEntry.objects.select_related("author")),
        "focus_areas",
    ).order_by("order", "created_at")
    rows = []
    for number, goal in enumerate(goals, start=1):
        by_checkpoint: dict[Any, list[FollowUpEntry]] = {}
        for entry in goal.follow_ups.all():
            by_checkpoint.setdefault(entry.checkpoint_id, []).append(entry)
        rows.append(
            GoalRow(
                goal=goal,
                number=number,
                indicators=list(goal.indicators.all()),
                follow_ups=[by_checkpoint.get(c.pk, []) for c in checkpoints],
            )
        )
    decisions = list(plan.decisions.select_related("body").order_by("meeting_date"))
    return PlanSummary(plan=plan, checkpoints=checkpoints, rows=rows, decisions=decisions)


def organisations_for(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.visible_to(user).order_by("name_fi", "name_sv")


def organisation_page(organisation: Organisation) -> dict[str, Any]:
    bodies = organisation.bodies.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.active().select_related("person").order_by("order"),
            to_attr="current_memberships",
        )
    )
    posts = organisation.posts.prefetch_related("tenures__person")
    return {"organisation": organisation, "bodies": list(bodies), "posts": list(posts)}


def post_page(post: ExecutivePost) -> dict[str, Any]:
    holder = post.current_holder()
    interests: list[Interest] = []
    if holder is not None:
        interests = list(
            Interest.objects.filter(
                declaration__person=holder, declaration__organisation=post.organisation
            ).order_by("order")
        )
    plans = list(post.plans.order_by("-period_start"))
    contracts = list(post.contracts.prefetch_related("sections"))
    partners = [
        (
            rule,
            list(
                Membership.objects.active()
                .filter(body=rule.body, role=rule.role)
                .select_related("person")
                .order_by("order")
            ),
        )
        for rule in post.discussion_partner_rules.select_related("body")
    ]
    return {
        "post": post,
        "organisation": post.organisation,
        "holder": holder,
        "focus_areas": list(post.focus_areas.all()),
        "interests": interests,
        "contracts": contracts,
        "plans": plans,
        "partners": partners,
    }


def attention_for(user: Any, today: datetime.date | None = None) -> dict[str, list[Any]]:
    """What needs attention in the user's organisations: plans being prepared, and checkpoints
    of plans in force whose window is open or opens within the next 30 days."""
    today = today or timezone.localdate()
    plans = list(
        GoalPlan.objects.visible_to(user)
        .filter(status__in=[GoalPlan.Status.DRAFT, GoalPlan.Status.PROPOSED])
        .select_related("organisation", "post")
        .order_by("period_start")
    )
    checkpoints = list(
        Checkpoint.objects.filter(
            plan__in=GoalPlan.objects.visible_to(user).filter(status__in=IN_FORCE),
            opens_on__lte=today + datetime.timedelta(days=30),
            closes_on__gte=today,
        )
        .select_related("plan__organisation", "plan__post")
        .order_by("closes_on")
    )
    return {"plans": plans, "checkpoints": checkpoints}


IN_FORCE = [GoalPlan.Status.APPROVED, GoalPlan.Status.NOTED, GoalPlan.Status.IN_FOLLOW_UP]

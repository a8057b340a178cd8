"""Read models. A plan's summary is built here once; the page, the API and (later) the
documents all render it. The number of queries does not grow with the plan."""

from __future__ import annotations

import datetime
import hashlib
import json
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
    decisions = list(
        plan.decisions.select_related("body", "presenter")
        .prefetch_related("attendees", "disqualified")
        .order_by("meeting_date", "created_at")
    )
    return PlanSummary(plan=plan, checkpoints=checkpoints, rows=rows, decisions=decisions)


# --- A version's content and its hash ----------------------------------------------------------


def _texts(obj: Any, name: str) -> dict[str, str]:
    return {"fi": getattr(obj, f"{name}_fi"), "sv": getattr(obj, f"{name}_sv")}


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def plan_content(summary: PlanSummary) -> dict[str, Any]:
    """The content of one plan version, as the API gives it at /plans/{id}/content: the texts,
    the checkpoints, the goals and their indicators – not its state, decisions or follow-ups.
    Decimals are strings, dates ISO 8601. This is what `content_hash` covers."""
    plan = summary.plan
    return {
        "version_no": plan.version_no,
        "period_kind": plan.period_kind,
        "period_start": plan.period_start.isoformat(),
        "period_end": plan.period_end.isoformat(),
        "title": _texts(plan, "title"),
        "basis": _texts(plan, "basis"),
        "purpose": _texts(plan, "purpose"),
        "evaluation": _texts(plan, "evaluation"),
        "checkpoints": [
            {
                "order": n,
                "label": _texts(c, "label"),
                "opens_on": c.opens_on.isoformat(),
                "closes_on": c.closes_on.isoformat(),
            }
            for n, c in enumerate(summary.checkpoints, start=1)
        ],
        "goals": [
            {
                "number": row.number,
                "kind": row.goal.kind,
                "area": _texts(row.goal, "area"),
                "title": _texts(row.goal, "title"),
                "description": _texts(row.goal, "description"),
                "criteria": _texts(row.goal, "criteria"),
                "weight": _number(row.goal.weight),
                "indicators": [
                    {
                        "order": n,
                        "text": _texts(i, "text"),
                        "unit": i.unit,
                        "baseline": _number(i.baseline),
                        "target": _number(i.target),
                        "direction": i.direction,
                    }
                    for n, i in enumerate(row.indicators, start=1)
                ],
            }
            for row in summary.rows
        ],
    }


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the content as canonical JSON: keys sorted, no spaces, UTF-8.

    Anyone can recompute it from the API:
    sha256(json.dumps(content, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False).encode("utf-8")).hexdigest()
    """
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def plan_versions(plan: GoalPlan) -> list[GoalPlan]:
    """Every version of the plan, the first first."""
    return list(
        GoalPlan.objects.filter(series=plan.series)
        .select_related("supersedes")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.select_related("body")))
        .order_by("version_no")
    )


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

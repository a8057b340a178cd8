"""Read models of the progress and coverage views.

- `plan_progress(summary)`: each goal's latest joint rating on the plan's scale (or, without a
  scale, the latest joint follow-up), the mean achievement and the score where weights are set.
- `post_progress(post, user)`: the same for every plan of a post that counts (the latest
  approved version of each plan), built in a fixed number of queries however many plans.
- `coverage(plan)`: the post's focus areas against the plan's goals, with suggested links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, Prefetch

from suunta.goals import scoring
from suunta.goals.models import (
    Checkpoint,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
    IndicatorValue,
    RatingScale,
)
from suunta.goals.queries import GoalRow, PlanSummary
from suunta.organisations.models import ExecutivePost, FocusArea

from . import matching
from .models import CoverageRejection

# A plan counts in the multi-year view once a body has approved it or taken note of it; of an
# amended plan only its latest such version (the one it amends is then superseded).
COUNTED_STATES = ("approved", "noted", "in_follow_up", "evaluated", "closed")


@dataclass
class GoalProgress:
    number: int
    goal: Goal
    # The latest joint entry with a rating (plans with a scale) or with a text (without one).
    entry: FollowUpEntry | None
    checkpoint: Checkpoint | None
    label: str = ""
    achievement: Decimal | None = None


@dataclass
class PlanProgress:
    plan: GoalPlan
    summary: PlanSummary
    rated: bool  # the plan has a rating scale with ratings (not text only)
    goals: list[GoalProgress]
    score: scoring.PlanScore | None = None  # only where the plan's goals are weighted

    @property
    def rated_goals(self) -> list[GoalProgress]:
        return [g for g in self.goals if g.achievement is not None]

    @property
    def mean_achievement(self) -> Decimal | None:
        rated = self.rated_goals
        if not rated:
            return None
        return scoring.q(sum((g.achievement or Decimal(0) for g in rated), Decimal(0)) / len(rated))

    @property
    def weighted(self) -> bool:
        return self.score is not None


def plan_progress(summary: PlanSummary) -> PlanProgress:
    """From a summary with the joint entries (queries.plan_summary(plan) or summaries_for)."""
    scale = summary.scale
    rated = scale is not None and scale.kind != RatingScale.Kind.NONE
    goals = []
    for row in summary.rows:
        progress = GoalProgress(number=row.number, goal=row.goal, entry=None, checkpoint=None)
        for checkpoint, cell in reversed(
            list(zip(summary.checkpoints, row.follow_ups, strict=True))
        ):
            joint = [e for e in cell if e.kind == "joint" and (e.rating is not None or not rated)]
            if joint:
                progress.entry, progress.checkpoint = joint[0], checkpoint
                break
        if rated and scale is not None and progress.entry is not None:
            progress.label = scale.describe(progress.entry.rating)
            achieved = scale.achievement_of(progress.entry.rating)
            progress.achievement = None if achieved is None else scoring.q(achieved)
        goals.append(progress)
    weighted = any(row.goal.weight is not None for row in summary.rows)
    return PlanProgress(
        plan=summary.plan,
        summary=summary,
        rated=rated,
        goals=goals,
        score=scoring.plan_score(summary) if weighted else None,
    )


def counted_plans(post: ExecutivePost, user: Any) -> list[GoalPlan]:
    """The plans of the post the user sees that count: of each version series the latest
    version a body has approved or taken note of, oldest period first."""
    latest: dict[Any, GoalPlan] = {}
    for plan in (
        GoalPlan.objects.visible_to(user)
        .filter(post=post, status__in=COUNTED_STATES)
        .order_by("period_start", "version_no")
    ):
        latest[plan.series] = plan  # a later version replaces an earlier one
    return sorted(latest.values(), key=lambda p: (p.period_start, p.period_end))


def summaries_for(plans: list[GoalPlan]) -> list[PlanSummary]:
    """Summaries of many plans (joint entries only, no decisions or reward rule) in a fixed
    number of queries, for the multi-year view."""
    ids = [p.pk for p in plans]
    checkpoints: dict[Any, list[Checkpoint]] = {}
    for checkpoint in Checkpoint.objects.filter(plan_id__in=ids).order_by(
        "plan_id", "order", "opens_on"
    ):
        checkpoints.setdefault(checkpoint.plan_id, []).append(checkpoint)
    goals: dict[Any, list[Goal]] = {}
    for goal in (
        Goal.objects.filter(plan_id__in=ids)
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "created_at")),
            Prefetch(
                "follow_ups",
                queryset=FollowUpEntry.objects.filter(kind="joint").order_by(
                    "checkpoint__order", "created_at"
                ),
            ),
        )
        .order_by("order", "created_at")
    ):
        goals.setdefault(goal.plan_id, []).append(goal)
    scales = {
        s.pk: s
        for s in RatingScale.objects.filter(
            pk__in={p.scale_id for p in plans if p.scale_id}
        ).prefetch_related("levels")
    }
    numeric = [
        i.key
        for plan_goals in goals.values()
        for g in plan_goals
        for i in g.indicators.all()
        if i.target is not None
    ]
    values: dict[Any, dict[Any, list[IndicatorValue]]] = {}
    if numeric:
        for value in (
            IndicatorValue.objects.filter(
                indicator__key__in=numeric,
                indicator__goal__plan__series__in={p.series for p in plans},
            )
            .annotate(indicator_key=F("indicator__key"), series=F("indicator__goal__plan__series"))
            .order_by("measured_on", "created_at")
        ):
            values.setdefault(value.series, {}).setdefault(value.indicator_key, []).append(value)
    summaries = []
    for plan in plans:
        scale = scales.get(plan.scale_id)
        plan_checkpoints = checkpoints.get(plan.pk, [])
        rows = []
        for number, goal in enumerate(goals.get(plan.pk, []), start=1):
            by_checkpoint: dict[Any, list[FollowUpEntry]] = {}
            for entry in goal.follow_ups.all():
                entry.rating_label = scale.describe(entry.rating) if scale else ""
                by_checkpoint.setdefault(entry.checkpoint_id, []).append(entry)
            rows.append(
                GoalRow(
                    goal=goal,
                    number=number,
                    indicators=list(goal.indicators.all()),
                    follow_ups=[by_checkpoint.get(c.pk, []) for c in plan_checkpoints],
                )
            )
        summaries.append(
            PlanSummary(
                plan=plan,
                checkpoints=plan_checkpoints,
                rows=rows,
                decisions=[],
                scale=scale,
                values=values.get(plan.series, {}),
            )
        )
    return summaries


def post_progress(post: ExecutivePost, user: Any) -> list[PlanProgress]:
    return [plan_progress(s) for s in summaries_for(counted_plans(post, user))]


# --- Coverage ---------------------------------------------------------------------------------


@dataclass
class FocusRow:
    number: int
    focus_area: FocusArea
    goals: list[tuple[int, Goal]]  # (goal number, goal) serving it


@dataclass
class Link:
    """A suggested link, with the words that led to it."""

    focus_number: int
    focus_area: FocusArea
    goal_number: int
    goal: Goal
    score: float
    shared: list[matching.Shared]


@dataclass
class Coverage:
    plan: GoalPlan
    focus_rows: list[FocusRow]
    goals: list[tuple[int, Goal]]
    suggestions: list[Link] = field(default_factory=list)

    @property
    def unserved(self) -> list[FocusRow]:
        return [row for row in self.focus_rows if not row.goals]

    @property
    def goals_serving_none(self) -> list[tuple[int, Goal]]:
        return [(n, g) for n, g in self.goals if not g.focus_areas.all()]


def goal_document(goal: Goal) -> matching.Document:
    """A goal as the matcher reads it: area, title, description and indicators (fi and sv)."""
    return matching.goal_document(
        goal.pk,
        area=(goal.area_fi, goal.area_sv),
        title=(goal.title_fi, goal.title_sv),
        description=(goal.description_fi, goal.description_sv),
        indicators=[(i.text_fi, i.text_sv) for i in goal.indicators.all()],
    )


def coverage(plan: GoalPlan) -> Coverage:
    focus_areas = list(FocusArea.objects.filter(post_id=plan.post_id).order_by("order", "pk"))
    goals = list(
        plan.goals.prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "created_at")),
            "focus_areas",
        ).order_by("order", "created_at")
    )
    numbered = list(enumerate(goals, start=1))
    focus_rows = [
        FocusRow(
            number=n,
            focus_area=area,
            goals=[
                (gn, g) for gn, g in numbered if any(f.pk == area.pk for f in g.focus_areas.all())
            ],
        )
        for n, area in enumerate(focus_areas, start=1)
    ]
    result = Coverage(plan=plan, focus_rows=focus_rows, goals=numbered)
    if not focus_areas or not goals:
        return result
    linked = {(g.pk, f.pk) for g in goals for f in g.focus_areas.all()}
    rejected = set(
        CoverageRejection.objects.filter(series=plan.series).values_list(
            "goal_key", "focus_area_id"
        )
    )
    areas = {a.pk: (n, a) for n, a in enumerate(focus_areas, start=1)}
    goal_by_id = {g.pk: (n, g) for n, g in numbered}
    found = matching.suggest(
        [matching.focus_document(a.pk, a.text_fi, a.text_sv) for a in focus_areas],
        [goal_document(g) for g in goals],
    )
    for suggestion in found:
        goal_number, goal = goal_by_id[suggestion.goal_key]
        focus_number, area = areas[suggestion.focus_key]
        if (goal.pk, area.pk) in linked or (goal.key, area.pk) in rejected:
            continue
        result.suggestions.append(
            Link(focus_number, area, goal_number, goal, suggestion.score, suggestion.shared)
        )
    return result

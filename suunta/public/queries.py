"""What anyone may read without signing in, per organisation: built only from
`GoalPlan.objects.public()` and `goals.queries.public_summary(plan)`, never from the signed-in
read models. Every renderer (the pages, the API, CSV, XLSX, ICS) reads these functions.

`freshness(slug)` is the cheap check behind the pages' ETag and Last-Modified: one aggregate
query over the organisation's public rows."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from suunta.goals.models import (
    Checkpoint,
    Decision,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
    RatingScale,
)
from suunta.goals.queries import PlanSummary, public_summary
from suunta.organisations.models import (
    Body,
    ExecutivePost,
    FocusArea,
    Organisation,
    Person,
    PostTenure,
)
from suunta.register.models import Interest
from suunta.register.queries import public_interests

# Bump when the public pages' markup changes, so that caches do not keep the old page.
RENDER_VERSION = "2"


def organisations() -> list[Organisation]:
    return list(Organisation.objects.order_by("name_fi", "name_sv"))


def organisation(slug: str) -> Organisation:
    org = Organisation.objects.filter(slug=slug).first()
    if org is None:
        raise Http404
    return org


def public_plans(org: Organisation):
    """The organisation's public plans, newest first, with their decisions."""
    return (
        GoalPlan.objects.public()
        .filter(organisation=org)
        .select_related("post", "executive")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("body", "presenter")
                .prefetch_related("disqualified")
                .order_by("meeting_date", "created_at"),
            )
        )
        .order_by("-period_start", "-version_no")
    )


@dataclass
class PublicPost:
    post: ExecutivePost
    holder: Person | None
    focus_areas: list[FocusArea]
    interests: list[Interest]


def posts(org: Organisation) -> list[PublicPost]:
    """The executive posts with today's holder, focus areas and the holder's positions of
    trust (the `Interest` rows of the holder's declaration in this organisation)."""
    rows = list(
        org.posts.prefetch_related(
            Prefetch(
                "tenures",
                queryset=PostTenure.objects.active()
                .select_related("person")
                .order_by("-starts_on"),
                to_attr="active_tenures",
            ),
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("order")),
        ).order_by("title_fi", "title_sv")
    )
    holders = {
        post.pk: (post.active_tenures[0].person if post.active_tenures else None) for post in rows
    }
    holder_ids = [h.pk for h in holders.values() if h is not None]
    interests = public_interests(org, holder_ids)
    return [
        PublicPost(
            post=post,
            holder=holders[post.pk],
            focus_areas=list(post.focus_areas.all()),
            interests=interests.get(holders[post.pk].pk, []) if holders[post.pk] else [],
        )
        for post in rows
    ]


def organisation_page(org: Organisation) -> dict[str, Any]:
    return {"organisation": org, "posts": posts(org), "plans": list(public_plans(org))}


def public_plan(org: Organisation, plan_id: Any) -> GoalPlan:
    """One public plan of the organisation; anything else (a draft, a proposal, another
    organisation's plan) is a 404."""
    plan = (
        GoalPlan.objects.public()
        .filter(organisation=org, pk=plan_id)
        .select_related("organisation", "post", "executive", "prepared_by", "contract")
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def plan_summaries(org: Organisation) -> list[PlanSummary]:
    """Every public plan's public summary, newest first (downloads and the calendar)."""
    return [public_summary(plan) for plan in public_plans(org)]


# --- Freshness: ETag and Last-Modified ------------------------------------------------------

EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def _latest(model, path: str, field: str = "updated_at", extra: Q | None = None):
    rows = model.objects.filter(**{path: OuterRef("pk")})
    if extra is not None:
        rows = rows.filter(extra)
    return Coalesce(
        Subquery(rows.order_by().values(path).annotate(m=Max(field)).values("m")[:1]),
        Value(EPOCH),
    )


def _count(model, path: str, extra: Q | None = None):
    rows = model.objects.filter(**{path: OuterRef("pk")})
    if extra is not None:
        rows = rows.filter(extra)
    return Coalesce(
        Subquery(rows.order_by().values(path).annotate(n=Count("pk")).values("n")[:1]),
        Value(0),
    )


def _sources() -> dict[str, tuple[Any, str, Q | None]]:
    from suunta.goals.permissions import PUBLIC_STATES

    public = Q(plan__status__in=PUBLIC_STATES)
    via_goal = Q(goal__plan__status__in=PUBLIC_STATES)
    return {
        "person": (Person, "organisation", None),
        "body": (Body, "organisation", None),
        "post": (ExecutivePost, "organisation", None),
        "tenure": (PostTenure, "post__organisation", None),
        "focus": (FocusArea, "post__organisation", None),
        "interest": (Interest, "declaration__organisation", None),
        "plan": (GoalPlan, "organisation", Q(status__in=PUBLIC_STATES)),
        "checkpoint": (Checkpoint, "plan__organisation", public),
        "goal": (Goal, "plan__organisation", public),
        "indicator": (Indicator, "goal__plan__organisation", via_goal),
        "followup": (FollowUpEntry, "goal__plan__organisation", via_goal & Q(kind="joint")),
        "decision": (Decision, "organisation", None),
        "scale": (RatingScale, "organisation", None),
    }


def freshness(slug: str) -> tuple[str, datetime.datetime] | None:
    """(ETag, Last-Modified) of the organisation's public content in one query, or None for
    an unknown organisation. Counts are in the tag too, so that a removed row changes it."""
    from suunta.goals.queries import one_row_compiled_once

    def rows(marker: str) -> Any:
        annotations: dict[str, Any] = {}
        for name, (model, path, extra) in _sources().items():
            annotations[f"t_{name}"] = _latest(model, path, extra=extra)
            annotations[f"n_{name}"] = _count(model, path, extra=extra)
        return (
            Organisation.objects.filter(slug=marker)
            .annotate(**annotations)
            .values("pk", "updated_at", *annotations)
        )

    values = one_row_compiled_once(
        "public-freshness", rows, Organisation._meta.get_field("slug"), "\x00any", slug
    )
    if values is None:
        return None
    stamps = [values["updated_at"]] + [values[f"t_{n}"] for n in _sources()]
    latest = max(_aware(s) for s in stamps)
    key = "|".join([RENDER_VERSION, str(values["pk"])] + [str(values[k]) for k in sorted(values)])
    return hashlib.sha256(key.encode()).hexdigest()[:32], latest


def index_freshness() -> tuple[str, datetime.datetime]:
    values = Organisation.objects.aggregate(latest=Max("updated_at"), n=Count("pk"))
    latest = _aware(values["latest"] or EPOCH)
    key = f"{RENDER_VERSION}|{values['n']}|{latest.isoformat()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32], latest


def _aware(value: Any) -> datetime.datetime:
    if isinstance(value, str):  # SQLite may hand an aggregate back as text
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def decision_rows(summary: PlanSummary) -> list[tuple[Decision, Checkpoint | None]]:
    """The decisions with the checkpoint whose follow-up each reported (without a query)."""
    checkpoints = {c.pk: c for c in summary.checkpoints}
    return [(d, checkpoints.get(d.checkpoint_id)) for d in summary.decisions]

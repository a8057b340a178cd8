"""Reading imports for pages: the post's imports still waiting for their review."""

from __future__ import annotations

from typing import Any

from suunta.goals import permissions
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost

from .models import ImportedDocument


def pending_imports(post: ExecutivePost, actor: Any) -> list[ImportedDocument]:
    """The post's imports waiting for their review, newest first, for one who may review them;
    one query."""
    if not permissions.can_create_plan(actor, post):
        return []
    return list(
        ImportedDocument.objects.filter(post=post, status=ImportedDocument.Status.PENDING)
        .select_related("created_by")
        .defer("data", "found")
        .order_by("-created_at")
    )


def plan_originals(plan: GoalPlan) -> list[ImportedDocument]:
    """The documents the plan was imported from (the page links their originals); one query.
    Whoever sees the plan may read them (`permissions.can_review_import`)."""
    return list(
        plan.imports.filter(status=ImportedDocument.Status.SAVED)
        .defer("data", "found")
        .order_by("created_at")
    )

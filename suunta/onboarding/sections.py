"""What setting up adds to the pages of `goals`: the checklist and the way to the setup pages on
the organisation's page, the way to a first plan and the signed contract on the post's page."""

from __future__ import annotations

from typing import Any

from suunta.core.contributions import Section, add_section
from suunta.goals import permissions as goal_permissions

from . import checklist, permissions
from .models import ContractDocument


def _organisation(request: Any, organisation: Any) -> dict[str, Any] | None:
    if not permissions.can_set_up(request.user, organisation):
        return None
    steps = checklist.steps(organisation)
    return {
        "organisation": organisation,
        "steps": steps,
        "missing": [s for s in steps if s.required and not s.done],
    }


def _post(request: Any, post: Any) -> dict[str, Any] | None:
    documents = ContractDocument.objects.filter(contract__post=post).select_related("contract")
    can_start = goal_permissions.can_create_plan(request.user, post)
    if not documents and not can_start:
        return None
    return {
        "post": post,
        "documents": list(documents.defer("data")),
        "can_start": can_start,
        "first": not post.plans.exists(),
    }


def register() -> None:
    add_section(Section("organisation.start", "onboarding/_checklist.html", _organisation, 10))
    add_section(Section("post.end", "onboarding/_post.html", _post, 20))

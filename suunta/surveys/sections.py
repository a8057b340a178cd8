"""What the surveys add to the plan page (see suunta/core/contributions.py)."""

from __future__ import annotations

from typing import Any

from suunta.core.contributions import Section, add_freshness, add_section
from suunta.goals.queries import newest

from . import permissions
from .models import Survey


def plan_surveys(request: Any, plan: Any) -> dict[str, Any] | None:
    """The plan's evaluation surveys, for those who may see them."""
    user = request.user
    if not permissions.can_view_survey(user, plan):
        return None
    surveys = list(Survey.objects.filter(plan=plan).order_by("-opens_on"))
    can_create = permissions.can_create_survey(user, plan)
    if not (surveys or can_create):
        return None
    return {"plan": plan, "surveys": surveys, "can_create": can_create}


def register() -> None:
    add_section(Section("plan.end", "surveys/_plan_block.html", plan_surveys))
    add_freshness("plan", "survey", lambda outer: newest(Survey.objects.filter(plan=outer), "plan"))

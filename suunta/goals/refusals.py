"""The goal plan's refusal: a page, or for htmx the alert region of the draft editor. Every page
of a plan (here and in the feature apps above goals) answers a refused action with it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from suunta.core.web import render_refusal

from .models import GoalPlan


def plan_refused(
    request: HttpRequest, plan: GoalPlan, error: Exception, form: Any = None, *, back: str = ""
) -> HttpResponse:
    """A refused action: permission (403), wrong state (409) or a stale version (409). A stale
    save shows, field by field, what the user sent beside what was saved meanwhile, and who
    saved it. `back`: where the page's link leads (a draft's editor unless given)."""
    return render_refusal(
        request,
        error,
        template="goals/refused.html",
        fragment="goals/_refused.html",
        target="#editor-alerts",
        form=form,
        context={
            "plan": plan,
            "back": back or (reverse("plan_edit", args=[plan.pk]) if plan.is_draft else ""),
        },
    )

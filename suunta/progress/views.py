"""Progress and coverage pages. Views are glue: find the plan through visibility (404),
ask permissions.py, call a query or one action, render or redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from suunta.core.web import run_action
from suunta.goals import actions as goal_actions
from suunta.goals import permissions
from suunta.goals import queries as goal_queries
from suunta.goals.models import GoalPlan
from suunta.goals.refusals import plan_refused
from suunta.organisations.models import ExecutivePost

from . import actions, charts, queries
from .forms import LinkForm


@login_required
def plan_progress(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = goal_queries.plan_for(request.user, plan_id)
    progress = queries.plan_progress(goal_queries.plan_summary(plan, {"joint"}))
    return render(
        request,
        "progress/plan_progress.html",
        {
            "plan": plan,
            "progress": progress,
            "chart": charts.goal_chart(progress, chart_id="goal-progress"),
        },
    )


@login_required
def post_progress(request: HttpRequest, post_id: Any) -> HttpResponse:
    post = get_object_or_404(
        ExecutivePost.objects.select_related("organisation").filter(
            organisation__in=goal_queries.organisations_for(request.user)
        ),
        pk=post_id,
    )
    rows = queries.post_progress(post, request.user)
    return render(
        request,
        "progress/post_progress.html",
        {
            "post": post,
            "rows": rows,
            "any_weighted": any(r.weighted for r in rows),
            "chart": charts.year_chart(rows, chart_id="year-progress"),
        },
    )


def _coverage_page(
    request: HttpRequest, plan: GoalPlan, form: LinkForm | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "progress/plan_coverage.html",
        {
            "plan": plan,
            "coverage": queries.coverage(plan),
            "can_accept": permissions.can_edit_plan(request.user, plan),
            "can_review": permissions.can_review_coverage(request.user, plan),
            "form": form,
        },
        status=status,
    )


@login_required
def plan_coverage(request: HttpRequest, plan_id: Any) -> HttpResponse:
    return _coverage_page(request, goal_queries.plan_for(request.user, plan_id))


def _coverage_url(plan: GoalPlan, anchor: str = "suggestions") -> str:
    return reverse("plan_coverage", args=[plan.pk]) + f"#{anchor}"


@login_required
@require_POST
def coverage_accept(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = goal_queries.plan_for(request.user, plan_id)
    if not permissions.can_edit_plan(request.user, plan):
        if permissions.refusal(request.user, "edit", plan) == "forbidden":
            raise PermissionDenied(_("You may not edit this goal plan."))
        return plan_refused(
            request,
            plan,
            goal_actions.WrongState(
                _(
                    "Links to focus areas can be added only while the plan is a draft: this "
                    "version is %(status)s, and its links are frozen with its content. Start an "
                    "amendment or the next period's plan to change them."
                )
                % {"status": plan.get_status_display()}
            ),
            back=reverse("plan_coverage", args=[plan.pk]),
        )
    form = LinkForm(request.POST, plan=plan)
    if not form.is_valid():
        return _coverage_page(request, plan, form=form, status=422)
    goal, area = form.cleaned_data["goal"], form.cleaned_data["focus_area"]

    def done(_goal):
        messages.success(
            request,
            _("The goal “%(goal)s” now serves the focus area “%(area)s”.")
            % {"goal": goal.text("title"), "area": area.text("text")},
        )
        return redirect(_coverage_url(plan))

    return run_action(
        form,
        lambda: goal_actions.link_focus_area(goal, area, actor=request.user),
        invalid=lambda: _coverage_page(request, plan, form=form, status=422),
        refused=lambda error: plan_refused(
            request, plan, error, back=reverse("plan_coverage", args=[plan.pk])
        ),
        done=done,
    )


@login_required
@require_POST
def coverage_reject(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = goal_queries.plan_for(request.user, plan_id)
    if not permissions.can_review_coverage(request.user, plan):
        raise PermissionDenied(_("You may not review the links of this goal plan."))
    form = LinkForm(request.POST, plan=plan)
    if not form.is_valid():
        return _coverage_page(request, plan, form=form, status=422)
    goal, area = form.cleaned_data["goal"], form.cleaned_data["focus_area"]

    def done(_result):
        messages.success(
            request,
            _(
                "The link between the goal “%(goal)s” and the focus area “%(area)s” is no "
                "longer suggested."
            )
            % {"goal": goal.text("title"), "area": area.text("text")},
        )
        return redirect(_coverage_url(plan))

    return run_action(
        form,
        lambda: actions.reject_suggestion(plan, goal, area, actor=request.user),
        invalid=lambda: _coverage_page(request, plan, form=form, status=422),
        done=done,
    )

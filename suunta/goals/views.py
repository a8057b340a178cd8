"""Pages. Views are glue: parse a form, ask permissions.py, call a query or one action,
render or redirect. Every htmx interaction also works as a plain form post."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from suunta.core.caching import cached_fragment
from suunta.core.web import run_action
from suunta.organisations.models import ExecutivePost, Organisation

from . import actions, carried, charts, permissions, queries
from .forms import CheckpointForm, GoalForm, IndicatorForm, PlanForm
from .models import Checkpoint, Goal, GoalPlan, Indicator
from .presentation import goal_table
from .refusals import plan_refused

HOME_SECONDS = 600


def _home_key(request: HttpRequest, _nothing: None) -> str:
    return queries.home_key(request.user, get_language())


@cached_fragment(_home_key, HOME_SECONDS)
def _home_body(request: HttpRequest, _nothing: None, *, csrf_token: str) -> str:
    """What is expected of the reader, what needs their attention and their organisations:
    kept per reader until anything is written anywhere (queries.home_key)."""
    return render_to_string(
        "goals/_home_body.html",
        {
            "organisations": queries.organisations_for(request.user),
            "attention": attention(request.user),
            "csrf_token": csrf_token,
        },
        request,
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "goals/home.html", {"body": _home_body(request, None)})


def attention(user: Any) -> dict[str, list[Any]]:
    """What needs the user's own attention: a plan they prepare, propose, return or record a
    decision on, and a checkpoint whose follow-up they write; not every open checkpoint of every
    plan they can read (a board member writes no follow-up)."""
    found = queries.attention_for(user)
    return {
        "plans": [
            plan
            for plan in found["plans"]
            if permissions.can_edit_plan(user, plan)
            or permissions.can_return_plan(user, plan)
            or permissions.can_record_decision(user, plan)
        ],
        "checkpoints": [
            checkpoint
            for checkpoint in found["checkpoints"]
            if permissions.follow_up_kinds_for(user, checkpoint.plan)
        ],
    }


@login_required
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    return render(
        request,
        "goals/organisation.html",
        {
            **queries.organisation_page(organisation),
            "plans": GoalPlan.objects.visible_to(request.user)
            .filter(organisation=organisation)
            .select_related("post")
            .order_by("-period_start", "-version_no"),
            "can_export": permissions.can_export_organisation(request.user, organisation),
            "can_change_logo": permissions.can_change_logo(request.user, organisation),
        },
    )


@login_required
def post_detail(request: HttpRequest, post_id: Any) -> HttpResponse:
    post = get_object_or_404(
        ExecutivePost.objects.select_related("organisation").filter(
            organisation__in=queries.organisations_for(request.user)
        ),
        pk=post_id,
    )
    context = queries.post_page(post, request.user)
    context["can_import"] = permissions.can_create_plan(request.user, post)
    return render(request, "goals/post.html", context)


PLAN_PAGE_SECONDS = 3600


def _plan_body_key(request: HttpRequest, plan: GoalPlan) -> str | None:
    """A version that has left the draft state is cached per reader profile, keyed by the
    state of everything it shows (queries.plan_page_key); a draft is not cached."""
    if not plan.is_frozen:
        return None
    return queries.plan_page_key(request.user, plan, get_language())


@cached_fragment(_plan_body_key, PLAN_PAGE_SECONDS)
def _plan_body(request: HttpRequest, plan: GoalPlan, *, csrf_token: str) -> str:
    return render_to_string(
        "goals/_plan_body.html",
        {**_plan_context(request, plan), "csrf_token": csrf_token},
        request,
    )


@login_required
def plan_detail(request: HttpRequest, plan_id: Any) -> HttpResponse:
    """The plan page: its content is a cached fragment (`_plan_body`), so a reread costs the
    key's one query instead of the read model and its rendering. The plan comes with all its
    relations in one query: the key names their state too."""
    plan = queries.plan_for(request.user, plan_id)
    body = _plan_body(request, plan)
    return render(request, "goals/plan.html", {"plan": plan, "body": body})


def _plan_context(request: HttpRequest, plan: GoalPlan) -> dict[str, Any]:
    can = queries.plan_permissions(request.user, plan)
    summary = queries.plan_summary(plan, permissions.visible_follow_up_kinds(request.user, plan))
    return {
        "summary": summary,
        "table": goal_table(summary, (get_language() or "fi")[:2]),
        "numeric": charts.numeric_rows(summary),
        "can_record_values": permissions.can_record_values(request.user, plan),
        "plan": plan,
        "can": can,
        "follow_up_kinds": permissions.follow_up_kinds_for(request.user, plan),
        "versions": [
            v for v in queries.plan_versions(plan) if permissions.can_view_plan(request.user, v)
        ],
        "recent_changes": queries.audit_log(plan, limit=5) if can["audit"] else [],
    }


# --- Editing a draft ----------------------------------------------------------------------


def _editable_plan(request: HttpRequest, plan_id: Any) -> GoalPlan:
    plan = queries.plan_for(request.user, plan_id)
    if permissions.refusal(request.user, "edit", plan) == "forbidden":
        raise PermissionDenied(_("You may not edit this goal plan."))
    return plan


def _editor_url(plan: GoalPlan, anchor: str = "") -> str:
    return reverse("plan_edit", args=[plan.pk]) + (f"#{anchor}" if anchor else "")


def _editor_context(plan: GoalPlan) -> dict[str, Any]:
    return {
        "plan": plan,
        "summary": queries.plan_summary(plan),
        "carried": carried.review_items(plan, actions.carried_over(plan)),
    }


def _editor(request: HttpRequest, plan: GoalPlan, *, focus: str = "") -> HttpResponse:
    """The whole editor region (htmx) – what every successful change re-renders."""
    return render(request, "goals/_editor.html", {**_editor_context(plan), "focus": focus})


def _done(request: HttpRequest, plan: GoalPlan, message: str, anchor: str = "") -> HttpResponse:
    """The editor again after a change: the region for htmx, else the page at `anchor`."""
    if message:
        messages.success(request, message)
    if request.htmx:
        return _editor(request, plan, focus=anchor)
    return redirect(_editor_url(plan, anchor))


def _form_response(
    request: HttpRequest,
    plan: GoalPlan,
    form,
    *,
    target: str,
    title: str,
    action_url: str,
    status: int = 200,
) -> HttpResponse:
    # In the editor the form replaces a list item (a goal, an indicator, a checkpoint).
    in_list = request.htmx and not target.startswith(("new-goal", "new-checkpoint", "plan-"))
    context = {
        "tag": "li" if in_list else "div",
        "plan": plan,
        "form": form,
        "target": target,
        "title": title,
        "action_url": action_url,
        "cancel_url": _editor_url(plan, target),
    }
    if request.htmx:
        response = render(request, "goals/_item_form.html", context, status=status)
        return retarget(reswap(response, "outerHTML"), f"#{target}")
    return render(request, "goals/item_form_page.html", context, status=status)


def _run(request, plan, form, run, *, target, title, action_url, message, anchor=None):
    """Validate the form, run the action, and answer: saved, invalid (422) or refused."""

    def done(obj):
        return _done(
            request, plan, message, anchor(obj) if callable(anchor) else (anchor or target)
        )

    return run_action(
        form,
        lambda: run(form),
        invalid=lambda: _form_response(
            request, plan, form, target=target, title=title, action_url=action_url, status=422
        ),
        refused=lambda error: plan_refused(request, plan, error, form),
        done=done,
    )


@login_required
def plan_edit(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    if refusal := actions.not_draft(plan):
        return plan_refused(request, plan, refusal)
    if request.method == "POST":
        form = PlanForm(request.POST, instance=plan, plan=plan)
        return _run(
            request,
            plan,
            form,
            lambda f: actions.update_plan(
                plan, data=f.changes(), expected_lock=f.expected_lock, actor=request.user
            ),
            target="plan-texts",
            title=_("Plan details"),
            action_url=request.path,
            message=_("The plan details were saved."),
        )
    return render(request, "goals/plan_edit.html", _editor_context(plan))


@login_required
@require_POST
def plan_confirm_carried(request: HttpRequest, plan_id: Any) -> HttpResponse:
    """A text copied from last period's plan confirmed as right for this period."""
    plan = _editable_plan(request, plan_id)
    ids = {}
    for name in ("goal", "indicator"):
        try:
            ids[name] = uuid.UUID(request.POST.get(name, ""))
        except ValueError:
            ids[name] = None
    goal = Goal.objects.filter(plan=plan, pk=ids["goal"]).first() if ids["goal"] else None
    indicator = (
        Indicator.objects.filter(goal__plan=plan, pk=ids["indicator"]).first()
        if ids["indicator"]
        else None
    )
    return run_action(
        None,
        lambda: actions.confirm_carried_over(
            plan,
            section=request.POST.get("section", ""),
            goal=goal,
            indicator=indicator,
            actor=request.user,
        ),
        errors=lambda error: messages.error(request, " ".join(error.messages)),
        invalid=lambda: _done(request, plan, "", "carried-over"),  # the error is a message
        refused=lambda error: plan_refused(request, plan, error),
        done=lambda _result: _done(request, plan, _("The text was confirmed."), "carried-over"),
    )


@login_required
def plan_texts_form(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    if refusal := actions.not_draft(plan):
        return plan_refused(request, plan, refusal)
    form = PlanForm(instance=plan, plan=plan)
    return _form_response(
        request,
        plan,
        form,
        target="plan-texts",
        title=_("Plan details"),
        action_url=reverse("plan_edit", args=[plan.pk]),
    )


@login_required
@require_POST
def plan_start_next(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)

    def done(new):
        messages.success(
            request, _("A draft for the next period was started from %(plan)s.") % {"plan": plan}
        )
        return redirect("plan_edit", plan_id=new.pk)

    return run_action(
        None,
        lambda: actions.start_next_plan(plan, actor=request.user),
        refused=lambda error: plan_refused(request, plan, error),
        done=done,
    )


def _item_views(
    noun: str,
    model,
    form_class,
    *,
    parent_of,
    add_action,
    update_action,
    delete_action,
    move_action,
    titles: dict[str, str],
    saved: str,
    added: str,
    deleted: str,
):
    """Add / edit / delete / move views for one kind of item in the draft editor."""

    def get_item(request, item_id):
        item = get_object_or_404(model.objects.select_related(*parent_of.select), pk=item_id)
        plan = parent_of.plan(item)
        plan = _editable_plan(request, plan.pk)
        return item, plan

    @login_required
    def add(request, parent_id):
        parent, plan = parent_of.parent(request, parent_id)
        posted = request.method == "POST"
        form = form_class(request.POST if posted else None, plan=plan)
        target = f"new-{noun}-{parent.pk}"
        url = request.path
        if refusal := actions.not_draft(plan):
            return plan_refused(request, plan, refusal)
        if not posted:
            return _form_response(
                request, plan, form, target=target, title=titles["add"], action_url=url
            )
        return _run(
            request,
            plan,
            form,
            lambda f: add_action(parent, data=f.changes(), actor=request.user),
            target=target,
            title=titles["add"],
            action_url=url,
            message=added,
            anchor=lambda obj: f"{noun}-{obj.pk}",
        )

    @login_required
    def edit(request, item_id):
        item, plan = get_item(request, item_id)
        posted = request.method == "POST"
        form = form_class(request.POST if posted else None, instance=item, plan=plan)
        target = f"{noun}-{item.pk}"
        if refusal := actions.not_draft(plan):
            return plan_refused(request, plan, refusal)
        if not posted:
            return _form_response(
                request, plan, form, target=target, title=titles["edit"], action_url=request.path
            )
        return _run(
            request,
            plan,
            form,
            lambda f: update_action(
                item, data=f.changes(), expected_lock=f.expected_lock, actor=request.user
            ),
            target=target,
            title=titles["edit"],
            action_url=request.path,
            message=saved,
        )

    @login_required
    @require_POST
    def delete(request, item_id):
        item, plan = get_item(request, item_id)
        try:
            expected = int(request.POST.get("lock_version", ""))
        except ValueError:
            expected = -1
        return run_action(
            None,
            lambda: delete_action(item, expected_lock=expected, actor=request.user),
            refused=lambda error: plan_refused(request, plan, error),
            done=lambda _result: _done(request, plan, deleted),
        )

    @login_required
    @require_POST
    def move(request, item_id, direction):
        item, plan = get_item(request, item_id)
        return run_action(
            None,
            lambda: move_action(item, step=-1 if direction == "up" else 1, actor=request.user),
            refused=lambda error: plan_refused(request, plan, error),
            done=lambda _result: _done(
                request, plan, _("The order was changed."), f"{noun}-{item.pk}"
            ),
        )

    for view, name in ((add, "add"), (edit, "edit"), (delete, "delete"), (move, "move")):
        view.__name__ = f"{noun}_{name}"
    return add, edit, delete, move


class _PlanParent:
    select = ("plan__organisation", "plan__post")

    @staticmethod
    def plan(item):
        return item.plan

    @staticmethod
    def parent(request, plan_id):
        plan = _editable_plan(request, plan_id)
        return plan, plan


class _GoalParent:
    select = ("goal__plan__organisation", "goal__plan__post")

    @staticmethod
    def plan(item):
        return item.goal.plan

    @staticmethod
    def parent(request, goal_id):
        goal = get_object_or_404(Goal.objects.select_related("plan"), pk=goal_id)
        plan = _editable_plan(request, goal.plan_id)
        return goal, plan


goal_add, goal_edit, goal_delete, goal_move = _item_views(
    "goal",
    Goal,
    GoalForm,
    parent_of=_PlanParent,
    add_action=actions.add_goal,
    update_action=actions.update_goal,
    delete_action=actions.delete_goal,
    move_action=actions.move_goal,
    titles={"add": gettext_lazy("New goal"), "edit": gettext_lazy("Edit goal")},
    saved=gettext_lazy("The goal was saved."),
    added=gettext_lazy("The goal was added."),
    deleted=gettext_lazy("The goal was removed."),
)
indicator_add, indicator_edit, indicator_delete, indicator_move = _item_views(
    "indicator",
    Indicator,
    IndicatorForm,
    parent_of=_GoalParent,
    add_action=actions.add_indicator,
    update_action=actions.update_indicator,
    delete_action=actions.delete_indicator,
    move_action=actions.move_indicator,
    titles={"add": gettext_lazy("New indicator"), "edit": gettext_lazy("Edit indicator")},
    saved=gettext_lazy("The indicator was saved."),
    added=gettext_lazy("The indicator was added."),
    deleted=gettext_lazy("The indicator was removed."),
)
checkpoint_add, checkpoint_edit, checkpoint_delete, checkpoint_move = _item_views(
    "checkpoint",
    Checkpoint,
    CheckpointForm,
    parent_of=_PlanParent,
    add_action=actions.add_checkpoint,
    update_action=actions.update_checkpoint,
    delete_action=actions.delete_checkpoint,
    move_action=actions.move_checkpoint,
    titles={"add": gettext_lazy("New checkpoint"), "edit": gettext_lazy("Edit checkpoint")},
    saved=gettext_lazy("The checkpoint was saved."),
    added=gettext_lazy("The checkpoint was added."),
    deleted=gettext_lazy("The checkpoint was removed."),
)

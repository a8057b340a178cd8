"""The goal plan's workflow pages: propose, return, record a decision, amend, follow up, close;
the version history with a diff between any two versions; the audit log. Views are glue: each
parses a form, calls one action and redirects, or renders the refusal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from suunta.audit import sentences
from suunta.core.web import refusal_of, run_action

from . import actions, permissions, queries
from .forms import MinutesForm, ProposeForm, ReturnForm
from .models import GoalPlan
from .refusals import plan_refused


def _plan_url(plan: GoalPlan) -> str:
    return reverse("plan_detail", args=[plan.pk])


def _form_page(request, plan, form, *, title, intro, submit, status=200) -> HttpResponse:
    return render(
        request,
        "goals/workflow_form.html",
        {"plan": plan, "form": form, "title": title, "intro": intro, "submit": submit},
        status=status,
    )


def _run(request, plan, form, run, *, message, title, intro, submit, to=None):
    """Validate, run the one action, and redirect; or show the errors (422) or the refusal."""

    def done(result):
        messages.success(request, message)
        return redirect(to(result) if to else _plan_url(plan))

    return run_action(
        form,
        lambda: run(form),
        invalid=lambda: _form_page(
            request, plan, form, title=title, intro=intro, submit=submit, status=422
        ),
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


def _guard(request: HttpRequest, plan: GoalPlan, verb: str) -> HttpResponse | None:
    """Refuse early on a GET of a form the user may not use, saying why."""
    if error := refusal_of(lambda: actions.authorise(request.user, verb, plan, lock=False)):
        return plan_refused(request, plan, error, back=_plan_url(plan))
    return None


@login_required
def plan_propose(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    title = _("Propose the goal plan")
    intro = _(
        "The content is frozen when it is proposed. If the chair or the steering group asks "
        "for changes, they return it to a draft."
    )
    if request.method != "POST":
        return _guard(request, plan, "propose") or _form_page(
            request, plan, ProposeForm(plan=plan), title=title, intro=intro, submit=_("Propose")
        )
    return _run(
        request,
        plan,
        ProposeForm(request.POST, plan=plan),
        lambda f: actions.propose_plan(
            plan, actor=request.user, to_body=f.cleaned_data["proposed_to"]
        ),
        message=_("The goal plan was proposed."),
        title=title,
        intro=intro,
        submit=_("Propose"),
    )


@login_required
def plan_return(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    title = _("Return the proposal for changes")
    intro = _("The proposal becomes a draft again; the reason is kept in the audit log.")
    if request.method != "POST":
        return _guard(request, plan, "return") or _form_page(
            request, plan, ReturnForm(), title=title, intro=intro, submit=_("Return")
        )
    return _run(
        request,
        plan,
        ReturnForm(request.POST),
        lambda f: actions.return_plan(plan, actor=request.user, reason=f.cleaned_data["reason"]),
        message=_("The proposal was returned for changes."),
        title=title,
        intro=intro,
        submit=_("Return"),
    )


def decision_kinds(plan: GoalPlan) -> list[str]:
    """The decisions that can be recorded on the plan in its present state."""
    return [
        kind
        for kind, moves in actions.DECISION_MOVES.items()
        if plan.status in moves and (kind != "amend" or plan.supersedes_id)
    ]


@login_required
def plan_decide(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    title = _("Record a decision")
    intro = _(
        "From the minutes: the body, the meeting, the section (§), who was present, who "
        "presented and who was disqualified and left the room."
    )
    if refusal := _guard(request, plan, "decide"):
        return refusal
    kinds = decision_kinds(plan)

    def page(form: MinutesForm, status: int = 200) -> HttpResponse:
        return render(
            request,
            "goals/decision_form.html",
            {"plan": plan, "form": form, "title": title, "intro": intro},
            status=status,
        )

    def unbound(values: Any) -> MinutesForm:
        """The form again for the body and the day chosen (its members listed, the
        executive's disqualification proposed where the kind makes them a party)."""
        keep = ("kind", "body", "meeting_date", "section", "checkpoint", "amount", "presenter",
                "summary_fi", "summary_sv")  # fmt: skip
        initial: dict[str, Any] = {k: values.get(k) for k in keep if values.get(k)}
        for name in ("others", "disqualified"):
            if hasattr(values, "getlist") and values.getlist(name):
                initial[name] = values.getlist(name)
        initial["lock_version"] = values.get("lock_version") or plan.lock_version
        return MinutesForm(plan=plan, kinds=kinds, party=actions.PARTY_DECISIONS, initial=initial)

    if request.method != "POST":
        return page(unbound(request.GET))
    if request.POST.get("refresh"):
        return page(unbound(request.POST))
    form = MinutesForm(
        request.POST, plan=plan, kinds=list(actions.DECISION_MOVES), party=actions.PARTY_DECISIONS
    )

    def done(decision: Any) -> HttpResponse:
        amendment = getattr(decision, "amendment", None)
        if amendment is not None:
            messages.success(
                request,
                _(
                    "The decision was recorded and the goals are in force as approved. A new "
                    "version was started for the amendments made at the meeting: write them "
                    "in, then record the decision on it (amended and approved)."
                ),
            )
            return redirect("plan_edit", amendment.pk)
        messages.success(request, _("The decision was recorded."))
        return redirect(_plan_url(plan))

    return run_action(
        form,
        lambda: actions.record_decision(
            plan, data=form.changes(), actor=request.user, expected_lock=form.expected_lock
        ),
        invalid=lambda: page(form, 422),
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


def _post_action(request, plan_id, run, message, to=None) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)

    def done(result):
        messages.success(request, message)
        return redirect(to(result) if to else _plan_url(plan))

    return run_action(
        None,
        lambda: run(plan),
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


@login_required
@require_POST
def plan_amend(request: HttpRequest, plan_id: Any) -> HttpResponse:
    return _post_action(
        request,
        plan_id,
        lambda plan: actions.start_amendment(plan, actor=request.user),
        _("A new version was started. Edit it to match the decision, then record the decision."),
        to=lambda new: reverse("plan_edit", args=[new.pk]),
    )


@login_required
@require_POST
def plan_start_follow_up(request: HttpRequest, plan_id: Any) -> HttpResponse:
    return _post_action(
        request,
        plan_id,
        lambda plan: actions.start_follow_up(plan, actor=request.user),
        _("The follow-up of the plan has started."),
    )


@login_required
def plan_close(request: HttpRequest, plan_id: Any) -> HttpResponse:
    """Closing ends the plan's cycle for good: the page asks first (a GET shows what closing
    means and the button that does it)."""
    if request.method != "POST":
        plan = queries.plan_for(request.user, plan_id)
        if refusal := _guard(request, plan, "close"):
            return refusal
        return render(request, "goals/plan_close.html", {"plan": plan})
    return _post_action(
        request,
        plan_id,
        lambda plan: actions.close_plan(plan, actor=request.user),
        _("The plan was closed."),
    )


@login_required
def plan_history(request: HttpRequest, plan_id: Any) -> HttpResponse:
    """Every version of the plan; with ?old=<id>&new=<id>, what changed between the two."""
    plan = queries.plan_for(request.user, plan_id)
    versions = [
        v for v in queries.plan_versions(plan) if permissions.can_view_plan(request.user, v)
    ]
    by_id = {str(v.pk): v for v in versions}
    diff = None
    old_id, new_id = request.GET.get("old"), request.GET.get("new")
    if old_id or new_id:
        old, new = by_id.get(old_id or ""), by_id.get(new_id or "")
        if old is None or new is None:
            raise Http404(_("Choose two versions of this plan."))
        diff = queries.version_diff(old, new)
    elif len(versions) > 1:
        diff = queries.version_diff(versions[-2], versions[-1])
    return render(
        request,
        "goals/plan_history.html",
        {"plan": plan, "versions": versions, "diff": diff},
    )


@login_required
def plan_audit(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    if not permissions.can_view_audit_log(request.user, plan):
        raise PermissionDenied(
            _(
                "Only coordinators and organisation admins read the audit log, never the "
                "executive whose plan it is."
            )
        )
    events = queries.audit_log(plan)
    return render(
        request,
        "goals/plan_audit.html",
        {"plan": plan, "events": list(zip(events, sentences.describe_all(events), strict=True))},
    )

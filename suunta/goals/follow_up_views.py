"""Writing the follow-up of a checkpoint: one form per goal, for the kind of assessment the
user writes (the executive's self-assessment, a discussion partner's own assessment, or the
joint assessment the chair or the coordinator records). Views are glue around the actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from suunta.core.web import run_action
from suunta.organisations.models import Person

from . import actions, permissions, queries
from .forms import FollowUpForm
from .models import FollowUpEntry
from .refusals import plan_refused


def _own_entries(plan, checkpoint, kind: str, person: Person | None) -> dict[Any, FollowUpEntry]:
    entries = FollowUpEntry.objects.filter(goal__plan=plan, checkpoint=checkpoint, kind=kind)
    if kind == FollowUpEntry.Kind.PARTNER:
        entries = entries.filter(author=person) if person else entries.none()
    return {entry.goal_id: entry for entry in entries}


@login_required
def checkpoint_follow_up(request: HttpRequest, plan_id: Any, checkpoint_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    checkpoint = get_object_or_404(plan.checkpoints, pk=checkpoint_id)
    if error := actions.follow_up_refusal(request.user, plan):
        return plan_refused(request, plan, error, back=reverse("plan_detail", args=[plan.pk]))
    kinds = permissions.follow_up_kinds_for(request.user, plan)
    kind = request.POST.get("kind") or request.GET.get("kind") or kinds[0]
    if kind not in kinds:
        kind = kinds[0]
    summary = queries.plan_summary(plan, permissions.visible_follow_up_kinds(request.user, plan))
    person = Person.objects.filter(user=request.user, organisation=plan.organisation_id).first()
    own = _own_entries(plan, checkpoint, kind, person)
    if request.method != "POST":
        return _follow_up_page(request, plan, checkpoint, summary, kinds, kind, own)
    bound = FollowUpForm(request.POST, plan=plan, scale=summary.scale)
    posted = {"goal": request.POST.get("goal")}

    def save() -> Any:
        posted["goal"] = bound.cleaned_data["goal"]
        goal = get_object_or_404(plan.goals, pk=posted["goal"])
        entry = own.get(goal.pk)
        if entry is None:
            actions.add_follow_up(
                goal, checkpoint, data={**bound.changes(), "kind": kind}, actor=request.user
            )
        else:
            actions.update_follow_up(
                entry,
                data=bound.changes(),
                expected_lock=bound.cleaned_data.get("lock_version") or 0,
                actor=request.user,
            )
        return goal

    def done(goal: Any) -> HttpResponse:
        messages.success(request, _("The follow-up was saved."))
        url = reverse("checkpoint_follow_up", args=[plan.pk, checkpoint.pk])
        return redirect(f"{url}?kind={kind}#goal-{goal.pk}")

    return run_action(
        bound,
        save,
        invalid=lambda: _follow_up_page(
            request, plan, checkpoint, summary, kinds, kind, own, bound, posted["goal"], 422
        ),
        refused=lambda error: plan_refused(
            request, plan, error, bound, back=reverse("plan_detail", args=[plan.pk])
        ),
        done=done,
    )


def _follow_up_page(
    request, plan, checkpoint, summary, kinds, kind, own, bound=None, posted_goal=None, status=200
) -> HttpResponse:
    """One form per goal; the posted one (`bound`) with what the user sent and its errors."""
    position = summary.checkpoints.index(checkpoint)
    rows = []
    for row in summary.rows:
        entry = own.get(row.goal.pk)
        if bound is not None and str(row.goal.pk) == str(posted_goal):
            form = bound
            form.auto_id = f"id_g{row.number}_%s"
        else:
            initial = {"goal": row.goal.pk}
            if entry is not None:
                initial |= {
                    "lock_version": entry.lock_version,
                    "text_fi": entry.text_fi,
                    "text_sv": entry.text_sv,
                    "rating": None
                    if entry.rating is None
                    else format(entry.rating.normalize(), "f"),
                }
            form = FollowUpForm(
                plan=plan, scale=summary.scale, initial=initial, auto_id=f"id_g{row.number}_%s"
            )
        others = [e for e in row.follow_ups[position] if e.pk != getattr(entry, "pk", None)]
        rows.append({"row": row, "form": form, "entry": entry, "others": others})
    return render(
        request,
        "goals/checkpoint_follow_up.html",
        {
            "plan": plan,
            "checkpoint": checkpoint,
            "summary": summary,
            "rows": rows,
            "kind": kind,
            "kinds": [(k, FollowUpEntry.Kind(k).label) for k in kinds],
        },
        status=status,
    )

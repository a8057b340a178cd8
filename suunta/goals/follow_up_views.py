"""Writing the follow-up of a checkpoint: one form per goal, for the kind of assessment the
user writes (the executive's self-assessment, a discussion partner's own assessment, or the
joint assessment the chair or the coordinator records). Views are glue around the actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from suunta.organisations.models import Person

from . import actions, permissions, queries
from .forms import FollowUpForm
from .models import FollowUpEntry
from .views import _refused


def _own_entries(plan, checkpoint, kind: str, person: Person | None) -> dict[Any, FollowUpEntry]:
    entries = FollowUpEntry.objects.filter(goal__plan=plan, checkpoint=checkpoint, kind=kind)
    if kind == FollowUpEntry.Kind.PARTNER:
        entries = entries.filter(author=person) if person else entries.none()
    return {entry.goal_id: entry for entry in entries}


@login_required
def checkpoint_follow_up(request: HttpRequest, plan_id: Any, checkpoint_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    checkpoint = get_object_or_404(plan.checkpoints, pk=checkpoint_id)
    kinds = permissions.follow_up_kinds_for(request.user, plan)
    if not kinds:
        writers = permissions.DRAFTERS | {permissions.K.EXECUTIVE}
        if plan.status not in permissions.IN_FORCE and (
            permissions.roles_in(request.user, plan.organisation_id) & writers
        ):
            error: Exception = actions.WrongState(
                _("Follow-ups are written while the plan is in force; this plan is %(status)s.")
                % {"status": plan.get_status_display()}
            )
        else:
            error = PermissionDenied(_("You may not write this follow-up."))
        return _refused(request, plan, error, back=reverse("plan_detail", args=[plan.pk]))
    kind = request.POST.get("kind") or request.GET.get("kind") or kinds[0]
    if kind not in kinds:
        kind = kinds[0]
    summary = queries.plan_summary(plan, permissions.visible_follow_up_kinds(request.user, plan))
    person = Person.objects.filter(user=request.user, organisation=plan.organisation_id).first()
    own = _own_entries(plan, checkpoint, kind, person)
    position = summary.checkpoints.index(checkpoint)
    status = 200
    posted_goal = None
    bound = None
    if request.method == "POST":
        bound = FollowUpForm(request.POST, plan=plan, scale=summary.scale)
        if bound.is_valid():
            posted_goal = bound.cleaned_data["goal"]
            goal = get_object_or_404(plan.goals, pk=posted_goal)
            entry = own.get(goal.pk)
            try:
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
            except ValidationError as error:
                for field, errors in actions.validation_messages(error).items():
                    for text in errors:
                        bound.add_error(field if field in bound.fields else None, text)
            except (actions.ActionError, PermissionDenied) as error:
                return _refused(
                    request, plan, error, bound, back=reverse("plan_detail", args=[plan.pk])
                )
            if not bound.errors:
                messages.success(request, _("The follow-up was saved."))
                url = reverse("checkpoint_follow_up", args=[plan.pk, checkpoint.pk])
                return redirect(f"{url}?kind={kind}#goal-{goal.pk}")
        else:
            posted_goal = request.POST.get("goal")
        status = 422
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

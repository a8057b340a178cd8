"""Writing the follow-up of a checkpoint: every goal on one form with one save, for the kind of
assessment the user writes (the executive's self-assessment, a discussion partner's own
assessment, or the joint assessment the chair or the coordinator records). With JavaScript each
goal is also saved as the user leaves a field (htmx posts the form with `only=g<number>`).

Nothing typed is lost: a goal the user did not touch is not saved again (its fingerprint is what
the page showed), an invalid goal or a stale one is shown again with every goal's text as it was
posted, and a refusal (the plan closed meanwhile) keeps the text on the page to be copied. The
goals are saved in one transaction: all or none. Views are glue around the actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from suunta.core.actions import StaleVersion
from suunta.core.forms import add_form_errors
from suunta.core.web import REFUSALS, refusal_status
from suunta.organisations.models import Person

from . import actions, permissions, queries
from .forms import FollowUpForm, follow_up_fingerprint
from .models import FollowUpEntry
from .refusals import plan_refused


def _own_entries(plan, checkpoint, kind: str, person: Person | None) -> dict[Any, FollowUpEntry]:
    entries = FollowUpEntry.objects.filter(goal__plan=plan, checkpoint=checkpoint, kind=kind)
    if kind == FollowUpEntry.Kind.PARTNER:
        entries = entries.filter(author=person) if person else entries.none()
    return {entry.goal_id: entry for entry in entries}


def _initial(goal: Any, entry: FollowUpEntry | None) -> dict[str, Any]:
    if entry is None:
        return {"goal": goal.pk, "original": follow_up_fingerprint("", "", None)}
    rating = None if entry.rating is None else format(entry.rating.normalize(), "f")
    return {
        "goal": goal.pk,
        "lock_version": entry.lock_version,
        "text_fi": entry.text_fi,
        "text_sv": entry.text_sv,
        "rating": rating,
        "original": follow_up_fingerprint(entry.text_fi, entry.text_sv, rating),
    }


class Page:
    """The checkpoint's follow-up page for one kind of assessment: a form per goal."""

    def __init__(self, request: HttpRequest, plan: Any, checkpoint: Any, kinds: list[str]):
        self.request, self.plan, self.checkpoint, self.kinds = request, plan, checkpoint, kinds
        kind = request.POST.get("kind") or request.GET.get("kind") or kinds[0]
        self.kind = kind if kind in kinds else kinds[0]
        self.summary = queries.plan_summary(
            plan, permissions.visible_follow_up_kinds(request.user, plan)
        )
        person = Person.objects.filter(user=request.user, organisation=plan.organisation_id)
        self.own = _own_entries(plan, checkpoint, self.kind, person.first())
        self.position = self.summary.checkpoints.index(checkpoint)

    def form(self, row: Any, data: QueryDict | None = None) -> FollowUpForm:
        entry = self.own.get(row.goal.pk)
        return FollowUpForm(
            data,
            plan=self.plan,
            scale=self.summary.scale,
            prefix=f"g{row.number}",
            initial=_initial(row.goal, entry),
            auto_id="id_%s",
        )

    def forms(self, data: QueryDict | None = None) -> list[tuple[Any, FollowUpForm]]:
        return [(row, self.form(row, data)) for row in self.summary.rows]

    def save(self, row: Any, form: FollowUpForm) -> FollowUpEntry:
        entry = self.own.get(row.goal.pk)
        if entry is None:
            return actions.add_follow_up(
                row.goal,
                self.checkpoint,
                data={**form.changes(), "kind": self.kind},
                actor=self.request.user,
            )
        return actions.update_follow_up(
            entry,
            data=form.changes(),
            expected_lock=form.cleaned_data.get("lock_version") or 0,
            actor=self.request.user,
        )

    def saved(self, row: Any, form: FollowUpForm) -> bool:
        """Whether what the form sends is saved already (as the goal's own save did when the
        user left the field and then pressed the form's save)."""
        saved = _initial(row.goal, self.own.get(row.goal.pk))["original"]
        return form.posted_fingerprint() == saved

    def url(self) -> str:
        return reverse("checkpoint_follow_up", args=[self.plan.pk, self.checkpoint.pk])

    def render(self, forms, *, status: int = 200, refusal: Exception | None = None):
        rows = []
        for row, form in forms:
            entry = self.own.get(row.goal.pk)
            others = [
                e for e in row.follow_ups[self.position] if e.pk != getattr(entry, "pk", None)
            ]
            rows.append({"row": row, "form": form, "entry": entry, "others": others})
        return render(
            self.request,
            "goals/checkpoint_follow_up.html",
            {
                "plan": self.plan,
                "checkpoint": self.checkpoint,
                "summary": self.summary,
                "rows": rows,
                "kind": self.kind,
                "kinds": [(k, FollowUpEntry.Kind(k).label) for k in self.kinds],
                "refusal": refusal,
            },
            status=status,
        )

    def render_state(self, row: Any, form: FollowUpForm, state: str, **extra: Any):
        return render(
            self.request,
            "goals/_follow_up_state.html",
            {"row": row, "form": form, "state": state, **extra},
        )


def _stale(page: Page, row: Any, data: QueryDict, error: StaleVersion) -> FollowUpForm:
    """The goal's form again, with what the user wrote, the text saved meanwhile in its error,
    and the saved version as its base: saving once more replaces it knowingly."""
    current = error.current
    prefix = f"g{row.number}"
    if current is None:
        page.own.pop(row.goal.pk, None)
        data[f"{prefix}_lock_version"] = ""
        data[f"{prefix}_original"] = follow_up_fingerprint("", "", None)
    else:
        page.own[row.goal.pk] = current
        rating = None if current.rating is None else format(current.rating.normalize(), "f")
        data[f"{prefix}_lock_version"] = str(current.lock_version)
        data[f"{prefix}_original"] = follow_up_fingerprint(current.text_fi, current.text_sv, rating)
    form = page.form(row, data)
    form.is_valid()
    saved = current.text("text") if current is not None else ""
    form.add_error(
        None,
        _(
            "Someone else saved this goal's follow-up meanwhile: “%(saved)s”. Your text is kept "
            "below; save again to replace theirs with it."
        )
        % {"saved": saved}
        if current is not None
        else _("This follow-up was removed meanwhile. Your text is kept below; save to add it."),
    )
    return form


@login_required
def checkpoint_follow_up(request: HttpRequest, plan_id: Any, checkpoint_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    checkpoint = get_object_or_404(plan.checkpoints, pk=checkpoint_id)
    if error := actions.follow_up_refusal(request.user, plan):
        return plan_refused(request, plan, error, back=reverse("plan_detail", args=[plan.pk]))
    page = Page(request, plan, checkpoint, permissions.follow_up_kinds_for(request.user, plan))
    if request.method != "POST":
        return page.render(page.forms())
    data = request.POST.copy()
    only = request.POST.get("only")
    if only:
        return _save_one(page, data, only)
    return _save_all(page, data)


def _save_all(page: Page, data: QueryDict) -> HttpResponse:
    forms = page.forms(data)
    # What the user changed; of it, what their goal's own save has not saved already.
    touched = [(row, form) for row, form in forms if form.touched()]
    unsaved = [(row, form) for row, form in touched if not page.saved(row, form)]
    if not all(form.is_valid() for _row, form in unsaved):
        return page.render(forms, status=422)
    current: dict[str, Any] = {}
    try:
        with transaction.atomic():
            for row, form in unsaved:
                current["row"], current["form"] = row, form
                page.save(row, form)
    except StaleVersion as error:
        forms = [
            (row, _stale(page, row, data, error) if row is current["row"] else form)
            for row, form in forms
        ]
        return page.render(forms, status=409)
    except ValidationError as error:
        add_form_errors(current["form"], error)
        return page.render(forms, status=422)
    except REFUSALS as error:
        return page.render(forms, status=refusal_status(error), refusal=error)
    if touched or page.own:  # saved now, or by each goal's own save as its field was left
        messages.success(page.request, _("The follow-up was saved."))
    else:
        messages.info(page.request, _("Nothing was written, so nothing was saved."))
    return redirect(f"{page.url()}?kind={page.kind}")


def _save_one(page: Page, data: QueryDict, only: str) -> HttpResponse:
    """One goal, saved as the user leaves its field (htmx): the goal's save state, with its new
    version and fingerprint, replaces the old one; every other goal is left as typed."""
    row = next((r for r in page.summary.rows if f"g{r.number}" == only), None)
    if row is None:
        return HttpResponse(_("No such goal on this page."), status=400)
    form = page.form(row, data)
    if not form.touched():
        return page.render_state(row, form, "unchanged")
    if not form.is_valid():
        return page.render_state(row, form, "invalid")
    try:
        entry = page.save(row, form)
    except StaleVersion as error:
        return page.render_state(row, _stale(page, row, data, error), "stale")
    except ValidationError as error:
        add_form_errors(form, error)
        return page.render_state(row, form, "invalid")
    except REFUSALS as error:
        return page.render_state(row, form, "refused", refusal=error)
    page.own[row.goal.pk] = entry
    return page.render_state(row, page.form(row), "saved", entry=entry)

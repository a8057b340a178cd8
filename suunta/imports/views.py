"""Bringing an existing goal document in: upload or paste, review what was found beside the
source text, save as a draft plan. Glue only: reading is `reading.py`, saving `actions.py`."""

from __future__ import annotations

import datetime
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from suunta.goals import permissions, queries
from suunta.organisations.models import ExecutivePost

from . import actions, reading, safety
from . import queries as import_queries
from .forms import (
    CheckpointFormSet,
    GoalFormSet,
    GoalReviewForm,
    ImportStartForm,
    PlanReviewForm,
    review_initial,
)
from .models import ImportedDocument
from .periods import likely_year

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "text": "text/plain; charset=utf-8",
}


def _post(request: HttpRequest, post_id: Any) -> ExecutivePost:
    return get_object_or_404(
        ExecutivePost.objects.select_related("organisation").filter(
            organisation__in=queries.organisations_for(request.user)
        ),
        pk=post_id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest, post_id: Any) -> HttpResponse:
    post = _post(request, post_id)
    if not permissions.can_create_plan(request.user, post):
        raise PermissionDenied(_("You may not start a goal plan for this post."))
    form = ImportStartForm()
    status = 200
    if request.method == "POST":
        form = ImportStartForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                if upload is not None:
                    safety.check_size(upload.size, upload.name)  # before a byte is read
                    data = upload.read(safety.MAX_BYTES + 1)
                    found = reading.read_document(data, upload.name)
                    name = upload.name
                else:
                    text = form.cleaned_data["text"]
                    found = reading.read_text(text)
                    data, name = text.encode("utf-8"), _("pasted text")
            except ValidationError as error:
                form.add_error("file" if upload is not None else "text", error)
            else:
                imported = actions.keep_upload(
                    post, data=data, name=name, found=found, actor=request.user
                )
                return redirect("import_review", import_id=imported.pk)
        status = 422
    return render(
        request,
        "imports/start.html",
        {
            "post": post,
            "form": form,
            "pending": import_queries.pending_imports(post, request.user),
        },
        status=status,
    )


def _pending(request: HttpRequest, import_id: Any) -> ImportedDocument:
    imported = get_object_or_404(
        ImportedDocument.objects.select_related("post", "organisation", "plan").filter(
            organisation__in=queries.organisations_for(request.user)
        ),
        pk=import_id,
    )
    if not permissions.can_review_import(request.user, imported):
        raise PermissionDenied(_("You may not review this import."))
    return imported


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest, import_id: Any) -> HttpResponse:
    imported = _pending(request, import_id)
    if imported.status == ImportedDocument.Status.SAVED:
        return redirect("plan_detail", plan_id=imported.plan_id)
    found = imported.found
    year = likely_year(
        [found.get("title", "")],
        [_date(h["date"]) for h in found.get("handling", [])],
        timezone.localdate(),
    )
    initial = review_initial(found, year)
    if request.method == "POST":
        plan_form = PlanReviewForm(request.POST, prefix="plan")
        checkpoints = CheckpointFormSet(request.POST, prefix="checkpoints")
        goals = GoalFormSet(request.POST, prefix="goals")
        if plan_form.is_valid() and checkpoints.is_valid() and goals.is_valid():
            kept_goals = actions.merge_goals(
                [
                    {**f.cleaned_data, "indicators": f.indicator_lines()}
                    for f in goals.forms
                    if isinstance(f, GoalReviewForm) and f.cleaned_data
                ]
            )
            if not kept_goals:
                plan_form.add_error(None, _("Keep at least one goal."))
            else:
                plan = actions.save_import(
                    imported,
                    plan=plan_form.cleaned_data,
                    checkpoints=[
                        f.cleaned_data
                        for f in checkpoints.forms
                        if f.cleaned_data.get("keep") and f.cleaned_data.get("label")
                    ],
                    goals=kept_goals,
                    actor=request.user,
                )
                messages.success(
                    request, _("The draft plan was created from the document: check it and go on.")
                )
                return redirect("plan_detail", plan_id=plan.pk)
        status = 422
    else:
        plan_form = PlanReviewForm(initial=initial["plan"], prefix="plan")
        checkpoints = CheckpointFormSet(initial=initial["checkpoints"], prefix="checkpoints")
        goals = GoalFormSet(initial=initial["goals"], prefix="goals")
        status = 200
    return render(
        request,
        "imports/review.html",
        {
            "imported": imported,
            "post": imported.post,
            "found": found,
            "plan_form": plan_form,
            "checkpoints": checkpoints,
            "goals": goals,
            "goal_rows": _goal_rows(goals, found),
            "handling": [(_date(h["date"]), h["body"]) for h in found.get("handling", [])],
        },
        status=status,
    )


def _goal_rows(goals: Any, found: dict[str, Any]) -> list[tuple[Any, list[tuple[str, str]]]]:
    """Each goal's form with the follow-up texts the document had for it, by checkpoint: shown
    for reference (follow-ups are written once the plan is in force, not imported)."""
    labels = [c["label"] for c in found.get("checkpoints", [])]
    found_goals = found.get("goals", [])
    rows = []
    for n, form in enumerate(goals.forms):
        texts = found_goals[n].get("follow_ups", []) if n < len(found_goals) else []
        pairs = [(label, text) for label, text in zip(labels, texts, strict=False) if text]
        rows.append((form, pairs))
    return rows


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


@login_required
@require_POST
def import_discard(request: HttpRequest, import_id: Any) -> HttpResponse:
    """Drop an import waiting for its review: its file and what was found are deleted."""
    imported = _pending(request, import_id)
    if imported.status == ImportedDocument.Status.SAVED:
        return redirect("plan_detail", plan_id=imported.plan_id)
    post_id, name = imported.post_id, imported.file_name
    actions.discard_import(imported, actor=request.user)
    messages.success(
        request, _("The import of %(name)s was discarded; nothing was saved.") % {"name": name}
    )
    return redirect("import_start", post_id=post_id)


@login_required
def import_original(request: HttpRequest, import_id: Any) -> HttpResponse:
    """The original file as it was uploaded: for those who may read the plan made from it."""
    imported = _pending(request, import_id)
    if imported.file_type not in CONTENT_TYPES:
        raise Http404
    extension = "txt" if imported.file_type == "text" else imported.file_type
    stem = PurePath(imported.file_name.replace("\\", "/")).stem.strip(". ")
    response = HttpResponse(bytes(imported.data), content_type=CONTENT_TYPES[imported.file_type])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{stem or 'suunta-import'}.{extension}"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response

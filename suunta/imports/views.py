"""Bringing an existing goal document in: upload or paste, review what was found beside the
source text, save as a draft plan. Glue only: reading is `reading.py`, saving `actions.py`."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from suunta.goals import permissions, queries
from suunta.organisations.models import ExecutivePost

from . import actions, describe, outline, reading, safety
from . import queries as import_queries
from .forms import (
    MOVE_OPS,
    ROLE_CHOICES,
    CheckpointFormSet,
    ImportStartForm,
    LinesForm,
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


MOVE_MESSAGES = {
    "last": gettext_lazy("The last line has no line after it to merge with."),
    "long": gettext_lazy("The line would be longer than 1 000 characters."),
    "split": gettext_lazy(
        "There is no place to split the line at: put the cursor where it should be split."
    ),
    "edge": gettext_lazy("The line is already at the edge of the list."),
    "empty": gettext_lazy("A line cannot be empty: set its role to Ignore instead."),
}


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest, import_id: Any) -> HttpResponse:
    """What was found, line by line, beside the document: the user corrects roles, texts and
    the order of the lines with a few moves (each one saved with the pending import, nothing
    else), checks the plan's facts and checkpoints, and saves it all as a draft plan."""
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
    status = 200
    lines_form = None
    focus = ""
    if request.method == "POST":
        plan_form = PlanReviewForm(request.POST, prefix="plan")
        checkpoints = CheckpointFormSet(request.POST, prefix="checkpoints")
        count = len(outline.as_lines(found))
        lines_form = LinesForm(request.POST, lines=count)
        saving = False
        if lines_form.is_valid():
            op, at = lines_form.cleaned_data["op"]
            rows = lines_form.rows()
            value = ""
            if op == "split":
                value = str(lines_form.cleaned_data.get(f"split-{at}") or "")
            elif op == "similar":
                value = rows.get(at, {}).get("role", "")
            try:
                found = actions.correct_lines(
                    imported,
                    version=lines_form.cleaned_data["version"],
                    rows=rows,
                    op=op if op in MOVE_OPS else "",
                    at=at,
                    value=value,
                    actor=request.user,
                )
            except outline.MoveError as error:
                lines_form.add_error(
                    None, MOVE_MESSAGES.get(str(error), _("That move is not possible."))
                )
                status = 422
            except actions.StaleReview:
                lines_form.add_error(
                    None,
                    _(
                        "The lines were changed in another window meanwhile: they are shown "
                        "here as they are now. Make your change again."
                    ),
                )
                found = ImportedDocument.objects.get(pk=imported.pk).found
                status = 409
            else:
                saving = op == "save"
                lines_form = None
                focus = _focus_after(op, at, len(found.get("lines", [])))
        else:
            status = 422
        if saving:
            goals = actions.reviewed_goals(found)
            if plan_form.is_valid() and checkpoints.is_valid():
                if not goals:
                    plan_form.add_error(None, _("Mark at least one line as a goal."))
                else:
                    plan = actions.save_import(
                        imported,
                        plan=plan_form.cleaned_data,
                        checkpoints=[
                            f.cleaned_data
                            for f in checkpoints.forms
                            if f.cleaned_data.get("keep") and f.cleaned_data.get("label")
                        ],
                        goals=goals,
                        actor=request.user,
                    )
                    messages.success(
                        request,
                        _("The draft plan was created from the document: check it and go on."),
                    )
                    if request.htmx:
                        return HttpResponseClientRedirect(reverse("plan_detail", args=[plan.pk]))
                    return redirect("plan_detail", plan_id=plan.pk)
            status = 422
    else:
        plan_form = PlanReviewForm(initial=initial["plan"], prefix="plan")
        checkpoints = CheckpointFormSet(initial=initial["checkpoints"], prefix="checkpoints")
    document = outline.document_of(found)
    outline.derive(document)
    return render(
        request,
        "imports/review.html",
        {
            "imported": imported,
            "post": imported.post,
            "found": found,
            "document": document,
            "version": int(found.get("version", 0)),
            "lines_form": lines_form,
            "focus": focus,
            "rows": review_rows(document),
            "role_choices": ROLE_CHOICES,
            "source_lines": source_rows(found),
            "period_source": describe.source(found.get("period_source", "")),
            "warnings": review_warnings(document),
            "plan_form": plan_form,
            "checkpoints": checkpoints,
            "checkpoint_rows": _checkpoint_rows(checkpoints, found),
            "goal_rows": _goal_rows(document, found),
            "handling": [
                (
                    _date(h["date"]),
                    h["body"],
                    h.get("line", ""),
                    describe.source(h.get("source", "")),
                )
                for h in found.get("handling", [])
            ],
        },
        status=status,
    )


def _focus_after(op: str, at: int, count: int) -> str:
    """Where the keyboard's focus goes after a move: with the line that moved."""
    if op == "up":
        return f"up-{at - 1}" if at - 1 > 0 else "down-0"
    if op == "down":
        return f"down-{at + 1}" if at + 1 < count - 1 else f"up-{count - 1}"
    if op in ("split", "insert"):
        return f"text-{at + 1}"
    if op in ("merge", "similar"):
        return f"role-{at}"
    return ""


def review_rows(document: Any) -> list[dict[str, Any]]:
    """Each line for the review table: its index, the line, how many lines start like it, the
    source line it highlights, whether its role is uncertain."""
    keys = [outline.similar_key(line.text, line.marker) for line in document.lines]
    counts = Counter(keys)
    rows = []
    for n, line in enumerate(document.lines):
        rows.append(
            {
                "n": n,
                "line": line,
                "similar": counts[keys[n]],
                "anchor": source_anchor(line.source),
                "uncertain": line.confidence < 0.7 and line.why != "corrected",
                "where": describe.source(line.source),
                "why": describe.reason(line.why) if line.why else "",
            }
        )
    return rows


def source_rows(found: dict[str, Any]) -> list[dict[str, str]]:
    """The document's lines for the panel beside the review, each with the id a found line
    highlights, and the page's number where a new page starts."""
    lines = found.get("source_lines") or [
        {"source": "", "text": text} for text in found.get("source_text", "").splitlines()
    ]
    rows = []
    page = ""
    for line in lines:
        match = re.match(r"page (\d+)", line.get("source", ""))
        number = match.group(1) if match else ""
        rows.append(
            {
                "text": line["text"],
                "anchor": source_anchor(line.get("source", "")),
                "page": _("Page %(n)s") % {"n": number} if number and number != page else "",
            }
        )
        page = number or page
    return rows


def source_anchor(source: str) -> str:
    """The id of the document's line a found line came from ("table 1 row 3 cell 2" → the
    row)."""
    base = re.sub(r"\s+cell\s+\d+$", "", source or "")
    return "src-" + re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")


def review_warnings(document: Any) -> list[str]:
    warnings = []
    if not document.goals:
        warnings.append(_("No goals were found. Mark the goal lines below."))
    missing = [g.title for g in document.goals if not g.indicators]
    if missing and len(missing) < len(document.goals):
        warnings.append(_("No indicators under: %(goals)s.") % {"goals": "; ".join(missing[:5])})
    return warnings


def _checkpoint_rows(checkpoints: Any, found: dict[str, Any]) -> list[tuple[Any, str, str]]:
    """Each checkpoint's form with the line of the text it was found on."""
    found_checkpoints = found.get("checkpoints", [])
    rows = []
    for n, form in enumerate(checkpoints.forms):
        known = found_checkpoints[n] if n < len(found_checkpoints) else {}
        rows.append((form, known.get("line", ""), describe.source(known.get("source", ""))))
    return rows


def _goal_rows(document: Any, found: dict[str, Any]) -> list[tuple[Any, list[tuple[str, str]]]]:
    """Each derived goal with the follow-up texts the document had for it, by checkpoint:
    shown for reference (follow-ups are written once the plan is in force, not imported)."""
    labels = [c["label"] for c in found.get("checkpoints", [])]
    return [
        (
            goal,
            [(label, text) for label, text in zip(labels, goal.follow_ups, strict=False) if text],
        )
        for goal in document.goals
    ]


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

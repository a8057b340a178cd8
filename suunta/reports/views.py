"""Downloads of the board's papers. Glue only: find the plan the user may see (404 otherwise),
check a permission, build the document model from the read model, hand it to a renderer."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from suunta.goals import permissions, queries
from suunta.goals.models import Checkpoint, GoalPlan
from suunta.organisations.models import Organisation

from . import actions
from . import docx as word
from .document import (
    AGENDA_KINDS,
    DOCUMENT_LANGUAGES,
    agenda_item,
    document_language,
    follow_up_report,
    goal_document,
)
from .forms import LogoForm
from .logo import drawable
from .models import OrganisationLogo
from .pdf import DocumentToolMissing, render_pdf

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
}


def requested_language(request: HttpRequest) -> tuple[str, str]:
    requested = request.GET.get("lang")
    if requested is None:
        current = (get_language() or "fi")[:2]
        requested = current if current in DOCUMENT_LANGUAGES else "fi"
    return document_language(requested)


def _logo(organisation: Organisation) -> OrganisationLogo | None:
    return OrganisationLogo.objects.filter(organisation=organisation).first()


def _document_logo(organisation: Organisation) -> OrganisationLogo | None:
    """The logo to draw on a document: none if it is over the limits (stored before them)."""
    logo = _logo(organisation)
    if logo is not None and not drawable(logo.content_type, bytes(logo.data)):
        return None
    return logo


def _file(data: bytes | str, fmt: str, filename: str, lang: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Content-Language"] = lang
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _pdf(template: str, context: dict[str, Any], lang: str) -> bytes:
    try:
        return render_pdf(template, context, lang)
    except DocumentToolMissing as error:
        raise Http404(
            _("PDF documents need the Pango library on the server (see docs/operations.md).")
        ) from error


def goal_document_response(summary: Any, fmt: str, request: HttpRequest) -> HttpResponse:
    lang, note = requested_language(request)
    doc = goal_document(summary, lang, note)
    logo = _document_logo(summary.plan.organisation)
    if fmt == "pdf":
        data = _pdf(
            "reports/goal_document.pdf.html",
            {"doc": doc, "logo": logo.data_uri if logo else ""},
            lang,
        )
    else:
        data = word.goal_document_docx(doc, (bytes(logo.data), logo.content_type) if logo else None)
    return _file(data, fmt, doc.filename, lang)


@login_required
def plan_documents(request: HttpRequest, plan_id: Any) -> HttpResponse:
    """The plan's papers: the goal document, the follow-up reports and the agenda drafts."""
    plan = queries.plan_for(request.user, plan_id)
    return render(
        request,
        "reports/documents.html",
        {
            "plan": plan,
            "checkpoints": list(plan.checkpoints.all()),
            "languages": [(code, name) for code, name in _language_names()],
            "agenda_kinds": _agenda_kinds(),
            "can_prepare": permissions.can_prepare_agenda(request.user, plan),
            "public": plan.status in permissions.PUBLIC_STATES,
        },
    )


def _language_names() -> list[tuple[str, str]]:
    return [("fi", _("in Finnish")), ("sv", _("in Swedish")), ("en", _("in English"))]


def _agenda_kinds() -> list[tuple[str, str]]:
    return [
        ("approval", _("Approving the goals")),
        ("follow_up", _("Follow-up report")),
        ("evaluation", _("Year-end evaluation")),
    ]


@login_required
def plan_document(request: HttpRequest, plan_id: Any, fmt: str) -> HttpResponse:
    """The goal document as the board gets it: the joint assessments, not the working papers."""
    plan = queries.plan_for(request.user, plan_id)
    summary = queries.plan_summary(plan, follow_up_kinds={"joint"})
    return goal_document_response(summary, fmt, request)


def _checkpoint(plan: GoalPlan, checkpoint_id: Any) -> Checkpoint:
    return get_object_or_404(Checkpoint, pk=checkpoint_id, plan=plan)


@login_required
def plan_follow_up_report(request: HttpRequest, plan_id: Any, checkpoint_id: Any) -> HttpResponse:
    """Per goal the joint follow-up and rating of one checkpoint and what changed since the
    previous one, for the political steering group and the board."""
    plan = queries.plan_for(request.user, plan_id)
    checkpoint = _checkpoint(plan, checkpoint_id)
    summary = queries.plan_summary(plan, follow_up_kinds={"joint"})
    lang = (get_language() or "fi")[:2]
    report = follow_up_report(summary, checkpoint, lang)
    return render(
        request,
        "reports/follow_up_report.html",
        {"plan": plan, "checkpoint": checkpoint, "report": report, "doc": report.document},
    )


@login_required
def plan_follow_up_report_file(
    request: HttpRequest, plan_id: Any, checkpoint_id: Any, fmt: str
) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    checkpoint = _checkpoint(plan, checkpoint_id)
    summary = queries.plan_summary(plan, follow_up_kinds={"joint"})
    lang, note = requested_language(request)
    report = follow_up_report(summary, checkpoint, lang, note)
    logo = _document_logo(plan.organisation)
    filename = f"{report.document.filename}-{checkpoint.order or 1}"
    if fmt == "pdf":
        data = _pdf(
            "reports/follow_up_report.pdf.html",
            {"report": report, "doc": report.document, "logo": logo.data_uri if logo else ""},
            lang,
        )
    else:
        data = word.follow_up_report_docx(
            report, (bytes(logo.data), logo.content_type) if logo else None
        )
    return _file(data, fmt, filename, lang)


def _agenda(request: HttpRequest, plan_id: Any, kind: str) -> tuple[GoalPlan, Any, str]:
    plan = queries.plan_for(request.user, plan_id)
    if kind not in AGENDA_KINDS:
        raise Http404
    if not permissions.can_prepare_agenda(request.user, plan):
        raise PermissionDenied(_("The agenda drafts are prepared by the coordinators."))
    summary = queries.plan_summary(plan, follow_up_kinds={"joint"})
    checkpoint = None
    if kind == "follow_up":
        if not summary.checkpoints:
            raise Http404(_("The plan has no checkpoints."))
        wanted = request.GET.get("checkpoint")
        checkpoint = next(
            (c for c in summary.checkpoints if str(c.pk) == wanted), summary.checkpoints[0]
        )
    lang, note = requested_language(request)
    item = agenda_item(summary, kind, lang, checkpoint=checkpoint, note=note)
    return plan, item, checkpoint


@login_required
def plan_agenda_item(request: HttpRequest, plan_id: Any, kind: str) -> HttpResponse:
    """The agenda item draft as text to copy, with its DOCX."""
    plan, item, checkpoint = _agenda(request, plan_id, kind)
    return render(
        request,
        "reports/agenda_item.html",
        {
            "plan": plan,
            "item": item,
            "kind": kind,
            "checkpoint": checkpoint,
            "checkpoints": list(plan.checkpoints.all()) if kind == "follow_up" else [],
            "languages": _language_names(),
        },
    )


@login_required
def plan_agenda_item_file(request: HttpRequest, plan_id: Any, kind: str, fmt: str) -> HttpResponse:
    item = _agenda(request, plan_id, kind)[1]
    if fmt == "txt":
        return _file(item.as_text(), fmt, item.filename, item.lang)
    return _file(word.agenda_item_docx(item), fmt, item.filename, item.lang)


# --- The organisation's logo ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def organisation_logo(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not permissions.can_change_logo(request.user, organisation):
        raise PermissionDenied(_("The organisation's admins change its logo."))
    logo = _logo(organisation)
    form = LogoForm()
    status = 200
    if request.method == "POST":
        if "remove" in request.POST:
            actions.remove_logo(organisation, actor=request.user)
            messages.success(request, _("The logo was removed."))
            return redirect("organisation_logo", slug=slug)
        form = LogoForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                actions.set_logo(organisation, form.cleaned_data["file"], actor=request.user)
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("The logo was saved."))
                return redirect("organisation_logo", slug=slug)
        status = 422
    return render(
        request,
        "reports/logo.html",
        {"organisation": organisation, "logo": logo, "form": form},
        status=status,
    )


def organisation_logo_image(request: HttpRequest, slug: str) -> HttpResponse:
    """The logo itself: public, like the documents it appears on (and, like them, without a
    logo stored before the limits that would be slow to draw: every visitor's browser would
    draw it)."""
    logo = get_object_or_404(OrganisationLogo, organisation__slug=slug)
    if not drawable(logo.content_type, bytes(logo.data)):
        raise Http404
    response = HttpResponse(bytes(logo.data), content_type=logo.content_type)
    response["Cache-Control"] = "public, max-age=3600"
    response["ETag"] = f'"{logo.digest}"'
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own runs nothing: no script, no outside resource.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response

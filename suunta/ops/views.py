"""The operations pages: an organisation's export for its admin, the benchmark's yardstick."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from suunta.organisations.models import Organisation

from . import actions


@require_GET
def bench_minimal(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do here (routed only with SUUNTA_BENCH=1): what the
    benchmark compares the pages' throughput with."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@login_required
@require_GET
def organisation_export(request: HttpRequest, slug: str) -> HttpResponse:
    """Everything of the organisation as JSON, for its admin (the backup's format)."""
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    data = actions.export_organisation(organisation, actor=request.user)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="suunta-{organisation.slug}.json"'
    response["Cache-Control"] = "private, no-store"
    return response

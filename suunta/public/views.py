"""The public transparency pages, downloads and calendar: no sign-in, the same body for
everyone (no personal header), so they carry `Cache-Control: public`, an ETag and a
Last-Modified date, and a conditional GET is answered with 304 after one query."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import condition, require_safe

from suunta.goals.models import GoalPlan
from suunta.goals.presentation import goal_table
from suunta.goals.queries import public_summary
from suunta.reports.models import OrganisationLogo
from suunta.reports.views import goal_document_response, requested_language

from . import downloads, ics, queries

CACHE_CONTROL = "public, max-age=300"


def _state(request: HttpRequest, slug: str | None = None) -> tuple[str, Any]:
    cached = getattr(request, "_suunta_public_state", None)
    if cached is None:
        if slug is None:
            cached = queries.index_freshness()
        else:
            cached = queries.freshness(slug) or ("", None)
        request._suunta_public_state = cached  # type: ignore[attr-defined]
    return cached


def _etag(request: HttpRequest, slug: str | None = None, **kwargs: Any) -> str | None:
    tag = _state(request, slug)[0]
    # One tag per language and representation: the same content renders differently. And one
    # per day: who holds a post (and whose positions of trust are shown) follows the date, so
    # a term that ended yesterday must not be served from yesterday's body.
    day = timezone.localdate().isoformat()
    return f"{tag}-{day}-{get_language()}-{request.resolver_match.url_name}" if tag else None


def _last_modified(request: HttpRequest, slug: str | None = None, **kwargs: Any) -> Any:
    latest = _state(request, slug)[1]
    if latest is None:
        return None
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )
    return max(latest, midnight)


BODY_SECONDS = 3600
# Headers a cached body is served with again.
_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-Content-Type-Options")


def _cached_by_etag(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The body of a public page, kept in the cache under its ETag (which changes whenever
    the organisation's public content does, and names the language and the page): the same
    page for everyone is rendered once per change, not once per request."""

    def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        tag = _etag(request, *args, **kwargs)
        key = f"suunta:public:{tag}:{request.get_host()}{request.path}" if tag else None
        kept = cache.get(key) if key else None
        if kept is not None:
            response = HttpResponse(kept["body"])
            for name, value in kept["headers"].items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if key and response.status_code == 200 and not response.streaming:
            headers = {n: response[n] for n in _KEPT_HEADERS if response.has_header(n)}
            cache.set(key, {"body": response.content, "headers": headers}, BODY_SECONDS)
        return response

    return cached


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD only, conditional (ETag, Last-Modified, 304), cacheable by anyone for
    five minutes; the body is kept in the server's cache under its ETag."""
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(
        _cached_by_etag(view)
    )

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = conditional(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response["Cache-Control"] = CACHE_CONTROL
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    wrapped.__module__ = view.__module__
    return require_safe(wrapped)


@public_page
def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "public/index.html", {"organisations": queries.organisations()})


@public_page
def public_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    org = queries.organisation(slug)
    return render(request, "public/organisation.html", queries.organisation_page(org))


@public_page
def public_plan(request: HttpRequest, slug: str, plan_id: Any) -> HttpResponse:
    org = queries.organisation(slug)
    plan = queries.public_plan(org, plan_id)
    try:
        summary = public_summary(plan)
    except plan.DoesNotExist as exc:  # pragma: no cover - public_plan already filtered
        raise Http404 from exc
    return render(
        request,
        "public/plan.html",
        {
            "organisation": org,
            "plan": plan,
            "summary": summary,
            "table": goal_table(summary, (get_language() or "fi")[:2]),
            "decision_rows": queries.decision_rows(summary),
        },
    )


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public_page
def public_csv(request: HttpRequest, slug: str) -> HttpResponse:
    org = queries.organisation(slug)
    return _attachment(
        downloads.goals_csv(org), "text/csv; charset=utf-8", f"{org.slug}-{get_language()}.csv"
    )


@public_page
def public_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    org = queries.organisation(slug)
    return _attachment(
        downloads.goals_xlsx(org),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{org.slug}-{get_language()}.xlsx",
    )


@public_page
def public_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    org = queries.organisation(slug)
    stamp = _state(request, slug)[1]
    base = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(ics.public_feed(org, base, stamp), content_type="text/calendar")
    response["Content-Type"] = "text/calendar; charset=utf-8"
    return response


# --- The register of interests (Local Government Act 84 §) ---------------------------------
# Not behind `public_page`'s ETag: whether a person is shown depends on today's date (a term
# that ended yesterday), which the freshness stamp does not see: fetched fresh every time.


def _register_response(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def public_interests(request: HttpRequest, slug: str) -> HttpResponse:
    from suunta.register import queries as register

    org = queries.organisation(slug)
    return _register_response(
        render(
            request,
            "public/interests.html",
            {"organisation": org, "entries": register.public_register(org)},
        )
    )


@require_safe
def public_interests_person(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    from suunta.register import queries as register

    org = queries.organisation(slug)
    entries = register.public_register(org, person_id=person_id)
    if not entries:
        raise Http404
    return _register_response(
        render(request, "public/interests_person.html", {"organisation": org, "entry": entries[0]})
    )


@require_safe
def public_interests_csv(request: HttpRequest, slug: str) -> HttpResponse:
    org = queries.organisation(slug)
    return _register_response(
        _attachment(
            downloads.interests_csv(org),
            "text/csv; charset=utf-8",
            f"{org.slug}-interests-{get_language()}.csv",
        )
    )


# --- The public goal document (PDF, DOCX) ----------------------------------------------------


def _public_document_etag(request: HttpRequest, slug: str, plan_id: Any, fmt: str) -> str | None:
    """The public content's state, the logo, the language and the day printed on it: a
    conditional request for an unchanged document is answered without rendering it again."""
    state = queries.freshness(slug)
    if state is None:
        return None
    logo = (
        OrganisationLogo.objects.filter(organisation__slug=slug)
        .values_list("digest", flat=True)
        .first()
    )
    lang = requested_language(request)[0]
    day = timezone.localdate().isoformat()
    return f"{state[0]}-{plan_id}-{fmt}-{lang}-{(logo or '')[:12]}-{day}"


@require_safe
@condition(etag_func=_public_document_etag)
def public_plan_document(request: HttpRequest, slug: str, plan_id: Any, fmt: str) -> HttpResponse:
    """The public version, without sign-in: only what residents may read."""
    plan = get_object_or_404(
        GoalPlan.objects.public().select_related("organisation", "post", "executive"),
        pk=plan_id,
        organisation__slug=slug,
    )
    response = goal_document_response(public_summary(plan), fmt, request)
    response["Cache-Control"] = "public, max-age=300"
    return response

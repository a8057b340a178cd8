"""The calendar page (create, regenerate and revoke the private feed) and the feed itself."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from suunta.schedule import permissions as schedule_permissions

from . import actions, ics
from .models import CalendarFeed


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    """GET shows whether a feed exists; POST `action=create` makes a new secret address (shown
    once, replacing any earlier one), `action=revoke` removes it."""
    if not schedule_permissions.can_have_calendar_feed(request.user):
        raise Http404
    user: Any = request.user
    token = None
    status = 200
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            token = actions.issue_calendar_feed(actor=user)
        elif action == "revoke":
            actions.revoke_calendar_feed(actor=user)
            return redirect("calendar_page")
        else:
            error = _("Choose whether to create or revoke the calendar address.")
            status = 422
    feed_url = ""
    if token:
        feed_url = request.build_absolute_uri(reverse("calendar_feed", args=[token]))
    return render(
        request,
        "schedule/calendar.html",
        {
            "feed": CalendarFeed.objects.filter(user=user).first(),
            "feed_url": feed_url,
            "error": error,
        },
        status=status,
    )


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the secret token is the credential. An unknown or revoked token is a 404."""
    user = CalendarFeed.user_for(token)
    if user is None or not schedule_permissions.can_have_calendar_feed(user):
        raise Http404
    base = request.build_absolute_uri("/").rstrip("/")
    with translation.override(user.language or "fi"):
        body = ics.feed_for(user, base)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response

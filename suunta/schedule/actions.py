"""Creating and revoking a user's private calendar feed, each with its audit event (the feed's
address is a credential: who made or removed one is on record; the secret itself never is)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from suunta.audit.record import record

from . import permissions
from .models import CalendarFeed


def issue_calendar_feed(*, actor: Any) -> str:
    """A new secret feed address of `actor`, replacing any earlier one; returns the token."""
    if not permissions.can_have_calendar_feed(actor):
        raise PermissionDenied
    with transaction.atomic():
        replaced = CalendarFeed.objects.filter(user=actor).exists()
        token = CalendarFeed.issue(actor)
        feed = CalendarFeed.objects.get(user=actor)
        record("calendar_feed.create", feed, actor=actor, after={"replaced": replaced})
    return token


def revoke_calendar_feed(*, actor: Any) -> bool:
    """Remove `actor`'s feed; False when there was none."""
    with transaction.atomic():
        feed = CalendarFeed.objects.filter(user=actor).first()
        if feed is None:
            return False
        record("calendar_feed.revoke", feed, actor=actor)
        feed.delete()
    return True

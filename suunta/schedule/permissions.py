"""Who may have a private calendar feed."""

from __future__ import annotations

from typing import Any

from suunta.organisations.permissions import is_signed_in


def can_have_calendar_feed(user: Any) -> bool:
    """A private calendar feed is for a signed-in, active user; what it carries is filtered by
    `plans_visible_q` like every list."""
    return is_signed_in(user)

"""Issuing and revoking a user's own API tokens: each change in one transaction with its audit
event (the token's secret is never stored or logged, only its prefix)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from suunta.audit.record import record

from .models import ApiToken


def issue_token(*, actor: Any, name: str) -> tuple[ApiToken, str]:
    """A new token of `actor` named `name`; returns it and its secret (shown once)."""
    with transaction.atomic():
        token, secret = ApiToken.issue(actor, name)
        record(
            "api_token.create",
            token,
            actor=actor,
            after={"name": token.name, "prefix": token.prefix},
        )
    return token, secret


def revoke_token(token: ApiToken, *, actor: Any) -> bool:
    """Revoke `actor`'s own token; False when it was revoked already (nothing changes)."""
    if token.user_id != actor.pk:
        raise PermissionDenied
    with transaction.atomic():
        revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if revoked:
            record("api_token.revoke", token, actor=actor, before={"name": token.name})
    return bool(revoked)

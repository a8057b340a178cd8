"""Personal API tokens. Only a SHA-256 digest of each token is stored: the token itself is
shown once, when it is created. A token acts as its user, with the user's roles."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "suunta_"
# The beginning of the demo accounts' derivable tokens (`demo_token`).
DEMO_PREFIX = PREFIX + "demo_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning"), max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    @classmethod
    def issue(cls, user, name: str, *, token: str | None = None) -> tuple[ApiToken, str]:
        """A new token for `user`; returns the record and the token, which is never stored."""
        explicit = token is not None
        while token is None or (token.startswith(DEMO_PREFIX) and not explicit):
            # Never a new token that looks like a demo account's (refused outside demo mode).
            token = PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(user=user, name=name, prefix=token[:14], digest=digest(token))
        return record, token

    @classmethod
    def authenticate(cls, token: str):
        """The token's user, or None for an unknown, revoked or expired token, or one whose
        account may not act (inactive; a demo account, or a derivable demo token, outside demo
        mode: `security.account_usable`)."""
        from suunta.accounts.security import account_usable

        if not token.startswith(PREFIX) or len(token) > 200:
            return None
        if token.startswith(DEMO_PREFIX) and not settings.DEMO_MODE:
            return None
        record = cls.objects.usable().select_related("user").filter(digest=digest(token)).first()
        if record is None or not account_usable(record.user):
            return None
        now = timezone.now()
        if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=record.pk).update(last_used_at=now)
        return record.user


def demo_token(username: str) -> str:
    """The demo accounts' tokens are derived from their names, so that `make run` prints the
    same ones every time (demo mode only; the demo passwords are public too)."""
    mac = hmac.new(b"suunta-demo-api-token", username.encode("utf-8"), hashlib.sha256)
    return f"{DEMO_PREFIX}{mac.hexdigest()[:32]}"

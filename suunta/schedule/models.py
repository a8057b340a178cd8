"""Schedule and reminders: private calendar feeds, reminder settings and sent reminders."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A user's private ICS feed. Only the hash of the secret token is stored; the token itself
    is shown once, when it is created."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user}"

    @classmethod
    def issue(cls, user) -> str:
        """Create or replace the user's feed; returns the new secret token (shown once)."""
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"token_hash": hash_token(token)})
        return token

    @classmethod
    def user_for(cls, token: str):
        """The feed's user, or None for an unknown token or an account that may not act
        (inactive; a demo account outside demo mode): the same rule as every other way in,
        `security.account_usable`."""
        from suunta.accounts.security import account_usable

        feed = cls.objects.select_related("user").filter(token_hash=hash_token(token)).first()
        if feed is None or not account_usable(feed.user):
            return None
        return feed.user


def parse_days(value: str) -> list[int]:
    """ "14,3,0" -> [14, 3, 0]; raises ValueError on anything else."""
    days = sorted({int(part) for part in value.split(",") if part.strip()}, reverse=True)
    if not days or any(day < 0 for day in days):
        raise ValueError(value)
    return days


class ReminderSettings(models.Model):
    """How many days before a deadline an organisation's people are reminded (0 = on the day;
    an overdue item not yet reminded gets the day-0 reminder)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="reminder_settings",
        verbose_name=_("organisation"),
    )
    days = models.CharField(
        _("reminder days before the deadline"),
        max_length=60,
        default="14,3,0",
        help_text=_("Comma-separated numbers of days, e.g. 14,3,0."),
    )

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self):
        return f"{self.organisation}: {self.days}"


def reminder_days(organisation_id) -> list[int]:
    """The organisation's days, else the global setting (also when the row is unreadable)."""
    default = getattr(settings, "SUUNTA_REMINDER_DAYS", "14,3,0")
    row = ReminderSettings.objects.filter(organisation_id=organisation_id).first()
    if row is not None:
        try:
            return parse_days(row.days)
        except ValueError:
            pass
    return parse_days(default)


class SentReminder(models.Model):
    """One reminder sent to one user about one due item at one stage (days before)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    item_key = models.CharField(_("item"), max_length=200)
    day = models.IntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "item_key", "day"], name="sentreminder_once_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.user} {self.item_key} {self.day}"

"""E-mail reminders of due items, meant to run daily from cron (`manage.py send_reminders`).

For each active user with a role and each dated item due from them (see `due.py`), the reminder
stage is the smallest configured number of days (per organisation, `ReminderSettings`, else
`SUUNTA_REMINDER_DAYS`) not below the days left; an overdue item gets the smallest stage. A
`SentReminder` row (user, item, stage) is inserted in the same transaction as the message is
sent: if sending fails the row is rolled back, and a second run finds the row and sends nothing.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from suunta.accounts.models import Role, User
from suunta.goals.models import FollowUpEntry
from suunta.organisations.models import Person

from .due import DueItem, due_for
from .models import SentReminder, reminder_days

logger = logging.getLogger("suunta.schedule")

EMAIL_LANGUAGES = ("fi", "sv")


@dataclass
class Outcome:
    sent: list[tuple[str, str, int]] = field(default_factory=list)  # (email, key, stage)
    already: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    no_email: list[tuple[str, str]] = field(default_factory=list)  # (username, key)


def stage_for(days_left: int, days: list[int]) -> int | None:
    """The reminder stage for an item `days_left` days before its deadline, or None."""
    stages = [day for day in days if days_left <= day]
    return min(stages) if stages else None


def language_for(user: Any, item: DueItem) -> str:
    if user.language in EMAIL_LANGUAGES:
        return str(user.language)
    return str(item.organisation.primary_language or "fi")


def _message(user: Any, item: DueItem, today: datetime.date, lang: str) -> EmailMessage:
    with translation.override(lang):
        context = {
            "user": user,
            "item": item,
            "label": item.label,
            "assessment": FollowUpEntry.Kind(item.follow_up_kind).label
            if item.follow_up_kind
            else "",
            "checkpoint": item.checkpoint.text("label") if item.checkpoint else "",
            "plan": item.plan_label,
            "organisation": item.organisation.text("name"),
            "deadline": item.deadline,
            "days_left": item.days_left(today),
            "overdue": item.is_overdue(today),
            "link": settings.SUUNTA_SITE_URL.rstrip("/") + f"/{lang}" + _strip_lang(item.url),
        }
        subject = render_to_string(f"schedule/email/reminder_subject_{lang}.txt", context)
        body = render_to_string(f"schedule/email/reminder_{lang}.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[user.email])


def _strip_lang(path: str) -> str:
    """Paths are reversed under the active language's prefix; the link uses the recipient's."""
    parts = path.split("/", 2)
    if len(parts) == 3 and parts[1] in dict(settings.LANGUAGES):
        return "/" + parts[2]
    return path


def recipients():
    """Users with a role, and declarants of the register of interests linked to a person."""
    ids = set(Role.objects.active().values_list("user_id", flat=True))
    ids |= set(Person.objects.exclude(user=None).values_list("user_id", flat=True))
    return User.objects.filter(is_active=True, pk__in=ids).order_by("username")


def send_reminders(today: datetime.date, *, dry_run: bool = False) -> Outcome:
    outcome = Outcome()
    days_cache: dict[Any, list[int]] = {}
    for user in recipients():
        for item in due_for(user, today):
            if item.kind == "meeting":
                continue
            days_left = item.days_left(today)
            if days_left is None:
                continue
            org_id = item.organisation.pk
            if org_id not in days_cache:
                days_cache[org_id] = reminder_days(org_id)
            stage = stage_for(days_left, days_cache[org_id])
            if stage is None:
                continue
            if SentReminder.objects.filter(user=user, item_key=item.key, day=stage).exists():
                outcome.already += 1
                continue
            if not user.email:
                outcome.no_email.append((user.username, item.key))
                continue
            if dry_run:
                outcome.sent.append((user.email, item.key, stage))
                continue
            try:
                with transaction.atomic():
                    SentReminder.objects.create(user=user, item_key=item.key, day=stage)
                    _message(user, item, today, language_for(user, item)).send()
            except IntegrityError:
                outcome.already += 1  # another run got there first
                continue
            except Exception as error:
                logger.warning("reminder to %s about %s failed: %s", user.email, item.key, error)
                outcome.failed.append((user.email, item.key, str(error)))
                continue
            outcome.sent.append((user.email, item.key, stage))
    logger.info(
        "send_reminders %s: %d sent, %d already sent, %d without e-mail, %d failed%s",
        today.isoformat(),
        len(outcome.sent),
        outcome.already,
        len(outcome.no_email),
        len(outcome.failed),
        " (dry run)" if dry_run else "",
    )
    return outcome

"""The installation's accessibility statement and privacy notice: the text staff wrote, or the
default text; and the feedback the statement's form mails to the installation's address."""

from __future__ import annotations

import datetime
import logging
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from suunta.audit.record import snapshot
from suunta.core.actions import audited

from .models import InstallationText

log = logging.getLogger(__name__)
LANGUAGES = ("fi", "sv", "en")
# When the default texts were written: the statement says when it was prepared (306/2019). An
# installation that edits its text states its own date in it.
DEFAULTS_WRITTEN = datetime.date(2026, 12, 7)


def _values() -> dict[str, str]:
    return {
        "site_url": settings.SUUNTA_SITE_URL,
        "operator": settings.SUUNTA_OPERATOR_NAME,
        "feedback_email": settings.SUUNTA_FEEDBACK_EMAIL,
        "prepared": date_format(DEFAULTS_WRITTEN, "SHORT_DATE_FORMAT"),
    }


def written(text: str) -> SafeString:
    """Text staff wrote, as HTML: paragraphs between empty lines, "## " a heading, "- " a list
    item, a line break kept; everything escaped."""
    parts = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## ") and len(lines) == 1:
            parts.append(f"<h2>{escape(lines[0][3:].strip())}</h2>")
        elif all(line.lstrip().startswith(("- ", "• ")) for line in lines):
            items = "".join(f"<li>{escape(line.lstrip()[2:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("\n".join(parts))  # noqa: S308 - every piece is escaped above


def body(kind: str, lang: str) -> tuple[SafeString, bool]:
    """The text to show in `lang`, and whether it is the installation's own (not the default)."""
    lang = lang if lang in LANGUAGES else "fi"
    saved = InstallationText.objects.filter(kind=kind).first()
    if saved is not None and saved.body(lang).strip():
        return written(saved.body(lang)), True
    return mark_safe(render_to_string(f"public/texts/{kind}_{lang}.html", _values())), False  # noqa: S308


def save_text(kind: str, *, data: dict[str, str], actor: Any) -> InstallationText:
    """Staff write the installation's own text per language; an empty language shows the
    default text again."""
    if not (getattr(actor, "is_staff", False) or getattr(actor, "is_superuser", False)):
        raise PermissionDenied(_("Only the installation's staff edit this text."))
    if kind not in InstallationText.Kind.values:
        raise ValidationError(_("No such text."))
    with transaction.atomic():
        text, _created = InstallationText.objects.select_for_update().get_or_create(kind=kind)
        before = snapshot(text)
        for lang in LANGUAGES:
            setattr(text, f"body_{lang}", (data.get(f"body_{lang}") or "").strip())
        text.updated_by = actor
        text.full_clean()
        text.save()
        audited("installation_text.update", text, actor, before=before, after=snapshot(text))
    return text


def send_feedback(*, message: str, email: str, page: str) -> None:
    """The accessibility feedback, mailed to the installation's feedback address (the sender's
    address as Reply-To, so that the answer goes to them)."""
    to = settings.SUUNTA_FEEDBACK_EMAIL
    if not to:
        raise PermissionDenied(_("This installation has no feedback address."))
    subject = _("Feedback on accessibility: Suunta")
    text = _(
        "Feedback on the accessibility of Suunta (%(site)s)\n\nPage: %(page)s\nReply to: "
        "%(email)s\n\n%(message)s\n"
    ) % {
        "site": settings.SUUNTA_SITE_URL,
        "page": page or "–",
        "email": email or "–",
        "message": message,
    }
    EmailMessage(subject, text, to=[to], reply_to=[email] if email else None).send()

"""What setting up an organisation keeps of its own: the invitations to its users and the signed
director contracts attached to the contract's record."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from suunta.accounts.models import Role
from suunta.core.models import Entity


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(Entity):
    """An e-mail invitation to an organisation with one role. Only the digest of the link's
    token is kept; the link works once, until `expires_at`."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("role"), max_length=30, choices=Role.Kind.choices)
    role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} – {self.get_kind_display()}"

    @property
    def open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class ContractDocument(Entity):
    """The signed director contract as a file (usually the scanned, signed PDF), kept with the
    contract's record. A director contract is a public document; the file is shown to those
    who read the organisation and on the contract's page."""

    contract = models.ForeignKey(
        "goals.DirectorContract",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("director contract"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField(_("file"))
    size = models.PositiveIntegerField(_("size in bytes"))
    digest = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["contract", "-created_at"]
        verbose_name = _("signed contract")
        verbose_name_plural = _("signed contracts")

    def __str__(self):
        return self.file_name

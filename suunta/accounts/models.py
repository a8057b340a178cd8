"""User accounts and their roles per organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.goals.models.base import TermQuerySet, ends_after_start


class User(AbstractUser):
    language = models.CharField(
        _("language"),
        max_length=2,
        default="fi",
        choices=[("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Role(models.Model):
    """What a user may do in one organisation, and for how long.

    One user may hold different roles in different organisations. What each kind allows is
    decided in suunta/goals/permissions.py and nowhere else.
    """

    class Kind(models.TextChoices):
        ADMIN = "admin", _("organisation admin")
        COORDINATOR = "coordinator", _("coordinator")
        DISCUSSION_PARTNER = "discussion_partner", _("discussion partner")
        EXECUTIVE = "executive", _("executive")
        BOARD_MEMBER = "board_member", _("board member")
        AUDIT_COMMITTEE = "audit_committee", _("audit committee member")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        "goals.Organisation",
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("role"), max_length=30, choices=Kind.choices)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "kind"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "kind", "starts_on"], name="role_unique"
            ),
            ends_after_start("role"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()} – {self.organisation}"

"""User accounts and their roles per organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.core.models import TermQuerySet, ends_after_start


class User(AbstractUser):
    language = models.CharField(
        _("language"),
        max_length=2,
        default="fi",
        choices=[("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
    )
    # A demo account (suunta/demo/seed.py, well-known password and derivable API token): it
    # signs in and its tokens work only in demo mode (security.account_usable).
    is_demo = models.BooleanField(_("demo account"), default=False, editable=False)

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
        "organisations.Organisation",
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


# --- Sign-in security: second factor, recovery codes, attempts ------------------------------


class TotpDevice(models.Model):
    """A user's authenticator app (TOTP, RFC 6238). Confirmed once the user has entered a
    valid code; `last_step` refuses a code that was already used (replay)."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="totp", verbose_name=_("user")
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self):
        return f"TOTP {self.user}"


class RecoveryCode(models.Model):
    """A one-time code for when the phone is lost; only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="recovery_codes", verbose_name=_("user")
    )
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self):
        return f"{self.user} {'used' if self.used_at else 'unused'}"


class SignInAttempt(models.Model):
    """Every sign-in try, for rate limiting per user name and per address (in the database, so
    that it holds across processes)."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    step = models.CharField(max_length=10, default="password")  # password | code
    success = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")

    def __str__(self):
        return f"{self.username} {self.at:%Y-%m-%d %H:%M} {'ok' if self.success else 'failed'}"

"""The register of interests (sidonnaisuusrekisteri, Local Government Act 84 §).

A person who must declare (the executive, the mayor and deputy mayors, the board, the chairs
and vice chairs of the council and committees, presenting officials, a land-use committee) has
one `InterestDeclaration` per organisation with its `Interest` rows. Every saved declaration is
kept as a frozen `DeclarationVersion`; the audit committee's `DeclarationReview` rows are never
updated (a database trigger refuses it). Who must declare follows from the people's seats and
the organisation's `DeclarationRule` rows (the defaults of 84 § when it has none); how long a
person who left stays in the internal register is `RegisterSettings.retention_months`.
See docs/decisions/0010-register-of-interests.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from suunta.core.models import (
    Editable,
    Entity,
    Translatable,
    ends_after_start,
    one_language_required,
)
from suunta.core.validators import business_id_is_valid, validate_business_id  # noqa: F401
from suunta.organisations.models import Body, Membership, Organisation, Person


class InterestDeclaration(Editable):
    """One person's declaration in one organisation; `no_interests` is an explicit 'none'."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        REVIEWED = "reviewed", pgettext_lazy("declaration of interests", "reviewed")
        CORRECTION_REQUESTED = "correction_requested", _("correction requested")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="interest_declarations",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="interest_declarations",
        verbose_name=_("person"),
    )
    declared_on = models.DateField(_("declared on"), null=True, blank=True)
    no_interests = models.BooleanField(_("no interests to declare"), default=False)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED
    )
    changed_on = models.DateField(_("last changed on"), null=True, blank=True)
    received_on = models.DateField(
        _("received on paper on"),
        null=True,
        blank=True,
        help_text=_("When the coordinator enters a declaration that was handed in on paper."),
    )
    version_no = models.PositiveIntegerField(_("version"), default=0)
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    left_register_on = models.DateField(_("left the public register on"), null=True, blank=True)

    class Meta:
        db_table = "goals_interestdeclaration"  # the table it had in goals
        verbose_name = _("declaration of interests")
        verbose_name_plural = _("declarations of interests")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="interestdeclaration_one_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.organisation})"


class Interest(Translatable, Entity):
    class Group(models.TextChoices):
        BUSINESS = "business", _("Management and board positions in business entities")
        ASSETS = "assets", _("Significant assets")
        TIES = "ties", _("Other relevant ties")
        OTHER = "other", _("Other interests")

    class Category(models.TextChoices):
        BUSINESS_POSITION = (
            "business_position",
            _("management or board position in a company or other business entity"),
        )
        HOLDING = "holding", _("business holding")
        REAL_ESTATE = "real_estate", _("real estate in the municipality")
        ASSET = "asset", _("significant asset")
        ASSOCIATION = "association", _("position in an association")
        FOUNDATION = "foundation", _("position in a foundation")
        DEBT = "debt", _("debt or guarantee")
        OTHER_TIE = "other_tie", _("other relevant tie")
        OTHER = "other", _("other")

    GROUP_OF = {
        "business_position": Group.BUSINESS,
        "holding": Group.ASSETS,
        "real_estate": Group.ASSETS,
        "asset": Group.ASSETS,
        "association": Group.TIES,
        "foundation": Group.TIES,
        "debt": Group.TIES,
        "other_tie": Group.TIES,
        "other": Group.OTHER,
    }

    declaration = models.ForeignKey(
        InterestDeclaration,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("declaration"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    entity_name = models.CharField(_("organisation or company"), max_length=200, blank=True)
    business_id = models.CharField(
        _("business ID"), max_length=9, blank=True, validators=[validate_business_id]
    )
    role_fi = models.CharField(_("role in Finnish"), max_length=200, blank=True)
    role_sv = models.CharField(_("role in Swedish"), max_length=200, blank=True)
    description_fi = models.TextField(_("as declared, in Finnish"), blank=True, max_length=2000)
    description_sv = models.TextField(_("as declared, in Swedish"), blank=True, max_length=2000)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        db_table = "goals_interest"  # the table it had in goals
        ordering = ["declaration", "order"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            one_language_required("interest", "description"),
            ends_after_start("interest", start="since", end="until"),
        ]

    def __str__(self):
        return self.text("description")

    @property
    def group(self) -> str:
        return str(self.GROUP_OF.get(self.category, self.Group.OTHER))

    def get_group_display(self) -> str:
        return str(self.Group(self.group).label)


class DeclarationVersion(Entity):
    """A saved declaration as it was: a frozen snapshot (the database refuses an update)."""

    declaration = models.ForeignKey(
        InterestDeclaration,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("declaration"),
    )
    version_no = models.PositiveIntegerField(_("version"))
    saved_on = models.DateField(_("saved on"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    snapshot = models.JSONField(_("content"))

    class Meta:
        db_table = "goals_declarationversion"  # the table it had in goals
        ordering = ["declaration", "-version_no"]
        verbose_name = _("declaration version")
        verbose_name_plural = _("declaration versions")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "version_no"], name="declarationversion_unique"
            )
        ]


class DeclarationReview(Entity):
    """The audit committee's review of one version; never updated (a trigger refuses it)."""

    class Outcome(models.TextChoices):
        REVIEWED = "reviewed", pgettext_lazy("declaration of interests", "reviewed")
        CORRECTION_REQUESTED = "correction_requested", _("correction or completion requested")

    declaration = models.ForeignKey(
        InterestDeclaration,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("declaration"),
    )
    version_no = models.PositiveIntegerField(_("version"))
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    message = models.TextField(_("message to the declarant"), blank=True, max_length=4000)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewed_on = models.DateField(_("reviewed on"))

    class Meta:
        db_table = "goals_declarationreview"  # the table it had in goals
        ordering = ["declaration", "-created_at"]
        verbose_name = _("review of a declaration")
        verbose_name_plural = _("reviews of declarations")


class DeclarationRule(Entity):
    """Who must declare in the organisation: the executive, or a role in a kind of body
    (`role` empty: every seat of such a body except the secretary's)."""

    class Target(models.TextChoices):
        EXECUTIVE = "executive", _("the executive")
        SEAT = "seat", _("a seat in a body")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="declaration_rules",
        verbose_name=_("organisation"),
    )
    target = models.CharField(_("applies to"), max_length=20, choices=Target.choices)
    body_kind = models.CharField(
        _("kind of body"), max_length=20, choices=Body.Kind.choices, blank=True
    )
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices, blank=True)

    class Meta:
        db_table = "goals_declarationrule"  # the table it had in goals
        ordering = ["organisation", "target", "body_kind", "role"]
        verbose_name = _("declaration rule")
        verbose_name_plural = _("declaration rules")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "target", "body_kind", "role"],
                name="declarationrule_unique",
            )
        ]

    @property
    def key(self) -> str:
        return f"{self.target}:{self.body_kind}:{self.role}"


class RegisterSettings(Entity):
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="register_settings",
        verbose_name=_("organisation"),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention after the term ends (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )

    class Meta:
        db_table = "goals_registersettings"  # the table it had in goals
        verbose_name = _("register settings")
        verbose_name_plural = _("register settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_months__gte=1, retention_months__lte=120),
                name="registersettings_retention_1_to_120",
            )
        ]

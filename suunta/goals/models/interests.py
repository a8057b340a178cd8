"""Declarations of interests (Local Government Act 84 §).

For now this holds the executive's positions of trust as the organisation publishes them; the
full register (deadlines, audit committee review, publication rules) grows on these two models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Entity, Translatable, ends_after_start, one_language_required
from .organisations import Organisation, Person


class InterestDeclaration(Entity):
    """One person's declaration in one organisation; `no_interests` is an explicit 'none'."""

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

    class Meta:
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
    class Category(models.TextChoices):
        BUSINESS_POSITION = (
            "business_position",
            _("management or board position in a company or other business entity"),
        )
        ASSET = "asset", _("significant asset")
        OTHER_TIE = "other_tie", _("other relevant tie")
        OTHER = "other", _("other")

    declaration = models.ForeignKey(
        InterestDeclaration,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("declaration"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    entity_name = models.CharField(_("organisation or company"), max_length=200, blank=True)
    business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    role_fi = models.CharField(_("role in Finnish"), max_length=200, blank=True)
    role_sv = models.CharField(_("role in Swedish"), max_length=200, blank=True)
    description_fi = models.TextField(_("as declared, in Finnish"), blank=True)
    description_sv = models.TextField(_("as declared, in Swedish"), blank=True)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["declaration", "order"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            one_language_required("interest", "description"),
            ends_after_start("interest", start="since", end="until"),
        ]

    def __str__(self):
        return self.text("description")

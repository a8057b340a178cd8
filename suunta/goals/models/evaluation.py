"""Rating scales: how a municipality rates the achievement of a goal at a checkpoint.

Practice varies (domain.md): text only; an ordinal scale (1–5 with labels); a traffic light;
per cent achieved; thresholds (minimum / 50 % / 100 %). Each organisation defines its scales;
a goal plan names the one it uses. Every level says how much of the goal it counts as achieved
(`achievement`, 0–100 %), which is what the achievement score and the reward rules use.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Entity, Translatable, one_language_required
from suunta.organisations.models import Organisation

from ..frozen import SCALE_FROZEN_COLUMNS


class RatingScale(Translatable, Entity):
    class Kind(models.TextChoices):
        NONE = "none", _("no rating (text only)")
        ORDINAL = "ordinal", _("ordinal scale")
        TRAFFIC_LIGHT = "traffic_light", _("traffic light")
        PERCENT = "percent", _("per cent achieved")
        THRESHOLDS = "thresholds", _("thresholds")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="rating_scales",
        verbose_name=_("organisation"),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["organisation", "name_fi"]
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")
        constraints = [one_language_required("ratingscale", "name")]

    def __str__(self):
        return self.text("name")

    def save(self, *args, **kwargs):
        """A scale that a plan version past the draft state uses keeps what its content hash
        covers (frozen.SCALE_FROZEN_COLUMNS; the database trigger holds the same list)."""
        if self.pk and not self._state.adding:
            from .plans import GoalPlan, frozen_refusal

            saved = RatingScale.objects.filter(pk=self.pk).values(*SCALE_FROZEN_COLUMNS).first()
            if saved and any(saved[f] != getattr(self, f) for f in SCALE_FROZEN_COLUMNS):
                in_use = GoalPlan.objects.filter(scale_id=self.pk).exclude(status="draft")
                if in_use.exists():
                    raise frozen_refusal()
        super().save(*args, **kwargs)

    @property
    def has_levels(self) -> bool:
        return self.kind in (self.Kind.ORDINAL, self.Kind.TRAFFIC_LIGHT, self.Kind.THRESHOLDS)

    def level_for(self, rating: Decimal | None):
        if rating is None or not self.has_levels:
            return None
        return next((lvl for lvl in self.levels.all() if lvl.value == rating), None)

    def achievement_of(self, rating: Decimal | None) -> Decimal | None:
        """How much of the goal (0–100 %) a rating counts as achieved."""
        if rating is None or self.kind == self.Kind.NONE:
            return None
        if self.kind == self.Kind.PERCENT:
            return Decimal(rating)
        level = self.level_for(rating)
        return None if level is None else level.achievement

    def describe(self, rating: Decimal | None) -> str:
        if rating is None:
            return ""
        if self.kind == self.Kind.PERCENT:
            return f"{number_format(rating, decimal_pos=0)} %"
        level = self.level_for(rating)
        return level.text("label") if level else number_format(rating)

    def validate_rating(self, rating: Decimal | None) -> None:
        """A clear message when the rating is not on this scale."""
        if rating is None:
            return
        if self.kind == self.Kind.NONE:
            raise ValidationError(
                {"rating": gettext("This plan is followed up in text only, without a rating.")}
            )
        if self.kind == self.Kind.PERCENT:
            if not Decimal(0) <= Decimal(rating) <= Decimal(100):
                raise ValidationError(
                    {"rating": gettext("A per cent achieved is between 0 and 100.")}
                )
            return
        allowed = [lvl.value for lvl in self.levels.all()]
        if Decimal(rating) not in allowed:
            raise ValidationError(
                {
                    "rating": gettext("Choose a rating on the scale: %(levels)s.")
                    % {"levels": ", ".join(lvl.text("label") for lvl in self.levels.all())}
                }
            )


class ScaleLevel(Translatable, Entity):
    class Colour(models.TextChoices):
        NONE = "", _("no colour")
        GREEN = "green", _("green")
        YELLOW = "yellow", _("yellow")
        RED = "red", _("red")

    scale = models.ForeignKey(
        RatingScale, on_delete=models.CASCADE, related_name="levels", verbose_name=_("scale")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.DecimalField(_("value"), max_digits=6, decimal_places=2)
    label_fi = models.CharField(_("label in Finnish"), max_length=100, blank=True)
    label_sv = models.CharField(_("label in Swedish"), max_length=100, blank=True)
    achievement = models.DecimalField(
        _("counts as achieved (%)"),
        max_digits=5,
        decimal_places=2,
        help_text=_("How much of the goal this level counts as achieved, 0–100 %."),
    )
    colour = models.CharField(
        _("colour"), max_length=10, choices=Colour.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["scale", "order", "value"]
        verbose_name = _("scale level")
        verbose_name_plural = _("scale levels")
        constraints = [
            one_language_required("scalelevel", "label"),
            models.UniqueConstraint(fields=["scale", "value"], name="scalelevel_unique_value"),
            models.CheckConstraint(
                condition=Q(achievement__gte=0) & Q(achievement__lte=100),
                name="scalelevel_achievement_percent",
                violation_error_message=_("A level counts as 0–100 % achieved."),
            ),
        ]

    def __str__(self):
        return self.text("label")

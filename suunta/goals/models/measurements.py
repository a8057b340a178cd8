"""Measured values of numeric indicators: the actual figures over time, against the indicator's
baseline and target. They are facts reported during the follow-up, not plan content, so they
are written after the plan is approved; each row keeps who entered it and from where."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Editable

from .plans import Indicator


class IndicatorValue(Editable):
    class Source(models.TextChoices):
        MANUAL = "manual", _("entered by hand")
        IMPORT = "import", _("imported from a file")

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        ordering = ["indicator", "measured_on"]
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="indicatorvalue_one_per_day"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.measured_on}: {self.value}"

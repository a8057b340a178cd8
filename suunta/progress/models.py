"""What the coverage view remembers: suggested links a coordinator has rejected."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Entity
from suunta.organisations.models import FocusArea, Organisation


class CoverageRejection(Entity):
    """A suggested link between a goal and a focus area that was rejected. Keyed by the plan's
    version series and the goal's lineage key (both kept by an amendment), so that it holds for
    every later version of the plan."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="coverage_rejections",
        verbose_name=_("organisation"),
    )
    series = models.UUIDField(_("version series"), db_index=True)
    goal_key = models.UUIDField(_("goal"))
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        related_name="coverage_rejections",
        verbose_name=_("focus area"),
    )
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rejected by"),
    )

    class Meta:
        verbose_name = _("rejected link suggestion")
        verbose_name_plural = _("rejected link suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "goal_key", "focus_area"], name="coverage_rejection_once"
            )
        ]

    def __str__(self):
        return f"{self.series}/{self.goal_key} × {self.focus_area_id}"

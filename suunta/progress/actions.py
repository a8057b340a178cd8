"""Changes made in the coverage view that are not plan content: rejecting a suggested link.
(Accepting one adds the link to the goal: suunta.goals.actions.link_focus_area.)"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import record
from suunta.goals import permissions
from suunta.goals.models import Goal, GoalPlan
from suunta.organisations.models import FocusArea

from .models import CoverageRejection


def reject_suggestion(
    plan: GoalPlan, goal: Goal, focus_area: FocusArea, *, actor: Any
) -> CoverageRejection:
    """Remember that the goal does not serve the focus area, for this plan and its later
    versions, so that the pair is no longer suggested. Rejecting twice changes nothing."""
    if not permissions.can_review_coverage(actor, plan):
        raise PermissionDenied(_("You may not review the links of this goal plan."))
    if goal.plan_id != plan.pk:
        raise ValidationError({"goal": _("This goal is not in this goal plan.")})
    if focus_area.post_id != plan.post_id:
        raise ValidationError(
            {"focus_area": _("This focus area is not one of this post's focus areas.")}
        )
    with transaction.atomic():
        rejection, created = CoverageRejection.objects.get_or_create(
            series=plan.series,
            goal_key=goal.key,
            focus_area=focus_area,
            defaults={"organisation_id": plan.organisation_id, "rejected_by": actor},
        )
        if created:
            record(
                "coverage.reject",
                rejection,
                actor=actor,
                organisation=plan.organisation,
                plan_id=plan.pk,
                after={
                    "goal": str(goal.pk),
                    "goal_key": str(goal.key),
                    "focus_area": str(focus_area.pk),
                },
            )
    return rejection

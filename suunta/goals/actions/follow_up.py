"""Follow-up entries: the joint assessment, the executive's self-assessment and a discussion
partner's own assessment of a goal at a checkpoint, while the plan is in force."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import snapshot
from suunta.core.actions import StaleVersion, WrongState, cas_update
from suunta.organisations import permissions as organisation_permissions
from suunta.organisations.models import Person

from .. import permissions
from ..models import Checkpoint, FollowUpEntry, Goal, GoalPlan
from .common import _audit

# --- Follow-up entries ------------------------------------------------------------------------


# Those who write a follow-up of one kind or another while the plan is in force.
FOLLOW_UP_WRITERS = organisation_permissions.DRAFTERS | {organisation_permissions.K.EXECUTIVE}


def follow_up_refusal(
    actor: Any, plan: GoalPlan, kind: str | None = None
) -> WrongState | PermissionDenied | None:
    """Why the actor may not write the plan's follow-up (of `kind`; without it, of any kind the
    follow-up page offers them), or None if they may. Outside the plan's time in force it is the
    state (409) for one who would write it then, else it is forbidden (403): for the page, one
    with a role that writes follow-ups (a drafter or the executive); for one kind, anyone with
    a role in the organisation."""
    if kind is None:
        allowed = bool(permissions.follow_up_kinds_for(actor, plan))
        roles = organisation_permissions.roles_in(actor, plan.organisation_id) & FOLLOW_UP_WRITERS
    else:
        allowed = permissions.can_write_follow_up(actor, plan, kind)
        roles = organisation_permissions.roles_in(actor, plan.organisation_id)
    if allowed:
        return None
    if plan.status not in permissions.IN_FORCE and roles:
        return WrongState(
            _("Follow-ups are written while the plan is in force; this plan is %(status)s.")
            % {"status": plan.get_status_display()}
        )
    return PermissionDenied(_("You may not write this follow-up."))


def _require_follow_up(actor: Any, plan: GoalPlan, kind: str) -> None:
    plan.status = GoalPlan.objects.values_list("status", flat=True).get(pk=plan.pk)
    if error := follow_up_refusal(actor, plan, kind):
        raise error


def _check_rating(plan: GoalPlan, rating: Any) -> None:
    scale = plan.scale
    if scale is None:
        if rating is not None:
            raise ValidationError(
                {"rating": _("This plan is followed up in text only, without a rating.")}
            )
        return
    scale.validate_rating(rating)


def _person_of(actor: Any, plan: GoalPlan) -> Person | None:
    return Person.objects.filter(user=actor, organisation=plan.organisation_id).first()


def _require_author(actor: Any, entry: FollowUpEntry) -> None:
    """A partner's assessment is their own: only its author changes it."""
    if entry.kind == FollowUpEntry.Kind.PARTNER:
        person = _person_of(actor, entry.goal.plan)
        if person is None or person.pk != entry.author_id:
            raise PermissionDenied(_("Only its author may change a partner's assessment."))


def add_follow_up(
    goal: Goal, checkpoint: Checkpoint, *, data: dict[str, Any], actor: Any
) -> FollowUpEntry:
    """A follow-up of one goal at one checkpoint: the joint assessment, the executive's
    self-assessment or a discussion partner's own assessment, with a rating on the plan's
    scale."""
    data = dict(data)
    kind = data.pop("kind", None) or FollowUpEntry.Kind.JOINT
    with transaction.atomic():
        plan = goal.plan
        _require_follow_up(actor, plan, kind)
        if checkpoint.plan_id != goal.plan_id:
            raise ValidationError({"checkpoint": _("Choose a checkpoint of this plan.")})
        author = _person_of(actor, plan)
        if kind == FollowUpEntry.Kind.PARTNER and author is None:
            raise ValidationError(
                _(
                    "Your account is not linked to a person of this organisation, so your own "
                    "assessment cannot be recorded. Ask the coordinator to link it."
                )
            )
        if kind == FollowUpEntry.Kind.SELF:
            author = plan.executive or author
        _check_rating(plan, data.get("rating"))
        entry = FollowUpEntry(goal=goal, checkpoint=checkpoint, author=author, kind=kind, **data)
        entry.full_clean()
        entry.save()
        _audit("follow_up.add", entry, actor, after=snapshot(entry))
    return entry


def update_follow_up(
    entry: FollowUpEntry, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> FollowUpEntry:
    data = {k: v for k, v in data.items() if k in ("text_fi", "text_sv", "rating")}
    with transaction.atomic():
        plan = entry.goal.plan
        _require_follow_up(actor, plan, entry.kind)
        _require_author(actor, entry)
        if "rating" in data:
            _check_rating(plan, data["rating"])
        before = snapshot(FollowUpEntry.objects.filter(pk=entry.pk).first())
        for field, value in data.items():
            setattr(entry, field, value)
        entry.full_clean()
        cas_update(entry, entry.pk, expected_lock, **data)
        _audit("follow_up.update", entry, actor, before=before, after=snapshot(entry))
    return entry


def delete_follow_up(entry: FollowUpEntry, *, expected_lock: int, actor: Any) -> None:
    with transaction.atomic():
        _require_follow_up(actor, entry.goal.plan, entry.kind)
        _require_author(actor, entry)
        current = FollowUpEntry.objects.filter(pk=entry.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _audit("follow_up.delete", entry, actor, before=snapshot(current))
        current.delete()

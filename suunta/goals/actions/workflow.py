"""The plan's way through its states: propose, return, the bodies' decisions from the minutes,
the amendment, the follow-up and the close. Which move is allowed from which state is the
table in `suunta/goals/workflow.py`."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from suunta.audit.record import snapshot
from suunta.core.actions import StaleVersion, WrongState, cas_update
from suunta.organisations.models import Body, Person

from .. import permissions, queries, workflow
from ..models import Decision, GoalPlan
from ..scoring import check_weights
from .common import _audit, _status_names, authorise
from .editing import carried_over
from .next_period import _copy_content, _new_plan

# --- The workflow -------------------------------------------------------------------------------


def _set_state(plan: GoalPlan, status: str, **fields: Any) -> None:
    """Move the plan's state with a compare-and-swap on lock_version (the row is locked)."""
    cas_update(plan, plan.pk, plan.lock_version, status=status, **fields)
    plan.status = status
    for name, value in fields.items():
        setattr(plan, name, value)


def _fresh(plan: GoalPlan) -> GoalPlan:
    """The plan as saved now, locked for the rest of the transaction."""
    return (
        GoalPlan.objects.select_for_update(of=("self",))
        .select_related("organisation", "post", "executive")
        .get(pk=plan.pk)
    )


def _seal(plan: GoalPlan) -> str:
    return queries.content_hash(queries.plan_content(queries.plan_summary(plan)))


def propose_plan(plan: GoalPlan, *, actor: Any, to_body: Body | None = None) -> GoalPlan:
    """Draft → proposed (to the political steering group or the chair). The content is frozen
    and sealed with its hash; a returned proposal becomes a draft again."""
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "propose", plan, lock=False)
        if not plan.goals.exists():
            raise WrongState(_("A plan with no goals cannot be proposed."))
        pending = carried_over(plan)
        count = sum(len(items) for items in pending.values())
        if count and plan.previous_id is None:  # a first plan started from a template
            raise WrongState(
                ngettext(
                    "%(count)d text from the template has not been reviewed: confirm it or "
                    "rewrite it before proposing the plan.",
                    "%(count)d texts from the template have not been reviewed: confirm or "
                    "rewrite each before proposing the plan.",
                    count,
                )
                % {"count": count}
            )
        if count:
            raise WrongState(
                ngettext(
                    "%(count)d text copied from the previous period has not been reviewed: "
                    "confirm it or rewrite it before proposing the plan.",
                    "%(count)d texts copied from the previous period have not been reviewed: "
                    "confirm or rewrite each before proposing the plan.",
                    count,
                )
                % {"count": count}
            )
        if to_body is not None and to_body.organisation_id != plan.organisation_id:
            raise ValidationError({"proposed_to": _("Choose a body of this organisation.")})
        check_weights(queries.plan_summary(plan))
        before = snapshot(plan)
        _set_state(plan, GoalPlan.Status.PROPOSED, content_hash=_seal(plan), proposed_to=to_body)
        _audit("plan.propose", plan, actor, before=before, after=snapshot(plan))
    return plan


def return_plan(plan: GoalPlan, *, actor: Any, reason: str) -> GoalPlan:
    """Proposed → draft: the chair or the steering group asks for changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what should be changed.")})
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "return", plan, lock=False)
        before = snapshot(plan)
        _set_state(plan, GoalPlan.Status.DRAFT)
        _audit(
            "plan.return",
            plan,
            actor,
            before=before,
            after={**(snapshot(plan) or {}), "reason": reason},
        )
    return plan


# Which decision moves a plan from which state to which (the table in goals/workflow.py).
DECISION_MOVES: dict[str, dict[str, str | None]] = workflow.decision_moves()
# Decisions on the executive's own matters: the chair presents them (the executive is
# disqualified), by default the chair of the deciding body on the meeting day.
OWN_MATTERS = {kind for kind, d in workflow.DECISIONS.items() if d.own_matter}
# Only the board or the council makes these.
BOARD_DECISIONS = {kind for kind, d in workflow.DECISIONS.items() if d.board}
# Recorded only on an amendment (a version that replaces another).
AMENDMENT_ONLY = {kind for kind, d in workflow.DECISIONS.items() if d.amendment_only}
# Decisions the executive is a party to (their own goals, evaluation or pay): present only as
# disqualified. A review by the steering group, which goes the goals through with them, is not.
PARTY_DECISIONS = {kind for kind, d in workflow.DECISIONS.items() if d.party}
# Approved with changes made at the meeting: the version that writes them in is started too.
STARTS_AMENDMENT = {kind for kind, d in workflow.DECISIONS.items() if d.starts_amendment}


def _check_minutes(plan: GoalPlan, data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    org = plan.organisation_id
    body = data.get("body")
    if body is not None and body.organisation_id != org:
        errors.setdefault("body", []).append(_("Choose a body of this organisation."))
    if (
        data["kind"] in BOARD_DECISIONS
        and body is not None
        and body.kind
        not in (
            Body.Kind.BOARD,
            Body.Kind.COUNCIL,
        )
    ):
        errors.setdefault("body", []).append(
            _("Only the board or the council approves, amends or evaluates the goals.")
        )
    people: dict[str, list[Any]] = {
        "presenter": [data["presenter"]] if data.get("presenter") else []
    }
    people["attendees"] = list(data.get("attendees") or [])
    people["disqualified"] = list(data.get("disqualified") or [])
    for name, persons in people.items():
        if any(p.organisation_id != org for p in persons):
            errors.setdefault(name, []).append(_("Choose people of this organisation."))
    executive = plan.executive_id
    if executive and data.get("presenter") and data["presenter"].pk == executive:
        errors.setdefault("presenter", []).append(
            _("The executive is disqualified in their own matter and cannot present it.")
        )
    if (
        executive
        and data["kind"] in PARTY_DECISIONS
        and any(p.pk == executive for p in people["attendees"])
        and not any(p.pk == executive for p in people["disqualified"])
    ):
        errors.setdefault("disqualified", []).append(
            _("The executive is a party to the matter: mark them disqualified (left the room).")
        )
    checkpoint = data.get("checkpoint")
    if checkpoint is not None and checkpoint.plan_id != plan.pk:
        errors.setdefault("checkpoint", []).append(_("Choose a checkpoint of this plan."))
    if checkpoint is not None and plan.status not in permissions.IN_FORCE:
        errors.setdefault("checkpoint", []).append(
            _("A follow-up is reported once the goals are in force.")
        )
    if checkpoint is not None and data["kind"] != Decision.Kind.REVIEW:
        errors.setdefault("checkpoint", []).append(
            _("A checkpoint is named only when a follow-up is reported.")
        )
    if data["kind"] == Decision.Kind.REWARD and data.get("amount") is None:
        errors.setdefault("amount", []).append(_("Give the amount the board decided."))
    if data["kind"] != Decision.Kind.REWARD and data.get("amount") is not None:
        errors.setdefault("amount", []).append(_("Only a reward decision has an amount."))
    if errors:
        raise ValidationError(errors)


def _chair_of(body: Body | None, day: datetime.date) -> Person | None:
    return queries.chair_of(body, day)


def record_decision(
    plan: GoalPlan, *, data: dict[str, Any], actor: Any, expected_lock: int | None = None
) -> Decision:
    """A body's handling of the plan from the minutes: body, meeting date, section (§), who was
    present, who presented, who was disqualified. Approving, taking note, amending and
    evaluating move the plan's state; approving an amendment replaces the version it amends."""
    data = dict(data)
    kind = data.get("kind")
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "decide", plan, lock=False)
        if expected_lock is not None and expected_lock != plan.lock_version:
            # The plan was returned, changed or proposed again after the minutes were opened:
            # the decision would approve content its recorder never saw.
            raise StaleVersion(plan)
        moves = DECISION_MOVES.get(kind or "", {})
        if plan.status not in moves or (kind in AMENDMENT_ONLY and not plan.supersedes_id):
            raise WrongState(_decision_state_message(kind, plan))
        amended = plan.supersedes
        if (
            amended is not None
            and kind
            in (
                Decision.Kind.APPROVE,
                Decision.Kind.APPROVE_AMENDED,
                Decision.Kind.TAKE_NOTE,
                Decision.Kind.AMEND,
            )
            and amended.status not in permissions.AMENDABLE
        ):
            raise WrongState(
                _(
                    "The version this amends is %(status)s: an amendment can no longer replace "
                    "it. Start the next period's plan instead."
                )
                % {"status": amended.get_status_display()}
            )
        if kind in OWN_MATTERS and plan.has_open_amendment:
            raise WrongState(
                _(
                    "An amendment of this plan is being prepared: decide on it (or remove it) "
                    "before the evaluation or the reward."
                )
            )
        if kind in OWN_MATTERS and not data.get("presenter"):
            data["presenter"] = _chair_of(data.get("body"), data["meeting_date"])
        _check_minutes(plan, data)
        attendees = data.pop("attendees", None) or []
        disqualified = data.pop("disqualified", None) or []
        decision = Decision(organisation=plan.organisation, plan=plan, recorded_by=actor, **data)
        decision.full_clean()
        decision.save()
        decision.attendees.set(attendees)
        decision.disqualified.set(disqualified)
        before = snapshot(plan)
        target = moves[plan.status]
        if target is not None:
            fields = {}
            if plan.status == GoalPlan.Status.DRAFT:
                fields["content_hash"] = _seal(plan)
            _set_state(plan, target, **fields)
            if target in ("approved", "noted") and plan.supersedes is not None:
                old = _fresh(plan.supersedes)
                old_before = snapshot(old)
                _set_state(old, GoalPlan.Status.SUPERSEDED)
                _audit("plan.supersede", old, actor, before=old_before, after=snapshot(old))
        if kind in STARTS_AMENDMENT:
            decision.amendment = start_amendment(plan, actor=actor)  # type: ignore[attr-defined]
        _audit(
            f"decision.{kind}",
            decision,
            actor,
            after={
                **(snapshot(decision) or {}),
                "attendees": [str(p.pk) for p in attendees],
                "disqualified": [str(p.pk) for p in disqualified],
                "plan_before": before["status"] if before else None,
                "plan_after": plan.status,
            },
        )
    return decision


def _decision_state_message(kind: Any, plan: GoalPlan) -> str:
    labels = dict(Decision.Kind.choices)
    if kind == Decision.Kind.AMEND:
        return str(
            _(
                "An amendment is recorded on the amended version: start an amendment, edit it "
                "to match the board's decision, then record the decision on it."
            )
        )
    states = DECISION_MOVES.get(kind or "", {})
    return _(
        "“%(decision)s” can be recorded only when the plan is: %(states)s. This plan is %(status)s."
    ) % {
        "decision": labels.get(kind, kind),
        "states": _status_names(states),
        "status": plan.get_status_display(),
    }


def start_amendment(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    """A new draft version of a proposed or approved plan, with the same content (follow-ups
    included). When a body decides on it, it replaces this version; this version never changes."""
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "amend", plan, lock=False)
        if plan.has_open_amendment:
            raise WrongState(_("An amendment of this plan is already being prepared."))
        last = GoalPlan.objects.filter(series=plan.series).aggregate(n=models.Max("version_no"))
        new = _new_plan(
            plan,
            years=0,
            executive=plan.executive,
            previous=plan.previous,
            period_kind=plan.period_kind,
            period_start=plan.period_start,
            period_end=plan.period_end,
            series=plan.series,
            version_no=(last["n"] or plan.version_no) + 1,
            supersedes=plan,
        )
        _copy_content(plan, new, years=0, follow_ups=True)
        _audit("plan.amend", new, actor, before={"supersedes": str(plan.pk)}, after=snapshot(new))
    return new


def start_follow_up(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "start_follow_up", plan, lock=False)
        before = snapshot(plan)
        _set_state(plan, GoalPlan.Status.IN_FOLLOW_UP)
        _audit("plan.start_follow_up", plan, actor, before=before, after=snapshot(plan))
    return plan


def close_plan(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    with transaction.atomic():
        plan = _fresh(plan)
        authorise(actor, "close", plan, lock=False)
        before = snapshot(plan)
        _set_state(plan, GoalPlan.Status.CLOSED)
        _audit("plan.close", plan, actor, before=before, after=snapshot(plan))
    return plan

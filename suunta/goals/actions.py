"""Every change of state is one function here.

Each action checks permission and state, validates, saves, and writes its audit event in the
same transaction. Editable records carry `lock_version`: a save based on a stale version raises
`StaleVersion` and changes nothing.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from suunta.audit.record import record, snapshot
from suunta.core.models import Editable
from suunta.organisations.models import Body, ExecutivePost, FocusArea, Person

from . import permissions, queries
from .models import (
    Checkpoint,
    Decision,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
    IndicatorValue,
    RewardRule,
)
from .scoring import check_weights, goal_weight_errors, indicator_weight_errors

E = TypeVar("E", bound=Editable)


class ActionError(Exception):
    """An action refused: the message is for the user, in their language."""


class WrongState(ActionError):
    pass


class StaleVersion(ActionError):
    """Someone saved the record after the user opened it; `current` is the saved record."""

    def __init__(self, current: models.Model | None):
        self.current = current
        super().__init__(
            _("Someone else saved this meanwhile. Your changes were not saved.")
            if current is not None
            else _("This item was removed meanwhile. Your changes were not saved.")
        )


def not_draft(plan: GoalPlan) -> WrongState | None:
    """The refusal for a plan that is no longer a draft, or None for a draft."""
    if plan.is_draft:
        return None
    return WrongState(
        _("Only a draft can be edited; this plan is %(status)s.")
        % {"status": plan.get_status_display()}
    )


def _status_names(states) -> str:
    labels = dict(GoalPlan.Status.choices)
    return ", ".join(str(labels[s]) for s in GoalPlan.Status.values if s in states)


# Lazy: the message is put in the language of the request that is refused.
FORBIDDEN = {
    "edit": gettext_lazy("You may not edit this goal plan."),
    "propose": gettext_lazy("You may not propose this goal plan."),
    "return": gettext_lazy("You may not return this proposal."),
    "decide": gettext_lazy("You may not record decisions on this goal plan."),
    "amend": gettext_lazy("You may not start an amendment of this goal plan."),
    "start_follow_up": gettext_lazy("You may not start the follow-up of this goal plan."),
    "close": gettext_lazy("You may not close this goal plan."),
    "start_next": gettext_lazy("You may not prepare goal plans in this organisation."),
}


def authorise(actor: Any, verb: str, plan: GoalPlan, *, lock: bool = True) -> GoalPlan:
    """Inside the action's transaction: re-read the plan's state (locked against a concurrent
    change) and refuse with PermissionDenied (403) or WrongState (409, naming the states that
    allow it)."""
    if lock:
        plan.status = (
            GoalPlan.objects.select_for_update().values_list("status", flat=True).get(pk=plan.pk)
        )
    reason = permissions.refusal(actor, verb, plan)
    if reason == "forbidden":
        raise PermissionDenied(str(FORBIDDEN[verb]))
    if reason == "state":
        if verb == "edit":
            raise not_draft(plan) or WrongState()
        raise WrongState(
            _("This is allowed only when the plan is: %(states)s. This plan is %(status)s.")
            % {
                "states": _status_names(permissions.allowed_states(verb)),
                "status": plan.get_status_display(),
            }
        )
    return plan


def _require_editable(actor: Any, plan: GoalPlan) -> None:
    authorise(actor, "edit", plan)


def _plan_of(obj: models.Model) -> GoalPlan:
    if isinstance(obj, GoalPlan):
        return obj
    if isinstance(obj, (Goal, Checkpoint)):
        return obj.plan
    if isinstance(obj, (Indicator, FollowUpEntry)):
        return obj.goal.plan
    if isinstance(obj, Decision) and obj.plan is not None:
        return obj.plan
    raise TypeError(obj)


def _audit(action: str, obj: models.Model, actor: Any, *, before=None, after=None) -> None:
    plan = _plan_of(obj)
    record(
        action,
        obj,
        actor=actor,
        organisation=plan.organisation,
        plan_id=plan.pk,
        before=before,
        after=after,
    )


def _save_changes(
    obj: E, data: dict[str, Any], *, expected_lock: int, actor: Any, action: str
) -> E:
    """Compare-and-swap on lock_version: the update only lands on the version the user saw."""
    model = type(obj)
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        # The saved state, not `obj`: a bound ModelForm has already written its data on obj.
        before = snapshot(model._default_manager.filter(pk=obj.pk).first())
        m2m = {k: data.pop(k) for k in list(data) if k in {"focus_areas"}}
        for field, value in data.items():
            setattr(obj, field, value)
        obj.full_clean()
        now = timezone.now()
        changed = model._default_manager.filter(pk=obj.pk, lock_version=expected_lock).update(
            **data, lock_version=F("lock_version") + 1, updated_at=now
        )
        if not changed:
            raise StaleVersion(model._default_manager.filter(pk=obj.pk).first())
        obj.lock_version = expected_lock + 1
        obj.updated_at = now
        for field, value in m2m.items():
            getattr(obj, field).set(value)
        _audit(action, obj, actor, before=before, after=snapshot(obj))
    return obj


def _delete(obj: Editable, *, expected_lock: int, actor: Any, action: str) -> None:
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        before = snapshot(obj)
        current = type(obj)._default_manager.filter(pk=obj.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _audit(action, obj, actor, before=before)
        current.delete()


def _move(obj: Editable, siblings: models.QuerySet, *, step: int, actor: Any, action: str) -> None:
    """Move one place up (step=-1) or down (step=1) and renumber the siblings 1…n."""
    plan = _plan_of(obj)
    with transaction.atomic():
        _require_editable(actor, plan)
        items = list(siblings.select_for_update().order_by("order", "created_at"))
        index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
        target = index + step
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        for position, item in enumerate(items, start=1):
            if item.order != position:
                type(item)._default_manager.filter(pk=item.pk).update(order=position)
        _audit(action, obj, actor, before={"order": index + 1}, after={"order": target + 1})


def _create(
    model: type[E],
    data: dict[str, Any],
    *,
    actor: Any,
    plan: GoalPlan,
    action: str,
    siblings: models.QuerySet,
    parent: dict[str, Any],
) -> E:
    with transaction.atomic():
        _require_editable(actor, plan)
        m2m = {k: data.pop(k) for k in list(data) if k in {"focus_areas"}}
        order = (siblings.aggregate(m=models.Max("order"))["m"] or 0) + 1
        obj = model(**parent, **data, order=order)
        obj.full_clean()
        obj.save()
        for field, value in m2m.items():
            getattr(obj, field).set(value)
        _audit(action, obj, actor, after=snapshot(obj))
    return obj


# --- The plan's own texts -----------------------------------------------------------------


def update_plan(
    plan: GoalPlan, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> GoalPlan:
    return _save_changes(plan, data, expected_lock=expected_lock, actor=actor, action="plan.update")


# --- Goals --------------------------------------------------------------------------------


def add_goal(plan: GoalPlan, *, data: dict[str, Any], actor: Any) -> Goal:
    return _create(
        Goal,
        data,
        actor=actor,
        plan=plan,
        action="goal.add",
        siblings=plan.goals.all(),
        parent={"plan": plan},
    )


def update_goal(goal: Goal, *, data: dict[str, Any], expected_lock: int, actor: Any) -> Goal:
    return _save_changes(goal, data, expected_lock=expected_lock, actor=actor, action="goal.update")


def delete_goal(goal: Goal, *, expected_lock: int, actor: Any) -> None:
    _delete(goal, expected_lock=expected_lock, actor=actor, action="goal.delete")


def move_goal(goal: Goal, *, step: int, actor: Any) -> None:
    _move(goal, goal.plan.goals.all(), step=step, actor=actor, action="goal.move")


def link_focus_area(goal: Goal, focus_area: FocusArea, *, actor: Any) -> Goal:
    """The goal serves one more of the post's focus areas (a suggestion of the coverage view
    accepted). Only in a draft: the links of a frozen version are refused by a trigger too.
    The goal's lock_version moves on, so that a goal form opened before cannot undo the link."""
    plan = goal.plan
    with transaction.atomic():
        _require_editable(actor, plan)
        if focus_area.post_id != plan.post_id:
            raise ValidationError(
                {"focus_area": _("This focus area is not one of this post's focus areas.")}
            )
        before = sorted(str(pk) for pk in goal.focus_areas.values_list("pk", flat=True))
        if str(focus_area.pk) in before:
            return goal
        goal.focus_areas.add(focus_area)
        now = timezone.now()
        Goal.objects.filter(pk=goal.pk).update(lock_version=F("lock_version") + 1, updated_at=now)
        goal.lock_version += 1
        goal.updated_at = now
        _audit(
            "goal.link_focus_area",
            goal,
            actor,
            before={"focus_areas": before},
            after={"focus_areas": sorted([*before, str(focus_area.pk)])},
        )
    return goal


# --- Indicators ---------------------------------------------------------------------------


def add_indicator(goal: Goal, *, data: dict[str, Any], actor: Any) -> Indicator:
    return _create(
        Indicator,
        data,
        actor=actor,
        plan=goal.plan,
        action="indicator.add",
        siblings=goal.indicators.all(),
        parent={"goal": goal},
    )


def update_indicator(
    indicator: Indicator, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> Indicator:
    return _save_changes(
        indicator, data, expected_lock=expected_lock, actor=actor, action="indicator.update"
    )


def delete_indicator(indicator: Indicator, *, expected_lock: int, actor: Any) -> None:
    _delete(indicator, expected_lock=expected_lock, actor=actor, action="indicator.delete")


def move_indicator(indicator: Indicator, *, step: int, actor: Any) -> None:
    _move(
        indicator, indicator.goal.indicators.all(), step=step, actor=actor, action="indicator.move"
    )


# --- Checkpoints --------------------------------------------------------------------------


def add_checkpoint(plan: GoalPlan, *, data: dict[str, Any], actor: Any) -> Checkpoint:
    return _create(
        Checkpoint,
        data,
        actor=actor,
        plan=plan,
        action="checkpoint.add",
        siblings=plan.checkpoints.all(),
        parent={"plan": plan},
    )


def update_checkpoint(
    checkpoint: Checkpoint, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> Checkpoint:
    return _save_changes(
        checkpoint, data, expected_lock=expected_lock, actor=actor, action="checkpoint.update"
    )


def delete_checkpoint(checkpoint: Checkpoint, *, expected_lock: int, actor: Any) -> None:
    _delete(checkpoint, expected_lock=expected_lock, actor=actor, action="checkpoint.delete")


def move_checkpoint(checkpoint: Checkpoint, *, step: int, actor: Any) -> None:
    _move(
        checkpoint,
        checkpoint.plan.checkpoints.all(),
        step=step,
        actor=actor,
        action="checkpoint.move",
    )


# --- Next period --------------------------------------------------------------------------

_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_label(text: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


_GOAL_FIELDS = ["key", "kind", "order", "weight"] + [
    f"{name}_{lang}"
    for name in ("area", "title", "description", "criteria")
    for lang in ("fi", "sv")
]
_INDICATOR_FIELDS = [
    "key",
    "order",
    "text_fi",
    "text_sv",
    "unit",
    "baseline",
    "target",
    "direction",
    "weight",
]
_PLAN_TEXTS = ["title", "basis", "purpose", "evaluation"]


def _copy_content(source: GoalPlan, target: GoalPlan, *, years: int, follow_ups: bool) -> None:
    """Checkpoints, goals and indicators (keys kept, so versions can be compared item by item);
    with `follow_ups`, the follow-up entries too."""
    checkpoints = {}
    for checkpoint in source.checkpoints.all():
        checkpoints[checkpoint.pk] = Checkpoint.objects.create(
            plan=target,
            key=checkpoint.key,
            order=checkpoint.order,
            label_fi=_shift_label(checkpoint.label_fi, years),
            label_sv=_shift_label(checkpoint.label_sv, years),
            opens_on=_shift_years(checkpoint.opens_on, years),
            closes_on=_shift_years(checkpoint.closes_on, years),
        )
    for goal in source.goals.prefetch_related("indicators", "focus_areas", "follow_ups"):
        copy = Goal.objects.create(plan=target, **{f: getattr(goal, f) for f in _GOAL_FIELDS})
        copy.focus_areas.set(goal.focus_areas.all())
        Indicator.objects.bulk_create(
            Indicator(goal=copy, **{f: getattr(i, f) for f in _INDICATOR_FIELDS})
            for i in goal.indicators.all()
        )
        if follow_ups:
            FollowUpEntry.objects.bulk_create(
                FollowUpEntry(
                    goal=copy,
                    checkpoint=checkpoints[e.checkpoint_id],
                    kind=e.kind,
                    author_id=e.author_id,
                    text_fi=e.text_fi,
                    text_sv=e.text_sv,
                    rating=e.rating,
                )
                for e in goal.follow_ups.all()
            )
    rule = RewardRule.objects.filter(plan=source).first()
    if rule is not None:
        keys = {str(g.key) for g in target.goals.all()}
        RewardRule.objects.create(
            plan=target,
            key=rule.key,
            kind=rule.kind,
            monthly_salary=rule.monthly_salary,
            cap_months=rule.cap_months,
            fixed_amount=rule.fixed_amount,
            met_at=rule.met_at,
            payout_table=rule.payout_table,
            goal_terms={k: v for k, v in rule.goal_terms.items() if k in keys},
        )


def _new_plan(plan: GoalPlan, *, years: int, **fields: Any) -> GoalPlan:
    new = GoalPlan(
        organisation=plan.organisation,
        post=plan.post,
        contract=plan.contract,
        prepared_by=plan.prepared_by,
        scale=plan.scale,
        status=GoalPlan.Status.DRAFT,
        **{
            f"{name}_{lang}": getattr(plan, f"{name}_{lang}")
            for name in _PLAN_TEXTS
            for lang in ("fi", "sv")
        },
        **fields,
    )
    new.full_clean()
    new.save()
    return new


def start_next_plan(plan: GoalPlan, *, actor: Any) -> GoalPlan:
    """A draft for the following period: texts, goals, indicators and checkpoints copied
    (checkpoint dates and the years in their labels moved on), follow-ups and decisions not."""
    with transaction.atomic():
        authorise(actor, "start_next", plan, lock=False)
        existing = plan.successors.filter(status=GoalPlan.Status.DRAFT).first()
        if existing is not None:
            raise WrongState(
                _("A draft for the next period already exists: %(plan)s.") % {"plan": existing}
            )
        span_days = (plan.period_end - plan.period_start).days
        years = max(1, round(span_days / 365.25))
        kind = plan.period_kind
        if kind == GoalPlan.PeriodKind.FIRST_12_MONTHS:
            kind = GoalPlan.PeriodKind.OTHER
        new = _new_plan(
            plan,
            years=years,
            executive=plan.post.current_holder() or plan.executive,
            previous=plan,
            period_kind=kind,
            period_start=_shift_years(plan.period_start, years),
            period_end=_shift_years(plan.period_end, years),
        )
        _copy_content(plan, new, years=years, follow_ups=False)
        record(
            "plan.start_next",
            new,
            actor=actor,
            organisation=plan.organisation,
            plan_id=new.pk,
            before={"previous": str(plan.pk)},
            after=snapshot(new),
        )
    return new


def create_plan(post: ExecutivePost, *, data: dict[str, Any], actor: Any) -> GoalPlan:
    """A new, empty draft plan for the post (period, texts); goals are added to it after."""
    if not permissions.can_create_plan(actor, post):
        raise PermissionDenied(str(FORBIDDEN["start_next"]))
    with transaction.atomic():
        plan = GoalPlan(
            organisation=post.organisation,
            post=post,
            contract=post.contracts.order_by("-starts_on").first(),
            executive=post.current_holder(),
            status=GoalPlan.Status.DRAFT,
            **data,
        )
        plan.full_clean()
        plan.save()
        _audit("plan.create", plan, actor, after=snapshot(plan))
    return plan


# --- The workflow -------------------------------------------------------------------------------


def _set_state(plan: GoalPlan, status: str, **fields: Any) -> None:
    """Move the plan's state with a compare-and-swap on lock_version (the row is locked)."""
    changed = GoalPlan.objects.filter(pk=plan.pk, lock_version=plan.lock_version).update(
        status=status, lock_version=F("lock_version") + 1, updated_at=timezone.now(), **fields
    )
    if not changed:
        raise StaleVersion(GoalPlan.objects.filter(pk=plan.pk).first())
    plan.status = status
    plan.lock_version += 1
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


# Which decision moves a plan from which state to which.
DECISION_MOVES: dict[str, dict[str, str | None]] = {
    Decision.Kind.REVIEW: {"proposed": None, "approved": None, "noted": None, "in_follow_up": None},
    Decision.Kind.APPROVE: {"proposed": "approved"},
    Decision.Kind.TAKE_NOTE: {"proposed": "noted"},
    Decision.Kind.AMEND: {"draft": "approved", "proposed": "approved"},
    Decision.Kind.EVALUATE: {
        "approved": "evaluated",
        "noted": "evaluated",
        "in_follow_up": "evaluated",
    },
    Decision.Kind.REWARD: {"evaluated": None},
}
# Decisions on the executive's own matters: the chair presents them (the executive is
# disqualified), by default the chair of the deciding body on the meeting day.
OWN_MATTERS = {Decision.Kind.EVALUATE, Decision.Kind.REWARD}
BOARD_DECISIONS = {
    Decision.Kind.APPROVE,
    Decision.Kind.TAKE_NOTE,
    Decision.Kind.AMEND,
    Decision.Kind.EVALUATE,
    Decision.Kind.REWARD,
}


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
        and data["kind"] in BOARD_DECISIONS
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
        if plan.status not in moves or (kind == Decision.Kind.AMEND and not plan.supersedes_id):
            raise WrongState(_decision_state_message(kind, plan))
        amended = plan.supersedes
        if (
            amended is not None
            and kind in (Decision.Kind.APPROVE, Decision.Kind.TAKE_NOTE, Decision.Kind.AMEND)
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


# --- Follow-up entries ------------------------------------------------------------------------


def _require_follow_up(actor: Any, plan: GoalPlan, kind: str) -> None:
    status = GoalPlan.objects.values_list("status", flat=True).get(pk=plan.pk)
    plan.status = status
    if not permissions.can_write_follow_up(actor, plan, kind):
        if status not in permissions.IN_FORCE and permissions.roles_in(actor, plan.organisation_id):
            raise WrongState(
                _("Follow-ups are written while the plan is in force; this plan is %(status)s.")
                % {"status": plan.get_status_display()}
            )
        raise PermissionDenied(_("You may not write this follow-up."))


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
        now = timezone.now()
        changed = FollowUpEntry.objects.filter(pk=entry.pk, lock_version=expected_lock).update(
            **data, lock_version=F("lock_version") + 1, updated_at=now
        )
        if not changed:
            raise StaleVersion(FollowUpEntry.objects.filter(pk=entry.pk).first())
        entry.lock_version = expected_lock + 1
        entry.updated_at = now
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


def validation_messages(error: ValidationError) -> dict[str, list[str]]:
    """A model ValidationError as {field: [messages]} for putting next to form fields."""
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for e in errs for m in e.messages]
            for field, errs in error.error_dict.items()
        }
    return {"__all__": list(error.messages)}


def add_form_errors(form: Any, error: ValidationError) -> None:
    """An action's ValidationError next to the form's fields (the rest above the form)."""
    for field, texts in validation_messages(error).items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)


# --- Weights and the reward rule (plan content: drafts only) ----------------------------------


def set_weights(
    plan: GoalPlan,
    *,
    goal_weights: dict[Any, Any],
    indicator_weights: dict[Any, Any],
    actor: Any,
    expected_locks: dict[Any, int] | None = None,
) -> GoalPlan:
    """All goal and indicator weights of a draft at once, so that they can add up: goal weights
    are all empty (equal) or add up to 100 %; a goal's indicator shares add up to at most 100 %
    (exactly 100 % when all are set). Anything wrong: nothing is saved."""
    with transaction.atomic():
        _require_editable(actor, plan)
        goals = list(plan.goals.prefetch_related("indicators").order_by("order", "created_at"))
        if expected_locks is not None:  # nobody changed a goal or an indicator meanwhile
            for item in [*goals, *(i for g in goals for i in g.indicators.all())]:
                if expected_locks.get(item.pk, item.lock_version) != item.lock_version:
                    raise StaleVersion(item)
        errors: list[str] = list(goal_weight_errors([goal_weights.get(g.pk) for g in goals]))
        for number, goal in enumerate(goals, start=1):
            shares = [indicator_weights.get(i.pk) for i in goal.indicators.all()]
            for message in indicator_weight_errors(shares):
                errors.append(
                    _("Goal %(number)s: %(message)s") % {"number": number, "message": message}
                )
        if errors:
            raise ValidationError(errors)
        before = {
            "goals": {str(g.pk): _num(g.weight) for g in goals},
            "indicators": {str(i.pk): _num(i.weight) for g in goals for i in g.indicators.all()},
        }
        now = timezone.now()
        for goal in goals:
            if goal.weight != goal_weights.get(goal.pk):
                Goal.objects.filter(pk=goal.pk).update(
                    weight=goal_weights.get(goal.pk),
                    lock_version=F("lock_version") + 1,
                    updated_at=now,
                )
            for indicator in goal.indicators.all():
                if indicator.weight != indicator_weights.get(indicator.pk):
                    Indicator.objects.filter(pk=indicator.pk).update(
                        weight=indicator_weights.get(indicator.pk),
                        lock_version=F("lock_version") + 1,
                        updated_at=now,
                    )
        after = {
            "goals": {str(g.pk): _num(goal_weights.get(g.pk)) for g in goals},
            "indicators": {
                str(i.pk): _num(indicator_weights.get(i.pk))
                for g in goals
                for i in g.indicators.all()
            },
        }
        _audit("plan.weights", plan, actor, before=before, after=after)
    return plan


def _num(value: Any) -> str | None:
    return None if value is None else str(value)


def save_reward_rule(
    plan: GoalPlan, *, data: dict[str, Any], expected_lock: int | None, actor: Any
) -> Any:
    """Create or change the draft's reward rule. `payout_table` is a list of {"from", "amount"}
    (score %, €); `goal_terms` maps a goal's key to {"amount", "minimum"}."""
    with transaction.atomic():
        _require_editable(actor, plan)
        _check_reward_terms(plan, data)
        current = RewardRule.objects.select_for_update().filter(plan=plan).first()
        if current is None:
            if expected_lock not in (None, 0):
                raise StaleVersion(None)
            rule = RewardRule(plan=plan, **data)
            rule.full_clean()
            rule.save()
            _audit("reward_rule.add", plan, actor, after=snapshot(rule))
            return rule
        if expected_lock != current.lock_version:
            raise StaleVersion(current)
        before = snapshot(current)
        for field, value in data.items():
            setattr(current, field, value)
        current.full_clean()
        current.lock_version += 1
        current.save()
        _audit("reward_rule.update", plan, actor, before=before, after=snapshot(current))
        return current


def _check_reward_terms(plan: GoalPlan, data: dict[str, Any]) -> None:
    from decimal import Decimal, InvalidOperation

    errors: dict[str, list[str]] = {}
    kind = data.get("kind")
    rows = data.get("payout_table") or []
    try:
        froms = [Decimal(str(r["from"])) for r in rows]
        amounts = [Decimal(str(r["amount"])) for r in rows]
    except (KeyError, InvalidOperation, TypeError):
        errors.setdefault("payout_table", []).append(_("Each row needs a score (%) and a sum (€)."))
        froms, amounts = [], []
    if any(not 0 <= f <= 100 for f in froms):
        errors.setdefault("payout_table", []).append(_("A score is between 0 and 100 %."))
    if any(a < 0 for a in amounts):
        errors.setdefault("payout_table", []).append(_("A sum cannot be negative."))
    if len(set(froms)) != len(froms):
        errors.setdefault("payout_table", []).append(_("Each score appears once in the table."))
    if kind == "weighted" and not rows:
        errors.setdefault("payout_table", []).append(
            _("A weighted score needs a payout table with at least one row.")
        )
    if kind == "all_or_nothing" and data.get("fixed_amount") is None:
        errors.setdefault("fixed_amount", []).append(
            _("Give the fixed sum paid when every goal is met.")
        )
    keys = {str(k) for k in plan.goals.values_list("key", flat=True)}
    terms = data.get("goal_terms") or {}
    if any(k not in keys for k in terms):
        errors.setdefault("goal_terms", []).append(
            _("Terms can be given only for this plan's goals.")
        )
    for t in terms.values():
        try:
            amount, minimum = Decimal(str(t["amount"])), Decimal(str(t["minimum"]))
        except (KeyError, InvalidOperation, TypeError):
            errors.setdefault("goal_terms", []).append(_("Each goal needs a sum and a minimum."))
            continue
        if amount < 0 or not 0 <= minimum <= 100:
            errors.setdefault("goal_terms", []).append(
                _("A goal's sum cannot be negative and its minimum is between 0 and 100 %.")
            )
    if kind == "goal_thresholds" and not terms:
        errors.setdefault("goal_terms", []).append(_("Give the sum of at least one goal."))
    if data.get("cap_months") is not None and data.get("monthly_salary") is None:
        errors.setdefault("monthly_salary", []).append(
            _("A cap in months of salary needs the monthly salary.")
        )
    if errors:
        raise ValidationError(errors)


# --- Measured values of numeric indicators ----------------------------------------------------


def require_values(actor: Any, plan: GoalPlan) -> None:
    plan.status = GoalPlan.objects.values_list("status", flat=True).get(pk=plan.pk)
    if permissions.can_record_values(actor, plan):
        return
    if permissions.can_prepare_plans(actor, plan.organisation):
        raise WrongState(
            _("Measured values are recorded while the plan is in force; this plan is %(status)s.")
            % {"status": plan.get_status_display()}
        )
    raise PermissionDenied(_("You may not record measured values."))


def add_value(indicator: Indicator, *, data: dict[str, Any], actor: Any) -> Any:
    with transaction.atomic():
        plan = indicator.goal.plan
        require_values(actor, plan)
        if not indicator.is_numeric:
            raise ValidationError(_("This indicator has no target or baseline: it is not numeric."))
        # One value a day for the indicator, across the versions of the plan.
        if IndicatorValue.objects.filter(
            indicator__key=indicator.key,
            indicator__goal__plan__series=plan.series,
            measured_on=data["measured_on"],
        ).exists():
            raise ValidationError(
                {
                    "measured_on": _(
                        "A value for this date exists already: remove it first or choose "
                        "another date."
                    )
                }
            )
        value = IndicatorValue(indicator=indicator, entered_by=actor, **data)
        value.full_clean()
        value.save()
        _audit("value.add", indicator, actor, after=snapshot(value))
    return value


def update_value(value: Any, *, data: dict[str, Any], expected_lock: int, actor: Any) -> Any:
    with transaction.atomic():
        require_values(actor, value.indicator.goal.plan)
        before = snapshot(IndicatorValue.objects.filter(pk=value.pk).first())
        for field, new in data.items():
            setattr(value, field, new)
        value.full_clean()
        changed = IndicatorValue.objects.filter(pk=value.pk, lock_version=expected_lock).update(
            **data, lock_version=F("lock_version") + 1, updated_at=timezone.now()
        )
        if not changed:
            raise StaleVersion(IndicatorValue.objects.filter(pk=value.pk).first())
        value.lock_version = expected_lock + 1
        _audit("value.update", value.indicator, actor, before=before, after=snapshot(value))
    return value


def delete_value(value: Any, *, expected_lock: int, actor: Any) -> None:
    with transaction.atomic():
        require_values(actor, value.indicator.goal.plan)
        current = IndicatorValue.objects.filter(pk=value.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _audit("value.delete", value.indicator, actor, before=snapshot(current))
        current.delete()


def import_values(plan: GoalPlan, *, rows: list[dict[str, Any]], actor: Any) -> dict[str, int]:
    """Rows of {"indicator", "measured_on", "value", "note"}, all or nothing: a value for an
    indicator and day that exists is replaced. One audit event tells what was imported."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        require_values(actor, plan)
        for row in rows:
            indicator = row["indicator"]
            if indicator.goal.plan_id != plan.pk:
                raise ValidationError(_("A row names an indicator of another plan."))
            existing = IndicatorValue.objects.filter(
                indicator=indicator, measured_on=row["measured_on"]
            ).first()
            if existing is None:
                value = IndicatorValue(
                    indicator=indicator,
                    measured_on=row["measured_on"],
                    value=row["value"],
                    note=row.get("note", ""),
                    source=IndicatorValue.Source.IMPORT,
                    entered_by=actor,
                )
                value.full_clean()
                value.save()
                counts["added"] += 1
            elif existing.value != row["value"] or existing.note != row.get("note", ""):
                existing.value, existing.note = row["value"], row.get("note", "")
                existing.full_clean()
                IndicatorValue.objects.filter(
                    pk=existing.pk, lock_version=existing.lock_version
                ).update(
                    value=existing.value,
                    note=existing.note,
                    source=IndicatorValue.Source.IMPORT,
                    lock_version=F("lock_version") + 1,
                    updated_at=timezone.now(),
                )
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        _audit("value.import", plan, actor, after={**counts, "rows": len(rows)})
    return counts

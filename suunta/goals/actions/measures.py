"""What is measured and paid: the weights and the reward rule (plan content, drafts only) and
the measured values of numeric indicators (while the plan is in force)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.audit.record import snapshot
from suunta.core.actions import StaleVersion, WrongState, cas_update

from .. import permissions
from ..models import Goal, GoalPlan, Indicator, IndicatorValue, RewardRule
from ..scoring import goal_weight_errors, indicator_weight_errors
from .common import _audit, _require_editable

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
        cas_update(value, value.pk, expected_lock, **data)
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

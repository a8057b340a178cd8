"""Weights, the achievement score of a plan and the reward it pays, step by step.

Everything here is computed from the plan's read model (`queries.plan_summary`) and written
out as steps in words and numbers, so that a board member can check the computation by hand:

1. Each goal's weight: as set, or an equal share of what the set weights leave.
   A numeric indicator's share of its goal: as set, or an equal share of the rest.
2. Each goal's achievement (0–100 %): the joint assessment at the chosen checkpoint, through
   the plan's rating scale (`ScaleLevel.achievement`, or the per cent itself). A goal without
   a joint rating falls back to its numeric indicators (latest value by the checkpoint's
   closing day against baseline and target), weighted by their shares.
3. The plan's score: the sum of weight × achievement.
4. The reward: by the plan's rule (`RULES`, pluggable), then the cap in months of salary.

Money and percentages are Decimals rounded half up to cents / two decimals at each step shown.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Checkpoint, Decision, Indicator, IndicatorValue, RewardRule

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(value: Decimal | None) -> str:
    return "–" if value is None else f"{number_format(q(value), decimal_pos=2)} %"


def eur(value: Decimal | None) -> str:
    return (
        "–" if value is None else f"{number_format(q(value), decimal_pos=2, force_grouping=True)} €"
    )


# --- 1. Weights -------------------------------------------------------------------------------


def split_weights(weights: list[Decimal | None], total: Decimal = HUNDRED) -> list[Decimal]:
    """Set weights stay; the unset ones share what is left of `total` equally."""
    unset = [w for w in weights if w is None]
    rest = total - sum((w for w in weights if w is not None), Decimal(0))
    share = rest / len(unset) if unset else Decimal(0)
    return [share if w is None else w for w in weights]


def goal_weight_errors(weights: list[Decimal | None]) -> list[str]:
    """Goal weights: none set (equal weights), or every goal weighted and 100 % in all."""
    given = [w for w in weights if w is not None]
    if not given:
        return []
    errors = []
    if any(w < 0 or w > HUNDRED for w in given):
        errors.append(_("A weight is between 0 and 100 %."))
    if len(given) != len(weights):
        errors.append(_("Give every goal a weight, or leave them all empty for equal weights."))
    total = sum(given, Decimal(0))
    if len(given) == len(weights) and total != HUNDRED:
        errors.append(
            _("The goals' weights add up to %(total)s; they must add up to 100 %%.")
            % {"total": pct(total)}
        )
    return errors


def indicator_weight_errors(weights: list[Decimal | None]) -> list[str]:
    """Indicators' shares of their goal: at most 100 % in all; exactly 100 % if all are set."""
    given = [w for w in weights if w is not None]
    if not given:
        return []
    total = sum(given, Decimal(0))
    if any(w < 0 for w in given) or total > HUNDRED:
        return [
            _("The indicators' shares add up to %(total)s; they can be at most 100 %%.")
            % {"total": pct(total)}
        ]
    if len(given) == len(weights) and total != HUNDRED:
        return [
            _(
                "The indicators' shares add up to %(total)s; when all are set they must add up "
                "to 100 %%."
            )
            % {"total": pct(total)}
        ]
    return []


def check_weights(summary: Any) -> None:
    """Raise a ValidationError naming what is wrong with the plan's weights."""
    errors = goal_weight_errors([row.goal.weight for row in summary.rows])
    for row in summary.rows:
        for message in indicator_weight_errors([i.weight for i in row.indicators]):
            errors.append(
                _("Goal %(number)s: %(message)s") % {"number": row.number, "message": message}
            )
    if errors:
        raise ValidationError(errors)


# --- 2. Achievement ---------------------------------------------------------------------------


def indicator_achievement(indicator: Indicator, value: Decimal) -> Decimal | None:
    """How much of a numeric indicator's target a value reaches, 0–100 %.

    With a baseline: the share of the way from the baseline to the target (either direction).
    Without one: value / target (higher is better) or target / value (lower is better).
    "Keep at target": 100 % at the target or on its good side, else 0 %.
    """
    target, baseline = indicator.target, indicator.baseline
    if target is None:
        return None
    if indicator.direction == Indicator.Direction.KEEP:
        return HUNDRED if value == target else Decimal(0)
    if baseline is not None and baseline != target:
        share = (value - baseline) / (target - baseline) * HUNDRED
    elif indicator.direction == Indicator.Direction.DECREASE:
        if value <= target:
            share = HUNDRED
        else:
            share = target / value * HUNDRED if value > 0 and target >= 0 else Decimal(0)
    elif target <= 0:  # no ratio to speak of: reached or not
        share = HUNDRED if value >= target else Decimal(0)
    else:
        share = value / target * HUNDRED
    return max(Decimal(0), min(HUNDRED, share))


@dataclass
class IndicatorStep:
    number: str
    indicator: Indicator
    share: Decimal
    value: IndicatorValue | None
    achievement: Decimal | None


@dataclass
class GoalScore:
    number: int
    goal: Any
    weight: Decimal
    weight_set: bool
    achievement: Decimal | None
    source: str  # "joint", "indicators" or "" (no basis yet)
    rating_label: str = ""
    indicators: list[IndicatorStep] = field(default_factory=list)

    @property
    def contribution(self) -> Decimal | None:
        if self.achievement is None:
            return None
        return q(self.weight * self.achievement / HUNDRED)


@dataclass
class PlanScore:
    checkpoint: Checkpoint | None
    goals: list[GoalScore]
    weights_equal: bool
    weight_errors: list[str]

    @property
    def complete(self) -> bool:
        return bool(self.goals) and all(g.achievement is not None for g in self.goals)

    @property
    def total(self) -> Decimal | None:
        if not self.complete:
            return None
        return q(sum((g.contribution or Decimal(0) for g in self.goals), Decimal(0)))

    @property
    def missing(self) -> list[int]:
        return [g.number for g in self.goals if g.achievement is None]


def _latest(values: list[IndicatorValue], by: datetime.date | None) -> IndicatorValue | None:
    eligible = [v for v in values if by is None or v.measured_on <= by]
    return eligible[-1] if eligible else None


def plan_score(summary: Any, checkpoint: Checkpoint | None = None) -> PlanScore:
    """The achievement score at `checkpoint` (default: the last one with a joint rating, else
    the last checkpoint)."""
    checkpoints = summary.checkpoints
    if checkpoint is None:
        rated = [
            n
            for n, _c in enumerate(checkpoints)
            for row in summary.rows
            if any(e.kind == "joint" and e.rating is not None for e in row.follow_ups[n])
        ]
        checkpoint = (
            checkpoints[max(rated)] if rated else (checkpoints[-1] if checkpoints else None)
        )
    index = checkpoints.index(checkpoint) if checkpoint in checkpoints else None
    by = checkpoint.closes_on if checkpoint else None
    weights_given = [row.goal.weight for row in summary.rows]
    errors = goal_weight_errors(weights_given)
    weights = split_weights([None] * len(weights_given)) if errors else split_weights(weights_given)
    scale = summary.scale
    goals = []
    for row, weight in zip(summary.rows, weights, strict=True):
        score = GoalScore(
            number=row.number,
            goal=row.goal,
            weight=q(weight),
            weight_set=row.goal.weight is not None and not errors,
            achievement=None,
            source="",
        )
        joint = None
        if index is not None:
            joint = next(
                (e for e in row.follow_ups[index] if e.kind == "joint" and e.rating is not None),
                None,
            )
        if joint is not None and scale is not None:
            achieved = scale.achievement_of(joint.rating)
            if achieved is not None:
                score.achievement, score.source = q(achieved), "joint"
                score.rating_label = scale.describe(joint.rating)
        numeric = [i for i in row.indicators if i.target is not None]
        if numeric:
            shares = split_weights([i.weight for i in numeric])
            for indicator, share in zip(numeric, shares, strict=True):
                latest = _latest(summary.values.get(indicator.key, []), by)
                achieved = (
                    None if latest is None else indicator_achievement(indicator, latest.value)
                )
                score.indicators.append(
                    IndicatorStep(
                        number=f"{row.number}.{row.indicators.index(indicator) + 1}",
                        indicator=indicator,
                        share=q(share),
                        value=latest,
                        achievement=None if achieved is None else q(achieved),
                    )
                )
            if score.source == "" and all(s.achievement is not None for s in score.indicators):
                score.achievement = q(
                    sum(
                        (s.share * (s.achievement or 0) / HUNDRED for s in score.indicators),
                        Decimal(0),
                    )
                )
                score.source = "indicators"
        goals.append(score)
    return PlanScore(
        checkpoint=checkpoint,
        goals=goals,
        weights_equal=all(w is None for w in weights_given) or bool(errors),
        weight_errors=errors,
    )


# --- 3. Reward rules --------------------------------------------------------------------------


@dataclass
class Step:
    text: str
    amount: Decimal | None = None


@dataclass
class Reward:
    steps: list[Step]
    amount: Decimal | None  # None: cannot be computed yet (say why in the steps)
    decided: Decision | None = None


RuleFunction = Callable[[RewardRule, PlanScore, list[Decision]], Reward]
RULES: dict[str, RuleFunction] = {}


def rule(kind: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a reward rule. A new kind needs a `RewardRule.Kind` choice and a function
    here that returns its steps; nothing else changes."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES[kind] = function
        return function

    return register


def _not_yet(score: PlanScore) -> Reward:
    return Reward(
        steps=[
            Step(
                _("Goals %(numbers)s have no achievement yet: the reward cannot be computed.")
                % {"numbers": ", ".join(str(n) for n in score.missing)}
            )
        ],
        amount=None,
    )


@rule(RewardRule.Kind.WEIGHTED)
def weighted(rule_: RewardRule, score: PlanScore, decisions: list[Decision]) -> Reward:
    if score.total is None:
        return _not_yet(score)
    table = sorted(
        ((Decimal(str(r["from"])), Decimal(str(r["amount"]))) for r in rule_.payout_table),
        reverse=True,
    )
    steps = [Step(_("The achievement score is %(score)s.") % {"score": pct(score.total)})]
    reached = next(((f, a) for f, a in table if score.total >= f), None)
    if reached is None:
        lowest = table[-1][0] if table else HUNDRED
        steps.append(
            Step(
                _("The payout table starts at %(lowest)s: no reward.") % {"lowest": pct(lowest)},
                Decimal(0),
            )
        )
        return Reward(steps=steps, amount=Decimal(0))
    steps.append(
        Step(
            _("The payout table's row “from %(from)s” applies: %(amount)s.")
            % {"from": pct(reached[0]), "amount": eur(reached[1])},
            reached[1],
        )
    )
    return Reward(steps=steps, amount=reached[1])


@rule(RewardRule.Kind.ALL_OR_NOTHING)
def all_or_nothing(rule_: RewardRule, score: PlanScore, decisions: list[Decision]) -> Reward:
    if not score.complete:
        return _not_yet(score)
    unmet = [g.number for g in score.goals if (g.achievement or 0) < rule_.met_at]
    fixed = rule_.fixed_amount or Decimal(0)
    steps = [
        Step(
            _("A goal counts as met from %(met_at)s; the fixed sum is %(amount)s.")
            % {"met_at": pct(rule_.met_at), "amount": eur(fixed)}
        )
    ]
    if unmet:
        steps.append(
            Step(
                _("Goals %(numbers)s are not met: no reward.")
                % {"numbers": ", ".join(str(n) for n in unmet)},
                Decimal(0),
            )
        )
        return Reward(steps=steps, amount=Decimal(0))
    steps.append(Step(_("Every goal is met: the fixed sum is paid."), fixed))
    return Reward(steps=steps, amount=fixed)


@rule(RewardRule.Kind.GOAL_THRESHOLDS)
def goal_thresholds(rule_: RewardRule, score: PlanScore, decisions: list[Decision]) -> Reward:
    if not score.complete:
        return _not_yet(score)
    steps = []
    total = Decimal(0)
    for goal in score.goals:
        terms = rule_.goal_terms.get(str(goal.goal.key))
        if not terms:
            steps.append(
                Step(_("Goal %(number)s carries no reward.") % {"number": goal.number}, Decimal(0))
            )
            continue
        amount, minimum = Decimal(str(terms["amount"])), Decimal(str(terms["minimum"]))
        achieved = goal.achievement or Decimal(0)
        if achieved < minimum:
            pay = Decimal(0)
            text = _("Goal %(number)s: %(achieved)s is below the minimum %(minimum)s: nothing.") % {
                "number": goal.number,
                "achieved": pct(achieved),
                "minimum": pct(minimum),
            }
        else:
            pay = q(amount * achieved / HUNDRED)
            text = _("Goal %(number)s: %(achieved)s × %(amount)s = %(pay)s.") % {
                "number": goal.number,
                "achieved": pct(achieved),
                "amount": eur(amount),
                "pay": eur(pay),
            }
        total += pay
        steps.append(Step(text, pay))
    steps.append(Step(_("Sum of the goals: %(total)s.") % {"total": eur(total)}, total))
    return Reward(steps=steps, amount=total)


@rule(RewardRule.Kind.DISCRETIONARY)
def discretionary(rule_: RewardRule, score: PlanScore, decisions: list[Decision]) -> Reward:
    decided = [d for d in decisions if d.kind == Decision.Kind.REWARD and d.amount is not None]
    if not decided:
        return Reward(
            steps=[Step(_("The board decides the amount; no decision has been recorded yet."))],
            amount=None,
        )
    last = decided[-1]
    return Reward(
        steps=[
            Step(
                _("The board decided %(amount)s (%(decision)s).")
                % {"amount": eur(last.amount), "decision": str(last)},
                last.amount,
            )
        ],
        amount=last.amount,
        decided=last,
    )


def reward(summary: Any, score: PlanScore) -> Reward | None:
    """The plan's reward by its rule, capped; None when the plan has no reward rule."""
    rule_ = summary.reward_rule
    if rule_ is None:
        return None
    result = RULES[rule_.kind](rule_, score, summary.decisions)
    if result.amount is not None and rule_.cap_months is not None:
        if rule_.monthly_salary is None:
            result.steps.append(
                Step(_("The cap cannot be applied: the monthly salary is not set."))
            )
        else:
            cap = q(rule_.cap_months * rule_.monthly_salary)
            text = _("The cap is %(months)s × %(salary)s = %(cap)s.") % {
                "months": number_format(rule_.cap_months, decimal_pos=2),
                "salary": eur(rule_.monthly_salary),
                "cap": eur(cap),
            }
            if result.amount > cap:
                result.steps.append(Step(text + " " + _("The reward is capped."), cap))
                result.amount = cap
            else:
                result.steps.append(Step(text + " " + _("The reward stays under it.")))
    decided = [d for d in summary.decisions if d.kind == Decision.Kind.REWARD]
    if decided and result.decided is None:
        result.decided = decided[-1]
    return result

"""The reward rule of a goal plan (tulospalkkio): how the achievement score turns into money.

The rule is part of the plan the board approves, so it is plan content: frozen with the plan
(model guard and database trigger) and covered by the content hash. The computation itself is
in `suunta/goals/scoring.py`; the rule kinds are pluggable there (`RULES`).
"""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Editable

from .plans import GoalPlan, PlanContent


class RewardRule(PlanContent, Editable):
    class Kind(models.TextChoices):
        WEIGHTED = "weighted", _("weighted score with a payout table")
        ALL_OR_NOTHING = "all_or_nothing", _("all or nothing: every goal met gives a fixed sum")
        GOAL_THRESHOLDS = "goal_thresholds", _("thresholds per goal")
        DISCRETIONARY = "discretionary", _("an amount the board decides")

    plan = models.OneToOneField(
        GoalPlan, on_delete=models.CASCADE, related_name="reward_rule", verbose_name=_("goal plan")
    )
    kind = models.CharField(_("rule"), max_length=20, choices=Kind.choices)
    monthly_salary = models.DecimalField(
        _("monthly salary (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    cap_months = models.DecimalField(
        _("cap in months of salary"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The reward is never more than this many months' salary."),
    )
    fixed_amount = models.DecimalField(
        _("fixed sum (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    met_at = models.DecimalField(
        _("a goal counts as met from (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
    )
    # [{"from": "90", "amount": "6000"}, …]: the highest row whose "from" (score %) is reached.
    payout_table = models.JSONField(_("payout table"), default=list, blank=True)
    # {goal key: {"amount": "2000", "minimum": "50"}}: per goal, the sum at full achievement
    # and the achievement (%) below which the goal pays nothing.
    goal_terms = models.JSONField(_("terms per goal"), default=dict, blank=True)

    class Meta:
        verbose_name = _("reward rule")
        verbose_name_plural = _("reward rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(met_at__gte=0) & Q(met_at__lte=100),
                name="rewardrule_met_at_percent",
            ),
            models.CheckConstraint(
                condition=Q(cap_months__isnull=True) | Q(cap_months__gte=0),
                name="rewardrule_cap_not_negative",
            ),
        ]

    def __str__(self):
        return str(self.get_kind_display())

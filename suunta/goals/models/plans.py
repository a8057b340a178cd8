"""The director contract, its annual goal plans and the decisions on them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Editable, Entity, Translatable, one_language_required
from suunta.organisations.models import Body, ExecutivePost, FocusArea, Organisation, Person

from ..frozen import PLAN_FROZEN_COLUMNS
from .evaluation import RatingScale


class DirectorContract(Translatable, Editable):
    """Johtajasopimus: public, revised now and then; annual goal plans are its appendices."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contracts",
        verbose_name=_("organisation"),
    )
    post = models.ForeignKey(
        ExecutivePost, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("post")
    )
    executive = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("executive"),
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    starts_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(_("in force until"), null=True, blank=True)

    class Meta:
        ordering = ["post", "-starts_on"]
        verbose_name = _("director contract")
        verbose_name_plural = _("director contracts")
        constraints = [one_language_required("directorcontract", "title")]

    def __str__(self):
        return self.text("title")


class ContractSection(Translatable, Editable):
    contract = models.ForeignKey(
        DirectorContract,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("contract"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    heading_fi = models.CharField(_("heading in Finnish"), max_length=200, blank=True)
    heading_sv = models.CharField(_("heading in Swedish"), max_length=200, blank=True)
    body_fi = models.TextField(_("text in Finnish"), blank=True)
    body_sv = models.TextField(_("text in Swedish"), blank=True)

    class Meta:
        ordering = ["contract", "order"]
        verbose_name = _("contract section")
        verbose_name_plural = _("contract sections")
        constraints = [one_language_required("contractsection", "heading")]

    def __str__(self):
        return self.text("heading")


class GoalPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        from suunta.goals.permissions import plans_visible_q

        return self.filter(plans_visible_q(user))

    def public(self):
        from suunta.goals.permissions import public_plans_q

        return self.filter(public_plans_q())


class FrozenContent(ValidationError):
    """A write to the content of a plan that has left the draft state."""


# Content of a plan version: frozen once it leaves the draft state (also by the database
# triggers): the one list in frozen.py, which the content hash and the triggers read too.
PLAN_CONTENT_FIELDS = (*PLAN_FROZEN_COLUMNS, "content_hash")


def _plan_status_in_db(plan_id) -> str | None:
    return GoalPlan.objects.filter(pk=plan_id).values_list("status", flat=True).first()


def frozen_refusal():
    from django.utils.translation import gettext

    return FrozenContent(
        gettext(
            "This version of the goal plan has left the draft state and cannot be changed. "
            "A change needs a new version with its own decision."
        ),
        code="frozen",
    )


class PlanContent(models.Model):
    """A goal, indicator or checkpoint: part of a plan version's frozen content."""

    # A lineage key, copied into the next version and the next period's plan, so that two
    # versions can be compared item by item.
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)

    class Meta:
        abstract = True

    PLAN_PATH = "plan_id"

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard()
        return super().delete(*args, **kwargs)

    def content_plan_id(self):
        if self.PLAN_PATH == "plan_id":
            return self.plan_id
        return self.goal.plan_id if self.goal_id else None

    def _guard(self):
        plan_ids = {self.content_plan_id()}
        if self.pk and not self._state.adding:
            plan_ids |= set(
                type(self)
                ._default_manager.filter(pk=self.pk)
                .values_list(self.PLAN_PATH, flat=True)
            )
        for plan_id in plan_ids:
            if plan_id and _plan_status_in_db(plan_id) not in (None, "draft"):
                raise frozen_refusal()


class GoalPlan(Translatable, Editable):
    """The annual goals (tavoiteasiakirja): an appendix of the director contract per period."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PROPOSED = "proposed", _("proposed")
        APPROVED = "approved", _("approved by the board")
        NOTED = "noted", _("taken note of by the board")
        IN_FOLLOW_UP = "in_follow_up", _("in follow-up")
        EVALUATED = "evaluated", _("evaluated")
        CLOSED = "closed", _("closed")
        SUPERSEDED = "superseded", _("replaced by a later version")

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("calendar year")
        FIRST_12_MONTHS = "first_12_months", _("first 12 months of a new executive")
        COUNCIL_TERM = "council_term", _("council term")
        OTHER = "other", _("other period")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("organisation"),
    )
    post = models.ForeignKey(
        ExecutivePost, on_delete=models.CASCADE, related_name="plans", verbose_name=_("post")
    )
    contract = models.ForeignKey(
        DirectorContract,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("appendix to contract"),
    )
    executive = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("executive"),
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("started from"),
    )
    period_kind = models.CharField(
        _("period"), max_length=20, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    basis_fi = models.TextField(_("basis in Finnish"), blank=True)
    basis_sv = models.TextField(_("basis in Swedish"), blank=True)
    purpose_fi = models.TextField(_("purpose in Finnish"), blank=True)
    purpose_sv = models.TextField(_("purpose in Swedish"), blank=True)
    evaluation_fi = models.TextField(_("evaluation in Finnish"), blank=True)
    evaluation_sv = models.TextField(_("evaluation in Swedish"), blank=True)
    prepared_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prepared_plans",
        verbose_name=_("prepared and presented by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Versions: every version of one plan shares `series`; an amendment `supersedes` the
    # version it changes and gets the next `version_no`.
    series = models.UUIDField(_("version series"), default=uuid.uuid4, editable=False)
    version_no = models.PositiveIntegerField(_("version"), default=1)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("amends version"),
    )
    proposed_to = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("proposed to"),
    )
    scale = models.ForeignKey(
        RatingScale,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("rating scale"),
        help_text=_("How achievement is rated at the checkpoints; empty: text only."),
    )
    # SHA-256 of the version's content as the API gives it (queries.plan_content), fixed when
    # the version leaves the draft state.
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, editable=False)
    # The next period's draft copies last period's texts: the sections ("title", "basis", …)
    # still to be confirmed or rewritten before the plan leaves the draft state.
    carried_over = models.JSONField(
        _("texts carried over to review"), default=list, blank=True, editable=False
    )

    objects = GoalPlanQuerySet.as_manager()

    class Meta:
        ordering = ["post", "-period_start"]
        verbose_name = _("goal plan")
        verbose_name_plural = _("goal plans")
        constraints = [
            one_language_required("goalplan", "title"),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="goalplan_period_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["series", "version_no"], name="goalplan_one_version_number"
            ),
        ]

    def __str__(self):
        return f"{self.text('title')} {self.period_label}"

    @property
    def period_label(self) -> str:
        start, end = self.period_start, self.period_end
        if (
            start.month == 1
            and start.day == 1
            and end.year == start.year
            and (end.month, end.day) == (12, 31)
        ):
            return str(start.year)
        return f"{date_format(start, 'SHORT_DATE_FORMAT')}–{date_format(end, 'SHORT_DATE_FORMAT')}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def has_open_amendment(self) -> bool:
        """A later version of this plan is being prepared or proposed."""
        return self.amendments.filter(status__in=["draft", "proposed"]).exists()

    def save(self, *args, **kwargs):
        """A version that has left the draft state keeps its content: only its state moves."""
        if self.pk and not self._state.adding:
            saved = (
                GoalPlan.objects.filter(pk=self.pk).values("status", *PLAN_CONTENT_FIELDS).first()
            )
            if saved and saved["status"] != self.Status.DRAFT:
                changed = [f for f in PLAN_CONTENT_FIELDS if saved[f] != getattr(self, f)]
                if changed:
                    raise frozen_refusal()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _plan_status_in_db(self.pk) not in (None, self.Status.DRAFT):
            raise frozen_refusal()
        return super().delete(*args, **kwargs)


class Checkpoint(Translatable, PlanContent, Editable):
    """A follow-up point of the plan (seurantapiste) with the window in which it is written."""

    plan = models.ForeignKey(
        GoalPlan, on_delete=models.CASCADE, related_name="checkpoints", verbose_name=_("plan")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label_fi = models.CharField(_("label in Finnish"), max_length=100, blank=True)
    label_sv = models.CharField(_("label in Swedish"), max_length=100, blank=True)
    opens_on = models.DateField(_("window opens"))
    closes_on = models.DateField(_("window closes"))

    class Meta:
        ordering = ["plan", "order", "opens_on"]
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        constraints = [
            one_language_required("checkpoint", "label"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="checkpoint_window_order",
                violation_error_message=_("The window cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.text("label")


class Goal(Translatable, PlanContent, Editable):
    class Kind(models.TextChoices):
        RESULT = "result", _("result goal")
        DEVELOPMENT = "development", _("personal development goal")

    plan = models.ForeignKey(
        GoalPlan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESULT)
    area_fi = models.CharField(_("area in Finnish"), max_length=200, blank=True)
    area_sv = models.CharField(_("area in Swedish"), max_length=200, blank=True)
    title_fi = models.CharField(_("goal in Finnish"), max_length=300, blank=True)
    title_sv = models.CharField(_("goal in Swedish"), max_length=300, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    criteria_fi = models.TextField(_("evaluation criteria in Finnish"), blank=True)
    criteria_sv = models.TextField(_("evaluation criteria in Swedish"), blank=True)
    weight = models.DecimalField(
        _("weight (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="goals", verbose_name=_("focus areas served")
    )
    # Copied from last period's plan and not yet confirmed or rewritten (a draft only).
    carried_over = models.BooleanField(_("carried over to review"), default=False, editable=False)

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            one_language_required("goal", "title"),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | (Q(weight__gte=0) & Q(weight__lte=100)),
                name="goal_weight_between_0_and_100",
                violation_error_message=_("A weight is a percentage between 0 and 100."),
            ),
        ]

    def __str__(self):
        return self.text("title")


class Indicator(Translatable, PlanContent, Editable):
    """Mittari: a text, optionally numeric with unit, baseline, target and direction."""

    PLAN_PATH = "goal__plan_id"

    class Direction(models.TextChoices):
        INCREASE = "increase", _("higher is better")
        DECREASE = "decrease", _("lower is better")
        KEEP = "keep", _("keep at target")

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("goal")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fi = models.TextField(_("indicator in Finnish"), blank=True)
    text_sv = models.TextField(_("indicator in Swedish"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, blank=True
    )
    weight = models.DecimalField(
        _("share of the goal's weight (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty: the goal's weight is split equally among its indicators."),
    )

    # Copied from last period's plan and not yet confirmed or rewritten (a draft only).
    carried_over = models.BooleanField(_("carried over to review"), default=False, editable=False)

    class Meta:
        ordering = ["goal", "order"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [one_language_required("indicator", "text")]

    def __str__(self):
        return self.text("text")

    @property
    def is_numeric(self) -> bool:
        return self.target is not None or self.baseline is not None


class FollowUpEntry(Translatable, Editable):
    """A written follow-up of one goal at one checkpoint."""

    class Kind(models.TextChoices):
        JOINT = "joint", _("joint assessment")
        SELF = "self", _("self-assessment")
        PARTNER = "partner", _("discussion partner's assessment")

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("goal")
    )
    checkpoint = models.ForeignKey(
        Checkpoint,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("checkpoint"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.JOINT)
    author = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("author"),
    )
    text_fi = models.TextField(_("follow-up in Finnish"), blank=True)
    text_sv = models.TextField(_("follow-up in Swedish"), blank=True)
    rating = models.DecimalField(
        _("rating"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("On the plan's rating scale; empty if the plan is followed up in text only."),
    )
    # Filled in by queries.plan_summary from the plan's scale, for the renderers.
    rating_label: str = ""
    rating_colour: str = ""

    class Meta:
        ordering = ["goal", "checkpoint__order", "kind"]
        verbose_name = _("follow-up entry")
        verbose_name_plural = _("follow-up entries")
        constraints = [
            one_language_required("followupentry", "text"),
            models.UniqueConstraint(
                fields=["goal", "checkpoint"],
                condition=Q(kind="joint"),
                name="followupentry_one_joint_per_checkpoint",
                violation_error_message=_("The joint assessment of this goal is already written."),
            ),
            models.UniqueConstraint(
                fields=["goal", "checkpoint"],
                condition=Q(kind="self"),
                name="followupentry_one_self_assessment_per_checkpoint",
                violation_error_message=_("The self-assessment of this goal is already written."),
            ),
            models.UniqueConstraint(
                fields=["goal", "checkpoint", "author"],
                condition=Q(kind="partner"),
                name="followupentry_one_partner_assessment_each",
                violation_error_message=_("Your assessment of this goal is already written."),
            ),
        ]

    def __str__(self):
        return self.text("text")


class Decision(Translatable, Entity):
    """A body's handling of a plan or contract at a meeting, with its section (§)."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("approved")
        APPROVE_AMENDED = "approve_amended", _("approved with amendments")
        TAKE_NOTE = "take_note", _("took note")
        RETURN = "return", _("returned for preparation")
        TABLE = "table", _("tabled")
        AMEND = "amend", _("amended and approved")
        REVIEW = "review", _("reviewed")
        EVALUATE = "evaluate", _("evaluated the achievement")
        REWARD = "reward", _("decided the reward")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("organisation"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("body")
    )
    meeting_date = models.DateField(_("meeting date"))
    section = models.CharField(
        _("section (§)"),
        max_length=20,
        blank=True,
        help_text=_("The section number in the minutes, if known."),
    )
    kind = models.CharField(_("decision"), max_length=20, choices=Kind.choices)
    plan = models.ForeignKey(
        GoalPlan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("goal plan"),
    )
    contract = models.ForeignKey(
        DirectorContract,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("director contract"),
    )
    checkpoint = models.ForeignKey(
        Checkpoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("follow-up reported"),
        help_text=_(
            "For a follow-up report: the checkpoint whose follow-up the body handled. Once "
            "reported, its joint assessments are public."
        ),
    )
    summary_fi = models.TextField(_("summary in Finnish"), blank=True)
    summary_sv = models.TextField(_("summary in Swedish"), blank=True)
    amount = models.DecimalField(
        _("amount decided (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a reward decision: the sum the board decided."),
    )
    # The minutes: who was there, who presented, who was disqualified and left the room.
    presenter = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_decisions",
        verbose_name=_("presenter"),
    )
    attendees = models.ManyToManyField(
        Person, blank=True, related_name="attended_decisions", verbose_name=_("present")
    )
    disqualified = models.ManyToManyField(
        Person,
        blank=True,
        related_name="disqualified_decisions",
        verbose_name=_("disqualified (left the room)"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["meeting_date", "section"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=False) | Q(contract__isnull=False),
                name="decision_has_subject",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="decision_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def save(self, *args, **kwargs):
        """A decision is a record of the minutes: written once, never changed."""
        if not self._state.adding:
            raise frozen_refusal()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise frozen_refusal()

    def __str__(self):
        ref = f" § {self.section}" if self.section else ""
        return f"{self.body} {date_format(self.meeting_date, 'SHORT_DATE_FORMAT')}{ref}"

"""Goal and development discussions (tavoite- ja kehityskeskustelu): agenda templates per
organisation, the record of one discussion with its agenda items and minutes, and the training
and development actions agreed in it.

Confidential items (and actions marked confidential) are read only by the discussion's
participants: see `suunta/goals/permissions.py` (`discussion_items_visible_q`,
`can_read_discussion_item`). A signed-off record is read-only (`DiscussionClosed`), except the
status and follow-up notes of its training actions.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Editable, Entity, Translatable, one_language_required
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost, Organisation, Person


class DiscussionClosed(ValidationError):
    """A write to a signed-off discussion record."""


def closed_refusal() -> DiscussionClosed:
    from django.utils.translation import gettext

    return DiscussionClosed(
        gettext(
            "This discussion record has been signed off and cannot be changed. Only the status "
            "and follow-up notes of its training and development actions can still be added."
        ),
        code="signed_off",
    )


# --- Agenda templates ---------------------------------------------------------------------


class AgendaTemplate(Translatable, Editable):
    """An organisation's agenda for its discussions; the items are copied into each record."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="agenda_templates",
        verbose_name=_("organisation"),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    is_default = models.BooleanField(_("default template"), default=False)

    class Meta:
        ordering = ["organisation", "-is_default", "name_fi"]
        verbose_name = _("agenda template")
        verbose_name_plural = _("agenda templates")
        constraints = [
            one_language_required("agendatemplate", "name"),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(is_default=True),
                name="agendatemplate_one_default",
            ),
        ]

    def __str__(self):
        return self.text("name")


class AgendaTemplateItem(Translatable, Editable):
    template = models.ForeignKey(
        AgendaTemplate, on_delete=models.CASCADE, related_name="items", verbose_name=_("template")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    guidance_fi = models.TextField(_("guidance in Finnish"), blank=True)
    guidance_sv = models.TextField(_("guidance in Swedish"), blank=True)
    confidential = models.BooleanField(
        _("confidential by default"),
        default=False,
        help_text=_("Read only by the participants of the discussion."),
    )

    class Meta:
        ordering = ["template", "order"]
        verbose_name = _("agenda template item")
        verbose_name_plural = _("agenda template items")
        constraints = [one_language_required("agendatemplateitem", "title")]

    def __str__(self):
        return self.text("title")


# --- A discussion -------------------------------------------------------------------------


class DiscussionQuerySet(models.QuerySet):
    def visible_to(self, user):
        from suunta.discussions.permissions import discussions_visible_q

        return self.filter(discussions_visible_q(user))


def _status_in_db(discussion_id) -> str | None:
    return Discussion.objects.filter(pk=discussion_id).values_list("status", flat=True).first()


class Discussion(Editable):
    """The record of one goal, development or evaluation discussion with the executive."""

    class Kind(models.TextChoices):
        GOAL = "goal", _("goal discussion")
        DEVELOPMENT = "development", _("development discussion")
        EVALUATION = "evaluation", _("evaluation discussion")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        SIGNED_OFF = "signed_off", _("signed off")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="discussions",
        verbose_name=_("organisation"),
    )
    post = models.ForeignKey(
        ExecutivePost, on_delete=models.CASCADE, related_name="discussions", verbose_name=_("post")
    )
    plan = models.ForeignKey(
        GoalPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussions",
        verbose_name=_("goal plan"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GOAL)
    held_on = models.DateField(_("date"))
    executive = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("executive"),
    )
    participants = models.ManyToManyField(
        Person, related_name="discussions", verbose_name=_("participants")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    signed_off_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    # The executive's acknowledgement that they have read the signed-off record.
    acknowledged_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = DiscussionQuerySet.as_manager()

    class Meta:
        ordering = ["post", "-held_on"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        from django.utils.formats import date_format

        return f"{self.get_kind_display()} {date_format(self.held_on, 'SHORT_DATE_FORMAT')}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def save(self, *args, **kwargs):
        """A signed-off record keeps its content: nothing saves over it."""
        if self.pk and not self._state.adding and _status_in_db(self.pk) == self.Status.SIGNED_OFF:
            raise closed_refusal()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _status_in_db(self.pk) == self.Status.SIGNED_OFF:
            raise closed_refusal()
        return super().delete(*args, **kwargs)


class DiscussionContent(models.Model):
    """An item or action of a discussion: refused once the record is signed off."""

    class Meta:
        abstract = True

    # Fields an action may still change after sign-off (TrainingAction.status).
    OPEN_AFTER_SIGN_OFF: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard(deleting=True)
        return super().delete(*args, **kwargs)

    def _guard(self, deleting: bool = False) -> None:
        if _status_in_db(self.discussion_id) != Discussion.Status.SIGNED_OFF:  # type: ignore[attr-defined]
            return
        model = type(self)
        if deleting or self._state.adding or not self.pk:
            raise closed_refusal()
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.attname not in {"id", "created_at", "updated_at", "lock_version"}
            and f.attname not in self.OPEN_AFTER_SIGN_OFF
        ]
        saved = model._default_manager.filter(pk=self.pk).values(*fields).first()
        if saved and any(saved[f] != getattr(self, f) for f in fields):
            raise closed_refusal()


class DiscussionItem(Translatable, DiscussionContent, Editable):
    """One agenda item of a discussion with its minutes, public or confidential."""

    discussion = models.ForeignKey(
        Discussion, on_delete=models.CASCADE, related_name="items", verbose_name=_("discussion")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    guidance_fi = models.TextField(_("guidance in Finnish"), blank=True)
    guidance_sv = models.TextField(_("guidance in Swedish"), blank=True)
    minutes_fi = models.TextField(_("minutes in Finnish"), blank=True)
    minutes_sv = models.TextField(_("minutes in Swedish"), blank=True)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Read only by the participants of the discussion."),
    )

    class Meta:
        ordering = ["discussion", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [one_language_required("discussionitem", "title")]

    def __str__(self):
        return self.text("title")

    @property
    def has_minutes(self) -> bool:
        return bool(self.minutes_fi.strip() or self.minutes_sv.strip())


class TrainingAction(Translatable, DiscussionContent, Editable):
    """A training or development action agreed in the discussion, followed up over time."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("agreed")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    OPEN_AFTER_SIGN_OFF = ("status",)

    discussion = models.ForeignKey(
        Discussion,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("discussion"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    responsible = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AGREED
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Read only by the participants of the discussion."),
    )

    class Meta:
        ordering = ["discussion", "order"]
        verbose_name = _("training or development action")
        verbose_name_plural = _("training and development actions")
        constraints = [
            one_language_required("trainingaction", "description"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="trainingaction_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.text("description")


class ActionNote(Translatable, Entity):
    """A dated follow-up note on a training action; written at any time, never changed."""

    action = models.ForeignKey(
        TrainingAction,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("action"),
    )
    written_on = models.DateField(_("date"))
    text_fi = models.TextField(_("note in Finnish"), blank=True)
    text_sv = models.TextField(_("note in Swedish"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        ordering = ["action", "written_on", "created_at"]
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        constraints = [one_language_required("actionnote", "text")]

    def __str__(self):
        return self.text("text")

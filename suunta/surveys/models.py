"""Evaluation surveys: board members and council chairs rate the executive's work on criteria.

Anonymity by construction: an `Invitation` (who was asked, the SHA-256 hash of their personal
link, whether they have answered) and a `Response` (the ratings and the comment) share only the
survey. No column, timestamp or audit event ties a response to an invitation: `Response` has no
time of its own, `Invitation` records that it was answered but not when, and answering writes no
audit event. See docs/architecture.md, "Evaluation surveys".
"""

from __future__ import annotations

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Entity, Translatable, one_language_required
from suunta.goals.models import GoalPlan
from suunta.organisations.models import Person

LEVELS = (1, 2, 3, 4, 5)
DEFAULT_LABELS = {
    "fi": ["heikko", "välttävä", "hyvä", "kiitettävä", "erinomainen"],
    "sv": ["svag", "försvarlig", "god", "berömlig", "utmärkt"],
}
DEFAULT_CRITERIA = [
    ("Tavoitteiden saavuttaminen", "Måluppfyllelse"),
    ("Johtaminen", "Ledarskap"),
    ("Yhteistyö poliittisen johdon kanssa", "Samarbete med den politiska ledningen"),
    ("Viestintä", "Kommunikation"),
    ("Organisaation kehittäminen", "Utveckling av organisationen"),
]


# Fewer answers than this and one respondent's ratings could be read from the aggregate (with
# one answer the "aggregate" is that person's answer): the form, the action (the model's
# validator) and a check constraint in the database all hold it.
MIN_THRESHOLD = 3


def default_labels() -> dict[str, list[str]]:
    return {lang: list(labels) for lang, labels in DEFAULT_LABELS.items()}


class Survey(Translatable, Entity):
    class Status(models.TextChoices):
        DRAFT = "draft", _("not sent yet")
        OPEN = "open", _("sent, open for answers")
        CLOSED = "closed", _("closed")

    plan = models.ForeignKey(
        GoalPlan, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("goal plan")
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    threshold = models.PositiveSmallIntegerField(
        _("minimum number of answers"),
        default=MIN_THRESHOLD,
        validators=[
            MinValueValidator(
                MIN_THRESHOLD,
                message=_(
                    "At least %(limit_value)s answers are needed before results are shown, "
                    "so that no one's answer can be told from them."
                ),
            )
        ],
        help_text=_(
            "The chair and the discussion partners see the results only when at least this "
            "many have answered."
        ),
    )
    # The labels of the levels 1–5 per content language: {"fi": [5 labels], "sv": [5 labels]}.
    labels = models.JSONField(_("labels of the levels 1–5"), default=default_labels)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "-opens_on"]
        verbose_name = _("evaluation survey")
        verbose_name_plural = _("evaluation surveys")
        constraints = [
            one_language_required("survey", "title"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="survey_closes_after_it_opens",
                violation_error_message=_("The survey cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(threshold__gte=MIN_THRESHOLD),
                name="survey_threshold_at_least_three",
            ),
        ]

    def __str__(self):
        return self.text("title")

    @property
    def organisation_id(self):
        return self.plan.organisation_id

    def label(self, level: int, lang: str | None = None) -> str:
        lang = (lang or "fi")[:2]
        for code in (lang, "fi", "sv"):
            values = (self.labels or {}).get(code) or []
            if len(values) >= level and values[level - 1]:
                return str(values[level - 1])
        return str(level)

    def accepts_answers(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.closes_on


class Criterion(Translatable, Entity):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("survey")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fi = models.CharField(_("criterion in Finnish"), max_length=300, blank=True)
    text_sv = models.CharField(_("criterion in Swedish"), max_length=300, blank=True)

    class Meta:
        ordering = ["survey", "order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [one_language_required("criterion", "text")]

    def __str__(self):
        return self.text("text")


class Invitation(models.Model):
    """One recipient's personal link. Only the SHA-256 of the token is stored; the token itself
    exists only in the e-mail. `answered` says the link was used – not when, nor what."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("survey")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("recipient")
    )
    email = models.EmailField(_("sent to"))
    language = models.CharField(_("language"), max_length=2, default="fi")
    token_hash = models.CharField(_("link hash (SHA-256)"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent at"))
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        ordering = ["survey", "sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="invitation_once_per_person")
        ]

    def __str__(self):
        return f"{self.person} – {self.survey}"


class Response(models.Model):
    """One answer: ratings and a comment, with no link to who gave it and no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["survey", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return str(self.id)


class Rating(models.Model):
    """A rating of one criterion in one answer: 1–5, or empty for "cannot say"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("answer")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)

    class Meta:
        ordering = ["response", "criterion"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["response", "criterion"], name="rating_once"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="rating_between_one_and_five",
                violation_error_message=_("A rating is a whole number from 1 to 5."),
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"

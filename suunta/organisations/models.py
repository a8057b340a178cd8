"""Organisations, their bodies and people, and the executive post."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from suunta.core.models import (
    Entity,
    TermQuerySet,
    Translatable,
    ends_after_start,
    one_language_required,
)


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .permissions import organisation_ids_visible_to

        return self.filter(id__in=organisation_ids_visible_to(user))


class Organisation(Translatable, Entity):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        CITY = "city", _("city")
        JOINT_AUTHORITY = "joint_authority", _("joint municipal authority")
        WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
        REGIONAL_COUNCIL = "regional_council", _("regional council")

    class LeadershipModel(models.TextChoices):
        MANAGER = "manager", _("chief executive model")
        MAYOR = "mayor", _("mayor model")
        DIRECTOR = "director", _("director model (joint authority or county)")

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    statistics_code = models.CharField(
        _("Statistics Finland code"),
        max_length=3,
        blank=True,
        help_text=_("Three digits, e.g. 858. Leave empty where the organisation has none."),
    )
    primary_language = models.CharField(
        _("primary language"),
        max_length=2,
        choices=[("fi", _("Finnish")), ("sv", _("Swedish"))],
        default="fi",
    )
    secondary_language = models.CharField(
        _("secondary language"),
        max_length=2,
        blank=True,
        choices=[("fi", _("Finnish")), ("sv", _("Swedish"))],
    )
    leadership_model = models.CharField(
        _("leadership model"), max_length=20, choices=LeadershipModel.choices
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        db_table = "goals_organisation"  # the table it had in goals
        ordering = ["name_fi", "name_sv"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            one_language_required("organisation", "name"),
            models.UniqueConstraint(
                fields=["statistics_code"],
                condition=~Q(statistics_code=""),
                name="organisation_statistics_code_unique",
            ),
            models.CheckConstraint(
                condition=Q(statistics_code="") | Q(statistics_code__regex=r"^[0-9]{3}$"),
                name="organisation_statistics_code_three_digits",
            ),
            models.CheckConstraint(
                condition=~Q(secondary_language=F("primary_language")),
                name="organisation_secondary_language_differs",
            ),
        ]

    def __str__(self):
        return self.text("name")

    @property
    def languages(self) -> list[str]:
        return [code for code in (self.primary_language, self.secondary_language) if code]


class Person(Translatable, Entity):
    """Someone who sits in a body or holds the post, as the organisation records them.

    People the sources do not name are recorded by their title only (``name`` empty).
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("user account"),
    )

    class Meta:
        db_table = "goals_person"  # the table it had in goals
        ordering = ["name", "title_fi"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | ~Q(title_fi="") | ~Q(title_sv=""),
                name="person_has_name_or_title",
            )
        ]

    def __str__(self):
        return self.display_name()

    def display_name(self, lang: str | None = None) -> str:
        """'Kalle Ikkelä', or the title alone for a person the sources do not name."""
        return self.name or self.text("title", lang)


class Body(Translatable, Entity):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("council")
        BOARD = "board", _("board")
        STEERING_GROUP = "steering_group", _("political steering group")
        AUDIT_COMMITTEE = "audit_committee", _("audit committee")
        COMMITTEE = "committee", _("committee")
        LAND_USE_COMMITTEE = "land_use_committee", _("land-use committee")
        OTHER = "other", _("other body")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="bodies",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    abbreviation = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text=_("e.g. KH, Poljory")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "goals_body"  # the table it had in goals
        ordering = ["organisation", "order", "name_fi"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [one_language_required("body", "name")]

    def __str__(self):
        return self.text("name")


class Membership(Entity):
    """A person's seat in a body for a term: a council-term change is new memberships."""

    class Role(models.TextChoices):
        CHAIR = "chair", pgettext_lazy("membership role", "chair")
        FIRST_VICE_CHAIR = "first_vice_chair", _("first vice chair")
        SECOND_VICE_CHAIR = "second_vice_chair", _("second vice chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        MAYOR = "mayor", _("mayor")
        DEPUTY_MAYOR = "deputy_mayor", _("deputy mayor")
        MEMBER = "member", _("member")
        DEPUTY_MEMBER = "deputy_member", _("deputy member")
        PRESENTER = "presenter", _("presenting official")
        SECRETARY = "secretary", _("secretary")

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        db_table = "goals_membership"  # the table it had in goals
        ordering = ["body", "order", "starts_on"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [ends_after_start("membership")]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.body}"


class ExecutivePost(Translatable, Entity):
    """The top official's post: kaupunginjohtaja, kansliapäällikkö, hyvinvointialuejohtaja…"""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="posts",
        verbose_name=_("organisation"),
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    description_fi = models.TextField(_("role description in Finnish"), blank=True)
    description_sv = models.TextField(_("role description in Swedish"), blank=True)
    values_fi = models.TextField(_("leadership values in Finnish"), blank=True)
    values_sv = models.TextField(_("leadership values in Swedish"), blank=True)

    class Meta:
        db_table = "goals_executivepost"  # the table it had in goals
        ordering = ["organisation", "title_fi"]
        verbose_name = _("executive post")
        verbose_name_plural = _("executive posts")
        constraints = [one_language_required("executivepost", "title")]

    def __str__(self):
        return f"{self.text('title')}, {self.organisation}"

    def current_holder(self, day: datetime.date | None = None):
        tenure = self.tenures.active(day).select_related("person").order_by("-starts_on").first()
        return tenure.person if tenure else None


class PostTenure(Entity):
    """Who holds the post and when: a new executive is a new tenure, not an edit."""

    post = models.ForeignKey(
        ExecutivePost, on_delete=models.CASCADE, related_name="tenures", verbose_name=_("post")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="tenures", verbose_name=_("person")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        db_table = "goals_posttenure"  # the table it had in goals
        ordering = ["post", "-starts_on"]
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        constraints = [ends_after_start("posttenure")]

    def __str__(self):
        return f"{self.person} – {self.post}"


class FocusArea(Translatable, Entity):
    """A focus area of the post's work (painopistealue), in the order the post lists them."""

    post = models.ForeignKey(
        ExecutivePost,
        on_delete=models.CASCADE,
        related_name="focus_areas",
        verbose_name=_("post"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fi = models.TextField(_("text in Finnish"), blank=True)
    text_sv = models.TextField(_("text in Swedish"), blank=True)

    class Meta:
        db_table = "goals_focusarea"  # the table it had in goals
        ordering = ["post", "order"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [one_language_required("focusarea", "text")]

    def __str__(self):
        return self.text("text")


class DiscussionPartnerRule(Entity):
    """Who holds the goal and development discussions with the post's holder.

    Configured per post as (body, role): e.g. the mayor and deputy mayors of the political
    steering group and the chair of the council. The people follow from current memberships.
    """

    post = models.ForeignKey(
        ExecutivePost,
        on_delete=models.CASCADE,
        related_name="discussion_partner_rules",
        verbose_name=_("post"),
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, verbose_name=_("body"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "goals_discussionpartnerrule"  # the table it had in goals
        ordering = ["post", "order"]
        verbose_name = _("discussion partner rule")
        verbose_name_plural = _("discussion partner rules")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "body", "role"], name="discussionpartnerrule_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} – {self.body}"

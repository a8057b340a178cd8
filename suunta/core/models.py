"""Building blocks shared by the domain models."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Entity(models.Model):
    """A domain record with a stable, non-guessable id (the same in the API and in exports)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Django's checks, and every text storable (`inputs.text_problem`: no NUL, no lone
        surrogate), whatever door it came through: a 422 naming the field, not a 500."""
        from .inputs import text_problem

        errors: dict[str, list[str]] = {}
        for field in self._meta.concrete_fields:
            if exclude and field.name in exclude:
                continue
            if problem := text_problem(getattr(self, field.attname, None)):
                errors[field.name] = [problem]
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


class Editable(Entity):
    """An editable record: a save based on a stale `lock_version` is refused by the actions."""

    lock_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def content_languages() -> list[str]:
    return list(settings.CONTENT_LANGUAGES)


class Translatable:
    """Content written by people is stored once per content language: `<name>_fi`, `<name>_sv`.

    `text(name)` gives the version in the active language, falling back to the other content
    languages (Finnish first), and `text_lang(name)` tells which language was used, so templates
    can mark a fallback with a `lang` attribute. See docs/decisions/0002-bilingual-content.md.
    """

    def text_lang(self, name: str, lang: str | None = None) -> tuple[str, str]:
        lang = (lang or get_language() or "fi")[:2]
        order = [lang] + [code for code in content_languages() if code != lang]
        for code in order:
            value = getattr(self, f"{name}_{code}", None)
            if value:
                return value, code
        return "", lang if lang in content_languages() else content_languages()[0]

    def text(self, name: str, lang: str | None = None) -> str:
        return self.text_lang(name, lang)[0]


def one_language_required(model_name: str, field: str) -> models.CheckConstraint:
    """The text must exist in at least one content language."""
    condition = Q()
    for code in settings.CONTENT_LANGUAGES:
        condition |= ~Q(**{f"{field}_{code}": ""})
    return models.CheckConstraint(
        condition=condition,
        name=f"{model_name}_{field}_in_some_language",
        violation_error_message=_("Write this text in Finnish or in Swedish."),
    )


class TermQuerySet(models.QuerySet):
    """Records with `starts_on`/`ends_on` (either open): memberships, tenures, roles."""

    def active(self, day: datetime.date | None = None):
        day = day or timezone.localdate()
        return self.filter(
            (Q(starts_on__isnull=True) | Q(starts_on__lte=day))
            & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        )


def ends_after_start(
    model_name: str, start: str = "starts_on", end: str = "ends_on"
) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=f"{model_name}_{end}_after_{start}",
        violation_error_message=_("The end date cannot be before the start date."),
    )

"""Forms of the evaluation surveys: one field per content language, as in the goals app."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from suunta.goals.models import GoalPlan
from suunta.organisations.models import Person

from .models import DEFAULT_CRITERIA, DEFAULT_LABELS, LEVELS, MIN_THRESHOLD, Survey
from .queries import email_of

CRITERION_ROWS = 8  # the five default criteria and room for three more
CANNOT_SAY = "cannot_say"
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SurveyForm(forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE)
    threshold = forms.IntegerField(
        label=_("Minimum number of answers"),
        min_value=MIN_THRESHOLD,
        max_value=999,
        initial=MIN_THRESHOLD,
        error_messages={
            "min_value": _(
                "At least %(limit_value)s answers are needed before results are shown, "
                "so that no one's answer can be told from them."
            )
        },
        help_text=_(
            "The chair and the discussion partners see the results only when at least this "
            "many have answered."
        ),
    )

    def __init__(self, *args: Any, plan: GoalPlan, **kwargs: Any):
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {
                "title_fi": f"Arviointikysely: {plan.title_fi} {plan.period_label}".strip()
                if plan.title_fi
                else "",
                "title_sv": f"Utvärderingsenkät: {plan.title_sv} {plan.period_label}".strip()
                if plan.title_sv
                else "",
                "opens_on": today,
                "closes_on": today + datetime.timedelta(days=14),
                "threshold": MIN_THRESHOLD,
                **{
                    f"label_{level}_{lang}": DEFAULT_LABELS[lang][level - 1]
                    for level in LEVELS
                    for lang in ("fi", "sv")
                },
                **{
                    f"criterion_{n}_{lang}": text
                    for n, pair in enumerate(DEFAULT_CRITERIA, start=1)
                    for lang, text in zip(("fi", "sv"), pair, strict=True)
                },
            },
        )
        super().__init__(*args, **kwargs)
        for level in LEVELS:
            for lang, name in (("fi", _("in Finnish")), ("sv", _("in Swedish"))):
                self.fields[f"label_{level}_{lang}"] = forms.CharField(
                    label=_("Label of %(level)s %(language)s") % {"level": level, "language": name},
                    max_length=60,
                    required=False,
                )
        for n in range(1, CRITERION_ROWS + 1):
            for lang, name in (("fi", _("in Finnish")), ("sv", _("in Swedish"))):
                self.fields[f"criterion_{n}_{lang}"] = forms.CharField(
                    label=_("Criterion %(n)s %(language)s") % {"n": n, "language": name},
                    max_length=300,
                    required=False,
                )

    def level_rows(self) -> list[tuple[int, Any, Any]]:
        return [(lvl, self[f"label_{lvl}_fi"], self[f"label_{lvl}_sv"]) for lvl in LEVELS]

    def criterion_rows(self) -> list[tuple[int, Any, Any]]:
        return [
            (n, self[f"criterion_{n}_fi"], self[f"criterion_{n}_sv"])
            for n in range(1, CRITERION_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        if not (data.get("title_fi") or data.get("title_sv")):
            self.add_error("title_fi", _("Write the title in Finnish or in Swedish."))
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The survey cannot close before it opens."))
        if not self.criteria():
            self.add_error(None, _("Give at least one criterion."))
        return data

    def criteria(self) -> list[tuple[str, str]]:
        data = getattr(self, "cleaned_data", {})
        rows = []
        for n in range(1, CRITERION_ROWS + 1):
            fi = (data.get(f"criterion_{n}_fi") or "").strip()
            sv = (data.get(f"criterion_{n}_sv") or "").strip()
            if fi or sv:
                rows.append((fi, sv))
        return rows

    def survey_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title_fi": data["title_fi"],
            "title_sv": data["title_sv"],
            "opens_on": data["opens_on"],
            "closes_on": data["closes_on"],
            "threshold": data["threshold"],
            "labels": {
                lang: [
                    data.get(f"label_{lvl}_{lang}") or DEFAULT_LABELS[lang][lvl - 1]
                    for lvl in LEVELS
                ]
                for lang in ("fi", "sv")
            },
        }


class RecipientsForm(forms.Form):
    recipients = forms.MultipleChoiceField(
        label=_("Recipients"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one recipient.")},
    )

    def __init__(self, *args: Any, people: list[Person], invited: set[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        choices = []
        for person in people:
            label = person.display_name()
            if person.pk in invited:
                label = _("%(name)s (link already sent)") % {"name": label}
            elif not email_of(person):
                label = _("%(name)s (no e-mail address)") % {"name": label}
            choices.append((str(person.pk), label))
        field = self.fields["recipients"]
        field.choices = choices  # type: ignore[attr-defined]
        field.initial = [str(p.pk) for p in people if p.pk not in invited]

    def chosen(self) -> list[Person]:
        return [self.people[pk] for pk in self.cleaned_data["recipients"]]


class AnswerForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your comment is stored without your name; do not write your name in it."),
    )

    def __init__(self, *args: Any, survey: Survey, lang: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.criteria = list(survey.criteria.order_by("order"))
        message = _("Choose a rating from 1 to 5, or “cannot say”.")
        fields = {}
        for criterion in self.criteria:
            fields[f"c_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text("text", lang),
                widget=forms.RadioSelect,
                choices=[
                    *[(str(lvl), f"{lvl} – {survey.label(lvl, lang)}") for lvl in LEVELS],
                    (CANNOT_SAY, _("Cannot say")),
                ],
                error_messages={"required": message, "invalid_choice": message},
            )
        self.fields = {**fields, **self.fields}

    def rating_fields(self) -> list[Any]:
        return [self[f"c_{c.pk}"] for c in self.criteria]

    def ratings(self) -> dict[Any, int | None]:
        result: dict[Any, int | None] = {}
        for criterion in self.criteria:
            value = self.cleaned_data[f"c_{criterion.pk}"]
            result[criterion.pk] = None if value == CANNOT_SAY else int(value)
        return result

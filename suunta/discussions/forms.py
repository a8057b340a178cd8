"""Forms of the discussion records. Text people write comes in one field per content language
the organisation uses; budgets are read the Finnish way (1 500,50 €)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from suunta.core.forms import LockedChanges, lock_version_field
from suunta.goals.forms import LockedModelForm
from suunta.organisations.models import Person

from .models import AgendaTemplate, AgendaTemplateItem, Discussion, DiscussionItem, TrainingAction

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def person_label(obj) -> str:
    title = obj.text("title")
    return f"{obj.name}, {title}" if obj.name and title else obj.display_name()


def distinct_labels(people) -> dict[Any, str]:
    """Each person's label, told apart where two would read the same: people the sources name
    only by their title (two deputy mayors) are numbered and said to have no name recorded."""
    labels = {p.pk: person_label(p) for p in people}
    seen: dict[str, list[Any]] = {}
    for person in people:
        seen.setdefault(labels[person.pk], []).append(person)
    for label, same in seen.items():
        if len(same) > 1:
            for n, person in enumerate(same, start=1):
                if person.name:
                    labels[person.pk] = f"{label} ({person.email or n})"
                else:
                    labels[person.pk] = _("%(title)s %(n)s (no name recorded)") % {
                        "title": label,
                        "n": n,
                    }
    return labels


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        labels = getattr(self, "labels", None)
        return labels.get(obj.pk, person_label(obj)) if labels else person_label(obj)


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        title = obj.text("title")
        return f"{obj.name}, {title}" if obj.name and title else obj.display_name()


class EuroField(forms.Field):
    """A sum of euros written the Finnish way: 1 500,50 or 1500.50, with or without €."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            whole, _sep, cents = f"{value:.2f}".partition(".")
            groups = f"{int(whole):,}".replace(",", "\xa0")
            return groups if cents == "00" else f"{groups},{cents}"
        return value

    def to_python(self, value):
        text = str(value or "").strip()[:40]
        if not text:
            return None
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
        if not re.fullmatch(r"-?\d+(\.\d{1,2})?", cleaned):
            raise forms.ValidationError(
                _("Write the budget in euros, e.g. 1 500 or 1 500,50."), code="invalid"
            )
        try:
            amount = Decimal(cleaned)
        except InvalidOperation as error:  # pragma: no cover - the pattern rules it out
            raise forms.ValidationError(_("Write the budget in euros."), code="invalid") from error
        if amount < 0:
            raise forms.ValidationError(_("A budget cannot be negative."), code="negative")
        if amount >= Decimal("10000000000"):
            raise forms.ValidationError(_("The budget is too large."), code="too_large")
        return amount


class ContentForm(LockedModelForm):
    """The goals' editable form, for a discussion's content: fields of the languages the
    organisation uses, and the lock_version the user saw. Built with `organisation=`."""


class DiscussionForm(ContentForm):
    participants = PeopleField(
        label=_("Participants"),
        queryset=Person.objects.none(),
        help_text=_(
            "The executive takes part in every discussion. Confidential items are read only by "
            "the participants."
        ),
    )

    class Meta:
        model = Discussion
        fields = ["kind", "held_on", "plan", "participants"]
        widgets = {"held_on": DATE}

    def __init__(self, *args, plans, allow_participants: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        people = self.organisation.people.order_by("name", "title_fi")
        executive = self.instance.executive_id
        if executive:
            people = people.exclude(pk=executive)
        self.fields["participants"].queryset = people
        self.fields["participants"].labels = distinct_labels(list(people.order_by("created_at")))
        self.fields["participants"].label = _("Discussion partners")
        if not self.instance._state.adding:
            self.initial["participants"] = [
                p.pk for p in self.instance.participants.all() if p.pk != executive
            ]
        if not allow_participants:
            del self.fields["participants"]
        self.fields["plan"].queryset = plans
        self.fields["plan"].required = False
        self.fields["plan"].empty_label = _("not tied to a goal plan")
        self.fields["plan"].label_from_instance = lambda p: f"{p.text('title')} {p.period_label}"


class NewDiscussionForm(DiscussionForm):
    template = forms.ModelChoiceField(
        label=_("Agenda"),
        queryset=AgendaTemplate.objects.none(),
        required=False,
        empty_label=None,
        help_text=_("The agenda items are copied from it; you can change them afterwards."),
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.fields["template"].label_from_instance = lambda t: t.text("name")

    def changes(self) -> dict[str, Any]:
        data = super().changes()
        data.pop("template", None)
        return data


class ItemForm(ContentForm):
    translated = ("title", "minutes")
    required_translated = ("title",)

    class Meta:
        model = DiscussionItem
        fields = ["title_fi", "title_sv", "minutes_fi", "minutes_sv", "confidential"]
        widgets = {f"minutes_{c}": forms.Textarea(attrs={"rows": 6}) for c in ("fi", "sv")}


class TrainingActionForm(ContentForm):
    translated = ("description",)
    required_translated = ("description",)
    budget = EuroField(
        label=_("Budget (€)"),
        required=False,
        help_text=_("Optional. In euros, e.g. 1 500 or 1 500,50."),
    )

    class Meta:
        model = TrainingAction
        fields = [
            "description_fi",
            "description_sv",
            "responsible",
            "due_on",
            "budget",
            "confidential",
        ]
        field_classes = {"responsible": PersonField}
        widgets = {
            "due_on": DATE,
            **{f"description_{c}": forms.Textarea(attrs={"rows": 3}) for c in ("fi", "sv")},
        }

    def __init__(self, *args, discussion: Discussion, **kwargs):
        super().__init__(*args, organisation=discussion.organisation, **kwargs)
        self.discussion = discussion
        self.fields["responsible"].queryset = self.organisation.people.order_by("name", "title_fi")
        self.fields["confidential"].help_text = _(
            "Actions are public unless marked confidential, budgets included."
        )

    def clean(self):
        data = super().clean()
        due = data.get("due_on")
        if due is not None and due < self.discussion.held_on:
            self.add_error("due_on", _("The due date cannot be before the discussion."))
        return data


class ActionFollowUpForm(LockedChanges, forms.Form):
    lock_version = lock_version_field()
    status = forms.ChoiceField(label=_("Status"), choices=TrainingAction.Status.choices)
    written_on = forms.DateField(label=_("Date of the note"), required=False, widget=DATE)
    text_fi = forms.CharField(
        label=_("Note in Finnish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    text_sv = forms.CharField(
        label=_("Note in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action: TrainingAction, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        languages = action.discussion.organisation.languages
        for code in ("fi", "sv"):
            if code not in languages:
                del self.fields[f"text_{code}"]
        self.fields["status"].initial = action.status
        self.fields["lock_version"].initial = action.lock_version

    def clean(self):
        data = super().clean()
        texts = [data.get(k) or "" for k in ("text_fi", "text_sv") if k in self.fields]
        if data.get("status") == self.action.status and not any(t.strip() for t in texts):
            raise forms.ValidationError(_("Change the status or write a note."))
        written = data.get("written_on")
        if written is not None and written < self.action.discussion.held_on:
            self.add_error(
                "written_on", _("A follow-up note cannot be dated before the discussion.")
            )
        return data

    def note(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        texts = {k: (data.get(k) or "").strip() for k in ("text_fi", "text_sv") if k in self.fields}
        if not any(texts.values()):
            return None
        return {"written_on": data.get("written_on"), **texts}


class AgendaTemplateForm(ContentForm):
    translated = ("name",)
    required_translated = ("name",)

    class Meta:
        model = AgendaTemplate
        fields = ["name_fi", "name_sv"]


class TemplateItemForm(forms.ModelForm):
    class Meta:
        model = AgendaTemplateItem
        fields = ["title_fi", "title_sv", "guidance_fi", "guidance_sv", "confidential"]
        widgets = {f"guidance_{c}": forms.Textarea(attrs={"rows": 3}) for c in ("fi", "sv")}

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = languages
        for code in ("fi", "sv"):
            if code not in languages:
                del self.fields[f"title_{code}"]
                del self.fields[f"guidance_{code}"]

    def clean(self):
        data = super().clean()
        keys = [f"title_{c}" for c in self.languages if f"title_{c}" in self.fields]
        if self.has_changed() and not any((data.get(k) or "").strip() for k in keys):
            self.add_error(keys[0], _("This field is required."))
        return data


class BaseTemplateItemFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "languages": self.form_kwargs["languages"]}


TemplateItemFormSet = forms.formset_factory(
    TemplateItemForm,
    formset=BaseTemplateItemFormSet,
    extra=1,
    can_delete=True,
    can_order=True,
)

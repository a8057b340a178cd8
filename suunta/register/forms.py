"""The register's forms. The declaration is a formset of interest rows (at most 100; empty rows
are dropped; "add a row" redraws the form without validating it). The actions check everything
again, so that the API, the admin and the forms all get the same refusals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from suunta.core.forms import lock_version_field
from suunta.organisations.models import Body, ExecutivePost, Membership
from suunta.register.models import DeclarationReview, Interest, validate_business_id

from . import queries

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_too_early(value):
    if value and value < queries.EARLIEST_DATE:
        raise forms.ValidationError(_("A date before 1.6.2017 is not accepted."))


class InterestRowForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "—"), *Interest.Category.choices],
        required=False,
    )
    entity_name = forms.CharField(
        label=_("Company, organisation or asset"), max_length=200, required=False
    )
    business_id = forms.CharField(
        label=_("Business ID"),
        max_length=9,
        required=False,
        validators=[validate_business_id],
        help_text=_("e.g. 1234567-8"),
    )
    role_fi = forms.CharField(label=_("Role"), max_length=200, required=False)
    description_fi = forms.CharField(
        label=_("As declared"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    since = forms.DateField(
        label=_("Since"), required=False, widget=DATE, validators=[_not_too_early]
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=DATE, validators=[_not_too_early]
    )

    def clean(self):
        data = super().clean()
        filled = any(data.get(name) for name in self.fields if name != "category")
        if filled and not data.get("category"):
            self.add_error("category", _("Choose a category."))
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date cannot be before the start date."))
        return data

    def is_empty(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not any(data.get(name) for name in self.fields if name != "category")


InterestFormSet = forms.formset_factory(
    InterestRowForm, extra=1, max_num=100, absolute_max=100, validate_max=True
)


def _written_description(interest: Any) -> str:
    """The row's own text; empty when it was made from the company and the role (the action
    makes it again from what is saved, so a changed role or company is not left behind)."""
    text = interest.description_fi or interest.description_sv
    role = interest.role_fi or interest.role_sv
    made = ", ".join(part for part in (interest.entity_name, role) if part)
    return "" if text == made else text


def initial_rows(declaration: Any) -> list[dict[str, Any]]:
    if declaration is None:
        return []
    return [
        {
            "category": i.category,
            "entity_name": i.entity_name,
            "business_id": i.business_id,
            "role_fi": i.role_fi or i.role_sv,
            "description_fi": _written_description(i),
            "since": i.since,
            "until": i.until,
        }
        for i in declaration.interests.order_by("order")
    ]


def rows_for_action(formset: Any) -> list[dict[str, Any]]:
    return [
        dict(form.cleaned_data)
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.is_empty()
    ]


class DeclarationForm(forms.Form):
    no_interests = forms.BooleanField(label=_("I have no interests to declare"), required=False)
    notes = forms.CharField(
        label=_("Notes (public)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    received_on = forms.DateField(
        label=_("Received on paper on"),
        required=False,
        widget=DATE,
        help_text=_("Only when you enter a declaration that was handed in on paper."),
        validators=[_not_too_early],
    )
    lock_version = lock_version_field()

    def __init__(self, *args, keeper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not keeper:
            del self.fields["received_on"]


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=DeclarationReview.Outcome.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Message to the declarant"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for a correction or completion. Not public."),
    )
    version_no = forms.IntegerField(widget=forms.HiddenInput)


class SettingsForm(forms.Form):
    retention_months = forms.IntegerField(
        label=_("Retention after the term ends (months)"), min_value=1, max_value=120
    )
    rules = forms.MultipleChoiceField(
        label=_("Who must declare"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rules"].choices = queries.rule_choices()


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    title_fi = forms.CharField(
        label=pgettext_lazy("job title", "Title"), max_length=200, required=False
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)


class AccountForm(forms.Form):
    user = forms.ChoiceField(
        label=_("User account"),
        required=False,
        help_text=_(
            "With a linked account the person fills in and changes their own declaration and"
            " reads the confidential items of the discussions they took part in. The accounts"
            " that hold a role in the organisation are listed, except your own."
        ),
    )

    def __init__(self, *args, organisation, actor, **kwargs):
        super().__init__(*args, **kwargs)
        from suunta.accounts.models import Role, User

        # Never the admin's own account: another admin links it (docs/decisions/0011).
        users = (
            User.objects.filter(
                is_active=True,
                pk__in=Role.objects.active().filter(organisation=organisation).values("user"),
            )
            .exclude(pk=actor.pk)
            .order_by("last_name", "first_name", "username")
        )
        self.fields["user"].choices = [("", _("No account"))] + [
            (str(u.pk), f"{u.get_full_name() or u.username} ({u.username})") for u in users
        ]
        self.users = {str(u.pk): u for u in users}

    def chosen(self) -> Any:
        return self.users.get(self.cleaned_data["user"])


class PositionForm(forms.Form):
    position = forms.ChoiceField(label=_("Body or post"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        required=False,
        help_text=_("Not needed for the executive post."),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE, validators=[_not_too_early])

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (f"body:{b.pk}", b.text("name")) for b in Body.objects.filter(organisation=organisation)
        ]
        choices += [
            (f"post:{p.pk}", p.text("title"))
            for p in ExecutivePost.objects.filter(organisation=organisation)
        ]
        self.fields["position"].choices = choices
        self.organisation = organisation

    def target(self) -> dict[str, Any]:
        kind, pk = self.cleaned_data["position"].split(":", 1)
        if kind == "body":
            return {"body": Body.objects.get(pk=pk, organisation=self.organisation)}
        return {"post": ExecutivePost.objects.get(pk=pk, organisation=self.organisation)}


class EndPositionForm(forms.Form):
    ends_on = forms.DateField(label=_("The term ends on"), widget=DATE)

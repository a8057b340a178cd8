from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from suunta.accounts.models import Role
from suunta.organisations.models import Body, Membership, Organisation, Person

from . import plan_templates, scales

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

ORGANISATION_FIELDS = [
    "name_fi",
    "name_sv",
    "kind",
    "leadership_model",
    "statistics_code",
    "primary_language",
    "secondary_language",
]


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS

    def clean_statistics_code(self):
        code = self.cleaned_data.get("statistics_code", "").strip()
        if code and not re.fullmatch(r"\d{3}", code):
            raise forms.ValidationError(_("Three digits, e.g. 858."))
        return code

    def clean(self):
        data = super().clean()
        if not (data.get("name_fi") or data.get("name_sv")):
            self.add_error("name_fi", _("Write the name in Finnish or in Swedish."))
        if data.get("secondary_language") and data.get("secondary_language") == data.get(
            "primary_language"
        ):
            self.add_error("secondary_language", _("The second language differs from the first."))
        return data


class NewOrganisationForm(OrganisationForm):
    admin_name = forms.CharField(label=_("The administrator's name"), max_length=200)
    admin_email = forms.EmailField(label=_("The administrator's e-mail address"))
    admin_language = forms.ChoiceField(
        label=_("The administrator's language"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        initial="fi",
    )


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name_fi", "name_sv", "abbreviation"]

    def clean(self):
        data = super().clean()
        if not (data.get("name_fi") or data.get("name_sv")):
            self.add_error("name_fi", _("Write the name in Finnish or in Swedish."))
        return data


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "title_fi", "title_sv", "email"]
        help_texts = {"title_fi": _("e.g. Apulaispormestari, Kansliapäällikkö")}

    def clean(self):
        data = super().clean()
        if not (data.get("name") or data.get("title_fi") or data.get("title_sv")):
            self.add_error("name", _("Write the person's name (or at least their title)."))
        return data


class MembershipForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    starts_on = forms.DateField(label=_("Term starts"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Term ends"), required=False, widget=DATE)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = organisation.bodies.all()  # type: ignore[attr-defined]
        self.fields["person"].queryset = organisation.people.all()  # type: ignore[attr-defined]
        self.fields["role"].initial = Membership.Role.MEMBER

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return data


class MembersFileForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "As the meeting system exports it, or typed in Excel: a header row naming the "
            "columns (nimi or etunimi and sukunimi; toimielin, rooli, alkaa, päättyy, "
            "sähköposti where you have them) and one member a row."
        ),
    )
    body = forms.ModelChoiceField(
        label=_("Body, when the file has no column for it"),
        queryset=Body.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = organisation.bodies.all()  # type: ignore[attr-defined]


class PostForm(forms.Form):
    title_fi = forms.CharField(
        label=_("Title in Finnish"),
        max_length=200,
        required=False,
        help_text=_("e.g. Kaupunginjohtaja, Kansliapäällikkö"),
    )
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    description_fi = forms.CharField(
        label=_("Role description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    description_sv = forms.CharField(
        label=_("Role description in Swedish"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    values_fi = forms.CharField(
        label=_("Leadership values"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    values_sv = forms.CharField(
        label=_("Leadership values in Swedish"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    focus_areas = forms.CharField(
        label=_("Focus areas"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_(
            "One a line. Paste the list from the contract or the job description: bullets and "
            "numbers are left out, and a line broken in the middle is joined again."
        ),
    )
    holder = forms.ModelChoiceField(
        label=_("Holder of the post"), queryset=Person.objects.none(), required=False
    )
    holder_from = forms.DateField(label=_("Holds the post from"), required=False, widget=DATE)
    partners = forms.MultipleChoiceField(
        label=_("Who holds the goal discussion"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The seats whose holders hold the discussion with the executive."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if "sv" not in organisation.languages:
            for name in ("title_sv", "description_sv", "values_sv"):
                del self.fields[name]
        self.fields["holder"].queryset = organisation.people.all()  # type: ignore[attr-defined]
        self.fields["partners"].choices = partner_choices(organisation)

    def clean(self):
        data = super().clean()
        if not (data.get("title_fi") or data.get("title_sv")):
            self.add_error("title_fi", _("Write the post's title."))
        return data

    def partner_pairs(self) -> list[tuple[Body, str]]:
        bodies = {str(b.pk): b for b in self.organisation.bodies.all()}
        pairs = []
        for value in self.cleaned_data.get("partners") or []:
            body_id, _sep, role = value.partition(":")
            if body_id in bodies:
                pairs.append((bodies[body_id], role))
        return pairs


def partner_choices(organisation: Organisation) -> list[tuple[str, str]]:
    """(body, role) pairs that the organisation's bodies have seats for, e.g. "Poliittinen
    johtoryhmä: pormestari"; with the usual ones offered even before the seats are filled."""
    usual = {
        Membership.Role.CHAIR,
        Membership.Role.MAYOR,
        Membership.Role.DEPUTY_MAYOR,
        Membership.Role.FIRST_VICE_CHAIR,
        Membership.Role.SECOND_VICE_CHAIR,
    }
    choices = []
    for body in organisation.bodies.all():
        roles = set(body.memberships.values_list("role", flat=True)) & usual
        if body.kind in (Body.Kind.BOARD, Body.Kind.COUNCIL):
            roles.add(Membership.Role.CHAIR)
        if body.kind == Body.Kind.STEERING_GROUP:
            roles |= {Membership.Role.MAYOR, Membership.Role.DEPUTY_MAYOR}
        for role in Membership.Role.values:
            if role in roles:
                label = Membership.Role(role).label
                choices.append((f"{body.pk}:{role}", f"{body.text('name')}: {label}"))
    return choices


class ContractForm(forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("In force from"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("In force until"), required=False, widget=DATE)
    text = forms.CharField(
        label=_("The contract's text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        help_text=_(
            "Paste the contract: its headings (numbered, or short lines of their own) become "
            "its sections."
        ),
    )
    file = forms.FileField(
        label=_("The signed contract (PDF, DOCX or ODT)"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("title_fi") or data.get("title_sv")):
            self.add_error("title_fi", _("Write the contract's title."))
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return data


class ScaleForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("Rating scale"), choices=scales.choices, widget=forms.RadioSelect
    )


ROLE_HELP = {
    Role.Kind.ADMIN: _("sets up the organisation and invites its users"),
    Role.Kind.COORDINATOR: _("prepares the papers and records the decisions"),
    Role.Kind.DISCUSSION_PARTNER: _("holds the goal discussion, drafts the goals"),
    Role.Kind.EXECUTIVE: _("the executive: reads everything about themself"),
    Role.Kind.BOARD_MEMBER: _("reads the plans from the proposal on"),
    Role.Kind.AUDIT_COMMITTEE: _("reads the plans, reviews the declarations of interests"),
}


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    kind = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)
    person = forms.ModelChoiceField(
        label=_("The person they are in the organisation"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Links the account to the person: their seat, their post, their discussions."),
    )
    ends_on = forms.DateField(
        label=_("The role ends on"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for a role without an end date (e.g. staff)."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind, f"{label} – {ROLE_HELP[kind]}") for kind, label in Role.Kind.choices
        ]
        self.fields["person"].queryset = organisation.people.filter(user__isnull=True)  # type: ignore[attr-defined]

    def clean_ends_on(self):
        day = self.cleaned_data.get("ends_on")
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError(_("The role cannot end before today."))
        return day


class EndRoleForm(forms.Form):
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)


class FirstPlanForm(forms.Form):
    template = forms.ChoiceField(
        label=_("How the plan starts"),
        choices=list(plan_templates.TEMPLATES.items()),
        widget=forms.RadioSelect,
        initial="annual",
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year + (
            1 if timezone.localdate().month >= 10 else 0
        )


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    password2 = forms.CharField(
        label=_("The password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


def today() -> datetime.date:
    return timezone.localdate()

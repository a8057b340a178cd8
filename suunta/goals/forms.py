"""Forms for editing a draft plan. Content fields come in one column per content language
the organisation uses; at least one language must be filled in where the text is required."""

from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from suunta.core.forms import LockedChanges, lock_version_field
from suunta.core.inputs import OutOfRange, bounded
from suunta.organisations.models import Body, Membership, Organisation, Person

from .models import Checkpoint, Decision, Goal, GoalPlan, Indicator
from .value_import import parse_decimal


class FinnishDecimalField(forms.DecimalField):
    """Accepts what people type in Finland: 7 500,50 (any space as a thousands separator,
    a decimal comma) as well as 7500.50."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(parse_decimal(value))
            except OutOfRange as error:
                raise forms.ValidationError(str(error), code="out_of_range") from error
            except (InvalidOperation, ValueError):
                pass  # unreadable: the field's own "Enter a number." follows
        value = super().to_python(value)
        if value is not None and value.is_finite():  # not finite: the field's own message
            try:
                bounded(value)
            except OutOfRange as error:
                raise forms.ValidationError(str(error), code="out_of_range") from error
        return value


class LockedModelForm(LockedChanges, forms.ModelForm):
    """Carries the lock_version the user saw; the action refuses a stale one."""

    lock_version = lock_version_field()
    translated: tuple[str, ...] = ()
    required_translated: tuple[str, ...] = ()

    def __init__(
        self,
        *args,
        plan: GoalPlan | None = None,
        organisation: Organisation | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if organisation is None:
            if plan is None:
                raise TypeError("LockedModelForm needs the plan or the organisation")
            organisation = plan.organisation
        self.plan = plan
        self.organisation = organisation
        self.languages = organisation.languages
        for name in self.translated:
            for code in ("fi", "sv"):
                key = f"{name}_{code}"
                if key in self.fields and code not in self.languages:
                    del self.fields[key]
        if self.instance.pk:
            self.fields["lock_version"].initial = self.instance.lock_version
        else:
            del self.fields["lock_version"]

    def clean(self):
        data = super().clean()
        for name in self.required_translated:
            keys = [f"{name}_{code}" for code in self.languages if f"{name}_{code}" in self.fields]
            if keys and not any((data.get(key) or "").strip() for key in keys):
                self.add_error(keys[0], _("This field is required."))
        return data


class PlanForm(LockedModelForm):
    translated = ("title", "basis", "purpose", "evaluation")
    required_translated = ("title",)

    class Meta:
        model = GoalPlan
        fields = [
            "title_fi",
            "title_sv",
            "period_kind",
            "period_start",
            "period_end",
            "basis_fi",
            "basis_sv",
            "purpose_fi",
            "purpose_sv",
            "evaluation_fi",
            "evaluation_sv",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{
                f"{n}_{c}": forms.Textarea(attrs={"rows": 5})
                for n in ("basis", "purpose", "evaluation")
                for c in ("fi", "sv")
            },
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class GoalForm(LockedModelForm):
    translated = ("area", "title", "description", "criteria")
    required_translated = ("title",)

    class Meta:
        model = Goal
        fields = [
            "title_fi",
            "title_sv",
            "area_fi",
            "area_sv",
            "kind",
            "description_fi",
            "description_sv",
            "criteria_fi",
            "criteria_sv",
            "weight",
            "focus_areas",
        ]
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            **{
                f"{n}_{c}": forms.Textarea(attrs={"rows": 3})
                for n in ("description", "criteria")
                for c in ("fi", "sv")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.plan
        self.fields["focus_areas"].queryset = plan.post.focus_areas.all()
        self.fields["weight"].widget.attrs.update({"min": "0", "max": "100", "step": "0.01"})
        if not plan.post.focus_areas.exists():
            del self.fields["focus_areas"]

    def clean_weight(self):
        weight = self.cleaned_data.get("weight")
        if weight is not None and not 0 <= weight <= 100:
            raise forms.ValidationError(_("A weight is a percentage between 0 and 100."))
        return weight


class IndicatorForm(LockedModelForm):
    translated = ("text",)
    required_translated = ("text",)

    class Meta:
        model = Indicator
        fields = ["text_fi", "text_sv", "unit", "baseline", "target", "direction"]
        widgets = {f"text_{c}": forms.Textarea(attrs={"rows": 2}) for c in ("fi", "sv")}

    def clean(self):
        data = super().clean()
        numeric = data.get("baseline") is not None or data.get("target") is not None
        if numeric and not data.get("unit"):
            self.add_error("unit", _("A numeric indicator needs a unit, e.g. € / resident."))
        return data


class CheckpointForm(LockedModelForm):
    translated = ("label",)
    required_translated = ("label",)

    class Meta:
        model = Checkpoint
        fields = ["label_fi", "label_sv", "opens_on", "closes_on"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The window cannot close before it opens."))
        return data


# --- The workflow -------------------------------------------------------------------------------


class ProposeForm(forms.Form):
    proposed_to = forms.ModelChoiceField(
        label=_("Proposed to"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("the chair"),
        help_text=_("The political steering group or the chair who takes it to the board."),
    )

    def __init__(self, *args, plan: GoalPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_to"].queryset = plan.organisation.bodies.all()


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What should be changed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.display_name()


class DecisionForm(LockedChanges, forms.ModelForm):
    """A body's handling of the plan, from the minutes. `lock_version` is the plan version the
    recorder saw: a decision on a plan that changed meanwhile is refused."""

    lock_version = lock_version_field()

    attendees = PeopleField(label=_("Present"), queryset=Person.objects.none(), required=False)
    disqualified = PeopleField(
        label=_("Disqualified (left the room)"), queryset=Person.objects.none(), required=False
    )

    class Meta:
        model = Decision
        fields = [
            "kind",
            "body",
            "meeting_date",
            "section",
            "checkpoint",
            "amount",
            "presenter",
            "attendees",
            "disqualified",
            "summary_fi",
            "summary_sv",
        ]
        field_classes = {"amount": FinnishDecimalField}
        widgets = {
            "amount": forms.TextInput(attrs={"inputmode": "decimal"}),
            "meeting_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary_fi": forms.Textarea(attrs={"rows": 3}),
            "summary_sv": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, plan: GoalPlan, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        org = plan.organisation
        labels = dict(Decision.Kind.choices)
        self.fields["kind"].choices = [(k, labels[k]) for k in kinds]
        self.fields["body"].queryset = org.bodies.all()
        if "review" in kinds:
            self.fields["checkpoint"].queryset = plan.checkpoints.all()
            self.fields["checkpoint"].empty_label = _("— not a follow-up report —")
        else:
            del self.fields["checkpoint"]
        people = org.people.order_by("name", "title_fi")
        for name in ("presenter", "attendees", "disqualified"):
            self.fields[name].queryset = people
        self.fields["presenter"].label_from_instance = lambda p: p.display_name()
        self.fields["presenter"].help_text = _(
            "The chair presents: the executive is a party to the matter. Left empty in an "
            "evaluation or a reward decision, the chair of the body is recorded."
        )
        if "reward" not in kinds:
            del self.fields["amount"]
        for code in ("fi", "sv"):
            if code not in org.languages:
                del self.fields[f"summary_{code}"]

    @property
    def expected_lock(self) -> int | None:  # type: ignore[override]
        """None when the form was posted without one (the API): the plan is not compared."""
        return self.cleaned_data.get("lock_version")


class MinutesForm(DecisionForm):
    """The decision form of the page, as a municipal secretary fills it in from the minutes:
    the members of the chosen body on the meeting day are listed (the ordinary members ticked,
    the deputy members not), substitutes and others present are added from the organisation's
    people, and the executive has a line of their own: not present, present, or disqualified
    and left the room, proposed only for a decision they are a party to (`PARTY_DECISIONS`:
    never for the steering group's review, which goes the goals through with them)."""

    others = PeopleField(
        label=_("Others present: substitutes, invited"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("A deputy member who stood in, or someone invited to the item."),
    )
    executive_presence = forms.ChoiceField(
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("absent", _("not present")),
            ("disqualified", _("disqualified: left the room during the item")),
            ("present", _("present during the item")),
        ],
    )

    field_order = [
        "kind", "body", "meeting_date", "section", "checkpoint", "amount", "presenter",
        "attendees", "others", "executive_presence", "disqualified",
    ]  # fmt: skip

    def __init__(self, *args, plan: GoalPlan, kinds: list[str], party: set[str], **kwargs):
        super().__init__(*args, plan=plan, kinds=kinds, **kwargs)
        self.order_fields(self.field_order)
        self.fields["kind"].choices = [("", _("— choose —")), *self.fields["kind"].choices]
        org = plan.organisation
        executive = plan.executive
        body, day = self._chosen("body"), self._chosen("meeting_date")
        people = org.people.order_by("name", "title_fi")
        if executive is not None:
            people = people.exclude(pk=executive.pk)
        seats = (
            Membership.objects.active(day).filter(body=body).select_related("person")
            if body is not None and day is not None
            else Membership.objects.none()
        )
        members = people.filter(pk__in=seats.values("person_id"))
        roles = {m.person_id: m.get_role_display() for m in seats}
        self.fields["attendees"].label = _("Members present")
        self.fields["attendees"].queryset = members
        self.fields["attendees"].label_from_instance = lambda p: (
            f"{p.display_name()} ({roles[p.pk]})" if p.pk in roles else p.display_name()
        )
        if body is None or day is None:
            self.fields["attendees"].help_text = _(
                "Choose the body and the meeting date: its members on that day are listed here."
            )
        self.fields["others"].queryset = people.exclude(pk__in=members.values("pk"))
        self.fields["disqualified"].label = _("Others disqualified (left the room)")
        self.fields["disqualified"].queryset = people
        if executive is None:
            del self.fields["executive_presence"]
        else:
            self.fields["executive_presence"].label = _("%(name)s, the executive") % {
                "name": executive.display_name()
            }
        if not self.is_bound:
            deputies = {m.person_id for m in seats if m.role == Membership.Role.DEPUTY_MEMBER}
            self.initial.setdefault("attendees", [p.pk for p in members if p.pk not in deputies])
            kind = self._chosen("kind")
            self.initial["executive_presence"] = "disqualified" if kind in party else "absent"

    def _chosen(self, name: str) -> Any:
        """The field's value as posted or as given initially, or None when it is not valid."""
        value = self.data.get(name) if self.is_bound else self.initial.get(name)
        if value in (None, ""):
            return None
        try:
            return self.fields[name].clean(value)
        except forms.ValidationError:
            return None

    def changes(self) -> dict[str, Any]:
        data = super().changes()
        presence = data.pop("executive_presence", "absent") or "absent"
        attendees = list(data.get("attendees") or []) + list(data.pop("others", None) or [])
        disqualified = list(data.get("disqualified") or [])
        executive = self.plan.executive
        if executive is not None and presence in ("present", "disqualified"):
            attendees.append(executive)
        if executive is not None and presence == "disqualified":
            disqualified.append(executive)
        data["attendees"], data["disqualified"] = attendees, disqualified
        return data


# --- Follow-up -------------------------------------------------------------------------------


def plain_number(value: Decimal) -> str:
    """2.00 → "2", 2.50 → "2.5": the value a choice posts."""
    return format(value.normalize(), "f")


def follow_up_fingerprint(text_fi: Any, text_sv: Any, rating: Any) -> str:
    """What a goal's follow-up form showed, as a short digest: a goal whose posted text and
    rating give the digest it was shown with was not touched, whatever was saved meanwhile."""
    parts = [str(v or "").replace("\r\n", "\n").strip() for v in (text_fi, text_sv)]
    if rating in (None, ""):
        parts.append("")
    else:
        parts.append(format(Decimal(str(rating)).normalize(), "f"))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


class FollowUpForm(forms.Form):
    """One goal's follow-up at one checkpoint: text in the organisation's languages and a
    rating on the plan's scale. On the checkpoint's page every goal has one, its fields named
    `g<number>_<field>` (`prefix`), all in one form with one save."""

    goal = forms.UUIDField(widget=forms.HiddenInput)
    lock_version = lock_version_field()
    original = forms.CharField(widget=forms.HiddenInput, required=False)
    text_fi = forms.CharField(
        label=_("Follow-up in Finnish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    text_sv = forms.CharField(
        label=_("Follow-up in Swedish"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    rating = forms.DecimalField(label=_("Rating"), required=False, max_digits=6, decimal_places=2)

    def __init__(self, *args, plan: GoalPlan, scale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = plan.organisation.languages
        for code in ("fi", "sv"):
            if code not in self.languages:
                del self.fields[f"text_{code}"]
        if scale is None or scale.kind == "none":
            del self.fields["rating"]
        elif scale.kind == "percent":
            self.fields["rating"].label = _("Per cent achieved")
            self.fields["rating"].widget.attrs.update({"min": "0", "max": "100", "step": "1"})
        else:
            self.fields["rating"] = forms.TypedChoiceField(
                label=_("Rating"),
                required=False,
                coerce=lambda value: Decimal(value),
                empty_value=None,
                choices=[("", _("not rated"))]
                + [(plain_number(lvl.value), lvl.text("label")) for lvl in scale.levels.all()],
            )

    def clean(self):
        data = super().clean()
        keys = [f"text_{code}" for code in self.languages if f"text_{code}" in self.fields]
        if keys and not any((data.get(key) or "").strip() for key in keys):
            self.add_error(keys[0], _("Write the follow-up."))
        return data

    def add_prefix(self, field_name: str) -> str:
        return f"{self.prefix}_{field_name}" if self.prefix else field_name

    def posted_fingerprint(self) -> str | None:
        """The fingerprint of the posted text and rating (None: the rating is not a number)."""
        data = {n: self.data.get(self.add_prefix(n)) for n in ("text_fi", "text_sv", "rating")}
        try:
            return follow_up_fingerprint(data["text_fi"], data["text_sv"], data["rating"])
        except (ArithmeticError, ValueError):
            return None

    def touched(self) -> bool:
        """Whether the user changed the goal's text or rating from what the page showed."""
        return self.posted_fingerprint() != self.data.get(self.add_prefix("original"))

    def changes(self) -> dict:
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if k in ("text_fi", "text_sv", "rating") and k in self.fields
        }

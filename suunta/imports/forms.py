"""The import's forms: the file or pasted text, and the review of what was found."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from suunta.goals.forms import FinnishDecimalField
from suunta.uploads import limits

from .periods import checkpoint_window


class ImportStartForm(forms.Form):
    file = forms.FileField(
        label=_("Goal document"),
        required=False,
        help_text=_("Word (DOCX), OpenDocument (ODT, ODS), PDF, Excel (XLSX) or plain text."),
    )
    text = forms.CharField(
        label=_("…or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=limits.PASTED_TEXT_CHARS,
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the document's text."))
        if data.get("file") and (data.get("text") or "").strip():
            raise forms.ValidationError(_("Give either a file or pasted text, not both."))
        return data


class PlanReviewForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language of the document"),
        choices=[("fi", _("Finnish")), ("sv", _("Swedish"))],
    )
    period_start = forms.DateField(
        label=_("Period starts"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("Period ends"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    basis = forms.CharField(
        label=_("Director contract"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    purpose = forms.CharField(
        label=_("Purpose of the goal discussion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    evaluation = forms.CharField(
        label=_("Evaluation of the goals"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class CheckpointReviewForm(forms.Form):
    keep = forms.BooleanField(label=_("Import"), required=False, initial=True)
    label = forms.CharField(label=_("Checkpoint"), max_length=100)
    opens_on = forms.DateField(
        label=_("Window opens"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    closes_on = forms.DateField(
        label=_("Window closes"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        data = super().clean()
        if not data.get("keep"):
            return data
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if (not opens or not closes) and data.get("label"):
            window = checkpoint_window(data["label"])
            if window:
                opens, closes = opens or window[0], closes or window[1]
                data["opens_on"], data["closes_on"] = opens, closes
        if not opens or not closes:
            raise forms.ValidationError(
                _("Give the dates the follow-up is written between (the label names no month).")
            )
        if closes < opens:
            raise forms.ValidationError(_("The window cannot close before it opens."))
        return data


class GoalReviewForm(forms.Form):
    keep = forms.BooleanField(label=_("Import"), required=False, initial=True)
    merge = forms.BooleanField(
        label=_("Merge into the goal above"),
        required=False,
        help_text=_("Its indicators are added to the goal above; its title is dropped."),
    )
    area = forms.CharField(label=_("Area"), max_length=200, required=False)
    title = forms.CharField(label=_("Goal"), max_length=300, required=False)
    weight = FinnishDecimalField(
        label=_("Weight (%)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=Decimal(100),
    )
    indicators = forms.CharField(
        label=_("Indicators, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("keep") and not data.get("merge") and not (data.get("title") or "").strip():
            self.add_error("title", _("A goal needs a title (or leave it out of the import)."))
        return data

    def indicator_lines(self) -> list[str]:
        lines = (self.cleaned_data.get("indicators") or "").splitlines()
        return [line.strip(" •-–*\t") for line in lines if line.strip(" •-–*\t")]


class BaseGoalFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        for form in self.forms:  # the first goal kept has no goal above to merge into
            data = getattr(form, "cleaned_data", None) or {}
            if not data.get("keep"):
                continue
            if data.get("merge"):
                form.add_error("merge", _("There is no goal above to merge this one into."))
            break


CheckpointFormSet = forms.formset_factory(CheckpointReviewForm, extra=1, max_num=12)
GoalFormSet = forms.formset_factory(GoalReviewForm, formset=BaseGoalFormSet, extra=1, max_num=60)


def review_initial(found: dict[str, Any], default_year: int) -> dict[str, Any]:
    """The review forms' initial values from what was found."""
    import datetime

    sections = {s["kind"]: s["text"] for s in reversed(found.get("sections", []))}
    checkpoints = []
    for c in found.get("checkpoints", []):
        window = checkpoint_window(c["label"])
        checkpoints.append(
            {
                "keep": True,
                "label": c["label"],
                "opens_on": window[0] if window else None,
                "closes_on": window[1] if window else None,
            }
        )
    goals = [
        {
            "keep": True,
            "area": g.get("area", ""),
            "title": g.get("title", ""),
            "weight": g.get("weight"),
            "indicators": "\n".join(i["text"] for i in g.get("indicators", [])),
        }
        for g in found.get("goals", [])
    ]
    return {
        "plan": {
            "title": found.get("title", ""),
            "language": found.get("language") or "fi",
            "period_start": datetime.date(default_year, 1, 1),
            "period_end": datetime.date(default_year, 12, 31),
            "basis": sections.get("basis", ""),
            "purpose": sections.get("purpose", ""),
            "evaluation": sections.get("evaluation", ""),
        },
        "checkpoints": checkpoints,
        "goals": goals,
    }

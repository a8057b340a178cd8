"""The import's forms: the file or pasted text, and the review of what was found."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from suunta.goals.forms import FinnishDecimalField
from suunta.uploads import limits

from . import outline
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


ROLE_CHOICES = [
    ("area", _("Area")),
    ("goal", _("Goal")),
    ("indicator", _("Indicator")),
    ("text", _("Plain text")),
    ("ignore", _("Ignore")),
]
MOVE_OPS = ("similar", "merge", "split", "up", "down", "insert")


class LinesForm(forms.Form):
    """The review's lines as the page submits them: each line's role and text, a goal line's
    weight, and the move a button asked for ("merge:12", "similar:3", "up:7" …, or "save",
    or "apply" for the changed roles and texts alone)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    op = forms.CharField(required=False, max_length=40)

    def __init__(self, *args: Any, lines: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(lines):
            self.fields[f"role-{n}"] = forms.ChoiceField(choices=ROLE_CHOICES, required=False)
            self.fields[f"text-{n}"] = forms.CharField(
                required=False, max_length=outline.MAX_LINE, strip=True
            )
            self.fields[f"split-{n}"] = forms.IntegerField(required=False, min_value=0)
            self.fields[f"weight-{n}"] = FinnishDecimalField(
                label=_("Weight (%)"),
                required=False,
                max_digits=5,
                decimal_places=2,
                min_value=Decimal(0),
                max_value=Decimal(100),
            )
        self.line_count = lines

    def clean_op(self) -> tuple[str, int]:
        raw = (self.cleaned_data.get("op") or "save").strip()
        name, _sep, index = raw.partition(":")
        if name in ("save", "apply") and not index:
            return name, 0
        if name not in MOVE_OPS or not index.isdigit() or int(index) >= self.line_count:
            raise forms.ValidationError(_("That move is not known. Reload the page."))
        return name, int(index)

    def rows(self) -> dict[int, dict[str, Any]]:
        """The lines the page sent: role, text and (a goal's) weight; a line whose fields were
        not sent is left as it is."""
        rows = {}
        for n in range(self.line_count):
            role = self.cleaned_data.get(f"role-{n}")
            text = self.cleaned_data.get(f"text-{n}")
            if role and text:
                rows[n] = {"role": role, "text": text}
                if f"weight-{n}" in self.data:
                    rows[n]["weight"] = self.cleaned_data.get(f"weight-{n}")
        return rows


CheckpointFormSet = forms.formset_factory(CheckpointReviewForm, extra=1, max_num=12)


def review_initial(found: dict[str, Any], default_year: int) -> dict[str, Any]:
    """The review forms' initial values from what was found: the period the text states, or
    the year the goals are most likely for."""
    import datetime

    start = found.get("period_start")
    end = found.get("period_end")
    period = (
        (datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
        if start and end
        else (datetime.date(default_year, 1, 1), datetime.date(default_year, 12, 31))
    )
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
    return {
        "plan": {
            "title": found.get("title", ""),
            "language": found.get("language") or "fi",
            "period_start": period[0],
            "period_end": period[1],
            "basis": sections.get("basis", ""),
            "purpose": sections.get("purpose", ""),
            "evaluation": sections.get("evaluation", ""),
        },
        "checkpoints": checkpoints,
    }

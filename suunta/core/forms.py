"""Web glue shared by the apps' forms and views: an action's ValidationError put next to the
form's fields, and the hidden `lock_version` a form carries for the compare-and-swap save.
Imports no feature app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError


def validation_messages(error: ValidationError) -> dict[str, list[str]]:
    """A model ValidationError as {field: [messages]} for putting next to form fields."""
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for e in errs for m in e.messages]
            for field, errs in error.error_dict.items()
        }
    return {"__all__": list(error.messages)}


def add_form_errors(form: Any, error: ValidationError) -> None:
    """An action's ValidationError next to the form's fields (the rest above the form)."""
    for field, texts in validation_messages(error).items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)


def lock_version_field() -> forms.IntegerField:
    """The hidden field that carries the `lock_version` the user saw."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False)


class LockedChanges:
    """For a form with a `lock_version` field (`lock_version_field()`): what the action takes,
    the changed values and the version the user saw."""

    cleaned_data: dict[str, Any]
    fields: dict[str, Any]

    def changes(self) -> dict[str, Any]:
        """The cleaned values of the form's fields but the lock version, for the action."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "lock_version" and name in self.fields
        }

    @property
    def expected_lock(self) -> int:
        return int(self.cleaned_data.get("lock_version") or 0)

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from suunta.goals.models import Goal, GoalPlan
from suunta.organisations.models import FocusArea


class ChoiceById(forms.ModelChoiceField):
    """A choice by UUID: anything that is not one is "not a valid choice" like a wrong id."""

    def to_python(self, value):
        if value not in self.empty_values:
            try:
                uuid.UUID(str(value))
            except ValueError as error:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                ) from error
        return super().to_python(value)


class LinkForm(forms.Form):
    """A suggested pair, accepted or rejected: one of the plan's goals and one of the post's
    focus areas (anything else is a clear error, never a 500)."""

    goal = ChoiceById(
        queryset=Goal.objects.none(),
        label=_("Goal"),
        error_messages={
            "required": _("Choose a goal."),
            "invalid_choice": _("This goal is not in this goal plan."),
        },
    )
    focus_area = ChoiceById(
        queryset=FocusArea.objects.none(),
        label=_("Focus area"),
        error_messages={
            "required": _("Choose a focus area."),
            "invalid_choice": _("This focus area is not one of this post's focus areas."),
        },
    )

    def __init__(self, *args, plan: GoalPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(plan=plan).select_related("plan")
        self.fields["focus_area"].queryset = FocusArea.objects.filter(post_id=plan.post_id)

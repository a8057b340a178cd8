"""Support staff set an organisation's reminder days here, audited; sent reminders are
read-only (deleting one would send its reminder again)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from suunta.audit.admin_audit import AuditedAdmin, ReadOnlyAdmin

from .models import ReminderSettings, SentReminder, parse_days


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["organisation", "days"]

    def clean_days(self):
        value = self.cleaned_data["days"]
        try:
            return ",".join(str(day) for day in parse_days(value))
        except ValueError as error:
            raise forms.ValidationError(
                _("Write whole numbers of days of 0 or more, separated by commas, e.g. 14,3,0.")
            ) from error


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(AuditedAdmin):
    form = ReminderSettingsForm
    list_display = ["organisation", "days"]


@admin.register(SentReminder)
class SentReminderAdmin(ReadOnlyAdmin):
    list_display = ["sent_at", "user", "item_key", "day"]
    list_filter = ["day"]
    search_fields = ["user__username", "item_key"]

from django.contrib import admin

from .admin_audit import ReadOnlyAdmin
from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the audit log is never edited."""

    list_display = ["at", "actor", "organisation", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]

"""Reading the audit log: what the pages show about who changed a record."""

from __future__ import annotations

from typing import Any

from .models import AuditEvent


def last_change(obj: Any) -> AuditEvent | None:
    """The latest audit event about the object: who saved it and when."""
    return (
        AuditEvent.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk))
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )

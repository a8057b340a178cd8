"""`record()` writes one audit event; actions call it inside their transaction."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.db import models
from django.forms.models import model_to_dict

from .context import current
from .models import AuditEvent


def snapshot(instance: models.Model | None) -> dict[str, Any] | None:
    """The instance's own field values as JSON-safe data (for before/after)."""
    if instance is None:
        return None
    data = model_to_dict(instance, exclude=["focus_areas"])
    return {key: _jsonable(value) for key, value in data.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime, uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def record(
    action: str,
    obj: models.Model,
    *,
    actor: Any = None,
    organisation: Any = None,
    plan_id: uuid.UUID | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEvent:
    where = current()
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        plan_id=plan_id,
        before=before,
        after=after,
        ip=ip or where.ip,
        user_agent=where.user_agent,
        via=where.via,
    )

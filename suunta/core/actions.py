"""The machinery every app's actions share: the refusals, the compare-and-swap save and the
audit event written in the action's transaction.

An action is one function with a keyword-only `actor`. Inside one `transaction.atomic()` it
checks permission and state, validates (`full_clean`), saves with `cas_update` (the update
lands only on the `lock_version` the user saw) and writes its audit event with `audited`, the
state before and after. A refusal is an `ActionError` with a message for the user: the pages
and the API answer `WrongState` and `StaleVersion` with 409, `PermissionDenied` with 403.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.audit.models import AuditEvent
from suunta.audit.record import record


class ActionError(Exception):
    """An action refused: the message is for the user, in their language."""


class WrongState(ActionError):
    pass


class StaleVersion(ActionError):
    """Someone saved the record after the user opened it; `current` is the saved record."""

    def __init__(self, current: models.Model | None):
        self.current = current
        super().__init__(
            _("Someone else saved this meanwhile. Your changes were not saved.")
            if current is not None
            else _("This item was removed meanwhile. Your changes were not saved.")
        )


_REREAD: Any = object()


def cas_update(
    model_or_obj: type[models.Model] | models.Model,
    pk: Any,
    expected_lock: int,
    *,
    where: dict[str, Any] | None = None,
    stale: models.Model | None = _REREAD,
    now: datetime.datetime | None = None,
    **changes: Any,
) -> datetime.datetime:
    """Compare-and-swap on `lock_version`: write `changes` to the row only if it is still the
    version the user saw (and matches `where`), moving `lock_version` on by one and setting
    `updated_at`. Otherwise nothing is written and `StaleVersion` is raised with the record as
    saved now (or with `stale`, the saved record the caller read already). `now`: the time to
    write as `updated_at`, when the changes carry the same time.

    Given an instance, its `lock_version` and `updated_at` follow the saved row; the changed
    fields are the caller's to set (they may be expressions). Returns the time written."""
    if isinstance(model_or_obj, models.Model):
        obj: models.Model | None = model_or_obj
        model = type(model_or_obj)
    else:
        obj, model = None, model_or_obj
    manager = model._default_manager
    now = now or timezone.now()
    changed = manager.filter(pk=pk, lock_version=expected_lock, **(where or {})).update(
        **changes, lock_version=F("lock_version") + 1, updated_at=now
    )
    if not changed:
        raise StaleVersion(manager.filter(pk=pk).first() if stale is _REREAD else stale)
    if obj is not None:
        obj.lock_version = expected_lock + 1  # type: ignore[attr-defined]
        obj.updated_at = now  # type: ignore[attr-defined]
    return now


def audited(
    action: str,
    obj: models.Model,
    actor: Any,
    *,
    organisation: Any = None,
    plan: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """The action's audit event, written in its transaction (call it inside the action's
    `transaction.atomic()`, after the change). `plan` (a goal plan) ties the event to the plan
    and, unless `organisation` is given, to the plan's organisation."""
    if plan is not None and organisation is None:
        organisation = plan.organisation
    return record(
        action,
        obj,
        actor=actor,
        organisation=organisation,
        plan_id=plan.pk if plan is not None else None,
        before=before,
        after=after,
    )

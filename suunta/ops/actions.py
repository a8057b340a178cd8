"""Exporting and restoring one organisation, recorded in the audit log."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import record
from suunta.goals import permissions
from suunta.organisations.models import Organisation

from .export import export_organisation as build
from .export import restore_organisation as load


def export_organisation(organisation: Organisation, *, actor: Any) -> str:
    """Everything of the organisation as JSON (ops/export.py) for its admin; the download
    is recorded in the audit log in the same transaction."""
    if not permissions.can_export_organisation(actor, organisation):
        raise PermissionDenied(_("Only an admin of the organisation may export all its data."))
    with transaction.atomic():
        data = build(organisation, reader=actor)
        record(
            "organisation.export",
            organisation,
            actor=actor,
            organisation=organisation,
            after={"bytes": len(data.encode("utf-8"))},
        )
    return data


def back_up_organisation(organisation: Organisation) -> str:
    """Everything of the organisation, confidential discussion content included, for the
    server's operators (`manage.py export_organisation`); recorded in the audit log."""
    with transaction.atomic():
        data = build(organisation)
        record(
            "organisation.backup",
            organisation,
            organisation=organisation,
            after={"bytes": len(data.encode("utf-8"))},
        )
    return data


def restore_organisation(data: str | bytes) -> Organisation:
    """Load a backup into a database without the organisation (`manage.py
    restore_organisation`); the restore itself is recorded in the audit log, in the same
    transaction."""
    with transaction.atomic():
        organisation = load(data)
        record("organisation.restore", organisation, organisation=organisation)
    return organisation

"""Changing the organisation's logo: checked, stored and audited in one transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import record
from suunta.goals import permissions
from suunta.organisations.models import Organisation

from .logo import check_logo
from .models import OrganisationLogo


def set_logo(organisation: Organisation, upload: Any, *, actor: Any) -> OrganisationLogo:
    if not permissions.can_change_logo(actor, organisation):
        raise PermissionDenied(_("The organisation's admins change its logo."))
    checked = check_logo(upload)  # raises ValidationError before anything is written
    with transaction.atomic():
        before = OrganisationLogo.objects.filter(organisation=organisation).first()
        logo, _created = OrganisationLogo.objects.update_or_create(
            organisation=organisation,
            defaults={
                "content_type": checked.content_type,
                "data": checked.data,
                "width": checked.width,
                "height": checked.height,
                "digest": checked.digest,
            },
        )
        record(
            "logo.set",
            logo,
            actor=actor,
            organisation=organisation,
            before={"digest": before.digest} if before else None,
            after={"digest": logo.digest, "content_type": logo.content_type},
        )
    return logo


def remove_logo(organisation: Organisation, *, actor: Any) -> None:
    if not permissions.can_change_logo(actor, organisation):
        raise PermissionDenied(_("The organisation's admins change its logo."))
    with transaction.atomic():
        logo = OrganisationLogo.objects.filter(organisation=organisation).first()
        if logo is None:
            return
        record(
            "logo.remove", logo, actor=actor, organisation=organisation,
            before={"digest": logo.digest},
        )  # fmt: skip
        logo.delete()

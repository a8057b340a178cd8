"""Who may read an existing goal document into a new draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from suunta.goals.permissions import is_drafter
from suunta.organisations.permissions import organisation_ids_visible_to

if TYPE_CHECKING:
    from suunta.organisations.models import Organisation


def can_import_documents(user: Any, organisation: Organisation | Any) -> bool:
    """Reading an existing goal document into a new draft (and previewing what is found in
    it): those who may create plans in the organisation, never the executive."""
    return is_drafter(user, organisation)


def can_import_anywhere(user: Any) -> bool:
    """The import preview is not tied to one organisation: it needs a role that may import
    in at least one."""
    return any(can_import_documents(user, org) for org in organisation_ids_visible_to(user))

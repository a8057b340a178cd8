"""Who keeps, reads, declares in and reviews the register of interests (Local Government
Act 84 §)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from suunta.organisations.models import Person
from suunta.organisations.permissions import PREPARERS, K, is_person_of, is_signed_in, roles_in

if TYPE_CHECKING:
    from suunta.organisations.models import Organisation


# --- The register of interests (Local Government Act 84 §) -----------------------------------
# The coordinator and the organisation's admins keep the register (people, seats, settings,
# declarations handed in on paper); the audit committee supervises it and reviews declarations,
# never its members' own; a declarant edits their own declaration. Everyone reads the public
# register (suunta/register/queries.public_register).

REGISTER_KEEPERS = PREPARERS
REGISTER_READERS = PREPARERS | {K.AUDIT_COMMITTEE}


def can_view_register(user: Any, organisation: Organisation | Any) -> bool:
    return bool(roles_in(user, organisation) & REGISTER_READERS)


def can_manage_register(user: Any, organisation: Organisation | Any) -> bool:
    return bool(roles_in(user, organisation) & REGISTER_KEEPERS)


def can_declare(user: Any, person: Any) -> bool:
    """The person themself, through the user account linked to them."""
    return is_person_of(user, person)


def can_enter_declaration(user: Any, person: Any) -> bool:
    """The declarant, or the register's keeper entering a declaration received on paper."""
    return can_declare(user, person) or can_manage_register(user, person.organisation_id)


def can_view_declaration(user: Any, declaration: Any) -> bool:
    return can_view_register(user, declaration.organisation_id) or is_person_of(
        user, declaration.person
    )


def can_review_declaration(user: Any, declaration: Any) -> bool:
    """Audit committee members review, never their own declaration."""
    if is_person_of(user, declaration.person):
        return False
    return K.AUDIT_COMMITTEE in roles_in(user, declaration.organisation_id)


def can_change_seats(user: Any, person: Any) -> bool:
    """The keeper adds and ends seats and tenures, never those of the person linked to their
    own account: a seat decides who must declare, and a tenure of the executive post who is the
    executive of the next plans and a participant of the next discussions."""
    return can_manage_register(user, person.organisation_id) and not is_person_of(user, person)


def can_reach_register(user: Any, organisation: Organisation | Any) -> bool:
    """Whether the register's pages of the organisation exist for the user at all (otherwise
    404): anyone with a role in it, and a person of it through their linked account (to
    declare). What each page shows is decided by the rules above."""
    if roles_in(user, organisation):
        return True
    org_id = getattr(organisation, "pk", organisation)
    return (
        is_signed_in(user)
        and Person.objects.filter(organisation_id=org_id, user_id=user.pk).exists()
    )

"""Who sets up an organisation: the installation's operator (staff) creates it and its first
administrator; the organisation's administrators set up the rest and invite its users. The
executive, a party to every matter about their own goals, never does, whatever other role
they hold."""

from __future__ import annotations

from typing import Any

from suunta.accounts.models import Role
from suunta.organisations.permissions import is_signed_in, roles_in


def can_create_organisations(user: Any) -> bool:
    return is_signed_in(user) and bool(user.is_staff or user.is_superuser)


def can_set_up(user: Any, organisation: Any) -> bool:
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    roles = roles_in(user, organisation)
    return Role.Kind.ADMIN in roles and Role.Kind.EXECUTIVE not in roles


def can_read_contract_documents(user: Any, organisation: Any) -> bool:
    """The signed director contract is a public document: anyone in the organisation reads it."""
    return bool(roles_in(user, organisation)) or can_create_organisations(user)

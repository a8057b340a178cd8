"""Who a user is in an organisation: their roles in force today, the organisations they see,
and the rules about people and the accounts linked to them. Every app's permissions build on
these; the roles are `accounts.Role` (per organisation, with start and end dates)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from suunta.accounts.models import Role

if TYPE_CHECKING:
    from .models import Organisation

K = Role.Kind
PREPARERS = frozenset({K.ADMIN, K.COORDINATOR})
DRAFTERS = PREPARERS | {K.DISCUSSION_PARTNER}
DRAFT_READERS = DRAFTERS | {K.EXECUTIVE}


def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def active_roles(user: Any) -> dict[Any, set[str]]:
    """{organisation_id: {role kinds}} for the user's roles in force today, cached per user."""
    if not is_signed_in(user):
        return {}
    cached = getattr(user, "_suunta_roles", None)
    if cached is None:
        cached = {}
        for org_id, kind in (
            Role.objects.active().filter(user=user).values_list("organisation_id", "kind")
        ):
            cached.setdefault(org_id, set()).add(kind)
        user._suunta_roles = cached
    return cached


def roles_in(user: Any, organisation: Organisation | Any) -> set[str]:
    org_id = getattr(organisation, "pk", organisation)
    if is_signed_in(user) and user.is_superuser:
        return set(K.values)
    return active_roles(user).get(org_id, set())


def organisation_ids_visible_to(user: Any) -> list[Any]:
    from .models import Organisation

    if not is_signed_in(user):
        return []
    if user.is_superuser:
        return list(Organisation.objects.values_list("id", flat=True))
    return list(active_roles(user))


def is_person_of(user: Any, person: Any) -> bool:
    return is_signed_in(user) and person.user_id is not None and person.user_id == user.pk


# Linking a user account to a person gives that account what the person has: their declaration
# (self-service), the confidential items of every discussion the person took part in, and the
# executive's place in their plans. So it is a privileged act (docs/decisions/0011): the
# organisation's admins link and unlink, the register's keepers as such do not, and nobody
# links or unlinks their own account.


def can_link_accounts(user: Any, organisation: Organisation | Any) -> bool:
    """Whether the user may open the page that links people to accounts at all."""
    return K.ADMIN in roles_in(user, organisation)


def can_link_account(user: Any, person: Any, account: Any) -> bool:
    """Link `person` to `account` (None: unlink): an admin of the person's organisation, when
    neither the person's present account nor the new one is the admin's own."""
    if not can_link_accounts(user, person.organisation_id) or is_person_of(user, person):
        return False
    return account is None or account.pk != user.pk

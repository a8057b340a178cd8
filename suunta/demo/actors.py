"""The demo's people at work: the demo data is made through the actions it demonstrates, each
done by the demo account whose role does it in the user-facing flow (the coordinator prepares
the plan, proposes it and records the bodies' decisions from the minutes; the executive writes
their self-assessment; the discussion partner the joint assessment).

The accounts are those of `seed.DEMO_ACCOUNTS`. Loading without accounts (demo mode off) still
needs them to act: they are made then without a password or an API token and left inactive at
the end of the load (`retire_new`), so nobody signs in as them; loading with accounts later
makes them usable (`seed.load_accounts`)."""

from __future__ import annotations

from suunta.accounts.models import Role, User
from suunta.organisations.models import Organisation, Person

from .ids import uid


def _account(username: str):
    from .seed import DEMO_ACCOUNTS

    return next(row for row in DEMO_ACCOUNTS if row[0] == username)


def ensure_account(username: str, organisations: list[Organisation]) -> tuple[User, bool]:
    """The demo account with its role in each organisation, linked to the people it stands
    for; whether it was made now."""
    _username, first_name, kind, _what, person_keys = _account(username)
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "email": f"{username}@demo.suunta.invalid",
            "is_staff": kind is None,
            "is_superuser": kind is None,
            # Marked, so that the account stops working when demo mode is off.
            "is_demo": True,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if kind is not None:
        for org in organisations:
            Role.objects.get_or_create(user=user, organisation=org, kind=kind, starts_on=None)
    Person.objects.filter(id__in=[uid(key) for key in person_keys], user=None).update(user=user)
    return user, created


_made: set[str] = set()


def actor(username: str, organisation: Organisation) -> User:
    """The demo account, ready to act in the organisation (read afresh: the permission checks
    cache a user's roles on the object)."""
    user, created = ensure_account(username, [organisation])
    if created:
        _made.add(username)
    return User.objects.get(pk=user.pk)


def retire_new() -> None:
    """Leave the accounts this load made only to act inactive, with no password: the demo
    data without the demo accounts."""
    User.objects.filter(username__in=_made, is_demo=True).update(is_active=False)
    _made.clear()


def forget_new() -> None:
    _made.clear()

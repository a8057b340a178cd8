"""Who may see and do what. Every page, API endpoint and command asks this module.

Roles come from `accounts.Role` (per organisation, with start and end dates). Listing goes
through `visible_to(user)` on the querysets, which calls `organisation_ids_visible_to`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from suunta.accounts.models import Role

if TYPE_CHECKING:
    from .models import GoalPlan, Organisation

EDITOR_ROLES = {Role.Kind.ADMIN, Role.Kind.COORDINATOR}


def _active_roles(user: Any) -> dict[Any, set[str]]:
    """{organisation_id: {role kinds}} for the user's roles in force today, cached per user."""
    if not getattr(user, "is_authenticated", False):
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


def organisation_ids_visible_to(user: Any) -> list[Any]:
    from .models import Organisation

    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:
        return list(Organisation.objects.values_list("id", flat=True))
    return list(_active_roles(user))


def roles_in(user: Any, organisation: Organisation) -> set[str]:
    return _active_roles(user).get(organisation.pk, set())


def can_view_organisation(user: Any, organisation: Organisation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(roles_in(user, organisation))


def can_view_plan(user: Any, plan: GoalPlan) -> bool:
    return can_view_organisation(user, plan.organisation)


def can_prepare_plans(user: Any, organisation: Organisation) -> bool:
    """Coordinators and organisation admins prepare the papers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(roles_in(user, organisation) & EDITOR_ROLES)


def can_edit_plan(user: Any, plan: GoalPlan) -> bool:
    """Edit the plan's content: a preparer, and only while the plan is a draft."""
    return plan.is_draft and can_prepare_plans(user, plan.organisation)


def can_start_next_plan(user: Any, plan: GoalPlan) -> bool:
    return can_prepare_plans(user, plan.organisation)

"""Accounts and roles in the Django admin (support staff).

Who an account is and what it may do decide access everywhere: the e-mail address is how single
sign-on finds the account (docs/decisions/0011-linking-accounts-to-persons.md), a role grants
sight of an organisation's plans. So every change made here — an account created, changed or
removed, its password set, a role added, changed or removed — writes an audit event in the
same transaction, with what was before and after (never a password or its hash)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from suunta.audit.admin_audit import AuditedAdmin
from suunta.audit.record import record

from .models import Role, User

ACCOUNT_FIELDS = (
    "username",
    "email",
    "first_name",
    "last_name",
    "language",
    "is_active",
    "is_staff",
    "is_superuser",
)


def account_state(user: User | None) -> dict[str, Any] | None:
    """What the audit log keeps of an account: its fields, groups, permissions and roles."""
    if user is None or user.pk is None:
        return None
    state: dict[str, Any] = {field: getattr(user, field) for field in ACCOUNT_FIELDS}
    state["groups"] = sorted(user.groups.values_list("name", flat=True))
    state["permissions"] = sorted(
        f"{app}.{codename}"
        for app, codename in user.user_permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    state["roles"] = [role_state(role) for role in user.roles.order_by("pk")]
    return state


def role_state(role: Role) -> dict[str, Any]:
    return {
        "organisation": str(role.organisation_id),
        "kind": role.kind,
        "starts_on": str(role.starts_on) if role.starts_on else None,
        "ends_on": str(role.ends_on) if role.ends_on else None,
    }


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    """Audited as `account.create/change/delete`, with `account_state` – never the password's
    hash – as before and after."""

    fieldsets = (*BaseUserAdmin.fieldsets, (_("Suunta"), {"fields": ("language", "is_demo")}))
    readonly_fields = ("is_demo", "last_login", "date_joined")
    inlines = [RoleInline]

    def audit_state(self, obj):
        return account_state(obj)

    def organisation_of(self, obj):
        return None

    def _action(self, verb: str) -> str:
        return f"account.{verb}"

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = User.objects.get(pk=id)
                record("account.password_set", user, actor=request.user, after={"by": "admin"})
            return response


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    """Audited as `role.create/change/delete`, with the account's name beside the role."""

    list_display = ["user", "organisation", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "organisation"]

    def audit_state(self, obj):
        if obj is None or obj.pk is None:
            return None
        return {"user": obj.user.get_username(), **role_state(obj)}

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
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Suunta"), {"fields": ("language", "is_demo")}))
    readonly_fields = ("is_demo", "last_login", "date_joined")
    inlines = [RoleInline]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The account as it was, kept for the audit event written after the save."""
        with transaction.atomic():
            if request.method == "POST" and object_id is not None:
                before = User.objects.filter(pk=object_id).first()
                request._suunta_account_before = account_state(before)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        before = getattr(request, "_suunta_account_before", None) if change else None
        after = account_state(user)
        if before != after:
            record(
                "account.change" if change else "account.create",
                user,
                actor=request.user,
                before=before,
                after=after,
            )

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = User.objects.get(pk=id)
                record("account.password_set", user, actor=request.user, after={"by": "admin"})
            return response

    def delete_model(self, request, obj):
        with transaction.atomic():
            record("account.delete", obj, actor=request.user, before=account_state(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for user in queryset:
                record("account.delete", user, actor=request.user, before=account_state(user))
            super().delete_queryset(request, queryset)


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "organisation"]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = None
            if change:
                old = Role.objects.filter(pk=obj.pk).first()
                before = role_state(old) if old else None
            super().save_model(request, obj, form, change)
            after = role_state(obj)
            if before != after:
                record(
                    "role.change" if change else "role.create",
                    obj,
                    actor=request.user,
                    organisation=obj.organisation,
                    before={"user": obj.user.get_username(), **(before or {})} if before else None,
                    after={"user": obj.user.get_username(), **after},
                )

    def delete_model(self, request, obj):
        with transaction.atomic():
            self._record_delete(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for role in queryset:
                self._record_delete(request, role)
            super().delete_queryset(request, queryset)

    def _record_delete(self, request, role: Role) -> None:
        record(
            "role.delete",
            role,
            actor=request.user,
            organisation=role.organisation,
            before={"user": role.user.get_username(), **role_state(role)},
        )

"""Audited writes in the Django admin, for what only the admin manages.

An organisation's structure – the organisation, its bodies, the executive post with its focus
areas and discussion-partner rules, the director contract, the reminder days – has no action of
its own: support staff set it up here. Each such write still decides something (a body's kind
decides who must declare interests and who is sent the evaluation survey; a rule decides who
takes part in the discussions), so every add, change and delete made through these pages writes
an audit event in the same transaction, with the object and its inline rows as they were
before and after (as `suunta.accounts.admin` does for accounts and roles).

Deleting is refused (the admin's own "cannot delete, these are related" page) while the object
is in use by what the actions guard: `in_use()` names what keeps it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms.models import _get_foreign_key

from .record import record, snapshot


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted here: the actions do it, audited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdmin(admin.ModelAdmin):
    def organisation_of(self, obj: models.Model) -> Any:
        """The organisation the audit event belongs to."""
        return getattr(obj, "organisation", None)

    def in_use(self, obj: models.Model) -> list[str]:
        """What keeps `obj` from being deleted here (shown on the refusal page); none by default."""
        return []

    # --- state --------------------------------------------------------------------------------

    def audit_state(self, obj: models.Model | None) -> dict[str, Any] | None:
        """The object's fields and the rows of each of its inlines, as the audit log keeps them."""
        if obj is None or obj.pk is None:
            return None
        state: dict[str, Any] = {"id": str(obj.pk), **(snapshot(obj) or {})}
        for inline in self.inlines:
            fk = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
            rows = inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk")
            state[inline.model._meta.model_name] = [
                {"id": str(row.pk), **(snapshot(row) or {})} for row in rows
            ]
        return state

    def _action(self, verb: str) -> str:
        return f"{self.model._meta.model_name}.{verb}"

    # --- add and change -----------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with transaction.atomic():
            if request.method == "POST" and object_id is not None:
                before = self.model._default_manager.filter(pk=object_id).first()
                request._suunta_admin_before = self.audit_state(before)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before = getattr(request, "_suunta_admin_before", None) if change else None
        after = self.audit_state(obj)
        if before != after:
            record(
                self._action("change" if change else "create"),
                obj,
                actor=request.user,
                organisation=self.organisation_of(obj),
                before=before,
                after=after,
            )

    # --- delete -------------------------------------------------------------------------------

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            protected = [*protected, *self.in_use(obj)]
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        with transaction.atomic():
            self._record_delete(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self._record_delete(request, obj)
            super().delete_queryset(request, queryset)

    def _record_delete(self, request, obj: models.Model) -> None:
        record(
            self._action("delete"),
            obj,
            actor=request.user,
            organisation=self.organisation_of(obj),
            before=self.audit_state(obj),
        )


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""The Django admin for support staff. What the actions guard – with permission checks,
versions, review states or audit events – is read-only here, because a change in the admin
would bypass all of them: plan content and decisions (changed through the plan editor and the
workflow), the register of interests (declarations, their interests, versions and reviews),
people and the user account linked to them, seats in bodies and tenures of the executive post
(who must declare, who is the executive and takes part in the discussions: the register's
pages, docs/decisions/0011), and the audit log.

The organisation's structure that no action keeps – organisations, bodies, posts with their
focus areas and discussion-partner rules, contracts – is set up here by support staff, audited
(`suunta.audit.admin_audit.AuditedAdmin`: an event with before and after, in the same
transaction). What that structure decides for the guarded data cannot be changed under it: a
body's kind and organisation are fixed once it has seats (the kind decides who must declare and
who is asked in the evaluation survey), a focus area that goals serve is not deleted, and
nothing in use is deleted."""

from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext

from suunta.audit.admin_audit import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline
from suunta.audit.record import record, snapshot

from . import models as m


class ContractSectionInline(admin.StackedInline):
    model = m.ContractSection
    extra = 0


@admin.register(m.DirectorContract)
class DirectorContractAdmin(AuditedAdmin):
    """The public director contract: audited with its sections; kept while plans append it."""

    list_display = ["__str__", "organisation", "post", "starts_on"]
    inlines = [ContractSectionInline]

    def in_use(self, obj):
        return [gettext("the goal plans appended to it")] if obj.plans.exists() else []


class GoalInline(ReadOnlyInline):
    model = m.Goal
    fields = ["order", "title_fi", "title_sv", "weight"]


class CheckpointInline(ReadOnlyInline):
    model = m.Checkpoint
    fields = ["order", "label_fi", "label_sv", "opens_on", "closes_on"]


class DecisionInline(ReadOnlyInline):
    model = m.Decision
    fields = ["meeting_date", "body", "section", "kind", "presenter"]


@admin.register(m.GoalPlan)
class GoalPlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "status", "version_no", "period_start"]
    list_filter = ["status", "organisation"]
    readonly_fields = ["status", "version_no", "lock_version"]
    inlines = [CheckpointInline, GoalInline, DecisionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        """Support may remove a stray draft; a version that has left the draft state stays."""
        return obj is not None and obj.is_draft and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        """No bulk delete: it would not ask about each plan's state."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        """The removal of a draft is in the audit log, in the same transaction."""
        with transaction.atomic():
            before = snapshot(obj)
            record(
                "plan.delete",
                obj,
                actor=request.user,
                organisation=obj.organisation,
                plan_id=obj.pk,
                before=before,
            )
            obj.delete()


@admin.register(m.Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """Read-only: decisions are recorded through the workflow and never changed."""

    list_display = ["__str__", "organisation", "kind", "plan"]
    list_filter = ["kind", "organisation"]

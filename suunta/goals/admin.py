"""The Django admin for support staff. Editing goal plans here bypasses the workflow, so plan
content is read-only in the admin; it is changed through the plan editor (actions.py)."""

from django.contrib import admin

from . import models as m


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FocusAreaInline(admin.TabularInline):
    model = m.FocusArea
    extra = 0


class TenureInline(admin.TabularInline):
    model = m.PostTenure
    extra = 0


class DiscussionPartnerRuleInline(admin.TabularInline):
    model = m.DiscussionPartnerRule
    extra = 0


class MembershipInline(admin.TabularInline):
    model = m.Membership
    extra = 0


class InterestInline(admin.TabularInline):
    model = m.Interest
    extra = 0


class ContractSectionInline(admin.StackedInline):
    model = m.ContractSection
    extra = 0


@admin.register(m.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "kind", "statistics_code", "leadership_model"]
    search_fields = ["name_fi", "name_sv", "slug", "statistics_code"]


@admin.register(m.Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "kind", "abbreviation"]
    list_filter = ["kind", "organisation"]
    inlines = [MembershipInline]


@admin.register(m.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "email", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "title_fi", "email"]


@admin.register(m.ExecutivePost)
class ExecutivePostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation"]
    inlines = [TenureInline, FocusAreaInline, DiscussionPartnerRuleInline]


@admin.register(m.InterestDeclaration)
class InterestDeclarationAdmin(admin.ModelAdmin):
    list_display = ["person", "organisation", "declared_on", "no_interests"]
    inlines = [InterestInline]


@admin.register(m.DirectorContract)
class DirectorContractAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "post", "starts_on"]
    inlines = [ContractSectionInline]


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


@admin.register(m.Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Read-only: decisions are recorded through the workflow and never changed."""

    list_display = ["__str__", "organisation", "kind", "plan"]
    list_filter = ["kind", "organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

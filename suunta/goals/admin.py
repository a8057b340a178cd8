"""The Django admin for support staff. What the actions guard – with permission checks,
versions, review states or audit events – is read-only here, because a change in the admin
would bypass all of them: plan content and decisions (changed through the plan editor and the
workflow), the register of interests (declarations, their interests, versions and reviews),
people and the user account linked to them, seats in bodies and tenures of the executive post
(who must declare, who is the executive and takes part in the discussions: the register's
pages, docs/decisions/0011), and the audit log. The organisation's structure that no action
keeps (organisations, bodies, posts, focus areas, contracts) stays editable."""

from django.contrib import admin
from django.db import transaction

from suunta.audit.record import record, snapshot

from . import models as m


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted here: the actions do it, audited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FocusAreaInline(admin.TabularInline):
    model = m.FocusArea
    extra = 0


class TenureInline(ReadOnlyInline):
    """Who holds the post is the executive of the next plans and of the discussions: added and
    ended in the register's pages (`register.actions.add_position`), audited."""

    model = m.PostTenure
    fields = ["person", "starts_on", "ends_on"]


class DiscussionPartnerRuleInline(admin.TabularInline):
    model = m.DiscussionPartnerRule
    extra = 0


class MembershipInline(ReadOnlyInline):
    """Seats decide who must declare their interests: the register's pages change them."""

    model = m.Membership
    fields = ["person", "role", "starts_on", "ends_on"]


class InterestInline(ReadOnlyInline):
    model = m.Interest
    fields = ["category", "entity_name", "business_id", "role_fi", "since", "until"]


class DeclarationVersionInline(ReadOnlyInline):
    model = m.DeclarationVersion
    fields = ["version_no", "saved_on", "saved_by"]


class DeclarationReviewInline(ReadOnlyInline):
    model = m.DeclarationReview
    fields = ["version_no", "outcome", "reviewer", "reviewed_on"]


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
class PersonAdmin(ReadOnlyAdmin):
    """People are added in the register's pages; the user account linked to a person decides
    what that account sees, so only an organisation admin links it there (`link_account`:
    never their own, audited, the account told by e-mail)."""

    list_display = ["__str__", "organisation", "email", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "title_fi", "email"]


@admin.register(m.ExecutivePost)
class ExecutivePostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation"]
    inlines = [TenureInline, FocusAreaInline, DiscussionPartnerRuleInline]


@admin.register(m.InterestDeclaration)
class InterestDeclarationAdmin(ReadOnlyAdmin):
    """The public register: every change is a new version, reopens the review and is audited
    (`register.actions.save_declaration`); the admin only shows it."""

    list_display = ["person", "organisation", "declared_on", "status", "version_no"]
    list_filter = ["status", "organisation"]
    inlines = [InterestInline, DeclarationVersionInline, DeclarationReviewInline]


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

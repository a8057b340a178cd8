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

from django import forms
from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from suunta.audit.admin_audit import AuditedAdmin, ReadOnlyAdmin
from suunta.audit.record import record, snapshot
from suunta.organisations.models import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
    PostTenure,
)
from suunta.register.models import (
    DeclarationReview,
    DeclarationVersion,
    Interest,
    InterestDeclaration,
)

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


class FocusAreaFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            area = form.instance
            if area.pk and (area.goals.exists() or area.coverage_rejections.exists()):
                raise forms.ValidationError(
                    _("The focus area “%(area)s” cannot be removed: goals of plans serve it."),
                    params={"area": area},
                )


class FocusAreaInline(admin.TabularInline):
    """Goals link to focus areas through the plan editor; the list itself is set up here."""

    model = FocusArea
    formset = FocusAreaFormSet
    extra = 0


class TenureInline(ReadOnlyInline):
    """Who holds the post is the executive of the next plans and of the discussions: added and
    ended in the register's pages (`register.actions.add_position`), audited."""

    model = PostTenure
    fields = ["person", "starts_on", "ends_on"]


class DiscussionPartnerRuleForm(forms.ModelForm):
    class Meta:
        model = DiscussionPartnerRule
        fields = ["body", "role", "order"]

    def clean(self):
        cleaned = super().clean()
        body, post = cleaned.get("body"), self.instance.post if self.instance.post_id else None
        if body is not None and post is not None and body.organisation_id != post.organisation_id:
            self.add_error("body", _("Choose a body of the post's own organisation."))
        return cleaned


class DiscussionPartnerRuleInline(admin.TabularInline):
    """Who takes part in the discussions with the post's holder: audited with the post."""

    model = DiscussionPartnerRule
    form = DiscussionPartnerRuleForm
    extra = 0


class MembershipInline(ReadOnlyInline):
    """Seats decide who must declare their interests: the register's pages change them."""

    model = Membership
    fields = ["person", "role", "starts_on", "ends_on"]


class InterestInline(ReadOnlyInline):
    model = Interest
    fields = ["category", "entity_name", "business_id", "role_fi", "since", "until"]


class DeclarationVersionInline(ReadOnlyInline):
    model = DeclarationVersion
    fields = ["version_no", "saved_on", "saved_by"]


class DeclarationReviewInline(ReadOnlyInline):
    model = DeclarationReview
    fields = ["version_no", "outcome", "reviewer", "reviewed_on"]


class ContractSectionInline(admin.StackedInline):
    model = m.ContractSection
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    """Set up and changed here, audited; never deleted here (it would take its register of
    interests, plans and audit trail with it)."""

    list_display = ["__str__", "slug", "kind", "statistics_code", "leadership_model"]
    search_fields = ["name_fi", "name_sv", "slug", "statistics_code"]

    def organisation_of(self, obj):
        return obj

    def has_delete_permission(self, request, obj=None):
        return False


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["organisation", "kind", "name_fi", "name_sv", "abbreviation", "order"]

    def clean(self):
        cleaned = super().clean()
        body = self.instance
        if body.pk is None or not body.memberships.exists():
            return cleaned
        stored = Body.objects.get(pk=body.pk)
        for field in ("kind", "organisation"):
            if field in cleaned and cleaned[field] != getattr(stored, field):
                self.add_error(
                    field,
                    _(
                        "A body with seats keeps its kind and organisation: they decide who "
                        "must declare their interests. End the seats in the register first."
                    ),
                )
        return cleaned


@admin.register(Body)
class BodyAdmin(AuditedAdmin):
    """A body's kind decides who must declare (the register's rules) and who is sent the
    evaluation survey: audited, and fixed once the body has seats."""

    form = BodyForm
    list_display = ["__str__", "organisation", "kind", "abbreviation"]
    list_filter = ["kind", "organisation"]
    inlines = [MembershipInline]

    def in_use(self, obj):
        return [gettext("the body's seats")] if obj.memberships.exists() else []


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    """People are added in the register's pages; the user account linked to a person decides
    what that account sees, so only an organisation admin links it there (`link_account`:
    never their own, audited, the account told by e-mail)."""

    list_display = ["__str__", "organisation", "email", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "title_fi", "email"]


@admin.register(ExecutivePost)
class ExecutivePostAdmin(AuditedAdmin):
    """The post, its focus areas and who holds its discussions: audited, with the inlines."""

    list_display = ["__str__", "organisation"]
    inlines = [TenureInline, FocusAreaInline, DiscussionPartnerRuleInline]

    def in_use(self, obj):
        used = []
        if obj.tenures.exists():
            used.append(gettext("the post's tenures"))
        if obj.plans.exists():
            used.append(gettext("the post's goal plans"))
        if obj.discussions.exists():
            used.append(gettext("the post's discussions"))
        return used


@admin.register(InterestDeclaration)
class InterestDeclarationAdmin(ReadOnlyAdmin):
    """The public register: every change is a new version, reopens the review and is audited
    (`register.actions.save_declaration`); the admin only shows it."""

    list_display = ["person", "organisation", "declared_on", "status", "version_no"]
    list_filter = ["status", "organisation"]
    inlines = [InterestInline, DeclarationVersionInline, DeclarationReviewInline]


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

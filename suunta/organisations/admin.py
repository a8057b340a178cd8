"""The organisations' structure in the Django admin: see suunta/goals/admin.py for what is
read-only there and why."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from suunta.audit.admin_audit import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline

from .models import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
    PostTenure,
)


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

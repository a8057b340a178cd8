"""The register of interests in the Django admin, read-only: its pages and actions keep it
(see suunta/goals/admin.py)."""

from django.contrib import admin

from suunta.audit.admin_audit import ReadOnlyAdmin, ReadOnlyInline

from .models import DeclarationReview, DeclarationVersion, Interest, InterestDeclaration


class InterestInline(ReadOnlyInline):
    model = Interest
    fields = ["category", "entity_name", "business_id", "role_fi", "since", "until"]


class DeclarationVersionInline(ReadOnlyInline):
    model = DeclarationVersion
    fields = ["version_no", "saved_on", "saved_by"]


class DeclarationReviewInline(ReadOnlyInline):
    model = DeclarationReview
    fields = ["version_no", "outcome", "reviewer", "reviewed_on"]


@admin.register(InterestDeclaration)
class InterestDeclarationAdmin(ReadOnlyAdmin):
    """The public register: every change is a new version, reopens the review and is audited
    (`register.actions.save_declaration`); the admin only shows it."""

    list_display = ["person", "organisation", "declared_on", "status", "version_no"]
    list_filter = ["status", "organisation"]
    inlines = [InterestInline, DeclarationVersionInline, DeclarationReviewInline]

"""A whole organisation as JSON in Django's serialization format, and back.

`export_organisation(org)` gives every row that belongs to the organisation, across the apps,
in dependency order: its people, bodies, posts, declarations of interests with their
versions, reviews and register settings, scales, contracts, goal plans
with everything in them, decisions, roles, surveys, discussion records, reminder settings and
its audit events; and the user accounts these rows name (identified by user name).

Left out, always: password hashes (a restored account has an unusable password and signs in
again through single sign-on or a reset), second-factor secrets, recovery codes, sign-in
attempts, API tokens, private calendar feeds and sent-reminder bookkeeping. A survey
invitation keeps whether it was answered, but its link digest is replaced by a marker that no
link can match, so no old link works after a restore.

With `reader`, what the reader may not read is left out too: the confidential items and
training actions of discussion records they did not take part in
(`permissions.discussion_items_visible_q`) and the audit events about them, the evaluation
surveys of a plan whose answers they may not read (`permissions.can_read_survey_answers`: the
survey, its criteria, invitations, answers and ratings) and the audit events of a plan whose
audit log they may not read (`permissions.can_view_audit_log`). So an organisation admin who
is also the executive of a plan gets nothing of its evaluation that the executive may not see.
The backup passes no reader.

The survey rows are exported as stored (each answer's ratings and comment, without who gave
it), not as the withheld aggregates of the survey's page and API (`surveys.queries.results`):
the export is the organisation's backup, a restore needs the rows, and only an organisation
admin takes it (never with a plan whose answers the admin may not read, see above). The
withholding keeps the respondents from being told apart by those who read the results; it
does not keep the backup from its keeper.

`restore_organisation(data)` loads such an export into a database that does not hold the
organisation: in one transaction, with the immutability triggers (suunta/goals/triggers.py)
suspended while the frozen plans, decisions and audit events are written as they were, and
back before the commit (`triggers.suspended`).
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Q

from suunta.accounts.models import Role, User
from suunta.audit.models import AuditEvent
from suunta.discussions import models as d
from suunta.discussions.permissions import discussion_items_visible_q
from suunta.goals import models as m
from suunta.goals import triggers
from suunta.goals.permissions import executive_confidential_kinds
from suunta.imports.models import ImportedDocument
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
from suunta.progress.models import CoverageRejection
from suunta.register.models import (
    DeclarationReview,
    DeclarationRule,
    DeclarationVersion,
    Interest,
    InterestDeclaration,
    RegisterSettings,
)
from suunta.reports.models import OrganisationLogo
from suunta.schedule.models import ReminderSettings
from suunta.surveys import models as sv

from .labels import current_labels

USER_FIELDS = ("username", "first_name", "last_name", "email", "language", "is_active")
# Django's "unusable password" prefix: no password matches a restored account.
UNUSABLE_PASSWORD = "!restored"  # noqa: S105 - not a password, the opposite of one
INVITATION_MARKER = "restored:"


def _querysets(org: Organisation, reader: Any = None) -> list[models.QuerySet]:
    """Every model's rows of the organisation, in an order in which each row's references
    come before it."""
    items = d.DiscussionItem.objects.filter(discussion__organisation=org)
    actions = d.TrainingAction.objects.filter(discussion__organisation=org)
    plan_ids = m.GoalPlan.objects.filter(organisation=org).values("pk")
    surveyed = plan_ids
    events = AuditEvent.objects.filter(Q(organisation=org) | Q(plan_id__in=plan_ids))
    if reader is not None:
        items = items.filter(discussion_items_visible_q(reader))
        actions = actions.filter(discussion_items_visible_q(reader))
        hidden: dict[str, list[Any]] = {"survey_answers": [], "audit_log": []}
        for plan in m.GoalPlan.objects.filter(organisation=org).select_related("organisation"):
            for kind in executive_confidential_kinds(reader, plan):
                hidden[kind].append(plan.pk)
        surveyed = plan_ids.exclude(pk__in=hidden["survey_answers"])
        events = events.exclude(plan_id__in=hidden["audit_log"])
        # The events of the confidential items and actions the reader may not read: their ids
        # and what changed are the reader's no more than the items are.
        unread = {
            "discussionitem": d.DiscussionItem.objects.filter(discussion__organisation=org)
            .exclude(pk__in=items.values("pk"))
            .values_list("pk", flat=True),
            "trainingaction": d.TrainingAction.objects.filter(discussion__organisation=org)
            .exclude(pk__in=actions.values("pk"))
            .values_list("pk", flat=True),
        }
        for object_type, ids in unread.items():
            events = events.exclude(object_type=object_type, object_id__in=[str(pk) for pk in ids])
    return [
        Organisation.objects.filter(pk=org.pk),
        OrganisationLogo.objects.filter(organisation=org),
        Person.objects.filter(organisation=org).order_by("pk"),
        Body.objects.filter(organisation=org).order_by("pk"),
        Membership.objects.filter(body__organisation=org).order_by("pk"),
        ExecutivePost.objects.filter(organisation=org).order_by("pk"),
        PostTenure.objects.filter(post__organisation=org).order_by("pk"),
        FocusArea.objects.filter(post__organisation=org).order_by("pk"),
        DiscussionPartnerRule.objects.filter(post__organisation=org).order_by("pk"),
        InterestDeclaration.objects.filter(organisation=org).order_by("pk"),
        Interest.objects.filter(declaration__organisation=org).order_by("pk"),
        DeclarationVersion.objects.filter(declaration__organisation=org).order_by("pk"),
        DeclarationReview.objects.filter(declaration__organisation=org).order_by("pk"),
        DeclarationRule.objects.filter(organisation=org).order_by("pk"),
        RegisterSettings.objects.filter(organisation=org).order_by("pk"),
        m.RatingScale.objects.filter(organisation=org).order_by("pk"),
        m.ScaleLevel.objects.filter(scale__organisation=org).order_by("pk"),
        m.DirectorContract.objects.filter(organisation=org).order_by("pk"),
        m.ContractSection.objects.filter(contract__organisation=org).order_by("pk"),
        # Earlier periods and earlier versions first (`previous`, `supersedes`).
        m.GoalPlan.objects.filter(organisation=org).order_by("period_start", "version_no", "pk"),
        m.Checkpoint.objects.filter(plan__organisation=org).order_by("pk"),
        m.Goal.objects.filter(plan__organisation=org).order_by("pk"),
        m.Indicator.objects.filter(goal__plan__organisation=org).order_by("pk"),
        m.RewardRule.objects.filter(plan__organisation=org).order_by("pk"),
        m.IndicatorValue.objects.filter(indicator__goal__plan__organisation=org).order_by("pk"),
        m.FollowUpEntry.objects.filter(goal__plan__organisation=org).order_by("pk"),
        m.Decision.objects.filter(organisation=org).order_by("pk"),
        Role.objects.filter(organisation=org).order_by("pk"),
        sv.Survey.objects.filter(plan__in=surveyed).order_by("pk"),
        sv.Criterion.objects.filter(survey__plan__in=surveyed).order_by("pk"),
        sv.Invitation.objects.filter(survey__plan__in=surveyed).order_by("pk"),
        sv.Response.objects.filter(survey__plan__in=surveyed).order_by("pk"),
        sv.Rating.objects.filter(response__survey__plan__in=surveyed).order_by("pk"),
        d.AgendaTemplate.objects.filter(organisation=org).order_by("pk"),
        d.AgendaTemplateItem.objects.filter(template__organisation=org).order_by("pk"),
        d.Discussion.objects.filter(organisation=org).order_by("pk"),
        items.order_by("pk"),
        actions.order_by("pk"),
        d.ActionNote.objects.filter(action__in=actions.values("pk")).order_by("pk"),
        ReminderSettings.objects.filter(organisation=org).order_by("pk"),
        CoverageRejection.objects.filter(organisation=org).order_by("pk"),
        ImportedDocument.objects.filter(organisation=org).order_by("pk"),
        events.order_by("pk"),
    ]


def _user_ids(querysets: list[models.QuerySet]) -> set[Any]:
    """The accounts the rows name: roles, people's accounts, actors and recorders."""
    ids: set[Any] = set()
    for queryset in querysets:
        fields = [
            f.attname
            for f in queryset.model._meta.concrete_fields
            if f.is_relation and f.related_model is User
        ]
        for field in fields:
            ids |= set(queryset.exclude(**{field: None}).values_list(field, flat=True))
    return ids


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts date-times to milliseconds (and 12:00:00.000500 to 12:00:00.000,
    which reads back as a different value); exports and backups keep the microseconds."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def export_organisation(org: Organisation, *, reader: Any = None) -> str:
    """The organisation as a JSON list of Django serialized objects (see the module doc)."""
    querysets = _querysets(org, reader)
    users = User.objects.filter(pk__in=_user_ids(querysets)).order_by("username")
    objects: list[dict[str, Any]] = []
    for row in serializers.serialize(
        "python", users, fields=USER_FIELDS, use_natural_primary_keys=True
    ):
        row["fields"]["password"] = UNUSABLE_PASSWORD
        objects.append(row)
    for queryset in querysets:
        rows = serializers.serialize(
            "python", queryset, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        many = [f.name for f in queryset.model._meta.many_to_many]
        for row in rows:  # the same order on every database, so that exports compare
            for name in many:
                row["fields"][name] = sorted(row["fields"][name], key=str)
        if queryset.model._meta.label == "surveys.Invitation":
            for row in rows:
                row["fields"]["token_hash"] = f"{INVITATION_MARKER}{row['pk']}"
        objects.extend(rows)
    return json.dumps(objects, cls=ExactJSONEncoder, ensure_ascii=False, indent=1)


class RestoreRefused(ValueError):
    """The export cannot be restored here (e.g. the organisation already exists)."""


def restore_organisation(data: str | bytes) -> Organisation:
    """Load an export of `export_organisation` (see the module doc). Accounts that already
    exist (by user name) are kept as they are, never overwritten."""
    rows = current_labels(json.loads(data))
    orgs = [row for row in rows if row.get("model") == "organisations.organisation"]
    if len(orgs) != 1:
        raise RestoreRefused("The export holds no organisation or more than one.")
    org_id = orgs[0]["pk"]
    if Organisation.objects.filter(Q(pk=org_id) | Q(slug=orgs[0]["fields"]["slug"])).exists():
        raise RestoreRefused("The organisation already exists in this database.")
    numbered: list[type[models.Model]] = []
    deferred = []
    # Inside the transaction: a failed restore rolls the triggers back as they were.
    with transaction.atomic(), triggers.suspended(connection):
        for item in serializers.deserialize("python", rows, handle_forward_references=True):
            model = type(item.object)
            if model is User and item.object.pk is not None:
                continue  # an existing account stays as it is
            if isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
                if model._default_manager.filter(pk=item.object.pk).exists():
                    item.object.pk = None  # the number is taken here: a new one
                if model not in numbered:
                    numbered.append(model)
            item.save()
            if item.deferred_fields:
                deferred.append(item)
        for item in deferred:
            item.save_deferred_fields()
        if numbered:
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), numbered):
                    cursor.execute(sql)
    return Organisation.objects.get(pk=org_id)

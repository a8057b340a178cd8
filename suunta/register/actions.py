"""Every change of the register of interests is one function here: it checks permission and
state, validates, saves, writes the audit event in the same transaction and sends e-mail only
after the commit."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from suunta.audit.record import record
from suunta.core.actions import ActionError, StaleVersion, WrongState, cas_update
from suunta.organisations import permissions as organisation_permissions
from suunta.organisations.models import (
    Body,
    ExecutivePost,
    Membership,
    Organisation,
    Person,
    PostTenure,
)
from suunta.register import permissions as register_permissions
from suunta.register.models import (
    DeclarationReview,
    DeclarationRule,
    DeclarationVersion,
    Interest,
    InterestDeclaration,
    RegisterSettings,
    business_id_is_valid,
)

from . import queries

__all__ = ["ActionError", "StaleVersion", "WrongState"]

log = logging.getLogger("suunta.register")

ROW_FIELDS = (
    "category",
    "entity_name",
    "business_id",
    "role_fi",
    "role_sv",
    "description_fi",
    "description_sv",
    "since",
    "until",
)
MAX_ROWS = 100


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _date_text(day: datetime.date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def _clean_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as stored: empty rows dropped, every field checked; a ValidationError names the
    row and the field."""
    clean = []
    errors = []
    for number, row in enumerate(rows, start=1):
        values = {
            name: row.get(name) or ("" if name not in ("since", "until") else None)
            for name in ROW_FIELDS
        }
        if not any(v for k, v in values.items() if k != "category"):
            continue
        if values["category"] not in Interest.Category.values:
            errors.append(_("Row %(n)s: choose a category.") % {"n": number})
        business_id = str(values["business_id"]).strip()
        values["business_id"] = business_id
        if business_id and not business_id_is_valid(business_id):
            errors.append(
                _(
                    "Row %(n)s: %(value)s is not a valid business ID: write it as 1234567-8 "
                    "with the right check digit."
                )
                % {"n": number, "value": business_id}
            )
        since, until = values["since"], values["until"]
        if since and until and until < since:
            errors.append(
                _("Row %(n)s: the end date cannot be before the start date.") % {"n": number}
            )
        for name in ("since", "until"):
            if values[name] and values[name] < queries.EARLIEST_DATE:
                errors.append(
                    _("Row %(n)s: a date before 1.6.2017 is not accepted.") % {"n": number}
                )
        for name, limit in (("entity_name", 200), ("role_fi", 200), ("role_sv", 200)):
            if len(str(values[name])) > limit:
                errors.append(
                    _("Row %(n)s: a text is longer than %(limit)s characters.")
                    % {"n": number, "limit": limit}
                )
        for name in ("description_fi", "description_sv"):
            if len(str(values[name])) > 2000:
                errors.append(
                    _("Row %(n)s: a text is longer than %(limit)s characters.")
                    % {"n": number, "limit": 2000}
                )
        if not values["description_fi"] and not values["description_sv"]:
            parts = [values["entity_name"], values["role_fi"] or values["role_sv"]]
            values["description_fi"] = ", ".join(str(p) for p in parts if p)
            if not values["description_fi"]:
                errors.append(
                    _("Row %(n)s: name the company, organisation or asset.") % {"n": number}
                )
        clean.append(values)
    if len(clean) > MAX_ROWS:
        errors.append(_("A declaration has at most %(max)s rows.") % {"max": MAX_ROWS})
    if errors:
        raise ValidationError(errors)
    return clean


def _row_json(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in values.items()}


def content_of(declaration: InterestDeclaration) -> dict[str, Any]:
    """What the declarant declared, as JSON: the snapshot of a version and the public data."""
    return {
        "no_interests": declaration.no_interests,
        "notes": declaration.notes,
        "interests": [
            _row_json({name: getattr(i, name) for name in ROW_FIELDS})
            for i in declaration.interests.order_by("order")
        ],
    }


def save_declaration(
    person: Person,
    *,
    rows: list[dict[str, Any]],
    no_interests: bool,
    notes: str = "",
    expected_lock: int | None,
    actor: Any,
    received_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> InterestDeclaration:
    """Save the person's declaration as a new version. A declaration that was reviewed (or sent
    back for correction) goes back to the audit committee's review."""
    today = _today(today)
    organisation = person.organisation
    if not register_permissions.can_enter_declaration(actor, person):
        raise PermissionDenied(_("You may not enter this person's declaration of interests."))
    if received_on is not None and not register_permissions.can_manage_register(
        actor, organisation
    ):
        raise PermissionDenied(_("Only the register's keeper records declarations on paper."))
    if received_on is not None and not (queries.EARLIEST_DATE <= received_on <= today):
        raise ValidationError(
            {"received_on": _("The date received must be between 1.6.2017 and today.")}
        )
    with transaction.atomic():
        if queries.obligation_of(person, today) is None:
            raise ActionError(
                _(
                    "%(person)s holds no role that requires a declaration of interests, so no "
                    "declaration can be saved for them."
                )
                % {"person": person.display_name()}
            )
        clean = _clean_rows(rows)
        if len(notes) > 4000:
            raise ValidationError({"notes": _("The notes are longer than 4000 characters.")})
        if not clean and not no_interests:
            raise ValidationError(
                _(
                    "The declaration is empty: add your interests, or tick “no interests to "
                    "declare”."
                )
            )
        if clean and no_interests:
            raise ValidationError(
                _(
                    "You ticked “no interests to declare” but also listed interests: untick it "
                    "or remove the rows."
                )
            )
        declaration = (
            InterestDeclaration.objects.select_for_update()
            .filter(organisation=organisation, person=person)
            .first()
        )
        if declaration is not None and expected_lock != declaration.lock_version:
            raise StaleVersion(declaration)
        if declaration is None and expected_lock not in (None, 0):
            raise StaleVersion(None)
        new_content = {
            "no_interests": no_interests,
            "notes": notes,
            "interests": [_row_json(v) for v in clean],
        }
        if (
            declaration is not None
            and declaration.declared_on is not None
            and content_of(declaration) == new_content
            and received_on is None
        ):
            raise ActionError(_("Nothing was changed, so nothing was saved."))
        before = content_of(declaration) if declaration is not None else None
        first_day = received_on or today
        if declaration is None:
            declaration = InterestDeclaration.objects.create(
                organisation=organisation,
                person=person,
                declared_on=first_day,
                changed_on=first_day,
                no_interests=no_interests,
                notes=notes,
                received_on=received_on,
                version_no=1,
                status=InterestDeclaration.Status.SUBMITTED,
            )
        else:
            # The row is locked above, so the compare-and-swap cannot miss.
            cas_update(
                InterestDeclaration,
                declaration.pk,
                expected_lock,
                stale=declaration,
                no_interests=no_interests,
                notes=notes,
                changed_on=first_day,
                declared_on=declaration.declared_on or first_day,
                received_on=received_on or declaration.received_on,
                status=InterestDeclaration.Status.SUBMITTED,
                left_register_on=None,
                version_no=F("version_no") + 1,
            )
            declaration.refresh_from_db()
            declaration.interests.all().delete()
        Interest.objects.bulk_create(
            [Interest(declaration=declaration, order=n, **v) for n, v in enumerate(clean, 1)]
        )
        DeclarationVersion.objects.create(
            declaration=declaration,
            version_no=declaration.version_no,
            saved_on=today,
            saved_by=actor if getattr(actor, "is_authenticated", False) else None,
            snapshot={**new_content, "declared_on": declaration.declared_on.isoformat()},
        )
        record(
            "register.declaration_save",
            declaration,
            actor=actor,
            organisation=organisation,
            before={"content": before} if before else None,
            after={
                "content": new_content,
                "version_no": declaration.version_no,
                "received_on": received_on.isoformat() if received_on else None,
            },
        )
    return declaration


def review_declaration(
    declaration: InterestDeclaration,
    *,
    outcome: str,
    message: str = "",
    version_no: int,
    actor: Any,
    today: datetime.date | None = None,
) -> DeclarationReview:
    """The audit committee marks the version reviewed, or asks for a correction or completion
    with a message that is e-mailed to the declarant after the commit."""
    today = _today(today)
    if not register_permissions.can_review_declaration(actor, declaration):
        raise PermissionDenied(_("You may not review this declaration."))
    if outcome not in DeclarationReview.Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the review.")})
    message = message.strip()
    if outcome == DeclarationReview.Outcome.CORRECTION_REQUESTED and not message:
        raise ValidationError({"message": _("Write the declarant what to correct or complete.")})
    if len(message) > 4000:
        raise ValidationError({"message": _("The message is longer than 4000 characters.")})
    with transaction.atomic():
        current = InterestDeclaration.objects.select_for_update().get(pk=declaration.pk)
        if current.version_no != version_no:
            raise StaleVersion(current)
        if current.status != InterestDeclaration.Status.SUBMITTED:
            raise WrongState(
                _("This declaration is %(status)s; only one awaiting review can be reviewed.")
                % {"status": current.get_status_display()}
            )
        review = DeclarationReview.objects.create(
            declaration=current,
            version_no=current.version_no,
            outcome=outcome,
            message=message,
            reviewer=actor if getattr(actor, "is_authenticated", False) else None,
            reviewed_on=today,
        )
        InterestDeclaration.objects.filter(pk=current.pk).update(
            status=outcome, lock_version=F("lock_version") + 1, updated_at=timezone.now()
        )
        declaration.refresh_from_db()
        record(
            "register.declaration_review",
            declaration,
            actor=actor,
            organisation=declaration.organisation,
            after={"outcome": outcome, "version_no": version_no},
        )
        if outcome == DeclarationReview.Outcome.CORRECTION_REQUESTED:
            transaction.on_commit(lambda: _send_correction(declaration, message))
    return review


def email_of(person: Person) -> str:
    return person.email or (person.user.email if person.user_id and person.user else "")


def _send_correction(declaration: InterestDeclaration, message: str) -> None:
    person = declaration.person
    address = email_of(person)
    if not address:
        log.info("no e-mail address for %s: the correction request was not mailed", person.pk)
        return
    user = person.user
    lang = getattr(user, "language", "") or declaration.organisation.primary_language or "fi"
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    with translation.override(lang):
        path = reverse("declaration_edit", args=[declaration.organisation.slug, person.pk])
        link = settings.SUUNTA_SITE_URL.rstrip("/") + path
        subject = _("Your declaration of interests: a correction is requested")
        body = _(
            "Hello,\n\nThe audit committee of %(organisation)s asks you to correct or complete "
            "your declaration of interests:\n\n%(message)s\n\nEdit your declaration here:\n"
            "%(link)s\n\nThis message was sent by Suunta."
        ) % {
            "organisation": declaration.organisation.text("name"),
            "message": message,
            "link": link,
        }
    try:
        EmailMessage(subject, body, to=[address]).send()
    except Exception:
        log.exception("The correction request to %s could not be sent", address)


def save_register_settings(
    organisation: Organisation, *, retention_months: int, rules: list[str], actor: Any
) -> RegisterSettings:
    if not register_permissions.can_manage_register(actor, organisation):
        raise PermissionDenied(_("You may not change the register's settings."))
    if not isinstance(retention_months, int) or not 1 <= retention_months <= 120:
        raise ValidationError({"retention_months": _("The retention time is 1–120 months.")})
    known = {queries.rule_key(r): r for r in queries.DEFAULT_RULES + queries.OPTIONAL_RULES}
    unknown = [key for key in rules if key not in known]
    if unknown or not rules:
        raise ValidationError({"rules": _("Choose at least one of the listed roles.")})
    with transaction.atomic():
        settings_row, _created = RegisterSettings.objects.get_or_create(organisation=organisation)
        before = {
            "retention_months": settings_row.retention_months,
            "rules": sorted(queries.rule_key(r) for r in queries.rules_of(organisation)),
        }
        settings_row.retention_months = retention_months
        settings_row.save()
        DeclarationRule.objects.filter(organisation=organisation).delete()
        DeclarationRule.objects.bulk_create(
            [
                DeclarationRule(organisation=organisation, target=t, body_kind=k, role=r)
                for t, k, r in (known[key] for key in sorted(set(rules)))
            ]
        )
        record(
            "register.settings",
            settings_row,
            actor=actor,
            organisation=organisation,
            before=before,
            after={"retention_months": retention_months, "rules": sorted(set(rules))},
        )
    return settings_row


# --- People and their seats ---------------------------------------------------------------------


def _require_keeper(actor: Any, organisation: Organisation) -> None:
    if not register_permissions.can_manage_register(actor, organisation):
        raise PermissionDenied(_("You may not change the people of the register."))


def add_person(
    organisation: Organisation, *, name: str, title_fi: str = "", email: str = "", actor: Any
) -> Person:
    _require_keeper(actor, organisation)
    name, title_fi = name.strip(), title_fi.strip()
    if not name:
        raise ValidationError({"name": _("Write the person's name.")})
    if len(name) > 200 or len(title_fi) > 200:
        raise ValidationError({"name": _("A text is longer than 200 characters.")})
    with transaction.atomic():
        person = Person.objects.create(
            organisation=organisation, name=name, title_fi=title_fi, email=email.strip()
        )
        record(
            "register.person_add",
            person,
            actor=actor,
            organisation=organisation,
            after={"name": name},
        )
    return person


def _require_seats_of_another(actor: Any, person: Person) -> None:
    _require_keeper(actor, person.organisation)
    if not register_permissions.can_change_seats(actor, person):
        raise PermissionDenied(
            _("You cannot change the seats of the person linked to your own account: another "
              "keeper of the register does it.")
        )  # fmt: skip


def link_account(person: Person, *, user: Any, actor: Any) -> Person:
    """Link the person to the user account with which they declare themself (self-service),
    or unlink with `user=None`. The account then sees what the person sees – the confidential
    items of the discussions the person took part in among them – so only an admin of the
    organisation links, never their own account (docs/decisions/0011). The account must be
    active, hold a role in the organisation in force today and not be linked to another person
    of the organisation. Audited with before and after; the accounts concerned are told by
    e-mail after the commit."""
    from suunta.accounts.models import Role

    organisation = person.organisation
    if not organisation_permissions.can_link_accounts(actor, organisation):
        raise PermissionDenied(
            _("Only an admin of the organisation links a person to a user account.")
        )
    if not organisation_permissions.can_link_account(actor, person, user):
        raise PermissionDenied(
            _("You cannot link or unlink your own account: another admin of the organisation "
              "does it.")
        )  # fmt: skip
    if user is not None:
        if (
            not user.is_active
            or not Role.objects.active().filter(user=user, organisation=organisation).exists()
        ):
            raise ValidationError(
                {"user": _("Choose an account that holds a role in this organisation.")}
            )
        other = (
            Person.objects.filter(organisation=organisation, user=user)
            .exclude(pk=person.pk)
            .first()
        )
        if other is not None:
            raise ValidationError(
                {"user": _("This account is already linked to %(name)s.") % {"name": other}}
            )
    with transaction.atomic():
        current = (
            Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
        )
        previous = current.user
        if not organisation_permissions.can_link_account(actor, current, user):
            raise PermissionDenied(
                _("You cannot link or unlink your own account: another admin of the "
                  "organisation does it.")
            )  # fmt: skip
        before = {"user": getattr(previous, "username", None)}
        after = {"user": getattr(user, "username", None)}
        if before == after:
            raise ValidationError({"user": _("Nothing was changed.")})
        Person.objects.filter(pk=person.pk).update(user=user, updated_at=timezone.now())
        person.user = user
        record(
            "register.person_account",
            person,
            actor=actor,
            organisation=organisation,
            before={**before, "user_id": str(previous.pk) if previous else None},
            after={**after, "user_id": str(user.pk) if user else None},
        )
        if previous is not None:
            transaction.on_commit(lambda: _send_account_notice(person, previous, actor, False))
        if user is not None:
            transaction.on_commit(lambda: _send_account_notice(person, user, actor, True))
    return person


def _send_account_notice(person: Person, account: Any, actor: Any, linked: bool) -> None:
    """Tell the account's owner that it was linked to (or unlinked from) the person: a link
    they did not expect is a link they can have undone."""
    address = getattr(account, "email", "")
    if not address:
        log.info("account %s has no e-mail address: the link notice was not mailed", account.pk)
        return
    organisation = person.organisation
    lang = getattr(account, "language", "") or organisation.primary_language or "fi"
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    with translation.override(lang):
        values = {
            "account": account.username,
            "person": person.display_name(lang),
            "organisation": organisation.text("name"),
            "admin": actor.get_full_name() or actor.username,
        }
        if linked:
            subject = _("Your Suunta account was linked to a person")
            body = (
                _(
                    "Hello,\n\n%(admin)s linked your Suunta account %(account)s to %(person)s in "
                    "%(organisation)s. With it you fill in that person's declaration of interests "
                    "and read the confidential items of the discussions that person took part in."
                    "\n\nIf you did not expect this, tell an admin of %(organisation)s at once.\n\n"
                    "This message was sent by Suunta."
                )
                % values
            )
        else:
            subject = _("Your Suunta account is no longer linked to a person")
            body = (
                _(
                    "Hello,\n\n%(admin)s removed the link between your Suunta account "
                    "%(account)s and %(person)s in %(organisation)s.\n\nIf this is wrong, tell an "
                    "admin of %(organisation)s.\n\nThis message was sent by Suunta."
                )
                % values
            )
    try:
        EmailMessage(subject, body, to=[address]).send()
    except Exception:
        log.exception("The link notice to %s could not be sent", address)


def add_position(
    person: Person,
    *,
    role: str,
    starts_on: datetime.date | None,
    body: Body | None = None,
    post: ExecutivePost | None = None,
    actor: Any,
) -> Membership | PostTenure:
    """A seat in a body (with a role) or a tenure of the executive post."""
    organisation = person.organisation
    _require_seats_of_another(actor, person)
    if (body is None) == (post is None):
        raise ValidationError({"position": _("Choose a body or the executive post.")})
    if body is not None and body.organisation_id != organisation.pk:
        raise ValidationError({"position": _("Choose a body of this organisation.")})
    if post is not None and post.organisation_id != organisation.pk:
        raise ValidationError({"position": _("Choose a body of this organisation.")})
    if body is not None and role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose the role.")})
    if starts_on is not None and starts_on < queries.EARLIEST_DATE:
        raise ValidationError({"starts_on": _("A date before 1.6.2017 is not accepted.")})
    with transaction.atomic():
        position: Membership | PostTenure
        if body is not None:
            position = Membership.objects.create(
                body=body, person=person, role=role, starts_on=starts_on
            )
        elif post is not None:
            position = PostTenure.objects.create(post=post, person=person, starts_on=starts_on)
        InterestDeclaration.objects.filter(
            organisation=organisation, person=person, left_register_on__isnull=False
        ).update(left_register_on=None, updated_at=timezone.now())
        record(
            "register.position_add",
            position,
            actor=actor,
            organisation=organisation,
            after={
                "person": str(person.pk),
                "role": role,
                "starts_on": starts_on.isoformat() if starts_on else None,
            },
        )
    return position


def end_position(
    position: Membership | PostTenure, *, ends_on: datetime.date, actor: Any
) -> Membership | PostTenure:
    """The term ends: the seat or tenure ends on `ends_on`. From the next day the person is off
    the public register unless another role still requires a declaration."""
    organisation = position.person.organisation
    _require_seats_of_another(actor, position.person)
    if position.ends_on is not None:
        raise WrongState(
            _("This term already ended on %(date)s.") % {"date": _date_text(position.ends_on)}
        )
    if position.starts_on is not None and ends_on < position.starts_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})
    with transaction.atomic():
        type(position).objects.filter(pk=position.pk).update(
            ends_on=ends_on, updated_at=timezone.now()
        )
        position.ends_on = ends_on
        record(
            "register.position_end",
            position,
            actor=actor,
            organisation=organisation,
            after={"ends_on": ends_on.isoformat()},
        )
    return position


# --- Pruning ------------------------------------------------------------------------------------


@dataclass
class Pruned:
    left: list[Any] = field(default_factory=list)  # declaration ids stamped today
    deleted: list[Any] = field(default_factory=list)


def prune_register(
    today: datetime.date | None = None, organisation: Organisation | None = None
) -> Pruned:
    """A person whose terms have all ended leaves the public register (`left_register_on` is
    the day the last term ended); their declaration, its history and reviews are deleted when
    the organisation's retention time has passed from that day. Run daily from cron."""
    today = _today(today)
    result = Pruned()
    organisations = [organisation] if organisation else list(Organisation.objects.all())
    for org in organisations:
        months = queries.retention_months(org)
        with transaction.atomic():
            for row in queries.ended_terms(org, today):
                declaration = row.declaration
                left = declaration.left_register_on
                if left is None:
                    left = min(row.ended_on or today, today)
                    InterestDeclaration.objects.filter(pk=declaration.pk).update(
                        left_register_on=left, updated_at=timezone.now()
                    )
                    record(
                        "register.left",
                        declaration,
                        organisation=org,
                        after={"left_register_on": left.isoformat()},
                    )
                    result.left.append(declaration.pk)
                if queries.add_months(left, months) <= today:
                    record(
                        "register.delete",
                        declaration,
                        organisation=org,
                        before={
                            "person": str(declaration.person_id),
                            "left_register_on": left.isoformat(),
                        },
                    )
                    pk = declaration.pk
                    declaration.delete()
                    result.deleted.append(pk)
    return result

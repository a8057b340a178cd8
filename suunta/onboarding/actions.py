"""Setting up an organisation, one audited action each: the operator creates the organisation
and its first administrator; the administrator records the organisation's facts, its bodies and
their members (typed or imported), its people, the executive post with its focus areas and who
holds the goal discussion, the director contract with the signed file, the rating scale, and
invites the users with their roles. A first plan starts empty or from a template.

Each action checks permission, validates (`full_clean`) and writes its audit event in one
transaction, like every other app's actions (`core/actions.py`)."""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from suunta.accounts.models import Role
from suunta.audit.record import snapshot
from suunta.core.actions import WrongState, audited
from suunta.goals import actions as goal_actions
from suunta.goals.models import (
    ContractSection,
    DirectorContract,
    GoalPlan,
    RatingScale,
    ScaleLevel,
)
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
from suunta.uploads import prechecks

from . import permissions, plan_templates, scales
from .members import Members
from .models import ContractDocument, Invitation, token_digest

log = logging.getLogger(__name__)
User = get_user_model()

INVITATION_DAYS = 14
CONTRACT_MAX_BYTES = 20 * 1024 * 1024


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Only the organisation's administrators set it up."))


def _require_set_up(actor: Any, organisation: Organisation) -> None:
    _require(permissions.can_set_up(actor, organisation))


def _saved(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def _audit(action: str, obj: Any, actor: Any, organisation: Any, before=None, after=None):
    audited(
        action,
        obj,
        actor,
        organisation=organisation,
        before=before,
        after=after if after is not None else snapshot(obj),
    )


# --- The organisation and its first administrator ---------------------------------------------


def free_slug(name: str) -> str:
    base = slugify(name.replace("ä", "a").replace("ö", "o").replace("å", "a"))[:50] or "org"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_organisation(
    *,
    data: dict[str, Any],
    admin_email: str,
    admin_name: str,
    actor: Any,
    admin_language: str = "fi",
) -> tuple[Organisation, Invitation]:
    """The organisation and its first administrator, invited by e-mail."""
    _require(permissions.can_create_organisations(actor))
    fields = dict(data)
    if not fields.get("slug"):
        fields["slug"] = free_slug(fields.get("name_fi") or fields.get("name_sv") or "")
    with transaction.atomic():
        organisation = _saved(Organisation(**fields))
        _audit("organisation.create", organisation, actor, organisation)
        invitation = _invite(
            organisation,
            email=admin_email,
            name=admin_name,
            kind=Role.Kind.ADMIN,
            ends_on=None,
            language=admin_language,
            actor=actor,
        )
    return organisation, invitation


def update_organisation(organisation: Organisation, *, data: dict[str, Any], actor: Any):
    _require_set_up(actor, organisation)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        before = snapshot(organisation)
        for name, value in data.items():
            setattr(organisation, name, value)
        _saved(organisation)
        _audit("organisation.update", organisation, actor, organisation, before=before)
    return organisation


# --- Bodies, people and members -----------------------------------------------------------------


def add_body(organisation: Organisation, *, data: dict[str, Any], actor: Any) -> Body:
    _require_set_up(actor, organisation)
    with transaction.atomic():
        order = organisation.bodies.count() + 1
        body = _saved(Body(organisation=organisation, order=order, **data))
        _audit("body.create", body, actor, organisation)
    return body


def _update(obj: Any, data: dict[str, Any], *, action: str, organisation: Any, actor: Any):
    """The record with `data` written over it, validated and audited (before and after)."""
    _require_set_up(actor, organisation)
    with transaction.atomic():
        before = snapshot(obj)
        for name, value in data.items():
            setattr(obj, name, value)
        _saved(obj)
        _audit(action, obj, actor, organisation, before=before)
    return obj


def update_body(body: Body, *, data: dict[str, Any], actor: Any) -> Body:
    return _update(body, data, action="body.update", organisation=body.organisation, actor=actor)


def add_person(organisation: Organisation, *, data: dict[str, Any], actor: Any) -> Person:
    _require_set_up(actor, organisation)
    with transaction.atomic():
        person = _saved(Person(organisation=organisation, **data))
        _audit("person.create", person, actor, organisation)
    return person


def update_person(person: Person, *, data: dict[str, Any], actor: Any) -> Person:
    return _update(
        person, data, action="person.update", organisation=person.organisation, actor=actor
    )


def add_membership(body: Body, *, data: dict[str, Any], actor: Any) -> Membership:
    _require_set_up(actor, body.organisation)
    person = data.get("person")
    if person is not None and person.organisation_id != body.organisation_id:
        raise PermissionDenied(_("The person belongs to another organisation."))
    with transaction.atomic():
        order = body.memberships.count() + 1
        membership = _saved(Membership(body=body, order=order, **data))
        _audit("membership.create", membership, actor, body.organisation)
    return membership


def end_membership(membership: Membership, *, ends_on: datetime.date, actor: Any) -> Membership:
    organisation = membership.body.organisation
    _require_set_up(actor, organisation)
    with transaction.atomic():
        before = snapshot(membership)
        membership.ends_on = ends_on
        _saved(membership)
        _audit("membership.end", membership, actor, organisation, before=before)
    return membership


def _find_person(organisation: Organisation, name: str, email: str) -> Person | None:
    people = Person.objects.filter(organisation=organisation)
    if email:
        found = people.filter(email__iexact=email).first()
        if found:
            return found
    return people.filter(name__iexact=name).first()


def import_members(
    organisation: Organisation,
    members: Members,
    *,
    body: Body | None,
    actor: Any,
) -> dict[str, int]:
    """Every row of a read member file, all or nothing: the people (found by e-mail or by name,
    else added), the bodies the file names (found by name or abbreviation, else added as
    "other body" to be given their kind), and each seat with its term. A seat already recorded
    with the same role and term is not added twice."""
    _require_set_up(actor, organisation)
    if members.errors:
        raise ValidationError(_("The file has errors: correct them and import it again."))
    counts = {"people": 0, "bodies": 0, "memberships": 0, "unchanged": 0}
    with transaction.atomic():
        bodies: dict[str, Body] = {}
        for row in members.rows:
            target = body
            if row.body:
                key = row.body.casefold()
                target = bodies.get(key)
                if target is None:
                    target = (
                        organisation.bodies.filter(name_fi__iexact=row.body).first()
                        or organisation.bodies.filter(name_sv__iexact=row.body).first()
                        or organisation.bodies.filter(abbreviation__iexact=row.body).first()
                    )
                    if target is None:
                        target = add_body(
                            organisation,
                            data={"kind": _kind_of(row.body), "name_fi": row.body},
                            actor=actor,
                        )
                        counts["bodies"] += 1
                    bodies[key] = target
            if target is None:
                raise ValidationError(
                    _("Choose the body the file is for: it has no column for the body.")
                )
            person = _find_person(organisation, row.name, row.email)
            if person is None:
                person = add_person(
                    organisation, data={"name": row.name, "email": row.email}, actor=actor
                )
                counts["people"] += 1
            elif row.email and not person.email:
                update_person(person, data={"email": row.email}, actor=actor)
            same = target.memberships.filter(
                person=person, role=row.role, starts_on=row.starts_on, ends_on=row.ends_on
            )
            if same.exists():
                counts["unchanged"] += 1
                continue
            add_membership(
                target,
                data={
                    "person": person,
                    "role": row.role,
                    "starts_on": row.starts_on,
                    "ends_on": row.ends_on,
                },
                actor=actor,
            )
            counts["memberships"] += 1
        audited(
            "membership.import",
            organisation,
            actor,
            organisation=organisation,
            after={"rows": len(members.rows), **counts},
        )
    return counts


KIND_WORDS = [
    (r"valtuusto|fullmäktige|council", Body.Kind.COUNCIL),
    (r"tarkastuslautakunta|revisionsnämnd", Body.Kind.AUDIT_COMMITTEE),
    (r"johtoryhmä|ledningsgrupp|steering", Body.Kind.STEERING_GROUP),
    (r"hallitus|styrelse|board", Body.Kind.BOARD),
    (r"maankäyt|markanvänd|land use", Body.Kind.LAND_USE_COMMITTEE),
    (r"lautakunta|jaosto|nämnd|sektion|committee", Body.Kind.COMMITTEE),
]


def _kind_of(name: str) -> str:
    for words, kind in KIND_WORDS:
        if re.search(words, name, re.IGNORECASE):
            return kind
    return Body.Kind.OTHER


# --- The executive post -------------------------------------------------------------------------


def pasted_list(text: str) -> list[str]:
    """A pasted list, one item a line: bullets ("•", "-", "*", "–"), numbers ("1.", "2)") and
    empty lines left out; a line that continues the one above (starts in lower case after a
    line without a full stop) is joined to it, as text pasted from a PDF breaks."""
    items: list[str] = []
    for raw in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[•·▪◦‣∙\-–—*]|\d{1,2}[.)]|[a-zA-Z][.)])\s+", "", raw).strip()
        if not line:
            continue
        bulleted = line != raw.strip()
        if items and not bulleted and line[:1].islower() and not items[-1].endswith((".", ";")):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


def save_post(
    organisation: Organisation,
    *,
    data: dict[str, Any],
    focus_areas: list[str],
    holder: Person | None,
    holder_from: datetime.date | None,
    partners: list[tuple[Body, str]],
    actor: Any,
    post: ExecutivePost | None = None,
) -> ExecutivePost:
    """The executive post with its description and values, its focus areas (in the order
    given), its holder (a new holder is a new tenure, the old one ends the day before) and the
    (body, role) pairs that hold the goal discussion."""
    _require_set_up(actor, organisation)
    if holder is not None and holder.organisation_id != organisation.pk:
        raise PermissionDenied(_("The person belongs to another organisation."))
    with transaction.atomic():
        creating = post is None
        post = post or ExecutivePost(organisation=organisation)
        before = None if creating else _post_snapshot(post)
        for name, value in data.items():
            setattr(post, name, value)
        _saved(post)
        existing = list(post.focus_areas.order_by("order"))
        if [a.text_fi for a in existing] != focus_areas:
            post.focus_areas.all().delete()
            for order, text in enumerate(focus_areas, start=1):
                _saved(FocusArea(post=post, order=order, text_fi=text))
        current = post.tenures.active().order_by("-starts_on").first()
        if holder is not None and (current is None or current.person_id != holder.pk):
            if current is not None:
                day = holder_from or timezone.localdate()
                current.ends_on = day - datetime.timedelta(days=1)
                _saved(current)
            _saved(PostTenure(post=post, person=holder, starts_on=holder_from))
        wanted = [(b.pk, role) for b, role in partners]
        if [(r.body_id, r.role) for r in post.discussion_partner_rules.all()] != wanted:
            post.discussion_partner_rules.all().delete()
            for order, (body, role) in enumerate(partners, start=1):
                if body.organisation_id != organisation.pk:
                    raise PermissionDenied(_("The body belongs to another organisation."))
                _saved(DiscussionPartnerRule(post=post, body=body, role=role, order=order))
        audited(
            "post.create" if creating else "post.update",
            post,
            actor,
            organisation=organisation,
            before=before,
            after=_post_snapshot(post),
        )
    return post


def _post_snapshot(post: ExecutivePost) -> dict[str, Any]:
    return {
        **(snapshot(post) or {}),
        "focus_areas": [a.text_fi for a in post.focus_areas.order_by("order")],
        "holder": str(getattr(post.current_holder(), "pk", "") or ""),
        "partners": [
            f"{r.body.text('name')}: {r.get_role_display()}"
            for r in post.discussion_partner_rules.select_related("body")
        ],
    }


# --- The director contract ----------------------------------------------------------------------


def split_sections(text: str) -> list[tuple[str, str]]:
    """A contract pasted as text, into (heading, text) sections: a heading is a short line
    that is numbered ("3. Tehtävät", "3 §") or ends without a full stop and is followed by
    text. Without any heading the whole text is one section."""
    sections: list[tuple[str, list[str]]] = []
    lines = [line.rstrip() for line in (text or "").strip().splitlines()]
    heading_re = re.compile(
        r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}\s*§|§\s*\d{1,2})\s+\S.{0,80}$"
    )
    for index, line in enumerate(lines):
        stripped = line.strip()
        previous_blank = index == 0 or not lines[index - 1].strip()
        is_heading = bool(stripped) and (
            heading_re.match(stripped)
            or (
                previous_blank
                and len(stripped) <= 80
                and not stripped.endswith((".", ",", ";", ":"))
                and index + 1 < len(lines)
                and lines[index + 1].strip()
                and len(lines[index + 1].strip()) > len(stripped)
            )
        )
        if is_heading:
            sections.append((stripped, []))
        elif sections:
            sections[-1][1].append(line)
        elif stripped:
            sections.append(("", [line]))
    result = []
    for heading, body in sections:
        body_text = "\n".join(body).strip()
        result.append((heading or _("Director contract"), re.sub(r"\n{3,}", "\n\n", body_text)))
    return result


def save_contract(
    post: ExecutivePost,
    *,
    data: dict[str, Any],
    sections: list[tuple[str, str]],
    actor: Any,
    contract: DirectorContract | None = None,
) -> DirectorContract:
    """The post's director contract (title, period, the executive) with its sections, replaced
    as given. A contract is public and revised now and then: a revision is a new contract with
    its own period, so that the plans already its appendices keep theirs."""
    organisation = post.organisation
    _require_set_up(actor, organisation)
    with transaction.atomic():
        creating = contract is None
        contract = contract or DirectorContract(organisation=organisation, post=post)
        before = None if creating else _contract_snapshot(contract)
        for name, value in data.items():
            setattr(contract, name, value)
        if contract.executive_id is None:
            contract.executive = post.current_holder()
        _saved(contract)
        if [(s.heading_fi, s.body_fi) for s in contract.sections.order_by("order")] != sections:
            contract.sections.all().delete()
            for order, (heading, body) in enumerate(sections, start=1):
                _saved(
                    ContractSection(
                        contract=contract, order=order, heading_fi=heading[:200], body_fi=body
                    )
                )
        audited(
            "contract.create" if creating else "contract.update",
            contract,
            actor,
            organisation=organisation,
            before=before,
            after=_contract_snapshot(contract),
        )
    return contract


def _contract_snapshot(contract: DirectorContract) -> dict[str, Any]:
    return {
        **(snapshot(contract) or {}),
        "sections": [s.heading_fi for s in contract.sections.order_by("order")],
    }


def attach_signed_contract(
    contract: DirectorContract, *, name: str, data: bytes, actor: Any
) -> ContractDocument:
    """The signed contract as a file: a PDF (as scanned and signed), or a Word or
    OpenDocument text. Its type is read from its content, not its name."""
    organisation = contract.organisation
    _require_set_up(actor, organisation)
    if len(data) > CONTRACT_MAX_BYTES:
        raise ValidationError({"file": _("The file is too large: at most %(mb)s MB.") % {"mb": 20}})
    kind = _document_kind(data, name)
    if kind is None:
        raise ValidationError(
            {
                "file": _(
                    "Attach the signed contract as a PDF, a Word (DOCX) or an OpenDocument "
                    "text (ODT) file."
                )
            }
        )
    content_type = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
    }[kind]
    with transaction.atomic():
        document = _saved(
            ContractDocument(
                contract=contract,
                file_name=(name or f"sopimus.{kind}").rsplit("/", 1)[-1][:255],
                content_type=content_type,
                data=data,
                size=len(data),
                digest=hashlib.sha256(data).hexdigest(),
                uploaded_by=actor if getattr(actor, "pk", None) else None,
            )
        )
        audited(
            "contract.attach",
            contract,
            actor,
            organisation=organisation,
            after={"file": document.file_name, "sha256": document.digest, "size": len(data)},
        )
    return document


def _document_kind(data: bytes, name: str) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            kind = prechecks.check_zip(data, name)
        except ValidationError:
            return None
        return kind if kind in ("docx", "odt") else None
    return None


# --- The rating scale ---------------------------------------------------------------------------


def add_scale(organisation: Organisation, *, preset: str, actor: Any) -> RatingScale:
    """One of the ready scales (`scales.PRESETS`) as the organisation's own. A plan chooses its
    scale while it is a draft; the levels' names are the preset's (a scale of one's own is
    still made in the Django admin)."""
    _require_set_up(actor, organisation)
    return _make_scale(organisation, preset=preset, actor=actor)


def _make_scale(organisation: Organisation, *, preset: str, actor: Any) -> RatingScale:
    spec = scales.PRESETS.get(preset)
    if spec is None:
        raise ValidationError({"preset": _("Choose one of the scales.")})
    with transaction.atomic():
        scale = _saved(
            RatingScale(
                organisation=organisation,
                name_fi=spec["name_fi"],
                name_sv=spec["name_sv"],
                kind=spec["kind"],
            )
        )
        for order, (value, label_fi, label_sv, achievement, colour) in enumerate(
            spec["levels"], start=1
        ):
            _saved(
                ScaleLevel(
                    scale=scale,
                    order=order,
                    value=value,
                    label_fi=label_fi,
                    label_sv=label_sv,
                    achievement=achievement,
                    colour=colour,
                )
            )
        _audit("scale.create", scale, actor, organisation, after={"preset": preset})
    return scale


# --- Users: invitations and roles ---------------------------------------------------------------


def _invite(
    organisation: Organisation,
    *,
    email: str,
    name: str,
    kind: str,
    ends_on: datetime.date | None,
    actor: Any,
    person: Person | None = None,
    language: str = "",
) -> Invitation:
    email = email.strip().lower()
    name = " ".join(name.split())
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValidationError({"email": _("Write an e-mail address.")})
    if not name:
        raise ValidationError({"name": _("Write the person's name.")})
    if kind not in Role.Kind.values:
        raise ValidationError({"kind": _("Choose a role.")})
    today = timezone.localdate()
    if ends_on is not None and ends_on < today:
        raise ValidationError({"ends_on": _("The role cannot end before today.")})
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        username = email
        if User.objects.filter(username__iexact=username).exists():
            username = f"{email}-{secrets.token_hex(3)}"
        first, _space, last = name.partition(" ")
        user = User(
            username=username,
            email=email,
            first_name=first[:150],
            last_name=last[:150],
            is_active=False,
            language=language or organisation.primary_language or "fi",
        )
        user.set_unusable_password()
        user.save()
    role = Role.objects.filter(
        user=user, organisation=organisation, kind=kind
    ).active().first() or Role(user=user, organisation=organisation, kind=kind, starts_on=today)
    role.ends_on = ends_on
    role.full_clean()
    role.save()
    if person is not None:
        if person.organisation_id != organisation.pk:
            raise PermissionDenied(_("The person belongs to another organisation."))
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user", "updated_at"])
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        name=name,
        kind=kind,
        role=role,
        user=user,
        invited_by=actor if getattr(actor, "pk", None) else None,
        digest=token_digest(token),
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
    )
    invitation.save()
    audited(
        "user.invite",
        invitation,
        actor,
        organisation=organisation,
        after={
            "email": email,
            "role": kind,
            "ends_on": str(ends_on or ""),
            "person": str(getattr(person, "pk", "") or ""),
        },
    )
    transaction.on_commit(lambda: _send_invitation(invitation, token))
    invitation.token = token  # type: ignore[attr-defined]  # for the operator's command
    return invitation


def invite(
    organisation: Organisation,
    *,
    email: str,
    name: str,
    kind: str,
    ends_on: datetime.date | None,
    actor: Any,
    person: Person | None = None,
) -> Invitation:
    """An invitation by e-mail with one role, ending on `ends_on` (or open). The account is made
    now, inactive until the link is used; an existing account gets the role at once."""
    _require_set_up(actor, organisation)
    with transaction.atomic():
        return _invite(
            organisation,
            email=email,
            name=name,
            kind=kind,
            ends_on=ends_on,
            actor=actor,
            person=person,
        )


def invitation_link(token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("invitation_accept", args=[token])
    return settings.SUUNTA_SITE_URL.rstrip("/") + path


def _send_invitation(invitation: Invitation, token: str) -> None:
    user = invitation.user
    language = user.language if user.language in ("fi", "sv", "en") else "fi"
    organisation = invitation.organisation
    with translation.override(language):
        subject = _("Invitation to Suunta: %(organisation)s") % {
            "organisation": organisation.text("name")
        }
        body = _(
            "Hello %(name)s,\n\nYou have been invited to Suunta, where %(organisation)s runs "
            "the goals of its executive, as %(role)s.\n\nOpen this link to set your password "
            "and your second factor (or to sign in with your organisation's account, where it "
            "is offered):\n%(link)s\n\nThe link works once, until %(until)s.\n\nThis message "
            "was sent by Suunta."
        ) % {
            "name": invitation.name,
            "organisation": organisation.text("name"),
            "role": invitation.get_kind_display(),
            "link": invitation_link(token, language),
            "until": timezone.localtime(invitation.expires_at).strftime("%-d.%-m.%Y"),
        }
    try:
        EmailMessage(subject, body, to=[invitation.email]).send()
    except Exception:
        log.exception("The invitation to %s could not be sent", invitation.email)


def find_invitation(token: str) -> Invitation | None:
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("organisation", "user")
        .filter(digest=token_digest(token))
        .first()
    )


def accept_invitation(invitation: Invitation, *, password: str | None) -> Any:
    """The invitee sets their password (or, with `password` None, will sign in with single
    sign-on); the account becomes active. The link works once."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.open:
            raise WrongState(
                _("This invitation has been used, withdrawn or has expired. Ask for a new one.")
            )
        user = invitation.user
        if password is not None:
            user.set_password(password)
        user.is_active = True
        user.save()
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at", "updated_at"])
        audited(
            "user.accept_invitation",
            invitation,
            user,
            organisation=invitation.organisation,
            after={"via": "password" if password is not None else "sso"},
        )
    return user


def withdraw_invitation(invitation: Invitation, *, actor: Any) -> Invitation:
    _require_set_up(actor, invitation.organisation)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise WrongState(_("The invitation has been accepted already: end the role."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        audited(
            "user.withdraw_invitation",
            invitation,
            actor,
            organisation=invitation.organisation,
            after={"email": invitation.email},
        )
    return invitation


def end_role(role: Role, *, ends_on: datetime.date, actor: Any) -> Role:
    """A role ends on a date (today: at once). Nobody ends their own administrator role: another
    administrator does, so that an organisation is never left without one by mistake."""
    organisation = role.organisation
    _require_set_up(actor, organisation)
    if role.user_id == getattr(actor, "pk", None) and role.kind == Role.Kind.ADMIN:
        raise PermissionDenied(_("Another administrator ends your administrator role."))
    if role.starts_on and ends_on < role.starts_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})
    with transaction.atomic():
        before = {"ends_on": str(role.ends_on or "")}
        role.ends_on = ends_on
        role.full_clean()
        role.save()
        audited(
            "role.end",
            role,
            actor,
            organisation=organisation,
            before=before,
            after={"ends_on": str(ends_on), "user": role.user.get_username(), "role": role.kind},
        )
    return role


# --- The first plan -----------------------------------------------------------------------------


def start_first_plan(post: ExecutivePost, *, template: str, year: int, actor: Any) -> GoalPlan:
    """A first plan for the post: empty, or from a template. A template's texts are marked for
    review like a next period's carried-over texts: the plan cannot be proposed until each is
    confirmed or rewritten. The template's plan is rated on the organisation's own scale (the
    template's traffic light when it has none)."""
    spec = plan_templates.build(template, post, year)
    if spec is None:
        raise ValidationError({"template": _("Choose how the plan starts.")})
    try:
        with transaction.atomic():
            plan = goal_actions.create_plan(post, data=spec["plan"], actor=actor)
            for checkpoint in spec["checkpoints"]:
                goal_actions.add_checkpoint(plan, data=checkpoint, actor=actor)
            if spec.get("scale"):
                # The organisation's own scale, the newest it set up; without one, the
                # template's traffic light becomes the organisation's scale.
                scale = post.organisation.rating_scales.order_by("-created_at").first()
                if scale is None:
                    scale = _make_scale(post.organisation, preset=spec["scale_preset"], actor=actor)
                if scale is not None:
                    plan = GoalPlan.objects.get(pk=plan.pk)
                    goal_actions.update_plan(
                        plan, data={"scale": scale}, expected_lock=plan.lock_version, actor=actor
                    )
            if spec["review"]:
                GoalPlan.objects.filter(pk=plan.pk).update(carried_over=spec["review"])
    except IntegrityError as error:  # pragma: no cover - a race on the same period
        raise WrongState(_("A plan for this period was started meanwhile.")) from error
    return GoalPlan.objects.get(pk=plan.pk)

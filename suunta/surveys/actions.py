"""Every change of state of an evaluation survey: create, send, answer, close.

Create, send and close check permission and state, save and write their audit event in one
transaction; e-mail goes out only after the commit. Answering writes no audit event and nothing
that ties the answer to the person who gave it (see models.py).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from suunta.audit.record import snapshot
from suunta.core import clock
from suunta.core.actions import ActionError, WrongState, audited
from suunta.goals.models import GoalPlan
from suunta.organisations.models import Person
from suunta.surveys import permissions as survey_permissions

from .models import LEVELS, Criterion, Invitation, Rating, Response, Survey
from .queries import candidates, email_of

log = logging.getLogger(__name__)


class SurveyUnavailable(ActionError):
    """The link cannot be used: unknown, already used, or the survey is not open."""


def _date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require_manager(actor: Any, plan: GoalPlan) -> None:
    if not survey_permissions.can_manage_survey(actor, plan):
        raise PermissionDenied(_("You may not manage the evaluation surveys of this plan."))


def _require_not_closed(survey: Survey) -> None:
    status = Survey.objects.select_for_update().values_list("status", flat=True).get(pk=survey.pk)
    survey.status = status
    if status == Survey.Status.CLOSED:
        raise WrongState(_("This survey is closed."))


@transaction.atomic
def create_survey(
    plan: GoalPlan, *, data: dict[str, Any], criteria: list[tuple[str, str]], actor: Any
) -> Survey:
    """`data`: title_fi/sv, opens_on, closes_on, threshold, labels; `criteria`: (fi, sv)."""
    _require_manager(actor, plan)
    plan.status = GoalPlan.objects.values_list("status", flat=True).get(pk=plan.pk)
    if plan.status not in survey_permissions.SURVEY_STATES:
        raise WrongState(
            _(
                "A survey is made for a plan that is approved, noted, in follow-up or "
                "evaluated; this plan is %(status)s."
            )
            % {"status": plan.get_status_display()}
        )
    criteria = [(fi.strip(), sv.strip()) for fi, sv in criteria if fi.strip() or sv.strip()]
    if not criteria:
        raise ValidationError({"criteria": _("Give at least one criterion.")})
    survey = Survey(plan=plan, **data)
    survey.full_clean()
    survey.save()
    for order, (fi, sv) in enumerate(criteria, start=1):
        Criterion.objects.create(survey=survey, order=order, text_fi=fi, text_sv=sv)
    audited(
        "survey.create",
        survey,
        actor,
        plan=survey.plan,
        after={**(snapshot(survey) or {}), "criteria": [list(c) for c in criteria]},
    )
    return survey


@dataclass
class Sending:
    """What happened when a survey was sent: who got a link, who had no e-mail address, who
    already had one (nothing is sent twice), and whose mail the server refused."""

    sent: list[Person] = field(default_factory=list)
    unreachable: list[Person] = field(default_factory=list)
    already: list[Person] = field(default_factory=list)
    failed: list[Person] = field(default_factory=list)


def _language(person: Person, plan: GoalPlan) -> str:
    user = person.user if person.user_id else None
    if user is not None and user.language in ("fi", "sv"):
        return user.language
    return plan.organisation.primary_language or "fi"


def _message(survey: Survey, person: Person, email: str, link: str, lang: str):
    with translation.override(lang):
        context = {
            "survey": survey,
            "plan": survey.plan,
            "person": person,
            "link": link,
            "lang": lang,
            "title": survey.text("title", lang),
            "organisation": survey.plan.organisation.text("name", lang),
            "criteria": [c.text("text", lang) for c in survey.criteria.order_by("order")],
        }
        title = survey.text("title", lang)
        # A survey titled "Arviointikysely 2026" is not mailed as "Arviointikysely:
        # Arviointikysely 2026".
        label = _("Evaluation survey")
        subject = (
            title
            if title.casefold().startswith(label.casefold())
            else _("Evaluation survey: %(title)s") % {"title": title}
        )
        body = render_to_string("surveys/email.txt", context)
    return mail.EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[email]
    )


def send_survey(
    survey: Survey, *, people: list[Person], actor: Any, link: Callable[[str, str], str]
) -> Sending:
    """Send each chosen candidate a personal single-use link (`link(token, language)` makes the
    address). Those without an e-mail address get nothing and are listed; those who already
    have a link are not sent another. The mails go out when the transaction commits; called
    outside an outer transaction (as the view does), `failed` is known when this returns."""
    result = Sending()
    outgoing: list[tuple[Invitation, Any]] = []
    with transaction.atomic():
        _require_manager(actor, survey.plan)
        _require_not_closed(survey)
        if survey.closes_on < clock.today():
            raise WrongState(
                _("This survey closed on %(date)s; it can no longer be sent.")
                % {"date": _date(survey.closes_on)}
            )
        allowed = {p.pk: p for p in candidates(survey.plan)}
        chosen = [p for p in people if p.pk in allowed]
        if not chosen:
            raise ValidationError({"recipients": _("Choose at least one recipient.")})
        invited = set(Invitation.objects.filter(survey=survey).values_list("person_id", flat=True))
        now = clock.now()
        for person in chosen:
            person = allowed[person.pk]
            if person.pk in invited:
                result.already.append(person)
                continue
            email = email_of(person)
            if not email:
                result.unreachable.append(person)
                continue
            token = secrets.token_urlsafe(32)
            lang = _language(person, survey.plan)
            invitation = Invitation.objects.create(
                survey=survey,
                person=person,
                email=email,
                language=lang,
                token_hash=token_hash(token),
                sent_at=now,
            )
            outgoing.append((invitation, _message(survey, person, email, link(token, lang), lang)))
            result.sent.append(person)
        if outgoing and survey.status == Survey.Status.DRAFT:
            Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.OPEN)
            survey.status = Survey.Status.OPEN
        audited(
            "survey.send",
            survey,
            actor,
            plan=survey.plan,
            after={
                "sent_to": [str(p.pk) for p in result.sent],
                "no_email": [str(p.pk) for p in result.unreachable],
                "already_sent": [str(p.pk) for p in result.already],
            },
        )
        transaction.on_commit(lambda: _deliver(outgoing, result))
    return result


def _deliver(outgoing: list[tuple[Invitation, Any]], result: Sending) -> None:
    """After the commit: send the mails over one connection. A mail the server refuses has its
    invitation removed (nobody has its link), so it can be sent again later."""
    if not outgoing:
        return
    try:
        connection = mail.get_connection()
        connection.open()
    except Exception:
        log.exception("The mail server could not be reached")
        connection = None
    for invitation, message in outgoing:
        try:
            if connection is None:
                raise OSError("no connection")
            message.connection = connection
            message.send()
        except Exception:
            log.exception("An evaluation survey invitation could not be sent")
            Invitation.objects.filter(pk=invitation.pk).delete()
            result.sent = [p for p in result.sent if p.pk != invitation.person_id]
            result.failed.append(invitation.person)
    if connection is not None:
        connection.close()


@transaction.atomic
def close_survey(survey: Survey, *, actor: Any) -> Survey:
    _require_manager(actor, survey.plan)
    _require_not_closed(survey)
    before = snapshot(survey)
    survey.status = Survey.Status.CLOSED
    survey.closed_at = clock.now()
    Survey.objects.filter(pk=survey.pk).update(status=survey.status, closed_at=survey.closed_at)
    audited("survey.close", survey, actor, plan=survey.plan, before=before, after=snapshot(survey))
    return survey


def invitation_for(token: str) -> Invitation:
    """The invitation of a link, or SurveyUnavailable with the reason in the user's language."""
    invitation = (
        Invitation.objects.select_related("survey", "survey__plan", "survey__plan__organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise SurveyUnavailable(
            _("This link is not valid. Check that you copied the whole address from the e-mail.")
        )
    if invitation.answered:
        raise SurveyUnavailable(
            _("This link has already been used: the answer was saved and cannot be changed.")
        )
    survey = invitation.survey
    today = clock.today()
    if survey.status == Survey.Status.CLOSED:
        raise SurveyUnavailable(_("This survey has been closed; answers are no longer accepted."))
    if today > survey.closes_on:
        raise SurveyUnavailable(
            _("This survey closed on %(date)s; answers are no longer accepted.")
            % {"date": _date(survey.closes_on)}
        )
    if today < survey.opens_on:
        raise SurveyUnavailable(
            _("This survey opens on %(date)s; please use the link then.")
            % {"date": _date(survey.opens_on)}
        )
    return invitation


def submit_answer(token: str, *, ratings: dict[Any, int | None], comment: str) -> Response:
    """Save one answer and use up the link, in one transaction. `ratings`: criterion id → 1–5
    or None ("cannot say"); every criterion of the survey must be there."""
    with transaction.atomic():
        invitation = invitation_for(token)
        survey = invitation.survey
        criteria = {c.pk: c for c in survey.criteria.all()}
        if set(ratings) != set(criteria):
            raise ValidationError(_("Answer every criterion (or choose “cannot say”)."))
        for value in ratings.values():
            if value is not None and value not in LEVELS:
                raise ValidationError(_("A rating is a whole number from 1 to 5."))
        # Use the link up first: of two simultaneous answers only one gets past this.
        used = Invitation.objects.filter(pk=invitation.pk, answered=False).update(answered=True)
        if used != 1:
            raise SurveyUnavailable(
                _("This link has already been used: the answer was saved and cannot be changed.")
            )
        response = Response.objects.create(survey=survey, comment=comment.strip())
        Rating.objects.bulk_create(
            [
                Rating(response=response, criterion=criteria[cid], value=value)
                for cid, value in ratings.items()
            ]
        )
    return response

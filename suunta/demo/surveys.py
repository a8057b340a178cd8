"""Demo data of the evaluation surveys: Tuusula's board (its members are not named in the
seed, so they are recorded by title only, with addresses under .invalid that never deliver) and
a closed survey of the 2025 plan with five answers, so that the results page has something to
show after `make run`. The coordinator makes, sends and closes it and five members answer,
through the actions, as of January 2026. Idempotent: ids come from stable keys, existing rows
are kept."""

from __future__ import annotations

import datetime

from suunta.core import clock
from suunta.goals import models as m
from suunta.organisations.models import Body, Membership, Organisation, Person
from suunta.surveys.actions import close_survey, create_survey, send_survey, submit_answer
from suunta.surveys.models import DEFAULT_CRITERIA, Survey

from . import actors
from .ids import ensure, uid

BOARD_MEMBERS = 7
# Five answers: ratings per criterion (None: cannot say) and two comments.
ANSWERS = [
    ([4, 4, 3, 4, 3], "Tavoitteet etenivät hyvin; viestintään toivotaan säännöllisyyttä."),
    ([5, 4, 4, 3, 4], ""),
    ([3, 3, 2, 3, None], "Yhteistyö poliittisen johdon kanssa kaipaa selkeämpiä pelisääntöjä."),
    ([4, 5, 4, 4, 4], ""),
    ([4, 3, 3, None, 3], ""),
]


def load_demo_survey() -> Survey | None:
    org = Organisation.objects.filter(slug="tuusula").first()
    plan = (
        m.GoalPlan.objects.filter(organisation=org, version_no=1).order_by("period_start").first()
    )
    board = Body.objects.filter(organisation=org, kind=Body.Kind.BOARD).first()
    if org is None or plan is None or board is None:
        return None
    members = []
    for n in range(1, BOARD_MEMBERS + 1):
        person = ensure(
            Person,
            f"tuusula/person/board-member-{n}",
            organisation=org,
            title_fi=f"Kunnanhallituksen jäsen {n}",
            title_sv=f"Kommunstyrelsens ledamot {n}",
            email=f"kh-jasen-{n}@demo.suunta.invalid",
        )
        ensure(
            Membership,
            f"tuusula/membership/board-member-{n}",
            body=board,
            person=person,
            role=Membership.Role.MEMBER,
            order=n,
        )
        members.append(person)
    existing = Survey.objects.filter(id=uid("tuusula/survey/2025")).first()
    if existing is not None:
        return existing
    coordinator = actors.actor("koordinaattori", org)
    with clock.as_of(datetime.date(2026, 1, 12), hour=10):
        survey = create_survey(
            plan,
            data={
                "id": uid("tuusula/survey/2025"),
                "title_fi": "Kansliapäällikön arviointikysely 2025",
                "title_sv": "Kanslichefens utvärderingsenkät 2025",
                "opens_on": datetime.date(2026, 1, 12),
                "closes_on": datetime.date(2026, 1, 30),
                "threshold": 3,
            },
            criteria=DEFAULT_CRITERIA,
            actor=coordinator,
        )
        # The links are kept here only to answer as the members did; nobody else holds them.
        links: list[str] = []
        send_survey(
            survey,
            people=members[: len(ANSWERS)],
            actor=coordinator,
            link=lambda token, _language: links.append(token) or token,
        )
    for n, (token, (values, comment)) in enumerate(zip(links, ANSWERS, strict=True)):
        with clock.as_of(datetime.date(2026, 1, 13 + 3 * n), hour=18):
            criteria = survey.criteria.order_by("order")
            submit_answer(
                token,
                ratings={c.pk: value for c, value in zip(criteria, values, strict=True)},
                comment=comment,
            )
    with clock.as_of(datetime.date(2026, 1, 30), hour=16):
        close_survey(survey, actor=coordinator)
    return survey

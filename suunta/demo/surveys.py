"""Demo data of the evaluation surveys: Tuusula's board (its members are not named in the
seed, so they are recorded by title only, with addresses under .invalid that never deliver) and
a closed survey of the 2025 plan with five answers, so that the results page has something to
show after `make run`. Idempotent: ids come from stable keys, existing rows are kept."""

from __future__ import annotations

import datetime
import hashlib

from suunta.goals import models as m
from suunta.organisations.models import Body, Membership, Organisation, Person
from suunta.surveys.models import DEFAULT_CRITERIA, Criterion, Invitation, Rating, Response, Survey

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
    survey = ensure(
        Survey,
        "tuusula/survey/2025",
        plan=plan,
        title_fi="Kansliapäällikön arviointikysely 2025",
        title_sv="Kanslichefens utvärderingsenkät 2025",
        opens_on=datetime.date(2026, 1, 12),
        closes_on=datetime.date(2026, 1, 30),
        threshold=3,
        status=Survey.Status.CLOSED,
        closed_at=datetime.datetime(2026, 1, 30, 16, 0, tzinfo=datetime.UTC),
    )
    criteria = [
        ensure(
            Criterion,
            f"tuusula/survey/2025/criterion-{n}",
            survey=survey,
            order=n,
            text_fi=fi,
            text_sv=sv,
        )
        for n, (fi, sv) in enumerate(DEFAULT_CRITERIA, start=1)
    ]
    for n, person in enumerate(members[: len(ANSWERS)], start=1):
        key = f"tuusula/survey/2025/invitation-{n}"
        ensure(
            Invitation,
            key,
            survey=survey,
            person=person,
            email=person.email,
            language="fi",
            # Nobody holds this link: the demo survey is closed.
            token_hash=hashlib.sha256(str(uid(key)).encode()).hexdigest(),
            sent_at=datetime.datetime(2026, 1, 12, 8, 0, tzinfo=datetime.UTC),
            answered=True,
        )
    for n, (values, comment) in enumerate(ANSWERS, start=1):
        response = ensure(
            Response, f"tuusula/survey/2025/answer-{n}", survey=survey, comment=comment
        )
        for criterion, value in zip(criteria, values, strict=True):
            ensure(
                Rating,
                f"tuusula/survey/2025/answer-{n}/{criterion.order}",
                response=response,
                criterion=criterion,
                value=value,
            )
    return survey

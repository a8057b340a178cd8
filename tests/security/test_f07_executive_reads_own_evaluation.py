"""Finding 7: an organisation admin linked to the executive's person got their own evaluation
survey's comments and every rating through the organisation's JSON export, and read the plan's
audit log, while the survey page and the results API refused them.

The executive never reads about themself what the domain keeps from them – each answer of an
evaluation survey (comment, ratings, who was asked and who answered) and the plan's audit log –
through any door, whatever other role they hold. Tested as a table: every door × every kind,
for an admin linked to the executive's person, an admin who also holds the executive role, and
a plain executive; a control shows that each door does carry the kind to an admin who is not
the executive."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.test import Client
from django.utils import timezone

from suunta.accounts.models import Role
from suunta.audit.record import record
from suunta.goals import models as m
from suunta.organisations.models import Person
from suunta.surveys import actions as survey_actions
from suunta.surveys.models import Invitation, Rating, Response
from tests.conftest import make_user

COMMENT = "ZQXCOMMENT"
CRITERION = "ZQXCRITERION"
INVITED = "zqxinvited@example.invalid"
AUDITED = "ZQXAUDITED"

# kind: what marks it in a response
KINDS = {
    "survey comment": COMMENT,
    "survey ratings (by criterion)": CRITERION,
    "who was asked and answered": INVITED,
    "audit log events": AUDITED,
}


def _doors(plan: m.GoalPlan, survey) -> dict[str, str]:
    return {
        "organisation export (JSON)": "/fi/o/tuusula/export.json",
        "audit log page": f"/fi/plans/{plan.pk}/audit/",
        "survey page": f"/fi/surveys/{survey.pk}/",
        "survey results API": f"/api/v1/surveys/{survey.pk}/results",
        "plan page": f"/fi/plans/{plan.pk}/",
        "plan versions page": f"/fi/plans/{plan.pk}/versions/",
        "plan documents page": f"/fi/plans/{plan.pk}/documents/",
        "goal document (DOCX)": f"/fi/plans/{plan.pk}/document.docx",
        "score page": f"/fi/plans/{plan.pk}/score/",
        "plan API": f"/api/v1/plans/{plan.pk}",
        "plan content API": f"/api/v1/plans/{plan.pk}/content",
        "organisation page": "/fi/o/tuusula/",
        "home page": "/fi/",
    }


def _text(response) -> str:
    content = response.content
    if content[:2] == b"PK":  # DOCX/XLSX: the XML inside
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return content.decode("utf-8", "replace")


@pytest.fixture
def evaluated(demo):
    """The Tuusula plan in force with an evaluation survey answered (a marked comment, a
    marked criterion, a marked invitation) and a marked event in its audit log."""
    plan = demo["plan"]
    tuusula = demo["tuusula"]
    coordinator = make_user("f07-coordinator", tuusula)
    today = timezone.localdate()
    survey = survey_actions.create_survey(
        plan,
        data={
            "title_fi": "Arviointikysely",
            "opens_on": today,
            "closes_on": today + datetime.timedelta(days=7),
            "threshold": 3,
        },
        criteria=[(CRITERION, ""), ("Johtaminen", "")],
        actor=coordinator,
    )
    type(survey).objects.filter(pk=survey.pk).update(status="open")  # sent: open for answers
    members = list(
        Person.objects.filter(
            memberships__body__organisation=tuusula, memberships__body__kind="board"
        ).distinct()[:3]
    )
    criteria = list(survey.criteria.order_by("order"))
    for n, person in enumerate(members):
        token = f"f07-token-{n}"
        Invitation.objects.create(
            survey=survey,
            person=person,
            email=INVITED if n == 0 else f"other{n}@example.invalid",
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            sent_at=timezone.now(),
        )
        survey_actions.submit_answer(
            token, ratings={c.pk: 2 + n for c in criteria}, comment=f"{COMMENT} {n}"
        )
    record(
        "plan.return",
        plan,
        actor=coordinator,
        organisation=tuusula,
        plan_id=plan.pk,
        after={"reason": AUDITED},
    )
    return {"plan": plan, "survey": survey, "responses": Response.objects.filter(survey=survey)}


def _link_executive(tuusula, user) -> None:
    Person.objects.filter(organisation=tuusula, title_fi="Kansliapäällikkö").update(user=user)


EXECUTIVES = {
    "an admin linked to the executive's person": [Role.Kind.ADMIN],
    "an admin who also holds the executive role": [Role.Kind.ADMIN, Role.Kind.EXECUTIVE],
    "a plain executive": [Role.Kind.EXECUTIVE],
}


@pytest.mark.parametrize("who", list(EXECUTIVES))
def test_the_executive_reads_no_confidential_kind_of_their_evaluation_through_any_door(
    demo, evaluated, who
):
    tuusula = demo["tuusula"]
    kinds = EXECUTIVES[who]
    user = make_user("f07-executive", tuusula, kind=kinds[0])
    for kind in kinds[1:]:
        Role.objects.create(user=user, organisation=tuusula, kind=kind)
    _link_executive(tuusula, user)
    client = Client()
    client.force_login(user)
    plan = evaluated["plan"]
    assert m.GoalPlan.objects.get(pk=plan.pk).executive.user_id == user.pk
    leaks = []
    for door, url in _doors(plan, evaluated["survey"]).items():
        response = client.get(url)
        assert response.status_code < 500, (door, response.status_code)
        body = _text(response)
        leaks += [f"{door}: {kind}" for kind, mark in KINDS.items() if mark in body]
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("who", list(EXECUTIVES)[:2])
def test_the_executive_admins_export_holds_no_survey_row_and_no_event_of_their_plan(
    demo, evaluated, who
):
    tuusula = demo["tuusula"]
    kinds = EXECUTIVES[who]
    user = make_user("f07-executive", tuusula, kind=kinds[0])
    for kind in kinds[1:]:
        Role.objects.create(user=user, organisation=tuusula, kind=kind)
    _link_executive(tuusula, user)
    client = Client()
    client.force_login(user)
    response = client.get("/fi/o/tuusula/export.json")
    assert response.status_code == 200
    rows = json.loads(response.content)
    plan = evaluated["plan"]
    survey_rows = [r for r in rows if r["model"].startswith("surveys.")]
    assert not [r for r in survey_rows if r["model"] in ("surveys.response", "surveys.rating")]
    assert not [r for r in survey_rows if r["fields"].get("plan") == str(plan.pk)]
    events = [r for r in rows if r["model"] == "audit.auditevent"]
    assert events  # the organisation's own events are still there
    assert not [r for r in events if r["fields"].get("plan_id") == str(plan.pk)]


def test_an_admin_who_is_not_the_executive_gets_every_kind_through_the_export_and_the_log(
    demo, evaluated
):
    """The control: the doors do carry these kinds, to those who may read them."""
    admin = make_user("f07-admin", demo["tuusula"], kind=Role.Kind.ADMIN)
    client = Client()
    client.force_login(admin)
    export = client.get("/fi/o/tuusula/export.json").content.decode()
    for mark in KINDS.values():
        assert mark in export, mark
    rows = json.loads(export)
    ours = {str(r.pk) for r in evaluated["responses"]}
    ratings = [r for r in rows if r["model"] == "surveys.rating"]
    assert len([r for r in ratings if r["fields"]["response"] in ours]) == 6
    assert Rating.objects.filter(response__survey=evaluated["survey"]).count() == 6
    assert AUDITED in client.get(f"/fi/plans/{evaluated['plan'].pk}/audit/").content.decode()
    # The results carry figures and comments only once answering is over (finding 15).
    survey_actions.close_survey(evaluated["survey"], actor=admin)
    results = client.get(f"/api/v1/surveys/{evaluated['survey'].pk}/results").content.decode()
    assert COMMENT in results and CRITERION in results


def test_the_executive_admin_is_refused_the_audit_log_with_a_message(demo, evaluated):
    user = make_user("f07-executive", demo["tuusula"], kind=Role.Kind.ADMIN)
    _link_executive(demo["tuusula"], user)
    client = Client()
    client.force_login(user)
    response = client.get(f"/en/plans/{evaluated['plan'].pk}/audit/")
    assert response.status_code == 403
    assert "audit log" in response.content.decode()
    page = client.get(f"/en/plans/{evaluated['plan'].pk}/").content.decode()
    assert f"/plans/{evaluated['plan'].pk}/audit/" not in page

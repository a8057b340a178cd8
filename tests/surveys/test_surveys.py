"""Evaluation surveys: creating, sending over a real SMTP server on loopback, answering by a
personal single-use link, and who sees which results."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.utils import timezone, translation

from suunta.accounts.models import Role
from suunta.audit.models import AuditEvent
from suunta.organisations.models import Person
from suunta.surveys import actions
from suunta.surveys.models import Criterion, Invitation, Rating, Response, Survey
from tests import smtp
from tests.conftest import client_for, make_user

smtp_server = smtp.smtp_server  # the real SMTP server on loopback, as a fixture here
LINK = re.compile(r"https?://[^/\s]+/(fi|sv)/survey/([A-Za-z0-9_-]+)/")


@pytest.fixture
def tuusula(demo):
    return demo["tuusula"]


@pytest.fixture
def coordinator_client(coordinator):
    return client_for(coordinator)


def board_members(org) -> list[Person]:
    return list(
        Person.objects.filter(
            memberships__body__organisation=org, memberships__body__kind="board"
        ).order_by("title_fi")
    )


def council_chair(org) -> Person:
    return Person.objects.get(
        memberships__body__organisation=org,
        memberships__body__kind="council",
        memberships__role="chair",
    )


def survey_data(**overrides):
    today = timezone.localdate()
    data = {
        "title_fi": "Arviointikysely 2025",
        "title_sv": "",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
        "threshold": "3",
        "criterion_1_fi": "Tavoitteiden saavuttaminen",
        "criterion_1_sv": "Måluppfyllelse",
        "criterion_2_fi": "Johtaminen",
        "criterion_2_sv": "Ledarskap",
    }
    data.update(overrides)
    return data


def make_survey(plan, actor, **fields) -> Survey:
    today = timezone.localdate()
    data = {
        "title_fi": "Kysely",
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=7),
        "threshold": 3,
    } | fields
    return actions.create_survey(
        plan, data=data, criteria=[("Johtaminen", "Ledarskap"), ("Viestintä", "")], actor=actor
    )


def send(client, survey, people, capture):
    with capture(execute=True):
        return client.post(
            f"/en/surveys/{survey.pk}/send/", {"recipients": [str(p.pk) for p in people]}
        )


def tokens_of(mailbox) -> dict[str, str]:
    """{recipient address: token} from the mails the SMTP server received."""
    result = {}
    for message in mailbox.messages:
        found = LINK.search(mailbox.body(message))
        assert found, mailbox.body(message)
        result[str(message["To"])] = found.group(2)
    return result


def answer(client, survey, token, values, comment=""):
    data = {"comment": comment}
    for criterion, value in zip(survey.criteria.order_by("order"), values, strict=True):
        data[f"c_{criterion.pk}"] = value
    return client.post(f"/fi/survey/{token}/", data)


# --- Creating ------------------------------------------------------------------------------


def test_the_form_comes_with_the_default_criteria_scale_labels_and_threshold(
    demo, coordinator_client
):
    page = coordinator_client.get(f"/fi/plans/{demo['plan'].pk}/surveys/new/").content.decode()
    for text in (
        "Tavoitteiden saavuttaminen",
        "Johtaminen",
        "Yhteistyö poliittisen johdon kanssa",
        "Viestintä",
        "Organisaation kehittäminen",
        "Utveckling av organisationen",
        "erinomainen",
        "utmärkt",
    ):
        assert f'value="{text}"' in page
    assert 'name="threshold" value="3"' in page


def test_a_coordinator_creates_a_survey_with_ordered_criteria_and_an_audit_event(
    demo, coordinator_client
):
    plan = demo["plan"]
    response = coordinator_client.post(
        f"/fi/plans/{plan.pk}/surveys/new/",
        survey_data(criterion_1_fi="", criterion_1_sv="", criterion_3_fi="Viestintä"),
    )
    survey = Survey.objects.get(plan=plan, title_fi="Arviointikysely 2025")
    assert response.status_code == 302 and response["Location"].endswith(f"/surveys/{survey.pk}/")
    assert [(c.order, c.text_fi) for c in survey.criteria.all()] == [
        (1, "Johtaminen"),
        (2, "Viestintä"),
    ]
    assert survey.threshold == 3 and survey.status == "draft"
    assert survey.labels["fi"][4] == "erinomainen"
    assert AuditEvent.objects.filter(action="survey.create", object_id=str(survey.pk)).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"closes_on": "2020-01-01"}, "The survey cannot close before it opens."),
        ({"title_fi": ""}, "Write the title in Finnish or in Swedish."),
        (
            {
                "criterion_1_fi": "",
                "criterion_1_sv": "",
                "criterion_2_fi": "",
                "criterion_2_sv": "",
            },
            "Give at least one criterion.",
        ),
        ({"threshold": "0"}, "threshold"),
    ],
)
def test_a_bad_survey_form_says_what_is_wrong_and_saves_nothing(
    demo, coordinator_client, overrides, message
):
    response = coordinator_client.post(
        f"/en/plans/{demo['plan'].pk}/surveys/new/", survey_data(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Survey.objects.filter(title_fi="Arviointikysely 2025").exists()


def test_the_executive_may_not_create_a_survey_even_with_a_coordinators_role(demo):
    executive = make_user("exec", demo["tuusula"], kind="executive")
    Role.objects.create(user=executive, organisation=demo["tuusula"], kind="coordinator")
    response = client_for(executive).post(
        f"/fi/plans/{demo['plan'].pk}/surveys/new/", survey_data()
    )
    assert response.status_code == 403
    assert not Survey.objects.filter(title_fi="Arviointikysely 2025").exists()


def test_a_survey_is_not_made_for_a_draft(draft, coordinator_client):
    response = coordinator_client.post(f"/en/plans/{draft.pk}/surveys/new/", survey_data())
    assert response.status_code == 409
    assert "this plan is draft" in response.content.decode()
    assert not Survey.objects.filter(plan=draft).exists()


# --- Sending over SMTP ---------------------------------------------------------------------


def test_candidates_are_the_board_members_and_the_council_chair_all_preselected(demo, coordinator):
    survey = make_survey(demo["plan"], coordinator)
    page = client_for(coordinator).get(f"/fi/surveys/{survey.pk}/").content.decode()
    expected = [*board_members(demo["tuusula"]), council_chair(demo["tuusula"])]
    assert len(expected) == 8
    for person in expected:
        assert re.search(rf'value="{person.pk}"[^>]*checked', page), person
    mayor = Person.objects.get(name="Kalle Ikkelä")
    assert f'value="{mayor.pk}"' not in page
    chief = Person.objects.get(organisation=demo["tuusula"], title_fi="Kansliapäällikkö")
    assert f'value="{chief.pk}"' not in page


def test_each_recipient_gets_a_personal_link_by_real_smtp_in_their_language(
    demo, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    survey = make_survey(demo["plan"], coordinator)
    members = board_members(demo["tuusula"])
    swedish = make_user("ledamot", language="sv")
    Person.objects.filter(pk=members[1].pk).update(user=swedish)
    chair = council_chair(demo["tuusula"])
    client = client_for(coordinator)
    response = send(client, survey, [*members[:3], chair], django_capture_on_commit_callbacks)
    assert response.status_code == 302

    mails = smtp_server.wait_for(3)
    assert len(mails) == 3
    tokens = tokens_of(smtp_server)
    assert set(tokens) == {p.email for p in members[:3]}
    assert len(set(tokens.values())) == 3
    bodies = {str(msg["To"]): smtp_server.body(msg) for msg in mails}
    assert "/sv/survey/" in bodies[members[1].email] and "Ledarskap" in bodies[members[1].email]
    assert "/fi/survey/" in bodies[members[0].email] and "Johtaminen" in bodies[members[0].email]
    # Only the hash of each link is stored, never the link itself.
    for address, token in tokens.items():
        invitation = Invitation.objects.get(survey=survey, email=address)
        assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in str(list(Invitation.objects.values_list()))
    # The council chair has no e-mail address: named to the coordinator, sent nothing.
    page = client.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "no e-mail address and were sent nothing: Valtuuston puheenjohtaja" in page
    assert not Invitation.objects.filter(survey=survey, person=chair).exists()
    survey.refresh_from_db()
    assert survey.status == "open"
    event = AuditEvent.objects.get(action="survey.send", object_id=str(survey.pk))
    assert event.after["no_email"] == [str(chair.pk)]
    assert all(token not in str(event.after) for token in tokens.values())


def test_a_mail_the_server_refuses_is_reported_and_can_be_sent_again(
    transactional_db, demo, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    # Committed for real, as in production: the mail goes out when the action's transaction
    # commits, before the page reports what happened.
    survey = make_survey(demo["plan"], coordinator)
    members = board_members(demo["tuusula"])[:2]
    smtp_server.refused.add(members[1].email)
    client = client_for(coordinator)
    send(client, survey, members, django_capture_on_commit_callbacks)
    smtp_server.wait_for(1)
    page = client.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert f"did not accept the mail to: {members[1].display_name()}" in page
    assert list(Invitation.objects.filter(survey=survey).values_list("person", flat=True)) == [
        members[0].pk
    ]
    smtp_server.refused.clear()
    send(client, survey, members, django_capture_on_commit_callbacks)
    smtp_server.wait_for(2)
    assert [str(msg["To"]) for msg in smtp_server.messages] == [p.email for p in members]


def test_sending_again_sends_nothing_twice(
    demo, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    survey = make_survey(demo["plan"], coordinator)
    members = board_members(demo["tuusula"])
    client = client_for(coordinator)
    send(client, survey, members[:2], django_capture_on_commit_callbacks)
    smtp_server.wait_for(2)
    send(client, survey, members[:3], django_capture_on_commit_callbacks)
    smtp_server.wait_for(3)
    assert sorted(str(msg["To"]) for msg in smtp_server.messages) == sorted(
        p.email for p in members[:3]
    )
    page = client.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "already have their link" in page
    assert Invitation.objects.filter(survey=survey).count() == 3


def test_sending_with_nobody_chosen_is_refused(demo, coordinator, smtp_server):
    survey = make_survey(demo["plan"], coordinator)
    response = client_for(coordinator).post(f"/en/surveys/{survey.pk}/send/", {})
    assert response.status_code == 422
    assert "Choose at least one recipient." in response.content.decode()
    assert not Invitation.objects.filter(survey=survey).exists() and not smtp_server.messages


def test_a_closed_survey_is_not_sent(
    demo, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    survey = make_survey(demo["plan"], coordinator)
    actions.close_survey(survey, actor=coordinator)
    response = send(
        client_for(coordinator),
        survey,
        board_members(demo["tuusula"]),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 409
    assert not Invitation.objects.filter(survey=survey).exists() and not smtp_server.messages


# --- Answering -----------------------------------------------------------------------------


@pytest.fixture
def sent(demo, coordinator, smtp_server, django_capture_on_commit_callbacks):
    """A survey sent to five board members; their tokens by address."""
    survey = make_survey(demo["plan"], coordinator, threshold=3)
    send(
        client_for(coordinator),
        survey,
        board_members(demo["tuusula"])[:5],
        django_capture_on_commit_callbacks,
    )
    smtp_server.wait_for(5)
    return survey, list(tokens_of(smtp_server).values())


def test_the_link_opens_the_questions_without_signing_in(client, sent):
    _, tokens = sent
    page = client.get(f"/fi/survey/{tokens[0]}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<fieldset") == 2 and "<legend>1. Johtaminen</legend>" in html
    assert 'value="cannot_say"' in html
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]


def test_an_answer_is_stored_without_a_link_to_the_person_and_uses_up_the_link(client, sent):
    survey, tokens = sent
    response = answer(client, survey, tokens[0], ["4", "cannot_say"], "Hyvä vuosi.")
    assert response.status_code == 200
    assert Response.objects.filter(survey=survey).count() == 1
    saved = Response.objects.get(survey=survey)
    assert saved.comment == "Hyvä vuosi."
    assert sorted((r.criterion.order, r.value) for r in Rating.objects.filter(response=saved)) == [
        (1, 4),
        (2, None),
    ]
    # Nothing in the answer points to an invitation or a person, nor carries a time.
    fields = {f.name for f in Response._meta.get_fields()} | {
        f.name for f in Rating._meta.get_fields()
    }
    assert not fields & {"invitation", "person", "user", "created_at", "updated_at"}
    assert Invitation.objects.filter(survey=survey, answered=True).count() == 1
    assert not AuditEvent.objects.filter(action__startswith="survey.answer").exists()

    again = answer(client, survey, tokens[0], ["1", "1"], "Toinen yritys")
    assert again.status_code == 410
    assert "already been used" in client.get(f"/en/survey/{tokens[0]}/").content.decode()
    assert Response.objects.filter(survey=survey).count() == 1


def test_an_unknown_link_says_so_and_saves_nothing(client, sent):
    survey, _ = sent
    response = answer(client, survey, "not-a-real-token-at-all-xxxxxxxxxxxxx", ["3", "3"])
    assert response.status_code == 410
    assert "This link is not valid" in client.get("/en/survey/nonsense/").content.decode()
    assert not Response.objects.filter(survey=survey).exists()


def test_a_closed_or_expired_survey_takes_no_answers(client, sent, coordinator):
    survey, tokens = sent
    Survey.objects.filter(pk=survey.pk).update(
        opens_on=timezone.localdate() - datetime.timedelta(days=10),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    expired = answer(client, survey, tokens[0], ["3", "3"])
    assert expired.status_code == 410
    assert "closed on" in client.get(f"/en/survey/{tokens[0]}/").content.decode()
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate())
    actions.close_survey(Survey.objects.get(pk=survey.pk), actor=coordinator)
    closed = answer(client, survey, tokens[1], ["3", "3"])
    assert closed.status_code == 410
    assert "has been closed" in client.get(f"/en/survey/{tokens[1]}/").content.decode()
    assert not Response.objects.filter(survey=survey).exists()
    assert not Invitation.objects.filter(survey=survey, answered=True).exists()


@pytest.mark.parametrize("values", [["7", "3"], ["0", "3"], ["3", ""], ["3", "3,5"]])
def test_a_rating_outside_one_to_five_is_refused_and_the_link_still_works(client, sent, values):
    survey, tokens = sent
    response = client.post(
        f"/en/survey/{tokens[0]}/",
        {f"c_{c.pk}": v for c, v in zip(survey.criteria.order_by("order"), values, strict=True)},
    )
    assert response.status_code == 422
    assert "Choose a rating from 1 to 5" in response.content.decode()
    assert not Response.objects.filter(survey=survey).exists()
    assert answer(client, survey, tokens[0], ["5", "5"]).status_code == 200


def test_the_action_refuses_a_rating_outside_the_scale_too(sent):
    survey, tokens = sent
    criteria = list(survey.criteria.order_by("order"))
    with translation.override("en"), pytest.raises(Exception, match="whole number from 1 to 5"):
        actions.submit_answer(tokens[0], ratings={criteria[0].pk: 6, criteria[1].pk: 3}, comment="")
    assert not Response.objects.filter(survey=survey).exists()
    assert not Invitation.objects.filter(survey=survey, answered=True).exists()


# --- Results and who sees them ------------------------------------------------------------


def answered(sent, client, count):
    survey, tokens = sent
    ratings = [["4", "5"], ["3", "cannot_say"], ["5", "4"], ["4", "2"], ["2", "3"]]
    comments = ["Ensimmäinen kommentti", "", "Toinen kommentti", "", ""]
    for token, values, comment in list(zip(tokens, ratings, comments, strict=True))[:count]:
        assert answer(client, survey, token, values, comment).status_code == 200
    return survey


def test_the_coordinator_sees_counts_means_distribution_and_comments(sent, client, coordinator):
    survey = answered(sent, client, 5)
    page = client_for(coordinator).get(f"/fi/surveys/{survey.pk}/").content.decode()
    assert "3,60" not in page and "Ensimmäinen kommentti" not in page  # not while open
    actions.close_survey(survey, actor=coordinator)
    page = client_for(coordinator).get(f"/fi/surveys/{survey.pk}/").content.decode()
    assert "3,60" in page  # (4+3+5+4+2)/5 with a decimal comma
    assert "3,50" in page  # (5+4+2+3)/4; one "cannot say"
    assert "Ensimmäinen kommentti" in page and "Toinen kommentti" in page
    assert "<svg" in page and "<table" in page
    assert (
        "5 of 5 answered"
        in client_for(coordinator).get(f"/en/surveys/{survey.pk}/").content.decode()
    )


def test_partners_see_the_aggregates_only_from_the_threshold_and_never_the_comments(
    sent, client, demo, coordinator
):
    partner = client_for(make_user("partner", demo["tuusula"], kind="discussion_partner"))
    survey = answered(sent, client, 3)
    page = partner.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "result-table" not in page and "shown once the survey has closed" in page
    actions.close_survey(survey, actor=coordinator)
    page = partner.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "Too few answers" not in page and "result-table" in page
    assert "kommentti" not in page


def test_a_closed_survey_with_too_few_answers_shows_no_breakdown(sent, client, coordinator):
    survey = answered(sent, client, 2)
    actions.close_survey(survey, actor=coordinator)
    page = client_for(coordinator).get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "Too few answers to show the breakdown (2 &lt; 3)" in page
    assert "result-table" not in page and "Ensimmäinen kommentti" not in page


@pytest.mark.parametrize("kind", ["executive", "board_member", "audit_committee"])
def test_the_executive_board_and_audit_members_see_nothing_of_the_survey(sent, client, demo, kind):
    survey = answered(sent, client, 3)
    user = make_user(f"u-{kind}", demo["tuusula"], kind=kind)
    reader = client_for(user)
    assert reader.get(f"/fi/surveys/{survey.pk}/").status_code == 403
    plan_page = reader.get(f"/fi/plans/{survey.plan_id}/").content.decode()
    assert f"/fi/surveys/{survey.pk}/" not in plan_page
    assert reader.get(f"/api/v1/surveys/{survey.pk}/results").status_code == 403


def test_another_organisation_gets_404(sent, demo):
    survey, _ = sent
    other = client_for(make_user("k-coord", demo["kangasala"]))
    assert other.get(f"/fi/surveys/{survey.pk}/").status_code == 404
    assert other.get(f"/api/v1/surveys/{survey.pk}/results").status_code == 404


def test_the_plan_page_links_to_the_survey_for_those_who_may_see_it(sent, coordinator, demo):
    survey, _ = sent
    page = client_for(coordinator).get(f"/fi/plans/{survey.plan_id}/").content.decode()
    assert f"/fi/surveys/{survey.pk}/" in page
    assert f"/fi/plans/{survey.plan_id}/surveys/new/" in page


def test_the_api_gives_the_coordinator_the_results(sent, client, coordinator):
    survey = answered(sent, client, 5)
    actions.close_survey(survey, actor=coordinator)
    data = client_for(coordinator).get(f"/api/v1/surveys/{survey.pk}/results").json()
    assert data["answers"] == 5 and data["invited"] == 5
    first = data["criteria"][0]
    assert first["text"] == {"fi": "Johtaminen", "sv": "Ledarskap"}
    assert first["mean"] == 3.6 and first["count"] == 5 and first["cannot_say"] == 0
    assert first["shown"] and data["results_final"] and data["minimum"] == 3
    assert [d["count"] for d in first["distribution"]] == [0, 1, 1, 2, 1]
    assert sorted(data["comments"]) == ["Ensimmäinen kommentti", "Toinen kommentti"]
    assert client.get(f"/api/v1/surveys/{survey.pk}/results").status_code == 401


def test_closing_is_audited_and_a_second_close_is_refused(demo, coordinator):
    survey = make_survey(demo["plan"], coordinator)
    client = client_for(coordinator)
    assert client.post(f"/fi/surveys/{survey.pk}/close/").status_code == 302
    assert client.post(f"/fi/surveys/{survey.pk}/close/").status_code == 409
    assert AuditEvent.objects.filter(action="survey.close", object_id=str(survey.pk)).count() == 1


def test_the_demo_has_a_closed_survey_with_five_answers(demo, coordinator):
    survey = Survey.objects.get(plan=demo["plan"], status="closed")
    assert survey.responses.count() == 5
    assert survey.responses.exclude(comment="").count() == 2
    assert Criterion.objects.filter(survey=survey).count() == 5
    page = client_for(coordinator).get(f"/fi/surveys/{survey.pk}/").content.decode()
    assert "3,80" in page  # goal achievement (4+5+3+4+4)/5, with a decimal comma
    page = client_for(coordinator).get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "Too few answers" not in page and "5 of 5 answered" in page


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Arviointikysely 2025", "Arviointikysely 2025"),
        ("Kansliapäällikön arviointi 2025", "Arviointikysely: Kansliapäällikön arviointi 2025"),
    ],
)
def test_the_mail_subject_never_says_evaluation_survey_twice(
    demo, coordinator, smtp_server, django_capture_on_commit_callbacks, title, subject
):
    survey = make_survey(demo["plan"], coordinator, title_fi=title)
    members = board_members(demo["tuusula"])
    send(client_for(coordinator), survey, members[:1], django_capture_on_commit_callbacks)
    smtp_server.wait_for(1)
    lang_subjects = {str(msg["Subject"]).strip() for msg in smtp_server.messages}
    assert lang_subjects <= {subject, subject.replace("Arviointikysely", "Utvärderingsenkät")}

"""The write API: tokens, the same permission and state rules as the pages (as a table),
ETag/If-Match, conflicts, immutability and the recomputable content hash."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.db import transaction
from django.test import Client

from suunta.accounts.models import Role
from suunta.api.models import ApiToken
from suunta.goals import models as m
from suunta.organisations.models import Body, ExecutivePost, Person
from tests.conftest import client_for, make_user
from tests.test_permissions import (
    AMENDABLE,
    DRAFTERS,
    PREPARERS,
    ROLES,
    STATES,
    plan_in_state,
    rule,
)


class Api:
    """A JSON client authenticated with a bearer token (or nothing)."""

    def __init__(self, token: str | None = None):
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def call(self, method: str, url: str, body=None, **headers):
        data = json.dumps(body) if body is not None else None
        return getattr(self.client, method.lower())(
            "/api/v1" + url, data=data, content_type="application/json", **self.headers, **headers
        )


def token_for(user) -> str:
    return ApiToken.issue(user, "test")[1]


@pytest.fixture
def apis(demo):
    tuusula, kangasala = demo["tuusula"], demo["kangasala"]
    result = {"anonymous": Api()}
    for role in ROLES[2:]:
        user = make_user(f"api-{role}", tuusula, kind=role)
        if role == "executive":
            Person.objects.filter(organisation=tuusula, title_fi="Kansliapäällikkö").update(
                user=user
            )
        result[role] = Api(token_for(user))
    result["other_org"] = Api(token_for(make_user("api-other", kangasala)))
    return result


# --- Tokens -------------------------------------------------------------------------------------


def test_a_token_is_stored_hashed_works_and_stops_working_when_revoked(demo):
    user = make_user("owner", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    page = client_for(user)
    response = page.post("/fi/accounts/tokens/", {"name": "Integraatio"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    token = response.context["new_token"]
    record = ApiToken.objects.get(user=user)
    assert token not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert record.digest == hashlib.sha256(token.encode()).hexdigest()
    assert Api(token).call("GET", "/organisations").status_code == 200
    assert page.get("/fi/accounts/tokens/").content.decode().count(token) == 0
    other = client_for(make_user("other", demo["tuusula"]))
    assert other.post(f"/fi/accounts/tokens/{record.pk}/revoke/").status_code == 404
    assert page.post(f"/fi/accounts/tokens/{record.pk}/revoke/").status_code == 302
    assert Api(token).call("GET", "/organisations").status_code == 401
    assert Api("suunta_not-a-token").call("GET", "/organisations").status_code == 401
    assert Client().get("/fi/accounts/tokens/").status_code == 302  # anonymous: sign in
    from suunta.audit.models import AuditEvent

    assert {"api_token.create", "api_token.revoke"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )


def test_an_empty_token_name_is_refused(demo):
    owner = make_user("owner", demo["tuusula"])
    page = client_for(owner)
    assert page.post("/fi/accounts/tokens/", {"name": ""}).status_code == 422
    assert not ApiToken.objects.filter(user=owner).exists()


def test_the_demo_accounts_get_the_same_tokens_on_every_load(db, settings):
    from django.core.management import call_command

    from suunta.api.models import demo_token

    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    from suunta.demo.seed import DEMO_ACCOUNTS

    assert ApiToken.objects.filter(name="demo").count() == len(DEMO_ACCOUNTS)
    assert Api(demo_token("hallitus")).call("GET", "/plans").status_code == 200


# --- Editing a draft ----------------------------------------------------------------------------


def test_create_a_plan_and_its_goals_then_propose_it(demo):
    coordinator = make_user("coord", demo["tuusula"])
    api = Api(token_for(coordinator))
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    created = api.call(
        "POST",
        f"/posts/{post.pk}/plans",
        {"title_fi": "Vuositavoitteet", "period_start": "2031-01-01", "period_end": "2031-12-31"},
    )
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    goal = api.call("POST", f"/plans/{plan_id}/goals", {"title_fi": "Talous", "weight": 100})
    assert goal.status_code == 201, goal.content
    indicator = api.call(
        "POST",
        f"/goals/{goal.json()['id']}/indicators",
        {"text_fi": "Tulos", "unit": "M€", "baseline": -1.5, "target": 0},
    )
    assert indicator.status_code == 201, indicator.content
    checkpoint = api.call(
        "POST",
        f"/plans/{plan_id}/checkpoints",
        {"label_fi": "Syksy", "opens_on": "2031-09-01", "closes_on": "2031-09-30"},
    )
    assert checkpoint.status_code == 201
    proposed = api.call("POST", f"/plans/{plan_id}/propose", {})
    assert proposed.status_code == 200 and proposed.json()["status"] == "proposed"
    content = api.call("GET", f"/plans/{plan_id}/content").content
    # Anyone can recompute the hash from the API's JSON.
    canonical = json.dumps(
        json.loads(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    recomputed = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert recomputed == proposed.json()["content_hash"]
    assert api.call("GET", f"/plans/{plan_id}").json()["content_hash"] == recomputed


def test_a_change_needs_if_match_and_a_stale_one_is_a_409_with_the_current_version(
    demo, coordinator, draft
):
    api = Api(token_for(coordinator))
    goal = draft.goals.order_by("order").first()
    read = api.call("GET", f"/goals/{goal.pk}")
    tag = read["ETag"]
    assert api.call("PATCH", f"/goals/{goal.pk}", {"title_fi": "X"}).status_code == 428
    first = api.call("PATCH", f"/goals/{goal.pk}", {"title_fi": "Ensimmäinen"}, HTTP_IF_MATCH=tag)
    assert first.status_code == 200 and first["ETag"] != tag
    second = api.call("PATCH", f"/goals/{goal.pk}", {"title_fi": "Toinen"}, HTTP_IF_MATCH=tag)
    assert second.status_code == 409
    assert second.json()["current"]["title"]["fi"] == "Ensimmäinen"
    assert second["ETag"] == first["ETag"]
    goal.refresh_from_db()
    assert goal.title_fi == "Ensimmäinen"
    deleted = api.call("DELETE", f"/goals/{goal.pk}", HTTP_IF_MATCH=tag)
    assert deleted.status_code == 409 and m.Goal.objects.filter(pk=goal.pk).exists()
    assert api.call("DELETE", f"/goals/{goal.pk}", HTTP_IF_MATCH=first["ETag"]).status_code == 204


def test_invalid_input_is_a_422_naming_the_field_and_changes_nothing(demo, coordinator, draft):
    api = Api(token_for(coordinator))
    before = draft.goals.count()
    response = api.call(
        "POST",
        f"/plans/{draft.pk}/goals",
        {"title_fi": "", "weight": 150},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    fields = {e["loc"][0] for e in response.json()["errors"]}
    assert {"title_fi", "weight"} <= fields
    assert draft.goals.count() == before


def test_approved_content_cannot_be_changed_through_the_api(demo):
    coordinator = make_user("coord", demo["tuusula"])
    api = Api(token_for(coordinator))
    plan = demo["plan"]
    goal = plan.goals.first()
    tag = api.call("GET", f"/goals/{goal.pk}")["ETag"]
    for method, url, body in (
        ("PATCH", f"/goals/{goal.pk}", {"title_fi": "Muutettu"}),
        ("DELETE", f"/goals/{goal.pk}", None),
        ("POST", f"/plans/{plan.pk}/goals", {"title_fi": "Uusi"}),
        ("PATCH", f"/plans/{plan.pk}", {"title_fi": "Uusi"}),
    ):
        response = api.call(method, url, body, HTTP_IF_MATCH=tag)
        assert response.status_code == 409, (method, url, response.content)
    goal.refresh_from_db()
    assert goal.title_fi != "Muutettu" and plan.goals.count() == 6


def test_a_wrong_decision_for_the_state_names_the_states_that_allow_it(demo):
    coordinator = make_user("coord", demo["tuusula"])
    board = Body.objects.get(organisation=demo["tuusula"], kind="board")
    response = Api(token_for(coordinator)).call(
        "POST",
        f"/plans/{demo['plan'].pk}/decisions",
        {"kind": "approve", "body": str(board.pk), "meeting_date": "2031-01-01"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 409 and "proposed" in response.json()["detail"]


def test_self_assessments_are_not_readable_by_board_members_through_the_api(demo):
    plan = plan_in_state(demo, "in_follow_up")
    goal = plan.goals.first()
    entry = m.FollowUpEntry.objects.create(
        goal=goal, checkpoint=plan.checkpoints.first(), kind="self", text_fi="Oma arvio"
    )
    member = Api(token_for(make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)))
    assert member.call("GET", f"/follow-ups/{entry.pk}").status_code == 404
    assert "Oma arvio" not in member.call("GET", f"/plans/{plan.pk}").content.decode()
    partner = Api(
        token_for(make_user("partner", demo["tuusula"], kind=Role.Kind.DISCUSSION_PARTNER))
    )
    assert partner.call("GET", f"/follow-ups/{entry.pk}").status_code == 200


def test_a_session_write_needs_the_csrf_token(demo, coordinator, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    response = client.post(
        f"/api/v1/plans/{draft.pk}/goals",
        data=json.dumps({"title_fi": "CSRF"}),
        content_type="application/json",
    )
    assert response.status_code == 403 and not draft.goals.filter(title_fi="CSRF").exists()


# --- The permission table, for the API --------------------------------------------------------

EDIT = rule(DRAFTERS, {"draft"})
API_OUTCOMES = {401: "login", 403: "forbidden", 404: "hidden", 409: "state"}


def api_outcome(status: int) -> str:
    if status in (200, 201, 204, 422):
        return "ok"
    return API_OUTCOMES.get(status, f"HTTP {status}")


def api_rows(o):
    plan, goal = o["plan"], o["goal"]
    board = Body.objects.get(organisation=plan.organisation, kind="board")
    review = {"kind": "review", "body": str(board.pk), "meeting_date": "2031-01-01"}
    readable = rule(set(ROLES), None)
    return [
        ("GET", f"/plans/{plan.pk}", None, readable),
        ("GET", f"/plans/{plan.pk}/content", None, readable),
        ("GET", f"/goals/{goal.pk}", None, readable),
        ("PATCH", f"/plans/{plan.pk}", {"title_fi": "Uusi"}, EDIT),
        ("POST", f"/plans/{plan.pk}/goals", {"title_fi": "Uusi"}, EDIT),
        ("PATCH", f"/goals/{goal.pk}", {"title_fi": "Uusi"}, EDIT),
        ("POST", f"/goals/{goal.pk}/move", {"direction": "down"}, EDIT),
        ("POST", f"/goals/{goal.pk}/indicators", {"text_fi": "Uusi"}, EDIT),
        ("POST", f"/plans/{plan.pk}/propose", {}, rule(DRAFTERS, {"draft"})),
        ("GET", f"/plans/{plan.pk}/carried-over", None, readable),
        ("POST", f"/plans/{plan.pk}/carried-over/confirm", {"section": "basis"}, EDIT),
        ("POST", f"/plans/{plan.pk}/return", {"reason": "x"}, rule(DRAFTERS, {"proposed"})),
        ("POST", f"/plans/{plan.pk}/decisions", review, rule(PREPARERS, AMENDABLE)),
        ("POST", f"/plans/{plan.pk}/amend", None, rule(DRAFTERS, AMENDABLE)),
        (
            "POST",
            f"/plans/{plan.pk}/start-follow-up",
            None,
            rule(PREPARERS, {"approved", "noted"}),
        ),
        ("POST", f"/plans/{plan.pk}/close", None, rule(PREPARERS, {"evaluated"})),
        ("POST", f"/plans/{plan.pk}/next", None, rule(DRAFTERS, None)),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("state", STATES)
def test_every_api_write_answers_every_role_as_the_pages_do(demo, apis, state):
    plan = plan_in_state(demo, state)
    objects = {"plan": plan, "goal": plan.goals.order_by("order").first()}
    wrong = []
    for method, url, body, expected_of in api_rows(objects):
        for role in ROLES:
            expected = expected_of(role, state)
            if role == "anonymous":
                expected = "login"
            with transaction.atomic():
                target = m.Goal.objects.get(pk=objects["goal"].pk)
                tag = f'"{target.pk}.{target.lock_version}"' if "/goals/" in url else None
                if url == f"/plans/{plan.pk}" and method == "PATCH":
                    tag = f'"{plan.pk}.{plan.lock_version}"'
                extra = {"HTTP_IF_MATCH": tag} if tag else {}
                response = apis[role].call(method, url, body, **extra)
                transaction.set_rollback(True)
            got = api_outcome(response.status_code)
            if got != expected:
                wrong.append(f"{method} {url} as {role}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_refusal_is_in_the_language_of_the_request(demo):
    member = Api(token_for(make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)))
    plan = demo["plan"]
    english = member.call("POST", f"/plans/{plan.pk}/amend", HTTP_ACCEPT_LANGUAGE="en")
    swedish = member.call("POST", f"/plans/{plan.pk}/amend", HTTP_ACCEPT_LANGUAGE="sv")
    assert english.status_code == swedish.status_code == 403
    assert "You may not" in english.json()["detail"]
    assert "You may not" not in swedish.json()["detail"]


def test_an_anonymous_write_is_a_401_even_with_csrf_checks(demo, draft):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/api/v1/plans/{draft.pk}/goals",
        data=json.dumps({"title_fi": "X"}),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_a_next_periods_draft_is_reviewed_through_the_api_before_it_is_proposed(demo):
    coordinator = make_user("coord-api", demo["tuusula"])
    api = Api(token_for(coordinator))
    created = api.call("POST", f"/plans/{demo['plan'].pk}/next")
    assert created.status_code == 201
    plan_id = created.json()["id"]
    pending = api.call("GET", f"/plans/{plan_id}/carried-over").json()
    assert pending["sections"] == ["title", "basis", "purpose", "evaluation"]
    assert len(pending["goal_ids"]) == 6 and len(pending["indicator_ids"]) == 14
    refused = api.call("POST", f"/plans/{plan_id}/propose", {})
    assert refused.status_code == 409 and "24" in refused.json()["detail"]
    bad = api.call("POST", f"/plans/{plan_id}/carried-over/confirm", {"section": "otsikko"})
    assert bad.status_code == 422
    unknown = api.call(
        "POST", f"/plans/{plan_id}/carried-over/confirm", {"goal_id": str(demo["plan"].pk)}
    )
    assert unknown.status_code == 404
    for section in pending["sections"]:
        api.call("POST", f"/plans/{plan_id}/carried-over/confirm", {"section": section})
    for goal_id in pending["goal_ids"]:
        api.call("POST", f"/plans/{plan_id}/carried-over/confirm", {"goal_id": goal_id})
    last = None
    for indicator_id in pending["indicator_ids"]:
        last = api.call(
            "POST", f"/plans/{plan_id}/carried-over/confirm", {"indicator_id": indicator_id}
        )
    assert last.json() == {"sections": [], "goal_ids": [], "indicator_ids": []}
    assert api.call("POST", f"/plans/{plan_id}/propose", {}).status_code == 200

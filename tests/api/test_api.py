"""The read-only API: visibility, errors, and conformance to its own OpenAPI document."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application
from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_user


@pytest.fixture
def reader(demo):
    user = make_user("reader", demo["tuusula"], kind="board_member")
    return client_for(user)


def test_anonymous_requests_get_401_json(db, client):
    for url in ("/api/v1/organisations", "/api/v1/plans", "/api/v1/posts"):
        response = client.get(url)
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentication required."}


def test_the_openapi_document_is_served(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/organisations", "/api/v1/posts/{post_id}", "/api/v1/plans/{plan_id}"} <= set(
        schema["paths"]
    )


def test_a_plan_comes_with_checkpoints_goals_indicators_and_decisions(demo, reader):
    plan = demo["plan"]
    data = reader.get(f"/api/v1/plans/{plan.pk}").json()
    assert data["id"] == str(plan.pk)
    assert data["title"] == {"fi": "Kansliapäällikön tavoitteet", "sv": ""}
    assert [c["label"]["fi"] for c in data["checkpoints"]] == [
        "elokuu 2025",
        "tammikuu/helmikuu 2026",
    ]
    assert [g["number"] for g in data["goals"]] == [1, 2, 3, 4, 5, 6]
    assert sum(len(g["indicators"]) for g in data["goals"]) == 14
    assert [
        (d["meeting_date"], d["body"]["abbreviation"], d["kind"]) for d in data["decisions"]
    ] == [("2025-03-26", "Poljory", "review"), ("2025-03-31", "KH", "approve")]


def test_ids_are_stable_between_calls_and_match_the_pages(demo, reader):
    first = reader.get("/api/v1/plans").json()
    assert first == reader.get("/api/v1/plans").json()
    assert [p["id"] for p in first] == [str(demo["plan"].pk)]


def test_a_post_lists_focus_areas_and_positions_of_trust(demo):
    user = make_user("k-reader", demo["kangasala"], kind="board_member")
    posts = client_for(user).get("/api/v1/posts").json()
    assert len(posts) == 1
    post = posts[0]
    assert post["holder"]["name"] == "Oskari Auvinen"
    assert len(post["focus_areas"]) == 23
    assert [p["description"]["fi"] for p in post["positions_of_trust"]][2] == (
        "Tammervoima Oy:n hallituksen varapuheenjohtaja"
    )


def test_the_api_follows_the_same_visibility_as_the_pages(demo, reader):
    kangasala_post = ExecutivePost.objects.get(organisation__slug="kangasala")
    assert reader.get(f"/api/v1/posts/{kangasala_post.pk}").status_code == 404
    assert reader.get(f"/api/v1/organisations/{demo['kangasala'].pk}").status_code == 404
    assert [o["slug"] for o in reader.get("/api/v1/organisations").json()] == ["tuusula"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/plans/not-a-uuid",
        "/api/v1/plans?organisation=xyz",
        "/api/v1/posts/%00",
        "/api/v1/organisations/123",
    ],
)
def test_malformed_requests_get_a_4xx_json_error(demo, reader, url):
    response = reader.get(url)
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


@pytest.fixture
def api_schema(demo):
    # Like Django's test client: keep the test's database connection across the requests
    # schemathesis sends straight to the WSGI application.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def credentials(demo):
    """A coordinator's session and API token: generated writes reach the actions."""
    from suunta.api.models import ApiToken

    user = make_user("fuzzer", demo["tuusula"])
    client = client_for(user)
    _, token = ApiToken.issue(user, "schemathesis")
    return {"sessionid": client.cookies["sessionid"].value}, f"Bearer {token}"


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_conforms_to_its_schema_for_a_signed_in_user(case, credentials):
    # Where the generated request carries a session or a token, make it a real one (a
    # coordinator's); requests generated without either must be refused with 401.
    session, bearer = credentials
    if case.headers and "Authorization" in case.headers:
        case.headers["Authorization"] = bearer
    elif case.cookies and "sessionid" in case.cookies:
        case.cookies.update(session)
    # A schema cannot say which uploaded bytes are a readable goal document: the import
    # preview refuses a schema-valid file it cannot read (a generated PNG) with a 422.
    excluded = [positive_data_acceptance] if case.path == "/api/v1/imports/preview" else []
    case.call_and_validate(excluded_checks=excluded)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_conforms_to_its_schema_for_an_anonymous_user(case):
    case.call_and_validate()

"""Finding 13: three inputs gave a 500 (production shows only the generic error page):
`next=javascript:alert(1)` on the second-factor page, a lone surrogate in a text sent to the
API, and a weight of 1e999999999. Each kind now gets a 4xx with a message naming what is wrong:
an unsafe `next` is ignored, a text that cannot be stored (a lone surrogate or a NUL, from the
API or a form) is a 422 naming the field, and every number a person types is bounded."""

from __future__ import annotations

import json

import pyotp
import pytest
from django.test import Client

from suunta.accounts import security
from suunta.api.models import ApiToken
from suunta.goals import models as m
from tests.conftest import client_for

UNSAFE_NEXT = [
    "javascript:alert(1)",
    "javascript%3Aalert%281%29",
    "JaVaScRiPt:alert(1)",
    "//evil.example/",
    "https://evil.example/",
    "data:text/html,hi",
    "\\\\evil.example",
    "foo",
    "no-such-url-name",
]


@pytest.fixture
def half_signed_in(demo, coordinator, settings):
    """The coordinator with an authenticator app, past the password step only."""
    settings.SUUNTA_REQUIRE_MFA = True
    secret = security.new_secret()
    assert security.confirm_device(coordinator, secret, pyotp.TOTP(secret).now()) is not None
    client = Client()
    signed_in = client.post(
        "/en/accounts/login/", {"username": "coordinator", "password": "pw-coordinator"}
    )
    assert "/second-factor/" in signed_in["Location"]
    return client


@pytest.mark.parametrize("wanted", UNSAFE_NEXT)
def test_an_unsafe_next_on_the_second_factor_page_is_ignored_not_a_500(half_signed_in, wanted):
    page = half_signed_in.get("/en/accounts/second-factor/", {"next": wanted})
    assert page.status_code == 200
    # The form carries the fallback, not what was asked (the language links keep the query
    # string, encoded, as they do for every page).
    assert '<input type="hidden" name="next" value="/">' in page.content.decode()
    posted = half_signed_in.post("/en/accounts/second-factor/", {"code": "000000", "next": wanted})
    assert posted.status_code == 422
    assert '<input type="hidden" name="next" value="/">' in posted.content.decode()


@pytest.mark.parametrize("wanted", UNSAFE_NEXT)
def test_a_signed_in_user_without_an_app_is_sent_home_whatever_next_says(demo, coordinator, wanted):
    response = client_for(coordinator).get("/en/accounts/second-factor/", {"next": wanted})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_raw_query_string_of_the_review_is_ignored_too(half_signed_in):
    page = half_signed_in.get("/en/accounts/second-factor/?next=javascript%3Aalert%281%29")
    assert page.status_code == 200


def test_a_safe_next_is_kept(half_signed_in, demo):
    page = half_signed_in.get("/en/accounts/second-factor/", {"next": "/en/o/tuusula/"})
    assert 'value="/en/o/tuusula/"' in page.content.decode()


# --- Texts that cannot be stored ---------------------------------------------------------------


def _api(user):
    token = ApiToken.issue(user, "test")[1]
    client = Client()

    def call(method, url, raw_body, **headers):
        return getattr(client, method.lower())(
            "/api/v1" + url,
            data=raw_body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            HTTP_ACCEPT_LANGUAGE="en",
            **headers,
        )

    return call


BAD_TEXTS = {
    "a lone surrogate": '"Tavoite \\ud800"',
    "a lone low surrogate": '"\\udfff"',
    "a NUL character": '"Tavoite\\u0000"',
}


@pytest.mark.parametrize("what", list(BAD_TEXTS))
def test_an_api_patch_with_a_text_that_cannot_be_stored_is_a_422_naming_the_field(
    demo, coordinator, draft, what
):
    api = _api(coordinator)
    goal = draft.goals.order_by("order").first()
    tag = api("GET", f"/goals/{goal.pk}", None)["ETag"]
    body = '{"title_fi": ' + BAD_TEXTS[what] + "}"
    response = api("PATCH", f"/goals/{goal.pk}", body, HTTP_IF_MATCH=tag)
    assert response.status_code == 422, response.content[:300]
    errors = response.json()["errors"]
    assert any("title_fi" in e["loc"] for e in errors), errors
    assert any("cannot be stored" in e["msg"] for e in errors), errors
    goal.refresh_from_db()
    assert goal.title_fi != json.loads(BAD_TEXTS[what])


@pytest.mark.parametrize(
    ("method", "url", "field"),
    [
        ("POST", "/plans/{plan}/goals", "title_fi"),
        ("POST", "/plans/{plan}/checkpoints", "label_fi"),
        ("POST", "/posts/{post}/plans", "title_fi"),
        ("POST", "/plans/{plan}/return", "reason"),
    ],
)
def test_every_api_write_refuses_a_lone_surrogate_with_a_422_naming_the_field(
    demo, coordinator, draft, method, url, field
):
    api = _api(coordinator)
    path = url.format(plan=draft.pk, post=draft.post_id)
    response = api(method, path, '{"' + field + '": "x\\ud800"}')
    assert response.status_code == 422, response.content[:300]
    assert any(field in e["loc"] for e in response.json()["errors"])


def test_a_follow_up_sent_through_the_api_with_a_lone_surrogate_is_a_422(demo, coordinator):
    plan = demo["plan"]
    goal = plan.goals.order_by("order").first()
    checkpoint = plan.checkpoints.order_by("order").first()
    body = (
        json.dumps({"goal_id": str(goal.pk), "checkpoint_id": str(checkpoint.pk), "kind": "joint"})[
            :-1
        ]
        + ', "text_fi": "Edistyy \\ud800"}'
    )
    before = m.FollowUpEntry.objects.count()
    response = _api(coordinator)("POST", f"/plans/{plan.pk}/follow-ups", body)
    assert response.status_code == 422, response.content[:300]
    assert any("text_fi" in e["loc"] for e in response.json()["errors"])
    assert m.FollowUpEntry.objects.count() == before


def test_a_form_with_a_nul_in_a_text_is_a_422_naming_the_field(demo, coordinator, draft):
    goal = draft.goals.order_by("order").first()
    client = client_for(coordinator)
    response = client.post(
        f"/en/goals/{goal.pk}/edit/",
        {"title_fi": "Tavoite\x00", "kind": goal.kind, "lock_version": goal.lock_version},
    )
    assert response.status_code == 422
    goal.refresh_from_db()
    assert "\x00" not in goal.title_fi


# --- Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e999999999", "-1e999999999", "1e-999999999", "9" * 400])
def test_a_weight_out_of_all_bounds_is_a_422_with_a_message(demo, coordinator, draft, value):
    summary_goals = list(draft.goals.order_by("order"))
    data = {f"goal-{g.pk}": value for g in summary_goals}
    data |= {f"lock-{g.pk}": str(g.lock_version) for g in summary_goals}
    response = client_for(coordinator).post(f"/en/plans/{draft.pk}/weights/", data)
    assert response.status_code == 422
    assert "too large or has too many decimals" in response.content.decode()
    assert not m.Goal.objects.filter(plan=draft, weight__isnull=False).exists()


@pytest.mark.parametrize("value", ["1e999999999", "1e300"])
def test_an_api_number_out_of_all_bounds_is_a_422_naming_the_field(demo, coordinator, draft, value):
    api = _api(coordinator)
    goal = draft.goals.order_by("order").first()
    indicator = goal.indicators.order_by("order").first()
    tag = api("GET", f"/indicators/{indicator.pk}", None)["ETag"]
    response = api(
        "PATCH", f"/indicators/{indicator.pk}", '{"target": ' + value + "}", HTTP_IF_MATCH=tag
    )
    assert response.status_code == 422, response.content[:300]
    assert any("target" in e["loc"] for e in response.json()["errors"])

"""Finding 1: the second factor was skipped whenever a request carried `Authorization: Bearer`
with any value, and the half-signed-in session's user was then used for everything.

A session counts only after every sign-in step; a bearer header counts only on the API, as a
token, and never stands in for a step."""

from __future__ import annotations

import pyotp
import pytest
from django.test import Client

from suunta.accounts import security
from suunta.accounts.models import TotpDevice, User
from suunta.api.models import ApiToken
from tests.conftest import make_user

BEARER = {"Authorization": "Bearer x"}
WITH_AND_WITHOUT = pytest.mark.parametrize(
    "headers", [{}, BEARER], ids=["no header", "bearer header"]
)


@pytest.fixture
def mfa(settings):
    settings.SUUNTA_REQUIRE_MFA = True
    return settings


@pytest.fixture
def coordinator_with_app(demo, mfa):
    """A coordinator with an authenticator app; returns the user and the app's secret."""
    user = make_user("coordinator", demo["tuusula"])
    secret = pyotp.random_base32()
    assert security.confirm_device(user, secret, pyotp.TOTP(secret).now()) is not None
    TotpDevice.objects.filter(user=user).update(last_step=0)  # the next code is not a replay
    return user, secret


def password_only(username: str, password: str) -> Client:
    """A client that has given the password and nothing more."""
    client = Client()
    response = client.post("/fi/accounts/login/", {"username": username, "password": password})
    assert response.status_code == 302 and "/second-factor/" in response["Location"]
    return client


@WITH_AND_WITHOUT
def test_a_half_signed_in_session_gets_no_page_whatever_headers_it_carries(
    demo, coordinator_with_app, headers
):
    client = password_only("coordinator", "pw-coordinator")
    plan = demo["plan"]
    for url in ("/fi/", f"/fi/plans/{plan.pk}/", "/fi/o/tuusula/register/"):
        response = client.get(url, headers=headers)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/fi/accounts/second-factor/"), url


def test_after_the_code_the_same_pages_open(demo, coordinator_with_app):
    _user, secret = coordinator_with_app
    client = password_only("coordinator", "pw-coordinator")
    done = client.post("/fi/accounts/second-factor/", {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 302
    assert client.get("/fi/").status_code == 200
    assert client.get(f"/fi/plans/{demo['plan'].pk}/").status_code == 200
    assert client.get("/fi/o/tuusula/register/").status_code == 200


@WITH_AND_WITHOUT
def test_a_half_signed_in_session_cannot_make_an_api_token(demo, coordinator_with_app, headers):
    user, _secret = coordinator_with_app
    client = password_only("coordinator", "pw-coordinator")
    page = client.get("/fi/accounts/tokens/", headers=headers)
    assert page.status_code == 302 and "/second-factor/" in page["Location"]
    made = client.post("/fi/accounts/tokens/", {"name": "mine"}, headers=headers)
    assert made.status_code == 302 and "/second-factor/" in made["Location"]
    assert not ApiToken.objects.filter(user=user).exists()


@WITH_AND_WITHOUT
def test_a_half_signed_in_support_account_does_not_get_the_admin(demo, mfa, headers):
    User.objects.create_user("support", password="pw-support", is_staff=True, is_superuser=True)
    client = password_only("support", "pw-support")
    for url in ("/admin/", "/admin/accounts/user/"):
        response = client.get(url, headers=headers)
        assert response.status_code == 302, url
        assert "/second-factor/set-up/" in response["Location"], url


@WITH_AND_WITHOUT
def test_a_half_signed_in_session_does_not_authenticate_the_api(
    demo, coordinator_with_app, headers
):
    client = password_only("coordinator", "pw-coordinator")
    for url in ("/api/v1/plans", "/api/v1/organisations"):
        assert client.get(url, headers=headers).status_code == 401, url


def test_a_token_with_a_half_signed_in_session_acts_only_as_the_token_s_user(
    demo, coordinator_with_app
):
    outsider = make_user("outsider")  # no role anywhere: sees no organisation
    _record, token = ApiToken.issue(outsider, "test")
    client = password_only("coordinator", "pw-coordinator")
    response = client.get("/api/v1/organisations", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json() == []
    plans = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {token}"})
    assert plans.status_code == 200 and plans.json() == []


def test_a_bearer_header_on_a_page_signs_nobody_in(demo):
    coordinator = make_user("coordinator", demo["tuusula"])
    _record, token = ApiToken.issue(coordinator, "test")
    response = Client().get("/fi/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_session_that_needed_no_second_factor_needs_one_once_a_role_is_granted(demo, mfa):
    """An account with no role signs in with the password alone; a role granted to it while
    it is signed in sends it to set up the second factor before the next page."""
    from suunta.accounts.models import Role

    make_user("newcomer")
    client = Client()
    response = client.post(
        "/fi/accounts/login/", {"username": "newcomer", "password": "pw-newcomer"}
    )
    assert response.status_code == 302 and "/second-factor/" not in response["Location"]
    assert client.get("/fi/").status_code == 200
    Role.objects.create(user=User.objects.get(username="newcomer"), organisation=demo["tuusula"],
                        kind=Role.Kind.COORDINATOR)  # fmt: skip
    response = client.get(f"/fi/plans/{demo['plan'].pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/second-factor/set-up/")

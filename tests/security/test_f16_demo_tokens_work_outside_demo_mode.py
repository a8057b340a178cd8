"""Finding 16: the demo accounts' API tokens (derivable from the source) kept working with demo
mode off if demo data had ever been loaded, and so did their well-known passwords.

A demo account is nobody outside demo mode, whichever way it comes in."""

from __future__ import annotations

import pytest
from django.test import Client

from suunta.accounts.models import User
from suunta.api.models import ApiToken, demo_token
from suunta.demo import seed


def api_get(token: str, url: str = "/api/v1/plans"):
    return Client().get(url, headers={"Authorization": f"Bearer {token}"})


def sign_in(client: Client, username: str, password: str):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


@pytest.fixture
def loaded_once(db, settings):
    """The demo loaded in demo mode, then demo mode turned off (the rows stay)."""
    settings.DEMO_MODE = True
    seed.load(accounts=True, worked_examples=False)
    settings.DEMO_MODE = False
    return settings


@pytest.mark.parametrize("username", ["tuki", "demo", "hallitus"])
def test_a_demo_token_is_refused_with_demo_mode_off(loaded_once, username):
    assert api_get(demo_token(username)).status_code == 401
    assert api_get(demo_token(username), "/api/v1/organisations").status_code == 401


def test_a_demo_token_works_in_demo_mode(loaded_once):
    loaded_once.DEMO_MODE = True
    assert api_get(demo_token("hallitus")).status_code == 200


def test_any_token_of_a_demo_account_is_refused_with_demo_mode_off(loaded_once):
    # Made on the token page while demo mode was on: not derivable, but still a demo account's.
    _record, token = ApiToken.issue(User.objects.get(username="tuki"), "made by hand")
    assert api_get(token).status_code == 401
    loaded_once.DEMO_MODE = True
    assert api_get(token).status_code == 200


def test_a_demo_password_is_refused_with_demo_mode_off_and_works_with_it_on(loaded_once):
    client = Client()
    refused = sign_in(client, "tuki", seed.DEMO_PASSWORD)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    loaded_once.DEMO_MODE = True
    assert sign_in(client, "tuki", seed.DEMO_PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_session_from_demo_mode_ends_when_demo_mode_is_off(loaded_once):
    loaded_once.DEMO_MODE = True
    client = Client()
    assert sign_in(client, "tuki", seed.DEMO_PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200
    loaded_once.DEMO_MODE = False
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/v1/plans").status_code == 401


def test_a_real_account_with_a_demo_name_is_not_a_demo_account(empty_db, settings):
    settings.DEMO_MODE = False
    user = User.objects.create_user("tuki", password="a-real-long-password")
    assert sign_in(Client(), "tuki", "a-real-long-password").status_code == 302
    _record, token = ApiToken.issue(user, "integration")
    assert api_get(token, "/api/v1/organisations").status_code == 200


def test_a_demo_accounts_calendar_feed_is_refused_with_demo_mode_off(loaded_once):
    """The calendar feed's secret is a credential too: the same rule as every way in."""
    from suunta.schedule.models import CalendarFeed

    token = CalendarFeed.issue(User.objects.get(username="demo"))
    url = f"/fi/calendar/feed/{token}.ics"
    assert Client().get(url).status_code == 404
    loaded_once.DEMO_MODE = True
    assert Client().get(url).status_code == 200

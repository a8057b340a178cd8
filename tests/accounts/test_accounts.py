"""Sign-in security: the second factor, recovery codes, rate limiting and session timeouts."""

from __future__ import annotations

import time

import pyotp
import pytest
from django.test import Client

from suunta.accounts import security
from suunta.accounts.models import RecoveryCode, Role, SignInAttempt, TotpDevice
from tests.conftest import make_user

PASSWORD = "pw-coordinator"


@pytest.fixture
def mfa(settings):
    settings.SUUNTA_REQUIRE_MFA = True
    return settings


def sign_in(client: Client, username="coordinator", password=PASSWORD, lang="en"):
    return client.post(f"/{lang}/accounts/login/", {"username": username, "password": password})


def enrol(client: Client) -> tuple[str, list[str]]:
    page = client.get("/en/accounts/second-factor/set-up/")
    secret = client.session["suunta_mfa_secret"]
    assert page.status_code == 200 and "<svg" in page.content.decode()
    done = client.post("/en/accounts/second-factor/set-up/", {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 200
    return secret, done.context["codes"]


def test_a_role_holder_must_set_up_the_second_factor_before_anything_else(demo, coordinator, mfa):
    client = Client()
    response = sign_in(client)
    assert response.status_code == 302 and "/second-factor/set-up/" in response["Location"]
    for url in ("/en/", f"/en/plans/{demo['plan'].pk}/", "/api/v1/plans"):
        blocked = client.get(url)
        assert blocked.status_code in (302, 401), url
        if blocked.status_code == 302:
            assert "/second-factor/set-up/" in blocked["Location"]
    _secret, codes = enrol(client)
    assert len(codes) == 10 and TotpDevice.objects.get(user=coordinator).confirmed_at
    assert client.get("/en/").status_code == 200
    # Stored only as digests.
    assert not RecoveryCode.objects.filter(digest__in=[c.replace("-", "") for c in codes]).exists()


def test_the_second_sign_in_asks_for_a_code_and_refuses_a_wrong_or_reused_one(
    demo, coordinator, mfa
):
    first = Client()
    sign_in(first)
    secret, _codes = enrol(first)
    client = Client()
    response = sign_in(client)
    assert "/second-factor/" in response["Location"]
    assert client.get("/en/").status_code == 302
    wrong = client.post("/en/accounts/second-factor/", {"code": "000000"})
    assert wrong.status_code == 422 and "not right" in wrong.content.decode()
    # A code from the same time step as the enrolment was already used: refused (replay).
    step = int(time.time() // 30)
    TotpDevice.objects.filter(user=coordinator).update(last_step=step - 2)
    code = pyotp.TOTP(secret).now()
    ok = client.post("/en/accounts/second-factor/", {"code": code})
    assert ok.status_code == 302
    assert client.get("/en/").status_code == 200
    again = Client()
    sign_in(again)
    # The same code again (not the code of the moment: a new 30 s step may have begun).
    reused = again.post("/en/accounts/second-factor/", {"code": code})
    assert reused.status_code == 422


def test_a_recovery_code_works_once(demo, coordinator, mfa):
    first = Client()
    sign_in(first)
    _, codes = enrol(first)
    client = Client()
    sign_in(client)
    assert client.post("/en/accounts/second-factor/", {"code": codes[0]}).status_code == 302
    other = Client()
    sign_in(other)
    assert other.post("/en/accounts/second-factor/", {"code": codes[0]}).status_code == 422
    assert RecoveryCode.objects.filter(user=coordinator, used_at__isnull=False).count() == 1


def test_new_recovery_codes_replace_the_old_ones_after_a_fresh_code(demo, coordinator, mfa):
    client = Client()
    sign_in(client)
    secret, old = enrol(client)
    TotpDevice.objects.filter(user=coordinator).update(last_step=0)
    fresh = client.post(
        "/en/accounts/second-factor/recovery-codes/", {"code": pyotp.TOTP(secret).now()}
    )
    assert fresh.status_code == 200 and set(fresh.context["codes"]).isdisjoint(old)
    assert RecoveryCode.objects.filter(user=coordinator).count() == 10


def test_demo_accounts_are_exempt_only_in_demo_mode(db, mfa):
    from suunta.demo import seed

    mfa.DEMO_MODE = True
    seed.load(accounts=True, worked_examples=False)
    client = Client()
    page = client.get("/fi/accounts/login/").content.decode()
    assert "ilman toista tunnistustekijää" in page or "without a second factor" in page
    assert sign_in(client, "demo", "demo")["Location"] == "/en/"
    assert client.get("/en/").status_code == 200
    mfa.DEMO_MODE = False
    # Outside demo mode a demo account is nobody: its password is refused as a wrong one, and
    # the session it had from demo mode ends (docs/decisions/0012-who-the-request-is.md).
    strict = Client()
    refused = sign_in(strict, "demo", "demo")
    assert refused.status_code == 200 and "_auth_user_id" not in strict.session
    assert client.get("/en/")["Location"].startswith("/en/accounts/login/")


def test_a_user_without_roles_needs_no_second_factor(db, mfa):
    make_user("nobody")
    client = Client()
    assert sign_in(client, "nobody", "pw-nobody")["Location"] == "/en/"


def test_failed_sign_ins_lock_the_user_name_for_a_while(demo, coordinator, mfa):
    client = Client()
    for _ in range(5):
        assert sign_in(client, password="wrong").status_code == 200
    locked = sign_in(client)  # even the right password
    assert locked.status_code == 429 and "Try again in" in locked.content.decode()
    finnish = sign_in(client, lang="fi")
    assert "Liian monta" in finnish.content.decode()
    SignInAttempt.objects.all().delete()
    assert sign_in(client).status_code == 302


def test_failed_sign_ins_from_one_address_lock_it(demo, mfa):
    mfa.SUUNTA_LOGIN_MAX_PER_IP = 4
    client = Client()
    for n in range(4):
        sign_in(client, username=f"guess{n}", password="x")
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    assert sign_in(client, "victim", "pw-victim").status_code == 429
    elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    assert sign_in(elsewhere, "victim", "pw-victim").status_code == 302


def test_wrong_codes_are_limited_too(demo, coordinator, mfa):
    first = Client()
    sign_in(first)
    enrol(first)
    client = Client()
    sign_in(client)
    for _ in range(5):
        client.post("/en/accounts/second-factor/", {"code": "123456"})
    assert client.post("/en/accounts/second-factor/", {"code": "123456"}).status_code == 429


@pytest.mark.parametrize(
    ("key", "seconds", "message"),
    [
        (security.SESSION_SEEN, 31 * 60, "without activity"),
        (security.SESSION_STARTED, 9 * 3600, "at most"),
    ],
)
def test_idle_and_absolute_timeouts_sign_out_and_say_why(demo, coordinator, key, seconds, message):
    client = Client()
    assert sign_in(client).status_code == 302
    assert client.get("/en/").status_code == 200
    session = client.session
    session[key] = time.time() - seconds
    if key == security.SESSION_STARTED:
        session[security.SESSION_SEEN] = time.time()
    session.save()
    response = client.get("/en/", follow=True)
    assert response.redirect_chain[0][0].startswith("/en/accounts/login/")
    assert message in response.content.decode()
    assert client.get("/api/v1/plans").status_code == 401


def test_an_active_session_stays(demo, coordinator):
    client = Client()
    sign_in(client)
    session = client.session
    session[security.SESSION_SEEN] = time.time() - 25 * 60
    session.save()
    assert client.get("/en/").status_code == 200

"""Single sign-on against a real OpenID Provider (panva/oidc-provider from npm, see
tests/oidc/op.mjs) running on loopback: the whole authorization code flow with PKCE, the ID
token's signature checked against the provider's keys, and users matched by verified e-mail.

Without Node.js and `npm ci --prefix tests/oidc` (make test does it when npm is there) the
test is skipped, unless SUUNTA_REQUIRE_OIDC=1 (as in .ci/run): then it fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from suunta.accounts.models import Role
from tests.conftest import make_user
from tests.harness import free_port

OP_DIR = Path(__file__).resolve().parents[1] / "oidc"
ACCOUNTS = {
    "kaisa": {"email": "Kaisa.Koordinaattori@tuusula.example", "email_verified": True},
    "outsider": {"email": "someone@else.example", "email_verified": True},
    "unverified": {"email": "kaisa.koordinaattori@tuusula.example", "email_verified": False},
}


@pytest.fixture
def openid_provider(live_server, settings):
    node = shutil.which("node")
    if node is None or not (OP_DIR / "node_modules" / "oidc-provider").exists():
        if os.environ.get("SUUNTA_REQUIRE_OIDC") == "1":
            pytest.fail(
                "Node.js and tests/oidc/node_modules are required (npm ci --prefix tests/oidc)"
            )
        pytest.skip("no Node.js or oidc-provider: run npm ci --prefix tests/oidc")
    port = free_port()
    env = {
        **os.environ,
        "OP_PORT": str(port),
        "OP_REDIRECT_URI": f"{live_server.url}/accounts/sso/callback/",
        "OP_ACCOUNTS": json.dumps(ACCOUNTS),
    }
    process = subprocess.Popen(  # noqa: S603 – our own script, a fixed argument list
        [node, str(OP_DIR / "op.mjs")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert line.startswith("ready"), f"the OpenID Provider did not start: {line!r}"
        from django.core.cache import cache

        cache.clear()
        settings.SUUNTA_OIDC_ISSUER = f"http://127.0.0.1:{port}"
        settings.SUUNTA_OIDC_CLIENT_ID = "suunta"
        settings.SUUNTA_OIDC_CLIENT_SECRET = "suunta-test-secret"
        settings.SUUNTA_OIDC_NAME = "Kirjaudu kunnan tunnuksilla"
        yield live_server.url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _submit(session: requests.Session, page: requests.Response, **fields) -> requests.Response:
    """Submit the provider's (only) form on the page, as a browser would."""
    form = re.search(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', page.text, re.S)
    assert form, page.text[:500]
    action = requests.compat.urljoin(page.url, html.unescape(form.group(1)))
    data = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(2)))
    data.update(fields)
    return session.post(action, data=data, allow_redirects=True, timeout=20)


def sign_in_through_the_provider(
    base: str, account: str
) -> tuple[requests.Session, requests.Response]:
    session = requests.Session()
    login_page = session.get(f"{base}/accounts/sso/?next=/en/", timeout=20)
    assert login_page.status_code == 200 and "<form" in login_page.text
    after_login = _submit(session, login_page, login=account, password="any")
    if "/accounts/sso/callback/" not in after_login.url and "<form" in after_login.text:
        after_login = _submit(session, after_login)  # the consent form
    return session, after_login


def test_single_sign_on_signs_in_the_user_with_that_verified_email(demo, openid_provider):
    user = make_user("kaisa-k", demo["tuusula"], kind=Role.Kind.COORDINATOR)
    user.email = "kaisa.koordinaattori@tuusula.example"
    user.save()
    login = requests.get(f"{openid_provider}/en/accounts/login/", timeout=20)
    assert "Kirjaudu kunnan tunnuksilla" in login.text
    _session, landed = sign_in_through_the_provider(openid_provider, "kaisa")
    assert landed.status_code == 200, landed.text[:500]
    assert landed.url.endswith("/en/") and "kaisa-k" in landed.text
    from suunta.audit.models import AuditEvent

    assert AuditEvent.objects.filter(action="sign_in", actor=user, after__via="oidc").exists()


def test_single_sign_on_refuses_an_unknown_email_and_creates_no_account(demo, openid_provider):
    from suunta.accounts.models import User

    before = User.objects.count()
    session, landed = sign_in_through_the_provider(openid_provider, "outsider")
    assert landed.status_code == 403 and "someone@else.example" in landed.text
    assert User.objects.count() == before
    assert session.get(f"{openid_provider}/en/", timeout=20).url.startswith(
        f"{openid_provider}/en/accounts/login/"
    )


def test_single_sign_on_refuses_an_unverified_email(demo, openid_provider):
    user = make_user("kaisa-k", demo["tuusula"], kind=Role.Kind.COORDINATOR)
    user.email = "kaisa.koordinaattori@tuusula.example"
    user.save()
    _, landed = sign_in_through_the_provider(openid_provider, "unverified")
    assert landed.status_code == 403
    assert "vahvistettua" in landed.text  # the page is in Finnish: "no verified address"


def test_a_forged_callback_is_refused(demo, openid_provider):
    response = requests.get(
        f"{openid_provider}/accounts/sso/callback/?code=x&state=forged", timeout=20
    )
    assert response.status_code == 403

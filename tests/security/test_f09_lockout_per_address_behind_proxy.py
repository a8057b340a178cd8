"""Finding 9: the per-address sign-in limit used REMOTE_ADDR, so behind the reverse proxy
everyone had the proxy's address and twenty failures by anyone locked everyone out.

With `SUUNTA_TRUSTED_PROXIES` set, the client is the right-most X-Forwarded-For address that is
not a trusted proxy, read only when the connection comes from one; the audit log records it
too. A header from anyone else is ignored."""

from __future__ import annotations

import pytest
from django.test import Client

from suunta.accounts.models import Role
from suunta.audit.models import AuditEvent
from tests.conftest import make_user

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.SUUNTA_TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]
    settings.SUUNTA_LOGIN_MAX_PER_IP = 4
    return settings


def via_proxy(forwarded: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def sign_in(client: Client, username: str, password: str):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


def test_two_clients_behind_the_trusted_proxy_are_counted_apart(demo, behind_proxy):
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    guesser = via_proxy("203.0.113.5")
    for n in range(4):
        assert sign_in(guesser, f"guess{n}", "x").status_code == 200
    assert sign_in(guesser, "victim", "pw-victim").status_code == 429
    colleague = via_proxy("203.0.113.6")
    assert sign_in(colleague, "victim", "pw-victim").status_code == 302


def test_the_audit_log_records_the_client_behind_the_proxy(demo, behind_proxy):
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    # Two proxies in a row, both trusted: the client is the address before them.
    client = via_proxy("198.51.100.23, 10.0.0.9")
    assert sign_in(client, "victim", "pw-victim").status_code == 302
    event = AuditEvent.objects.filter(action="sign_in").latest("pk")
    assert event.ip == "198.51.100.23"


def test_addresses_a_client_writes_before_the_proxy_s_are_ignored(demo, behind_proxy):
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    # The client sends its own X-Forwarded-For; the proxy appends the real address.
    for n in range(4):
        forged = via_proxy(f"192.0.2.{n}, 203.0.113.5")
        sign_in(forged, f"guess{n}", "x")
    assert sign_in(via_proxy("192.0.2.99, 203.0.113.5"), "victim", "pw-victim").status_code == 429
    assert sign_in(via_proxy("192.0.2.99, 203.0.113.7"), "victim", "pw-victim").status_code == 302


def test_a_forged_header_from_an_untrusted_peer_is_ignored(demo, behind_proxy):
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    for n in range(4):
        forged = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        sign_in(forged, f"guess{n}", "x")
    again = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert sign_in(again, "victim", "pw-victim").status_code == 429
    event = AuditEvent.objects.filter(action="sign_in.locked").latest("pk")
    assert event.ip == "198.51.100.7"


def test_without_trusted_proxies_the_header_is_never_read(demo, settings):
    settings.SUUNTA_TRUSTED_PROXIES = []
    settings.SUUNTA_LOGIN_MAX_PER_IP = 4
    make_user("victim", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    for n in range(4):
        sign_in(via_proxy(f"203.0.113.{n}"), f"guess{n}", "x")
    assert sign_in(via_proxy("203.0.113.77"), "victim", "pw-victim").status_code == 429


def test_a_client_past_the_proxy_cannot_claim_https_or_an_address(settings):
    """The proxy headers count only on a connection from a trusted proxy."""
    from django.test import RequestFactory

    from suunta.audit.context import ProxyHeadersMiddleware

    settings.SUUNTA_TRUSTED_PROXIES = ["10.0.0.5"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    seen = {}

    def view(request):
        seen["secure"] = request.is_secure()
        seen["forwarded"] = request.META.get("HTTP_X_FORWARDED_FOR")
        return None

    middleware = ProxyHeadersMiddleware(view)
    headers = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    middleware(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", **headers))
    assert seen == {"secure": False, "forwarded": None}
    middleware(RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", **headers))
    assert seen == {"secure": True, "forwarded": "198.51.100.1"}

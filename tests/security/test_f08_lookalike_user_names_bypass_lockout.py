"""Finding 8: the per-user sign-in lockout counted the name as typed, while Django normalises
it (NFKC) before the password check, so a look-alike spelling of a locked name signed in.

Failures are counted under the name as Django reads it, case-folded."""

from __future__ import annotations

from django.test import Client

from suunta.accounts.models import Role
from tests.conftest import make_user

FULLWIDTH_M = "\uff4d"  # ｍ, which NFKC makes an ordinary m


def sign_in(client: Client, username: str, password: str):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


def test_a_locked_name_stays_locked_under_a_look_alike_spelling(demo):
    make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    client = Client()
    for _ in range(5):
        assert sign_in(client, "member", "wrong").status_code == 200
    assert sign_in(client, "member", "pw-member").status_code == 429
    for look_alike in (FULLWIDTH_M + "ember", "MEMBER", " member ", "ｍｅｍｂｅｒ"):
        locked = sign_in(client, look_alike, "pw-member")
        assert locked.status_code == 429, look_alike
        assert "Try again in" in locked.content.decode()


def test_failures_under_look_alike_spellings_count_for_the_name(demo):
    make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    client = Client()
    for look_alike in (FULLWIDTH_M + "ember", "ｍｅｍｂｅｒ", "mｅmber", "memｂer", "membeｒ"):
        assert sign_in(client, look_alike, "wrong").status_code == 200
    assert sign_in(client, "member", "pw-member").status_code == 429


def test_a_look_alike_spelling_of_the_right_name_still_signs_in_when_nothing_failed(demo):
    make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    response = sign_in(Client(), FULLWIDTH_M + "ember", "pw-member")
    assert response.status_code == 302

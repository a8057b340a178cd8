"""Finding 17: the app put no bound on request bodies (an anonymous 150 MB POST to the sign-in
page was written to a temporary file before the CSRF check refused it), and the health check
redirected plain http to https under the production settings.

A body over the limit is refused with 413 on its declared length, before a byte is read; an
upload page allows its own file limit plus the form, and only to a signed-in user."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from suunta.accounts.models import Role
from tests.conftest import client_for, make_user

MB = 1024 * 1024


class Unreadable:
    """A request body that records whether anything read it (and gives nothing)."""

    def __init__(self):
        self.reads = 0

    def read(self, *args):
        self.reads += 1
        return b""

    def readline(self, *args):
        self.reads += 1
        return b""


def declared_post(client: Client, url: str, length: int, **extra):
    body = Unreadable()
    response = client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
        **extra,
    )
    return response, body


def test_an_anonymous_huge_post_to_the_sign_in_page_is_refused_unread(db):
    response, body = declared_post(Client(), "/fi/accounts/login/", 150 * MB)
    assert response.status_code == 413
    assert body.reads == 0
    assert "liian suuri" in response.content.decode()


def test_the_refusal_is_in_the_page_s_language_and_json_on_the_api(db):
    swedish, _ = declared_post(Client(), "/sv/accounts/login/", 150 * MB)
    assert swedish.status_code == 413 and "för stor" in swedish.content.decode()
    api, body = declared_post(
        Client(), "/api/v1/imports/preview", 150 * MB, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert api.status_code == 413 and body.reads == 0
    assert "too large" in json.loads(api.content)["detail"]


def test_an_ordinary_form_with_a_body_over_the_general_limit_is_refused(demo):
    coordinator = make_user("coordinator", demo["tuusula"])
    response = client_for(coordinator).post(
        "/fi/accounts/tokens/", {"name": "x", "padding": "y" * (3 * MB)}
    )
    assert response.status_code == 413


def test_an_upload_page_takes_its_own_file_limit_from_a_signed_in_user_only(demo):
    coordinator = make_user("coordinator", demo["tuusula"])
    post = demo["plan"].post
    url = f"/fi/posts/{post.pk}/import/"
    big = SimpleUploadedFile("plan.txt", b"Tavoite 1\n" * (500 * 1024))  # 5 MB, under 10 MB
    anonymous = Client().post(url, {"file": big})
    assert anonymous.status_code == 413
    big.seek(0)
    signed_in = client_for(coordinator).post(url, {"file": big})
    assert signed_in.status_code != 413
    # Over the import's own limit (10 MB) and the form: refused before it is read.
    over, body = declared_post(client_for(coordinator), url, 12 * MB)
    assert over.status_code == 413 and body.reads == 0


def test_the_logo_page_refuses_a_body_far_over_the_logo_limit(demo):
    admin = make_user("org-admin", demo["tuusula"], kind=Role.Kind.ADMIN)
    response, body = declared_post(client_for(admin), "/fi/o/tuusula/logo/", 1 * MB)
    assert response.status_code == 413 and body.reads == 0
    assert "kt" in response.content.decode() or "KB" in response.content.decode()


def test_the_health_check_answers_plain_http_with_the_https_redirect_on(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert client.get("/fi/accounts/login/").status_code == 301
    assert client.get("/healthz/").status_code in (301, 404)  # only the exact address


def test_the_health_check_answers_a_load_balancer_that_asks_by_address(db, settings):
    """A load balancer checks the server by its address, which is no allowed host name."""
    settings.ALLOWED_HOSTS = ["suunta.example.fi"]
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    health = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert client.get("/fi/accounts/login/", HTTP_HOST="10.0.0.5:8000").status_code == 400


def test_trace_is_refused_before_any_view_answers_it(demo):
    """A signed-in page without a method decorator would answer TRACE as if it were GET."""
    client = client_for(make_user("org-admin", demo["tuusula"], kind=Role.Kind.ADMIN))
    assert client.get("/fi/").status_code == 200
    for method in ("TRACE", "CONNECT", "PROPFIND"):
        response = client.generic(method, "/fi/")
        assert response.status_code == 405, method
        assert "TRACE" not in response["Allow"]

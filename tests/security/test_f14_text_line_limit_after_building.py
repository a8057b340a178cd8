"""Finding 14: a text file's line limit was checked after every line had been built: 8 MB of
2 million lines was refused, but after 5 s and with the server 537 MB bigger. Now the lines are
counted on the decoded text, without building them, and a text over the limit is refused
before any line is made – an uploaded file, a PDF's text and pasted text alike."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_user
from tests.security import hostile_files as hostile

NBSP = "\u00a0"
LINES = "it has more lines than a goal document can have (at most %(limit)s)."


@pytest.fixture
def headers(demo):
    return hostile.importer_headers(demo["tuusula"])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lines.txt", b"abc\n" * 2_000_000),
        ("crlf.txt", b"ab\r\n" * 2_000_000),
        ("utf16.txt", "\ufeff".encode("utf-16-le") + "a\n".encode("utf-16-le") * 2_000_000),
        ("separators.txt", "a\u2028".encode() * 2_000_000),
    ],
    ids=["lf", "crlf", "utf-16", "line-separator"],
)
def test_a_text_of_millions_of_lines_is_refused_before_they_are_built(headers, name, data):
    assert len(data) <= 8 * 1024 * 1024
    with hostile.measured() as cost:
        response = hostile.preview(data, name, headers)
    assert response.status_code == 422
    assert response.json()["detail"] == hostile.refusal(name, LINES, limit=f"20{NBSP}000")
    hostile.assert_cheap(cost)


def test_the_limit_is_the_same_just_under_and_just_over_it(headers):
    under = hostile.preview(b"x\n" * 20_000, "under.txt", headers)
    over = hostile.preview(b"x\n" * 20_001, "over.txt", headers, "fi")
    assert under.status_code == 200
    assert over.status_code == 422
    assert over.json()["detail"] == hostile.refusal("over.txt", LINES, "fi", limit=f"20{NBSP}000")


def test_a_text_of_millions_of_lines_on_the_import_page_is_refused_in_swedish(demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    client = client_for(make_user("importer", demo["tuusula"]))
    client.get(f"/sv/posts/{post.pk}/import/")  # warm
    with hostile.measured() as cost:
        response = client.post(
            f"/sv/posts/{post.pk}/import/",
            {"file": SimpleUploadedFile("rader.txt", b"abc\n" * 2_000_000)},
        )
    assert response.status_code == 422
    expected = hostile.refusal("rader.txt", LINES, "sv", limit=f"20{NBSP}000")
    assert escape(expected) in response.content.decode()
    hostile.assert_cheap(cost)

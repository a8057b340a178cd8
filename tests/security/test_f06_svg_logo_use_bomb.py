"""Finding 6: a 1.4 kB SVG logo of five levels of ten `<use>` passed the logo checks and made
every PDF of its organisation slow – the anonymous public one took 78 s instead of 0.6 s. Now
an SVG logo is refused at upload, with a message, if it uses `<use>` or refers to anything
outside itself, if the elements a renderer would draw (each `url(#…)` counted as what it
repeats) are too many, or if it has too many elements or is nested too deep; a logo stored
before this is left off the documents instead of slowing them down."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

from suunta.accounts.models import Role
from suunta.reports.models import OrganisationLogo
from tests.conftest import client_for, make_user
from tests.document_tools import require_tools
from tests.security import hostile_files as hostile

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">{}</svg>'
USE = (
    "The SVG logo repeats its parts with <use>, which is not accepted. Save it as PNG, or "
    "export the SVG without symbols or clones."
)
OUTSIDE = (
    "The SVG logo refers to something outside itself (%(reference)s). Save it as PNG, or "
    "export the SVG with everything it needs inside it."
)
REPEATS = (
    "The SVG logo repeats its parts (with <use> or references) into more than %(limit)s "
    "elements, too many to draw quickly on every document. Simplify it or save it as PNG."
)


def use_bomb(levels: int = 5, fan: int = 10) -> bytes:
    """Each level a group of `fan` uses of the level below: fan ** levels shapes drawn."""
    groups = ['<path id="l0" d="M0 0L10 10" stroke="#1a4d7a"/>']
    for level in range(1, levels + 1):
        uses = f'<use href="#l{level - 1}"/>' * fan
        groups.append(f'<g id="l{level}">{uses}</g>')
    return SVG.format(f'<defs>{"".join(groups)}</defs><use href="#l{levels}"/>').encode()


def clip_bomb() -> bytes:
    """A clip path of 100 shapes, used by 100 shapes: 10 000 drawn from 200 elements."""
    shapes = '<rect width="1" height="1"/>' * 100
    users = '<rect width="9" height="9" clip-path="url(#c)"/>' * 100
    return SVG.format(f'<defs><clipPath id="c">{shapes}</clipPath></defs>{users}').encode()


@pytest.fixture
def admin(demo):
    return client_for(make_user("org-admin", demo["tuusula"], Role.Kind.ADMIN))


def upload(client, data: bytes, language: str = "en"):
    return client.post(
        f"/{language}/o/tuusula/logo/", {"file": SimpleUploadedFile("logo.svg", data)}
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (use_bomb(), USE),
        (use_bomb(levels=10, fan=2), USE),
        (SVG.format('<g id="loop"><use href="#loop"/></g>').encode(), USE),
        (
            SVG.format('<image href="https://example.org/x.png" width="9" height="9"/>').encode(),
            OUTSIDE % {"reference": "https://example.org/x.png"},
        ),
        (
            SVG.format('<path d="M0 0L9 9" fill="url(https://example.org/z.svg#g)"/>').encode(),
            OUTSIDE % {"reference": "url(https://example.org/z.svg#g)"},
        ),
        (
            SVG.format('<rect width="1" height="1"/>' * 1_500).encode(),
            "The SVG logo has 1501 elements: at most 1000 are accepted. Simplify it or save it "
            "as PNG.",
        ),
        (
            SVG.format("<g>" * 60 + "</g>" * 60).encode(),
            "The SVG logo is nested more than 50 levels deep. Save it as PNG.",
        ),
        (clip_bomb(), REPEATS % {"limit": 5000}),
    ],
    ids=[
        "five-levels-of-ten",
        "ten-levels-of-two",
        "loop",
        "outside-image",
        "outside-paint",
        "many-elements",
        "deep",
        "clip-paths",
    ],
)
def test_an_svg_logo_that_would_be_slow_to_draw_is_refused_at_upload_with_a_message(
    admin, data, message
):
    admin.get("/en/o/tuusula/logo/")  # warm
    with hostile.measured() as cost:
        response = upload(admin, data)
    assert response.status_code == 422
    assert escape(message) in response.content.decode()
    hostile.assert_cheap(cost)
    assert not OrganisationLogo.objects.exists()


def test_the_refusal_is_in_the_users_language(admin):
    from django.utils import translation

    response = upload(admin, use_bomb(), "fi")
    assert response.status_code == 422
    with translation.override("fi"):
        assert escape(translation.gettext(USE)) in response.content.decode()


def test_a_logo_drawn_without_use_is_accepted_and_the_same_with_use_is_not(admin):
    with_use = SVG.format(
        '<defs><circle id="dot" r="4" fill="#1a4d7a"/></defs>'
        + "".join(f'<use href="#dot" x="{10 * i}" y="20"/>' for i in range(10))
    ).encode()
    assert upload(admin, with_use).status_code == 422
    drawn = SVG.format(
        "".join(f'<circle cx="{10 * i}" cy="20" r="4" fill="#1a4d7a"/>' for i in range(10))
    ).encode()
    assert upload(admin, drawn).status_code == 302
    assert bytes(OrganisationLogo.objects.get().data).count(b"<circle") == 10


@pytest.mark.slow
def test_a_bomb_stored_before_the_check_leaves_the_public_pdf_fast(demo):
    require_tools()
    url = f"/en/public/tuusula/plans/{demo['plan'].pk}/document.pdf"
    anonymous = Client()
    started = time.monotonic()
    assert anonymous.get(url).status_code == 200
    plain = time.monotonic() - started
    OrganisationLogo.objects.create(
        organisation=demo["tuusula"],
        content_type="image/svg+xml",
        data=use_bomb(),
        width=120,
        height=40,
        digest="0" * 64,
    )
    started = time.monotonic()
    response = Client().get(url)
    with_bomb = time.monotonic() - started
    assert response.status_code == 200
    # Unchecked, the logo took over a minute to draw; the document without it takes about a
    # second. Generous for a loaded machine, far below what drawing the logo takes.
    assert with_bomb < 3 * plain + 3, f"{with_bomb:.1f} s (without a logo {plain:.1f} s)"
    # Nor is it handed to visitors' browsers to draw.
    assert Client().get("/fi/o/tuusula/logo/image").status_code == 404

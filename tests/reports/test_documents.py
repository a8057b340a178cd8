"""The board's papers: the goal document as PDF and DOCX, the follow-up report and the agenda
item drafts, read back with poppler and LibreOffice (tests/document_tools.py)."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.test import Client
from docx import Document

from suunta.accounts.models import Role
from suunta.demo import seed
from suunta.demo.cycle import TUUSULA_FOLLOW_UPS
from suunta.goals import models as m
from suunta.organisations.models import Organisation
from tests.conftest import client_for, make_user
from tests.demo.test_demo_data import tuusula_table
from tests.document_tools import (
    office_to_pdf,
    pdf_info,
    pdf_pages_as_png,
    pdf_text,
    require_tools,
    squash,
)

# Where the PDF pages land as PNG, to look at (the tests check they are drawn).
SHOTS = Path(tempfile.gettempdir()) / "suunta-documents"


@pytest.fixture
def full_demo(db):
    seed.load(accounts=True)
    return m.GoalPlan.objects.get(organisation__slug="tuusula")


def _download(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content) if response.streaming else response.content


def _assert_seed_table(text: str) -> None:
    """Every goal and every indicator of the Tuusula seed's table is in the text."""
    table = tuusula_table()
    assert len(table) == 6
    for goal, indicators in table.items():
        assert goal in text, goal
        for indicator in indicators:
            assert indicator in text, indicator


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_tuusula_appendix_as_pdf_carries_the_seeds_table_in_full(full_demo, lang):
    require_tools()
    coordinator = make_user("coordinator", full_demo.organisation)
    data = _download(client_for(coordinator), f"/fi/plans/{full_demo.pk}/document.pdf?lang={lang}")
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    _assert_seed_table(text)
    heading = {"fi": "Seuranta elokuu 2025", "sv": "Uppföljning augusti 2025"}[lang]
    assert heading in text
    # The ratings are named on the plan's scale in the document's language.
    assert {"fi": "Edennyt osittain", "sv": "Delvis framskridit"}[lang] in text
    assert {"fi": "Delvis framskridit", "sv": "Edennyt osittain"}[lang] not in text
    # The evaluated plan carries the joint assessments of both checkpoints and the decisions.
    for _own, joint, _rating, final, _final_rating in TUUSULA_FOLLOW_UPS:
        assert squash(joint) in text and squash(final) in text
    assert full_demo.content_hash in text.replace(" ", "")
    assert "26.3.2025 Poljory, 31.3.2025 KH" in text
    # The source's line of who prepared the goals, under the handling, as the source has it.
    prepared = {"fi": "Pormestari Kalle Ikkelä", "sv": "Borgmästare Kalle Ikkelä"}[lang]
    assert prepared in text
    # The internal state is the file's property, not a line of its body.
    assert {"fi": "Tila", "sv": "Status"}[lang] + "\n" not in text
    assert full_demo.get_status_display() not in text.split(prepared)[0]
    assert {"fi": "Sivu 1 / ", "sv": "Sida 1 / "}[lang] in text
    info = pdf_info(data)
    assert info["Tagged"] == "yes"
    assert info["Page size"].endswith("(A4)")
    assert "Noto" in info["fonts"]
    assert all(
        line.split()[-5] == "yes"  # the "emb" column: every font is embedded
        for line in info["fonts"].splitlines()[2:]
        if line.strip()
    )
    assert "pdfaid:part" in info["xmp"]  # PDF/A identification in the XMP metadata
    SHOTS.mkdir(exist_ok=True)
    pages = pdf_pages_as_png(data, SHOTS, f"tuusula-{lang}")
    assert len(pages) == int(info["Pages"]) >= 2
    assert all(page.stat().st_size > 10_000 for page in pages)  # drawn, not blank


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_tuusula_appendix_as_docx_opens_in_libreoffice_with_real_headings_and_table(
    full_demo, lang
):
    require_tools("docx")
    coordinator = make_user("coordinator", full_demo.organisation)
    data = _download(client_for(coordinator), f"/fi/plans/{full_demo.pk}/document.docx?lang={lang}")
    word = Document(io.BytesIO(data))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Kansliapäällikön tavoitteet 2025"
    assert {"fi": "Tavoitteet ja mittarit", "sv": "Mål och mätare"}[lang] in headings
    table = word.tables[0]
    assert len(table.rows) == 7 and len(table.columns) == 4
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:2] == {"fi": ["Tavoite", "Mittari"], "sv": ["Mål", "Mätare"]}[lang]
    assert word.core_properties.language == {"fi": "fi-FI", "sv": "sv-FI"}[lang]
    assert f"SHA-256 {full_demo.content_hash}" in word.core_properties.keywords
    body = [p.text for p in word.paragraphs]
    assert {"fi": "Pormestari Kalle Ikkelä", "sv": "Borgmästare Kalle Ikkelä"}[lang] in body
    assert not any(line.startswith(("Tila:", "Status:")) for line in body)
    text = pdf_text(office_to_pdf(data, "docx"))
    _assert_seed_table(text)
    assert full_demo.content_hash in text.replace(" ", "")


def test_a_document_in_an_unsupported_language_is_in_finnish_and_says_so(full_demo):
    require_tools()
    coordinator = make_user("coordinator", full_demo.organisation)
    response = client_for(coordinator).get(f"/en/plans/{full_demo.pk}/document.pdf?lang=de")
    assert response.status_code == 200
    assert response["Content-Language"] == "fi"
    text = pdf_text(response.content)
    assert "Pyydettyä kieltä (de) ei ole saatavilla" in text
    assert "Tavoitteet ja mittarit" in text


def test_the_document_of_a_plan_the_user_cannot_see_is_not_found(full_demo):
    other = make_user("other", Organisation.objects.get(slug="kangasala"))
    for fmt in ("pdf", "docx"):
        assert client_for(other).get(f"/fi/plans/{full_demo.pk}/document.{fmt}").status_code == 404
    draft = m.GoalPlan.objects.create(
        organisation=full_demo.organisation,
        post=full_demo.post,
        period_start=full_demo.period_start.replace(year=2031),
        period_end=full_demo.period_end.replace(year=2031),
        title_fi="Luonnos",
    )
    board = make_user("board", full_demo.organisation, Role.Kind.BOARD_MEMBER)
    assert client_for(board).get(f"/fi/plans/{draft.pk}/document.pdf").status_code == 404
    anonymous = Client().get(f"/fi/plans/{full_demo.pk}/document.pdf")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_the_public_version_has_only_the_follow_ups_reported_to_a_body(full_demo):
    require_tools()
    # The plan in force, one checkpoint written but not yet reported: its joint assessment
    # stays off the public document, and so do the self-assessments of the reported one.
    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    entries = m.FollowUpEntry.objects.filter(goal__plan=plan, kind="joint")
    assert entries.exists()
    assert not plan.decisions.filter(kind__in=["review", "evaluate"]).exists()
    text = pdf_text(_download(Client(), f"/fi/public/esimerkkila/plans/{plan.pk}/document.pdf"))
    for goal in plan.goals.all():
        assert squash(goal.title_fi) in text
    for entry in entries:
        assert squash(entry.text_fi)[:40] not in text
    assert "Ei vielä raportoitu toimielimelle." in text
    # Tuusula: August reported to the steering group, the winter one covered by the evaluation.
    text = pdf_text(_download(Client(), f"/fi/public/tuusula/plans/{full_demo.pk}/document.pdf"))
    _assert_seed_table(text)
    for own, joint, _rating, final, _final_rating in TUUSULA_FOLLOW_UPS:
        assert squash(joint) in text and squash(final) in text
        assert squash(own) not in text
    # A draft or another organisation's address: not found.
    assert (
        Client().get(f"/fi/public/kangasala/plans/{full_demo.pk}/document.pdf").status_code == 404
    )


def test_the_follow_up_report_shows_one_checkpoint_and_what_changed_since_the_previous(
    full_demo,
):
    coordinator = make_user("coordinator", full_demo.organisation)
    august, winter = full_demo.checkpoints.order_by("order")
    client = client_for(coordinator)
    page = client.get(f"/fi/plans/{full_demo.pk}/follow-up-report/{winter.pk}/")
    assert page.status_code == 200
    html = squash(page.content.decode())
    # Changes worked out by hand from the demo's ratings (2 → 3 improved, 2 → 2 unchanged).
    expected = []
    for _own, joint, rating, final, final_rating in TUUSULA_FOLLOW_UPS:
        assert squash(final) in html and squash(joint) in html
        expected.append(
            "parani"
            if final_rating > rating
            else ("heikkeni" if final_rating < rating else "ennallaan")
        )
    cells = [part.split("</td>")[0] for part in html.split('<td class="change-')[1:]]
    assert [c.split(">", 1)[1].strip() for c in cells] == expected
    # The first checkpoint has nothing to compare with.
    first = squash(
        client.get(f"/fi/plans/{full_demo.pk}/follow-up-report/{august.pk}/").content.decode()
    )
    assert "change-" not in first
    word = Document(
        io.BytesIO(
            _download(client, f"/fi/plans/{full_demo.pk}/follow-up-report/{winter.pk}/report.docx")
        )
    )
    assert len(word.tables[0].rows) == 7
    other_plan_checkpoint = m.Checkpoint.objects.exclude(plan=full_demo).first()
    assert (
        client.get(
            f"/fi/plans/{full_demo.pk}/follow-up-report/{other_plan_checkpoint.pk}/"
        ).status_code
        == 404
    )


def test_the_follow_up_report_pdf_reads_back(full_demo):
    require_tools()
    coordinator = make_user("coordinator", full_demo.organisation)
    winter = full_demo.checkpoints.order_by("order").last()
    data = _download(
        client_for(coordinator),
        f"/fi/plans/{full_demo.pk}/follow-up-report/{winter.pk}/report.pdf?lang=sv",
    )
    text = pdf_text(data)
    assert "Uppföljningsrapport" in text
    for goal in tuusula_table():
        assert goal in text


@pytest.mark.parametrize(
    ("kind", "proposal"),
    [
        (
            "approval",
            "Kunnanhallitus hyväksyy kansliapäällikön tavoitteet vuodelle 2025 liitteen "
            "mukaisesti.",
        ),
        (
            "follow_up",
            "Kunnanhallitus merkitsee tiedoksi liitteenä olevan seurantaraportin (elokuu 2025).",
        ),
        (
            "evaluation",
            "Kunnanhallitus merkitsee tiedoksi liitteenä olevan arvion tavoitteiden "
            "toteutumisesta.",
        ),
    ],
)
def test_agenda_item_drafts_name_the_chair_as_presenter_and_the_executive_as_disqualified(
    full_demo, kind, proposal
):
    coordinator = make_user("coordinator", full_demo.organisation)
    client = client_for(coordinator)
    text = _download(client, f"/fi/plans/{full_demo.pk}/agenda/{kind}/item.txt").decode()
    assert "Esittelijä: Kalle Ikkelä, puheenjohtaja (Kunnanhallitus)" in text
    assert "Valmistelija: Kalle Ikkelä, pormestari" in text  # a title after a name: lower case
    assert (
        "Kansliapäällikkö on esteellinen asianosaisena (hallintolaki 28 § 1 mom. 1 kohta)" in text
    )
    assert proposal in squash(text)
    assert "Kansliapäällikön tavoitteet 2025, versio 1 (tavoiteasiakirja)" in text
    word = Document(
        io.BytesIO(_download(client, f"/fi/plans/{full_demo.pk}/agenda/{kind}/item.docx"))
    )
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1:] == ["Esteellisyys", "Selostus", "Ehdotus", "Liitteet", "Päätös"]
    page = client.get(f"/sv/plans/{full_demo.pk}/agenda/{kind}/?lang=sv")
    assert page.status_code == 200
    assert "är jävig i ärendet som part" in page.content.decode()


def test_agenda_drafts_are_the_coordinators_papers(full_demo):
    for kind in (Role.Kind.BOARD_MEMBER, Role.Kind.EXECUTIVE, Role.Kind.AUDIT_COMMITTEE):
        user = make_user(f"u-{kind}", full_demo.organisation, kind)
        response = client_for(user).get(f"/fi/plans/{full_demo.pk}/agenda/approval/item.txt")
        assert response.status_code == 403
    coordinator = make_user("coordinator", full_demo.organisation)
    assert (
        client_for(coordinator).get(f"/fi/plans/{full_demo.pk}/agenda/nonsense/").status_code == 404
    )


def test_the_evaluation_draft_proposes_the_bonus_computed_by_the_approved_rule(full_demo):
    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    coordinator = make_user("coordinator", plan.organisation)
    text = squash(
        _download(
            client_for(coordinator), f"/fi/plans/{plan.pk}/agenda/evaluation/item.txt"
        ).decode()
    )
    assert "70,00 %" in text
    assert "2 000,00 €" in text


def test_a_draft_document_says_it_is_not_approved(demo):
    require_tools()
    draft = m.GoalPlan.objects.create(
        organisation=demo["tuusula"],
        post=demo["plan"].post,
        period_start=demo["plan"].period_start.replace(year=2031),
        period_end=demo["plan"].period_end.replace(year=2031),
        title_fi="Kansliapäällikön tavoitteet",
    )
    coordinator = make_user("coordinator", demo["tuusula"])
    text = pdf_text(_download(client_for(coordinator), f"/fi/plans/{draft.pk}/document.pdf"))
    assert "LUONNOS – ei hyväksytty" in text
    assert "Luonnoksella ei ole sisältötiivistettä" in text


# --- The organisation's logo ------------------------------------------------------------------


def _png(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (26, 77, 122)).save(out, format="PNG")
    return out.getvalue()


def _upload(client: Client, name: str, data: bytes, lang: str = "en"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/{lang}/o/tuusula/logo/", {"file": SimpleUploadedFile(name, data)}, follow=False
    )


@pytest.fixture
def org_admin(demo):
    return client_for(make_user("org-admin", demo["tuusula"], Role.Kind.ADMIN))


def test_an_admin_uploads_a_png_logo_and_it_appears_on_the_pdf(demo, org_admin, tmp_path):
    require_tools()
    from suunta.audit.models import AuditEvent
    from suunta.reports.models import OrganisationLogo

    response = _upload(org_admin, "vaakuna.png", _png())
    assert response.status_code == 302
    logo = OrganisationLogo.objects.get(organisation=demo["tuusula"])
    assert logo.content_type == "image/png" and (logo.width, logo.height) == (40, 20)
    assert AuditEvent.objects.filter(action="logo.set").count() == 1
    image = Client().get("/fi/o/tuusula/logo/image")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    pdf = _download(org_admin, f"/fi/plans/{demo['plan'].pk}/document.pdf")
    with_logo = tmp_path / "with-logo.pdf"
    with_logo.write_bytes(pdf)
    images = subprocess.run(  # noqa: S603
        ["pdfimages", "-list", str(with_logo)],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert len(images.strip().splitlines()) == 3  # two heading lines and the logo
    word = Document(io.BytesIO(_download(org_admin, f"/fi/plans/{demo['plan'].pk}/document.docx")))
    assert word.sections[0].header._element.xpath(".//pic:pic")
    assert org_admin.post("/fi/o/tuusula/logo/", {"remove": "1"}).status_code == 302
    assert not OrganisationLogo.objects.exists()
    assert Client().get("/fi/o/tuusula/logo/image").status_code == 404


def test_an_svg_logo_is_stored_without_script_or_handlers(demo, org_admin):
    from suunta.reports.models import OrganisationLogo

    svg = (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="40" onload="alert(1)">'
        b"<script>alert(2)</script><title>Tuusula</title>"
        b'<rect width="120" height="40" fill="#1a4d7a" style="x" onclick="alert(3)"/>'
        b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'
        b'<path d="M0 0L10 10" fill="url(#g)"/></svg>'
    )
    assert _upload(org_admin, "logo.svg", svg).status_code == 302
    stored = bytes(OrganisationLogo.objects.get().data).decode()
    for banned in ("script", "onload", "onclick", "alert", "foreignObject", "style"):
        assert banned not in stored, banned
    assert '<rect width="120" height="40" fill="#1a4d7a"' in stored
    assert "<title>Tuusula</title>" in stored


@pytest.mark.parametrize(
    "part",
    [
        b'<image xlink:href="https://evil.example/x.png"/>',
        b'<use href="https://evil.example/y.svg#a"/>',
        b'<use href="#a"/>',
        b'<path d="M0 0L10 10" fill="url(https://evil.example/z)"/>',
    ],
)
def test_an_svg_logo_with_use_or_outside_links_is_refused_and_nothing_stored(demo, org_admin, part):
    from suunta.reports.models import OrganisationLogo

    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="120" height="40"><rect id="a" width="9" height="9"/>' + part + b"</svg>"
    )
    response = _upload(org_admin, "logo.svg", svg)
    assert response.status_code == 422
    assert "Save it as PNG" in response.content.decode()
    assert not OrganisationLogo.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.png", b"this is not an image", "must be a PNG, JPEG or SVG image"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "cannot be read: it is damaged"),
        ("logo.jpg", b"MZ\x90\x00" + b"\x00" * 100, "must be a PNG, JPEG or SVG image"),
        ("big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (201 * 1024), "at most 200 kB"),
        (
            "laughs.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>',
            "cannot be read safely",
        ),
        (
            "external.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<svg>&x;</svg>",
            "cannot be read safely",
        ),
        ("html.svg", b"<?xml version='1.0'?><html><body/></html>", "not an SVG image"),
        ("empty.png", b"", "empty"),
    ],
)
def test_a_bad_logo_is_refused_with_a_message_and_nothing_is_saved(
    demo, org_admin, name, data, message
):
    from suunta.audit.models import AuditEvent
    from suunta.reports.models import OrganisationLogo

    response = _upload(org_admin, name, data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not OrganisationLogo.objects.exists()
    assert not AuditEvent.objects.filter(action="logo.set").exists()


def test_a_huge_logo_image_is_refused_by_its_size_in_pixels(demo, org_admin):
    response = _upload(org_admin, "wide.png", _png(3000, 10), lang="fi")
    assert response.status_code == 422
    assert "Logo on 3000 × 10 kuvapistettä: enintään 2000 sivulla." in response.content.decode()


def test_only_the_organisations_admin_changes_its_logo(demo):
    from suunta.reports.models import OrganisationLogo

    coordinator = client_for(make_user("coordinator", demo["tuusula"]))
    assert _upload(coordinator, "logo.png", _png()).status_code == 403
    other_admin = client_for(make_user("other-admin", demo["kangasala"], Role.Kind.ADMIN))
    assert _upload(other_admin, "logo.png", _png()).status_code == 404
    assert not OrganisationLogo.objects.exists()


def test_the_public_document_answers_a_conditional_request_without_rendering_again(full_demo):
    url = f"/fi/public/tuusula/plans/{full_demo.pk}/document.docx?lang=sv"
    first = Client().get(url)
    assert first.status_code == 200 and first["ETag"]
    again = Client().get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    other_language = Client().get(url.replace("lang=sv", "lang=fi"))
    assert other_language["ETag"] != first["ETag"]
    assert Client().post(url).status_code == 405

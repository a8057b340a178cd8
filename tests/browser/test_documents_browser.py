"""The board's papers in a real Chromium, with axe checks: the coordinator opens the plan's
documents, reads the follow-up report, prepares the board's agenda item and downloads the goal
document; the admin uploads the organisation's logo."""

import re

from playwright.sync_api import expect

from suunta.goals import models as m
from tests.browser.test_browser import assert_accessible, sign_in


def test_the_coordinator_takes_the_boards_papers_from_suunta(demo_data, new_page, artifacts):
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    page = new_page()
    sign_in(page, "koordinaattori")
    page.goto(f"/fi/plans/{plan.pk}/")
    page.get_by_role("link", name="Asiakirjat (PDF, Word)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Asiakirjat")
    assert_accessible(page)
    page.screenshot(path=artifacts / "documents.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tavoiteasiakirja (PDF, sv)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert download.value.path().read_bytes().startswith(b"%PDF-")

    page.get_by_role("link", name=re.compile("Seurantaraportti tammikuu")).click()
    expect(page.get_by_role("table")).to_contain_text("parani")
    assert_accessible(page)
    page.screenshot(path=artifacts / "follow-up-report.png", full_page=True)

    page.go_back()
    page.get_by_role("link", name="Tavoitteiden hyväksyminen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Esityslistaluonnos")
    text = page.get_by_label("Valitse teksti ja kopioi se kokousjärjestelmään.")
    expect(text).to_have_value(re.compile("Esittelijä: Kalle Ikkelä, puheenjohtaja"))
    page.get_by_label("Luonnoksen kieli").select_option("sv")
    page.get_by_role("button", name="Näytä").click()
    expect(text).to_have_value(re.compile("är jävig i ärendet som part"))
    assert_accessible(page)
    page.screenshot(path=artifacts / "agenda-item.png", full_page=True)


def test_the_admin_uploads_a_logo_and_a_wrong_file_gets_a_message(
    demo_data, new_page, artifacts, tmp_path
):
    page = new_page()
    sign_in(page, "demo")
    page.goto("/fi/o/tuusula/")
    page.get_by_role("link", name="Logo asiakirjoissa").click()
    assert_accessible(page)
    wrong = tmp_path / "logo.png"
    wrong.write_text("not an image")
    page.get_by_label("Logotiedosto").set_input_files(wrong)
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_role("alert")).to_contain_text("Logoa ei tallennettu.")
    expect(page.locator(".errors")).to_contain_text("PNG-, JPEG- tai SVG-kuva")
    assert_accessible(page)
    svg = tmp_path / "vaakuna.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="40"><title>Tuusula</title>'
        '<rect width="90" height="40" fill="#1a4d7a"/></svg>'
    )
    page.get_by_label("Logotiedosto").set_input_files(svg)
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_text("Logo tallennettiin.")).to_be_visible()
    expect(page.get_by_role("img", name="Nykyinen logo")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=artifacts / "logo.png", full_page=True)

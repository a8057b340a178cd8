"""Sign in, read the Tuusula plan, edit a draft goal – in a real Chromium, with axe checks."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from suunta.goals import models as m

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


def sign_in(page, username="demo", password="demo", lang="fi"):
    page.goto(f"/{lang}/accounts/login/")
    page.get_by_label("Käyttäjätunnus" if lang == "fi" else re.compile("user", re.I)).fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{lang}/$"))


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_sign_in_and_read_the_tuusula_plan_as_the_seed_shows_it(demo_data, new_page, artifacts):
    page = new_page()
    page.goto("/fi/accounts/login/")
    assert_accessible(page)
    sign_in(page)
    assert_accessible(page)
    page.get_by_role("link", name="Tuusulan kunta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuusulan kunta")
    assert_accessible(page)
    page.get_by_role("link", name="Kansliapäällikkö").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kansliapäällikkö")
    assert_accessible(page)
    page.get_by_role("link", name="Kansliapäällikön tavoitteet 2025").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kansliapäällikön tavoitteet")

    table = page.locator("table.goal-table")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == [
        "Tavoite",
        "Mittari",
        "Seuranta elokuu 2025",
        "Seuranta tammikuu/helmikuu 2026",
    ]
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(6)
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    for goal in plan.goals.order_by("order"):
        row = table.locator(f"#goal-row-{goal.pk}")
        expect(row.locator("th")).to_contain_text(goal.title_fi)
        expect(row.locator("td").first.locator("li")).to_have_text(
            [i.text_fi for i in goal.indicators.order_by("order")]
        )
    expect(page.locator(".handling")).to_have_text("26.3.2025 Poljory, 31.3.2025 KH")
    assert_accessible(page)
    page.screenshot(path=artifacts / "tuusula-plan.png", full_page=True)


def test_the_kangasala_post_page_is_accessible_and_complete(demo_data, new_page, artifacts):
    page = new_page()
    sign_in(page)
    page.goto("/sv/o/kangasala/")
    page.get_by_role("link", name="Stadsdirektör").click()
    expect(page.locator("ol.focus-areas > li")).to_have_count(23)
    expect(page.get_by_text("Tammervoima Oy:n hallituksen varapuheenjohtaja")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=artifacts / "kangasala-post-sv.png", full_page=True)


def test_edit_a_draft_goal_and_see_it_saved(demo_data, new_page, artifacts):
    page = new_page()
    sign_in(page)
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    page.goto(f"/fi/plans/{plan.pk}/")
    page.get_by_role("button", name="Aloita seuraavan kauden suunnitelma tästä").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Muokkaa luonnosta")
    assert_accessible(page)

    goal = m.Goal.objects.filter(plan__status="draft").order_by("order").first()
    item = page.locator(f"#goal-{goal.pk}")
    item.locator(".item-head").get_by_role("link", name=re.compile("^Muokkaa")).click()
    title = page.locator(f"#goal-{goal.pk} #id_title_fi")
    expect(title).to_be_visible()
    expect(page.locator(f"#goal-{goal.pk} h3")).to_be_focused()
    assert_accessible(page)
    title.fill("")
    page.locator(f"#goal-{goal.pk}").get_by_role("button", name="Tallenna").click()
    expect(page.locator(f"#goal-{goal.pk} .errors")).to_have_text("Tämä kenttä vaaditaan.")
    page.locator(f"#goal-{goal.pk} #id_title_fi").fill("Strategian toimeenpano ja seuranta")
    page.locator(f"#goal-{goal.pk}").get_by_role("button", name="Tallenna").click()
    expect(page.locator("#messages")).to_contain_text("Tavoite tallennettiin.")
    expect(page.locator(f"#goal-{goal.pk} h3")).to_have_text(
        "1. Strategian toimeenpano ja seuranta"
    )
    page.screenshot(path=artifacts / "editor-after-save.png", full_page=True)

    page.reload()
    expect(page.locator(f"#goal-{goal.pk} h3")).to_have_text(
        "1. Strategian toimeenpano ja seuranta"
    )
    goal.refresh_from_db()
    assert goal.title_fi == "Strategian toimeenpano ja seuranta"


def test_the_editor_works_without_javascript(demo_data, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page)
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    page.goto(f"/fi/plans/{plan.pk}/")
    page.get_by_role("button", name="Aloita seuraavan kauden suunnitelma tästä").click()
    page.get_by_role("link", name="Lisää tavoite").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uusi tavoite")
    page.locator("#id_title_fi").fill("Hyvinvointialueyhteistyö")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_role("heading", level=3, name="7. Hyvinvointialueyhteistyö")).to_be_visible()
    context.close()

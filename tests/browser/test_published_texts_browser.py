"""The accessibility statement and the privacy notice in the browser, and axe on the pages with
the demo banner shown (demo mode on): the banner stands inside the page's banner landmark, so
no content is outside a landmark."""

from playwright.sync_api import expect

from suunta.goals.models import GoalPlan

from .test_browser import assert_accessible, sign_in


def test_the_statement_the_notice_and_the_demo_banner_pass_axe(
    demo_data, new_page, artifacts, settings
):
    settings.DEMO_MODE = True
    settings.SUUNTA_FEEDBACK_EMAIL = "saavutettavuus@example.fi"
    page = new_page()
    page.goto("/fi/accounts/login/")
    expect(page.locator("header .demo-banner")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Saavutettavuusseloste").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saavutettavuusseloste")
    assert_accessible(page)
    page.screenshot(path=artifacts / "accessibility-statement.png", full_page=True)
    page.get_by_role("link", name="Tietosuojaseloste").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tietosuojaseloste")
    assert_accessible(page)
    page.goto("/sv/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dataskyddsbeskrivning")
    assert_accessible(page)
    sign_in(page, "koordinaattori", "demo")
    assert_accessible(page)
    plan = GoalPlan.objects.filter(organisation__slug="tuusula").order_by("period_start").first()
    page.goto(f"/fi/plans/{plan.pk}/")
    assert_accessible(page)
    page.goto(f"/fi/plans/{plan.pk}/audit/")
    assert_accessible(page)
    page.screenshot(path=artifacts / "audit-sentences.png", full_page=True)

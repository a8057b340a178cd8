"""The public transparency pages in Chromium, without signing in: reach them from the sign-in
page, read the organisation and the Tuusula 2025 plan, with axe checks."""

import tempfile
from pathlib import Path

from playwright.sync_api import expect

from suunta.goals import models as m
from tests.browser.test_browser import assert_accessible

SHOTS = Path(tempfile.gettempdir())  # /tmp/public-*.png, to look at


def test_read_the_public_pages_without_signing_in(demo_data, new_page):
    # In English: the new texts' Finnish translations come with the next catalogue update.
    page = new_page(locale="en-GB")
    page.goto("/en/accounts/login/")
    page.get_by_role("link", name="Public information: approved goals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Public information")
    assert_accessible(page)
    page.get_by_role("link", name="Tuusulan kunta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuusulan kunta")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "public-organisation.png", full_page=True)
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula", version_no=1)
    page.get_by_role("link", name="Kansliapäällikön tavoitteet 2025").click()
    expect(page).to_have_url(f"{page.url.split('/en/')[0]}/en/public/tuusula/plans/{plan.pk}/")
    expect(page.get_by_role("table").first).to_contain_text("Strategian toimeenpanon johtaminen")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "public-plan.png", full_page=True)
    # Keyboard: the scrollable goal table can be reached and its region is named.
    region = page.get_by_role("region", name="Kansliapäällikön tavoitteet 2025", exact=False)
    expect(region.first).to_be_visible()


def test_the_kangasala_public_page_in_swedish_is_accessible(demo_data, new_page):
    page = new_page(locale="sv-FI")
    page.goto("/sv/public/kangasala/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kangasala")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "public-kangasala-sv.png", full_page=True)

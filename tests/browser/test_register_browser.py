"""The register of interests in Chromium, the whole flow: the board member declares from the
home page's "expected from you" list, the audit committee reviews, the declaration is public
without signing in, the coordinator ends the term and the person leaves the public register.
Every page is checked with axe."""

import datetime
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from suunta.organisations.models import Person
from tests.browser.test_browser import assert_accessible, sign_in

SHOTS = Path(tempfile.gettempdir())  # /tmp/register-*.png, to look at


def test_declare_review_publish_and_remove_when_the_term_ends(demo_data, new_page):
    person = Person.objects.get(user__username="hallitus", organisation__slug="esimerkkila")
    base = f"/en/o/esimerkkila/register/people/{person.pk}/"

    page = new_page(locale="en-GB")
    sign_in(page, "hallitus", lang="en")
    page.get_by_role("link", name="Declare your interests (register of interests)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Declaration of interests")
    assert_accessible(page)
    page.locator("#id_rows-0-category").select_option("business_position")
    page.locator("#id_rows-0-entity_name").fill("Esimerkkilän Satama Oy")
    page.locator("#id_rows-0-business_id").fill("0112038-8")
    page.locator("#id_rows-0-role_fi").fill("hallituksen jäsen")
    page.get_by_role("button", name="Save the declaration").click()
    expect(page.locator(".errors").first).to_contain_text("not a valid business ID")
    assert_accessible(page)
    page.locator("#id_rows-0-business_id").fill("0112038-9")
    page.get_by_role("button", name="Save the declaration").click()
    expect(page.locator(".declaration-state")).to_have_text("Awaiting review")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "register-declaration.png", full_page=True)

    auditor = new_page(locale="en-GB")
    sign_in(auditor, "tarkastus", lang="en")
    auditor.goto("/en/o/esimerkkila/register/")
    expect(auditor.get_by_role("heading", level=1)).to_have_text("Register of interests")
    assert_accessible(auditor)
    auditor.screenshot(path=SHOTS / "register-overview.png", full_page=True)
    auditor.goto(base + "review/")
    assert_accessible(auditor)
    auditor.get_by_label("reviewed", exact=True).check()
    auditor.get_by_role("button", name="Record the review").click()
    expect(auditor.locator(".declaration-state")).to_have_text("Reviewed")

    public = new_page(locale="en-GB")
    public.goto("/en/public/esimerkkila/")
    public.get_by_role("link", name="Register of interests (declarations of interests)").click()
    expect(public.get_by_role("table")).to_contain_text("Esimerkkilän Satama Oy")
    assert_accessible(public)
    public.screenshot(path=SHOTS / "register-public.png", full_page=True)
    public.get_by_role("link", name=person.name).click()
    expect(public.get_by_role("heading", level=1)).to_have_text(person.name)
    assert_accessible(public)

    coordinator = new_page(locale="en-GB")
    sign_in(coordinator, "koordinaattori", lang="en")
    coordinator.goto(base + "seats/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="End the term").first.click()
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    coordinator.get_by_label("The term ends on").fill(yesterday.isoformat())
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="End the term").click()
    expect(
        coordinator.get_by_role("cell", name=f"{yesterday.day}.{yesterday.month}.{yesterday.year}")
    ).to_be_visible()

    public.goto("/en/public/esimerkkila/interests/")
    expect(public.locator("main")).not_to_contain_text(person.name)
    expect(public.locator("main")).to_contain_text("Aino Esimerkki")
    assert public.request.get(f"/en/public/esimerkkila/interests/{person.pk}/").status == 404

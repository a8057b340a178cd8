"""Setting up the second factor and signing in with it, in a real Chromium, with axe checks."""

import re

import pyotp
from playwright.sync_api import expect

from suunta.accounts.models import Role
from suunta.organisations.models import Organisation
from tests.conftest import make_user

from .test_browser import assert_accessible


def test_a_coordinator_sets_up_the_app_then_signs_in_with_a_code(
    demo_data, new_page, settings, artifacts
):
    settings.SUUNTA_REQUIRE_MFA = True
    make_user("kaisa", Organisation.objects.get(slug="tuusula"), kind=Role.Kind.COORDINATOR)
    page = new_page()
    page.goto("/fi/accounts/login/")
    page.get_by_label("Käyttäjätunnus").fill("kaisa")
    page.locator("#id_password").fill("pw-kaisa")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fi/accounts/second-factor/set-up/"))
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Koodi").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Vahvista").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    page.screenshot(path=artifacts / "recovery-codes.png", full_page=True)
    code = page.locator("#recovery-codes li").first.inner_text()

    again = new_page()
    again.goto("/fi/accounts/login/")
    again.get_by_label("Käyttäjätunnus").fill("kaisa")
    again.locator("#id_password").fill("pw-kaisa")
    again.locator("form.form button[type=submit]").click()
    again.wait_for_url(re.compile(r"/fi/accounts/second-factor/"))
    assert_accessible(again)
    again.get_by_label("Koodi").fill(code)
    again.get_by_role("button", name="Jatka").click()
    again.wait_for_url(re.compile(r"/fi/$"))
    expect(again.get_by_role("heading", level=1)).to_have_text("Etusivu")

"""The 503 page a user sees while the database does not answer, in Chromium, with axe checks."""

import tempfile
from pathlib import Path
from unittest import mock

from django.db import OperationalError
from playwright.sync_api import expect

from tests.browser.test_browser import assert_accessible

SHOTS = Path(tempfile.gettempdir())  # /tmp/faults-503-*.png, to look at


def refuse(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1" failed: Connection refused')


def test_the_503_page_while_the_database_is_down_is_clear_and_accessible(
    transactional_db, new_page
):
    for locale, lang, heading in [
        ("fi-FI", "fi", "Palvelu ei ole hetkeen käytettävissä"),
        ("sv-FI", "sv", "Tjänsten är tillfälligt otillgänglig"),
    ]:
        page = new_page(locale=locale)
        # Every query of the server's thread fails, as when PostgreSQL has stopped.
        with mock.patch("django.db.backends.utils.CursorWrapper.execute", refuse):
            response = page.goto(f"/{lang}/public/")
        assert response is not None and response.status == 503
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert_accessible(page)
        page.screenshot(path=SHOTS / f"faults-503-{lang}.png", full_page=True)

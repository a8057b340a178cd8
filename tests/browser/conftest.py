"""Browser tests in Debian's Chromium (/usr/bin/chromium), driven by Playwright.

Without a browser these tests are skipped locally; with SUUNTA_REQUIRE_BROWSER=1 (as in CI)
a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    configured = os.environ.get("SUUNTA_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    path = chromium_path()
    if path is None:
        if os.environ.get("SUUNTA_REQUIRE_BROWSER") == "1":
            pytest.fail(
                "Chromium is required (SUUNTA_REQUIRE_BROWSER=1) but was not found. "
                "Install Debian's chromium package."
            )
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def make(locale="fi-FI", javascript=True):
        context = browser.new_context(
            base_url=live_server.url,
            locale=locale,
            viewport={"width": 1280, "height": 900},
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def demo_data(transactional_db):
    """The whole demo, worked examples included, as `make run` loads it. The pages run with
    demo mode off, as in production, so the demo accounts are made ordinary accounts here
    (a demo account signs in only in demo mode)."""
    from suunta.accounts.models import User
    from suunta.demo import seed

    seed.load(accounts=True)
    User.objects.filter(is_demo=True).update(is_demo=False)

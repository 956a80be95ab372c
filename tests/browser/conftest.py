"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.
Run with `make test-browser` (sets RUN_BROWSER=1); skipped otherwise."""

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]


_SHARED: dict = {}


def pytest_terminal_summary(terminalreporter):
    """axe-core's figures per role and the heaviest page, for every check the journeys made (a11y.py)."""
    from .a11y import terminal_summary

    terminal_summary(terminalreporter)


@pytest.fixture(scope="session")
def _browser():
    """One Chromium for the whole run. Test modules elsewhere import this fixture, which gives pytest
    several session fixtures of the same name; they share one Playwright (only one may run per thread)."""
    if not os.environ.get("RUN_BROWSER"):
        pytest.skip("browser journeys: set RUN_BROWSER=1")
    if "browser" not in _SHARED:
        from playwright.sync_api import sync_playwright

        _SHARED["playwright"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["playwright"].chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, headless=True
        )
        _SHARED["users"] = 0
    _SHARED["users"] += 1
    yield _SHARED["browser"]
    _SHARED["users"] -= 1
    if _SHARED["users"] == 0:
        _SHARED.pop("browser").close()
        _SHARED.pop("playwright").stop()


@pytest.fixture
def phone(_browser, live_server):
    """A phone-sized page (375 x 740) on the live server."""
    context = _browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def laptop(_browser, live_server):
    context = _browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


def login(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").or_(page.get_by_role("button", name="Log in")).first.click()
    page.wait_for_load_state()


def logout(page):
    page.get_by_role("button", name="Log out").first.click()
    page.wait_for_load_state()


def off_the_event_loop(build):
    """Run `build()` (test data) in a worker thread on this thread's database connection and return what
    it returns. Playwright's sync API keeps an asyncio loop running in the test's thread, where Django
    refuses queries and pyHanko's asyncio.run cannot sign; the live server shares this connection."""
    conn = connections["default"]
    conn.inc_thread_sharing()

    def run():
        connections["default"] = conn
        return build()

    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(run).result()
    finally:
        conn.dec_thread_sharing()

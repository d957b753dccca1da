"""Shared fixtures for end-to-end tests in a real headless Chromium (Debian's).

Reusable by every app's browser tests:

* ``browser`` (session): Chromium launched once through Playwright's sync API.
* ``browser_page``: a fresh page (own cookies and storage) on the live server;
  ``browser_page.goto("/path/")`` takes paths relative to the live server.
* ``new_page(viewport=...)``: the same, at another window size (e.g. a phone).
* ``signed_in_page(user, viewport=...)``: a fresh page already signed in as
  ``user`` (signed in through the real sign-in form).
* ``assert_accessible(page)``: runs axe-core and fails on any violation with
  impact "serious" or "critical", listing them.

Without /usr/bin/chromium the tests are skipped with the reason, except in CI
(CI=true), where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls made by the test itself would otherwise refuse to run.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """pytest-django's live server, started with plain-HTTP settings: the
    security middleware reads them once, when the server thread starts, so a
    function-scoped ``settings`` change would come too late."""
    from django.test.utils import override_settings
    from pytest_django import live_server_helper

    address = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    with override_settings(
        SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False, SECURE_HSTS_SECONDS=0
    ):
        server = live_server_helper.LiveServer(address)
        yield server
        server.stop()


@pytest.fixture
def new_page(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Callable[..., Any]]:
    contexts: list[Any] = []

    def make(viewport: dict[str, int] | None = None) -> Any:
        context = browser.new_context(base_url=live_server.url, viewport=viewport or DESKTOP)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []  # type: ignore[attr-defined]
        page.on(
            "console",
            lambda message: (
                page.csp_errors.append(message.text)  # type: ignore[attr-defined]
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_page: Callable[..., Any]) -> Any:
    return new_page()


def sign_in(page: Any, user: Any, password: str) -> None:
    """Sign in through the real form (staying on it if a redirect already led there, to keep ?next=)."""
    if "/accounts/login/" not in page.url:
        page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.fixture
def signed_in_page(new_page: Callable[..., Any]) -> Callable[..., Any]:
    from tests.factories import PASSWORD

    def make(user: Any, viewport: dict[str, int] | None = None) -> Any:
        page = new_page(viewport)
        sign_in(page, user, PASSWORD)
        assert "/accounts/login/" not in page.url, "sign-in failed"
        return page

    return make


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


@pytest.fixture
def assert_accessible() -> Callable[[Any], None]:
    def check(page: Any) -> None:
        violations = axe_violations(page)
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations
        ]
        assert not violations, f"axe-core on {page.url}:\n" + "\n".join(summary)
        assert not page.csp_errors, f"Content Security Policy violations on {page.url}: {page.csp_errors}"

    return check

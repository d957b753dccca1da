"""The API documentation renders in a real browser under the site's CSP."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_api_docs_render_their_operations(browser_page: Any) -> None:
    browser_page.goto("/api/docs/")
    browser_page.get_by_text("/api/v1/reports/", exact=True).first.wait_for()
    assert browser_page.csp_errors == []

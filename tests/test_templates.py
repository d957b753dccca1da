"""Template source checks that rendering alone would not flag."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "templates"
TEMPLATES = sorted(ROOT.rglob("*.html"))
_OPEN_COMMENT = re.compile(r"\{#(?!.*#\})")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_short_comments_close_on_their_own_line(path: Path) -> None:
    # Django's {# #} comment is one line only: an unclosed one is printed on the page as text.
    unclosed = [n for n, line in enumerate(path.read_text().splitlines(), 1) if _OPEN_COMMENT.search(line)]
    assert not unclosed, f"{path.name}: {{# without #}} on line(s) {unclosed}; use {{% comment %}} for several lines"

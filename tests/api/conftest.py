from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle_history() -> Iterator[None]:
    # Receipt throttling counts in the cache; one test's look-ups must not throttle the next.
    cache.clear()
    yield
    cache.clear()

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle_history(db: None) -> None:
    # Receipt throttling counts in the cache: by default a table in the test
    # database, so each test's rollback forgets it; cleared as well for a run
    # with REDIS_URL set, where one test's look-ups would throttle the next.
    cache.clear()

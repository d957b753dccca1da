"""The cache behind rate limits and the double-send guard is shared by every
process: without Redis it is a table in the database, created by ``migrate``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.throttling import ScopedRateThrottle

ROOT = Path(__file__).resolve().parents[2]


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_migrate_alone_prepares_a_cache_that_another_process_sees(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'lantern.sqlite3'}",
        "LANTERN_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "shared-by-every-process-of-one-deployment",
    }
    _manage(env, "migrate", "--noinput", "--verbosity", "0")
    spend = "from django.core.cache import cache; print('spent:', cache.add('lantern:submission:n1', 1, 600))"
    # Two processes, as two gunicorn workers would be: a token spent in one is spent for the other.
    assert "spent: True" in _manage(env, "shell", "--no-imports", "-c", spend)
    assert "spent: False" in _manage(env, "shell", "--no-imports", "-c", spend)


def test_receipt_throttle_counts_in_the_database_without_the_address_in_clear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"receipt": "2/min"})
    client = Client(REMOTE_ADDR="203.0.113.77")
    body = json.dumps({"reference": "LR-AAAA-BBBB", "secret": "not-the-secret"})
    codes = [
        client.post(reverse("api:receipt-lookup"), data=body, content_type="application/json").status_code
        for _ in range(3)
    ]
    assert codes == [404, 404, 429]

    with connection.cursor() as cursor:
        table = connection.ops.quote_name(settings.CACHE_TABLE)
        cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608 - a name from settings
        rows = cursor.fetchall()
    assert rows, "the throttle history is not in the database cache"
    assert not any("203.0.113.77" in f"{key} {value}" for key, value in rows)

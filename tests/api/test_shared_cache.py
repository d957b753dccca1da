"""The cache behind rate limits and the double-send guard is shared by every
process: without Redis it is a table in the database, created by ``migrate``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


EXPIRES = (
    "from django.db import connection as c; k = c.cursor(); "
    "k.execute('SELECT expires FROM lantern_cache'); print(k.fetchall())"
)


def _env(tmp_path: Path, database_url: str | None = None) -> dict[str, str]:
    """A deployment of its own, without Redis: SQLite under tmp_path unless a URL is given."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
    return env | {
        "DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'lantern.sqlite3'}",
        "LANTERN_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "shared-by-every-process-of-one-deployment",
    }


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "manage.py", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _manage(env: dict[str, str], *args: str) -> str:
    process = _start(env, *args)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    return stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A migrated deployment on SQLite, and on a PostgreSQL database of its own when the tests run on one."""
    if request.param == "sqlite":
        env = _env(tmp_path)
        _manage(env, "migrate", "--noinput", "--verbosity", "0")
        yield env
        return
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the PostgreSQL deployment needs the tests to run on PostgreSQL (CI=true or DATABASE_URL)")
    server = {k: v for k, v in settings.DATABASES["default"].items() if k in ("HOST", "PORT", "USER", "PASSWORD")}
    name = f"lantern_cache_{os.getpid()}"
    with psycopg.connect(dbname="postgres", autocommit=True, **{k.lower(): v for k, v in server.items() if v}) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        try:
            url = (
                f"postgres://{server.get('USER') or ''}@{server.get('HOST') or ''}:{server.get('PORT') or 5432}/{name}"
            )
            env = _env(tmp_path, url)
            _manage(env, "migrate", "--noinput", "--verbosity", "0")
            yield env
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_migrate_alone_prepares_a_cache_that_another_process_sees(tmp_path: Path) -> None:
    env = _env(tmp_path)
    _manage(env, "migrate", "--noinput", "--verbosity", "0")
    spend = "from django.core.cache import cache; print('spent:', cache.add('lantern:submission:n1', 1, 600))"
    # Two processes, as two gunicorn workers would be: a token spent in one is spent for the other.
    assert "spent: True" in _manage(env, "shell", "--no-imports", "-c", spend)
    assert "spent: False" in _manage(env, "shell", "--no-imports", "-c", spend)


def test_concurrent_counts_are_all_kept_and_the_window_is_not_extended(deployment: dict[str, str]) -> None:
    """Rate limits count with ``incr``: four processes at once must not both take one step,
    and counting must not move the entry's expiry (Django's own DatabaseCache does both)."""
    env = deployment
    _manage(env, "shell", "--no-imports", "-c", "from django.core.cache import cache; cache.add('n', 0, 3600)")
    expires = _manage(env, "shell", "--no-imports", "-c", EXPIRES)
    count = "from django.core.cache import cache\nfor _ in range(40): cache.incr('n')"
    workers = [_start(env, "shell", "--no-imports", "-c", count) for _ in range(4)]
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr
    assert "160" in _manage(
        env, "shell", "--no-imports", "-c", "from django.core.cache import cache; print(cache.get('n'))"
    )
    assert _manage(env, "shell", "--no-imports", "-c", EXPIRES) == expires


def test_receipt_throttle_counts_in_the_database_without_the_address_in_clear(settings: Any) -> None:
    assert settings.CACHES["default"]["BACKEND"] == "config.cache.DatabaseCache"
    settings.RECEIPT_RATE_LIMIT = "2/m"
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

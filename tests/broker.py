"""Fixtures for tests that run a real Celery worker against a real Redis.

Imported by ``tests/reporting/conftest.py``. A test that uses them is marked
``broker`` and ``django_db(transaction=True)``: the worker is another process
with its own database connection, so it sees only committed rows.

* ``redis_url``: ``TEST_REDIS_URL`` (default redis://127.0.0.1:6379/14). The
  database is the tests' own: the fixtures delete Celery's queue keys in it.
  Without a server the tests are skipped, saying so, except under CI=true,
  where they fail.
* ``celery_worker_process``: a real ``celery worker`` subprocess on that Redis
  and on the test database, started once per module (a start costs seconds);
  a test may kill it and start another.
* ``real_broker``: points this process's Celery app at that Redis instead of
  the in-memory broker every other test uses.

The test database has to be one the worker can open. PostgreSQL's test
database is an ordinary database; SQLite's is in memory unless
``TEST["NAME"]`` names a file, so when broker tests are collected the session
uses a file (on /dev/shm when there is one, to stay fast).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/14"
WORKER_QUEUE = "celery"
WORKER_READY_SECONDS = 60  # a cold start imports Django, NumPy, SciPy and scikit-learn
IN_CI = os.environ.get("CI") == "true"


# --------------------------------------------------------------------------- SQLite
def pytest_collection_finish(session: pytest.Session) -> None:
    # After deselection (-m, -k), before any fixture has created the test database.
    if any(item.get_closest_marker("broker") for item in session.items):
        _use_file_sqlite_test_database(session.config)


def _use_file_sqlite_test_database(config: pytest.Config) -> None:
    """Give SQLite's test database a file name, before pytest-django creates it."""
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
        return
    test_settings = settings_dict.setdefault("TEST", {})
    name = str(test_settings.get("NAME") or "")
    if name and name != ":memory:" and "mode=memory" not in name:
        return  # already a file
    # mkdtemp makes a private folder, so a shared parent is safe; /dev/shm keeps SQLite fast.
    parent = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None  # noqa: S108
    folder = tempfile.mkdtemp(prefix="lantern-test-db-", dir=parent)
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    test_settings["NAME"] = os.path.join(folder, "test.sqlite3")


def worker_database_url() -> str:
    """A DATABASE_URL for the database this test session is using (the test database)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    name = str(settings_dict["NAME"])
    if connection.vendor == "sqlite":
        if name == ":memory:" or "mode=memory" in name:
            pytest.fail(
                "the SQLite test database is in memory, which a worker process cannot open; "
                "tests/broker.py gives it a file name only when broker tests are collected"
            )
        return f"sqlite:///{Path(name).resolve()}"
    configured = os.environ.get("DATABASE_URL")
    if configured:
        # The configured URL with the test database's name: keeps credentials and options.
        parts = urlsplit(configured)
        return urlunsplit(parts._replace(path=f"/{name}"))
    pytest.fail(f"cannot give a worker the {connection.vendor} test database {name!r}: set DATABASE_URL")


# --------------------------------------------------------------------------- Redis
@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL") or DEFAULT_TEST_REDIS_URL
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"CI=true: the Redis server at {url} (TEST_REDIS_URL) did not answer PING: {exc}")
        pytest.skip(f"needs a Redis server at {url}; set TEST_REDIS_URL ({exc})")
    return url


def clear_celery_keys(url: str) -> None:
    """Delete Celery's queue and unacked-message keys from the tests' Redis database."""
    client = redis.Redis.from_url(url)
    keys = [*client.scan_iter(f"{WORKER_QUEUE}*"), *client.scan_iter("unacked*")]
    if keys:
        client.delete(*keys)


def queued_messages(url: str) -> int:
    return int(redis.Redis.from_url(url).llen(WORKER_QUEUE))


def _point_app_at(url: str) -> None:
    from config.celery import app

    app.conf.update(broker_url=url)
    # The app caches its connection and producer pools; without dropping them
    # the next publish would still go to the previous broker.
    app._pool = None  # type: ignore[attr-defined]
    app.amqp._producer_pool = None  # type: ignore[attr-defined]


@pytest.fixture
def real_broker(settings: Any, redis_url: str) -> Iterator[str]:
    """This process publishes to the real Redis (overrides the autouse memory:// broker)."""
    from config.celery import app

    settings.CELERY_BROKER_URL = redis_url
    app.conf.task_always_eager = False
    _point_app_at(redis_url)
    yield redis_url
    _point_app_at("memory://")


@pytest.fixture
def broker_down(settings: Any) -> Callable[[], Any]:
    """``with broker_down():`` publishes to a closed port for the duration of the block."""
    from contextlib import contextmanager

    from config.celery import app

    @contextmanager
    def down() -> Iterator[None]:
        previous = app.conf.broker_url
        settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
        _point_app_at("redis://127.0.0.1:1/0")
        try:
            yield
        finally:
            settings.CELERY_BROKER_URL = previous
            _point_app_at(previous)

    return down


# --------------------------------------------------------------------------- worker
class WorkerProcess:
    """A ``celery worker`` subprocess; ``start`` again after ``kill`` for a fresh one."""

    def __init__(self, *, broker_url: str, database_url: str, log_dir: Path) -> None:
        from django.conf import settings

        self.broker_url = broker_url
        self.log_dir = log_dir
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "CELERY_BROKER_URL": broker_url,
            "DATABASE_URL": database_url,
            "SECRET_KEY": settings.SECRET_KEY,
            "LANTERN_VAR_DIR": str(settings.VAR_DIR),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "PYTHONUNBUFFERED": "1",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None
        self.starts = 0

    def start(self) -> None:
        assert not self.alive, "a worker is already running"
        self.starts += 1
        self.log_path = self.log_dir / f"worker-{self.starts}.log"
        command = [
            sys.executable, "-m", "celery", "-A", "config", "worker",
            "--pool", "solo", "--concurrency", "1", "-Q", WORKER_QUEUE,
            "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO",
            "-n", f"lantern-test-{os.getpid()}-{self.starts}@%h",
        ]  # fmt: skip
        from django.conf import settings

        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one
            )
        self.wait_for_log(r"\bready\.", timeout=WORKER_READY_SECONDS, what="worker ready")

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ensure_running(self) -> None:
        if not self.alive:
            self.start()

    def kill(self) -> None:
        """SIGKILL the worker's process group: no warm shutdown, no acks, no clean-up."""
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def log(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, pattern: str, *, timeout: float, what: str) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.log())
            if match:
                return match
            if not self.alive:
                pytest.fail(f"celery worker exited (code {self.returncode}) before {what}\n{self.diagnostics()}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} within {timeout:.0f} s\n{self.diagnostics()}")
            time.sleep(0.05)

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def diagnostics(self, lines: int = 40) -> str:
        try:
            queued: object = queued_messages(self.broker_url)
        except redis.RedisError as exc:
            queued = f"unknown ({exc})"
        state = "running" if self.alive else f"exited with {self.returncode}"
        tail = "\n".join(self.log().splitlines()[-lines:])
        return f"worker #{self.starts} {state}; {queued} message(s) queued\n--- {self.log_path} ---\n{tail}"


@pytest.fixture(scope="module")
def celery_worker_process(
    redis_url: str, django_db_setup: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:
    """A running worker on the real Redis and the test database, shared by a module."""
    clear_celery_keys(redis_url)
    worker = WorkerProcess(
        broker_url=redis_url, database_url=worker_database_url(), log_dir=tmp_path_factory.mktemp("celery-worker")
    )
    worker.start()
    try:
        yield worker
    finally:
        worker.kill()
        clear_celery_keys(redis_url)


@pytest.fixture
def worker(celery_worker_process: WorkerProcess, real_broker: str) -> WorkerProcess:
    """The module's worker, restarted if an earlier test killed it, and this process on its broker."""
    celery_worker_process.ensure_running()
    return celery_worker_process


def wait_until(
    predicate: Callable[[], Any], *, worker: WorkerProcess, what: str, timeout: float = 30, details: Callable[[], str]
) -> Any:
    """Poll ``predicate`` until it is truthy; fail with the state and the worker's log tail."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s\n{details()}\n{worker.diagnostics()}")
        time.sleep(0.1)


class BrokerRecorder:
    """Every command any client sends to the tests' Redis database, via MONITOR.

    Sees what this process publishes and what the worker publishes (retries,
    follow-up tasks), whatever the client library. ``commands`` holds each
    command's arguments, unescaped.
    """

    def __init__(self, url: str) -> None:
        self.client = redis.Redis.from_url(url)
        self.db = int(self.client.connection_pool.connection_kwargs.get("db", 0))
        self.commands: list[list[str]] = []
        self._sentinel = f"lantern-broker-recorder-stop-{os.getpid()}-{time.monotonic_ns()}"
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def __enter__(self) -> BrokerRecorder:
        monitor = self.client.monitor()
        monitor.__enter__()  # MONITOR is acknowledged before this returns: nothing later is missed

        def read() -> None:
            try:
                while True:
                    # Parsed here rather than by redis-py, which leaves most escapes in place.
                    line = monitor.connection.read_response()
                    if isinstance(line, bytes):
                        line = line.decode("ascii", "replace")
                    match = _MONITOR_LINE.match(str(line))
                    if match is None or int(match[1]) != self.db:
                        continue
                    args = _monitor_args(match[2])
                    if self._sentinel in args:
                        return
                    self.commands.append(args)
            except BaseException as exc:  # reported by __exit__
                self._error = exc
            finally:
                monitor.__exit__()

        self._thread = threading.Thread(target=read, name="redis-monitor", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        # MONITOR output is in order: once the sentinel is seen, everything before it is recorded.
        self.client.echo(self._sentinel)
        assert self._thread is not None
        self._thread.join(timeout=10)
        if self._thread.is_alive():
            pytest.fail("the Redis MONITOR reader did not see its stop sentinel within 10 s")
        if self._error is not None:
            raise self._error

    def published(self, queue: str = WORKER_QUEUE) -> list[dict[str, Any]]:
        """The kombu envelopes (JSON) pushed onto ``queue``."""
        return [
            json.loads(payload)
            for verb, key, *payloads in (c for c in self.commands if len(c) >= 3)
            if verb.upper() in {"LPUSH", "RPUSH"} and key == queue
            for payload in payloads
        ]


# "1700000000.123456 [14 127.0.0.1:5555] "LPUSH" "celery" "{\"body\": ...}""
_MONITOR_LINE = re.compile(r"\A[\d.]+ \[(\d+) [^\]]*\] (.*)\Z", re.DOTALL)
_MONITOR_ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", "a": b"\a", "b": b"\b"}


def _monitor_args(text: str) -> list[str]:
    r"""Undo Redis's quoting of MONITOR arguments: "...", with \\, \", \n and \xNN escapes."""
    args = []
    i = 0
    while i < len(text):
        if text[i] != '"':
            i += 1
            continue
        i += 1
        value = bytearray()
        while i < len(text) and text[i] != '"':
            if text[i] == "\\" and i + 1 < len(text):
                escaped = text[i + 1]
                if escaped == "x":
                    value.append(int(text[i + 2 : i + 4], 16))
                    i += 4
                    continue
                value += _MONITOR_ESCAPES.get(escaped, escaped.encode())
                i += 2
                continue
            value += text[i].encode()
            i += 1
        args.append(value.decode("utf-8", "replace"))
        i += 1
    return args

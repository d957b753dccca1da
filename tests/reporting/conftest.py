"""Fixtures for the reporting tests. The real-broker fixtures live in tests/broker.py
(a non-root conftest cannot use ``pytest_plugins``), so they are imported here."""

from tests.broker import (  # noqa: F401  (fixtures and a hook, found by name)
    broker_down,
    celery_worker_process,
    pytest_collection_finish,
    real_broker,
    redis_url,
    worker,
)

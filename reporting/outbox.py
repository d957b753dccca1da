"""At-least-once hand-off of committed work to Celery.

A change writes an ``OutboxMessage`` in its own transaction; after commit we
try to publish the task at once. If the broker is down the message stays
pending and ``sweep_outbox`` publishes it later, so nothing accepted is lost.
Broker messages carry ids only.

Reports are the exception: a report row is its own outbox (``processed_at``
empty, or ``live_concern`` without ``urgent_alerted``), swept by
``sweep_unprocessed`` and ``sweep_urgent_alerts``. An outbox row would carry
the exact moment of submission, which a database reader could match against
the author's session to undo anonymity.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from reporting.models import OutboxKind, OutboxMessage

logger = logging.getLogger(__name__)

TASK_FOR_KIND = {
    OutboxKind.LEARNING_EMAIL: "lantern.send_learning_email",  # defined in reviews.tasks; a name, not an import
}
PROCESS_REPORT = "reporting.tasks.process_report"
SEND_URGENT_ALERT = "reporting.tasks.send_urgent_alert"

Publication = Callable[[], bool]


@dataclass
class _Bulk:
    pending: list[Publication] = field(default_factory=list)
    broker_down: bool = False


# Set inside ``bulk_publishing``.
_bulk: ContextVar[_Bulk | None] = ContextVar("outbox_bulk", default=None)


def enqueue_on_commit(kind: OutboxKind, object_id: Any) -> OutboxMessage:
    """Record the work now; publish it once the surrounding transaction commits."""
    message = OutboxMessage.objects.create(kind=kind, object_id=str(object_id))
    transaction.on_commit(lambda: _publish_after_commit(lambda: publish(message.pk)))
    return message


def queue_report_work_on_commit(report_id: Any, *, urgent: bool) -> None:
    """Queue a new report's processing (and its urgent alert) after commit.
    If the broker refuses, the sweeps find the report by its own state."""
    tasks = [PROCESS_REPORT, SEND_URGENT_ALERT] if urgent else [PROCESS_REPORT]
    for task in tasks:
        publication = partial(send, task, str(report_id))
        transaction.on_commit(partial(_publish_after_commit, publication))


@contextmanager
def bulk_publishing() -> Iterator[Callable[[], None]]:
    """For bulk work (an import). Messages committed inside the block wait
    until the caller calls the yielded ``flush`` (and the block ends), then go
    out together in one transaction instead of one commit each. After the
    broker's first refusal the rest are left for the sweep, so an outage costs
    one connection timeout rather than one per report. If the block raises,
    whatever is pending is left for the sweep too."""
    state = _Bulk()
    token = _bulk.set(state)
    try:
        yield lambda: _flush(state)
        _flush(state)
    finally:
        _bulk.reset(token)


def _publish_after_commit(publication: Publication) -> None:
    state = _bulk.get()
    if state is None:
        publication()
    else:
        state.pending.append(publication)


def _flush(state: _Bulk) -> None:
    publications, state.pending = state.pending, []
    if state.broker_down or not publications:
        return  # left for the sweeps
    with transaction.atomic():
        for publication in publications:
            if not publication():
                state.broker_down = True
                return


def publish(message_id: int) -> bool:
    """Send one pending message to the broker. False if the broker refused;
    the message then waits for the sweep."""
    message = OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).first()
    if message is None:
        return True
    OutboxMessage.objects.filter(pk=message_id).update(attempts=F("attempts") + 1, published_at=timezone.now())
    return send(TASK_FOR_KIND[OutboxKind(message.kind)], message.object_id, message.pk)


def send(task_name: str, *args: str | int) -> bool:
    """Publish one task with id arguments. False if the broker refused."""
    from config.celery import app

    try:
        app.send_task(task_name, args=list(args), retry=False)
    except Exception:  # any broker failure: kombu raises several unrelated types
        logger.warning("broker unavailable; %s left for the sweep", task_name)
        return False
    return True


def mark_done(message_id: int | None) -> None:
    if message_id is not None:
        OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(done_at=timezone.now())


def pending_messages(older_than_seconds: int) -> list[int]:
    """Messages not done whose last publication (if any) is older than the
    given age: never published, or published to a worker that died."""
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    return list(
        OutboxMessage.objects.filter(done_at__isnull=True, created_at__lt=cutoff)
        .filter(Q(published_at__isnull=True) | Q(published_at__lt=cutoff))
        .order_by("created_at")
        .values_list("pk", flat=True)[:1000]
    )

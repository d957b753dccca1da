"""The outbox: accepted work survives a broker outage and is published later."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from reporting import outbox
from reporting.models import Organisation, OutboxKind, OutboxMessage, User
from reporting.services import Draft, submit_report
from reporting.tasks import sweep_outbox

pytestmark = pytest.mark.django_db(transaction=True)

DRAFT = Draft(kind="workaround", narrative="The recording system timed out so I wrote the visit on paper.")


def _age_all_messages(seconds: int) -> None:
    past = timezone.now() - dt.timedelta(seconds=seconds)
    OutboxMessage.objects.update(created_at=past, published_at=past)


def test_submission_is_kept_when_the_broker_is_down(organisation: Organisation, reporter: User) -> None:
    with mock.patch("config.celery.app.send_task", side_effect=ConnectionRefusedError("broker down")):
        receipt = submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=DRAFT)

    message = OutboxMessage.objects.get(object_id=str(receipt.report.pk))
    assert message.kind == OutboxKind.PROCESS_REPORT
    assert message.done_at is None
    assert message.attempts == 1


def test_sweep_publishes_stale_pending_messages_with_ids_only(organisation: Organisation, reporter: User) -> None:
    with mock.patch("config.celery.app.send_task", side_effect=ConnectionRefusedError("broker down")):
        receipt = submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=DRAFT)
    _age_all_messages(600)

    with mock.patch("config.celery.app.send_task") as send_task:
        assert sweep_outbox() == 1

    message = OutboxMessage.objects.get()
    name = send_task.call_args.args[0]
    assert name == "reporting.tasks.process_report"
    assert send_task.call_args.kwargs["args"] == [str(receipt.report.pk), message.pk]
    assert message.attempts == 2


def test_sweep_leaves_recent_and_done_messages_alone(organisation: Organisation, reporter: User) -> None:
    submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=DRAFT)
    done = OutboxMessage.objects.create(kind=OutboxKind.PROCESS_REPORT, object_id="x", done_at=timezone.now())
    OutboxMessage.objects.filter(pk=done.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))

    with mock.patch("config.celery.app.send_task") as send_task:
        assert sweep_outbox() == 0
    send_task.assert_not_called()


def test_sweep_stops_at_the_first_broker_failure(organisation: Organisation, reporter: User) -> None:
    for _ in range(3):
        submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=DRAFT)
    _age_all_messages(600)

    with mock.patch("config.celery.app.send_task", side_effect=OSError("still down")) as send_task:
        assert sweep_outbox() == 0
    assert send_task.call_count == 1


def test_mark_done_is_idempotent() -> None:
    message = OutboxMessage.objects.create(kind=OutboxKind.URGENT_ALERT, object_id="r")
    outbox.mark_done(message.pk)
    first = OutboxMessage.objects.get().done_at
    outbox.mark_done(message.pk)
    assert OutboxMessage.objects.get().done_at == first

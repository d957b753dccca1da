"""Accepted work survives a broker outage and is done later by the sweeps."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from reporting import outbox
from reporting.models import Organisation, OutboxKind, OutboxMessage, Panel, Report, User
from reporting.services import Draft, submit_report
from reporting.tasks import sweep_outbox, sweep_unprocessed, sweep_urgent_alerts

pytestmark = pytest.mark.django_db(transaction=True)

DRAFT = Draft(kind="workaround", narrative="The recording system timed out so I wrote the visit on paper.")
URGENT = Draft(
    kind="near_miss",
    narrative="The child is still living with the man who hit her and nobody has visited since the disclosure.",
)
BROKER_DOWN = mock.patch("config.celery.app.send_task", side_effect=ConnectionRefusedError("broker down"))


def _learning_message(age_seconds: int = 600) -> OutboxMessage:
    message = OutboxMessage.objects.create(kind=OutboxKind.LEARNING_EMAIL, object_id="42")
    past = timezone.now() - dt.timedelta(seconds=age_seconds)
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=past, published_at=past)
    return message


def test_a_report_accepted_while_the_broker_is_down_is_processed_by_the_sweep(
    organisation: Organisation, reporter: User
) -> None:
    with BROKER_DOWN:
        receipt = submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=DRAFT)

    report = Report.objects.get(pk=receipt.report.pk)
    assert report.processed_at is None
    assert not OutboxMessage.objects.exists()  # the report row is its own outbox

    assert sweep_unprocessed() == 1
    report.refresh_from_db()
    assert report.processed_at is not None
    assert report.westrum_orientation


def test_an_urgent_alert_missed_while_the_broker_is_down_is_sent_once_by_the_sweep(
    organisation: Organisation, reporter: User, panel: Panel
) -> None:
    with BROKER_DOWN:
        receipt = submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=URGENT)
    assert receipt.report.live_concern
    assert mail.outbox == []

    assert sweep_urgent_alerts() == 1
    assert sweep_urgent_alerts() == 0
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert receipt.report.reference in alert.subject
    assert set(alert.to) == {panel.duty_email, organisation.alert_email}
    assert "hit her" not in alert.body  # the reference and a link, never the text
    assert Report.objects.get(pk=receipt.report.pk).urgent_alerted


def test_without_a_duty_inbox_the_urgent_alert_goes_to_the_panel_not_the_confidential_contact(
    organisation: Organisation, reporter: User, panel: Panel, panel_member: User, confidential_contact: User
) -> None:
    # The alert's link is the urgent queue, which only panel members can open.
    Panel.objects.filter(pk=panel.pk).update(duty_email="")
    Organisation.objects.filter(pk=organisation.pk).update(alert_email="")
    with BROKER_DOWN:
        submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=URGENT)

    assert sweep_urgent_alerts() == 1
    assert mail.outbox[0].to == [panel_member.email]
    assert "/panel/urgent/" in mail.outbox[0].body


def test_report_work_is_published_after_commit_with_ids_only(organisation: Organisation, reporter: User) -> None:
    with mock.patch("config.celery.app.send_task") as send_task:
        receipt = submit_report(organisation=organisation, author=reporter, identity_mode="anonymous", draft=URGENT)

    published = {call.args[0]: call.kwargs["args"] for call in send_task.call_args_list}
    assert published == {
        "reporting.tasks.process_report": [str(receipt.report.pk)],
        "reporting.tasks.send_urgent_alert": [str(receipt.report.pk)],
    }


def test_sweep_publishes_stale_pending_messages_with_ids_only() -> None:
    message = _learning_message()

    with mock.patch("config.celery.app.send_task") as send_task:
        assert sweep_outbox() == 1

    assert send_task.call_args.args[0] == "lantern.send_learning_email"
    assert send_task.call_args.kwargs["args"] == ["42", message.pk]
    assert OutboxMessage.objects.get().attempts == 1


def test_sweep_leaves_recent_and_done_messages_alone() -> None:
    _learning_message(age_seconds=5)
    done = _learning_message()
    OutboxMessage.objects.filter(pk=done.pk).update(done_at=timezone.now())

    with mock.patch("config.celery.app.send_task") as send_task:
        assert sweep_outbox() == 0
    send_task.assert_not_called()


def test_sweep_stops_at_the_first_broker_failure() -> None:
    for _ in range(3):
        _learning_message()

    with mock.patch("config.celery.app.send_task", side_effect=OSError("still down")) as send_task:
        assert sweep_outbox() == 0
    assert send_task.call_count == 1


def test_mark_done_is_idempotent() -> None:
    message = _learning_message()
    outbox.mark_done(message.pk)
    first = OutboxMessage.objects.get().done_at
    outbox.mark_done(message.pk)
    assert OutboxMessage.objects.get().done_at == first

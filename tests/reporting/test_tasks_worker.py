"""Background processing with a real Celery worker on the real Redis.

What the other tests fake (an in-memory broker, tasks called in-process), these
run for real: a ``celery worker`` subprocess consumes from Redis and writes to
the same test database. They show that a submitted report is processed with no
manual step, that a broker outage or a killed worker loses nothing, and that no
report text ever travels through the broker.

Needs Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379/14): skipped
without it, failed without it under CI=true. See tests/broker.py.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.db.models import F

from reporting.models import Organisation, Report, User
from reporting.services import Draft, submit_report
from reporting.themes import DIMENSIONS, build_themes_for_scope
from tests.broker import BrokerRecorder, WorkerProcess, wait_until
from tests.factories import ReportFactory

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

# Invented personal details; none may reach the broker (nor, redacted away, the database).
NAME = "Marisol Okonkwo-Reyes"
PHONE = "07700 900482"
EMAIL = "marisol.reyes@example.net"
NARRATIVE = (
    f"No interpreter was booked for the visit to {NAME}, so her mum did not understand the plan and the child "
    f"translated for the parent. Mum rang {PHONE} and emailed {EMAIL} to ask for an interpreter in her language."
)
LIVE_NARRATIVE = (
    f"{NAME} told her teacher this morning that her stepdad hit her. As far as I know she is at home with "
    f"him right now and nobody has seen her since. Her mum is on {PHONE}."
)
# Invented narratives on three system issues, enough for a theme build to find themes.
PRIOR_REPORTS = [
    "The interpreter booked for the visit spoke the wrong dialect so the parent did not understand.",
    "No interpreter was available at short notice; we used the phone language line on speaker.",
    "Interpreter cancelled again and the child translated for the parent at the conference.",
    "The translation of the plan arrived late and the family could not read it in their language.",
    "The court bundle was filed late because the statement was written the night before the hearing.",
    "Judge criticised the chronology at the hearing; legal asked for the statement two days before.",
    "Care proceedings timetable slipped because the parenting assessment was not filed on time.",
    "The guardian raised the late statement at the hearing and the court adjourned for two weeks.",
    "The recording system timed out and the visit notes were lost before they could be saved.",
    "Laptop would not log in so I typed the notes on paper and uploaded them at the office later.",
    "The case management system crashed during upload and the form had to be typed up again.",
    "Autosave does not work on the assessment form, so notes are lost whenever the session times out.",
]
UUID = re.compile(r"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


def _submit(organisation: Organisation, narrative: str = NARRATIVE, **kwargs: Any) -> Report:
    kwargs.setdefault("author", None)
    kwargs.setdefault("identity_mode", "anonymous")
    draft = Draft(kind="near_miss", narrative=narrative, service_area="child_protection")
    return submit_report(organisation=organisation, draft=draft, **kwargs).report


def _state(report_id: Any) -> dict[str, Any]:
    return Report.objects.filter(pk=report_id).values("processed_at", "theme_id", *DIMENSIONS).first() or {}


def _processed(report_id: Any) -> bool:
    return Report.objects.filter(pk=report_id, processed_at__isnull=False).exists()


def _wait_processed(worker: WorkerProcess, *report_ids: Any, what: str) -> None:
    wait_until(
        lambda: all(_processed(pk) for pk in report_ids),
        worker=worker,
        what=what,
        details=lambda: "\n".join(f"report {pk}: {_state(pk)}" for pk in report_ids),
    )


def _run_the_sweeps() -> list[str]:
    """Publish every periodic sweep, as beat would on its next tick, with its scheduled arguments."""
    from config.celery import app

    sent = []
    for entry in app.conf.beat_schedule.values():
        if ".sweep_" in entry["task"]:
            app.send_task(entry["task"], args=entry.get("args", ()), kwargs=entry.get("kwargs", {}))
            sent.append(entry["task"])
    assert sent, "no sweep in the beat schedule"
    return sent


def test_a_submitted_report_is_processed_and_themed_by_the_worker(
    worker: WorkerProcess, organisation: Organisation
) -> None:
    for copy in range(2):
        for line in PRIOR_REPORTS:
            ReportFactory(organisation=organisation, narrative=f"{line} (note {copy})", what_would_help="")
    assert build_themes_for_scope(organisation=organisation).themes >= 2

    report = _submit(organisation)

    _wait_processed(worker, report.pk, what="the worker processes a submitted report")
    report.refresh_from_db()
    assert report.representation
    assert all(getattr(report, dim) for dim in DIMENSIONS), report.label_details
    # Close to the interpreter theme, so placed on it between builds.
    assert report.theme is not None, _state(report.pk)
    assert "interpreter" in " ".join([*report.theme.keywords, report.theme.title]).lower()
    assert NAME not in report.narrative and PHONE not in report.narrative and EMAIL not in report.narrative


def test_a_report_submitted_while_the_broker_is_down_is_processed_by_the_sweep(
    worker: WorkerProcess, organisation: Organisation, broker_down: Callable[[], Any]
) -> None:
    with broker_down():
        started = time.monotonic()
        report = _submit(organisation)
        elapsed = time.monotonic() - started

    assert elapsed < 5, f"submit_report took {elapsed:.1f} s with the broker down"
    assert Report.objects.filter(pk=report.pk, processed_at__isnull=True).exists()  # committed, not processed

    sweeps = _run_the_sweeps()

    _wait_processed(worker, report.pk, what=f"the sweeps ({', '.join(sweeps)}) process the report")


def test_a_worker_killed_while_processing_loses_nothing(worker: WorkerProcess, organisation: Organisation) -> None:
    worker.kill()  # idle: the message must wait in Redis for the next worker
    report = _submit(organisation)

    # Hold the report's row (PostgreSQL) or the database's write lock (SQLite),
    # so the worker that takes the message is stuck inside the task, before
    # its commit, when it is killed.
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(reference=F("reference"))
        worker.start()
        worker.wait_for_log(
            r"process_report\[[^\]]+\] received", timeout=30, what="the worker taking the process_report message"
        )
        time.sleep(1)  # into the task, waiting on the lock (SQLite gives up after its 20 s timeout)
        assert worker.alive, worker.diagnostics()
        worker.kill()
    assert not _processed(report.pk), "the worker finished before it was killed: this test proved nothing"

    worker.start()
    sweeps = _run_the_sweeps()

    _wait_processed(
        worker, report.pk, what=f"a fresh worker (redelivery or the sweeps {', '.join(sweeps)}) processes the report"
    )


def test_no_report_text_travels_through_the_broker(
    worker: WorkerProcess, organisation: Organisation, reporter: User, redis_url: str
) -> None:
    with BrokerRecorder(redis_url) as recorder:
        anonymous = _submit(organisation)
        confidential = _submit(
            organisation, LIVE_NARRATIVE, author=reporter, identity_mode="confidential", contact_note=PHONE
        )
        _wait_processed(worker, anonymous.pk, confidential.pk, what="the worker processes both reports")
        wait_until(  # and sends the urgent alert, so any retry it published is recorded too
            lambda: Report.objects.filter(pk=confidential.pk, urgent_alerted=True).exists(),
            worker=worker,
            what="the worker sends the urgent alert",
            details=lambda: str(Report.objects.filter(pk=confidential.pk).values("live_concern", "urgent_alerted")),
        )

    stored_text = [
        text
        for report in Report.objects.filter(pk__in=[anonymous.pk, confidential.pk])
        for text in (report.narrative, report.narrative[:40], report.reference)
    ]
    # Not even the stored (de-identified) text or the reference: the broker needs the id alone.
    forbidden = [NARRATIVE, LIVE_NARRATIVE, NAME, PHONE, EMAIL, reporter.username, reporter.email, *stored_text]
    assert recorder.commands, "MONITOR recorded nothing"
    for command in recorder.commands:
        raw = " ".join(command)
        decoded = [raw]
        for run in BASE64_RUN.findall(raw):  # message bodies are base64 inside kombu's envelope
            with contextlib.suppress(binascii.Error, ValueError):
                decoded.append(base64.b64decode(run + "=" * (-len(run) % 4)).decode("utf-8", "replace"))
        for text in forbidden:
            assert not any(text in haystack for haystack in decoded), f"{text!r} went through Redis: {raw[:200]}"

    worker_log = worker.log()
    assert not any(text in worker_log for text in forbidden[:5]), "report text in the worker's log"

    envelopes = recorder.published()
    tasks = [_task_of(envelope) for envelope in envelopes]
    names = [name for name, _, _ in tasks]
    assert names.count("reporting.tasks.process_report") >= 2, names
    assert "reporting.tasks.send_urgent_alert" in names, names
    for name, args, kwargs in tasks:
        assert not kwargs, (name, kwargs)
        for arg in args:
            assert arg is None or isinstance(arg, int) or (isinstance(arg, str) and UUID.match(arg)), (name, args)


def _task_of(envelope: dict[str, Any]) -> tuple[str, list[Any], dict[str, Any]]:
    assert envelope["content-type"] == "application/json", envelope["content-type"]
    body = json.loads(base64.b64decode(envelope["body"]))
    args, kwargs, _embed = body
    return envelope["headers"]["task"], args, kwargs

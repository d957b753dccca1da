"""Privacy by construction, proved against the whole database, the logs and the broker.

* An anonymous report has no path back to its author: no row of any table
  mentions both the author and the report.
* A confidential identity is readable only by the organisation's confidential
  contact, every read is audited, and it is gone (audited) after closure or
  retention.
* Raw personal details never reach a log line or a broker message; error
  reports scrub request data and local variables.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import models
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.debug import ExceptionReporter

from reporting.choices import IdentityMode, Role
from reporting.identity import destroy_expired_identities, read_reporter_identity
from reporting.models import AuditEvent, Organisation, OutboxMessage, Report, ReporterIdentity, User
from reporting.privacy import NarrativeScrubbingFilter
from reporting.services import Draft, close_reports, submit_report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Invented personal details of every structured kind, plus names.
RAW_DETAILS = (
    "Marisol Okonkwo-Reyes",
    "07700 900482",
    "marisol.reyes@example.net",
    "943 476 5919",
    "QQ 12 34 56 C",
    "NE12 8QT",
    "14 Larchmere Gardens",
    "LCS-771204",
)
NARRATIVE = (
    "Marisol Okonkwo-Reyes (LCS-771204, NHS 943 476 5919) was discharged to 14 Larchmere Gardens, NE12 8QT "
    "before the discharge meeting. Her mum's NI number QQ 12 34 56 C was on the wrong record, and the ward "
    "rang 07700 900482 and emailed marisol.reyes@example.net instead of the allocated worker."
)
LIVE_NARRATIVE = (
    "Marisol Okonkwo-Reyes told her teacher this morning that her stepdad hit her. As far as I know she is "
    "at home with him right now and nobody has seen her since. Her mum is on 07700 900482."
)


@pytest.fixture
def known_author(organisation: Organisation) -> User:
    """A reporter whose every attribute is easy to find anywhere in the database."""
    return UserFactory(
        id=987_654,
        username="qv-known-author",
        email="qv.known.author@lantern-test.example",
        first_name="Quillon",
        last_name="Varga-Smythe",
        organisation=organisation,
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def rows_linking(user: User, report: Report) -> list[str]:
    """Every row, in every table, that mentions both the user and the report."""
    user_model = type(user)
    user_markers = [m for m in (user.username, user.email, user.first_name, user.last_name, str(user.pk)) if m]
    report_markers = [str(report.pk), report.pk.hex, report.reference]
    links: list[str] = []
    for model in apps.get_models(include_auto_created=True):
        fields = model._meta.concrete_fields
        for row in model._default_manager.all():
            mentions_user = model is user_model and row.pk == user.pk
            mentions_report = model is Report and row.pk == report.pk
            for field in fields:
                value = field.value_from_object(row)
                if isinstance(field, models.ForeignKey | models.OneToOneField):
                    mentions_user |= field.related_model is user_model and value == user.pk
                    mentions_report |= field.related_model is Report and value == report.pk
                    continue
                text = _text(value)
                mentions_user |= any(marker in text for marker in user_markers)
                mentions_report |= any(marker in text for marker in report_markers)
            if mentions_user and mentions_report:
                links.append(f"{model._meta.label} pk={row.pk}")
    return links


def post_report(client: Client, narrative: str, **extra: Any) -> dict[str, Any]:
    body = {"kind": "near_miss", "narrative": narrative, "service_area": "child_protection", **extra}
    response = client.post("/api/v1/reports/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def process_everything() -> None:
    """Run the background processing a worker would do."""
    from reporting.tasks import sweep_unprocessed, sweep_urgent_alerts

    sweep_unprocessed()
    sweep_urgent_alerts()


# --- anonymous ---------------------------------------------------------------------------------


def test_anonymous_report_has_no_path_back_to_its_author(
    login: Callable[[User | None], Client],
    known_author: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        body = post_report(login(known_author), NARRATIVE, identity_mode="anonymous", contact_note="Call me")
    process_everything()
    report = Report.objects.get(reference=body["reference"])

    # Sanity: the scanner does find a link where one exists (a confidential report).
    with django_capture_on_commit_callbacks(execute=True):
        confidential = post_report(login(known_author), NARRATIVE, identity_mode="confidential")
    assert rows_linking(known_author, Report.objects.get(reference=confidential["reference"]))

    assert rows_linking(known_author, report) == []
    assert not ReporterIdentity.objects.filter(report=report).exists()
    assert not AuditEvent.objects.filter(object_id=str(report.pk), actor__isnull=False).exists()
    assert not AuditEvent.objects.filter(actor=known_author).exists()
    assert not OutboxMessage.objects.exists()  # reports are their own outbox


def test_no_timestamp_ties_an_anonymous_report_to_its_author(
    login: Callable[[User | None], Client], known_author: User, django_capture_on_commit_callbacks: Any
) -> None:
    """The author's session row records the moment of every request
    (SESSION_SAVE_EVERY_REQUEST), so nothing stored about an anonymous report
    may carry a time of day: only dates, or midnight."""
    client = login(known_author)
    with django_capture_on_commit_callbacks(execute=True):
        body = post_report(client, LIVE_NARRATIVE, identity_mode="anonymous")
    process_everything()
    report = Report.objects.get(reference=body["reference"])

    stored_times = [
        getattr(row, field.name)
        for row in (report, *AuditEvent.objects.filter(object_id=str(report.pk)))
        for field in row._meta.concrete_fields
        if isinstance(field, models.DateTimeField) and getattr(row, field.name) is not None
    ]
    assert stored_times, "expected the audit row at least"
    for value in stored_times:
        assert timezone.localtime(value).time() == dt.time.min, f"{value} carries a time of day"
    assert not OutboxMessage.objects.exists()


def test_anonymous_report_stores_no_contact_note_anywhere(
    login: Callable[[User | None], Client], known_author: User
) -> None:
    post_report(login(known_author), NARRATIVE, identity_mode="anonymous", contact_note="Ring Quillon on 01632 960555")
    for model in apps.get_models(include_auto_created=True):
        for row in model._default_manager.all():
            for field in model._meta.concrete_fields:
                assert "01632 960555" not in _text(field.value_from_object(row)), model._meta.label


# --- confidential ---------------------------------------------------------------------------------


@pytest.fixture
def confidential_report(organisation: Organisation, known_author: User) -> Report:
    return submit_report(
        organisation=organisation,
        author=known_author,
        identity_mode=IdentityMode.CONFIDENTIAL,
        draft=Draft(kind="near_miss", narrative=NARRATIVE),
        contact_note="Mornings only",
    ).report


def test_only_the_confidential_contact_reads_the_identity_and_each_read_is_audited(
    confidential_report: Report,
    confidential_contact: User,
    panel_member: User,
    leader: User,
    administrator: User,
    known_author: User,
    other_organisation: Organisation,
) -> None:
    other_contact = UserFactory(
        username="other-contact", organisation=other_organisation, roles=[Role.CONFIDENTIAL_CONTACT]
    )
    everyone_else = [panel_member, leader, administrator, known_author, other_contact]
    for user in everyone_else:
        with pytest.raises(PermissionDenied):
            read_reporter_identity(actor=user, report=confidential_report)
    assert not AuditEvent.objects.filter(action="identity.read").exists()

    for _ in range(2):
        identity = read_reporter_identity(actor=confidential_contact, report=confidential_report)
        assert identity.user == known_author
        assert identity.contact_note == "Mornings only"

    reads = AuditEvent.objects.filter(action="identity.read", object_id=str(confidential_report.pk))
    assert reads.count() == 2
    assert set(reads.values_list("actor", flat=True)) == {confidential_contact.pk}


def test_identity_is_gone_after_closure_and_the_destruction_audited(
    confidential_report: Report, confidential_contact: User, leader: User, known_author: User
) -> None:
    assert rows_linking(known_author, confidential_report)  # the identity store links them, for now

    close_reports(actor=leader, report_ids=[confidential_report.pk], reason="test")

    assert not ReporterIdentity.objects.filter(report=confidential_report).exists()
    with pytest.raises(ReporterIdentity.DoesNotExist):
        read_reporter_identity(actor=confidential_contact, report=confidential_report)
    destroyed = AuditEvent.objects.get(action="identity.destroyed", object_id=str(confidential_report.pk))
    assert destroyed.actor is None
    assert destroyed.after == {"reason": "report closed"}
    assert rows_linking(known_author, confidential_report) == []


def test_identity_is_destroyed_after_the_retention_period(
    confidential_report: Report, organisation: Organisation, known_author: User, settings: Any
) -> None:
    settings.IDENTITY_RETENTION_DAYS = 90
    fresh = submit_report(
        organisation=organisation,
        author=known_author,
        identity_mode=IdentityMode.CONFIDENTIAL,
        draft=Draft(kind="workaround", narrative="Paper notes typed up on Fridays."),
    ).report
    assert fresh.identity.destroy_after == timezone.localdate() + dt.timedelta(days=90)
    ReporterIdentity.objects.filter(report=confidential_report).update(
        destroy_after=timezone.localdate() - dt.timedelta(days=1)
    )

    assert destroy_expired_identities() == 1

    assert not ReporterIdentity.objects.filter(report=confidential_report).exists()
    assert ReporterIdentity.objects.filter(report=fresh).exists()  # still within retention
    event = AuditEvent.objects.get(action="identity.destroyed", object_id=str(confidential_report.pk))
    assert event.after == {"reason": "retention period ended"}
    assert rows_linking(known_author, confidential_report) == []
    assert destroy_expired_identities() == 0  # idempotent


# --- logs, broker, error reports -------------------------------------------------------------------


@pytest.fixture
def every_log_record(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """caplog at DEBUG on every logger, including those that do not propagate."""
    caplog.set_level(logging.DEBUG)
    quiet = []
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
        logger = logging.getLogger(name)
        if not logger.propagate:
            logger.addHandler(caplog.handler)
            quiet.append(logger)
    yield caplog
    for logger in quiet:
        logger.removeHandler(caplog.handler)


def test_raw_details_never_reach_a_log_line(
    login: Callable[[User | None], Client],
    reporter: User,
    every_log_record: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import_file = tmp_path / "in.jsonl"
    import_file.write_text(
        json.dumps({"id": "p-1", "narrative": NARRATIVE, "what_would_help": "Ask Marisol Okonkwo-Reyes."})
        + "\n"
        + '{"id": "p-2", "narrative": "Marisol Okonkwo-Reyes 07700 900482\n'  # malformed: reported, not echoed
        + json.dumps({"id": "p-3", "kind": "bogus", "narrative": NARRATIVE})
        + "\n"
    )
    client = login(reporter)
    out, err = StringIO(), StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        post_report(client, NARRATIVE, identity_mode="anonymous")
        post_report(client, LIVE_NARRATIVE, identity_mode="confidential", reached_child="yes")
        client.post(
            "/api/v1/reports/preview/",
            data=json.dumps({"kind": "near_miss", "narrative": NARRATIVE}),
            content_type="application/json",
        )
        client.post(
            "/api/v1/reports/", data=json.dumps({"kind": "x", "narrative": NARRATIVE}), content_type="application/json"
        )
        call_command("import_reports", str(import_file), "--organisation", "northshire", stdout=out, stderr=err)
    process_everything()

    assert Report.objects.count() == 3
    assert "rejected 2" in out.getvalue()
    captured = capsys.readouterr()
    records = every_log_record.records
    assert records, "expected some log output (e.g. the outbox or processing)"
    haystacks = [r.getMessage() for r in records] + [every_log_record.text, out.getvalue(), err.getvalue()]
    haystacks += [captured.out, captured.err]
    for detail in RAW_DETAILS:
        for haystack in haystacks:
            assert detail not in haystack


@pytest.mark.parametrize("broker", ["recorded", "memory"])
def test_broker_messages_carry_ids_only(
    login: Callable[[User | None], Client],
    reporter: User,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    broker: str,
) -> None:
    from config.celery import app

    sent: list[tuple[str, Any, Any]] = []
    if broker == "memory":
        list(_drain_memory_broker(app))  # the in-memory broker is per process: start from empty
    else:
        monkeypatch.setattr(
            app, "send_task", lambda name, args=None, kwargs=None, **_: sent.append((name, args, kwargs))
        )
    import_file = tmp_path / "in.jsonl"
    import_file.write_text(json.dumps({"id": "b-1", "narrative": NARRATIVE}) + "\n")

    with django_capture_on_commit_callbacks(execute=True):
        post_report(login(reporter), NARRATIVE, identity_mode="anonymous")
        post_report(login(reporter), LIVE_NARRATIVE, identity_mode="confidential", reached_child="yes")
        call_command("import_reports", str(import_file), "--organisation", "northshire", stdout=StringIO())

    report_ids = {str(pk) for pk in Report.objects.values_list("pk", flat=True)}
    if broker == "memory":
        sent = list(_drain_memory_broker(app))
    assert len(sent) == 4  # three process_report, one send_urgent_alert
    for name, args, kwargs in sent:
        assert name in {"reporting.tasks.process_report", "reporting.tasks.send_urgent_alert"}
        (object_id,) = args
        assert object_id in report_ids
        assert not kwargs
        for detail in (*RAW_DETAILS, reporter.username, reporter.email):
            assert detail not in json.dumps([args, kwargs])


def _drain_memory_broker(app: Any) -> Iterator[tuple[str, Any, Any]]:
    """Every message waiting in the in-memory broker, body and headers decoded."""
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(app.conf.task_default_queue)
        try:
            while True:
                try:
                    message = queue.get(block=False)
                except queue.Empty:
                    return
                raw = json.dumps([message.headers, message.body], default=str)
                assert not any(detail in raw for detail in RAW_DETAILS)
                args, kwargs, _embed = message.payload
                message.ack()
                yield message.headers["task"], args, kwargs
        finally:
            queue.close()


def test_error_reports_scrub_request_data_and_local_variables(
    login: Callable[[User | None], Client],
    reporter: User,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import api.views

    def explode(**kwargs: Any) -> None:
        draft = kwargs["draft"]  # a local holding the raw narrative, as a real bug's frame would
        raise RuntimeError(f"boom after {len(draft.narrative)} characters")

    monkeypatch.setattr(api.views, "submit_report", explode)
    client = login(reporter)
    client.raise_request_exception = False
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    try:
        response = client.post(
            "/api/v1/reports/",
            data=json.dumps({"kind": "near_miss", "narrative": NARRATIVE}),
            content_type="application/json",
        )
    finally:
        logger.removeHandler(caplog.handler)

    assert response.status_code == 500
    assert not any(detail in response.content.decode() for detail in RAW_DETAILS)
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    # What an error e-mail or an error tracker would be given.
    report = ExceptionReporter(record.request, *record.exc_info, is_email=True)  # type: ignore[attr-defined]
    assert isinstance(report.filter, NarrativeScrubbingFilter)
    for rendered in (report.get_traceback_text(), report.get_traceback_html()):
        assert "boom after" in rendered
        for detail in RAW_DETAILS:
            assert detail not in rendered


def test_form_posts_are_scrubbed_from_error_reports() -> None:
    request = RequestFactory().post("/report/", {"narrative": NARRATIVE, "kind": "near_miss"})
    try:
        narrative = request.POST["narrative"]
        raise ValueError(f"failed on a {len(narrative)}-character narrative")
    except ValueError:
        text = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "failed on a" in text
    for detail in RAW_DETAILS:
        assert detail not in text
    scrubbed = NarrativeScrubbingFilter().get_post_parameters(request)
    assert set(scrubbed) == {"narrative", "kind"}
    assert all(value == NarrativeScrubbingFilter.cleansed_substitute for value in scrubbed.values())

"""manage.py import_reports, as docs/CONTRACTS.md describes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reporting.models import AuditEvent, Organisation, OutboxMessage, Report, ReporterIdentity
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "id": "src-1",
        "kind": "near_miss",
        "service_area": "front_door",
        "narrative": "The referral for Poppy Adeyemi (DOB 03/04/2019) sat in the MASH inbox for six days.",
        "what_would_help": "Call Mr Adeyemi on 07700 900321 when a referral is delayed.",
        "submitted_at": "2025-01-15T23:30:00+00:00",
    },
    {
        "id": "src-2",
        "kind": "workaround",
        "narrative": "The recording system timed out, so I wrote visit notes on paper and typed them up on Friday.",
        "unknown_key": "ignored",
    },
    {"id": 3, "narrative": "Supervision was cancelled three times this quarter because of cover."},
]


def write_lines(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_reports", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_each_line_as_an_anonymous_de_identified_report(tmp_path: Path) -> None:
    out, err = run(str(write_lines(tmp_path / "in.jsonl", GOOD)), "--organisation", "eastfield")

    assert out.strip() == "imported 3, skipped 0 already present, rejected 0"
    assert err == ""
    organisation = Organisation.objects.get(slug="eastfield")  # created, as it was missing
    reports = {r.source_reference: r for r in Report.objects.filter(organisation=organisation)}
    assert set(reports) == {"src-1", "src-2", "3"}
    first = reports["src-1"]
    assert first.identity_mode == "anonymous"
    assert first.service_area == "front_door"
    for detail in ("Poppy", "Adeyemi", "03/04/2019", "07700 900321"):
        assert detail not in first.narrative + first.what_would_help
    # Only the day is kept, in the product's time zone (23:30 UTC is 23:30 in January London).
    assert str(first.submitted_on) == "2025-01-15"
    assert reports["src-2"].kind == "workaround"
    assert reports["3"].kind == "near_miss"  # the format's kind is optional
    assert reports["3"].submitted_on == timezone.localdate()
    assert not ReporterIdentity.objects.exists()
    assert not AuditEvent.objects.filter(actor__isnull=False).exists()
    # The same background processing as a web submission: each report waits, unprocessed, for it.
    assert Report.objects.unprocessed().count() == 3


def test_re_importing_the_same_file_creates_nothing_new(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", GOOD)
    run(str(path), "--organisation", "eastfield")
    before = (Report.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count())

    out, _ = run(str(path), "--organisation", "eastfield")

    assert out.strip() == "imported 0, skipped 3 already present, rejected 0"
    assert (Report.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count()) == before


def test_the_same_source_reference_in_another_organisation_is_a_different_report(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", GOOD)
    run(str(path), "--organisation", "eastfield")
    out, _ = run(str(path), "--organisation", "westfield")
    assert out.startswith("imported 3,")
    assert Report.objects.filter(source_reference="src-1").count() == 2


def test_an_existing_organisation_is_used(tmp_path: Path) -> None:
    organisation = OrganisationFactory(slug="northshire", name="Northshire Children's Services")
    run(str(write_lines(tmp_path / "in.jsonl", GOOD[:1])), "--organisation", "northshire")
    assert Report.objects.get().organisation == organisation
    assert Organisation.objects.count() == 1


def test_bad_lines_are_reported_by_number_and_the_rest_carries_on(tmp_path: Path) -> None:
    lines: list[Any] = [
        GOOD[0],
        '{"id": "broken", "narrative": "Sam Jones said',  # 2: malformed JSON
        {"narrative": "No id here, about Sam Jones."},  # 3
        {"id": "no-narrative"},  # 4
        {"id": "bad-kind", "kind": "disaster", "narrative": "Sam Jones was blamed."},  # 5
        {"id": "bad-area", "service_area": "mars", "narrative": "Sam Jones again."},  # 6
        {"id": "bad-date", "submitted_at": "last Tuesday", "narrative": "Sam Jones on a Tuesday."},  # 7
        ["not", "an", "object"],  # 8
        {"id": "empty", "narrative": "   "},  # 9
        "",  # 10: blank lines are not records
        GOOD[1],  # 11
        {"id": True, "narrative": "Sam Jones."},  # 12
        {"id": "x" * 101, "narrative": "Sam Jones."},  # 13
    ]
    out, err = run(str(write_lines(tmp_path / "in.jsonl", lines)), "--organisation", "eastfield")

    assert out.strip() == "imported 2, skipped 0 already present, rejected 10"
    messages = err.strip().splitlines()
    assert [m.split(":")[0] for m in messages] == [f"line {n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 12, 13)]
    assert "not valid JSON" in messages[0]
    assert "missing id" in messages[1]
    assert "missing narrative" in messages[2]
    assert messages[3].startswith("line 5: kind:")
    assert messages[4].startswith("line 6: service_area:")
    assert "submitted_at" in messages[5]
    assert "narrative" in messages[7]
    assert "Sam Jones" not in err  # reasons name fields, never report text
    assert set(Report.objects.values_list("source_reference", flat=True)) == {"src-1", "src-2"}


def test_a_line_repeated_in_one_file_is_imported_once(tmp_path: Path) -> None:
    out, _ = run(str(write_lines(tmp_path / "in.jsonl", [GOOD[0], GOOD[0]])), "--organisation", "eastfield")
    assert out.strip() == "imported 1, skipped 1 already present, rejected 0"


def test_dry_run_checks_everything_and_writes_nothing(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [*GOOD, {"id": "bad", "kind": "nope", "narrative": "x"}])
    out, err = run(str(path), "--organisation", "eastfield", "--dry-run")

    assert out.strip() == "imported 3, skipped 0 already present, rejected 1 (dry run: nothing written)"
    assert err.startswith("line 4: kind:")
    assert not Organisation.objects.exists()
    assert (Report.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


def test_live_concern_lines_are_screened_like_web_reports(tmp_path: Path) -> None:
    line = {
        "id": "live-1",
        "narrative": "She told her teacher this morning that her stepdad hit her. As far as I know she is at home "
        "with him right now and nobody has seen her since.",
    }
    run(str(write_lines(tmp_path / "in.jsonl", [line])), "--organisation", "eastfield")
    report = Report.objects.get()
    assert report.live_concern
    assert not report.urgent_alerted  # the alert is the sweep's or the worker's to send


def test_a_file_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        run(str(tmp_path / "missing.jsonl"), "--organisation", "eastfield")
    with pytest.raises(CommandError, match="cannot read"):
        run(str(tmp_path), "--organisation", "eastfield")  # a directory
    assert not Organisation.objects.exists()


def test_a_bad_organisation_slug_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="slug"):
        run(str(write_lines(tmp_path / "in.jsonl", GOOD)), "--organisation", "not a slug")


def test_undecodable_line_is_rejected_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps(GOOD[0]).encode() + b"\n\xff\xfe{bad bytes}\n" + json.dumps(GOOD[1]).encode() + b"\n")
    out, err = run(str(path), "--organisation", "eastfield")
    assert out.strip() == "imported 2, skipped 0 already present, rejected 1"
    assert err.strip() == "line 2: not UTF-8 text"


def test_exit_status_from_the_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    result = subprocess.run(
        [sys.executable, str(manage), "import_reports", str(tmp_path / "missing.jsonl"), "--organisation", "x"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0
    assert "cannot read" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_costs_one_attempt_and_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.celery import app

    attempts: list[str] = []

    def refuse(name: str, *args: Any, **kwargs: Any) -> None:
        attempts.append(name)
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(app, "send_task", refuse)
    out, _ = run(str(write_lines(tmp_path / "in.jsonl", GOOD)), "--organisation", "eastfield")

    assert out.strip() == "imported 3, skipped 0 already present, rejected 0"
    assert len(attempts) == 1  # not one connection timeout per report
    assert Report.objects.unprocessed().count() == 3  # all still there for sweep_unprocessed


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_up_every_report_is_published_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.celery import app

    sent: list[Any] = []
    monkeypatch.setattr(app, "send_task", lambda name, args=None, **kwargs: sent.append((name, args)))
    run(str(write_lines(tmp_path / "in.jsonl", GOOD)), "--organisation", "eastfield")

    report_ids = sorted(str(pk) for pk in Report.objects.values_list("pk", flat=True))
    assert sorted(args[0] for _, args in sent) == report_ids
    assert {name for name, _ in sent} == {"reporting.tasks.process_report"}

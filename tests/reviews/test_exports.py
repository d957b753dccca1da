"""Review packs: the DOCX parses, the PDF renders, small counts never appear."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from reviews.exports import chart_series, collect_review_pack, render_chart_png, render_docx, render_pdf, shown_count
from reviews.models import ExportFormat, ExportJob, ExportState
from reviews.services import thematic as svc
from reviews.tasks import build_review_export
from tests.reviews.thematic_helpers import FUTURE, make_theme

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Terms of reference",
    "Review questions",
    "Themes and evidence",
    "Charts",
    "Findings",
    "Systemic contributory factors",
    "Recommendations",
    "Actions",
]
# A bare 3 anywhere in the pack would be a suppressed count leaking (dates are
# zero-padded, and no other text in this review holds a lone 3).
LEAKED_THREE = re.compile(r"(?<![\d.-])3(?![\d.])")


@pytest.fixture
def review(panel_member, panel):
    big = make_theme(panel.organisation, title="Police notifications arrive late", reports=6)
    small = make_theme(panel.organisation, title="Interpreters unavailable", reports=3, learning_together="tools")
    review = svc.start_review(
        actor=panel_member,
        panel=panel,
        themes=[big, small],
        title="Information from partners",
        terms_of_reference="How information from partner agencies reaches social workers.",
    )
    question = svc.add_review_question(actor=panel_member, review=review, text="Where does information wait?")
    svc.answer_review_question(actor=panel_member, question=question, answer="In shared inboxes without an owner.")
    finding = svc.add_finding(
        actor=panel_member,
        review=review,
        text="Shared inboxes have no owner out of hours.",
        learning_together="multi_agency_incidents",
    )
    svc.add_contributory_factor(
        actor=panel_member, review=review, category="recording_system", description="The inbox raises no alert."
    )
    recommendation = svc.add_recommendation(
        actor=panel_member, review=review, text="Give each inbox an owner role.", finding=finding
    )
    svc.add_action(
        actor=panel_member,
        review=review,
        description="Name an owner role for the police inbox",
        owner="Front Door team manager",
        due_date=FUTURE,
        recommendation=recommendation,
    )
    return review


def docx_text(content: bytes) -> tuple[list[str], str]:
    document = Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return headings, "\n".join([p.text for p in document.paragraphs] + cells)


def test_shown_count_suppresses_below_threshold():
    assert shown_count(0) == "0" and shown_count(3) == "fewer than 5" and shown_count(5) == "5"


def test_charts_leave_out_small_categories():
    series = chart_series("Mix", [("Tools", 3), ("Management systems", 7), ("Human reasoning", 0)], threshold=5)
    assert series.bars == (("Management systems", 7),) and series.hidden == 1
    assert render_chart_png(series)[:8] == b"\x89PNG\r\n\x1a\n"
    assert render_chart_png(chart_series("Mix", [("Tools", 3)], threshold=5)) is None


def test_docx_parses_with_its_headings_and_suppresses_small_counts(review):
    pack = collect_review_pack(review)
    headings, text = docx_text(render_docx(pack))
    assert headings[0] == "Information from partners"
    assert all(h in headings for h in HEADINGS)
    assert "Interpreters unavailable" in headings and "Police notifications arrive late" in headings
    assert "Reports in theme: fewer than 5." in text and "Reports in theme: 6." in text
    assert "Multi-agency working in response to incidents and crises: " in text
    assert "Front Door team manager" in text
    assert not LEAKED_THREE.search(text), LEAKED_THREE.search(text)
    # The small theme's engine excerpt is held back: one of three reports could be recognised.
    assert text.count("nine days late") == 1 + sum("nine days late" in e for e in pack.excerpts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_to_an_image_and_suppresses_small_counts(review, tmp_path):
    content = render_pdf(collect_review_pack(review))
    assert content.startswith(b"%PDF")
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    assert page.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and page.stat().st_size > 1000
    raw = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    text = " ".join(raw.split())  # table cells and paragraphs wrap
    for heading in HEADINGS:
        assert heading in text
    assert "fewer than 5" in text and "Front Door team manager" in text
    assert not LEAKED_THREE.search(text), LEAKED_THREE.search(text)


@pytest.mark.parametrize("fmt", [ExportFormat.DOCX, ExportFormat.PDF])
def test_export_task_writes_a_random_file_under_media_root_once(
    review, panel_member, settings, tmp_path, fmt, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    with django_capture_on_commit_callbacks(execute=False):
        job = svc.request_export(actor=panel_member, review=review, format=fmt)
    assert build_review_export(job.pk) == ExportState.DONE
    job.refresh_from_db()
    assert job.state == ExportState.DONE and job.progress == 100
    path = Path(settings.MEDIA_ROOT) / job.file_name
    assert path.is_file() and path.suffix == f".{fmt}"
    assert "review" not in path.name and len(path.stem) >= 30  # unguessable, says nothing
    assert not str(path).startswith(str(settings.STATIC_ROOT))
    # A second delivery of the same task finds nothing to claim.
    assert build_review_export(job.pk) == "skipped"


def test_a_failed_build_marks_the_job_failed(review, panel_member, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    job = ExportJob.objects.create(review=review, format="docx", requested_by=panel_member)

    def broken(pack, progress=None):
        raise RuntimeError("boom")

    monkeypatch.setitem(__import__("reviews.exports").exports.RENDERERS, "docx", broken)
    assert build_review_export(job.pk) == ExportState.FAILED
    job.refresh_from_db()
    assert job.state == ExportState.FAILED and job.error == "RuntimeError" and not job.file_name


def test_an_export_requested_while_the_broker_is_down_is_built_by_the_sweep(
    review, panel_member, settings, tmp_path, django_capture_on_commit_callbacks
):
    from unittest import mock

    from reviews.tasks import sweep_queued_exports

    settings.MEDIA_ROOT = tmp_path / "media"
    broker_down = mock.patch("celery.app.task.Task.apply_async", side_effect=ConnectionRefusedError("broker down"))
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        job = svc.request_export(actor=panel_member, review=review, format=ExportFormat.DOCX)
    assert ExportJob.objects.get(pk=job.pk).state == ExportState.QUEUED

    assert sweep_queued_exports() == 0  # too recent: the original message may still arrive
    ExportJob.objects.filter(pk=job.pk).update(requested_at=timezone.now() - dt.timedelta(minutes=5))
    assert sweep_queued_exports() == 1
    job.refresh_from_db()
    assert job.state == ExportState.DONE and (Path(settings.MEDIA_ROOT) / job.file_name).is_file()
    assert sweep_queued_exports() == 0


def test_old_packs_are_deleted_and_the_panel_is_told_to_ask_again(review, panel_member, client, settings, tmp_path):
    import os

    from reviews.tasks import expire_exports

    settings.MEDIA_ROOT = tmp_path
    settings.EXPORT_RETENTION_DAYS = 7
    old, fresh = (ExportJob.objects.create(review=review, format="docx", requested_by=panel_member) for _ in range(2))
    for job in (old, fresh):
        assert build_review_export(job.pk) == ExportState.DONE
    old_file = tmp_path / ExportJob.objects.get(pk=old.pk).file_name
    fresh_file = tmp_path / ExportJob.objects.get(pk=fresh.pk).file_name
    ExportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=8))
    # A file no job points to (its review was deleted), old and new.
    orphan, new_orphan = tmp_path / "exports" / "orphan.pdf", tmp_path / "exports" / "new-orphan.pdf"
    orphan.write_bytes(b"%PDF"), new_orphan.write_bytes(b"%PDF")
    eight_days_ago = (timezone.now() - dt.timedelta(days=8)).timestamp()
    os.utime(orphan, (eight_days_ago, eight_days_ago))

    assert expire_exports() == 2
    assert not old_file.exists() and not orphan.exists()
    assert fresh_file.is_file() and new_orphan.is_file()
    old.refresh_from_db()
    assert old.state == ExportState.EXPIRED and old.file_name == ""
    assert expire_exports() == 0  # idempotent

    client.force_login(panel_member)
    page = client.get(reverse("reviews:export", kwargs={"job_id": old.pk}))
    assert page.status_code == 200
    assert b"deleted 7 days after they are built" in page.content
    assert client.get(reverse("reviews:export-download", kwargs={"job_id": old.pk})).status_code == 404


def test_a_job_whose_worker_died_is_failed_so_the_panel_can_ask_again(review, panel_member, settings):
    from reviews.tasks import expire_exports

    stuck = ExportJob.objects.create(review=review, format="pdf", requested_by=panel_member, state=ExportState.RUNNING)
    busy = ExportJob.objects.create(review=review, format="pdf", requested_by=panel_member, state=ExportState.RUNNING)
    long_ago = timezone.now() - dt.timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT + 60)
    ExportJob.objects.filter(pk=stuck.pk).update(requested_at=long_ago)
    expire_exports()
    stuck.refresh_from_db(), busy.refresh_from_db()
    assert stuck.state == ExportState.FAILED and stuck.error == "Interrupted"
    assert busy.state == ExportState.RUNNING


LONG_WORD = "x" * 6000


@pytest.mark.parametrize("renderer", [render_pdf, render_docx])
def test_a_very_long_unbroken_word_never_breaks_a_pack(review, panel_member, renderer):
    svc.add_action(
        actor=panel_member, review=review, description=LONG_WORD, owner="Front Door team manager", due_date=FUTURE
    )
    svc.add_finding(actor=panel_member, review=review, text=LONG_WORD, learning_together="tools")
    assert renderer(collect_review_pack(review))[:4] in (b"%PDF", b"PK\x03\x04")


def test_a_failed_pack_tells_the_panel_why_and_what_to_do(review, panel_member, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = ExportJob.objects.create(
        review=review, format="pdf", requested_by=panel_member, state=ExportState.FAILED, error="LayoutError"
    )
    client.force_login(panel_member)
    page = client.get(reverse("reviews:export", kwargs={"job_id": job.pk})).content.decode()
    assert "too long to fit on a page" in page

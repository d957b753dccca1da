"""Celery tasks of the reviews app. Arguments are ids only; each task re-reads
state and exits if its work is already done."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from reporting import outbox
from reporting.models import PublishedLearning, User
from reporting.tasks import RETRY
from reviews.exports import RENDERERS, collect_review_pack
from reviews.models import ExportJob, ExportState, LearningEmailDelivery

logger = logging.getLogger(__name__)

EXPORT_DIR = "exports"


@shared_task(name="lantern.send_learning_email", **RETRY)
def send_learning_email(learning_id: str, outbox_id: int | None = None) -> int:
    """Email a published learning summary to every member of staff in scope who
    opted in (``User.learning_emails``).

    At-least-once: a ``LearningEmailDelivery`` row is written right after each
    mail is handed to the mail server, and people who already have one are
    skipped, so a re-delivered task mails only those it had not reached. A
    crash between sending and recording sends that one mail twice, never zero
    times. Returns how many mails this run sent.
    """
    learning = PublishedLearning.objects.filter(pk=learning_id).first()
    if learning is None:
        outbox.mark_done(outbox_id)
        return 0
    already = LearningEmailDelivery.objects.filter(learning=learning).values_list("user_id", flat=True)
    recipients = (
        User.objects.filter(organisation__in=learning.organisations.all(), learning_emails=True, is_active=True)
        .exclude(email="")
        .exclude(pk__in=already)
        .order_by("pk")
    )
    link = f"{settings.SITE_URL}{reverse('learning')}"
    sent = 0
    for user in recipients.iterator():
        send_mail(
            subject=f"Lantern learning: {learning.title}",
            message=(
                "You said, we did: the review panel has published learning from reports like yours.\n\n"
                f"What is changing:\n{learning.what_is_changing}\n\n"
                f"Read the full summary: {link}\n\n"
                "You get this email because you asked for learning summaries. "
                "You can turn them off in Lantern."
            ),
            from_email=None,
            recipient_list=[user.email],
        )
        LearningEmailDelivery.objects.get_or_create(learning=learning, user=user)
        sent += 1
    outbox.mark_done(outbox_id)
    return sent


@shared_task(name="lantern.build_review_export")
def build_review_export(job_id: int) -> str:
    """Build one review pack into a file under MEDIA_ROOT with a random name.

    At-most-once per job: the job is claimed with a conditional UPDATE
    (queued -> running), so a duplicate delivery finds nothing to claim and
    exits. A failure marks the job failed; the panel can ask for a new one.
    Returns the final state.
    """
    claimed = ExportJob.objects.filter(pk=job_id, state=ExportState.QUEUED).update(
        state=ExportState.RUNNING, progress=5
    )
    if not claimed:
        return "skipped"
    job = ExportJob.objects.select_related("review__panel").get(pk=job_id)

    def progress(percent: int) -> None:
        ExportJob.objects.filter(pk=job_id).update(progress=min(99, max(percent, 5)))

    try:
        pack = collect_review_pack(job.review)
        progress(10)
        content = RENDERERS[job.format](pack, progress)
        relative = f"{EXPORT_DIR}/{secrets.token_urlsafe(24)}.{job.format}"
        path = Path(settings.MEDIA_ROOT) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    except Exception as exc:
        # The exception's type only: a message (or traceback) could quote review text.
        logger.error("export job %s failed: %s", job_id, type(exc).__name__)
        ExportJob.objects.filter(pk=job_id).update(
            state=ExportState.FAILED, error=type(exc).__name__[:300], finished_at=timezone.now()
        )
        return ExportState.FAILED
    ExportJob.objects.filter(pk=job_id).update(
        state=ExportState.DONE, progress=100, file_name=relative, finished_at=timezone.now()
    )
    return ExportState.DONE


@shared_task(name="lantern.sweep_queued_exports")
def sweep_queued_exports(older_than_seconds: int = 120, limit: int = 10) -> int:
    """Build export jobs still queued a while after they were requested (the
    broker was down at the time, or the message was lost). The job row is its
    own outbox; the build runs here, in the worker, and claims each job at
    most once, so a late original message finds nothing to do."""
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    job_ids = list(
        ExportJob.objects.filter(state=ExportState.QUEUED, requested_at__lt=cutoff)
        .order_by("requested_at")
        .values_list("pk", flat=True)[:limit]
    )
    for job_id in job_ids:
        build_review_export(job_id)
    return len(job_ids)


@shared_task(name="lantern.expire_exports")
def expire_exports() -> int:
    """Delete review packs older than ``EXPORT_RETENTION_DAYS``: a pack quotes
    de-identified reports and findings, and a copy nobody needs is a copy that
    can leak. Also fails jobs whose worker died while building them (past the
    hard task time limit nothing can still be running) so the panel can ask
    again, and deletes pack files no job points to (their review was deleted,
    or the worker died between writing the file and recording it).

    At-least-once and idempotent: a missing file counts as deleted, and a
    second run finds nothing left. Returns how many files were deleted.
    """
    now = timezone.now()
    kept_since = now - dt.timedelta(days=settings.EXPORT_RETENTION_DAYS)
    ExportJob.objects.filter(
        state=ExportState.RUNNING, requested_at__lt=now - dt.timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)
    ).update(state=ExportState.FAILED, error="Interrupted", finished_at=now)

    root = Path(settings.MEDIA_ROOT)
    deleted = 0
    for job in ExportJob.objects.filter(state=ExportState.DONE, finished_at__lt=kept_since).only("pk", "file_name"):
        (root / job.file_name).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk).update(state=ExportState.EXPIRED, file_name="")
        deleted += 1

    known = set(ExportJob.objects.exclude(file_name="").values_list("file_name", flat=True))
    for path in (root / EXPORT_DIR).glob("*"):
        relative = f"{EXPORT_DIR}/{path.name}"
        if path.is_file() and relative not in known and path.stat().st_mtime < kept_since.timestamp():
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted

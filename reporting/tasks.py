"""Celery tasks of the reporting app. Arguments are ids only; each task
re-reads state and exits if its work is already done."""

from __future__ import annotations

import logging
from typing import TypedDict

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

from reporting import outbox
from reporting.identity import destroy_expired_identities as destroy_expired
from reporting.models import Panel, Report, User

logger = logging.getLogger(__name__)


class RetryOptions(TypedDict):
    """``shared_task`` retry options, typed so its overloads can check them."""

    autoretry_for: tuple[type[BaseException], ...]
    retry_backoff: bool
    retry_backoff_max: int
    max_retries: int


RETRY: RetryOptions = {"autoretry_for": (Exception,), "retry_backoff": True, "retry_backoff_max": 600, "max_retries": 8}


@shared_task(**RETRY)
def send_urgent_alert(report_id: str) -> None:
    """Email the people who can open the urgent queue that a report suggests
    a child may be at risk now: the duty inboxes of the panels serving the
    organisation and its alert address, or, where neither is set, the members
    of those panels. (Confidential contacts are not sent it: the queue is not
    theirs to open.)

    At-least-once: ``urgent_alerted`` is set only after the mail is handed to
    the mail server, so a crash in between sends it twice, never zero times;
    ``sweep_urgent_alerts`` re-sends what a lost message left undone. The
    email carries the reference and a link, never the text.
    """
    report = (
        Report.objects.filter(pk=report_id, live_concern=True, urgent_alerted=False)
        .select_related("organisation")
        .first()
    )
    if report is None:
        return
    organisation = report.organisation
    panels = Panel.objects.filter(Q(organisation=organisation) | Q(partnership__organisations=organisation))
    recipients = {email for email in panels.values_list("duty_email", flat=True) if email}
    if organisation.alert_email:
        recipients.add(organisation.alert_email)
    if not recipients:
        recipients = set(
            User.objects.filter(panels__in=panels, is_active=True).exclude(email="").values_list("email", flat=True)
        )
    if not recipients:
        # Still flagged in the urgent queue; an alert nobody can receive must
        # not block the sweep forever.
        logger.error("urgent report %s: organisation %s has no alert recipients", report.reference, organisation.slug)
    else:
        send_mail(
            subject=f"Urgent: report {report.reference} may describe a child at risk now",
            message=(
                f"A learning report to {organisation.name} suggests a child may be at current risk.\n"
                f"The reporter was told to follow local safeguarding procedures now.\n"
                f"Please look at it in the urgent queue: {settings.SITE_URL}{reverse('reviews:urgent')}\n"
                f"Reference: {report.reference}"
            ),
            from_email=None,
            recipient_list=sorted(recipients),
        )
    Report.objects.filter(pk=report.pk).update(urgent_alerted=True)


@shared_task
def sweep_urgent_alerts(limit: int = 100) -> int:
    """Send urgent alerts that were never sent (broker down at submit time,
    worker killed). Runs in the worker itself; at-least-once."""
    ids = list(Report.objects.filter(live_concern=True, urgent_alerted=False).values_list("pk", flat=True)[:limit])
    for report_id in ids:
        send_urgent_alert(str(report_id))
    return len(ids)


@shared_task
def sweep_outbox(older_than_seconds: int = 120) -> int:
    """Publish outbox messages that were never published (broker down at
    commit time) or whose task never completed (worker killed). At-least-once
    by design; each task is idempotent."""
    count = 0
    for message_id in outbox.pending_messages(older_than_seconds):
        if not outbox.publish(message_id):
            break
        count += 1
    return count


@shared_task
def destroy_expired_identities() -> int:
    """Destroy confidential identities past retention. Idempotent; at-most-once per identity."""
    return destroy_expired()


# --------------------------------------------------------------------------- theme engine
# Owned by the theme engine (reporting.themes). Arguments are ids only: no text
# ever travels through the broker.
@shared_task(**RETRY)
def process_report(report_id: str) -> bool:
    """Compute a report's representation, labels, near-duplicate link and theme.

    At-least-once: a killed worker's message is redelivered (acks late), and
    a report whose message was never published or was lost stays with
    ``processed_at`` empty until ``sweep_unprocessed`` processes it.
    Idempotent: an already processed report is left as it is.
    """
    from reporting.themes import process_report as process

    return process(report_id=report_id)


@shared_task(autoretry_for=(), max_retries=0)
def build_themes(organisation_id: int) -> int | None:
    """Rebuild one organisation's themes.

    At-most-once per request: a build that finds another build running exits
    (the running one will see the same reports); builds are not retried
    automatically because the beat schedule requests one regularly anyway.
    Idempotent: rebuilding the same reports gives the same themes and ids.
    """
    from reporting.models import Organisation
    from reporting.themes import BuildAlreadyRunning, build_themes_for_scope

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return None
    try:
        return build_themes_for_scope(organisation=organisation).build_id
    except BuildAlreadyRunning:
        logger.info("theme build for organisation %s already running; skipped", organisation_id)
        return None


@shared_task(autoretry_for=(), max_retries=0)
def build_partnership_themes(partnership_id: int) -> int | None:
    """Rebuild one partnership's themes over the reports of all its organisations.

    At-most-once per request, like ``build_themes``: a build that finds another
    build of the partnership running exits; the beat schedule asks again.
    Idempotent: rebuilding the same reports gives the same themes and ids.
    """
    from reporting.models import Partnership
    from reporting.themes import BuildAlreadyRunning, build_themes_for_scope

    partnership = Partnership.objects.filter(pk=partnership_id).first()
    if partnership is None:
        return None
    try:
        return build_themes_for_scope(partnership=partnership).build_id
    except BuildAlreadyRunning:
        logger.info("theme build for partnership %s already running; skipped", partnership_id)
        return None


@shared_task
def build_all_themes() -> int:
    """Queue a theme build for every organisation with reports and every
    partnership that has a panel (and organisations with reports). At-most-once
    per schedule tick; each build is idempotent."""
    from reporting.models import Organisation, Partnership

    ids = list(Organisation.objects.filter(reports__isnull=False).distinct().values_list("pk", flat=True))
    for organisation_id in ids:
        build_themes.delay(organisation_id)
    partnership_ids = list(
        Partnership.objects.filter(panels__isnull=False, organisations__reports__isnull=False)
        .distinct()
        .values_list("pk", flat=True)
    )
    for partnership_id in partnership_ids:
        build_partnership_themes.delay(partnership_id)
    return len(ids) + len(partnership_ids)


@shared_task
def sweep_unprocessed(limit: int = 500) -> int:
    """Process reports whose processing never ran (broker down, worker killed,
    message lost). At-least-once: runs in the worker itself, idempotently,
    so no report is ever left unprocessed for longer than one sweep period."""
    from reporting.themes import process_report as process

    count = 0
    for report_id in Report.objects.unprocessed().order_by("submitted_on").values_list("pk", flat=True)[:limit]:
        if process(report_id=report_id):
            count += 1
    return count


@shared_task(**RETRY)
def retrain_labeller(organisation_id: int | None = None) -> int:
    """Retrain the labeller from panel corrections (one organisation, or every
    organisation with new corrections). At-least-once; idempotent (no new
    corrections: nothing happens)."""
    from reporting.themes import organisations_needing_retrain
    from reporting.themes import retrain_labeller as retrain

    ids = [organisation_id] if organisation_id is not None else organisations_needing_retrain()
    return sum(retrain(organisation_id=i) for i in ids)


@shared_task
def refresh_stale_theme_summaries() -> int:
    """Recompute the summaries of themes that new reports joined since the last
    run (``process_report`` only marks them stale, to stay cheap).

    At-least-once: each theme is claimed before its recompute and marked stale
    again if the recompute fails, so the next scheduled run retries it; no
    automatic retry here, the schedule is the retry. Idempotent: with nothing
    stale, it does nothing.
    """
    from reporting.themes import refresh_stale_theme_summaries as refresh

    return refresh()

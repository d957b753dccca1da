"""State changes for reports. Every interface (web form, API, import) calls these.

Each function runs in one transaction, writes its audit row inside it, and
schedules background work only after commit, through the outbox so that a
broker outage at that moment loses nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from reporting.analysis.screening import detect_blame, screen_live_concern
from reporting.choices import (
    ContributingFactor,
    GotWhatNeeded,
    HappenedBefore,
    IdentityMode,
    RaisedAtTime,
    ReachedChild,
    ReportKind,
    ReportStatus,
    ServiceArea,
)
from reporting.deid import redact_fields
from reporting.models import (
    AuditEvent,
    Organisation,
    Report,
    ReporterIdentity,
    ReportQuestion,
    User,
)
from reporting.outbox import queue_report_work_on_commit
from reporting.privacy import start_of_today

# Crockford's base32 without I, L, O, U: easy to read out over the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_SECRET_BYTES = 12  # 96 bits


@dataclass(frozen=True)
class Draft:
    """What a reporter typed, before de-identification. Never stored."""

    kind: str
    narrative: str
    what_would_help: str = ""
    service_area: str = ""
    contributing_factors: tuple[str, ...] = ()
    reached_child: str = ""
    raised_at_time: str = ""
    got_what_needed: str = ""
    happened_before: str = ""
    incident_month: dt.date | None = None


@dataclass(frozen=True)
class Preview:
    """The de-identified text a reporter confirms, and the screens' findings."""

    narrative: str
    what_would_help: str
    redacted_count: int
    live_concern: bool
    live_concern_reasons: tuple[str, ...]
    blame_phrases: tuple[str, ...]


@dataclass(frozen=True)
class Receipt:
    report: Report
    secret: str  # shown once, stored only as a hash


def validate_draft(draft: Draft) -> None:
    """Raise ValidationError with field errors for anything a form or the API must reject."""
    errors: dict[str, list[str]] = {}

    def check_choice(field: str, value: str, choices: Any, *, required: bool = False) -> None:
        if not value:
            if required:
                errors.setdefault(field, []).append("Choose an option.")
            return
        if value not in choices.values:
            errors.setdefault(field, []).append(f"“{value}” is not one of the options.")

    if not draft.narrative.strip():
        errors["narrative"] = ["Describe what happened."]
    elif len(draft.narrative) > settings.NARRATIVE_MAX_CHARS:
        errors["narrative"] = [f"Keep this under {settings.NARRATIVE_MAX_CHARS:,} characters."]
    if len(draft.what_would_help) > settings.NARRATIVE_MAX_CHARS:
        errors["what_would_help"] = [f"Keep this under {settings.NARRATIVE_MAX_CHARS:,} characters."]
    check_choice("kind", draft.kind, ReportKind, required=True)
    check_choice("service_area", draft.service_area, ServiceArea)
    check_choice("reached_child", draft.reached_child, ReachedChild)
    check_choice("raised_at_time", draft.raised_at_time, RaisedAtTime)
    check_choice("got_what_needed", draft.got_what_needed, GotWhatNeeded)
    check_choice("happened_before", draft.happened_before, HappenedBefore)
    unknown = [f for f in draft.contributing_factors if f not in ContributingFactor.values]
    if unknown:
        errors["contributing_factors"] = [f"“{f}” is not one of the options." for f in unknown]
    if draft.incident_month and draft.incident_month > timezone.localdate():
        errors["incident_month"] = ["The month cannot be in the future."]
    if errors:
        raise ValidationError(errors)


def preview_report(draft: Draft) -> Preview:
    """De-identify a draft and run the screens, storing nothing."""
    validate_draft(draft)
    redacted = redact_fields({"narrative": draft.narrative, "what_would_help": draft.what_would_help})
    narrative = redacted["narrative"].text
    what_would_help = redacted["what_would_help"].text
    screen = screen_live_concern(text=f"{narrative}\n{what_would_help}", reached_child=draft.reached_child or None)
    return Preview(
        narrative=narrative,
        what_would_help=what_would_help,
        redacted_count=sum(len(r.spans) for r in redacted.values()),
        live_concern=screen.flagged,
        live_concern_reasons=screen.reasons,
        blame_phrases=detect_blame(narrative),
    )


def submit_report(
    *,
    organisation: Organisation,
    author: User | None,
    identity_mode: str,
    draft: Draft,
    contact_note: str = "",
    source_reference: str | None = None,
    submitted_on: dt.date | None = None,
) -> Receipt:
    """File a report. The text is de-identified again here, whatever the
    interface showed, because the reporter may have edited the preview.

    ``author`` is needed for a confidential report (it goes into the separate
    identity store) and is ignored for an anonymous one: nothing about the
    author is stored, audited or logged.
    """
    if identity_mode not in IdentityMode.values:
        raise ValidationError({"identity_mode": ["Choose anonymous or confidential."]})
    if identity_mode == IdentityMode.CONFIDENTIAL and author is None:
        raise ValidationError({"identity_mode": ["A confidential report needs a signed-in reporter."]})
    if author is not None and author.organisation_id != organisation.pk:
        raise PermissionDenied("Staff report only to their own organisation.")
    preview = preview_report(draft)
    secret = secrets.token_urlsafe(RECEIPT_SECRET_BYTES)
    with transaction.atomic():
        report = Report.objects.create(
            reference=_new_reference(),
            receipt_secret_hash=hash_secret(secret),
            source_reference=source_reference,
            organisation=organisation,
            identity_mode=identity_mode,
            kind=draft.kind,
            narrative=preview.narrative,
            what_would_help=preview.what_would_help,
            service_area=draft.service_area,
            contributing_factors=sorted(set(draft.contributing_factors)),
            reached_child=draft.reached_child,
            raised_at_time=draft.raised_at_time,
            got_what_needed=draft.got_what_needed,
            happened_before=draft.happened_before,
            incident_month=draft.incident_month.replace(day=1) if draft.incident_month else None,
            submitted_on=submitted_on or timezone.localdate(),
            live_concern=preview.live_concern,
            live_concern_reasons=list(preview.live_concern_reasons),
        )
        if identity_mode == IdentityMode.CONFIDENTIAL:
            assert author is not None
            ReporterIdentity.objects.create(
                report=report,
                user=author,
                contact_note=contact_note[:300],
                destroy_after=timezone.localdate() + dt.timedelta(days=settings.IDENTITY_RETENTION_DAYS),
            )
        # No actor, whatever the mode: an audit row naming the author would be
        # a second, unprotected copy of the identity. Stamped with the day only:
        # an exact time could be matched against the author's session.
        AuditEvent.objects.create(
            actor=None,
            organisation=organisation,
            action="report.submitted",
            object_type="report",
            object_id=str(report.pk),
            after={"reference": report.reference, "identity_mode": identity_mode, "live_concern": report.live_concern},
            at=start_of_today(),
        )
        queue_report_work_on_commit(report.pk, urgent=report.live_concern)
    return Receipt(report=report, secret=secret)


def hash_secret(secret: str) -> str:
    # A 96-bit random secret needs no slow hash: it cannot be guessed offline.
    return "sha256$" + hashlib.sha256(secret.encode()).hexdigest()


def look_up_receipt(*, reference: str, secret: str) -> Report | None:
    """The report for a receipt, or None. A wrong secret and a missing
    reference take the same path and give the same answer."""
    report = Report.objects.filter(reference=reference.strip().upper()).first()
    stored = report.receipt_secret_hash if report else hash_secret(secrets.token_urlsafe(RECEIPT_SECRET_BYTES))
    if hmac.compare_digest(stored, hash_secret(secret.strip())) and report is not None:
        return report
    return None


def answer_question(*, question: ReportQuestion, answer: str, relayed_by: User | None = None) -> ReportQuestion:
    """Record a reporter's answer: typed on the receipt page (relayed_by None)
    or relayed by the confidential contact. The answer is de-identified first."""
    if not answer.strip():
        raise ValidationError({"answer": ["Write an answer."]})
    if len(answer) > settings.NARRATIVE_MAX_CHARS:
        raise ValidationError({"answer": [f"Keep this under {settings.NARRATIVE_MAX_CHARS:,} characters."]})
    if question.answered_at is not None:
        raise ValidationError({"answer": ["This question has already been answered."]})
    # A reporter answering on the receipt page may be signed in: keep only the
    # day, so the answer cannot be matched against their session's timing.
    answered_at = timezone.now() if relayed_by is not None else start_of_today()
    with transaction.atomic():
        question.answer = redact_fields({"answer": answer})["answer"].text
        question.answered_at = answered_at
        question.relayed_by = relayed_by
        question.save(update_fields=["answer", "answered_at", "relayed_by"])
        AuditEvent.objects.create(
            actor=relayed_by,
            organisation_id=question.report.organisation_id,
            action="question.answered",
            object_type="report_question",
            object_id=str(question.pk),
            at=answered_at,
        )
    return question


def close_reports(*, actor: User, report_ids: Iterable[Any], reason: str) -> int:
    """Close reports the panel has finished with (their theme closed or
    dismissed, their review complete). Each closure is audited with its reason
    and each confidential identity destroyed in the same transaction, as the
    reporter was promised. Already closed reports are left as they are.
    Returns how many were closed."""
    from reporting.identity import destroy_identity

    with transaction.atomic():
        reports = list(
            Report.objects.select_for_update().filter(pk__in=list(report_ids)).exclude(status=ReportStatus.CLOSED)
        )
        today = timezone.localdate()
        Report.objects.filter(pk__in=[r.pk for r in reports]).update(status=ReportStatus.CLOSED, closed_on=today)
        AuditEvent.objects.bulk_create(
            AuditEvent(
                actor=actor,
                organisation_id=report.organisation_id,
                action="report.closed",
                object_type="report",
                object_id=str(report.pk),
                after={"reason": reason},
            )
            for report in reports
        )
        for report in reports:
            destroy_identity(report=report, reason="report closed")
    return len(reports)


def _new_reference() -> str:
    while True:
        body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        reference = f"LR-{body[:4]}-{body[4:]}"
        if not Report.objects.filter(reference=reference).exists():
            return reference

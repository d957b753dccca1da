"""Learning back to staff ("you said, we did") and the time-to-feedback measure.

``publish_learning`` is the one way a learning summary is published: it puts
the summary on the staff bulletin of every organisation in scope, on the
receipt page of every linked report (a ``ReportFeedback`` row records which
kind of feedback each report got, and when), and queues the opt-in email
through the outbox so a broker outage loses nothing.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Min
from django.http import Http404

from reporting.choices import FeedbackKind, ReportStatus
from reporting.deid import redact_fields
from reporting.models import (
    AuditEvent,
    OutboxKind,
    PublishedLearning,
    Report,
    ReportFeedback,
    Theme,
    User,
)
from reporting.outbox import enqueue_on_commit
from reviews.models import LearningSource, ThematicReview
from reviews.services.thematic import _clean_text, linked_report_ids, require_panel_member


def theme_organisation_ids(theme: Theme) -> list[int]:
    if theme.organisation_id is not None:
        return [theme.organisation_id]
    assert theme.partnership is not None
    return list(theme.partnership.organisations.values_list("id", flat=True))


LEARNING_TEXT_FIELDS = ("title", "what_we_heard", "what_we_found", "what_is_changing")


@dataclass(frozen=True)
class RemovedDetail:
    """A personal detail de-identification took out of a learning summary."""

    field: str
    original: str
    kind: str
    placeholder: str


@dataclass(frozen=True)
class DeidentifiedLearning:
    """A learning summary's text as it will be published, and what was removed."""

    fields: dict[str, str]
    removed: tuple[RemovedDetail, ...]


def deidentify_learning(fields: dict[str, str]) -> DeidentifiedLearning:
    """The same de-identification reporters' text gets (``reporting.deid``),
    numbered consistently across the summary's fields. Text already
    de-identified comes back unchanged, so a checked preview publishes as shown."""
    texts = {name: fields.get(name) or "" for name in LEARNING_TEXT_FIELDS}
    redactions = redact_fields(texts)
    removed = tuple(
        RemovedDetail(name, texts[name][span.start : span.end], span.type, span.placeholder)
        for name in LEARNING_TEXT_FIELDS
        for span in redactions[name].spans
    )
    return DeidentifiedLearning({name: redactions[name].text for name in LEARNING_TEXT_FIELDS}, removed)


def prepare_learning(
    *, title: str, what_we_heard: str, what_we_found: str, what_is_changing: str
) -> DeidentifiedLearning:
    """Check a summary's text (required, no blame in the panel's own findings)
    and de-identify it: what ``publish_learning`` would store, for the panel
    to check before publishing."""
    checked = deidentify_learning(
        {
            "title": _clean_text(title, "title")[:200],
            "what_we_heard": _clean_text(what_we_heard, "what_we_heard"),
            "what_we_found": _clean_text(what_we_found, "what_we_found", systemic=True),
            "what_is_changing": _clean_text(what_is_changing, "what_is_changing", systemic=True),
        }
    )
    checked.fields["title"] = checked.fields["title"][:200]
    return checked


def publish_learning(
    *,
    actor: User,
    title: str,
    what_we_heard: str,
    what_we_found: str,
    what_is_changing: str,
    feedback_kind: str,
    theme: Theme | None = None,
    review: ThematicReview | None = None,
) -> PublishedLearning:
    """Publish a learning summary for exactly one theme or one review.

    Preconditions: the actor sits on the review's panel, or on a panel whose
    scope holds the theme. Closed reports keep their status but still get
    the feedback row, so their authors see the learning too. The text is
    de-identified before it is stored (it is shown to staff and on receipt
    pages readable without signing in); interfaces show the panel the
    de-identified text first (``deidentify_learning``).
    """
    if (theme is None) == (review is None):
        raise ValidationError({"source": ["Publish learning for one theme or one review."]})
    if feedback_kind not in FeedbackKind.values:
        raise ValidationError({"feedback_kind": ["Choose what kind of feedback this is."]})
    if review is not None:
        require_panel_member(actor, review.panel)
        organisation_ids = review.panel.organisation_ids()
    else:
        assert theme is not None
        if not Theme.objects.visible_to(actor).filter(pk=theme.pk).exists():
            raise PermissionDenied("Only a panel serving this theme's scope may publish learning for it.")
        organisation_ids = theme_organisation_ids(theme)
    fields = prepare_learning(
        title=title, what_we_heard=what_we_heard, what_we_found=what_we_found, what_is_changing=what_is_changing
    ).fields
    with transaction.atomic():
        learning = PublishedLearning.objects.create(published_by=actor, **fields)
        learning.organisations.set(organisation_ids)
        LearningSource.objects.create(learning=learning, review=review, theme=theme, feedback_kind=feedback_kind)
        report_ids = linked_report_ids(theme=theme, review=review)
        ReportFeedback.objects.bulk_create(
            ReportFeedback(report_id=report_id, learning=learning, kind=feedback_kind) for report_id in report_ids
        )
        Report.objects.filter(pk__in=report_ids).exclude(status=ReportStatus.CLOSED).update(
            status=ReportStatus.LEARNING_PUBLISHED
        )
        AuditEvent.objects.create(
            actor=actor,
            organisation_id=organisation_ids[0] if len(organisation_ids) == 1 else None,
            action="learning.published",
            object_type="published_learning",
            object_id=str(learning.pk),
            after={
                **fields,
                "feedback_kind": feedback_kind,
                "theme": theme.pk if theme else None,
                "review": review.pk if review else None,
                "organisations": sorted(organisation_ids),
                "reports": len(report_ids),
            },
        )
        enqueue_on_commit(OutboxKind.LEARNING_EMAIL, learning.pk)
    return learning


def access_learning_as_panel(user: Any, learning_id: Any) -> LearningSource:
    """The source of a published summary of the user's panels (its review's
    panel, or a panel serving its theme); 404 for everybody else."""
    try:
        source = LearningSource.objects.select_related("learning", "review__panel", "theme").get(
            learning_id=learning_id
        )
    except (LearningSource.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if source.review is not None:
        visible = ThematicReview.objects.visible_to(user).filter(pk=source.review.pk).exists()
    else:
        visible = source.theme is not None and Theme.objects.visible_to(user).filter(pk=source.theme.pk).exists()
    if not visible:
        raise Http404
    return source


def withdraw_learning(*, actor: User, learning: PublishedLearning, reason: str) -> dict[str, str]:
    """Take a published summary down from the staff learning page and every
    receipt page (to correct it, publish again). Returns its text so the
    interface can offer it for correction.

    The summary is deleted, not hidden: it may be withdrawn because it held a
    personal detail, which should then not stay stored. The audit entry keeps
    the title and reason. Reports' feedback rows stay, unlinked, because the
    reporters did hear back then (time-to-feedback); reports left with no
    learning go back to "being looked at by the review panel".
    """
    source = LearningSource.objects.select_related("review__panel", "theme").filter(learning=learning).first()
    if source is not None and source.review is not None:
        require_panel_member(actor, source.review.panel)
    elif (
        source is None
        or source.theme is None
        or not Theme.objects.visible_to(actor).filter(pk=source.theme.pk).exists()
    ):
        raise PermissionDenied("Only a panel serving this learning's scope may withdraw it.")
    reason = _clean_text(reason, "reason")
    text = {name: getattr(learning, name) for name in LEARNING_TEXT_FIELDS}
    with transaction.atomic():
        report_ids = list(ReportFeedback.objects.filter(learning=learning).values_list("report_id", flat=True))
        ReportFeedback.objects.filter(learning=learning).update(learning=None)
        organisation_ids = sorted(learning.organisations.values_list("id", flat=True))
        AuditEvent.objects.create(
            actor=actor,
            organisation_id=organisation_ids[0] if len(organisation_ids) == 1 else None,
            action="learning.withdrawn",
            object_type="published_learning",
            object_id=str(learning.pk),
            before={
                "title": learning.title,
                "published_at": learning.published_at.isoformat(),
                "review": source.review_id if source else None,
                "theme": source.theme_id if source else None,
                "reports": len(report_ids),
            },
            after={"reason": reason},
        )
        learning.delete()
        Report.objects.filter(pk__in=report_ids, status=ReportStatus.LEARNING_PUBLISHED).exclude(
            feedback__learning__isnull=False
        ).update(status=ReportStatus.IN_REVIEW)
    return text


# --- time to feedback --------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackMeasure:
    """How quickly reporters hear back. ``None`` means suppressed (too few to show)."""

    reports_total: int
    reports_heard_back: int
    median_days: float | None
    share_heard_back: float | None

    @property
    def suppressed(self) -> bool:
        return self.share_heard_back is None


def median_days_and_share(
    submitted_and_first_feedback: Iterable[tuple[Any, Any]], *, threshold: int
) -> FeedbackMeasure:
    """Plain data in: (submitted_on date, first feedback datetime or None) per
    report. Below ``threshold`` reports heard back (or in all) nothing but the
    totals is given, so small groups cannot be picked out."""
    rows = list(submitted_and_first_feedback)
    waits = [
        max(0, ((first.date() if hasattr(first, "date") else first) - submitted).days)
        for submitted, first in rows
        if first is not None
    ]
    total, heard = len(rows), len(waits)
    if total < threshold or heard < threshold:
        return FeedbackMeasure(total, heard, None, None)
    return FeedbackMeasure(total, heard, float(statistics.median(waits)), heard / total)


def measure_time_to_feedback(*, organisation_ids: Iterable[int]) -> FeedbackMeasure:
    """Median days from submission to a report's first feedback, and the share
    of reports whose author heard back, over the organisations given."""
    rows = (
        Report.objects.filter(organisation_id__in=list(organisation_ids))
        .annotate(first_feedback=Min("feedback__given_at"))
        .values_list("submitted_on", "first_feedback")
    )
    return median_days_and_share(rows.iterator(chunk_size=5000), threshold=settings.SUPPRESSION_THRESHOLD)


def first_feedback_by_kind(*, organisation_ids: Iterable[int]) -> dict[str, int]:
    """How many reports' first feedback was of each kind (unsuppressed; callers suppress)."""
    counts: dict[str, int] = {}
    seen: set[Any] = set()
    for report_id, kind in (
        ReportFeedback.objects.filter(report__organisation_id__in=list(organisation_ids))
        .order_by("report_id", "given_at")
        .values_list("report_id", "kind")
    ):
        if report_id in seen:
            continue
        seen.add(report_id)
        counts[kind] = counts.get(kind, 0) + 1
    return counts


__all__ = [
    "FeedbackMeasure",
    "linked_report_ids",
    "measure_time_to_feedback",
    "median_days_and_share",
    "publish_learning",
    "withdraw_learning",
]

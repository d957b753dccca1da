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

from reporting.choices import FeedbackKind, ReportStatus
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
    the feedback row, so their authors see the learning too.
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
    fields = {
        "title": _clean_text(title, "title")[:200],
        "what_we_heard": _clean_text(what_we_heard, "what_we_heard"),
        "what_we_found": _clean_text(what_we_found, "what_we_found", systemic=True),
        "what_is_changing": _clean_text(what_is_changing, "what_is_changing", systemic=True),
    }
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
]

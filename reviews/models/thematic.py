"""Thematic reviews, their SMART actions, learning publications and export jobs.

A thematic review belongs to one panel and is read only by that panel's
members (``ThematicReview.objects.visible_to``). Everything in it is about the
system: findings carry a Learning Together pattern, actions are owned by a
role or team, never by a named person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reporting.choices import ContributingFactor, LearningTogether

__all__ = [
    "ActionStatus",
    "ExportFormat",
    "ExportJob",
    "ExportState",
    "LearningEmailDelivery",
    "LearningSource",
    "ReviewAction",
    "ReviewContributoryFactor",
    "ReviewFinding",
    "ReviewQuestion",
    "ReviewRecommendation",
    "ReviewStatus",
    "ThematicReview",
]


class ReviewStatus(models.TextChoices):
    OPEN = "open", "In progress"
    COMPLETE = "complete", "Complete"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


# Statuses in which an action can no longer be overdue.
FINISHED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)


class ThematicReviewQuerySet(models.QuerySet["ThematicReview"]):
    def visible_to(self, user: Any) -> ThematicReviewQuerySet:
        """Reviews of the panels the user sits on; nobody else reads a review."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(panel__members=user)

    def for_organisations(self, organisation_ids: set[int] | list[int]) -> ThematicReviewQuerySet:
        """Reviews whose panel serves any of these organisations (aggregates only)."""
        return self.filter(
            Q(panel__organisation_id__in=organisation_ids) | Q(panel__partnership__organisations__in=organisation_ids)
        ).distinct()

    def with_progress(self) -> ThematicReviewQuerySet:
        """Annotate the at-a-glance counts in a constant number of queries."""
        today = timezone.localdate()
        return self.annotate(
            questions_total=models.Count("questions", distinct=True),
            questions_answered=models.Count("questions", filter=~Q(questions__answer=""), distinct=True),
            findings_total=models.Count("findings", distinct=True),
            recommendations_total=models.Count("recommendations", distinct=True),
            actions_total=models.Count("actions", distinct=True),
            actions_done=models.Count("actions", filter=Q(actions__status=ActionStatus.DONE), distinct=True),
            actions_overdue=models.Count(
                "actions",
                filter=Q(actions__due_date__lt=today) & ~Q(actions__status__in=FINISHED_ACTION_STATUSES),
                distinct=True,
            ),
        )


class ThematicReview(models.Model):
    """A panel's structured look at one or more themes."""

    panel = models.ForeignKey("reporting.Panel", on_delete=models.PROTECT, related_name="thematic_reviews")
    title = models.CharField(max_length=200)
    terms_of_reference = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.OPEN)
    themes = models.ManyToManyField("reporting.Theme", related_name="thematic_reviews", blank=True)
    reports = models.ManyToManyField(
        "reporting.Report", related_name="thematic_reviews", blank=True, help_text="Evidence: de-identified reports."
    )
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ThematicReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return self.title


class ReviewQuestion(models.Model):
    """A question the review sets out to answer (not a question to a reporter)."""

    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ReviewFinding(models.Model):
    """A finding, placed in the Learning Together systems model."""

    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField()
    learning_together = models.CharField(max_length=30, choices=LearningTogether.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ReviewContributoryFactor(models.Model):
    """A systemic contributory factor (workload, tools, procedures...), never a person."""

    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="factors")
    category = models.CharField(max_length=30, choices=ContributingFactor.choices)
    description = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.get_category_display()


class ReviewRecommendation(models.Model):
    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField()
    finding = models.ForeignKey(
        ReviewFinding, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ReviewActionQuerySet(models.QuerySet["ReviewAction"]):
    def overdue(self, today: dt.date | None = None) -> ReviewActionQuerySet:
        return self.filter(due_date__lt=today or timezone.localdate()).exclude(status__in=FINISHED_ACTION_STATUSES)


class ReviewAction(models.Model):
    """A SMART action. Owned by a role or a team: an action is a change to the
    system, never a judgement of one person's performance."""

    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="actions")
    recommendation = models.ForeignKey(
        ReviewRecommendation, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="A role or team, e.g. 'Head of Service, Front Door'.")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    evidence_of_completion = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(evidence_of_completion=""),
                name="done_action_has_evidence",
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def is_overdue(self) -> bool:
        return self.status not in FINISHED_ACTION_STATUSES and self.due_date < timezone.localdate()


class LearningSource(models.Model):
    """What a published learning summary came from: a theme or a review.

    Kept here, not on ``reporting.PublishedLearning``, because reporting never
    imports reviews."""

    learning = models.OneToOneField("reporting.PublishedLearning", on_delete=models.CASCADE, related_name="source")
    review = models.ForeignKey(
        ThematicReview, on_delete=models.CASCADE, null=True, blank=True, related_name="learning_sources"
    )
    theme = models.ForeignKey(
        "reporting.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="learning_sources"
    )
    feedback_kind = models.CharField(max_length=30)

    def __str__(self) -> str:
        return f"Source of learning {self.learning_id}"


class LearningEmailDelivery(models.Model):
    """One learning email handed to the mail server: the idempotency record
    that keeps a re-delivered task from mailing the same person twice."""

    learning = models.ForeignKey("reporting.PublishedLearning", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learning", "user"], name="one_learning_email_per_user")]

    def __str__(self) -> str:
        return f"Learning {self.learning_id} to user {self.user_id}"


class ExportFormat(models.TextChoices):
    DOCX = "docx", "Word document (DOCX)"
    PDF = "pdf", "PDF"


class ExportState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Being built"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"
    EXPIRED = "expired", "Deleted after the retention period"


class ExportJob(models.Model):
    """A review pack being built by a Celery task. The file lives under
    MEDIA_ROOT with a random name and is served only by a permission-checked view."""

    review = models.ForeignKey(ThematicReview, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    state = models.CharField(max_length=10, choices=ExportState.choices, default=ExportState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file_name = models.CharField(max_length=200, blank=True, help_text="Relative to MEDIA_ROOT; random.")
    error = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100")]

    def __str__(self) -> str:
        return f"{self.get_format_display()} pack of review {self.review_id}"

    @property
    def download_name(self) -> str:
        return f"thematic-review-{self.review_id}.{self.format}"

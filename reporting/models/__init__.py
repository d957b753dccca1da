"""Organisations, people and the reports they file.

Privacy rules that the schema itself enforces:

* ``Report`` has no link to a user. A confidential reporter's identity lives
  only in ``ReporterIdentity``, which is destroyed when the report closes or
  its retention period ends; an anonymous report never gets one.
* Narrative fields hold de-identified text only: the service layer redacts
  before anything is saved.
* Only the month of the incident is kept, and only the day of submission.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reporting.choices import (
    FeedbackKind,
    GotWhatNeeded,
    HappenedBefore,
    IdentityMode,
    LearningTogether,
    RaisedAtTime,
    ReachedChild,
    ReportKind,
    ReportStatus,
    Role,
    ServiceArea,
    UrgentOutcome,
    WestrumAspect,
    WestrumOrientation,
)


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    OTHER = "other", "Other partner agency"


class Organisation(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.LOCAL_AUTHORITY)
    duty_contact = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown to a reporter whose report suggests a child may be at risk now, e.g. the MASH duty number.",
    )
    alert_email = models.EmailField(blank=True, help_text="Panel duty inbox alerted about urgent reports.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnershipKind(models.TextChoices):
    LOCAL = "local", "Local safeguarding partnership"
    NATIONAL = "national", "National panel"


class Partnership(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PartnershipKind.choices, default=PartnershipKind.LOCAL)
    organisations = models.ManyToManyField(Organisation, related_name="partnerships", blank=True)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. Everybody may report; further powers come from roles."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    learning_emails = models.BooleanField(
        default=False, help_text="Send me learning summaries published for my organisation."
    )

    def has_role(self, role: Role) -> bool:
        return self.role_grants.filter(role=role).exists()

    @property
    def roles(self) -> set[str]:
        return set(self.role_grants.values_list("role", flat=True))


class RoleGrant(models.Model):
    """A role a user holds within their own organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_grant")]

    def __str__(self) -> str:
        return f"{self.user} as {self.get_role_display()}"


class PanelQuerySet(models.QuerySet["Panel"]):
    def for_member(self, user: User) -> PanelQuerySet:
        return self.filter(members=user)


class Panel(models.Model):
    """A review panel serving one organisation or one partnership."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="panels"
    )
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="panels")
    members = models.ManyToManyField(User, related_name="panels", blank=True)
    duty_email = models.EmailField(blank=True)

    objects = PanelQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(partnership__isnull=True))
                | (Q(organisation__isnull=True) & Q(partnership__isnull=False)),
                name="panel_serves_exactly_one_scope",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def organisation_ids(self) -> list[int]:
        if self.organisation_id is not None:
            return [self.organisation_id]
        assert self.partnership is not None
        return list(self.partnership.organisations.values_list("id", flat=True))


def panel_organisation_ids(user: User) -> set[int]:
    """Every organisation whose reports one of the user's panels may see."""
    ids: set[int] = set()
    for panel in Panel.objects.for_member(user).select_related("partnership"):
        ids.update(panel.organisation_ids())
    return ids


class ReportQuerySet(models.QuerySet["Report"]):
    def visible_to(self, user: User) -> ReportQuerySet:
        """Reports a panel member may read (de-identified). Nobody else reads
        individual reports: staff and leaders see only what is published."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation_id__in=panel_organisation_ids(user))

    def unprocessed(self) -> ReportQuerySet:
        return self.filter(processed_at__isnull=True)


class Report(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True, help_text="Short public reference on the receipt.")
    receipt_secret_hash = models.CharField(max_length=128)
    # NULL, not "", for reports filed here: the unique constraint below holds only for imported references.
    source_reference = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    identity_mode = models.CharField(max_length=20, choices=IdentityMode.choices, default=IdentityMode.CONFIDENTIAL)

    kind = models.CharField(max_length=30, choices=ReportKind.choices)
    narrative = models.TextField(help_text="De-identified.")
    what_would_help = models.TextField(blank=True, help_text="De-identified.")
    service_area = models.CharField(max_length=30, choices=ServiceArea.choices, blank=True)
    contributing_factors = models.JSONField(default=list, blank=True)
    reached_child = models.CharField(max_length=20, choices=ReachedChild.choices, blank=True)
    raised_at_time = models.CharField(max_length=30, choices=RaisedAtTime.choices, blank=True)
    got_what_needed = models.CharField(max_length=20, choices=GotWhatNeeded.choices, blank=True)
    happened_before = models.CharField(max_length=20, choices=HappenedBefore.choices, blank=True)
    incident_month = models.DateField(null=True, blank=True, help_text="Always the first of the month.")
    submitted_on = models.DateField(help_text="Day only: a time would help re-identify the reporter.")

    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.RECEIVED)
    closed_on = models.DateField(null=True, blank=True)

    live_concern = models.BooleanField(default=False)
    live_concern_reasons = models.JSONField(default=list, blank=True)
    urgent_alerted = models.BooleanField(default=False, help_text="Confidential contacts and panel duty were emailed.")
    urgent_handled_at = models.DateTimeField(null=True, blank=True)
    urgent_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    urgent_handled_note = models.TextField(blank=True)
    urgent_outcome = models.CharField(max_length=20, choices=UrgentOutcome.choices, blank=True)

    # Set by background processing (reporting.themes); see that module.
    processed_at = models.DateTimeField(null=True, blank=True)
    representation = models.BinaryField(null=True, blank=True, editable=False)
    westrum_aspect = models.CharField(max_length=20, choices=WestrumAspect.choices, blank=True)
    westrum_orientation = models.CharField(max_length=20, choices=WestrumOrientation.choices, blank=True)
    learning_together = models.CharField(max_length=30, choices=LearningTogether.choices, blank=True)
    label_details = models.JSONField(
        default=dict, blank=True, help_text="Per dimension: confidence, evidence, and whether a person set it."
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    theme = models.ForeignKey(
        "reporting.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    theme_pinned = models.BooleanField(default=False, help_text="A panel member fixed this report to its theme.")
    theme_excluded = models.BooleanField(default=False, help_text="A panel member took this report out of theming.")

    objects = ReportQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "source_reference"],
                condition=Q(source_reference__isnull=False),
                name="unique_source_reference_per_organisation",
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "submitted_on"]),
            models.Index(fields=["processed_at"]),
            # A theme's member list: pinned first, then newest (reviews.services.workspace.theme_members).
            models.Index(fields=["theme", "-theme_pinned", "-submitted_on", "reference"], name="theme_member_order"),
            # The urgent queue: few rows match, so a partial index stays tiny.
            models.Index(
                fields=["organisation", "urgent_handled_at"], condition=Q(live_concern=True), name="urgent_reports"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def labelled_text(self) -> str:
        return f"{self.narrative}\n{self.what_would_help}".strip()


class ReporterIdentity(models.Model):
    """Who filed a confidential report, kept only for call-back.

    Read only through ``reporting.identity.read_reporter_identity``, which
    checks the confidential-contact role and audits the read. Destroyed when
    the report closes or after ``IDENTITY_RETENTION_DAYS``.
    """

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="identity")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contact_note = models.CharField(max_length=300, blank=True, help_text="How and when to get in touch.")
    destroy_after = models.DateField()

    def __str__(self) -> str:
        return f"Identity for {self.report}"


class ReportQuestion(models.Model):
    """A panel's question to a reporter, answered on the receipt page
    (anonymous) or relayed by the confidential contact (confidential)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True, help_text="De-identified.")
    answered_at = models.DateTimeField(null=True, blank=True)
    relayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The confidential contact who relayed a confidential reporter's answer.",
    )

    class Meta:
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"Question {self.pk} on {self.report_id}"


class LearningQuerySet(models.QuerySet["PublishedLearning"]):
    def visible_to(self, user: User) -> LearningQuerySet:
        if not user.is_authenticated or user.organisation_id is None:
            return self.none()
        return self.filter(organisations=user.organisation_id)


class PublishedLearning(models.Model):
    """ "You said, we did": a learning summary published back to staff."""

    title = models.CharField(max_length=200)
    what_we_heard = models.TextField()
    what_we_found = models.TextField()
    what_is_changing = models.TextField()
    organisations = models.ManyToManyField(Organisation, related_name="learning")
    reports: models.ManyToManyField[Report, ReportFeedback] = models.ManyToManyField(
        Report, through="ReportFeedback", related_name="learning"
    )
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)

    objects = LearningQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.title


class ReportFeedback(models.Model):
    """What feedback a report's author got, and when (time-to-feedback)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="feedback")
    learning = models.ForeignKey(PublishedLearning, on_delete=models.CASCADE, null=True, blank=True)
    kind = models.CharField(max_length=30, choices=FeedbackKind.choices)
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["given_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.report_id}"


class AuditEvent(models.Model):
    """Who did what, when, with before and after.

    Never written for an anonymous submission with its actor: that row would
    be the link back to the author.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    # Not auto_now_add: a submission's row is stamped with the day only (see submit_report).
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type} {self.object_id}"


class OutboxKind(models.TextChoices):
    LEARNING_EMAIL = "learning_email", "Email a learning summary"


class OutboxMessage(models.Model):
    """Work that must happen at least once after a commit, even if the broker
    was down when the commit happened. Written in the same transaction as the
    change; the periodic sweep re-queues whatever is still pending."""

    kind = models.CharField(max_length=30, choices=OutboxKind.choices)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["done_at", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


from reporting.models.themes import Theme, ThemeBuild, ThemeLineage  # noqa: E402

__all__ = [
    "AuditEvent",
    "Organisation",
    "OutboxKind",
    "OutboxMessage",
    "Panel",
    "Partnership",
    "PublishedLearning",
    "Report",
    "ReportFeedback",
    "ReportQuestion",
    "ReporterIdentity",
    "RoleGrant",
    "Theme",
    "ThemeBuild",
    "ThemeLineage",
    "User",
    "panel_organisation_ids",
]

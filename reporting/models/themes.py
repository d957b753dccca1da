"""Themes: clusters of reports, rebuilt in the background, shaped by panels.

Owned by the theme engine (``reporting.themes``). Panel decisions (a locked
title, a merge, a split, a status) are kept on these rows and respected by
every rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

from reporting.choices import ThemeStatus

if TYPE_CHECKING:
    from reporting.models import Report


class ThemeQuerySet(models.QuerySet["Theme"]):
    def current(self) -> ThemeQuerySet:
        return self.filter(retired_at__isnull=True)

    def visible_to(self, user: models.Model) -> ThemeQuerySet:
        """Themes of the organisations and partnerships a user's panels serve."""
        from reporting.models import Panel

        if not getattr(user, "is_authenticated", False):
            return self.none()
        panels = Panel.objects.for_member(user)  # type: ignore[arg-type]
        return self.filter(Q(organisation__panels__in=panels) | Q(partnership__panels__in=panels)).distinct()


class Theme(models.Model):
    """A systemic theme for one scope: an organisation or a partnership."""

    organisation = models.ForeignKey(
        "reporting.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="themes"
    )
    partnership = models.ForeignKey(
        "reporting.Partnership", on_delete=models.PROTECT, null=True, blank=True, related_name="themes"
    )
    title = models.CharField(max_length=200)
    title_locked = models.BooleanField(default=False, help_text="Renamed by the panel; rebuilds keep the title.")
    keywords = models.JSONField(default=list, blank=True)
    excerpts = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True, help_text="Sizes, trend, Westrum profile and other facts.")
    size = models.PositiveIntegerField(default=0)
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)
    emerging = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=ThemeStatus.choices, default=ThemeStatus.NEW)
    status_reason = models.TextField(blank=True)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    membership_locked = models.BooleanField(
        default=False,
        help_text="Merged or split by the panel: its reports stay together through rebuilds.",
    )
    summary_stale = models.BooleanField(
        default=False,
        help_text="A new report joined since the summary was computed; the periodic refresh recomputes it.",
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(partnership__isnull=True))
                | (Q(organisation__isnull=True) & Q(partnership__isnull=False)),
                name="theme_has_exactly_one_scope",
            )
        ]
        indexes = [
            # The periodic refresh looks for the few stale themes among many:
            # a partial index holds only those.
            models.Index(fields=["id"], condition=Q(summary_stale=True), name="theme_summary_stale"),
        ]

    def __str__(self) -> str:
        return self.title

    def member_reports(self) -> models.QuerySet[Report]:
        """The reports this theme groups, whatever its scope.

        An organisation's theme holds the reports whose ``Report.theme`` points
        at it; a partnership's theme holds those with a ``ThemeMembership`` row
        for it (one report may sit in its organisation's theme and in one theme
        of each partnership its organisation belongs to). Reports the panel
        excluded are never members.
        """
        from reporting.models import Report

        if self.partnership_id is not None:
            return Report.objects.filter(theme_memberships__theme=self)
        return Report.objects.filter(theme=self)


class ThemeMembership(models.Model):
    """A report's place in one partnership's themes.

    The partnership counterpart of ``Report.theme`` / ``theme_pinned`` /
    ``theme_excluded``, which belong to the report's own organisation: one row
    per (partnership, report) that the partnership build has seen or a panel
    has decided about. ``theme`` is null while the report is unthemed in this
    partnership or excluded from it.
    """

    partnership = models.ForeignKey("reporting.Partnership", on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="theme_memberships")
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships")
    pinned = models.BooleanField(default=False, help_text="A panel member fixed this report to this theme.")
    excluded = models.BooleanField(
        default=False, help_text="A panel member took this report out of this partnership's themes."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "report"], name="one_theme_membership_per_partnership_report"
            ),
            models.CheckConstraint(
                condition=~(Q(excluded=True) & Q(theme__isnull=False)), name="excluded_membership_has_no_theme"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} in {self.theme_id or 'no theme'} (partnership {self.partnership_id})"


class ThemeBuild(models.Model):
    """One run of the theme build for a scope; also the lock that keeps two
    builds of one scope from running at once."""

    class State(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    organisation = models.ForeignKey(
        "reporting.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    partnership = models.ForeignKey(
        "reporting.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.RUNNING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    stats = models.JSONField(default=dict, blank=True)
    # The assignment model of a DONE build (reporting.analysis.themes.ThemeModel as
    # bytes) and its theme keys -> Theme ids, used to place new reports between builds.
    model = models.BinaryField(null=True, blank=True, editable=False)
    key_to_theme = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            # The lock: at most one running build per organisation, enforced by the database.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(state="running"),
                name="one_running_theme_build_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(state="running"),
                name="one_running_theme_build_per_partnership",
            ),
        ]

    def __str__(self) -> str:
        scope = f"organisation {self.organisation_id}" if self.organisation_id else f"partnership {self.partnership_id}"
        return f"build {self.pk} of {scope}: {self.state}"


class ThemeLineage(models.Model):
    """How themes of one build descend from the previous build's."""

    class Kind(models.TextChoices):
        SPLIT = "split", "Split"
        MERGE = "merge", "Merge"

    parent = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="children_links")
    child = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="parent_links")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    build = models.ForeignKey(ThemeBuild, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    by_panel = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.parent_id} -{self.kind}-> {self.child_id}"


class LabelCorrection(models.Model):
    """A label a panel member (or an import of panel decisions) set on a report."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="label_corrections")
    dimension = models.CharField(max_length=30)
    old_value = models.CharField(max_length=30, blank=True)
    new_value = models.CharField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["report", "dimension"])]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.old_value or '-'} -> {self.new_value}"


class LabellerModel(models.Model):
    """The labeller retrained from an organisation's corrections (reporting.analysis.labels)."""

    organisation = models.OneToOneField("reporting.Organisation", on_delete=models.CASCADE, related_name="+")
    model = models.BinaryField()
    corrections_used = models.PositiveIntegerField(default=0)
    trained_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"labeller of organisation {self.organisation_id}"

"""The leadership summary: systemic aggregates only, never individual reports.

Every count of reports goes through ``suppress`` (below ``SUPPRESSION_THRESHOLD``:
"fewer than 5"). Counts of reviews and actions are the panel's own work and
identify nobody, so they are exact, and overdue actions are listed: leaders
must see what is late. Nothing is broken down by team, and nothing ranks teams by
how much they report: more reports usually means a healthier reporting
culture, and a league table would punish the teams that speak up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from reporting.choices import LearningTogether, Role, ThemeStatus, WestrumAspect, WestrumOrientation
from reporting.models import Report, Theme, panel_organisation_ids
from reviews.models import ReviewAction, ThematicReview
from reviews.services.learning import FeedbackMeasure, measure_time_to_feedback
from reviews.services.workspace import Bar, bars, suppress

WINDOW_DAYS = 90
GROWING_SHOWN = 10


def leadership_scope(user: Any) -> set[int]:
    """Organisations whose aggregates the user may read: a leader's own
    organisation and every organisation their panels serve. Empty: no access."""
    if not getattr(user, "is_authenticated", False):
        return set()
    scope = set(panel_organisation_ids(user))
    if Role.LEADER in user.roles and user.organisation_id is not None:
        scope.add(user.organisation_id)
    return scope


@dataclass(frozen=True)
class GrowingTheme:
    title: str
    status: str
    recent: str  # suppressed
    previous: str  # suppressed


@dataclass(frozen=True)
class OverdueAction:
    description: str
    owner: str  # a role or team, never a person
    due_date: dt.date
    review: str


@dataclass(frozen=True)
class LeadershipSummary:
    window_days: int
    reports_recent: str
    reports_previous: str
    reporting_rising: bool
    growing_themes: list[GrowingTheme]
    growing_themes_not_shown: int
    culture: list[dict[str, Any]]  # per aspect: label, one Bar per orientation
    orientation_totals: list[Bar]
    learning_together: list[Bar]
    actions_open: int
    actions_overdue: int
    actions_done: int
    reviews_open: int
    overdue_actions: list[OverdueAction]
    feedback: FeedbackMeasure
    feedback_median_days: str
    feedback_share: str


def _themes_in(scope: set[int]) -> Any:
    return (
        Theme.objects.current()
        .filter(merged_into__isnull=True)
        .filter(Q(organisation_id__in=scope) | Q(partnership__organisations__in=scope))
        .distinct()
    )


def leadership_summary(*, organisation_ids: set[int], today: dt.date | None = None) -> LeadershipSummary:
    """Aggregates over the organisations given, in a constant number of queries."""
    today = today or timezone.localdate()
    threshold = settings.SUPPRESSION_THRESHOLD
    recent_start = today - dt.timedelta(days=WINDOW_DAYS)
    previous_start = recent_start - dt.timedelta(days=WINDOW_DAYS)
    reports = Report.objects.filter(organisation_id__in=organisation_ids)

    totals = reports.aggregate(
        recent=Count("pk", filter=Q(submitted_on__gt=recent_start)),
        previous=Count("pk", filter=Q(submitted_on__gt=previous_start, submitted_on__lte=recent_start)),
    )

    theme_rows = (
        _themes_in(organisation_ids)
        .annotate(
            recent=Count("reports", filter=Q(reports__submitted_on__gt=recent_start), distinct=True),
            previous=Count(
                "reports",
                filter=Q(reports__submitted_on__gt=previous_start, reports__submitted_on__lte=recent_start),
                distinct=True,
            ),
        )
        .values_list("title", "status", "recent", "previous")
    )
    status_labels = dict(ThemeStatus.choices)  # Theme.status's choices
    growing = sorted(
        (row for row in theme_rows if row[2] > row[3] and row[2] >= threshold),
        key=lambda row: (row[2] - row[3], row[0]),
        reverse=True,
    )

    pairs = {
        (aspect, orientation): n
        for aspect, orientation, n in reports.exclude(westrum_aspect="")
        .exclude(westrum_orientation="")
        .values_list("westrum_aspect", "westrum_orientation")
        .annotate(n=Count("pk"))
        .values_list("westrum_aspect", "westrum_orientation", "n")
    }
    culture = [
        {
            "label": aspect_label,
            "bars": bars(
                [(o_label, pairs.get((aspect, orientation), 0)) for orientation, o_label in WestrumOrientation.choices]
            ),
        }
        for aspect, aspect_label in WestrumAspect.choices
    ]
    orientation_totals = bars(
        [
            (o_label, sum(n for (_, o), n in pairs.items() if o == orientation))
            for orientation, o_label in WestrumOrientation.choices
        ]
    )
    lt = dict(
        reports.exclude(learning_together="")
        .values_list("learning_together")
        .annotate(n=Count("pk"))
        .values_list("learning_together", "n")
    )
    learning_together = bars([(label, lt.get(value, 0)) for value, label in LearningTogether.choices])

    reviews = ThematicReview.objects.for_organisations(organisation_ids)
    actions = ReviewAction.objects.filter(review__in=reviews).aggregate(
        open=Count("pk", filter=~Q(status__in=("done", "cancelled"))),
        overdue=Count("pk", filter=Q(due_date__lt=today) & ~Q(status__in=("done", "cancelled"))),
        done=Count("pk", filter=Q(status="done")),
    )
    feedback = measure_time_to_feedback(organisation_ids=organisation_ids)
    return LeadershipSummary(
        window_days=WINDOW_DAYS,
        reports_recent=suppress(totals["recent"]),
        reports_previous=suppress(totals["previous"]),
        reporting_rising=totals["recent"] > totals["previous"],
        growing_themes=[
            GrowingTheme(title=t, status=str(status_labels.get(s, s)), recent=suppress(r), previous=suppress(p))
            for t, s, r, p in growing[:GROWING_SHOWN]
        ],
        growing_themes_not_shown=max(0, len(growing) - GROWING_SHOWN),
        culture=culture,
        orientation_totals=orientation_totals,
        learning_together=learning_together,
        actions_open=actions["open"],
        actions_overdue=actions["overdue"],
        actions_done=actions["done"],
        reviews_open=reviews.filter(status="open").count(),
        overdue_actions=[
            OverdueAction(description=d, owner=o, due_date=due, review=r)
            for d, o, due, r in ReviewAction.objects.filter(review__in=reviews)
            .overdue(today)
            .values_list("description", "owner", "due_date", "review__title")
        ],
        feedback=feedback,
        feedback_median_days=(
            f"{feedback.median_days:g} days" if feedback.median_days is not None else "too few reports to show"
        ),
        feedback_share=(
            f"{round(100 * feedback.share_heard_back)}%"
            if feedback.share_heard_back is not None
            else "too few reports to show"
        ),
    )


def summary_rows(summary: LeadershipSummary) -> list[tuple[str, str, str]]:
    """The summary as (section, item, value) rows for a CSV a leader can take
    to a board: exactly what the page shows, small counts suppressed alike."""
    window = f"last {summary.window_days} days"
    rows = [
        ("Reporting", f"Reports in the {window}", summary.reports_recent),
        ("Reporting", f"The {summary.window_days} days before", summary.reports_previous),
        ("Hearing back", "Median time from report to first feedback", summary.feedback_median_days),
        ("Hearing back", "Share of reporters who heard back", summary.feedback_share),
    ]
    for theme in summary.growing_themes:
        rows.append(("Growing themes", theme.title, f"{theme.recent} ({window}); {theme.previous} before"))
    rows += [("Culture (all aspects)", bar.label, bar.shown) for bar in summary.orientation_totals]
    rows += [(f"Culture: {row['label']}", bar.label, bar.shown) for row in summary.culture for bar in row["bars"]]
    rows += [("Learning Together", bar.label, bar.shown) for bar in summary.learning_together]
    rows += [
        ("Reviews and actions", "Reviews in progress", str(summary.reviews_open)),
        ("Reviews and actions", "Actions open", str(summary.actions_open)),
        ("Reviews and actions", "Actions overdue", str(summary.actions_overdue)),
        ("Reviews and actions", "Actions done", str(summary.actions_done)),
    ]
    rows += [
        ("Overdue actions", f"{a.description} ({a.review})", f"{a.owner}, due {a.due_date.day} {a.due_date:%b %Y}")
        for a in summary.overdue_actions
    ]
    return [(_safe_cell(a), _safe_cell(b), _safe_cell(c)) for a, b, c in rows]


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (panel-written titles go in)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

"""Shared set-up for the thematic review tests (engineer B)."""

from __future__ import annotations

import datetime as dt

from reporting.models import Organisation, Panel, Report, Theme, User
from reviews.models import ReviewAction, ThematicReview
from reviews.services.thematic import start_review
from tests.factories import ReportFactory


def make_theme(
    organisation: Organisation,
    *,
    title: str = "Police notifications arrive late",
    reports: int = 6,
    learning_together: str = "multi_agency_incidents",
) -> Theme:
    theme = Theme.objects.create(
        organisation=organisation,
        title=title,
        keywords=["police", "notification", "late"],
        excerpts=["The notification arrived nine days late; the school told us first."],
        size=reports,
    )
    for _ in range(reports):
        ReportFactory(
            organisation=organisation,
            theme=theme,
            learning_together=learning_together,
            westrum_aspect="bridging",
            westrum_orientation="bureaucratic",
            contributing_factors=["other_agency_information"],
        )
    return theme


def make_review(panel_member: User, panel: Panel, theme: Theme | None = None) -> ThematicReview:
    theme = theme or make_theme(panel.organisation)
    return start_review(
        actor=panel_member,
        panel=panel,
        themes=[theme],
        title="Late police notifications",
        terms_of_reference="Why do notifications arrive late?",
    )


def reports_of(theme: Theme) -> list[Report]:
    return list(Report.objects.filter(theme=theme))


FUTURE = dt.date.today() + dt.timedelta(days=30)
PAST = dt.date.today() - dt.timedelta(days=3)


def make_overdue(action: ReviewAction) -> ReviewAction:
    """An action whose due date has passed (a new action may not be given a past date)."""
    ReviewAction.objects.filter(pk=action.pk).update(due_date=PAST)
    action.refresh_from_db()
    return action

"""The leadership summary: who may read it, suppression, no individual reports, no team ranking."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting.choices import FeedbackKind
from reviews.services import thematic as svc
from reviews.services.leadership import leadership_scope, leadership_summary, summary_rows
from reviews.services.learning import publish_learning
from tests.factories import ReportFactory
from tests.reviews.thematic_helpers import FUTURE, PAST, make_overdue, make_review, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_organisation(panel_member, panel):
    """A growing theme of 7 recent reports, a small theme of 3, one overdue action, feedback for 7."""
    organisation = panel.organisation
    growing = make_theme(organisation, title="Police notifications arrive late", reports=7)
    make_theme(organisation, title="Interpreters unavailable", reports=3, learning_together="tools")
    review = make_review(panel_member, panel, growing)
    make_overdue(
        svc.add_action(
            actor=panel_member, review=review, description="Name an owner", owner="Head of Service", due_date=FUTURE
        )
    )
    publish_learning(
        actor=panel_member,
        review=review,
        feedback_kind=FeedbackKind.ACTIONS_TAKEN,
        title="Inboxes",
        what_we_heard="Late notes",
        what_we_found="No owner",
        what_is_changing="An owner role",
    )
    return organisation


@pytest.mark.parametrize(
    "persona,status",
    [
        ("leader", 200),
        ("panel_member", 200),
        ("reporter", 404),
        ("confidential_contact", 404),
        ("administrator", 404),
        ("outsider", 404),
        ("other_panel_member", 200),
    ],
)
def test_who_reads_the_summary(request, login, persona, status, busy_organisation):
    response = login(request.getfixturevalue(persona)).get(reverse("reviews:leadership"))
    assert response.status_code == status
    if persona == "other_panel_member":  # their own scope: none of our themes
        assert "Police notifications" not in response.content.decode()


def test_summary_is_systemic_suppressed_and_never_shows_a_report(login, leader, busy_organisation):
    page = login(leader).get(reverse("reviews:leadership")).content.decode()
    assert "rising number of near-miss reports is usually good news" in page
    assert "Police notifications arrive late" in page  # growing: 7 recent, 0 before
    assert "Interpreters unavailable" not in page  # 3 is too few to show
    assert "fewer than 5" in page
    assert ">3<" not in page and " 3 " not in page
    assert "LR-TEST-" not in page and "nine days late" not in page  # no references, no narratives


def test_summary_figures(panel_member, panel, busy_organisation):
    scope = leadership_scope(panel_member)
    summary = leadership_summary(organisation_ids=scope)
    assert summary.reports_recent == "10" and summary.reporting_rising
    assert [t.title for t in summary.growing_themes] == ["Police notifications arrive late"]
    assert summary.growing_themes[0].recent == "7" and summary.growing_themes[0].previous == "0"
    # The panel's own work identifies nobody: exact counts, and what is late by name.
    assert (summary.actions_overdue, summary.actions_open, summary.reviews_open) == (1, 1, 1)
    assert [(a.description, a.owner, a.due_date) for a in summary.overdue_actions] == [
        ("Name an owner", "Head of Service", PAST)
    ]
    assert summary.feedback_share == "70%" and summary.feedback_median_days == "3 days"
    bureaucratic = next(bar for bar in summary.orientation_totals if bar.label == "Bureaucratic")
    assert bureaucratic.shown == "10"
    tools = next(bar for bar in summary.learning_together if bar.label == "Tools")
    assert tools.shown == "fewer than 5" and tools.percent == 0


def test_older_reports_count_in_the_previous_window(panel, leader):
    old = timezone.localdate() - dt.timedelta(days=120)
    ReportFactory.create_batch(6, organisation=panel.organisation, submitted_on=old)
    summary = leadership_summary(organisation_ids=leadership_scope(leader))
    assert summary.reports_previous == "6" and summary.reports_recent == "0" and not summary.reporting_rising
    assert summary.feedback_share == "too few reports to show"


def test_leadership_queries_do_not_grow_with_reports(login, leader, panel, django_assert_max_num_queries):
    client = login(leader)
    make_theme(panel.organisation, reports=5)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("reviews:leadership"))
    for n in range(3):
        make_theme(panel.organisation, title=f"Theme {n}", reports=6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("reviews:leadership"))


def test_only_ten_growing_themes_are_listed_and_the_rest_counted(panel, leader):
    for n in range(12):
        make_theme(panel.organisation, title=f"Theme {n:02}", reports=5 + n)
    summary = leadership_summary(organisation_ids=leadership_scope(leader))
    assert [t.title for t in summary.growing_themes][:2] == ["Theme 11", "Theme 10"]
    assert len(summary.growing_themes) == 10 and summary.growing_themes_not_shown == 2


@pytest.mark.parametrize("persona,status", [("leader", 200), ("reporter", 404), ("outsider", 404)])
def test_summary_csv_for_a_board_paper(request, login, persona, status, busy_organisation):
    response = login(request.getfixturevalue(persona)).get(reverse("reviews:leadership-csv"))
    assert response.status_code == status
    if status != 200:
        return
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["section", "item", "value"]
    assert ["Growing themes", "Police notifications arrive late", "7 (last 90 days); 0 before"] in rows
    assert ["Learning Together", "Tools", "fewer than 5"] in rows  # suppressed as on the page
    assert [
        "Overdue actions",
        "Name an owner (Late police notifications)",
        f"Head of Service, due {PAST.day} {PAST:%b %Y}",
    ] in rows


def test_a_csv_cell_is_never_a_spreadsheet_formula(panel, leader):
    make_theme(panel.organisation, title='=HYPERLINK("http://x")', reports=6)
    rows = summary_rows(leadership_summary(organisation_ids=leadership_scope(leader)))
    assert ("Growing themes", '\'=HYPERLINK("http://x")', "6 (last 90 days); 0 before") in rows

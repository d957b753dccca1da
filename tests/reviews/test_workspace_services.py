"""Services of the panel workspace: triage, decisions, urgent reports, questions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reporting.choices import IdentityMode, ReportStatus, ThemeStatus, WestrumAspect
from reporting.identity import read_reporter_identity
from reporting.models import AuditEvent, Report, ReporterIdentity, Theme
from reporting.services import answer_question
from reporting.themes import refresh_theme_summaries
from reviews.models import ThemeNote
from reviews.services import workspace as svc
from tests.factories import ReportFactory
from tests.reviews.workspace_helpers import ThemeFactory, add_reports, confidential_report

pytestmark = pytest.mark.django_db


def summarise(*themes: Theme) -> None:
    """Refresh the themes' summaries as the engine does after a panel decision
    or, periodically, after processing (tests that add reports with factories
    skip the engine); the triage queue and the theme profile read only these."""
    refresh_theme_summaries([t.pk for t in themes])
    for theme in themes:
        theme.refresh_from_db()


def facts(**overrides: object) -> svc.ThemeFacts:
    base = dict(
        size=10,
        recent=2,
        previous=2,
        reached_child=0,
        live_concern=0,
        live_unhandled=0,
        pathological=0,
        labelled=10,
        emerging=False,
        days_since_reviewed=5,
    )
    base.update(overrides)
    return svc.ThemeFacts(**base)  # type: ignore[arg-type]


# --- attention score ---------------------------------------------------------------


def test_unhandled_live_concern_outranks_a_large_quiet_theme() -> None:
    assert svc.attention_score(facts(size=6, live_concern=1, live_unhandled=1)) > svc.attention_score(facts(size=500))


def test_each_signal_raises_the_score() -> None:
    base = svc.attention_score(facts())
    assert svc.attention_score(facts(emerging=True)) > base
    assert svc.attention_score(facts(reached_child=3)) > base
    assert svc.attention_score(facts(pathological=8)) > base
    assert svc.attention_score(facts(recent=12, previous=2)) > base
    assert svc.attention_score(facts(days_since_reviewed=None)) > svc.attention_score(facts(days_since_reviewed=1))


def test_small_numbers_do_not_read_as_growth_or_culture_signal() -> None:
    # 1 -> 2 reports is not "100% growth"; 1 pathological out of 1 labelled is not a share.
    assert svc.attention_score(facts(recent=2, previous=1)) - svc.attention_score(facts(recent=1, previous=1)) < 1
    assert svc.attention_score(facts(labelled=1, pathological=1)) == svc.attention_score(facts(labelled=1))


# --- triage queue ------------------------------------------------------------------


def test_triage_orders_by_attention_and_hides_dismissed_by_default(panel_member, organisation, other_organisation):
    quiet = ThemeFactory(organisation=organisation, title="Quiet", last_reviewed_at=timezone.now())
    add_reports(quiet, 6)
    urgent = ThemeFactory(organisation=organisation, title="Urgent")
    add_reports(urgent, 5, live_concern=True)
    dismissed = ThemeFactory(organisation=organisation, title="Dismissed", status=ThemeStatus.DISMISSED)
    foreign = ThemeFactory(organisation=other_organisation, title="Foreign")
    add_reports(foreign, 50, live_concern=True)
    summarise(quiet, urgent, dismissed, foreign)

    rows = svc.triage_queue(panel_member, svc.TriageFilters())
    assert [r.theme.title for r in rows] == ["Urgent", "Quiet"]
    assert rows[0].facts.live_unhandled == 5 and rows[0].facts.live_concern == 5
    assert rows[1].facts.size == 6 and rows[1].facts.recent == 6
    assert "live concern not yet handled" in rows[0].reasons

    # Handling is counted live (the summary only knows how many live concerns there are).
    svc.mark_urgent_handled(
        actor=panel_member, report=Report.objects.filter(theme=urgent).first(), note="Phoned", outcome="acted_on"
    )
    (row,) = [r for r in svc.triage_queue(panel_member, svc.TriageFilters()) if r.theme == urgent]
    assert row.facts.live_unhandled == 4 and row.facts.live_concern == 5

    all_rows = svc.triage_queue(panel_member, svc.TriageFilters(status="all"))
    assert {r.theme.pk for r in all_rows} == {quiet.pk, urgent.pk, dismissed.pk}


def test_triage_filters_by_member_report_fields_and_period(panel_member, organisation):
    fostering = ThemeFactory(organisation=organisation, title="Fostering")
    add_reports(fostering, 3, service_area="fostering", learning_together="tools", westrum_aspect="messengers")
    old = ThemeFactory(organisation=organisation, title="Old")
    add_reports(old, 3, submitted_on=timezone.localdate() - dt.timedelta(days=200), westrum_orientation="generative")
    summarise(fostering, old)  # the period filter reads last_seen, the others the summary's counts

    def titles(**kw: str) -> list[str]:
        return [r.theme.title for r in svc.triage_queue(panel_member, svc.TriageFilters.from_mapping(kw))]

    assert titles(service_area="fostering") == ["Fostering"]
    assert titles(learning_together="tools") == ["Fostering"]
    assert titles(westrum_aspect="messengers") == ["Fostering"]
    assert titles(westrum_orientation="generative") == ["Old"]
    assert titles(period="90") == ["Fostering"]
    assert set(titles(period="bogus")) == {"Fostering", "Old"}  # a stale link still shows the queue
    assert titles(service_area="fostering", period="30") == ["Fostering"]
    assert titles(service_area="fostering", westrum_orientation="generative") == []


def test_triage_filters_match_themes_not_single_reports(panel_member, organisation):
    # Filters read each theme's summary counts: a theme matches when some of
    # its reports have each value, though not necessarily the same report.
    mixed = ThemeFactory(organisation=organisation, title="Mixed")
    add_reports(mixed, 1, service_area="fostering", westrum_orientation="generative")
    add_reports(mixed, 1, service_area="child_protection", westrum_orientation="pathological")
    summarise(mixed)
    filters = svc.TriageFilters(service_area="fostering", westrum_orientation="pathological")
    assert [r.theme for r in svc.triage_queue(panel_member, filters)] == [mixed]


def test_partnership_theme_counts_and_lists_its_members(organisation, other_organisation):
    from reporting.models.themes import ThemeMembership
    from tests.factories import PanelFactory, PartnershipFactory, UserFactory

    partnership = PartnershipFactory()
    partnership.organisations.add(organisation, other_organisation)
    member = UserFactory(username="partnership-panel", organisation=organisation)
    PanelFactory(partnership=partnership, organisation=None).members.add(member)
    theme = ThemeFactory(partnership=partnership, organisation=None)
    reports = [ReportFactory(organisation=org, live_concern=True) for org in (organisation, other_organisation)]
    for report in reports:
        ThemeMembership.objects.create(partnership=partnership, report=report, theme=theme)
    summarise(theme)

    (row,) = svc.triage_queue(member, svc.TriageFilters())
    assert row.theme == theme and row.facts.size == 2 and row.facts.live_unhandled == 2
    assert set(svc.theme_members(theme)) == set(reports)


def test_triage_reads_no_member_reports(panel_member, organisation):
    themes = [ThemeFactory(organisation=organisation) for _ in range(3)]
    for theme in themes:
        add_reports(theme, 4, live_concern=True)
    summarise(*themes)
    with CaptureQueriesContext(connection) as ctx:
        rows = svc.triage_queue(panel_member, svc.TriageFilters(service_area="child_protection", period="90"))
    assert len(rows) == 3
    # The only read of reports is the count of unhandled live concerns, on the partial index's terms.
    report_reads = [q["sql"] for q in ctx.captured_queries if '"reporting_report"' in q["sql"]]
    assert len(report_reads) == 1 and "live_concern" in report_reads[0] and "urgent_handled_at" in report_reads[0]


def test_triage_queries_do_not_grow_from_10_to_50_themes_and_100_to_1000_reports(panel_member, organisation):
    def grow(n_themes: int, n_reports: int) -> int:
        for _ in range(n_themes - Theme.objects.count()):
            ThemeFactory(organisation=organisation)
        themes = list(Theme.objects.all())
        Report.objects.bulk_create(
            ReportFactory.build(organisation=organisation, theme=themes[i % len(themes)], live_concern=i % 20 == 0)
            for i in range(n_reports - Report.objects.count())
        )
        summarise(*themes)
        with CaptureQueriesContext(connection) as ctx:
            rows = svc.triage_queue(panel_member, svc.TriageFilters(status="all"))
        assert len(rows) == n_themes and sum(r.facts.size for r in rows) == n_reports
        return len(ctx.captured_queries)

    small = grow(10, 100)
    large = grow(50, 1000)
    assert large == small


def test_triage_excludes_merged_themes(panel_member, organisation):
    keep = ThemeFactory(organisation=organisation)
    ThemeFactory(organisation=organisation, retired_at=timezone.now(), merged_into=keep)
    assert [r.theme.pk for r in svc.triage_queue(panel_member, svc.TriageFilters())] == [keep.pk]


# --- status and notes ---------------------------------------------------------------


def test_dismissing_needs_a_reason_and_is_audited(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    with pytest.raises(ValidationError) as exc:
        svc.set_theme_status(actor=panel_member, theme=theme, status=ThemeStatus.DISMISSED)
    assert "reason" in exc.value.message_dict

    svc.set_theme_status(actor=panel_member, theme=theme, status=ThemeStatus.DISMISSED, reason="Covered by review 3")
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.DISMISSED and theme.last_reviewed_at is not None
    event = AuditEvent.objects.get(action="theme.status_changed", object_id=str(theme.pk))
    assert event.actor == panel_member
    assert event.before == {"status": "new", "status_reason": ""}
    assert event.after == {"status": "dismissed", "status_reason": "Covered by review 3"}


@pytest.mark.parametrize("status", [ThemeStatus.CLOSED, ThemeStatus.DISMISSED])
def test_closing_or_dismissing_a_theme_closes_its_reports_and_destroys_identities(
    status, panel_member, organisation, reporter
):
    theme = ThemeFactory(organisation=organisation)
    plain = add_reports(theme, 2)
    named = confidential_report(organisation, reporter, theme=theme)
    elsewhere = confidential_report(organisation, reporter)

    svc.set_theme_status(actor=panel_member, theme=theme, status=status, reason="Done")

    closed = Report.objects.filter(pk__in=[r.pk for r in [*plain, named]])
    assert set(closed.values_list("status", "closed_on")) == {(ReportStatus.CLOSED, timezone.localdate())}
    assert not ReporterIdentity.objects.filter(report=named).exists()
    assert ReporterIdentity.objects.filter(report=elsewhere).exists()
    assert AuditEvent.objects.filter(action="report.closed", after={"reason": f"theme {status}"}).count() == 3


def test_triaging_a_theme_leaves_its_reports_open(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    add_reports(theme, 2)
    svc.set_theme_status(actor=panel_member, theme=theme, status=ThemeStatus.MONITORING)
    assert not Report.objects.filter(status=ReportStatus.CLOSED).exists()


def test_another_panel_cannot_change_a_theme(other_panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    with pytest.raises(PermissionDenied):
        svc.set_theme_status(actor=other_panel_member, theme=theme, status=ThemeStatus.TRIAGED)
    with pytest.raises(PermissionDenied):
        svc.add_theme_note(actor=other_panel_member, theme=theme, text="hello")
    assert not AuditEvent.objects.filter(object_type="theme").exists()


def test_add_note(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    note = svc.add_theme_note(actor=panel_member, theme=theme, text="  Ask the MASH manager  ")
    assert ThemeNote.objects.get().text == "Ask the MASH manager"
    assert AuditEvent.objects.get(action="theme.note_added").after == {"note_id": note.pk}
    with pytest.raises(ValidationError):
        svc.add_theme_note(actor=panel_member, theme=theme, text="  ")


# --- urgent ------------------------------------------------------------------------


def test_mark_urgent_handled_records_who_when_what_and_the_outcome(panel_member, organisation):
    report = ReportFactory(organisation=organisation, live_concern=True)
    with pytest.raises(ValidationError) as missing:
        svc.mark_urgent_handled(actor=panel_member, report=report, note=" ", outcome="")
    assert set(missing.value.message_dict) == {"note", "outcome"}  # both said at once
    with pytest.raises(ValidationError):
        svc.mark_urgent_handled(actor=panel_member, report=report, note="Phoned", outcome="maybe")
    svc.mark_urgent_handled(actor=panel_member, report=report, note="Passed to MASH duty at 10:40", outcome="acted_on")
    report.refresh_from_db()
    assert report.urgent_handled_by == panel_member and report.urgent_handled_at is not None
    assert (report.urgent_handled_note, report.urgent_outcome) == ("Passed to MASH duty at 10:40", "acted_on")
    event = AuditEvent.objects.get(action="report.urgent_handled")
    assert event.actor == panel_member and event.before == {"urgent_handled_at": None}
    assert event.after["outcome"] == "acted_on"
    with pytest.raises(ValidationError):  # never silently overwrites who handled it
        svc.mark_urgent_handled(actor=panel_member, report=report, note="again", outcome="not_live")


def test_urgent_outcomes_are_counted_with_small_counts_suppressed(panel_member, organisation, other_organisation):
    for outcome, n in (("acted_on", 6), ("not_live", 2)):
        for _ in range(n):
            report = ReportFactory(organisation=organisation, live_concern=True)
            svc.mark_urgent_handled(actor=panel_member, report=report, note="Checked", outcome=outcome)
    ReportFactory(organisation=organisation, live_concern=True)  # not handled yet: no outcome
    ReportFactory(organisation=other_organisation, live_concern=True, urgent_outcome="not_live")  # not theirs
    assert dict(svc.urgent_outcomes_for(panel_member)) == {
        "A child was at risk now, and it was acted on": "6",
        "A child was at risk, but services already knew and were acting": "0",
        "No child was at risk now (a false alarm)": "fewer than 5",
    }


def test_urgent_queue_lists_unhandled_first_and_keeps_handled(panel_member, organisation, other_organisation):
    handled = ReportFactory(organisation=organisation, live_concern=True, submitted_on=timezone.localdate())
    svc.mark_urgent_handled(actor=panel_member, report=handled, note="done", outcome="already_known")
    waiting = ReportFactory(
        organisation=organisation, live_concern=True, submitted_on=timezone.localdate() - dt.timedelta(days=9)
    )
    ReportFactory(organisation=organisation)  # not urgent
    ReportFactory(organisation=other_organisation, live_concern=True)
    assert list(svc.urgent_reports_for(panel_member)) == [waiting, handled]
    assert list(svc.urgent_reports_for(panel_member, handled="yes")) == [handled]
    assert list(svc.urgent_reports_for(panel_member, handled="no")) == [waiting]


def test_only_live_concerns_are_handled_and_only_by_their_panel(panel_member, other_panel_member, organisation):
    with pytest.raises(ValidationError):
        svc.mark_urgent_handled(
            actor=panel_member, report=ReportFactory(organisation=organisation), note="x", outcome="acted_on"
        )
    with pytest.raises(PermissionDenied):
        svc.mark_urgent_handled(
            actor=other_panel_member,
            report=ReportFactory(organisation=organisation, live_concern=True),
            note="x",
            outcome="acted_on",
        )


# --- questions -----------------------------------------------------------------------


def test_ask_an_anonymous_reporter(panel_member, other_panel_member, organisation):
    report = ReportFactory(organisation=organisation, identity_mode=IdentityMode.ANONYMOUS)
    question = svc.ask_reporter(actor=panel_member, report=report, text="Which team sent the notification?")
    assert question.asked_by == panel_member and question.answered_at is None
    assert AuditEvent.objects.get(action="question.asked").object_id == str(question.pk)
    with pytest.raises(PermissionDenied):
        svc.ask_reporter(actor=other_panel_member, report=report, text="?")
    with pytest.raises(ValidationError):
        svc.ask_reporter(actor=panel_member, report=report, text="")


def test_confidential_question_is_relayed_by_the_contact(panel_member, confidential_contact, reporter, organisation):
    report = confidential_report(organisation, reporter)
    anonymous = ReportFactory(organisation=organisation, identity_mode=IdentityMode.ANONYMOUS)
    question = svc.ask_reporter(actor=panel_member, report=report, text="How long was the delay?")
    svc.ask_reporter(actor=panel_member, report=anonymous, text="Not for the contact")

    assert list(svc.confidential_questions_for(confidential_contact)) == [question]
    identity = read_reporter_identity(actor=confidential_contact, report=report)
    assert identity.user == reporter
    assert AuditEvent.objects.filter(action="identity.read", actor=confidential_contact).count() == 1
    answer_question(question=question, answer="About nine days", relayed_by=confidential_contact)
    question.refresh_from_db()
    assert question.answer == "About nine days" and question.relayed_by == confidential_contact


# --- decisions through the engine ------------------------------------------------------


def test_rename_locks_the_title_and_audits(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation, title="Engine title")
    svc.rename_theme(actor=panel_member, theme=theme, title="Late police notifications")
    theme.refresh_from_db()
    assert theme.title == "Late police notifications" and theme.title_locked
    event = AuditEvent.objects.get(object_type="theme", object_id=str(theme.pk), action="theme.rename")
    assert event.before == {"title": "Engine title"} and event.actor == panel_member


def test_merge_moves_reports_and_retires_the_merged_theme(panel_member, organisation):
    a, b = ThemeFactory(organisation=organisation), ThemeFactory(organisation=organisation)
    add_reports(a, 3)
    add_reports(b, 2)
    survivor = svc.merge_themes(actor=panel_member, theme=a, into=b)
    a.refresh_from_db()
    assert survivor == b and a.retired_at is not None and a.merged_into == b
    assert Report.objects.filter(theme=b).count() == 5
    with pytest.raises(ValidationError):
        svc.merge_themes(actor=panel_member, theme=b, into=b)


def test_split_moves_only_the_chosen_reports(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation, title="Mixed")
    reports = add_reports(theme, 4)
    new = svc.split_theme(actor=panel_member, theme=theme, reports=reports[:2])
    assert new.title == "Split from Mixed"
    assert set(Report.objects.filter(theme=new)) == set(reports[:2])
    with pytest.raises(ValidationError):  # cannot empty the theme
        svc.split_theme(actor=panel_member, theme=theme, reports=reports[2:])


def test_pin_and_unpin(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    (report,) = add_reports(theme, 1)
    svc.pin_report(actor=panel_member, report=report)
    report.refresh_from_db()
    assert report.theme_pinned
    svc.pin_report(actor=panel_member, report=report, pinned=False)
    report.refresh_from_db()
    assert not report.theme_pinned
    assert AuditEvent.objects.filter(action="report.unpin_theme", actor=panel_member).count() == 1


def test_exclude_takes_a_report_out_of_its_theme(panel_member, organisation):
    theme = ThemeFactory(organisation=organisation)
    (report,) = add_reports(theme, 1)
    svc.exclude_report(actor=panel_member, report=report)
    report.refresh_from_db()
    assert report.theme_id is None and report.theme_excluded


def test_correct_labels_is_recorded_as_a_persons_decision(panel_member, organisation):
    report = ReportFactory(
        organisation=organisation,
        westrum_aspect="bridging",
        label_details={"westrum_aspect": {"value": "bridging", "confidence": 0.61, "evidence": ["rang round"]}},
    )
    rows = {r["field"]: r for r in svc.label_rows(report)}
    assert rows["westrum_aspect"]["confidence"] == 61 and not rows["westrum_aspect"]["by_person"]
    assert rows["westrum_aspect"]["evidence"] == ["rang round"]

    svc.correct_report_labels(
        actor=panel_member, report=report, labels={"westrum_aspect": "messengers", "learning_together": ""}
    )
    report.refresh_from_db()
    assert report.westrum_aspect == "messengers"
    rows = {r["field"]: r for r in svc.label_rows(report)}
    assert rows["westrum_aspect"]["by_person"] and rows["westrum_aspect"]["corrected_by"] == panel_member.username
    assert AuditEvent.objects.filter(action="report.correct_labels", actor=panel_member).exists()
    with pytest.raises(ValidationError):
        svc.correct_report_labels(actor=panel_member, report=report, labels={"westrum_aspect": "bogus"})
    with pytest.raises(ValidationError):
        svc.correct_report_labels(actor=panel_member, report=report, labels={})


def test_mark_duplicate_points_at_the_original(panel_member, other_panel_member, organisation):
    original, first_copy, second_copy = (ReportFactory(organisation=organisation) for _ in range(3))
    svc.mark_duplicate(actor=panel_member, report=first_copy, duplicate_of=original)
    svc.mark_duplicate(actor=panel_member, report=second_copy, duplicate_of=first_copy)
    second_copy.refresh_from_db()
    assert second_copy.duplicate_of == original  # chains collapse to the original
    event = AuditEvent.objects.filter(action="report.mark_duplicate").first()
    assert event is not None and event.actor == panel_member
    with pytest.raises(ValidationError):
        svc.mark_duplicate(actor=panel_member, report=original, duplicate_of=original)
    with pytest.raises(PermissionDenied):
        svc.mark_duplicate(actor=other_panel_member, report=original, duplicate_of=None)


# --- theme profile ---------------------------------------------------------------------


def test_profile_suppresses_small_counts(organisation, django_assert_num_queries):
    theme = ThemeFactory(organisation=organisation)
    add_reports(
        theme,
        6,
        westrum_aspect="messengers",
        westrum_orientation="pathological",
        learning_together="tools",
        contributing_factors=["time_pressure"],
    )
    add_reports(
        theme,
        2,
        westrum_aspect="failure",
        westrum_orientation="generative",
        learning_together="human_reasoning",
        service_area="fostering",
    )
    summarise(theme)
    with django_assert_num_queries(0):  # the summary only: no report is read
        profile = svc.theme_profile(theme)
    assert profile.size == 8
    lt = {b.label: b for b in profile.learning_together}
    assert lt["Tools"].shown == "6" and lt["Tools"].percent == 100
    assert lt["Human reasoning"].shown == "fewer than 5" and lt["Human reasoning"].percent == 0
    orientations = {b.label: b.shown for b in profile.westrum_orientation}
    aspects = {b.label: b.shown for b in profile.westrum_aspect}
    assert orientations["Pathological"] == "6" and orientations["Generative"] == "fewer than 5"
    assert orientations["Bureaucratic"] == "0"
    assert aspects["Messengers"] == "6" and aspects["Failure"] == "fewer than 5" and aspects["Novelty"] == "0"
    assert {b.label: b.shown for b in profile.contributing_factors} == {"Time pressure or caseload": "6"}
    assert [b.count for b in profile.trend] == [0, 0, 8]  # all submitted 3 days ago
    assert [b.count for b in profile.quarters] == [0, 8]
    month = (timezone.localdate() - dt.timedelta(days=3)).strftime("%b %Y")
    assert [(b.label, b.shown) for b in profile.months] == [(month, "8")]
    assert profile.computed_at == timezone.localdate()
    grid = {row.aspect: {c.label: c.shown for c in row.cells} for row in profile.westrum_grid}
    assert list(grid) == [a.label for a in WestrumAspect]
    assert grid["Messengers"] == {"Pathological": "6", "Bureaucratic": "0", "Generative": "0"}
    assert grid["Failure"]["Generative"] == "fewer than 5"
    cells = {(row.aspect, c.label): c for row in profile.westrum_grid for c in row.cells}
    assert cells[("Messengers", "Pathological")].percent == 100 and cells[("Failure", "Generative")].percent == 0


def test_profile_months_span_the_theme_with_empty_months_and_suppression(organisation):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    three_ago = (this_month - dt.timedelta(days=80)).replace(day=1)
    theme = ThemeFactory(organisation=organisation)
    add_reports(theme, 2, submitted_on=three_ago)
    add_reports(theme, 5, submitted_on=this_month)
    summarise(theme)
    months = svc.theme_profile(theme).months
    assert len(months) >= 3 and months[0].label == three_ago.strftime("%b %Y")
    assert months[0].shown == "fewer than 5" and months[0].suppressed
    assert all(b.shown == "0" for b in months[1:-1]) and months[-1].shown == "5"


def test_profile_of_a_theme_not_yet_summarised_reads_as_empty(organisation):
    theme = ThemeFactory(organisation=organisation, size=7, summary={"trend": "not a mapping", "service_areas": None})
    profile = svc.theme_profile(theme)
    assert profile.size == 7
    assert profile.learning_together == [] and profile.service_areas == []
    assert profile.months == [] and profile.computed_at is None
    assert all(c.count == 0 for row in profile.westrum_grid for c in row.cells)
    assert all(b.count == 0 for b in [*profile.trend, *profile.westrum_orientation])

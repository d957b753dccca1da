"""End to end in headless Chromium: a panel member triages a theme, corrects
a label, merges two themes and asks an anonymous reporter a question, who
answers on the receipt page; the panel then sees the answer. axe-core checks
every page on the way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reporting.choices import IdentityMode, ThemeStatus
from reporting.models import AuditEvent, Organisation, Report, ReportQuestion, Theme, User
from reporting.services import Draft, submit_report
from tests.reviews.workspace_helpers import ThemeFactory, add_reports

pytestmark = pytest.mark.browser


def test_panel_member_works_a_theme_end_to_end(
    signed_in_page: Callable[..., Any],
    browser_page: Any,
    organisation: Organisation,
    panel_member: User,
    assert_accessible: Callable[[Any], None],
) -> None:
    late = ThemeFactory(organisation=organisation, title="Late police notifications", emerging=True)
    inbox = ThemeFactory(organisation=organisation, title="Unchecked shared inbox")
    add_reports(late, 6, westrum_aspect="cooperation", westrum_orientation="bureaucratic", learning_together="tools")
    add_reports(inbox, 3)
    receipt = submit_report(
        organisation=organisation,
        author=None,
        identity_mode=IdentityMode.ANONYMOUS,
        draft=Draft(kind="near_miss", narrative="The notification came nine days late; the school told us first."),
    )
    report = receipt.report
    Report.objects.filter(pk=report.pk).update(
        theme=late,
        westrum_aspect="cooperation",
        westrum_orientation="bureaucratic",
        label_details={"westrum_aspect": {"value": "cooperation", "confidence": 0.58, "evidence": ["school told us"]}},
    )
    Report.objects.filter(pk=report.pk).update(live_concern=True)  # so the urgent queue has a row to handle

    page = signed_in_page(panel_member)

    # Triage queue
    page.goto("/panel/")
    page.get_by_role("heading", name="Theme triage").wait_for()
    assert_accessible(page)
    page.get_by_label("Status").select_option("new")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Late police notifications").click()

    # Theme page: triage it
    page.get_by_role("heading", name="Late police notifications").wait_for()
    assert_accessible(page)
    page.get_by_label("Triaged").check()
    page.get_by_role("button", name="Save status").click()
    page.get_by_text("Status changed to Triaged.").wait_for()
    assert_accessible(page)
    late.refresh_from_db()
    assert late.status == ThemeStatus.TRIAGED

    # Correct a label on a member report
    page.get_by_role("link", name=report.reference).click()
    page.get_by_role("heading", name=report.reference).wait_for()
    assert "Suggested (58% confident), because: school told us." in page.content()
    assert_accessible(page)
    page.get_by_label("Westrum aspect").select_option("messengers")
    page.get_by_role("button", name="Save labels").click()
    page.get_by_text("Labels corrected.").wait_for()
    report.refresh_from_db()
    assert report.westrum_aspect == "messengers"
    assert "Set by a panel member" in page.content()

    # Ask the anonymous reporter a question
    page.get_by_label("Ask the reporter a question").fill("Which team sent the notification in the end?")
    page.get_by_role("button", name="Send question").click()
    page.get_by_text("Question sent.").wait_for()
    assert_accessible(page)
    question = ReportQuestion.objects.get(report=report)

    # Merge the second theme into the first
    page.goto(f"/panel/themes/{inbox.pk}/")
    page.get_by_label("Merge into another theme").select_option(label="Late police notifications")
    page.get_by_role("button", name="Merge").click()
    page.get_by_text("was merged into").wait_for()
    assert page.url.endswith(f"/panel/themes/{late.pk}/")
    assert_accessible(page)
    inbox.refresh_from_db()
    assert inbox.merged_into_id == late.pk
    assert Report.objects.filter(theme=late).count() == 10

    # Urgent queue: mark the live concern handled
    page.goto("/panel/urgent/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Mark as handled ({report.reference})").click()
    page.get_by_label("A child was at risk now, and it was acted on").check()
    page.get_by_label("What was done?").fill("Passed to the MASH duty team, who confirmed a visit today.")
    assert_accessible(page)
    page.get_by_role("button", name="Mark as handled").click()
    page.get_by_text(f"Report {report.reference} marked as handled.").wait_for()
    assert "Passed to the MASH duty team" in page.content()

    # The reporter answers on the receipt page (another engineer's page)
    reporter_page = browser_page
    reporter_page.goto("/receipt/")
    reporter_page.get_by_label("Reference").fill(report.reference)
    reporter_page.get_by_label("Secret").fill(receipt.secret)
    reporter_page.get_by_role("button", name="Check receipt").click()
    reporter_page.get_by_text("Which team sent the notification in the end?").wait_for()
    reporter_page.get_by_label("Your answer").fill("The police public protection unit.")
    reporter_page.get_by_role("button", name="Send answer").click()
    reporter_page.get_by_text("Your answer has been sent to the review panel.").wait_for()

    # The panel sees the answer on the report page
    page.goto(f"/panel/reports/{report.pk}/")
    assert "The police public protection unit." in page.content()
    assert_accessible(page)
    question.refresh_from_db()
    assert question.answered_at is not None and question.relayed_by is None

    actions = set(AuditEvent.objects.filter(actor=panel_member).values_list("action", flat=True))
    assert {"theme.status_changed", "report.correct_labels", "question.asked", "theme.merge"} <= actions
    assert Theme.objects.current().filter(organisation=organisation).count() == 1


NARROW_PHONE = {"width": 390, "height": 844}


def test_panel_pages_fit_a_phone_and_tables_scroll_in_their_own_box(
    signed_in_page: Callable[..., Any],
    organisation: Organisation,
    panel_member: User,
) -> None:
    """At 390 px the page itself never scrolls sideways: a wide table scrolls
    inside its wrapper, so every column (such as "Why it is here") can be reached."""
    from tests.reviews.test_workspace_services import summarise

    theme = ThemeFactory(organisation=organisation, title="Late police notifications from the out of hours team")
    reports = add_reports(
        theme,
        8,
        westrum_aspect="cooperation",
        westrum_orientation="bureaucratic",
        live_concern=True,
        contributing_factors=["other_agency_information", "team_communication"],
    )
    from reviews.services.workspace import mark_urgent_handled

    mark_urgent_handled(
        actor=panel_member,
        report=reports[1],
        note="Passed to the MASH duty team, who confirmed a home visit the same afternoon.",
        outcome="acted_on",
    )
    Theme.objects.filter(pk=theme.pk).update(emerging=True)
    summarise(theme)
    page = signed_in_page(panel_member, viewport=NARROW_PHONE)
    for url in [
        "/panel/",
        "/panel/?service_area=out_of_hours",
        "/panel/urgent/",
        f"/panel/themes/{theme.pk}/",
        f"/panel/reports/{reports[0].pk}/",
    ]:
        page.goto(url)
        page.wait_for_load_state()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW_PHONE["width"], (url, width)
        wraps = page.locator(".lantern-table-wrap")
        assert wraps.count() == page.locator("table").count(), url
        assert all(wraps.nth(i).evaluate("e => getComputedStyle(e).overflowX") == "auto" for i in range(wraps.count()))
    page.goto("/panel/")
    why = page.get_by_role("columnheader", name="Why it is here")
    why.scroll_into_view_if_needed()
    box = why.bounding_box()
    assert box is not None and box["x"] + box["width"] <= NARROW_PHONE["width"] + 1

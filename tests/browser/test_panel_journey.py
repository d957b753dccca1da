"""Issue 4 end to end in headless Chromium: a panel member triages a theme,
corrects a label, merges two themes and asks an anonymous reporter a
question; the reporter answers on the receipt page; the panel opens a
thematic review with an action, publishes learning, and the reporter sees it
on the receipt page. axe-core checks every panel page on the way, and the
review pack's progress page updates itself through its static script."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from reporting.choices import IdentityMode, ReportStatus, ThemeStatus
from reporting.models import Organisation, Report, ReportFeedback, Theme, User
from reporting.services import Draft, submit_report
from reviews.models import ExportJob, ReviewAction, ThematicReview
from reviews.tasks import build_review_export
from tests.reviews.workspace_helpers import ThemeFactory, add_reports

pytestmark = pytest.mark.browser


def open_receipt(page: Any, reference: str, secret: str) -> None:
    page.goto("/receipt/")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Secret").fill(secret)
    page.get_by_role("button", name="Check receipt").click()


def test_panel_journey_from_triage_to_learning_on_the_receipt(
    signed_in_page: Callable[..., Any],
    browser_page: Any,
    organisation: Organisation,
    panel_member: User,
    assert_accessible: Callable[[Any], None],
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
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

    page = signed_in_page(panel_member)

    # 1. Triage the theme (engineer A's pages).
    page.goto(f"/panel/themes/{late.pk}/")
    page.get_by_role("heading", name="Late police notifications").wait_for()
    page.get_by_label("Triaged").check()
    page.get_by_role("button", name="Save status").click()
    page.get_by_text("Status changed to triaged.").wait_for()
    assert Theme.objects.get(pk=late.pk).status == ThemeStatus.TRIAGED

    # 2. Correct a label.
    page.goto(f"/panel/reports/{report.pk}/")
    page.get_by_label("Westrum aspect").select_option("messengers")
    page.get_by_role("button", name="Save labels").click()
    page.get_by_text("Labels corrected.").wait_for()
    assert Report.objects.get(pk=report.pk).westrum_aspect == "messengers"

    # 3. Ask the anonymous reporter a question.
    page.get_by_label("Ask the reporter a question").fill("Which team sent the notification in the end?")
    page.get_by_role("button", name="Send question").click()
    page.get_by_text("Question sent.").wait_for()

    # 4. Merge the second theme into the first.
    page.goto(f"/panel/themes/{inbox.pk}/")
    page.get_by_label("Merge into another theme").select_option(label="Late police notifications")
    page.get_by_role("button", name="Merge").click()
    page.get_by_text("was merged into").wait_for()
    assert Theme.objects.get(pk=inbox.pk).merged_into_id == late.pk

    # 5. The reporter answers on the receipt page.
    reporter_page = browser_page
    open_receipt(reporter_page, report.reference, receipt.secret)
    reporter_page.get_by_label("Your answer").fill("The police public protection unit.")
    reporter_page.get_by_role("button", name="Send answer").click()
    reporter_page.get_by_text("Your answer has been sent to the review panel.").wait_for()

    # 6. Open a thematic review of the merged theme.
    page.goto("/panel/reviews/")
    assert_accessible(page)
    page.get_by_role("button", name="Start a thematic review").click()
    page.get_by_label("Late police notifications").check()
    page.get_by_label("Title", exact=True).fill("Information from police")
    page.get_by_label("Terms of reference").fill("How police notifications reach the right team, and when.")
    assert_accessible(page)
    page.get_by_role("button", name="Start the review").click()
    page.get_by_text("Thematic review started.").wait_for()
    assert_accessible(page)
    review = ThematicReview.objects.get()
    assert review.reports.count() == 10
    assert Theme.objects.get(pk=late.pk).status == ThemeStatus.THEMATIC_REVIEW

    # A finding in Learning Together terms and a SMART action owned by a team.
    findings = page.locator("#id_finding-form")
    findings.get_by_label("Learning Together pattern").select_option("multi_agency_incidents")
    findings.get_by_label("Finding", exact=True).fill("Notifications land in a shared inbox that no role owns.")
    findings.get_by_role("button", name="Add finding").click()
    page.get_by_text("Finding added.").wait_for()
    actions = page.locator("#id_action-form")
    actions.get_by_label("Action", exact=True).fill("Give the police notification inbox an owner role and a rota")
    actions.get_by_label("Owner (role or team)").fill("Front Door team manager")
    actions.get_by_label("Due date").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    actions.get_by_role("button", name="Add action").click()
    page.get_by_text("Action added.").wait_for()
    assert_accessible(page)
    assert ReviewAction.objects.get(review=review).owner == "Front Door team manager"

    # 7. Publish learning back to staff.
    learning = page.locator("#id_learning-form")
    learning.get_by_label("Title").fill("Police notifications: you said, we did")
    learning.get_by_label("What we heard").fill("Notifications from the police often reached the team days late.")
    learning.get_by_label("What we found").fill("They waited in a shared inbox that no role owned.")
    learning.get_by_label("What is changing").fill("The Front Door team now owns the inbox and checks it twice a day.")
    learning.get_by_label("Kind of feedback").select_option("actions_taken")
    learning.get_by_role("button", name="Publish learning").click()
    # The check step: the text as staff will see it, after de-identification.
    page.get_by_role("heading", name="Check the learning before you publish it").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Publish learning").click()
    page.get_by_text("Learning published").first.wait_for()
    assert_accessible(page)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.LEARNING_PUBLISHED
    assert ReportFeedback.objects.filter(report=report, kind="actions_taken").exists()

    # 8. A review pack: the progress page polls its JSON status (static script, no inline JS).
    page.locator("#exports").get_by_label("Format").select_option("pdf")
    page.get_by_role("button", name="Create review pack").click()
    page.get_by_role("heading", name="Review pack (PDF)").wait_for()
    assert_accessible(page)
    build_review_export(ExportJob.objects.get().pk)  # the worker's part, run here
    page.get_by_role("link", name="Download the review pack (PDF)").wait_for(state="visible")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the review pack (PDF)").click()
    assert download.value.suggested_filename == f"thematic-review-{review.pk}.pdf"

    # 9. Leadership summary (aggregates only).
    page.goto("/panel/leadership/")
    page.get_by_role("heading", name="Leadership summary").wait_for()
    assert report.reference not in page.content()
    assert_accessible(page)

    # 10. The reporter sees the learning on the receipt page.
    open_receipt(reporter_page, report.reference, receipt.secret)
    reporter_page.get_by_text("Police notifications: you said, we did").wait_for()
    assert "checks it twice a day" in reporter_page.content()
    assert "Learning published" in reporter_page.content()

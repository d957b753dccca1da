"""End to end in headless Chromium: filing an anonymous report on a phone, the
redaction preview, the live-concern message and the receipt with a question
answered, each page checked with axe-core."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reporting.choices import IdentityMode
from reporting.models import Organisation, Report, ReporterIdentity, ReportQuestion, User
from reporting.services import Draft, submit_report
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

RAW_PHONE = "07700 900123"
RAW_EMAIL = "sam.carter@example.org"


def fill_report(
    page: Any, narrative: str, *, anonymous: bool = True, reached_child: str = "No, it was caught in time"
) -> None:
    page.get_by_label("Near miss").check()
    page.get_by_label("What happened?").fill(narrative)
    page.get_by_label("What would have helped? (optional)").fill("One shared inbox, checked every morning.")
    page.get_by_label("Time pressure or caseload").check()
    page.get_by_role("group", name="Did it reach the child? (optional)").get_by_label(reached_child, exact=True).check()
    page.get_by_label("Month", exact=True).fill("1")
    page.get_by_label("Year", exact=True).fill("2025")
    if anonymous:
        page.get_by_label("Anonymous").check()


def test_filing_an_anonymous_report_on_a_phone(
    signed_in_page: Callable[..., Any], reporter: User, assert_accessible: Callable[[Any], None], tmp_path: Path
) -> None:
    page = signed_in_page(reporter, PHONE)
    page.goto("/report/new/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the form scrolls sideways"
    screenshots = Path(os.environ.get("LANTERN_SCREENSHOT_DIR", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshots / "report-form-phone.png"), full_page=True)
    assert_accessible(page)

    fill_report(
        page,
        f"Jayden Okafor's mum rang me on {RAW_PHONE} and emailed {RAW_EMAIL}: the police notification "
        "arrived nine days late and the school told us first.",
    )
    page.get_by_role("button", name="Continue").click()

    # The redaction preview: placeholders highlighted, raw details gone, text editable.
    page.get_by_role("heading", name="Check your report before you send it").wait_for()
    assert page.locator("#narrative-preview mark.lantern-placeholder").count() >= 2
    content = page.content()
    assert RAW_PHONE not in content and RAW_EMAIL not in content and "Okafor" not in content
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots / "preview-phone.png"), full_page=True)
    assert_accessible(page)
    edited = page.get_by_label("What happened", exact=True).input_value() + " Edited on the preview."
    page.get_by_label("What happened", exact=True).fill(edited)
    page.get_by_role("button", name="Send report").click()

    page.get_by_role("heading", name="Report sent").wait_for()
    page.screenshot(path=str(screenshots / "confirmation-phone.png"), full_page=True)
    assert_accessible(page)
    report = Report.objects.get()
    assert page.locator("#receipt-reference").inner_text() == report.reference
    assert page.locator("#receipt-secret").inner_text()
    assert page.get_by_role("button", name="Print your receipt").is_visible()  # shown by JavaScript
    assert report.identity_mode == IdentityMode.ANONYMOUS
    assert not ReporterIdentity.objects.filter(report=report).exists()
    assert report.narrative.endswith("Edited on the preview.")
    assert RAW_PHONE not in report.narrative and RAW_EMAIL not in report.narrative
    # Sent: the draft copy in this tab is gone.
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('lantern-draft:')).length") == 0


def test_live_concern_message_on_the_preview(
    signed_in_page: Callable[..., Any], reporter: User, assert_accessible: Callable[[Any], None]
) -> None:
    page = signed_in_page(reporter, PHONE)
    page.goto("/report/new/")
    fill_report(
        page,
        "The child told me today that dad hit her last night and she is scared to go home tonight. "
        "She has bruises on her arm and he is still at the house.",
        reached_child="Yes",
    )
    page.get_by_role("button", name="Continue").click()
    banner = page.locator("#live-concern")
    banner.wait_for()
    assert banner.is_visible()
    text = banner.inner_text()
    assert "If a child may be at risk now, this form is not the way to get help." in text
    assert "Follow your local safeguarding procedures now" in text
    assert reporter.organisation.duty_contact in text
    assert_accessible(page)


def test_receipt_with_a_question_answered(
    browser_page: Any, organisation: Organisation, panel_member: User, assert_accessible: Callable[[Any], None]
) -> None:
    receipt = submit_report(
        organisation=organisation,
        author=None,
        identity_mode=IdentityMode.ANONYMOUS,
        draft=Draft(kind="workaround", narrative="The recording system times out, so I write on paper first."),
    )
    question = ReportQuestion.objects.create(
        report=receipt.report, text="How long does the system take to time out?", asked_by=panel_member
    )
    page = browser_page
    page.goto("/receipt/")
    assert_accessible(page)
    page.get_by_label("Reference").fill(receipt.report.reference)
    page.get_by_label("Secret").fill(receipt.secret)
    page.get_by_role("button", name="Check receipt").click()

    page.get_by_role("heading", name=f"Report {receipt.report.reference}").wait_for()
    assert "How long does the system take to time out?" in page.content()
    assert receipt.secret not in page.content() and receipt.secret not in page.url
    assert_accessible(page)
    page.get_by_label("Your answer").fill(f"About ten minutes. Ring me on {RAW_PHONE}.")
    page.get_by_role("button", name="Send answer").click()

    page.get_by_text("Your answer has been sent to the review panel.").wait_for()
    assert_accessible(page)
    question.refresh_from_db()
    assert question.answered_at is not None
    assert "About ten minutes." in question.answer and RAW_PHONE not in question.answer


def test_half_written_report_survives_a_session_timeout_in_this_tab_only(
    signed_in_page: Callable[..., Any], reporter: User
) -> None:
    page = signed_in_page(reporter)
    page.goto("/report/new/")
    page.get_by_label("What happened?").fill("Half a report, typed before the tea break.")
    page.get_by_label("Anonymous").check()
    page.context.clear_cookies(name="sessionid")  # the session times out

    page.goto("/report/new/")
    assert "/accounts/login/" in page.url
    from tests.browser.conftest import sign_in
    from tests.factories import PASSWORD

    sign_in(page, reporter, PASSWORD)
    assert page.url.endswith("/report/new/")
    assert page.get_by_label("What happened?").input_value() == "Half a report, typed before the tea break."
    assert page.get_by_label("Anonymous").is_checked()
    assert page.locator("#draft-restored").is_visible()

    # Another tab (as after closing this one) has nothing.
    other = page.context.new_page()
    other.goto("/report/new/")
    assert other.get_by_label("What happened?").input_value() == ""

    # Signing out clears the copy in this tab.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/?signed_out=1")
    page.get_by_text("You have signed out.").wait_for()
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('lantern-draft:')).length") == 0


@pytest.mark.parametrize("path", ["/accounts/login/", "/no-such-page/"])
def test_signed_out_pages_are_accessible(
    browser_page: Any, assert_accessible: Callable[[Any], None], path: str
) -> None:
    browser_page.goto(path)
    assert_accessible(browser_page)


@pytest.mark.parametrize("path", ["/", "/learning/"])
def test_signed_in_pages_are_accessible(
    signed_in_page: Callable[..., Any], reporter: User, assert_accessible: Callable[[Any], None], path: str
) -> None:
    page = signed_in_page(reporter, PHONE)
    page.goto(path)
    assert_accessible(page)


def test_report_posted_after_the_session_expired_is_kept_through_sign_in(
    signed_in_page: Callable[..., Any], reporter: User, assert_accessible: Callable[[Any], None]
) -> None:
    page = signed_in_page(reporter, PHONE)
    page.goto("/report/new/")
    fill_report(page, "Written slowly; the session ran out before I pressed Continue.")
    page.context.clear_cookies(name="sessionid")  # the session times out while the form is open
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Sign in again to carry on").wait_for()
    assert_accessible(page)
    from tests.factories import PASSWORD

    page.get_by_label("Username").fill(reporter.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in and continue").click()
    page.get_by_role("heading", name="Check your report before you send it").wait_for()
    assert "the session ran out before I pressed Continue." in page.locator("#narrative-preview").inner_text()

"""The reporter's web pages: access, validation, privacy of the raw text, the receipt."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reporting.choices import IdentityMode, ReportStatus
from reporting.models import (
    AuditEvent,
    Organisation,
    PublishedLearning,
    Report,
    ReporterIdentity,
    ReportFeedback,
    ReportQuestion,
    User,
)
from reporting.services import look_up_receipt
from reporting.views import _receipt_token as receipt_token
from tests.factories import PASSWORD, ReportFactory, UserFactory

Login = Callable[[User | None], Client]

RAW_NAME = "Jayden Okafor"
RAW_PHONE = "07700 900123"
RAW_EMAIL = "sam.carter@example.org"
RAW_NARRATIVE = (
    f"I visited {RAW_NAME} at home on my own. His mum rang me on {RAW_PHONE} and emailed {RAW_EMAIL} "
    "because the police notification arrived nine days late and nobody had told the school."
)


def report_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "step": "preview",
        "kind": "near_miss",
        "narrative": "The police notification arrived nine days late; the school told us first.",
        "what_would_help": "A shared inbox that someone checks daily.",
        "service_area": "child_protection",
        "contributing_factors": ["other_agency_information", "team_communication"],
        "reached_child": "no",
        "raised_at_time": "acknowledged_no_change",
        "got_what_needed": "partly",
        "happened_before": "yes",
        "incident_month_month": "1",
        "incident_month_year": "2025",
        "identity_mode": "anonymous",
        "contact_note": "",
    }
    data.update(overrides)
    return data


def csrf_free(html: str) -> str:
    """The page without its per-response CSRF tokens, which are masked differently each time."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} field"
    return match.group(1)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


# --- Who may see what ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["home", "new_report", "learning"])
def test_signed_in_pages_send_anonymous_visitors_to_sign_in(login: Login, url_name: str) -> None:
    response = login(None).get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_receipt_page_needs_no_sign_in(login: Login) -> None:
    response = login(None).get(reverse("receipt"))
    assert response.status_code == 200
    assert "Check a receipt" in response.content.decode()


@pytest.mark.django_db
def test_login_page_is_govuk_styled_without_crown(login: Login) -> None:
    html = login(None).get(reverse("login")).content.decode()
    assert "govuk-template__body" in html
    assert 'href="#main-content"' in html  # skip link
    assert "govuk-header__logotype" not in html and "crown" not in html.lower()
    assert "<script>" not in html and "style=" not in html  # CSP: no inline script or style


@pytest.mark.django_db
def test_staff_without_an_organisation_cannot_file(login: Login) -> None:
    user = UserFactory(username="no-org", organisation=None)
    assert login(user).get(reverse("new_report")).status_code == 403


@pytest.mark.django_db
def test_navigation_depends_on_capabilities(login: Login, reporter: User, panel_member: User) -> None:
    reporter_html = login(reporter).get(reverse("home")).content.decode()
    panel_html = login(panel_member).get(reverse("home")).content.decode()
    assert 'href="/panel/"' not in reporter_html
    assert 'href="/panel/"' in panel_html
    assert f'action="{reverse("logout")}"' in reporter_html  # sign out is a POST form


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "page"),
    [("leader", "reviews:leadership"), ("confidential_contact", "reviews:contact"), ("administrator", "admin:index")],
)
def test_each_role_finds_its_pages_in_the_menu(
    login: Login, request: pytest.FixtureRequest, reporter: User, who: str, page: str
) -> None:
    client = login(request.getfixturevalue(who))
    link = f'href="{reverse(page)}"'
    assert link in client.get(reverse("home")).content.decode()
    assert client.get(reverse(page)).status_code == 200  # the menu offers only pages that open
    assert link not in login(reporter).get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_learning_shows_only_own_organisation_newest_first(
    login: Login, reporter: User, organisation: Organisation, other_organisation: Organisation
) -> None:
    older = PublishedLearning.objects.create(
        title="Older learning", what_we_heard="a", what_we_found="b", what_is_changing="c", published_by=reporter
    )
    older.organisations.add(organisation)
    newer = PublishedLearning.objects.create(
        title="Newer learning",
        what_we_heard="We heard",
        what_we_found="We found",
        what_is_changing="Changing",
        published_by=reporter,
    )
    newer.organisations.add(organisation)
    elsewhere = PublishedLearning.objects.create(
        title="Southmoor only", what_we_heard="x", what_we_found="y", what_is_changing="z", published_by=reporter
    )
    elsewhere.organisations.add(other_organisation)
    html = login(reporter).get(reverse("learning")).content.decode()
    assert "Southmoor only" not in html
    assert html.index("Newer learning") < html.index("Older learning")
    for part in ("What we heard", "What we found", "What is changing"):
        assert part in html


@pytest.mark.django_db
def test_staff_turn_learning_emails_on_and_off_themselves(login: Login, reporter: User) -> None:
    client = login(reporter)
    assert "Email me when new learning is published" in client.get(reverse("learning")).content.decode()

    response = client.post(reverse("learning_emails"), {"learning_emails": "on"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("learning"))
    reporter.refresh_from_db()
    assert reporter.learning_emails
    assert f"You get an email at {reporter.email}" in client.get(reverse("learning")).content.decode()

    client.post(reverse("learning_emails"), {"learning_emails": "off"})
    reporter.refresh_from_db()
    assert not reporter.learning_emails
    assert client.get(reverse("learning_emails")).status_code == 405


@pytest.mark.django_db
def test_signing_out_says_so_on_the_sign_in_page(login: Login, reporter: User) -> None:
    client = login(reporter)
    response = client.post(reverse("logout"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "You have signed out." in html
    assert 'rel="icon"' in html  # a favicon of its own, so browsers do not ask for /favicon.ico


@pytest.mark.django_db
def test_unknown_page_is_a_govuk_404(login: Login, reporter: User) -> None:
    response = login(reporter).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# --- The report form and its validation -------------------------------------------------


@pytest.mark.django_db
def test_report_form_renders_every_question(login: Login, reporter: User) -> None:
    response = login(reporter).get(reverse("new_report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for name in (
        "kind",
        "narrative",
        "what_would_help",
        "service_area",
        "contributing_factors",
        "reached_child",
        "raised_at_time",
        "got_what_needed",
        "happened_before",
        "incident_month_month",
        "incident_month_year",
        "identity_mode",
        "contact_note",
    ):
        assert f'name="{name}"' in html, name
    # Confidential is the default.
    assert re.search(r'value="confidential"[^>]*checked', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"narrative": ""}, "Enter what happened"),
        ({"narrative": "   \n "}, "Enter what happened"),
        ({"narrative": "x" * 100_000}, "characters or fewer"),
        ({"kind": "catastrophe"}, "Select what kind of report this is from the list"),
        ({"kind": ""}, "Select what kind of report this is"),
        ({"service_area": "moon_base"}, "Select a service area from the list"),
        ({"contributing_factors": ["bad_luck"]}, "Select contributing factors from the list"),
        ({"identity_mode": "pseudonymous"}, "Select confidential or anonymous from the list"),
        ({"incident_month_month": "13"}, "Month must be a number from 1 to 12"),
        ({"incident_month_year": "2999"}, "this month or in the past"),
        ({"incident_month_year": ""}, "must include a year"),
    ],
)
def test_bad_input_reshows_the_form_with_errors(
    login: Login, reporter: User, overrides: dict[str, Any], message: str
) -> None:
    response = login(reporter).post(reverse("new_report"), report_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert message in html
    assert html.count("<title>Error: ") == 1
    assert Report.objects.count() == 0
    # Nothing typed is lost.
    assert "A shared inbox that someone checks daily." in html


@pytest.mark.django_db
def test_preview_shows_only_de_identified_text(login: Login, reporter: User) -> None:
    response = login(reporter).post(reverse("new_report"), report_data(narrative=RAW_NARRATIVE))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Check your report before you send it" in html
    for raw in (RAW_PHONE, RAW_EMAIL, "Okafor"):
        assert raw not in html  # not in the display, the textarea or a hidden field
    assert 'class="lantern-placeholder"' in html
    assert "submission_token" in html
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_preview_warns_of_live_concern_with_duty_contact(login: Login, reporter: User) -> None:
    narrative = (
        "The child told me today that dad hit her last night and she is scared to go home tonight. "
        "She has bruises on her arm and he is still at the house."
    )
    html = login(reporter).post(reverse("new_report"), report_data(narrative=narrative, reached_child="yes")).content
    text = html.decode()
    assert "If a child may be at risk now, this form is not the way to get help." in text
    assert "Follow your local safeguarding procedures now" in text
    assert reporter.organisation.duty_contact in text


@pytest.mark.django_db
def test_answering_that_a_child_may_still_be_at_risk_warns_whatever_the_text(login: Login, reporter: User) -> None:
    client = login(reporter)
    page = client.get(reverse("new_report")).content.decode()
    assert "Yes, and a child may still be at risk now" in page
    narrative = "The strategy meeting was moved twice and the school was not invited."
    quiet = client.post(reverse("new_report"), report_data(narrative=narrative, reached_child="no")).content.decode()
    assert "Follow your local safeguarding procedures now" not in quiet
    ongoing = client.post(reverse("new_report"), report_data(narrative=narrative, reached_child="ongoing"))
    assert "Follow your local safeguarding procedures now" in ongoing.content.decode()


@pytest.mark.django_db
def test_blaming_a_colleague_gets_a_gentle_prompt_not_a_block(login: Login, reporter: User) -> None:
    narrative = "The duty manager messed up again and the visit was missed; it was his fault."
    response = login(reporter).post(reverse("new_report"), report_data(narrative=narrative))
    html = response.content.decode()
    assert 'id="blame-prompt"' in html
    assert "describe" in html.lower() or "what made it likely" in html
    assert 'value="send"' in html  # they can still send it as it is


@pytest.mark.django_db
def test_server_error_page_renders_without_a_request() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "Sign out" not in html


@pytest.mark.django_db
def test_change_answers_returns_to_the_form_without_errors(login: Login, reporter: User) -> None:
    response = login(reporter).post(reverse("new_report"), report_data(step="change", narrative="[CHILD 1] was missed"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tell us what happened" in html and "govuk-error-summary" not in html
    assert "[CHILD 1] was missed" in html


# --- Sending -------------------------------------------------------------------------------


def _preview_then_send(client: Client, **overrides: Any) -> tuple[Any, str]:
    preview = client.post(reverse("new_report"), report_data(**overrides)).content.decode()
    token = hidden_value(preview, "submission_token")
    data = report_data(**overrides)
    data.update(step="send", submission_token=token)
    return client.post(reverse("new_report"), data), token


@pytest.mark.django_db
def test_raw_text_never_reaches_the_database(login: Login, reporter: User) -> None:
    client = login(reporter)
    # Send the raw text straight to the send step, as if the preview had been skipped:
    # the service de-identifies again.
    preview = client.post(reverse("new_report"), report_data(narrative="Nothing identifying here.")).content.decode()
    data = report_data(step="send", narrative=RAW_NARRATIVE, what_would_help=f"Ring {RAW_PHONE}")
    data["submission_token"] = hidden_value(preview, "submission_token")
    response = client.post(reverse("new_report"), data)
    assert response.status_code == 200, response.content.decode()[:500]
    report = Report.objects.get()
    stored = " ".join(str(v) for row in Report.objects.values() for v in row.values()) + " ".join(
        str(v) for row in AuditEvent.objects.values() for v in row.values()
    )
    for raw in (RAW_NAME, "Okafor", RAW_PHONE, RAW_EMAIL):
        assert raw not in stored
    assert report.identity_mode == IdentityMode.ANONYMOUS
    assert not ReporterIdentity.objects.filter(report=report).exists()


@pytest.mark.django_db
def test_confirmation_shows_receipt_once_and_is_not_cached(login: Login, reporter: User) -> None:
    response, _ = _preview_then_send(login(reporter))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    report = Report.objects.get()
    secret = re.search(r'id="receipt-secret">([^<]+)<', html).group(1)
    assert report.reference in html and "govuk-panel--confirmation" in html
    assert look_up_receipt(reference=report.reference, secret=secret) == report
    assert secret not in report.receipt_secret_hash
    assert "data-lantern-clear-draft" in html


@pytest.mark.django_db
def test_sending_twice_files_one_report(login: Login, reporter: User) -> None:
    client = login(reporter)
    _, token = _preview_then_send(client)
    again = client.post(reverse("new_report"), report_data(step="send", submission_token=token))
    assert again.status_code == 409
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_the_spent_token_kept_in_the_cache_expires_at_a_midnight(login: Login, reporter: User) -> None:
    """The cache table is stored like any other (the database cache when there is
    no Redis): its expiry must not be the moment an anonymous report was filed."""
    _preview_then_send(login(reporter))
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM lantern_cache")
        expiries = [row[0] for row in cursor.fetchall()]
    assert len(expiries) == 1
    expires = expiries[0] if isinstance(expiries[0], dt.datetime) else dt.datetime.fromisoformat(str(expiries[0]))
    assert (expires.hour, expires.minute, expires.second) == (0, 0, 0)
    assert dt.timedelta(days=1) < expires.replace(tzinfo=dt.UTC) - timezone.now() <= dt.timedelta(days=2)


@pytest.mark.django_db
def test_send_without_a_genuine_token_files_nothing(login: Login, reporter: User) -> None:
    response = login(reporter).post(reverse("new_report"), report_data(step="send", submission_token="forged"))
    assert response.status_code == 409
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_confidential_report_keeps_identity_in_the_separate_store(login: Login, reporter: User) -> None:
    _preview_then_send(login(reporter), identity_mode="confidential", contact_note="Work mobile, afternoons")
    identity = ReporterIdentity.objects.get()
    assert identity.user == reporter
    assert identity.contact_note == "Work mobile, afternoons"


@pytest.mark.django_db
def test_edited_preview_that_is_emptied_reshows_preview(login: Login, reporter: User) -> None:
    client = login(reporter)
    preview = client.post(reverse("new_report"), report_data()).content.decode()
    data = report_data(step="send", narrative="", submission_token=hidden_value(preview, "submission_token"))
    response = client.post(reverse("new_report"), data)
    assert response.status_code == 200
    assert "Enter what happened" in response.content.decode()
    assert Report.objects.count() == 0


# --- Session expiry while writing -------------------------------------------------------------


@pytest.mark.django_db
def test_expired_session_keeps_the_posted_report_in_the_page(login: Login, reporter: User) -> None:
    client = login(None)  # the session has gone
    response = client.post(reverse("new_report"), report_data(narrative="Typed for twenty minutes."))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign in again to carry on" in html
    assert 'value="Typed for twenty minutes."' in html
    assert "no-store" in response["Cache-Control"]
    assert not client.session.items()  # nothing kept server-side

    wrong = client.post(
        reverse("new_report"),
        report_data(narrative="Typed for twenty minutes.", reauth="1", username="reporter", password="wrong"),
    )
    assert "Sign in again to carry on" in wrong.content.decode()
    assert 'value="Typed for twenty minutes."' in wrong.content.decode()

    resumed = client.post(
        reverse("new_report"),
        report_data(narrative="Typed for twenty minutes.", reauth="1", username="reporter", password=PASSWORD),
    )
    assert "Check your report before you send it" in resumed.content.decode()
    assert "Typed for twenty minutes." in resumed.content.decode()
    assert client.get(reverse("home")).status_code == 200  # signed in again


# --- The receipt -----------------------------------------------------------------------------


@pytest.fixture
def anonymous_report(organisation: Organisation) -> Report:
    return ReportFactory(organisation=organisation, identity_mode=IdentityMode.ANONYMOUS, reference="LR-AAAA-BBBB")


@pytest.mark.django_db
def test_receipt_lookup_is_post_only_and_shows_status(
    login: Login, anonymous_report: Report, panel_member: User
) -> None:
    client = login(None)
    ReportQuestion.objects.create(report=anonymous_report, text="Which agency sent it?", asked_by=panel_member)
    assert client.get(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "test-secret"}).status_code == 200
    response = client.post(reverse("receipt"), {"reference": "lr-aaaa-bbbb", "secret": "test-secret"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Report LR-AAAA-BBBB" in html and ReportStatus.RECEIVED.label in html
    assert "Which agency sent it?" in html
    assert 'name="token"' in html
    assert "test-secret" not in html  # the secret is never echoed back
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_wrong_secret_and_unknown_reference_look_the_same(login: Login, anonymous_report: Report) -> None:
    client = login(None)
    wrong_secret = client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "nope"})
    unknown = client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB".replace("A", "Z"), "secret": "nope"})
    assert wrong_secret.status_code == unknown.status_code == 200
    normalised = [
        csrf_free(r.content.decode()).replace("LR-ZZZZ-BBBB", "LR-AAAA-BBBB") for r in (wrong_secret, unknown)
    ]
    assert normalised[0] == normalised[1]
    assert "do not match a report" in normalised[0]


@pytest.mark.django_db
def test_receipt_lookups_are_rate_limited(login: Login, anonymous_report: Report, settings: Any) -> None:
    settings.RECEIPT_RATE_LIMIT = "3/m"
    client = login(None)
    statuses = [
        client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": f"guess-{i}"}).status_code
        for i in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    limited = client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "test-secret"})
    assert limited.status_code == 429
    assert "Too many attempts" in limited.content.decode()


@pytest.mark.django_db
def test_anonymous_reporter_answers_a_question_with_an_open_receipt(
    login: Login, anonymous_report: Report, panel_member: User
) -> None:
    question = ReportQuestion.objects.create(report=anonymous_report, text="Which team?", asked_by=panel_member)
    client = login(None)
    page = client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "test-secret"}).content.decode()
    token = hidden_value(page, "token")
    response = client.post(
        reverse("receipt_answer"),
        {"token": token, "question": question.pk, "answer": f"The duty team; ring {RAW_PHONE}"},
    )
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.answered_at is not None
    assert RAW_PHONE not in question.answer
    assert "Your answer has been sent" in response.content.decode()


@pytest.mark.django_db
def test_empty_answer_is_refused_with_an_error(login: Login, anonymous_report: Report, panel_member: User) -> None:
    question = ReportQuestion.objects.create(report=anonymous_report, text="Which team?", asked_by=panel_member)
    client = login(None)
    page = client.post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "test-secret"}).content.decode()
    response = client.post(
        reverse("receipt_answer"), {"token": hidden_value(page, "token"), "question": question.pk, "answer": " "}
    )
    assert response.status_code == 200
    assert "Enter your answer" in response.content.decode()
    question.refresh_from_db()
    assert question.answered_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "forged", "eyJyZXBvcnQiOiJ4In0:1tZ:abc"])
def test_answer_without_a_valid_receipt_is_refused(
    login: Login, anonymous_report: Report, panel_member: User, token: str
) -> None:
    question = ReportQuestion.objects.create(report=anonymous_report, text="Which team?", asked_by=panel_member)
    response = login(None).post(reverse("receipt_answer"), {"token": token, "question": question.pk, "answer": "x"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.answered_at is None


@pytest.mark.django_db
def test_receipt_of_one_report_cannot_answer_another_reports_question(
    login: Login, anonymous_report: Report, panel_member: User, organisation: Organisation
) -> None:
    other = ReportFactory(organisation=organisation, identity_mode=IdentityMode.ANONYMOUS)
    foreign = ReportQuestion.objects.create(report=other, text="Elsewhere?", asked_by=panel_member)
    response = login(None).post(
        reverse("receipt_answer"), {"token": receipt_token(anonymous_report), "question": foreign.pk, "answer": "x"}
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.answered_at is None


@pytest.mark.django_db
def test_confidential_receipt_points_to_the_confidential_contact(
    login: Login, organisation: Organisation, panel_member: User
) -> None:
    report = ReportFactory(organisation=organisation, identity_mode=IdentityMode.CONFIDENTIAL, reference="LR-CCCC-DDDD")
    question = ReportQuestion.objects.create(report=report, text="Which team?", asked_by=panel_member)
    client = login(None)
    page = client.post(reverse("receipt"), {"reference": "LR-CCCC-DDDD", "secret": "test-secret"}).content.decode()
    assert "confidential contact will be in touch" in page
    assert 'name="answer"' not in page
    response = client.post(
        reverse("receipt_answer"), {"token": receipt_token(report), "question": question.pk, "answer": "x"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_receipt_shows_learning_published_about_the_report(
    login: Login, anonymous_report: Report, reporter: User, organisation: Organisation
) -> None:
    learning = PublishedLearning.objects.create(
        title="Police notifications now go to a shared inbox",
        what_we_heard="Notifications arrived late.",
        what_we_found="One inbox, one person.",
        what_is_changing="A shared inbox checked twice a day.",
        published_by=reporter,
    )
    learning.organisations.add(organisation)
    ReportFeedback.objects.create(report=anonymous_report, learning=learning, kind="bulletin")
    page = login(None).post(reverse("receipt"), {"reference": "LR-AAAA-BBBB", "secret": "test-secret"})
    html = page.content.decode()
    assert "Police notifications now go to a shared inbox" in html
    assert "A shared inbox checked twice a day." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data", "links"),
    [
        ("/accounts/login/", {"username": "nobody", "password": "wrong"}, ["#username"]),
        ("/receipt/", {"reference": "", "secret": ""}, ["#reference", "#secret"]),
    ],
)
def test_bad_sign_in_and_receipt_forms_show_an_error_summary_linking_to_fields(
    login: Login, url: str, data: dict[str, str], links: list[str]
) -> None:
    html = login(None).post(url, data).content.decode()
    summary = html.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="(#[^"]+)"', summary) == links

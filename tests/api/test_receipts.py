"""POST /api/v1/receipts/lookup/ and /api/v1/receipts/answer/: no sign-in, same 404 for any miss."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from reporting.choices import FeedbackKind, IdentityMode, ReportStatus
from reporting.models import AuditEvent, Organisation, PublishedLearning, ReportFeedback, ReportQuestion, User
from reporting.services import Draft, Receipt, submit_report

LOOKUP = reverse("api:receipt-lookup")
ANSWER = reverse("api:receipt-answer")


def post(body: Any, *, client: Client | None = None) -> Any:
    # enforce_csrf_checks: a reporter with only a receipt has no session and no CSRF token.
    client = client or Client(enforce_csrf_checks=True)
    return client.post(
        LOOKUP if "answer" not in body else ANSWER, data=json.dumps(body), content_type="application/json"
    )


@pytest.fixture
def receipt(organisation: Organisation) -> Receipt:
    return submit_report(
        organisation=organisation,
        author=None,
        identity_mode=IdentityMode.ANONYMOUS,
        draft=Draft(kind="near_miss", narrative="The strategy meeting went ahead without police."),
    )


@pytest.fixture
def question(receipt: Receipt, panel_member: User) -> ReportQuestion:
    return ReportQuestion.objects.create(report=receipt.report, text="Which inbox was used?", asked_by=panel_member)


def test_receipt_shows_status_questions_and_learning(
    receipt: Receipt, question: ReportQuestion, panel_member: User, organisation: Organisation
) -> None:
    learning = PublishedLearning.objects.create(
        title="Police invitations to strategy meetings",
        what_we_heard="Invitations went to an unmonitored inbox.",
        what_we_found="Nobody owned the inbox out of hours.",
        what_is_changing="Invitations now go to the CAIT duty desk.",
        published_by=panel_member,
    )
    learning.organisations.add(organisation)
    ReportFeedback.objects.create(report=receipt.report, learning=learning, kind=FeedbackKind.SYSTEM_CHANGE)
    receipt.report.status = ReportStatus.LEARNING_PUBLISHED
    receipt.report.save()

    response = post({"reference": receipt.report.reference, "secret": receipt.secret})

    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == receipt.report.reference
    assert body["status"] == "learning_published"
    assert body["questions"] == [
        {
            "id": question.pk,
            "text": "Which inbox was used?",
            "asked_at": body["questions"][0]["asked_at"],
            "answer": "",
            "answered_at": None,
        }
    ]
    assert [item["title"] for item in body["learning"]] == ["Police invitations to strategy meetings"]
    assert body["learning"][0]["what_is_changing"] == "Invitations now go to the CAIT duty desk."


def test_reference_is_matched_whatever_the_case_and_spacing(receipt: Receipt) -> None:
    response = post({"reference": f"  {receipt.report.reference.lower()} ", "secret": receipt.secret})
    assert response.status_code == 200


def test_wrong_secret_and_unknown_reference_get_the_same_404(receipt: Receipt) -> None:
    wrong_secret = post({"reference": receipt.report.reference, "secret": "not-the-secret"})
    unknown = post({"reference": "LR-0000-0000", "secret": receipt.secret})

    assert wrong_secret.status_code == unknown.status_code == 404
    assert wrong_secret.content == unknown.content
    assert wrong_secret.json() == {"detail": "No report matches that reference and secret."}


def test_a_signed_in_outsider_gets_no_more_than_anyone(receipt: Receipt, outsider: User, login: Any) -> None:
    response = post({"reference": receipt.report.reference, "secret": "guess"}, client=login(outsider))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [({"reference": "LR-1"}, "secret"), ({"secret": "x"}, "reference"), ({"reference": 5, "secret": "x"}, "reference")],
)
def test_incomplete_lookup_gets_field_errors(body: dict[str, Any], field: str, db: None) -> None:
    response = post(body)
    assert response.status_code == 400
    assert field in response.json()


def test_malformed_json_is_a_clear_400(db: None) -> None:
    response = Client().post(LOOKUP, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_lookups_are_rate_limited(receipt: Receipt, settings: Any) -> None:
    settings.RECEIPT_RATE_LIMIT = "3/h"
    codes = [post({"reference": receipt.report.reference, "secret": f"guess-{n}"}).status_code for n in range(4)]
    assert codes == [404, 404, 404, 429]
    # The right secret is throttled too once the budget is spent: no free oracle.
    limited = post({"reference": receipt.report.reference, "secret": receipt.secret})
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 3600


def test_the_page_and_the_api_share_one_budget(receipt: Receipt, settings: Any) -> None:
    settings.RECEIPT_RATE_LIMIT = "2/h"
    page = Client()  # the same address as the API calls
    guess = {"reference": receipt.report.reference, "secret": "a-guess"}
    assert page.post(reverse("receipt"), guess).status_code == 200
    assert post(guess).status_code == 404
    assert post(guess).status_code == 429
    assert page.post(reverse("receipt"), guess).status_code == 429


# --- answering -------------------------------------------------------------------------------


def test_reporter_answers_a_question_de_identified(receipt: Receipt, question: ReportQuestion) -> None:
    response = post(
        {
            "reference": receipt.report.reference,
            "secret": receipt.secret,
            "question_id": question.pk,
            "answer": "It went to the generic inbox; Jane Doe on 07700 900456 said nobody checks it.",
        }
    )

    assert response.status_code == 200, response.content
    question.refresh_from_db()
    assert question.answered_at is not None
    assert "07700 900456" not in question.answer
    assert "07700 900456" not in response.json()["answer"]
    assert question.relayed_by is None
    audit = AuditEvent.objects.get(action="question.answered")
    assert audit.actor is None
    # The answer now shows on the receipt.
    looked_up = post({"reference": receipt.report.reference, "secret": receipt.secret}).json()
    assert looked_up["questions"][0]["answer"] == question.answer


def test_answer_with_wrong_secret_is_404_and_changes_nothing(receipt: Receipt, question: ReportQuestion) -> None:
    response = post(
        {"reference": receipt.report.reference, "secret": "wrong", "question_id": question.pk, "answer": "Yes."}
    )
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.answered_at is None


def test_question_of_another_report_is_404(
    receipt: Receipt, other_organisation: Organisation, other_panel_member: User
) -> None:
    other = submit_report(
        organisation=other_organisation,
        author=None,
        identity_mode=IdentityMode.ANONYMOUS,
        draft=Draft(kind="near_miss", narrative="Another organisation's report."),
    )
    foreign = ReportQuestion.objects.create(report=other.report, text="Private?", asked_by=other_panel_member)

    response = post(
        {"reference": receipt.report.reference, "secret": receipt.secret, "question_id": foreign.pk, "answer": "Hi"}
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "No report matches that reference and secret."}
    foreign.refresh_from_db()
    assert foreign.answered_at is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"answer": ""}, "answer"),
        ({"answer": "z" * 100_000}, "answer"),
        ({"question_id": "first"}, "question_id"),
        ({"question_id": None}, "question_id"),
    ],
)
def test_bad_answers_get_field_errors(
    receipt: Receipt, question: ReportQuestion, overrides: dict[str, Any], field: str
) -> None:
    body = {
        "reference": receipt.report.reference,
        "secret": receipt.secret,
        "question_id": question.pk,
        "answer": "An answer.",
        **overrides,
    }
    response = post(body)
    assert response.status_code == 400
    assert field in response.json()


def test_a_question_is_answered_once(receipt: Receipt, question: ReportQuestion) -> None:
    body = {"reference": receipt.report.reference, "secret": receipt.secret, "question_id": question.pk}
    assert post({**body, "answer": "First."}).status_code == 200
    second = post({**body, "answer": "Second."})
    assert second.status_code == 400
    assert "answer" in second.json()

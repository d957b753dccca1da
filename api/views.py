"""The reporting API. Each view parses input with an input serializer, calls
one service from reporting.services and renders the result with an output
serializer. Service errors (Django ValidationError, PermissionDenied, Http404)
become API errors in api.exceptions."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import IsOrganisationStaff
from api.serializers import (
    AnswerInputSerializer,
    ErrorOutputSerializer,
    PreviewOutputSerializer,
    QuestionOutputSerializer,
    ReceiptInputSerializer,
    ReceiptOutputSerializer,
    ReportCreatedOutputSerializer,
    ReportDraftInputSerializer,
    ReportSubmitInputSerializer,
)
from api.throttling import ReceiptThrottle
from reporting.models import Organisation, Report
from reporting.services import answer_question, look_up_receipt, preview_report, submit_report

NOT_FOUND_DETAIL = "No report matches that reference and secret."

BLAME_PROMPT = (
    "Part of this reads as if it is about what one person did. Lantern learns most when a report says what made "
    "it happen - workload, cover, procedures, systems, information from others - rather than who. You can edit "
    "the text, or send it as it is."
)


def live_concern_message(organisation: Organisation) -> str:
    """Plain words for a reporter whose report suggests a child may be at risk
    now; the same words as the web page's warning."""
    contact = organisation.duty_contact.strip().rstrip(".") or (
        "contact your duty manager or the children's services front door now"
    )
    return (
        "What you describe suggests a child may be at risk now. Lantern is for learning, not for referrals, "
        f"and nobody reads reports straight away. Follow your local safeguarding procedures now: {contact}."
    )


def _receipt_or_404(reference: str, secret: str) -> Report:
    report = look_up_receipt(reference=reference, secret=secret)
    if report is None:
        # One body for a wrong secret and an unknown reference.
        raise NotFound(NOT_FOUND_DETAIL)
    return report


def _not_found(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorOutputSerializer, description=description)


VALIDATION_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Field errors: an object mapping each bad field to a list of messages (or `detail` for a body "
    "that is not valid JSON).",
    examples=[
        OpenApiExample(
            "Field errors",
            value={"narrative": ["This field may not be blank."], "kind": ['"bogus" is not a valid choice.']},
        )
    ],
)
NOT_SIGNED_IN = _not_found(
    "Not signed in. `WWW-Authenticate` names the scheme to answer: `Basic` for a script, `Session` (sign in on "
    "the site) for a browser."
)
NO_ORGANISATION = _not_found("Signed in, but not a member of staff of an organisation.")
THROTTLED = _not_found("Too many receipt look-ups from this address; try again later.")

DRAFT_EXAMPLE = OpenApiExample(
    "A near miss",
    request_only=True,
    value={
        "kind": "near_miss",
        "narrative": "The police notification for Amy Smith arrived nine days late; the school told us first.",
        "what_would_help": "A shared inbox that someone checks every day.",
        "service_area": "child_protection",
        "contributing_factors": ["other_agency_information", "team_communication"],
        "reached_child": "no",
        "raised_at_time": "acknowledged_no_change",
        "got_what_needed": "partly",
        "happened_before": "yes",
        "incident_month": "2025-03",
    },
)


class ReportCreateView(APIView):
    permission_classes = [IsOrganisationStaff]

    @extend_schema(
        tags=["reports"],
        operation_id="reports_create",
        summary="File a report",
        description=(
            "Files a report into the signed-in member of staff's own organisation. The text is de-identified "
            "before anything is stored. The response carries the receipt secret: it is shown once and stored "
            "only as a hash. When the report suggests a child may be at risk now, `live_concern` is true and "
            "`live_concern_message` says what to do."
        ),
        request=ReportSubmitInputSerializer,
        responses={201: ReportCreatedOutputSerializer, 400: VALIDATION_ERROR, 401: NOT_SIGNED_IN, 403: NO_ORGANISATION},
        examples=[
            OpenApiExample(
                "An anonymous near miss",
                request_only=True,
                value={**DRAFT_EXAMPLE.value, "identity_mode": "anonymous"},
            ),
            OpenApiExample(
                "Filed",
                response_only=True,
                status_codes=["201"],
                value={
                    "reference": "LR-7K2M-Q9XD",
                    "receipt_secret": "q3VJ4m1x0cQe8n2P",
                    "identity_mode": "anonymous",
                    "status": "received",
                    "live_concern": False,
                    "live_concern_message": None,
                    "narrative": "The police notification for [CHILD 1] arrived nine days late; the school told "
                    "us first.",
                    "what_would_help": "A shared inbox that someone checks every day.",
                },
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = ReportSubmitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user: Any = request.user
        receipt = submit_report(
            organisation=user.organisation,
            author=user,
            identity_mode=serializer.validated_data["identity_mode"],
            draft=serializer.to_draft(),
            contact_note=serializer.validated_data["contact_note"],
        )
        report = receipt.report
        output = ReportCreatedOutputSerializer(
            {
                "reference": report.reference,
                "receipt_secret": receipt.secret,
                "identity_mode": report.identity_mode,
                "status": report.status,
                "live_concern": report.live_concern,
                "live_concern_message": live_concern_message(user.organisation) if report.live_concern else None,
                "narrative": report.narrative,
                "what_would_help": report.what_would_help,
            }
        )
        return Response(output.data, status=status.HTTP_201_CREATED)


class ReportPreviewView(APIView):
    permission_classes = [IsOrganisationStaff]

    @extend_schema(
        tags=["reports"],
        operation_id="reports_preview",
        summary="Preview the de-identified text",
        description=(
            "De-identifies a draft and runs the live-concern and blame screens, storing nothing. Show the "
            "result to the reporter to confirm or edit before filing."
        ),
        request=ReportDraftInputSerializer,
        responses={200: PreviewOutputSerializer, 400: VALIDATION_ERROR, 401: NOT_SIGNED_IN, 403: NO_ORGANISATION},
        examples=[
            DRAFT_EXAMPLE,
            OpenApiExample(
                "Preview",
                response_only=True,
                status_codes=["200"],
                value={
                    "narrative": "The police notification for [CHILD 1] arrived nine days late; the school told "
                    "us first.",
                    "what_would_help": "A shared inbox that someone checks every day.",
                    "redacted_count": 1,
                    "live_concern": False,
                    "live_concern_message": None,
                    "blame_phrases": [],
                    "blame_prompt": None,
                },
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = ReportDraftInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        preview = preview_report(serializer.to_draft())
        user: Any = request.user
        output = PreviewOutputSerializer(
            {
                "narrative": preview.narrative,
                "what_would_help": preview.what_would_help,
                "redacted_count": preview.redacted_count,
                "live_concern": preview.live_concern,
                "live_concern_message": live_concern_message(user.organisation) if preview.live_concern else None,
                "blame_phrases": list(preview.blame_phrases),
                "blame_prompt": BLAME_PROMPT if preview.blame_phrases else None,
            }
        )
        return Response(output.data)


class ReceiptView(APIView):
    """Base for the receipt endpoints: no sign-in (an anonymous reporter has
    no account link), so no session and no CSRF; rate-limited per address."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ReceiptThrottle]
    ratelimit_group = "lantern.receipt"


RECEIPT_EXAMPLE = OpenApiExample(
    "Receipt", request_only=True, value={"reference": "LR-7K2M-Q9XD", "secret": "q3VJ4m1x0cQe8n2P"}
)


class ReceiptLookupView(ReceiptView):
    @extend_schema(
        tags=["receipts"],
        operation_id="receipts_lookup",
        summary="Read a receipt",
        description=(
            "With the reference and secret from the receipt, and without signing in: the report's status, the "
            "panel's questions (with answers) and the learning published about it. A wrong secret gets exactly "
            "the same 404 as an unknown reference. Rate-limited."
        ),
        request=ReceiptInputSerializer,
        responses={
            200: ReceiptOutputSerializer,
            400: VALIDATION_ERROR,
            404: _not_found("No report matches that reference and secret."),
            429: THROTTLED,
        },
        examples=[
            RECEIPT_EXAMPLE,
            OpenApiExample(
                "Status and a question",
                response_only=True,
                status_codes=["200"],
                value={
                    "reference": "LR-7K2M-Q9XD",
                    "status": "in_review",
                    "status_display": "Being looked at by the review panel",
                    "submitted_on": "2025-03-14",
                    "questions": [
                        {
                            "id": 12,
                            "text": "Which inbox did the notification go to?",
                            "asked_at": "2025-03-20T10:02:00Z",
                            "answer": "",
                            "answered_at": None,
                        }
                    ],
                    "learning": [],
                },
            ),
            OpenApiExample("Not found", response_only=True, status_codes=["404"], value={"detail": NOT_FOUND_DETAIL}),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = ReceiptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = _receipt_or_404(serializer.validated_data["reference"], serializer.validated_data["secret"])
        return Response(ReceiptOutputSerializer(report).data)


class ReceiptAnswerView(ReceiptView):
    ratelimit_group = "lantern.receipt-answer"

    @extend_schema(
        tags=["receipts"],
        operation_id="receipts_answer",
        summary="Answer a panel's question",
        description=(
            "Answers one question on the receipt. The answer is de-identified before it is stored. A question "
            "that is not on this receipt gets the same 404 as a wrong secret."
        ),
        request=AnswerInputSerializer,
        responses={
            200: QuestionOutputSerializer,
            400: VALIDATION_ERROR,
            404: _not_found("No report matches that reference and secret, or no such question on it."),
            429: THROTTLED,
        },
        examples=[
            OpenApiExample(
                "Answer",
                request_only=True,
                value={
                    "reference": "LR-7K2M-Q9XD",
                    "secret": "q3VJ4m1x0cQe8n2P",
                    "question_id": 12,
                    "answer": "The generic police inbox; nobody on our side checks it at weekends.",
                },
            )
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = AnswerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = _receipt_or_404(data["reference"], data["secret"])
        question = report.questions.filter(pk=data["question_id"]).first()
        if question is None:
            raise NotFound(NOT_FOUND_DETAIL)
        question = answer_question(question=question, answer=data["answer"])
        return Response(QuestionOutputSerializer(question).data)

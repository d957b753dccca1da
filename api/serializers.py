"""Input and output shapes of the API. Input serializers check types and
vocabularies and build the service's arguments; output serializers render
what a service returned. Neither changes state: that is the services' job."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from reporting.choices import (
    ContributingFactor,
    GotWhatNeeded,
    HappenedBefore,
    IdentityMode,
    RaisedAtTime,
    ReachedChild,
    ReportKind,
    ReportStatus,
    ServiceArea,
)
from reporting.services import Draft

# --- Input ------------------------------------------------------------------------------


class TextField(serializers.CharField):
    """A CharField that refuses numbers, booleans and objects instead of
    turning them into strings: a narrative of ``12`` is a client bug."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ReportDraftInputSerializer(serializers.Serializer):
    """What a reporter typed. Length limits and cross-field rules are the
    service's (reporting.services.validate_draft), so the web form, the API
    and the import share one set of rules."""

    kind = serializers.ChoiceField(choices=ReportKind.choices)
    narrative = TextField(trim_whitespace=False, help_text="What happened. May contain personal details.")
    what_would_help = TextField(required=False, allow_blank=True, default="", trim_whitespace=False)
    service_area = serializers.ChoiceField(choices=ServiceArea.choices, required=False, allow_blank=True, default="")
    contributing_factors = serializers.ListField(
        child=serializers.ChoiceField(choices=ContributingFactor.choices), required=False, default=list
    )
    reached_child = serializers.ChoiceField(choices=ReachedChild.choices, required=False, allow_blank=True, default="")
    raised_at_time = serializers.ChoiceField(choices=RaisedAtTime.choices, required=False, allow_blank=True, default="")
    got_what_needed = serializers.ChoiceField(
        choices=GotWhatNeeded.choices, required=False, allow_blank=True, default=""
    )
    happened_before = serializers.ChoiceField(
        choices=HappenedBefore.choices, required=False, allow_blank=True, default=""
    )
    incident_month = serializers.RegexField(
        r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        allow_null=True,
        default=None,
        help_text="Month of the incident as YYYY-MM. Only the month is kept, never the day.",
        error_messages={"invalid": "Give the month as YYYY-MM, e.g. 2025-03."},
    )

    def validate_incident_month(self, value: str | None) -> dt.date | None:
        if not value:
            return None
        year, month = (int(part) for part in value.split("-"))
        return dt.date(year, month, 1)

    def to_draft(self) -> Draft:
        data: dict[str, Any] = self.validated_data
        return Draft(
            kind=data["kind"],
            narrative=data["narrative"],
            what_would_help=data["what_would_help"],
            service_area=data["service_area"],
            contributing_factors=tuple(data["contributing_factors"]),
            reached_child=data["reached_child"],
            raised_at_time=data["raised_at_time"],
            got_what_needed=data["got_what_needed"],
            happened_before=data["happened_before"],
            incident_month=data["incident_month"],
        )


class ReportSubmitInputSerializer(ReportDraftInputSerializer):
    identity_mode = serializers.ChoiceField(
        choices=IdentityMode.choices,
        default=IdentityMode.CONFIDENTIAL,
        help_text=(
            "anonymous: nothing links the report to your account. confidential (default): only your "
            "organisation's confidential contact can see who you are, for call-back, until the report closes."
        ),
    )
    contact_note = TextField(
        required=False,
        allow_blank=True,
        default="",
        max_length=300,
        help_text="Confidential reports only: how and when the confidential contact may get in touch.",
    )


class ReceiptInputSerializer(serializers.Serializer):
    reference = TextField(max_length=20, help_text="The reference on the receipt, e.g. LR-7K2M-Q9XD.")
    secret = TextField(max_length=64, help_text="The secret shown once when the report was filed.")


class AnswerInputSerializer(ReceiptInputSerializer):
    question_id = serializers.IntegerField(min_value=1)
    answer = TextField(trim_whitespace=False, help_text="Your answer. It is de-identified before storing.")


# --- Output -----------------------------------------------------------------------------


class PreviewOutputSerializer(serializers.Serializer):
    narrative = serializers.CharField(help_text="De-identified text, as it would be stored.")
    what_would_help = serializers.CharField()
    redacted_count = serializers.IntegerField(help_text="How many personal details were replaced.")
    live_concern = serializers.BooleanField(help_text="The text or answers suggest a child may be at risk now.")
    live_concern_message = serializers.CharField(allow_null=True, help_text="What to do now, when live_concern.")
    blame_phrases = serializers.ListField(child=serializers.CharField())
    blame_prompt = serializers.CharField(allow_null=True, help_text="A gentle prompt when the text blames a person.")


class ReportCreatedOutputSerializer(serializers.Serializer):
    reference = serializers.CharField()
    receipt_secret = serializers.CharField(
        help_text="Shown once and stored only as a hash: with the reference it opens the receipt."
    )
    identity_mode = serializers.ChoiceField(choices=IdentityMode.choices)
    status = serializers.ChoiceField(choices=ReportStatus.choices)
    live_concern = serializers.BooleanField()
    live_concern_message = serializers.CharField(allow_null=True)
    narrative = serializers.CharField(help_text="The de-identified text that was stored.")
    what_would_help = serializers.CharField()


class QuestionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    asked_at = serializers.DateTimeField()
    answer = serializers.CharField(help_text="De-identified; blank until answered.")
    answered_at = serializers.DateTimeField(allow_null=True)


class LearningOutputSerializer(serializers.Serializer):
    title = serializers.CharField()
    what_we_heard = serializers.CharField()
    what_we_found = serializers.CharField()
    what_is_changing = serializers.CharField()
    published_at = serializers.DateTimeField()


class ReceiptOutputSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=ReportStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    submitted_on = serializers.DateField()
    questions = QuestionOutputSerializer(many=True, source="questions.all")
    learning = serializers.SerializerMethodField()

    @extend_schema_field(LearningOutputSerializer(many=True))
    def get_learning(self, report: Any) -> list[dict[str, Any]]:
        learning = report.learning.distinct().order_by("-published_at")
        return LearningOutputSerializer(learning, many=True).data  # type: ignore[return-value]


class ErrorOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()

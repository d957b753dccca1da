"""Input and output serializers of the panel API (triage, themes, reports,
urgent queue, questions). Inputs only parse; rules live in the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from reporting.choices import LearningTogether, ThemeStatus, UrgentOutcome, WestrumAspect, WestrumOrientation
from reporting.models import Report, ReportQuestion, Theme
from reviews.models import ThemeNote

# --- Outputs -----------------------------------------------------------------------


class ThemeFactsOutputSerializer(serializers.Serializer):
    size = serializers.IntegerField()
    recent = serializers.IntegerField(help_text="Reports in the last 30 days.")
    previous = serializers.IntegerField(help_text="Reports in the 30 days before that.")
    reached_child = serializers.IntegerField()
    live_concern = serializers.IntegerField()
    live_unhandled = serializers.IntegerField()
    pathological = serializers.IntegerField()
    labelled = serializers.IntegerField()
    emerging = serializers.BooleanField()
    days_since_reviewed = serializers.IntegerField(allow_null=True)


class ThemeSummaryOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = [
            "id",
            "title",
            "title_locked",
            "keywords",
            "status",
            "status_reason",
            "emerging",
            "first_seen",
            "last_seen",
            "last_reviewed_at",
        ]


class TriageRowOutputSerializer(serializers.Serializer):
    theme = ThemeSummaryOutputSerializer()
    facts = ThemeFactsOutputSerializer()
    score = serializers.FloatField(help_text="Attention score; see reviews.services.workspace.attention_score.")
    reasons = serializers.ListField(child=serializers.CharField())


class BarOutputSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a declared field; stubs clash with Field.label
    shown = serializers.CharField(help_text="The count as displayed: 'fewer than 5' when small.")


class WestrumRowOutputSerializer(serializers.Serializer):
    aspect = serializers.CharField()
    cells = BarOutputSerializer(many=True, help_text="One per orientation: pathological, bureaucratic, generative.")


class ThemeProfileOutputSerializer(serializers.Serializer):
    """Aggregates only, with small counts suppressed: raw counts are never sent."""

    size = serializers.SerializerMethodField()
    computed_at = serializers.DateField(allow_null=True, help_text="The day these figures were computed.")
    months = BarOutputSerializer(
        many=True, help_text="Reports per calendar month over the theme's span (at most 36 months), oldest first."
    )
    westrum_grid = WestrumRowOutputSerializer(many=True, help_text="Reports by Westrum aspect and orientation.")
    trend = BarOutputSerializer(many=True, help_text="Reports in three 30-day blocks, oldest first.")
    quarters = BarOutputSerializer(many=True, help_text="The 90 days before the last 90, then the last 90.")
    westrum_orientation = BarOutputSerializer(many=True)
    westrum_aspect = BarOutputSerializer(many=True)
    learning_together = BarOutputSerializer(many=True)
    contributing_factors = BarOutputSerializer(many=True)
    service_areas = BarOutputSerializer(many=True)

    def get_size(self, obj: Any) -> str:
        from reviews.services.workspace import suppress

        return suppress(obj.size)


class ThemeDetailOutputSerializer(ThemeSummaryOutputSerializer):
    excerpts = serializers.SerializerMethodField()
    merged_into: serializers.PrimaryKeyRelatedField[Theme] = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta(ThemeSummaryOutputSerializer.Meta):
        fields = [*ThemeSummaryOutputSerializer.Meta.fields, "excerpts", "merged_into"]

    def get_excerpts(self, obj: Theme) -> list[str]:
        return [e.get("text", "") if isinstance(e, dict) else str(e) for e in (obj.excerpts or [])[:3]]


class MemberReportOutputSerializer(serializers.ModelSerializer):
    theme_pinned = serializers.BooleanField(
        source="member_pinned",
        help_text="Pinned to this theme (for a partnership theme, by the partnership's panel).",
    )

    class Meta:
        model = Report
        fields = [
            "id",
            "reference",
            "kind",
            "service_area",
            "submitted_on",
            "narrative",
            "westrum_aspect",
            "westrum_orientation",
            "learning_together",
            "theme_pinned",
            "live_concern",
            "duplicate_of",
        ]


class PanelQuestionOutputSerializer(serializers.ModelSerializer):
    relayed = serializers.SerializerMethodField(help_text="True when the confidential contact relayed the answer.")

    class Meta:
        model = ReportQuestion
        fields = ["id", "text", "asked_at", "answer", "answered_at", "relayed"]

    def get_relayed(self, obj: ReportQuestion) -> bool:
        return obj.relayed_by_id is not None


class LabelOutputSerializer(serializers.Serializer):
    field = serializers.CharField()
    title = serializers.CharField()
    value = serializers.CharField(allow_blank=True)
    label = serializers.CharField()  # type: ignore[assignment]  # a declared field; stubs clash with Field.label
    confidence = serializers.IntegerField(allow_null=True, help_text="Percent, for a suggested label.")
    evidence = serializers.ListField(child=serializers.CharField())
    by_person = serializers.BooleanField()
    corrected_by = serializers.CharField(allow_blank=True)


class ReportDetailOutputSerializer(serializers.ModelSerializer):
    labels = serializers.SerializerMethodField()
    questions = PanelQuestionOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "reference",
            "identity_mode",
            "kind",
            "narrative",
            "what_would_help",
            "service_area",
            "contributing_factors",
            "reached_child",
            "raised_at_time",
            "got_what_needed",
            "happened_before",
            "incident_month",
            "submitted_on",
            "status",
            "live_concern",
            "live_concern_reasons",
            "urgent_handled_at",
            "urgent_handled_note",
            "urgent_outcome",
            "theme",
            "theme_pinned",
            "theme_excluded",
            "duplicate_of",
            "labels",
            "questions",
        ]

    def get_labels(self, obj: Report) -> list[dict[str, Any]]:
        from reviews.services.workspace import label_rows

        return LabelOutputSerializer(label_rows(obj), many=True).data  # type: ignore[return-value]


class UrgentReportOutputSerializer(serializers.ModelSerializer):
    urgent_handled_by = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "reference",
            "submitted_on",
            "live_concern_reasons",
            "urgent_handled_at",
            "urgent_handled_by",
            "urgent_handled_note",
            "urgent_outcome",
        ]

    def get_urgent_handled_by(self, obj: Report) -> str | None:
        user = obj.urgent_handled_by
        return (user.get_full_name() or user.username) if user else None


class NoteOutputSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = ThemeNote
        fields = ["id", "text", "author", "created_at"]

    def get_author(self, obj: ThemeNote) -> str:
        return obj.author.get_full_name() or obj.author.username


class ContactQuestionOutputSerializer(serializers.ModelSerializer):
    report_reference = serializers.CharField(source="report.reference")

    class Meta:
        model = ReportQuestion
        fields = ["id", "report_reference", "text", "asked_at", "answer", "answered_at"]


class IdentityOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField(allow_blank=True)
    contact_note = serializers.CharField(allow_blank=True)


# --- Inputs ------------------------------------------------------------------------


class StatusInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ThemeStatus.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class RenameInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)


class MergeInputSerializer(serializers.Serializer):
    into = serializers.IntegerField(help_text="The id of the theme that survives.")


class SplitInputSerializer(serializers.Serializer):
    reports = serializers.ListField(child=serializers.UUIDField(), allow_empty=False)
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class NoteInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class LabelsInputSerializer(serializers.Serializer):
    westrum_aspect = serializers.ChoiceField(choices=WestrumAspect.choices, required=False)
    westrum_orientation = serializers.ChoiceField(choices=WestrumOrientation.choices, required=False)
    learning_together = serializers.ChoiceField(choices=LearningTogether.choices, required=False)


_ACTED_FROM_THEME = (
    "The theme acted from. A partnership theme's decision applies to that partnership only; "
    "without it, the report's organisation theme."
)


class PinInputSerializer(serializers.Serializer):
    pinned = serializers.BooleanField(default=True)
    theme = serializers.IntegerField(required=False, allow_null=True, default=None, help_text=_ACTED_FROM_THEME)


class ExcludeInputSerializer(serializers.Serializer):
    excluded = serializers.BooleanField(default=True)
    theme = serializers.IntegerField(required=False, allow_null=True, default=None, help_text=_ACTED_FROM_THEME)


class DuplicateInputSerializer(serializers.Serializer):
    duplicate_of = serializers.CharField(
        allow_null=True, allow_blank=True, required=False, help_text="Reference of the original report; null clears."
    )


class QuestionInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)


class HandledInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000)
    outcome = serializers.ChoiceField(choices=UrgentOutcome.choices, help_text="Whether a child was at risk now.")


class RelayInputSerializer(serializers.Serializer):
    answer = serializers.CharField()

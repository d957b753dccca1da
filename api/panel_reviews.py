"""/api/v1/panel/reviews/...: thematic reviews, SMART actions, learning
publication, review-pack exports and the leadership summary, with the same
permissions as the /panel/ pages.

Only panel members pass ``IsPanelMember`` (everyone else gets 404, as on the
pages); reviews and export jobs come through ``reviews.services.thematic``'s
``access_*`` helpers, so another panel gets 404 for each of them. Each view
parses with an input serializer, calls one service and renders with an
output serializer. The leadership summary is also open to leaders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.panel_views import IsPanelMember
from reporting.access import signed_in_user
from reporting.choices import ContributingFactor, FeedbackKind, LearningTogether
from reporting.models import Panel, PublishedLearning, Report, Theme
from reviews.models import (
    ActionStatus,
    ExportFormat,
    ExportJob,
    ExportState,
    ReviewAction,
    ReviewContributoryFactor,
    ReviewFinding,
    ReviewQuestion,
    ReviewRecommendation,
    ThematicReview,
)
from reviews.services import learning as learning_svc
from reviews.services import thematic as svc
from reviews.services.leadership import leadership_scope, leadership_summary
from reviews.services.workspace import access_theme_as_panel

NOT_FOUND = OpenApiResponse(description="Not a panel member, or the object is outside your panels' scope.")
BAD_REQUEST = OpenApiResponse(OpenApiTypes.OBJECT, description="Field errors: each bad field maps to messages.")


# --- Output serializers -----------------------------------------------------------------


class QuestionOut(serializers.ModelSerializer):
    class Meta:
        model = ReviewQuestion
        fields = ["id", "text", "answer", "answered_at", "created_at"]


class FindingOut(serializers.ModelSerializer):
    class Meta:
        model = ReviewFinding
        fields = ["id", "text", "learning_together", "created_at"]


class FactorOut(serializers.ModelSerializer):
    class Meta:
        model = ReviewContributoryFactor
        fields = ["id", "category", "description", "created_at"]


class RecommendationOut(serializers.ModelSerializer):
    class Meta:
        model = ReviewRecommendation
        fields = ["id", "text", "finding", "created_at"]


class ActionOut(serializers.ModelSerializer):
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = ReviewAction
        fields = [
            "id",
            "description",
            "owner",
            "due_date",
            "status",
            "evidence_of_completion",
            "completed_at",
            "recommendation",
            "overdue",
        ]


class ProgressOut(serializers.Serializer):
    questions_total = serializers.IntegerField()
    questions_answered = serializers.IntegerField()
    findings_total = serializers.IntegerField()
    recommendations_total = serializers.IntegerField()
    actions_total = serializers.IntegerField()
    actions_done = serializers.IntegerField()
    actions_overdue = serializers.IntegerField()


class ReviewSummaryOut(serializers.ModelSerializer):
    progress = serializers.SerializerMethodField()

    class Meta:
        model = ThematicReview
        fields = ["id", "title", "status", "panel", "started_at", "completed_at", "progress"]

    @extend_schema_field(ProgressOut)
    def get_progress(self, review: ThematicReview) -> dict[str, int]:
        return ProgressOut(review).data


class ReviewDetailOut(ReviewSummaryOut):
    # What PrimaryKeyRelatedField(many=True, read_only=True) builds, spelled out
    # so the type checker sees the ManyRelatedField DRF makes.
    themes = serializers.ManyRelatedField(
        child_relation=serializers.PrimaryKeyRelatedField(read_only=True), read_only=True
    )
    report_references = serializers.SerializerMethodField()
    questions = QuestionOut(many=True, read_only=True)
    findings = FindingOut(many=True, read_only=True)
    factors = FactorOut(many=True, read_only=True)
    recommendations = RecommendationOut(many=True, read_only=True)
    actions = ActionOut(many=True, read_only=True)

    class Meta(ReviewSummaryOut.Meta):
        fields = [
            *ReviewSummaryOut.Meta.fields,
            "terms_of_reference",
            "themes",
            "report_references",
            "questions",
            "findings",
            "factors",
            "recommendations",
            "actions",
        ]

    def get_report_references(self, review: ThematicReview) -> list[str]:
        return list(review.reports.order_by("reference").values_list("reference", flat=True))


class LearningOut(serializers.ModelSerializer):
    reports = serializers.SerializerMethodField()

    class Meta:
        model = PublishedLearning
        fields = ["id", "title", "what_we_heard", "what_we_found", "what_is_changing", "published_at", "reports"]

    def get_reports(self, learning: PublishedLearning) -> int:
        return learning.reports.count()


class ExportJobOut(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = ["id", "review", "format", "state", "progress", "requested_at", "finished_at", "download_url"]

    def get_download_url(self, job: ExportJob) -> str | None:
        if job.state != ExportState.DONE:
            return None
        return reverse("api:panel-export-download", kwargs={"job_id": job.pk})


# --- Input serializers -------------------------------------------------------------------


class StartReviewIn(serializers.Serializer):
    panel = serializers.IntegerField(required=False, help_text="Needed only if you sit on more than one panel.")
    themes = serializers.ListField(child=serializers.IntegerField(), min_length=1)
    title = serializers.CharField(max_length=200)
    terms_of_reference = serializers.CharField(required=False, allow_blank=True, default="")


class TermsIn(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    terms_of_reference = serializers.CharField(allow_blank=True)


class TextIn(serializers.Serializer):
    text = serializers.CharField()


class AnswerIn(serializers.Serializer):
    answer = serializers.CharField()


class FindingIn(serializers.Serializer):
    text = serializers.CharField()
    learning_together = serializers.ChoiceField(choices=LearningTogether.choices)


class FactorIn(serializers.Serializer):
    category = serializers.ChoiceField(choices=ContributingFactor.choices)
    description = serializers.CharField()


class RecommendationIn(serializers.Serializer):
    text = serializers.CharField()
    finding = serializers.IntegerField(required=False, allow_null=True, default=None)


class ActionIn(serializers.Serializer):
    description = serializers.CharField()
    owner = serializers.CharField(max_length=200, help_text="A role or team, never a person.")
    due_date = serializers.DateField()
    recommendation = serializers.IntegerField(required=False, allow_null=True, default=None)


class ActionUpdateIn(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    evidence_of_completion = serializers.CharField(required=False, allow_blank=True, default="")


class EvidenceIn(serializers.Serializer):
    themes = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    reports = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)


class LearningIn(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    what_we_heard = serializers.CharField()
    what_we_found = serializers.CharField()
    what_is_changing = serializers.CharField()
    feedback_kind = serializers.ChoiceField(choices=FeedbackKind.choices)


class ExportIn(serializers.Serializer):
    format = serializers.ChoiceField(choices=ExportFormat.choices)


def _parse(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _detail(review: ThematicReview) -> dict[str, Any]:
    review = (
        ThematicReview.objects.with_progress()
        .prefetch_related("themes", "questions", "findings", "factors", "recommendations", "actions")
        .get(pk=review.pk)
    )
    return ReviewDetailOut(review).data


class PanelView(APIView):
    permission_classes = [IsPanelMember]


# --- Reviews ----------------------------------------------------------------------------


class ReviewListView(PanelView):
    @extend_schema(summary="Your panels' thematic reviews, with progress", responses={200: ReviewSummaryOut(many=True)})
    def get(self, request: Request) -> Response:
        reviews = ThematicReview.objects.visible_to(request.user).with_progress().order_by("status", "-started_at")
        return Response(ReviewSummaryOut(reviews, many=True).data)

    @extend_schema(
        summary="Start a thematic review of one or more themes",
        request=StartReviewIn,
        responses={201: ReviewDetailOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request) -> Response:
        user = signed_in_user(request)
        data = _parse(StartReviewIn, request)
        panels = Panel.objects.for_member(user)
        panel = panels.filter(pk=data["panel"]).first() if data.get("panel") else None
        if panel is None:
            if data.get("panel") or panels.count() != 1:
                raise serializers.ValidationError({"panel": ["Choose one of your panels."]})
            panel = panels.get()
        themes = list(Theme.objects.visible_to(user).filter(pk__in=data["themes"]))
        if len(themes) != len(set(data["themes"])):
            raise NotFound()
        review = svc.start_review(
            actor=user,
            panel=panel,
            themes=themes,
            title=data["title"],
            terms_of_reference=data["terms_of_reference"],
        )
        return Response(_detail(review), status=status.HTTP_201_CREATED)


class ReviewDetailView(PanelView):
    @extend_schema(summary="A thematic review with all its parts", responses={200: ReviewDetailOut, 404: NOT_FOUND})
    def get(self, request: Request, review_id: int) -> Response:
        return Response(_detail(svc.access_review(request.user, review_id)))

    @extend_schema(
        summary="Change the title and terms of reference",
        request=TermsIn,
        responses={200: ReviewDetailOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def patch(self, request: Request, review_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        svc.update_terms_of_reference(actor=signed_in_user(request), review=review, **_parse(TermsIn, request))
        return Response(_detail(review))


def _part_view(
    name: str, in_class: type[serializers.Serializer], out_class: type[serializers.Serializer], act: Any, summary: str
) -> type[APIView]:
    """A POST endpoint that adds one part to a review through one service."""

    class PartView(PanelView):
        @extend_schema(summary=summary, request=in_class, responses={201: out_class, 400: BAD_REQUEST, 404: NOT_FOUND})
        def post(self, request: Request, review_id: int) -> Response:
            review = svc.access_review(request.user, review_id)
            created = act(signed_in_user(request), review, _parse(in_class, request))
            return Response(out_class(created).data, status=status.HTTP_201_CREATED)

    PartView.__name__ = PartView.__qualname__ = name
    return PartView


def _finding_of(review: ThematicReview, finding_id: int | None) -> ReviewFinding | None:
    if finding_id is None:
        return None
    finding = review.findings.filter(pk=finding_id).first()
    if finding is None:
        raise serializers.ValidationError({"finding": ["No such finding in this review."]})
    return finding


def _recommendation_of(review: ThematicReview, recommendation_id: int | None) -> ReviewRecommendation | None:
    if recommendation_id is None:
        return None
    recommendation = review.recommendations.filter(pk=recommendation_id).first()
    if recommendation is None:
        raise serializers.ValidationError({"recommendation": ["No such recommendation in this review."]})
    return recommendation


ReviewQuestionsView = _part_view(
    "ReviewQuestionsView",
    TextIn,
    QuestionOut,
    lambda actor, review, data: svc.add_review_question(actor=actor, review=review, text=data["text"]),
    "Add a review question",
)
ReviewFindingsView = _part_view(
    "ReviewFindingsView",
    FindingIn,
    FindingOut,
    lambda actor, review, data: svc.add_finding(actor=actor, review=review, **data),
    "Add a finding, tagged with its Learning Together pattern",
)
ReviewFactorsView = _part_view(
    "ReviewFactorsView",
    FactorIn,
    FactorOut,
    lambda actor, review, data: svc.add_contributory_factor(actor=actor, review=review, **data),
    "Add a systemic contributory factor",
)
ReviewRecommendationsView = _part_view(
    "ReviewRecommendationsView",
    RecommendationIn,
    RecommendationOut,
    lambda actor, review, data: svc.add_recommendation(
        actor=actor, review=review, text=data["text"], finding=_finding_of(review, data["finding"])
    ),
    "Add a recommendation",
)
ReviewActionsView = _part_view(
    "ReviewActionsView",
    ActionIn,
    ActionOut,
    lambda actor, review, data: svc.add_action(
        actor=actor,
        review=review,
        description=data["description"],
        owner=data["owner"],
        due_date=data["due_date"],
        recommendation=_recommendation_of(review, data["recommendation"]),
    ),
    "Add a SMART action owned by a role or team",
)


class ReviewQuestionAnswerView(PanelView):
    @extend_schema(
        summary="Answer a review question",
        request=AnswerIn,
        responses={200: QuestionOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, review_id: int, question_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        question = review.questions.filter(pk=question_id).first()
        if question is None:
            raise NotFound()
        svc.answer_review_question(
            actor=signed_in_user(request), question=question, answer=_parse(AnswerIn, request)["answer"]
        )
        return Response(QuestionOut(question).data)


class ReviewActionView(PanelView):
    @extend_schema(
        summary="Move an action on (done needs evidence of completion)",
        request=ActionUpdateIn,
        responses={200: ActionOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def patch(self, request: Request, review_id: int, action_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        action = review.actions.filter(pk=action_id).first()
        if action is None:
            raise NotFound()
        svc.update_action(actor=signed_in_user(request), action=action, **_parse(ActionUpdateIn, request))
        return Response(ActionOut(action).data)


class ReviewEvidenceView(PanelView):
    @extend_schema(
        summary="Link more themes or reports as evidence",
        request=EvidenceIn,
        responses={200: ReviewDetailOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, review_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        data = _parse(EvidenceIn, request)
        user = signed_in_user(request)
        themes = list(Theme.objects.visible_to(user).filter(pk__in=data["themes"]))
        reports = list(Report.objects.visible_to(user).filter(pk__in=data["reports"]))
        if len(themes) != len(set(data["themes"])) or len(reports) != len(set(data["reports"])):
            raise NotFound()
        svc.add_review_evidence(actor=user, review=review, themes=themes, reports=reports)
        return Response(_detail(review))


class ReviewCompleteView(PanelView):
    @extend_schema(
        summary="Mark the review complete",
        request=None,
        responses={200: ReviewDetailOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, review_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        svc.complete_review(actor=signed_in_user(request), review=review)
        return Response(_detail(review))


# --- Learning -----------------------------------------------------------------------------


class ReviewLearningView(PanelView):
    @extend_schema(
        summary="Publish learning from a review to staff and linked reporters",
        request=LearningIn,
        responses={201: LearningOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, review_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        learning = learning_svc.publish_learning(
            actor=signed_in_user(request), review=review, **_parse(LearningIn, request)
        )
        return Response(LearningOut(learning).data, status=status.HTTP_201_CREATED)


class ThemeLearningView(PanelView):
    @extend_schema(
        summary="Publish learning from a theme to staff and its reporters",
        request=LearningIn,
        responses={201: LearningOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = access_theme_as_panel(request.user, theme_id)
        learning = learning_svc.publish_learning(
            actor=signed_in_user(request), theme=theme, **_parse(LearningIn, request)
        )
        return Response(LearningOut(learning).data, status=status.HTTP_201_CREATED)


# --- Exports --------------------------------------------------------------------------------


class ReviewExportView(PanelView):
    @extend_schema(
        summary="Ask for a review pack (DOCX or PDF), built in the background",
        request=ExportIn,
        responses={202: ExportJobOut, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, review_id: int) -> Response:
        review = svc.access_review(request.user, review_id)
        job = svc.request_export(
            actor=signed_in_user(request), review=review, format=_parse(ExportIn, request)["format"]
        )
        return Response(ExportJobOut(job).data, status=status.HTTP_202_ACCEPTED)


class ExportJobView(PanelView):
    @extend_schema(summary="An export job's state and progress", responses={200: ExportJobOut, 404: NOT_FOUND})
    def get(self, request: Request, job_id: int) -> Response:
        return Response(ExportJobOut(svc.access_export_job(request.user, job_id)).data)


class ExportDownloadView(PanelView):
    @extend_schema(
        summary="Download a finished review pack",
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, 404: NOT_FOUND},
    )
    def get(self, request: Request, job_id: int) -> FileResponse:
        job = svc.access_export_job(request.user, job_id)
        if job.state != ExportState.DONE or not job.file_name:
            raise NotFound()
        root = Path(settings.MEDIA_ROOT).resolve()
        file_path = (root / job.file_name).resolve()
        if root not in file_path.parents or not file_path.is_file():
            raise Http404
        return FileResponse(file_path.open("rb"), as_attachment=True, filename=job.download_name)


# --- Leadership ---------------------------------------------------------------------------------


class IsLeaderOrPanelMember(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if not leadership_scope(request.user):
            raise NotFound()
        return True


class BarOut(serializers.Serializer):
    # The stubs see a declared field named "label" as shadowing Field.label; at
    # runtime the serializer metaclass moves declared fields into
    # _declared_fields, so the output key "label" is what is meant.
    label = serializers.CharField()  # type: ignore[assignment]
    shown = serializers.CharField(help_text="The count as shown: 'fewer than 5' when small.")


class LeadershipOut(serializers.Serializer):
    window_days = serializers.IntegerField()
    reports_recent = serializers.CharField()
    reports_previous = serializers.CharField()
    reporting_rising = serializers.BooleanField()
    note = serializers.CharField()
    growing_themes = serializers.ListField(child=serializers.DictField())
    orientation_totals = BarOut(many=True)
    learning_together = BarOut(many=True)
    culture = serializers.ListField(child=serializers.DictField())
    actions_open = serializers.CharField()
    actions_overdue = serializers.CharField()
    actions_done = serializers.CharField()
    reviews_open = serializers.CharField()
    feedback_median_days = serializers.CharField()
    feedback_share = serializers.CharField()


RISING_NOTE = (
    "A rising number of near-miss reports usually means a healthier reporting culture, not a more dangerous "
    "service. Counts below the suppression threshold are shown as 'fewer than N'; teams are never ranked."
)


class LeadershipView(APIView):
    permission_classes = [IsLeaderOrPanelMember]

    @extend_schema(
        summary="Systemic summary for leaders (aggregates only, small counts suppressed)",
        responses={200: LeadershipOut, 404: NOT_FOUND},
    )
    def get(self, request: Request) -> Response:
        summary = leadership_summary(organisation_ids=leadership_scope(request.user))
        return Response(
            {
                **{
                    k: getattr(summary, k)
                    for k in (
                        "window_days",
                        "reports_recent",
                        "reports_previous",
                        "reporting_rising",
                        "actions_open",
                        "actions_overdue",
                        "actions_done",
                        "reviews_open",
                        "feedback_median_days",
                        "feedback_share",
                    )
                },
                "note": RISING_NOTE,
                "growing_themes": [vars(t) for t in summary.growing_themes],
                "orientation_totals": BarOut(summary.orientation_totals, many=True).data,
                "learning_together": BarOut(summary.learning_together, many=True).data,
                "culture": [
                    {"aspect": row["label"], "orientations": BarOut(row["bars"], many=True).data}
                    for row in summary.culture
                ],
            }
        )


urlpatterns = [
    path("reviews/", ReviewListView.as_view(), name="panel-reviews"),
    path("reviews/<int:review_id>/", ReviewDetailView.as_view(), name="panel-review"),
    path("reviews/<int:review_id>/questions/", ReviewQuestionsView.as_view(), name="panel-review-questions"),
    path(
        "reviews/<int:review_id>/questions/<int:question_id>/answer/",
        ReviewQuestionAnswerView.as_view(),
        name="panel-review-question-answer",
    ),
    path("reviews/<int:review_id>/findings/", ReviewFindingsView.as_view(), name="panel-review-findings"),
    path("reviews/<int:review_id>/factors/", ReviewFactorsView.as_view(), name="panel-review-factors"),
    path(
        "reviews/<int:review_id>/recommendations/",
        ReviewRecommendationsView.as_view(),
        name="panel-review-recommendations",
    ),
    path("reviews/<int:review_id>/actions/", ReviewActionsView.as_view(), name="panel-review-actions"),
    path("reviews/<int:review_id>/actions/<int:action_id>/", ReviewActionView.as_view(), name="panel-review-action"),
    path("reviews/<int:review_id>/evidence/", ReviewEvidenceView.as_view(), name="panel-review-evidence"),
    path("reviews/<int:review_id>/complete/", ReviewCompleteView.as_view(), name="panel-review-complete"),
    path("reviews/<int:review_id>/learning/", ReviewLearningView.as_view(), name="panel-review-learning"),
    path("reviews/<int:review_id>/exports/", ReviewExportView.as_view(), name="panel-review-exports"),
    path("reviews/exports/<int:job_id>/", ExportJobView.as_view(), name="panel-export"),
    path("reviews/exports/<int:job_id>/download/", ExportDownloadView.as_view(), name="panel-export-download"),
    path("themes/<int:theme_id>/learning/", ThemeLearningView.as_view(), name="panel-theme-learning"),
    path("leadership/", LeadershipView.as_view(), name="panel-leadership"),
]

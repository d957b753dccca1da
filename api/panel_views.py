"""The panel API: the same triage, theme, report, urgent-queue and question
operations as the /panel/ pages, with the same permissions.

Only panel members get past ``IsPanelMember`` (everyone else, leaders and
administrators included, gets 404, as on the pages: individual reports are
for panels only); objects come through the same ``access_*`` helpers, so
another organisation's panel member gets 404 for every object here. Each
view parses with an input serializer, calls one service from
``reviews.services.workspace`` and renders with an output serializer.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import panel_serializers as s
from reporting.access import access_report_as_panel, signed_in_user, user_capabilities
from reporting.identity import read_reporter_identity
from reporting.models import Report, Theme
from reporting.services import answer_question
from reviews.services import workspace as svc


class IsPanelMember(BasePermission):
    """A member of at least one review panel. Anyone else is told the
    resource does not exist, as on the pages."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False  # 401 "not authenticated", with the challenge of api.authentication
        if not user_capabilities(request.user).is_panel_member:
            raise NotFound()
        return True


class IsConfidentialContact(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if not svc.contact_may_relay(request.user):
            raise NotFound()
        return True


NOT_FOUND = OpenApiResponse(description="Not a panel member, or the object is outside your panels' scope.")
BAD_REQUEST = OpenApiResponse(OpenApiTypes.OBJECT, description="Field errors: each bad field maps to messages.")


def _paginate(view: APIView, request: Request, items: Any, serializer: Any) -> Response:
    paginator = LimitOffsetPagination()
    page = paginator.paginate_queryset(items, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


def _panel_report(request: Request, report_id: Any) -> Report:
    return access_report_as_panel(request.user, report_id)


def _acted_from_theme(request: Request, theme_id: int | None) -> Theme | None:
    """The theme a pin or an exclusion is made from; 404 outside the user's panels."""
    return svc.access_theme_as_panel(request.user, theme_id) if theme_id is not None else None


def _report_detail(report: Report) -> dict[str, Any]:
    report = Report.objects.select_related("urgent_handled_by").prefetch_related("questions").get(pk=report.pk)
    return s.ReportDetailOutputSerializer(report).data  # type: ignore[return-value]


class PanelView(APIView):
    permission_classes = [IsPanelMember]


# --- Triage -------------------------------------------------------------------------


class TriageView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_themes_list",
        summary="Triage queue",
        description=(
            "Current themes of the organisations and partnerships your panels serve, most in need of attention "
            "first (see the attention score in reviews.services.workspace). Default status filter: `open` "
            "(not dismissed or closed)."
        ),
        parameters=[
            OpenApiParameter("status", str, description="A theme status, `open` or `all`."),
            OpenApiParameter("service_area", str),
            OpenApiParameter("learning_together", str),
            OpenApiParameter("westrum_aspect", str),
            OpenApiParameter("westrum_orientation", str),
            OpenApiParameter(
                "period", str, enum=["30", "90", "365"], description="Reports submitted in the last N days."
            ),
        ],
        responses={200: s.TriageRowOutputSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request) -> Response:
        rows = svc.triage_queue(request.user, svc.TriageFilters.from_mapping(request.query_params))  # type: ignore[arg-type]
        return _paginate(self, request, rows, s.TriageRowOutputSerializer)


class ThemeDetailView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_themes_retrieve",
        summary="A theme with its profile",
        description=(
            "Aggregates from the theme engine's precomputed summary, suppressed below the threshold: counts come "
            "as text such as 'fewer than 5'."
        ),
        responses={200: OpenApiTypes.OBJECT, 404: NOT_FOUND},
    )
    def get(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        return Response(
            {
                "theme": s.ThemeDetailOutputSerializer(theme).data,
                "profile": s.ThemeProfileOutputSerializer(svc.theme_profile(theme)).data,
            }
        )


class ThemeReportsView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_reports_list",
        summary="A theme's member reports (de-identified)",
        responses={200: s.MemberReportOutputSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        return _paginate(self, request, svc.theme_members(theme), s.MemberReportOutputSerializer)


class ThemeStatusView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_status",
        summary="Change a theme's status (dismissing needs a reason)",
        request=s.StatusInputSerializer,
        responses={200: s.ThemeSummaryOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        data = s.StatusInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        theme = svc.set_theme_status(actor=request.user, theme=theme, **data.validated_data)  # type: ignore[arg-type]
        return Response(s.ThemeSummaryOutputSerializer(theme).data)


class ThemeRenameView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_rename",
        summary="Rename a theme (rebuilds keep the title)",
        request=s.RenameInputSerializer,
        responses={200: s.ThemeSummaryOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        data = s.RenameInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.rename_theme(actor=request.user, theme=theme, title=data.validated_data["title"])  # type: ignore[arg-type]
        theme.refresh_from_db()
        return Response(s.ThemeSummaryOutputSerializer(theme).data)


class ThemeMergeView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_merge",
        summary="Merge this theme into another; returns the survivor",
        request=s.MergeInputSerializer,
        responses={200: s.ThemeSummaryOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        data = s.MergeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        into = svc.access_theme_as_panel(request.user, data.validated_data["into"])
        survivor = svc.merge_themes(actor=request.user, theme=theme, into=into)  # type: ignore[arg-type]
        survivor.refresh_from_db()
        return Response(s.ThemeSummaryOutputSerializer(survivor).data)


class ThemeSplitView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_split",
        summary="Split chosen reports into a new theme; returns the new theme",
        request=s.SplitInputSerializer,
        responses={201: s.ThemeSummaryOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        data = s.SplitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = data.validated_data["reports"]
        reports = list(Report.objects.visible_to(signed_in_user(request)).filter(pk__in=ids) & theme.member_reports())
        if len(reports) != len(set(ids)):
            raise ValidationError({"reports": ["Choose reports that belong to this theme."]})
        new_theme = svc.split_theme(
            actor=request.user,  # type: ignore[arg-type]
            theme=theme,
            reports=reports,
            title=data.validated_data["title"],
        )
        return Response(s.ThemeSummaryOutputSerializer(new_theme).data, status=status.HTTP_201_CREATED)


class ThemeNotesView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_notes_list",
        summary="The panel's notes on a theme",
        responses={200: s.NoteOutputSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        return _paginate(self, request, theme.notes.select_related("author"), s.NoteOutputSerializer)

    @extend_schema(
        tags=["panel"],
        operation_id="panel_theme_notes_create",
        summary="Add a note to a theme",
        request=s.NoteInputSerializer,
        responses={201: s.NoteOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, theme_id: int) -> Response:
        theme = svc.access_theme_as_panel(request.user, theme_id)
        data = s.NoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = svc.add_theme_note(actor=request.user, theme=theme, text=data.validated_data["text"])  # type: ignore[arg-type]
        return Response(s.NoteOutputSerializer(note).data, status=status.HTTP_201_CREATED)


# --- Reports ------------------------------------------------------------------------


class ReportDetailView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_reports_retrieve",
        summary="A de-identified report with labels, evidence and questions",
        responses={200: s.ReportDetailOutputSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, report_id: Any) -> Response:
        return Response(_report_detail(_panel_report(request, report_id)))


class ReportLabelsView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_report_labels",
        summary="Correct a report's labels (the labeller learns from it)",
        request=s.LabelsInputSerializer,
        responses={200: s.ReportDetailOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.LabelsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.correct_report_labels(actor=request.user, report=report, labels=data.validated_data)  # type: ignore[arg-type]
        return Response(_report_detail(report))


class ReportPinView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_report_pin",
        summary="Pin (or unpin) a report to its theme",
        request=s.PinInputSerializer,
        responses={200: s.ReportDetailOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.PinInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.pin_report(
            actor=request.user,  # type: ignore[arg-type]
            report=report,
            pinned=data.validated_data["pinned"],
            theme=_acted_from_theme(request, data.validated_data["theme"]),
        )
        return Response(_report_detail(report))


class ReportExcludeView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_report_exclude",
        summary="Take a report out of theming (or return it)",
        request=s.ExcludeInputSerializer,
        responses={200: s.ReportDetailOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.ExcludeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.exclude_report(
            actor=request.user,  # type: ignore[arg-type]
            report=report,
            excluded=data.validated_data["excluded"],
            theme=_acted_from_theme(request, data.validated_data["theme"]),
        )
        return Response(_report_detail(report))


class ReportDuplicateView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_report_duplicate",
        summary="Mark a report as a duplicate of another (by reference); null clears",
        request=s.DuplicateInputSerializer,
        responses={200: s.ReportDetailOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.DuplicateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reference = (data.validated_data.get("duplicate_of") or "").strip().upper()
        original = None
        if reference:
            original = Report.objects.visible_to(signed_in_user(request)).filter(reference=reference).first()
            if original is None:
                raise ValidationError({"duplicate_of": ["No report with that reference in your panel's reports."]})
        svc.mark_duplicate(actor=request.user, report=report, duplicate_of=original)  # type: ignore[arg-type]
        return Response(_report_detail(report))


class ReportQuestionView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_report_question",
        summary="Ask the reporter a question (receipt page, or via the confidential contact)",
        request=s.QuestionInputSerializer,
        responses={201: s.PanelQuestionOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.QuestionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = svc.ask_reporter(actor=request.user, report=report, text=data.validated_data["text"])  # type: ignore[arg-type]
        return Response(s.PanelQuestionOutputSerializer(question).data, status=status.HTTP_201_CREATED)


# --- Urgent queue -------------------------------------------------------------------


class UrgentListView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_urgent_list",
        summary="Live-concern reports, unhandled first (handled ones stay listed)",
        parameters=[OpenApiParameter("handled", str, enum=["yes", "no"])],
        responses={200: s.UrgentReportOutputSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request) -> Response:
        handled = request.query_params.get("handled", "")
        reports = svc.urgent_reports_for(request.user, handled=handled if handled in {"yes", "no"} else "")  # type: ignore[arg-type]
        return _paginate(self, request, reports, s.UrgentReportOutputSerializer)


class UrgentHandledView(PanelView):
    @extend_schema(
        tags=["panel"],
        operation_id="panel_urgent_handled",
        summary="Mark a live-concern report as handled, saying what was done",
        request=s.HandledInputSerializer,
        responses={200: s.UrgentReportOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, report_id: Any) -> Response:
        report = _panel_report(request, report_id)
        data = s.HandledInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = svc.mark_urgent_handled(
            actor=request.user,  # type: ignore[arg-type]
            report=report,
            note=data.validated_data["note"],
            outcome=data.validated_data["outcome"],
        )
        return Response(s.UrgentReportOutputSerializer(report).data)


# --- Confidential contact -------------------------------------------------------------


class ContactQuestionsView(APIView):
    permission_classes = [IsConfidentialContact]

    @extend_schema(
        tags=["panel"],
        operation_id="contact_questions_list",
        summary="Questions on your organisation's confidential reports (confidential contacts only)",
        responses={200: s.ContactQuestionOutputSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request) -> Response:
        questions = svc.confidential_questions_for(request.user).order_by("answered_at", "asked_at")  # type: ignore[arg-type]
        return _paginate(self, request, questions, s.ContactQuestionOutputSerializer)


class ContactIdentityView(APIView):
    permission_classes = [IsConfidentialContact]

    @extend_schema(
        tags=["panel"],
        operation_id="contact_question_identity",
        summary="Who reported (audited; confidential contacts only)",
        request=None,
        responses={200: s.IdentityOutputSerializer, 404: NOT_FOUND},
    )
    def post(self, request: Request, question_id: int) -> Response:
        question = svc.access_question_as_contact(request.user, question_id)
        identity = read_reporter_identity(actor=request.user, report=question.report)  # type: ignore[arg-type]
        user = identity.user
        return Response(
            s.IdentityOutputSerializer(
                {
                    "name": user.get_full_name() or user.username,
                    "email": user.email,
                    "contact_note": identity.contact_note,
                }
            ).data
        )


class ContactAnswerView(APIView):
    permission_classes = [IsConfidentialContact]

    @extend_schema(
        tags=["panel"],
        operation_id="contact_question_answer",
        summary="Record the answer a confidential reporter gave you",
        request=s.RelayInputSerializer,
        responses={200: s.ContactQuestionOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request: Request, question_id: int) -> Response:
        question = svc.access_question_as_contact(request.user, question_id)
        data = s.RelayInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = answer_question(question=question, answer=data.validated_data["answer"], relayed_by=request.user)  # type: ignore[arg-type]
        return Response(s.ContactQuestionOutputSerializer(question).data)

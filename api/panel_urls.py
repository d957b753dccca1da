"""/api/v1/panel/: the review panel's workspace (triage, themes, reports, urgent queue, questions)."""

from django.urls import path

from api import panel_views as v

urlpatterns = [
    path("themes/", v.TriageView.as_view(), name="panel-themes"),
    path("themes/<int:theme_id>/", v.ThemeDetailView.as_view(), name="panel-theme"),
    path("themes/<int:theme_id>/reports/", v.ThemeReportsView.as_view(), name="panel-theme-reports"),
    path("themes/<int:theme_id>/status/", v.ThemeStatusView.as_view(), name="panel-theme-status"),
    path("themes/<int:theme_id>/rename/", v.ThemeRenameView.as_view(), name="panel-theme-rename"),
    path("themes/<int:theme_id>/merge/", v.ThemeMergeView.as_view(), name="panel-theme-merge"),
    path("themes/<int:theme_id>/split/", v.ThemeSplitView.as_view(), name="panel-theme-split"),
    path("themes/<int:theme_id>/notes/", v.ThemeNotesView.as_view(), name="panel-theme-notes"),
    path("reports/<uuid:report_id>/", v.ReportDetailView.as_view(), name="panel-report"),
    path("reports/<uuid:report_id>/labels/", v.ReportLabelsView.as_view(), name="panel-report-labels"),
    path("reports/<uuid:report_id>/pin/", v.ReportPinView.as_view(), name="panel-report-pin"),
    path("reports/<uuid:report_id>/exclude/", v.ReportExcludeView.as_view(), name="panel-report-exclude"),
    path("reports/<uuid:report_id>/duplicate/", v.ReportDuplicateView.as_view(), name="panel-report-duplicate"),
    path("reports/<uuid:report_id>/questions/", v.ReportQuestionView.as_view(), name="panel-report-question"),
    path("urgent/", v.UrgentListView.as_view(), name="panel-urgent"),
    path("urgent/<uuid:report_id>/handled/", v.UrgentHandledView.as_view(), name="panel-urgent-handled"),
    path("contact/questions/", v.ContactQuestionsView.as_view(), name="contact-questions"),
    path("contact/questions/<int:question_id>/identity/", v.ContactIdentityView.as_view(), name="contact-identity"),
    path("contact/questions/<int:question_id>/answer/", v.ContactAnswerView.as_view(), name="contact-answer"),
]

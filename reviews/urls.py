from django.urls import path

from reviews.views import workspace

app_name = "reviews"
urlpatterns = [
    # Workspace (engineer A): triage, urgent reports, themes, reports, questions.
    path("", workspace.triage, name="triage"),
    path("urgent/", workspace.urgent_queue, name="urgent"),
    path("urgent/<uuid:report_id>/handled/", workspace.urgent_handled, name="urgent-handled"),
    path("themes/<int:theme_id>/", workspace.theme_detail, name="theme"),
    path("themes/<int:theme_id>/status/", workspace.theme_status, name="theme-status"),
    path("themes/<int:theme_id>/rename/", workspace.theme_rename, name="theme-rename"),
    path("themes/<int:theme_id>/merge/", workspace.theme_merge, name="theme-merge"),
    path("themes/<int:theme_id>/split/", workspace.theme_split, name="theme-split"),
    path("themes/<int:theme_id>/notes/", workspace.theme_note, name="theme-note"),
    path("reports/<uuid:report_id>/", workspace.report_detail, name="report"),
    path("reports/<uuid:report_id>/labels/", workspace.report_labels, name="report-labels"),
    path("reports/<uuid:report_id>/question/", workspace.report_question, name="report-question"),
    path("reports/<uuid:report_id>/pin/", workspace.report_pin, name="report-pin"),
    path("reports/<uuid:report_id>/exclude/", workspace.report_exclude, name="report-exclude"),
    path("reports/<uuid:report_id>/duplicate/", workspace.report_duplicate, name="report-duplicate"),
    path("contact/", workspace.contact_questions, name="contact"),
    path("contact/questions/<int:question_id>/", workspace.contact_question, name="contact-question"),
]

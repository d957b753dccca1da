from django.urls import path

from reviews.views import thematic, workspace

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
    # Thematic reviews, learning, exports, leadership (engineer B).
    path("reviews/", thematic.review_list, name="reviews"),
    path("reviews/start/", thematic.review_start, name="review-start"),
    path("reviews/<int:review_id>/", thematic.review_detail, name="review"),
    path("reviews/<int:review_id>/terms/", thematic.review_terms, name="review-terms"),
    path("reviews/<int:review_id>/questions/", thematic.review_question, name="review-question"),
    path(
        "reviews/<int:review_id>/questions/<int:question_id>/answer/",
        thematic.review_question_answer,
        name="review-question-answer",
    ),
    path("reviews/<int:review_id>/findings/", thematic.review_finding, name="review-finding"),
    path("reviews/<int:review_id>/factors/", thematic.review_factor, name="review-factor"),
    path("reviews/<int:review_id>/recommendations/", thematic.review_recommendation, name="review-recommendation"),
    path("reviews/<int:review_id>/actions/", thematic.review_action, name="review-action"),
    path(
        "reviews/<int:review_id>/actions/<int:action_id>/", thematic.review_action_update, name="review-action-update"
    ),
    path(
        "reviews/<int:review_id>/actions/<int:action_id>/edit/", thematic.review_action_edit, name="review-action-edit"
    ),
    path("reviews/<int:review_id>/evidence/", thematic.review_evidence, name="review-evidence"),
    path("reviews/<int:review_id>/complete/", thematic.review_complete, name="review-complete"),
    path("reviews/<int:review_id>/learning/", thematic.review_learning, name="review-learning"),
    path("reviews/<int:review_id>/exports/", thematic.export_request, name="review-export"),
    path("reviews/exports/<int:job_id>/", thematic.export_status, name="export"),
    path("reviews/exports/<int:job_id>/status.json", thematic.export_status_json, name="export-status"),
    path("reviews/exports/<int:job_id>/download/", thematic.export_download, name="export-download"),
    path("themes/<int:theme_id>/learning/", thematic.theme_learning, name="theme-learning"),
    path("learning/<int:learning_id>/withdraw/", thematic.learning_withdraw, name="learning-withdraw"),
    path("leadership/", thematic.leadership, name="leadership"),
    path("leadership/summary.csv", thematic.leadership_csv, name="leadership-csv"),
]

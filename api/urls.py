from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import views

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file, which the CSP allows.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path("v1/reports/", views.ReportCreateView.as_view(), name="report-create"),
    path("v1/reports/preview/", views.ReportPreviewView.as_view(), name="report-preview"),
    path("v1/receipts/lookup/", views.ReceiptLookupView.as_view(), name="receipt-lookup"),
    path("v1/receipts/answer/", views.ReceiptAnswerView.as_view(), name="receipt-answer"),
    path("v1/panel/", include("api.panel_urls")),
    path("v1/panel/", include("api.panel_reviews")),
]

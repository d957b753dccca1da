"""Panel workspace pages: who may see what, what the pages do, and query counts."""

from __future__ import annotations

import pytest

from reporting.choices import IdentityMode, ThemeStatus
from reporting.models import AuditEvent, ReportQuestion
from tests.factories import ReportFactory
from tests.reviews.workspace_helpers import ThemeFactory, add_reports, confidential_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # The test client speaks plain HTTP; production redirects to HTTPS.
    settings.SECURE_SSL_REDIRECT = False


def test_smoke_pages(panel_member, organisation, login):
    theme = ThemeFactory(organisation=organisation)
    reports = add_reports(theme, 6, westrum_aspect="messengers", westrum_orientation="pathological")
    client = login(panel_member)
    for url in ["/panel/", f"/panel/themes/{theme.pk}/", f"/panel/reports/{reports[0].pk}/", "/panel/urgent/"]:
        response = client.get(url)
        assert response.status_code == 200, url

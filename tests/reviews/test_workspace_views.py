"""Panel workspace pages and the panel API: who may see what, what the pages
do, and query counts that do not grow with the number of rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.choices import IdentityMode, ThemeStatus
from reporting.models import AuditEvent, Report, ReportQuestion, Theme
from reviews.models import ThemeNote
from reviews.services import workspace as svc
from tests.factories import ReportFactory
from tests.reviews.test_workspace_services import summarise
from tests.reviews.workspace_helpers import ThemeFactory, add_reports, confidential_report

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "reporter",
    "panel_member",
    "other_panel_member",
    "leader",
    "confidential_contact",
    "administrator",
    "outsider",
]


LIST_URLS = {"/panel/", "/panel/urgent/", "/api/v1/panel/themes/", "/api/v1/panel/urgent/"}


@dataclass
class World:
    theme: Theme
    other_theme: Theme
    report: Report
    urgent: Report
    confidential: Report
    question: ReportQuestion


@pytest.fixture
def world(organisation, panel_member, reporter) -> World:
    theme = ThemeFactory(organisation=organisation, title="Late notifications")
    other_theme = ThemeFactory(organisation=organisation, title="Recording system")
    reports = add_reports(theme, 6, westrum_aspect="messengers", westrum_orientation="pathological")
    add_reports(other_theme, 2)
    urgent = ReportFactory(organisation=organisation, live_concern=True, theme=theme)
    confidential = confidential_report(organisation, reporter, theme=theme)
    question = ReportQuestion.objects.create(report=confidential, text="How long was the delay?", asked_by=panel_member)
    summarise(theme, other_theme)
    return World(theme, other_theme, reports[0], urgent, confidential, question)


def persona(request: pytest.FixtureRequest, name: str):
    return None if name == "anonymous" else request.getfixturevalue(name)


def panel_pages(w: World) -> list[str]:
    return [
        "/panel/",
        "/panel/urgent/",
        f"/panel/urgent/{w.urgent.pk}/handled/",
        f"/panel/themes/{w.theme.pk}/",
        f"/panel/reports/{w.report.pk}/",
    ]


def panel_posts(w: World) -> list[tuple[str, dict[str, object]]]:
    return [
        (f"/panel/urgent/{w.urgent.pk}/handled/", {"note": "Phoned MASH", "outcome": "acted_on"}),
        (f"/panel/themes/{w.theme.pk}/status/", {"status": "triaged"}),
        (f"/panel/themes/{w.theme.pk}/rename/", {"title": "Renamed"}),
        (f"/panel/themes/{w.other_theme.pk}/merge/", {"into": w.theme.pk}),
        (f"/panel/themes/{w.theme.pk}/split/", {"reports": [str(w.report.pk)]}),
        (f"/panel/themes/{w.theme.pk}/notes/", {"text": "A note"}),
        (f"/panel/reports/{w.report.pk}/labels/", {"westrum_aspect": "failure"}),
        (f"/panel/reports/{w.report.pk}/question/", {"text": "Which team?"}),
        (f"/panel/reports/{w.report.pk}/pin/", {"pinned": "1"}),
        (f"/panel/reports/{w.report.pk}/duplicate/", {"duplicate_of": w.urgent.reference}),
        (f"/panel/reports/{w.urgent.pk}/exclude/", {"excluded": "1"}),
    ]


def api_gets(w: World) -> list[str]:
    return [
        "/api/v1/panel/themes/",
        f"/api/v1/panel/themes/{w.theme.pk}/",
        f"/api/v1/panel/themes/{w.theme.pk}/reports/",
        f"/api/v1/panel/themes/{w.theme.pk}/notes/",
        f"/api/v1/panel/reports/{w.report.pk}/",
        "/api/v1/panel/urgent/",
    ]


def api_posts(w: World) -> list[tuple[str, dict[str, object]]]:
    return [
        (f"/api/v1/panel/themes/{w.theme.pk}/status/", {"status": "monitoring"}),
        (f"/api/v1/panel/themes/{w.theme.pk}/rename/", {"title": "API title"}),
        (f"/api/v1/panel/themes/{w.other_theme.pk}/merge/", {"into": w.theme.pk}),
        (f"/api/v1/panel/themes/{w.theme.pk}/split/", {"reports": [str(w.report.pk)], "title": "Split"}),
        (f"/api/v1/panel/themes/{w.theme.pk}/notes/", {"text": "API note"}),
        (f"/api/v1/panel/reports/{w.report.pk}/labels/", {"learning_together": "tools"}),
        (f"/api/v1/panel/reports/{w.report.pk}/pin/", {"pinned": True}),
        (f"/api/v1/panel/reports/{w.report.pk}/duplicate/", {"duplicate_of": None}),
        (f"/api/v1/panel/reports/{w.report.pk}/questions/", {"text": "Which team?"}),
        (f"/api/v1/panel/urgent/{w.urgent.pk}/handled/", {"note": "Phoned MASH", "outcome": "acted_on"}),
        (f"/api/v1/panel/reports/{w.urgent.pk}/exclude/", {"excluded": True}),
    ]


def contact_pages(w: World) -> list[str]:
    return ["/panel/contact/", f"/panel/contact/questions/{w.question.pk}/", "/api/v1/panel/contact/questions/"]


def contact_posts(w: World) -> list[tuple[str, dict[str, object]]]:
    return [
        (f"/api/v1/panel/contact/questions/{w.question.pk}/identity/", {}),
        (f"/api/v1/panel/contact/questions/{w.question.pk}/answer/", {"answer": "Nine days"}),
        (f"/panel/contact/questions/{w.question.pk}/", {"action": "reveal"}),
    ]


def _is_api(url: str) -> bool:
    return url.startswith("/api/")


def _post(client, url: str, data: dict[str, object]):
    if _is_api(url):
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


# --- permission matrix --------------------------------------------------------------------


@pytest.mark.parametrize("who", PERSONAS)
def test_panel_pages_and_endpoints_permission_matrix(request, who, world, login):
    client = login(persona(request, who))
    audit_before = AuditEvent.objects.count()
    for url in panel_pages(world) + api_gets(world):
        response = client.get(url)
        if who == "panel_member":
            assert response.status_code == 200, url
        elif who == "other_panel_member" and url in LIST_URLS:
            # Their own (empty) queues: nothing of this organisation shows.
            assert response.status_code == 200, url
            body = response.content.decode()
            assert world.theme.title not in body and world.urgent.reference not in body, url
        elif who == "anonymous":
            assert response.status_code == (401 if _is_api(url) else 302), url
        else:  # leaders, staff, administrators, contacts and other panels: not found
            assert response.status_code == 404, (who, url)
    if who != "panel_member":
        for url, data in panel_posts(world) + api_posts(world):
            response = _post(client, url, data)
            expected = (401 if _is_api(url) else 302) if who == "anonymous" else 404
            assert response.status_code == expected, (who, url)
        assert AuditEvent.objects.count() == audit_before  # nothing changed
        assert not ReportQuestion.objects.exclude(pk=world.question.pk).exists()


def test_panel_member_can_use_every_action(panel_member, world, login):
    client = login(panel_member)
    for url, data in panel_posts(world):
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content[:500])
    world.theme.refresh_from_db()
    world.other_theme.refresh_from_db()
    assert world.theme.title == "Renamed" and world.theme.status == ThemeStatus.TRIAGED
    assert world.other_theme.merged_into == world.theme


def test_panel_member_can_use_every_api_action(panel_member, world, login):
    client = login(panel_member)
    for url, data in api_posts(world):
        response = client.post(url, data, content_type="application/json")
        assert response.status_code in (200, 201), (url, response.content[:500])
    assert ThemeNote.objects.filter(text="API note").exists()


@pytest.mark.parametrize("who", PERSONAS)
def test_contact_pages_permission_matrix(request, who, world, login):
    client = login(persona(request, who))
    for url in contact_pages(world):
        response = client.get(url)
        if who == "confidential_contact":
            assert response.status_code == 200, url
        elif who == "anonymous":
            assert response.status_code == (401 if _is_api(url) else 302), url
        else:  # the panel never reaches the identity route
            assert response.status_code == 404, (who, url)
    if who != "confidential_contact":
        for url, data in contact_posts(world):
            expected = (401 if _is_api(url) else 302) if who == "anonymous" else 404
            assert _post(client, url, data).status_code == expected, (who, url)
        assert not AuditEvent.objects.filter(action="identity.read").exists()


def test_another_organisations_contact_cannot_see_questions(world, other_organisation, login):
    from reporting.choices import Role
    from tests.factories import UserFactory

    contact = UserFactory(username="other-contact", organisation=other_organisation, roles=[Role.CONFIDENTIAL_CONTACT])
    client = login(contact)
    assert world.question.text not in client.get("/panel/contact/").content.decode()
    assert client.get(f"/panel/contact/questions/{world.question.pk}/").status_code == 404


# --- behaviour ----------------------------------------------------------------------------


def test_triage_page_lists_themes_with_filters(panel_member, world, login):
    page = login(panel_member).get("/panel/", {"westrum_orientation": "pathological"}).content.decode()
    assert "Late notifications" in page and "Recording system" not in page
    assert 'name="westrum_orientation"' in page and "How themes are ordered" in page


def test_dismiss_without_reason_shows_an_error(panel_member, world, login):
    response = login(panel_member).post(f"/panel/themes/{world.theme.pk}/status/", {"status": "dismissed"})
    assert response.status_code == 400
    assert "Give a reason for dismissing this theme." in response.content.decode()
    world.theme.refresh_from_db()
    assert world.theme.status == ThemeStatus.NEW


def test_urgent_queue_is_not_empty_by_default_once_handled(panel_member, world, login):
    client = login(panel_member)
    form = client.post(f"/panel/urgent/{world.urgent.pk}/handled/", {"note": "Phoned the MASH duty team"})
    assert form.status_code == 200  # re-shown, nothing recorded, the note kept
    assert "Say whether a child was at risk now." in form.content.decode()
    assert 'href="#outcome"' in form.content.decode() and "Phoned the MASH duty team" in form.content.decode()
    client.post(
        f"/panel/urgent/{world.urgent.pk}/handled/", {"note": "Phoned the MASH duty team", "outcome": "not_live"}
    )
    page = client.get("/panel/urgent/").content.decode()
    assert world.urgent.reference in page and "Phoned the MASH duty team" in page and "Handled" in page
    assert "(No child was at risk now (a false alarm))" in page
    assert 'No child was at risk now (a false alarm)</dt><dd class="govuk-summary-list__value">fewer than 5' in page
    assert world.urgent.reference not in client.get("/panel/urgent/", {"handled": "no"}).content.decode()


def _table(page: str, table_id: str) -> str:
    start = page.index(f'id="{table_id}"')
    return page[start : page.index("</table>", start)]


def test_theme_status_form_says_closing_closes_the_reports(panel_member, world, login):
    page = login(panel_member).get(f"/panel/themes/{world.theme.pk}/").content.decode()
    assert "Closing or dismissing a theme closes its reports" in page
    assert 'aria-describedby="status-status-hint"' in page


def test_theme_page_shows_monthly_chart_westrum_grid_and_date(panel_member, world, login):
    import datetime as dt
    import re

    from django.utils import timezone

    page = login(panel_member).get(f"/panel/themes/{world.theme.pk}/").content.decode()
    # 8 reports, all submitted 3 days ago: one month in the monthly chart and its table.
    month = (timezone.localdate() - dt.timedelta(days=3)).strftime("%b %Y")
    monthly = _table(page, "monthly-trend")
    assert "Reports per month" in page and "<svg" in page
    assert re.findall(r"<th scope=\"row\"[^>]*>([^<]+)</th><td[^>]*>([^<]+)</td>", monthly) == [(month, "8")]
    # The grid: 6 messengers/pathological shown, the confidential one's small cell suppressed.
    grid = _table(page, "westrum-grid")
    assert "reports by aspect and orientation" in grid
    rows = dict(re.findall(r'<th scope="row"[^>]*>([^<]+)</th>((?:\s*<td.*?</td>)+)', grid, re.S))
    assert set(rows) == {"Cooperation", "Messengers", "Responsibilities", "Bridging", "Failure", "Novelty"}
    messengers = [c.strip() for c in re.findall(r"</svg>\s*([^<]+?)\s*</td>", rows["Messengers"])]
    assert messengers == ["6", "0", "0"]
    assert f"Figures as of {timezone.localdate():%-d %B %Y}" in page


def test_theme_page_grid_suppresses_small_cells(panel_member, organisation, login):
    theme = ThemeFactory(organisation=organisation)
    add_reports(theme, 3, westrum_aspect="bridging", westrum_orientation="generative")
    add_reports(theme, 5, westrum_aspect="bridging", westrum_orientation="bureaucratic")
    summarise(theme)
    page = login(panel_member).get(f"/panel/themes/{theme.pk}/").content.decode()
    grid = _table(page, "westrum-grid")
    bridging = grid[grid.index(">Bridging<") :].split("</tr>")[0]
    assert "fewer than 5" in bridging and ">\n        5\n" in bridging.replace("\r", "")
    assert ">\n        3\n" not in bridging  # the small number itself never shows
    api = login(panel_member).get(f"/api/v1/panel/themes/{theme.pk}/").json()["profile"]
    row = next(r for r in api["westrum_grid"] if r["aspect"] == "Bridging")
    assert [c["shown"] for c in row["cells"]] == ["0", "5", "fewer than 5"]
    assert api["computed_at"] and [m["shown"] for m in api["months"]][-1] == "8"


def test_theme_page_shows_profile_with_suppression_and_table(panel_member, world, login):
    page = login(panel_member).get(f"/panel/themes/{world.theme.pk}/").content.decode()
    assert "Westrum culture profile" in page and "Reports over the last 90 days" in page
    assert "fewer than 5" in page  # the two unlabelled reports etc.
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">8</td>' in page  # 8 reports in the last 30 days
    assert "<svg" in page and 'aria-hidden="true"' in page
    assert "style=" not in page  # CSP: no inline styles


def test_merged_theme_redirects_to_survivor(panel_member, world, login):
    svc.merge_themes(actor=panel_member, theme=world.other_theme, into=world.theme)
    response = login(panel_member).get(f"/panel/themes/{world.other_theme.pk}/")
    assert response.status_code == 302 and response.url == f"/panel/themes/{world.theme.pk}/"


def test_report_page_shows_answer_but_never_the_identity(panel_member, confidential_contact, reporter, world, login):
    reporter.first_name, reporter.last_name = "Priya", "Okonkwo-Hart"
    reporter.save()
    contact = login(confidential_contact)
    reveal = contact.post(f"/panel/contact/questions/{world.question.pk}/", {"action": "reveal"}).content.decode()
    assert "Priya Okonkwo-Hart" in reveal
    assert AuditEvent.objects.filter(action="identity.read", actor=confidential_contact).count() == 1
    response = contact.post(f"/panel/contact/questions/{world.question.pk}/", {"answer": "Nine days, via the school"})
    assert response.status_code == 302
    page = login(panel_member).get(f"/panel/reports/{world.confidential.pk}/").content.decode()
    assert "Nine days, via the school" in page and "relayed by the confidential contact" in page
    assert "Priya" not in page and "Okonkwo" not in page and reporter.email not in page
    api = login(panel_member).get(f"/api/v1/panel/reports/{world.confidential.pk}/").json()
    assert api["questions"][0]["answer"] == "Nine days, via the school"
    assert "Priya" not in str(api) and reporter.email not in str(api)


def test_report_page_explains_labels(panel_member, organisation, login):
    report = ReportFactory(
        organisation=organisation,
        westrum_aspect="bridging",
        label_details={"westrum_aspect": {"value": "bridging", "confidence": 0.72, "evidence": ["rang round"]}},
    )
    client = login(panel_member)
    page = client.get(f"/panel/reports/{report.pk}/").content.decode()
    assert "Suggested (72% confident), because: rang round." in page
    client.post(f"/panel/reports/{report.pk}/labels/", {"westrum_aspect": "messengers"})
    page = client.get(f"/panel/reports/{report.pk}/").content.decode()
    assert f"Set by a panel member ({panel_member.username})" in page


def test_anonymous_question_reaches_the_report(panel_member, organisation, login):
    report = ReportFactory(organisation=organisation, identity_mode=IdentityMode.ANONYMOUS)
    response = login(panel_member).post(f"/panel/reports/{report.pk}/question/", {"text": "Which team sent it?"})
    assert response.status_code == 302
    assert ReportQuestion.objects.get(report=report).text == "Which team sent it?"


def test_openapi_schema_documents_the_panel_api(login, panel_member):
    schema = login(panel_member).get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/panel/themes/" in schema["paths"]
    assert "/api/v1/panel/contact/questions/{question_id}/answer/" in schema["paths"]


# --- query counts ---------------------------------------------------------------------------


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_triage_queries_do_not_grow_with_themes_or_reports(
    panel_member, organisation, login, django_assert_max_num_queries
):
    client = login(panel_member)
    for _ in range(2):
        add_reports(ThemeFactory(organisation=organisation), 2)
    small = _count_queries(client, "/panel/")
    for _ in range(30):
        add_reports(ThemeFactory(organisation=organisation), 3, live_concern=True)
    large = _count_queries(client, "/panel/")
    assert large == small
    with django_assert_max_num_queries(small):
        client.get("/panel/", {"service_area": "child_protection", "period": "90"})


def test_theme_page_queries_do_not_grow_with_reports(panel_member, organisation, login, django_assert_max_num_queries):
    client = login(panel_member)
    theme = ThemeFactory(organisation=organisation)
    add_reports(theme, 2)
    ThemeFactory(organisation=organisation)
    small = _count_queries(client, f"/panel/themes/{theme.pk}/")
    add_reports(
        theme, 60, westrum_aspect="failure", westrum_orientation="bureaucratic", contributing_factors=["staffing"]
    )
    for _ in range(10):
        ThemeFactory(organisation=organisation)
    svc.add_theme_note(actor=panel_member, theme=theme, text="one")
    svc.add_theme_note(actor=panel_member, theme=theme, text="two")
    large = _count_queries(client, f"/panel/themes/{theme.pk}/")
    assert large == small
    with django_assert_max_num_queries(small):
        client.get(f"/api/v1/panel/themes/{theme.pk}/")


def test_triage_page_and_api_queries_do_not_grow_from_10_to_50_themes_and_100_to_1000_reports(
    panel_member, organisation, login
):
    client = login(panel_member)

    def grow(n_themes: int, n_reports: int) -> tuple[int, int, int]:
        for _ in range(n_themes - Theme.objects.count()):
            ThemeFactory(organisation=organisation)
        themes = list(Theme.objects.all())
        Report.objects.bulk_create(
            ReportFactory.build(organisation=organisation, theme=themes[i % len(themes)], live_concern=i % 20 == 0)
            for i in range(n_reports - Report.objects.count())
        )
        summarise(*themes)
        return (
            _count_queries(client, "/panel/?status=all"),
            _count_queries(client, "/panel/?status=all&service_area=child_protection&period=30"),
            _count_queries(client, "/api/v1/panel/themes/?status=all"),
        )

    small = grow(10, 100)
    large = grow(50, 1000)
    assert large == small
    assert "50 themes" in client.get("/panel/?status=all").content.decode()


def test_theme_page_reads_one_page_of_members(panel_member, organisation, login):
    client = login(panel_member)
    theme = ThemeFactory(organisation=organisation)
    Report.objects.bulk_create(ReportFactory.build(organisation=organisation, theme=theme) for _ in range(60))
    summarise(theme)
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(f"/panel/themes/{theme.pk}/").content.decode()
    assert page.count('name="reports" type="checkbox"') == 20
    member_reads = [q["sql"] for q in ctx.captured_queries if 'FROM "reporting_report"' in q["sql"]]
    # A count for the pagination and one page of narrow rows; never the wide columns.
    assert len(member_reads) == 2 and "LIMIT 20" in member_reads[1]
    assert all('"representation"' not in sql and '"label_details"' not in sql for sql in member_reads)


def test_urgent_and_api_list_queries_are_constant(panel_member, organisation, login):
    client = login(panel_member)
    ReportFactory(organisation=organisation, live_concern=True)
    add_reports(ThemeFactory(organisation=organisation), 1)
    small = (_count_queries(client, "/panel/urgent/"), _count_queries(client, "/api/v1/panel/themes/"))
    for _ in range(15):
        handled = ReportFactory(organisation=organisation, live_concern=True)
        svc.mark_urgent_handled(actor=panel_member, report=handled, note="done", outcome="acted_on")
        add_reports(ThemeFactory(organisation=organisation), 2)
    large = (_count_queries(client, "/panel/urgent/"), _count_queries(client, "/api/v1/panel/themes/"))
    assert large == small


def test_pin_from_a_partnership_theme_page_uses_the_membership(organisation, other_organisation, login):
    from reporting.models.themes import ThemeMembership
    from tests.factories import PanelFactory, PartnershipFactory, UserFactory

    partnership = PartnershipFactory()
    partnership.organisations.add(organisation, other_organisation)
    member = UserFactory(username="partnership-panel", organisation=organisation)
    PanelFactory(partnership=partnership, organisation=None).members.add(member)
    theme = ThemeFactory(partnership=partnership, organisation=None)
    reports = [ReportFactory(organisation=org) for org in (organisation, other_organisation)]
    for report in reports:
        ThemeMembership.objects.create(partnership=partnership, report=report, theme=theme)
    summarise(theme)
    target = reports[1]
    client = login(member)
    url = f"/panel/themes/{theme.pk}/"
    response = client.post(f"/panel/reports/{target.pk}/pin/", {"pinned": "1", "theme": theme.pk, "next": url})
    assert response.status_code == 302 and response.url == url
    assert ThemeMembership.objects.get(report=target).pinned
    assert not Report.objects.get(pk=target.pk).theme_pinned
    page = client.get(url).content.decode()
    # Pinned first, shown as pinned, with an Unpin button that names this theme.
    assert page.index(target.reference) < page.index(reports[0].reference)
    assert f'<input type="hidden" name="pinned" value="0"><input type="hidden" name="theme" value="{theme.pk}">' in page
    api = client.get(f"/api/v1/panel/themes/{theme.pk}/reports/").json()
    first = api["results"][0]
    assert (first["id"], first["theme_pinned"]) == (str(target.pk), True)
    response = client.post(
        f"/api/v1/panel/reports/{target.pk}/pin/", {"pinned": False, "theme": theme.pk}, content_type="application/json"
    )
    assert response.status_code == 200 and not ThemeMembership.objects.get(report=target).pinned
    assert AuditEvent.objects.filter(action="report.unpin_theme", actor=member).count() == 1
    # A theme outside the user's panels is not found.
    other = ThemeFactory(organisation=other_organisation)
    assert client.post(f"/panel/reports/{target.pk}/pin/", {"theme": other.pk}).status_code == 404


# --- navigation, wording and layout (user walk findings 5, 10, 11, 12, 16, 19) ----------------


def _nav(page: str) -> str:
    start = page.index('aria-label="Panel workspace"')
    return page[start : page.index("</nav>", start)]


def test_every_workspace_page_offers_the_whole_panel_navigation(panel_member, world, login):
    client = login(panel_member)
    for url in panel_pages(world):
        if "/handled/" in url:
            continue
        nav = _nav(client.get(url).content.decode())
        for href, text in [
            ("/panel/", "Theme triage"),
            ("/panel/urgent/", "Urgent reports"),
            ("/panel/reviews/", "Thematic reviews"),
            ("/panel/leadership/", "Leadership summary"),
        ]:
            assert f'href="{href}"' in nav and text in nav, (url, text)
    # Each link leads to a page this panel member may open.
    for href in ("/panel/reviews/", "/panel/leadership/"):
        assert client.get(href).status_code == 200


def test_theme_in_thematic_review_links_to_its_review_and_to_learning(panel_member, panel, world, login):
    from reporting.choices import FeedbackKind
    from reviews.services.learning import publish_learning
    from tests.reviews.thematic_helpers import make_review

    client = login(panel_member)
    page = client.get(f"/panel/themes/{world.theme.pk}/").content.decode()
    assert f'href="/panel/reviews/start/?theme={world.theme.pk}"' in page
    assert f'href="/panel/themes/{world.theme.pk}/learning/"' in page
    assert client.get(f"/panel/themes/{world.theme.pk}/learning/").status_code == 200

    review = make_review(panel_member, panel, world.theme)
    publish_learning(
        actor=panel_member,
        theme=world.theme,
        feedback_kind=FeedbackKind.BULLETIN,
        title="Chase late notifications",
        what_we_heard="Notifications arrive late.",
        what_we_found="Nobody owned the inbox.",
        what_is_changing="A named team reads it daily.",
    )
    world.theme.refresh_from_db()
    assert world.theme.status == ThemeStatus.THEMATIC_REVIEW
    page = client.get(f"/panel/themes/{world.theme.pk}/").content.decode()
    assert f'href="/panel/reviews/{review.pk}/"' in page and review.title in page
    assert "Chase late notifications" in page


def test_report_page_shows_contributing_factors_by_their_labels(panel_member, organisation, login):
    report = ReportFactory(organisation=organisation, contributing_factors=["other_agency_information", "staffing"])
    page = login(panel_member).get(f"/panel/reports/{report.pk}/").content.decode()
    assert "Information from another agency, Staffing and cover" in page
    assert "other_agency_information" not in page


def test_theme_history_reads_as_sentences(panel_member, world, login):
    panel_member.first_name, panel_member.last_name = "Priya", "Shah"
    panel_member.save()
    client = login(panel_member)
    client.post(f"/panel/themes/{world.theme.pk}/status/", {"status": "thematic_review"})
    client.post(f"/panel/themes/{world.theme.pk}/rename/", {"title": "Police notifications"})
    client.post(f"/panel/themes/{world.theme.pk}/notes/", {"text": "Raise at the partnership meeting"})
    page = client.get(f"/panel/themes/{world.theme.pk}/").content.decode()
    history = page[page.index(">History<") :]
    assert "Status changed from New to Thematic review by Priya Shah" in history
    assert "Renamed from “Late notifications” to “Police notifications” by Priya Shah" in history
    assert "Note added by Priya Shah" in history
    assert "theme.status_changed" not in page and "theme.rename" not in page and "theme.note_added" not in page


def test_workspace_tables_scroll_inside_their_own_box(panel_member, world, login):
    """A table wider than a phone scrolls inside ``lantern-table-wrap``, not the whole page."""
    import re

    client = login(panel_member)
    for url in [u for u in panel_pages(world) if "/handled/" not in u]:
        page = client.get(url).content.decode()
        tables = page.count("<table")
        assert tables, url
        wrapped = re.findall(r'<div class="lantern-table-wrap">\s*<table', page)
        assert len(wrapped) == tables, url


def test_triage_counts_say_what_they_count_when_filtered(panel_member, organisation, login):
    placements = ThemeFactory(organisation=organisation, title="Placements")
    add_reports(placements, 12, service_area="children_in_care")
    add_reports(placements, 6, service_area="out_of_hours")
    summarise(placements)
    client = login(panel_member)
    plain = client.get("/panel/").content.decode()
    assert ">Reports</th>" in plain and "Reports in theme (all)" not in plain
    page = client.get("/panel/", {"service_area": "out_of_hours"}).content.decode()
    assert "Reports in theme (all)" in page and "Reports matching “Out of hours”" in page
    row = page[page.index(">Placements<") :].split("</tr>")[0]
    cells = re.findall(r'govuk-table__cell--numeric">([^<]+)</td>', row)
    assert cells == ["18", "6"]
    both = client.get("/panel/", {"service_area": "out_of_hours", "westrum_aspect": "bridging"}).content.decode()
    assert "Reports matching" not in both  # no exact figure for two filters at once, so none shown


def test_workspace_wording(panel_member, world, login):
    client = login(panel_member)
    handled = client.post(f"/panel/urgent/{world.urgent.pk}/handled/", {"outcome": "acted_on", "note": ""})
    assert "Say what was done about this report." in handled.content.decode()
    renamed = client.post(f"/panel/themes/{world.theme.pk}/rename/", {"title": "   "})
    assert renamed.status_code == 400 and "Enter a title for the theme." in renamed.content.decode()
    for response in (handled, renamed):
        assert "This field is required." not in response.content.decode()
    status = client.post(f"/panel/themes/{world.theme.pk}/status/", {"status": "closed"}, follow=True)
    assert "Status changed to Closed." in status.content.decode()
    client.post(f"/panel/reports/{world.report.pk}/labels/", {"westrum_aspect": "bridging"})
    page = client.get(f"/panel/reports/{world.report.pk}/").content.decode()
    from django.utils import timezone

    assert f"on {timezone.localdate():%-d %b %Y}." in page

"""Thematic review pages: the permission matrix for every persona, the forms,
exports served only through a permission-checked view, constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from reporting.models import PublishedLearning, Report
from reviews.models import ExportJob, ReviewAction, ThematicReview
from reviews.services import thematic as svc
from reviews.tasks import build_review_export
from tests.reviews.thematic_helpers import FUTURE, make_review, make_theme

pytestmark = pytest.mark.django_db


NOT_PANEL = ["reporter", "other_panel_member", "leader", "confidential_contact", "administrator", "outsider"]


@pytest.fixture
def review(panel_member, panel):
    return make_review(panel_member, panel)


@pytest.fixture
def job(review, panel_member, settings, tmp_path):
    # A finished job with a file in place; building real packs is tested in test_exports.
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "exports").mkdir(parents=True)
    (tmp_path / "media" / "exports" / "k3yXr4nd0m.docx").write_bytes(b"PK\x03\x04 pack")
    return ExportJob.objects.create(
        review=review,
        format="docx",
        requested_by=panel_member,
        state="done",
        progress=100,
        file_name="exports/k3yXr4nd0m.docx",
    )


def get_pages(review, job, action):
    theme = review.themes.get()
    return [
        reverse("reviews:review", kwargs={"review_id": review.pk}),
        reverse("reviews:export", kwargs={"job_id": job.pk}),
        reverse("reviews:export-status", kwargs={"job_id": job.pk}),
        reverse("reviews:export-download", kwargs={"job_id": job.pk}),
        reverse("reviews:theme-learning", kwargs={"theme_id": theme.pk}),
    ]


def post_pages(review, action, question):
    kw = {"review_id": review.pk}
    return [
        reverse("reviews:review-terms", kwargs=kw),
        reverse("reviews:review-question", kwargs=kw),
        reverse("reviews:review-question-answer", kwargs={**kw, "question_id": question.pk}),
        reverse("reviews:review-finding", kwargs=kw),
        reverse("reviews:review-factor", kwargs=kw),
        reverse("reviews:review-recommendation", kwargs=kw),
        reverse("reviews:review-action", kwargs=kw),
        reverse("reviews:review-action-update", kwargs={**kw, "action_id": action.pk}),
        reverse("reviews:review-evidence", kwargs=kw),
        reverse("reviews:review-complete", kwargs=kw),
        reverse("reviews:review-learning", kwargs=kw),
        reverse("reviews:review-export", kwargs=kw),
        reverse("reviews:theme-learning", kwargs={"theme_id": review.themes.get().pk}),
    ]


@pytest.fixture
def action(review, panel_member):
    return svc.add_action(
        actor=panel_member,
        review=review,
        description="Name an inbox owner role",
        owner="Head of Service",
        due_date=FUTURE,
    )


@pytest.fixture
def question(review, panel_member):
    return svc.add_review_question(actor=panel_member, review=review, text="Where does information wait?")


PANEL_PAGES = ["reviews:reviews", "reviews:review-start"]


def test_panel_member_reaches_every_page(login, panel_member, review, job, action):
    client = login(panel_member)
    for url in [*map(reverse, PANEL_PAGES), *get_pages(review, job, action)]:
        response = client.get(url)
        assert response.status_code == 200, url
    download = client.get(reverse("reviews:export-download", kwargs={"job_id": job.pk}))
    assert download["Content-Disposition"].startswith("attachment;")
    assert f'filename="thematic-review-{review.pk}.docx"' in download["Content-Disposition"]


@pytest.mark.parametrize("persona", NOT_PANEL)
def test_everyone_else_gets_404_on_every_page_and_action(request, login, persona, review, job, action, question):
    client = login(request.getfixturevalue(persona))
    for name in PANEL_PAGES:
        response = client.get(reverse(name))
        if persona == "other_panel_member":  # their own panel's pages, without ours
            assert response.status_code == 200 and review.title not in response.content.decode()
        else:
            assert response.status_code == 404, (persona, name)
    start = client.post(
        reverse("reviews:review-start"),
        {"panel": review.panel_id, "themes": [review.themes.get().pk], "title": "Theirs"},
    )
    assert start.status_code == (400 if persona == "other_panel_member" else 404)
    for url in get_pages(review, job, action):
        assert client.get(url).status_code == 404, (persona, url)
    for url in post_pages(review, action, question):
        assert client.post(url, {"text": "x", "format": "pdf"}).status_code == 404, (persona, url)
    assert ThematicReview.objects.count() == 1 and not PublishedLearning.objects.exists()


def test_anonymous_is_sent_to_sign_in(login, review, job, action, question):
    client = login(None)
    for url in [*map(reverse, PANEL_PAGES), *get_pages(review, job, action), reverse("reviews:leadership")]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url
    for url in post_pages(review, action, question):
        assert client.post(url).status_code == 302


def test_another_panel_member_cannot_download_even_with_the_file_name(login, other_panel_member, job, settings):
    client = login(other_panel_member)
    assert client.get(reverse("reviews:export-download", kwargs={"job_id": job.pk})).status_code == 404
    # The file is not under a public URL either: MEDIA_ROOT is not served.
    assert client.get(f"/media/{job.file_name}").status_code == 404
    assert client.get(f"/static/{job.file_name}").status_code == 404


def test_start_review_from_the_page(login, panel_member, panel):
    theme = make_theme(panel.organisation)
    client = login(panel_member)
    form = client.get(reverse("reviews:review-start") + f"?theme={theme.pk}")
    assert f'value="{theme.pk}" checked' in form.content.decode()
    response = client.post(
        reverse("reviews:review-start"),
        {"panel": panel.pk, "themes": [theme.pk], "title": "Late notifications", "terms_of_reference": "Why"},
    )
    review = ThematicReview.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reviews:review", args=[review.pk])
    assert review.reports.count() == 6


def test_start_review_with_another_panels_theme_is_refused(login, panel_member, panel, other_organisation):
    foreign = make_theme(other_organisation)
    response = login(panel_member).post(
        reverse("reviews:review-start"), {"panel": panel.pk, "themes": [foreign.pk], "title": "Not ours"}
    )
    assert response.status_code == 400 and not ThematicReview.objects.exists()


def test_review_forms_round_trip(login, panel_member, review):
    client = login(panel_member)
    kw = {"review_id": review.pk}
    assert (
        client.post(reverse("reviews:review-question", kwargs=kw), {"question-text": "Who owns it?"}).status_code == 302
    )
    question = review.questions.get()
    answer_url = reverse("reviews:review-question-answer", kwargs={**kw, "question_id": question.pk})
    assert client.post(answer_url, {f"answer-{question.pk}-answer": "Nobody does."}).status_code == 302
    bad = client.post(reverse("reviews:review-finding", kwargs=kw), {"finding-text": "Inbox unowned."})
    assert bad.status_code == 400 and "Choose the Learning Together pattern." in bad.content.decode()
    ok = client.post(
        reverse("reviews:review-finding", kwargs=kw),
        {"finding-text": "Inbox unowned.", "finding-learning_together": "tools"},
    )
    assert ok.status_code == 302
    action = client.post(
        reverse("reviews:review-action", kwargs=kw),
        {
            "action-description": "Name an owner",
            "action-owner": "Front Door team manager",
            "action-due_date": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert action.status_code == 302
    page = client.get(reverse("reviews:review", kwargs=kw)).content.decode()
    assert "1 of 1 answered" in page and "Overdue" in page and "Tools" in page
    listing = client.get(reverse("reviews:reviews")).content.decode()
    assert "1 of 1" in listing and "1 overdue" in listing
    saved = ReviewAction.objects.get()
    update = reverse("reviews:review-action-update", kwargs={**kw, "action_id": saved.pk})
    assert client.post(update, {f"update-{saved.pk}-status": "done"}).status_code == 400  # needs evidence
    assert (
        client.post(
            update,
            {f"update-{saved.pk}-status": "done", f"update-{saved.pk}-evidence_of_completion": "Owner named in rota"},
        ).status_code
        == 302
    )


def test_publish_learning_from_the_review_page(login, panel_member, review):
    response = login(panel_member).post(
        reverse("reviews:review-learning", kwargs={"review_id": review.pk}),
        {
            "learning-title": "Inboxes",
            "learning-what_we_heard": "Late notes",
            "learning-what_we_found": "No owner",
            "learning-what_is_changing": "An owner role",
            "learning-feedback_kind": "actions_taken",
        },
    )
    assert response.status_code == 302
    assert PublishedLearning.objects.get().reports.count() == 6
    assert set(Report.objects.values_list("status", flat=True)) == {"learning_published"}


def test_export_request_and_json_status(
    login, panel_member, review, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client = login(panel_member)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("reviews:review-export", kwargs={"review_id": review.pk}), {"export-format": "pdf"}
        )
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reviews:export", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Refresh this page" in page and "js/reviews/export-progress.js" in page
    status_url = reverse("reviews:export-status", kwargs={"job_id": job.pk})
    assert client.get(status_url).json() == {
        "state": "queued",
        "state_label": "Queued",
        "progress": 0,
        "download_url": None,
    }
    build_review_export(job.pk)
    data = client.get(status_url).json()
    assert data["state"] == "done" and data["progress"] == 100 and data["download_url"]
    pdf = client.get(data["download_url"])
    assert b"".join(pdf.streaming_content).startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"


def test_review_list_queries_do_not_grow_with_reviews(login, panel_member, panel, django_assert_max_num_queries):
    client = login(panel_member)
    make_review(panel_member, panel)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("reviews:reviews"))
    for n in range(8):
        review = make_review(panel_member, panel, make_theme(panel.organisation, title=f"Theme {n}", reports=1))
        svc.add_action(actor=panel_member, review=review, description="Act", owner="Team", due_date=FUTURE)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("reviews:reviews"))
    assert response.content.decode().count("reviews/") >= 9


def test_review_page_queries_do_not_grow_with_its_parts(login, panel_member, review, django_assert_max_num_queries):
    client = login(panel_member)
    url = reverse("reviews:review", kwargs={"review_id": review.pk})
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for n in range(6):
        svc.add_review_question(actor=panel_member, review=review, text=f"Question {n}")
        svc.add_finding(actor=panel_member, review=review, text=f"Finding {n}", learning_together="tools")
        svc.add_action(actor=panel_member, review=review, description=f"Act {n}", owner="Team", due_date=FUTURE)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)

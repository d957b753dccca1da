"""/api/v1/panel/reviews/...: the same permissions as the pages, for every persona."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reporting.models import PublishedLearning
from reviews.models import ExportJob, ReviewAction, ThematicReview
from reviews.services import thematic as svc
from reviews.tasks import build_review_export
from tests.reviews.thematic_helpers import FUTURE, PAST, make_overdue, make_review, make_theme

pytestmark = pytest.mark.django_db

NOT_PANEL = ["reporter", "other_panel_member", "leader", "confidential_contact", "administrator", "outsider"]
LEARNING = {
    "title": "Inboxes",
    "what_we_heard": "Late notes",
    "what_we_found": "No owner",
    "what_is_changing": "An owner role",
    "feedback_kind": "actions_taken",
}


@pytest.fixture
def review(panel_member, panel):
    return make_review(panel_member, panel)


@pytest.fixture
def action(review, panel_member):
    return svc.add_action(
        actor=panel_member, review=review, description="Name an owner", owner="Head of Service", due_date=FUTURE
    )


@pytest.fixture
def job(review, panel_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "Zq9randomname.pdf").write_bytes(b"%PDF-1.4 pack")
    return ExportJob.objects.create(
        review=review,
        format="pdf",
        requested_by=panel_member,
        state="done",
        progress=100,
        file_name="exports/Zq9randomname.pdf",
    )


def object_endpoints(review, action, job):
    kw = {"review_id": review.pk}
    question = svc.add_review_question(actor=review.started_by, review=review, text="Where?")
    return [
        ("get", reverse("api:panel-review", kwargs=kw), None),
        ("patch", reverse("api:panel-review", kwargs=kw), {"title": "T", "terms_of_reference": ""}),
        ("post", reverse("api:panel-review-questions", kwargs=kw), {"text": "Why?"}),
        (
            "post",
            reverse("api:panel-review-question-answer", kwargs={**kw, "question_id": question.pk}),
            {"answer": "x"},
        ),
        ("post", reverse("api:panel-review-findings", kwargs=kw), {"text": "x", "learning_together": "tools"}),
        ("post", reverse("api:panel-review-factors", kwargs=kw), {"category": "staffing", "description": "x"}),
        ("post", reverse("api:panel-review-recommendations", kwargs=kw), {"text": "x"}),
        (
            "post",
            reverse("api:panel-review-actions", kwargs=kw),
            {"description": "x", "owner": "Team", "due_date": FUTURE.isoformat()},
        ),
        ("patch", reverse("api:panel-review-action", kwargs={**kw, "action_id": action.pk}), {"status": "in_progress"}),
        ("post", reverse("api:panel-review-evidence", kwargs=kw), {"themes": [review.themes.get().pk]}),
        ("post", reverse("api:panel-review-complete", kwargs=kw), {}),
        ("post", reverse("api:panel-review-learning", kwargs=kw), LEARNING),
        ("post", reverse("api:panel-theme-learning", kwargs={"theme_id": review.themes.get().pk}), LEARNING),
        ("post", reverse("api:panel-review-exports", kwargs=kw), {"format": "pdf"}),
        ("get", reverse("api:panel-export", kwargs={"job_id": job.pk}), None),
        ("get", reverse("api:panel-export-download", kwargs={"job_id": job.pk}), None),
    ]


@pytest.mark.parametrize("persona", NOT_PANEL)
def test_everyone_but_the_panel_gets_404(request, login, persona, review, action, job):
    client = login(request.getfixturevalue(persona))
    for method, url, data in object_endpoints(review, action, job):
        response = getattr(client, method)(url, data, content_type="application/json")
        assert response.status_code == 404, (persona, method, url, response.status_code)
    listing = client.get(reverse("api:panel-reviews"))
    if persona == "other_panel_member":
        assert listing.status_code == 200 and listing.json() == []
    else:
        assert listing.status_code == 404
    assert not PublishedLearning.objects.exists() and ThematicReview.objects.count() == 1


def test_anonymous_is_refused(login, review, action, job):
    client = login(None)
    for method, url, data in object_endpoints(review, action, job):
        response = getattr(client, method)(url, data, content_type="application/json")
        assert response.status_code == 401, (method, url, response.status_code)
        assert "WWW-Authenticate" in response


def test_panel_member_works_through_a_review(
    login, panel_member, panel, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client = login(panel_member)
    theme = make_theme(panel.organisation)
    created = client.post(
        reverse("api:panel-reviews"),
        {"themes": [theme.pk], "title": "Late notifications"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    review_id = created.json()["id"]
    assert len(created.json()["report_references"]) == 6
    kw = {"review_id": review_id}
    finding = client.post(
        reverse("api:panel-review-findings", kwargs=kw),
        {"text": "Inbox unowned", "learning_together": "tools"},
        content_type="application/json",
    )
    assert finding.status_code == 201
    blame = client.post(
        reverse("api:panel-review-findings", kwargs=kw),
        {"text": "The team manager was lazy", "learning_together": "tools"},
        content_type="application/json",
    )
    assert blame.status_code == 400 and "text" in blame.json()
    past = client.post(
        reverse("api:panel-review-actions", kwargs=kw),
        {"description": "Name an owner", "owner": "Front Door team manager", "due_date": PAST.isoformat()},
        content_type="application/json",
    )
    assert past.status_code == 400 and "due_date" in past.json()
    action = client.post(
        reverse("api:panel-review-actions", kwargs=kw),
        {"description": "Name an owner", "owner": "Front Door team manager", "due_date": FUTURE.isoformat()},
        content_type="application/json",
    )
    assert action.status_code == 201 and action.json()["overdue"] is False
    make_overdue(ReviewAction.objects.get(pk=action.json()["id"]))
    done = client.patch(
        reverse("api:panel-review-action", kwargs={**kw, "action_id": action.json()["id"]}),
        {"status": "done"},
        content_type="application/json",
    )
    assert done.status_code == 400 and "evidence_of_completion" in done.json()
    listing = client.get(reverse("api:panel-reviews")).json()
    assert listing[0]["progress"]["actions_overdue"] == 1 and listing[0]["progress"]["findings_total"] == 1
    learning = client.post(reverse("api:panel-review-learning", kwargs=kw), LEARNING, content_type="application/json")
    assert learning.status_code == 201 and learning.json()["reports"] == 6
    with django_capture_on_commit_callbacks(execute=False):
        job = client.post(
            reverse("api:panel-review-exports", kwargs=kw), {"format": "docx"}, content_type="application/json"
        )
    assert job.status_code == 202 and job.json()["state"] == "queued" and job.json()["download_url"] is None
    build_review_export(job.json()["id"])
    status = client.get(reverse("api:panel-export", kwargs={"job_id": job.json()["id"]})).json()
    assert status["state"] == "done" and status["progress"] == 100
    download = client.get(status["download_url"])
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_leadership_endpoint(login, leader, panel_member, reporter, other_panel_member, review):
    for user, expected in ((leader, 200), (panel_member, 200), (reporter, 404), (other_panel_member, 200)):
        response = login(user).get(reverse("api:panel-leadership"))
        assert response.status_code == expected
    data = login(leader).get(reverse("api:panel-leadership")).json()
    assert "healthier reporting culture" in data["note"] and data["reports_recent"] == "6"
    assert "reports" not in data and "LR-TEST" not in str(data)


def test_schema_documents_the_review_endpoints(login):
    paths = login(None).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in (
        "/api/v1/panel/reviews/",
        "/api/v1/panel/reviews/{review_id}/actions/{action_id}/",
        "/api/v1/panel/reviews/{review_id}/learning/",
        "/api/v1/panel/reviews/exports/{job_id}/download/",
        "/api/v1/panel/leadership/",
    ):
        assert path in paths

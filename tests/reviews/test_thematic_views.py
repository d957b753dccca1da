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
from tests.reviews.thematic_helpers import FUTURE, make_overdue, make_review, make_theme

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
        reverse("reviews:review-action-edit", kwargs={"review_id": review.pk, "action_id": action.pk}),
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
        reverse("reviews:review-action-edit", kwargs={**kw, "action_id": action.pk}),
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


def test_completing_from_the_page_warns_then_closes_the_reports(login, panel_member, review):
    client = login(panel_member)
    page = client.get(reverse("reviews:review", kwargs={"review_id": review.pk})).content.decode()
    assert "Completing the review closes its reports" in page
    svc.add_finding(
        actor=panel_member, review=review, text="Notifications wait in a shared inbox.", learning_together="tools"
    )
    client.post(reverse("reviews:review-complete", kwargs={"review_id": review.pk}))
    assert set(review.reports.values_list("status", flat=True)) == {"closed"}


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
    past = client.post(
        reverse("reviews:review-action", kwargs=kw),
        {
            "action-description": "Name an owner",
            "action-owner": "Front Door team manager",
            "action-due_date": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert past.status_code == 400 and "The due date must be today or in the future." in past.content.decode()
    action = client.post(
        reverse("reviews:review-action", kwargs=kw),
        {
            "action-description": "Name an owner",
            "action-owner": "Front Door team manager",
            "action-due_date": FUTURE.isoformat(),
        },
    )
    assert action.status_code == 302
    make_overdue(ReviewAction.objects.get())
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
    assert response.status_code == 200 and not PublishedLearning.objects.exists()  # the check step
    assert "Check the learning before you publish it" in response.content.decode()
    response = login(panel_member).post(
        reverse("reviews:review-learning", kwargs={"review_id": review.pk}),
        {
            "learning-title": "Inboxes",
            "learning-what_we_heard": "Late notes",
            "learning-what_we_found": "No owner",
            "learning-what_is_changing": "An owner role",
            "learning-feedback_kind": "actions_taken",
            "confirm": "1",
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


PERSONAL_LEARNING = {
    "learning-title": "Inboxes",
    "learning-what_we_heard": "Jayden Smith at 14 Elm Road was not seen.",
    "learning-what_we_found": "No role owned the inbox.",
    "learning-what_is_changing": "An owner role",
    "learning-feedback_kind": "actions_taken",
}


@pytest.mark.parametrize("source", ["review", "theme"])
def test_learning_is_shown_deidentified_before_it_is_published(login, panel_member, review, source):
    client = login(panel_member)
    if source == "review":
        url = reverse("reviews:review-learning", kwargs={"review_id": review.pk})
    else:
        url = reverse("reviews:theme-learning", kwargs={"theme_id": review.themes.get().pk})
    check = client.post(url, PERSONAL_LEARNING)
    page = check.content.decode()
    assert check.status_code == 200 and not PublishedLearning.objects.exists()
    assert "We removed personal details" in page and "“Jayden Smith”" in page and "“14 Elm Road”" in page
    assert 'value="[PERSON 1] at [ADDRESS 1] was not seen."' in page
    # "Change the text" re-shows the form with the de-identified text to edit.
    deidentified = {**PERSONAL_LEARNING, "learning-what_we_heard": "[PERSON 1] at [ADDRESS 1] was not seen."}
    change = client.post(url, {**deidentified, "change": "1"})
    assert change.status_code == 200 and "[PERSON 1] at [ADDRESS 1] was not seen.</textarea>" in change.content.decode()
    assert not PublishedLearning.objects.exists()
    # Publishing de-identifies again, whatever was posted.
    assert client.post(url, {**PERSONAL_LEARNING, "confirm": "1"}).status_code == 302
    assert PublishedLearning.objects.get().what_we_heard == "[PERSON 1] at [ADDRESS 1] was not seen."


def test_a_panel_member_withdraws_and_corrects_learning(login, panel_member, review):
    from reporting.choices import FeedbackKind
    from reviews.services.learning import publish_learning

    learning = publish_learning(
        actor=panel_member,
        review=review,
        feedback_kind=FeedbackKind.ACTIONS_TAKEN,
        title="Inboxes",
        what_we_heard="Late notes",
        what_we_found="No owner",
        what_is_changing="An owner role",
    )
    client = login(panel_member)
    review_page = client.get(reverse("reviews:review", kwargs={"review_id": review.pk})).content.decode()
    url = reverse("reviews:learning-withdraw", kwargs={"learning_id": learning.pk})
    assert url in review_page and client.get(url).status_code == 200
    missing = client.post(url, {"withdraw-reason": ""})
    assert missing.status_code == 400 and "govuk-error-summary" in missing.content.decode()
    corrected = client.post(url, {"withdraw-reason": "Wrong owner", "correct": "1"})
    page = corrected.content.decode()
    assert corrected.status_code == 200 and not PublishedLearning.objects.exists()
    assert "Correct it below and publish it again" in page and "Late notes</textarea>" in page


@pytest.mark.parametrize("persona", NOT_PANEL)
def test_only_the_panel_may_withdraw_learning(request, login, persona, panel_member, review):
    from reporting.choices import FeedbackKind
    from reviews.services.learning import publish_learning

    learning = publish_learning(
        actor=panel_member,
        review=review,
        feedback_kind=FeedbackKind.BULLETIN,
        title="Inboxes",
        what_we_heard="Late notes",
        what_we_found="No owner",
        what_is_changing="An owner role",
    )
    client = login(request.getfixturevalue(persona))
    url = reverse("reviews:learning-withdraw", kwargs={"learning_id": learning.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"withdraw-reason": "x"}).status_code == 404
    assert PublishedLearning.objects.exists()


def test_failed_answers_and_action_updates_show_the_error_summary(login, panel_member, review, action, question):
    client = login(panel_member)
    kw = {"review_id": review.pk}
    answer = client.post(
        reverse("reviews:review-question-answer", kwargs={**kw, "question_id": question.pk}),
        {f"answer-{question.pk}-answer": ""},
    )
    page = answer.content.decode()
    assert answer.status_code == 400 and page.index("govuk-error-summary") < page.index('id="questions"')
    assert f'href="#id_answer-{question.pk}-answer">Write the answer.' in page
    assert f'id="id_answer-{question.pk}-answer"' in page and "<title>Error:" in page

    blamed = client.post(
        reverse("reviews:review-question-answer", kwargs={**kw, "question_id": question.pk}),
        {f"answer-{question.pk}-answer": "The team manager was lazy"},
    )
    assert blamed.status_code == 400 and "The team manager was lazy</textarea>" in blamed.content.decode()

    done = client.post(
        reverse("reviews:review-action-update", kwargs={**kw, "action_id": action.pk}),
        {f"update-{action.pk}-status": "done"},
    )
    page = done.content.decode()
    assert done.status_code == 400 and page.index("govuk-error-summary") < page.index('id="actions"')
    assert f'href="#id_update-{action.pk}-evidence_of_completion">Say what shows the action is done.' in page
    assert f'id="id_update-{action.pk}-evidence_of_completion"' in page
    assert page.count('class="govuk-error-summary"') == 1


def test_an_owner_naming_a_person_is_refused_and_kept_for_correcting(login, panel_member, review):
    response = login(panel_member).post(
        reverse("reviews:review-action", kwargs={"review_id": review.pk}),
        {"action-description": "Agree a protocol", "action-owner": "Jane Smith", "action-due_date": FUTURE.isoformat()},
    )
    page = response.content.decode()
    assert response.status_code == 400 and not ReviewAction.objects.exists()
    assert "Give a role or team, not a person&#x27;s name" in page and 'value="Jane Smith"' in page
    assert 'href="#id_action-owner"' in page


def test_an_action_can_be_corrected_until_it_is_done(login, panel_member, review, action):
    client = login(panel_member)
    url = reverse("reviews:review-action-edit", kwargs={"review_id": review.pk, "action_id": action.pk})
    long_word = "x" * 6000
    assert url in client.get(reverse("reviews:review", kwargs={"review_id": review.pk})).content.decode()
    bad = client.post(url, {"edit-description": "Agree", "edit-owner": "Jane Smith", "edit-due_date": "2020-01-01"})
    assert bad.status_code == 400 and "govuk-error-summary" in bad.content.decode()
    saved = client.post(url, {"edit-description": long_word, "edit-owner": "Head of Service", "edit-due_date": FUTURE})
    assert saved.status_code == 302
    page = client.get(reverse("reviews:review", kwargs={"review_id": review.pk})).content.decode()
    # A word this long wraps on the page rather than widening it.
    assert '<div class="lantern-wrap-long-words">' in page and long_word in page
    ok = client.post(
        url, {"edit-description": "Agree a protocol", "edit-owner": "Head of Service", "edit-due_date": FUTURE}
    )
    assert ok.status_code == 302
    action.refresh_from_db()
    assert action.description == "Agree a protocol"

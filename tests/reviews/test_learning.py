"""Learning back to staff: publication, feedback rows, opt-in email, time to feedback."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from reporting.choices import FeedbackKind, ReportStatus
from reporting.models import AuditEvent, OutboxKind, OutboxMessage, PublishedLearning, Report, ReportFeedback
from reporting.outbox import TASK_FOR_KIND
from reviews.models import LearningEmailDelivery, LearningSource
from reviews.services.learning import (
    measure_time_to_feedback,
    median_days_and_share,
    prepare_learning,
    publish_learning,
    withdraw_learning,
)
from reviews.tasks import send_learning_email
from tests.factories import PanelFactory, PartnershipFactory, ReportFactory, UserFactory
from tests.reviews.thematic_helpers import make_review, make_theme

pytestmark = pytest.mark.django_db

TEXT = {
    "title": "Police notifications: what is changing",
    "what_we_heard": "Notifications reached the team days late.",
    "what_we_found": "The shared inbox had no owner.",
    "what_is_changing": "The Front Door team now owns the inbox and checks it twice a day.",
}


def test_publish_for_a_review_gives_every_linked_report_feedback(
    panel_member, panel, django_capture_on_commit_callbacks
):
    review = make_review(panel_member, panel)
    with django_capture_on_commit_callbacks(execute=False):
        learning = publish_learning(actor=panel_member, review=review, feedback_kind=FeedbackKind.ACTIONS_TAKEN, **TEXT)

    assert list(learning.organisations.all()) == [panel.organisation]
    assert LearningSource.objects.get(learning=learning).review == review
    feedback = ReportFeedback.objects.filter(learning=learning)
    assert feedback.count() == 6 and {f.kind for f in feedback} == {FeedbackKind.ACTIONS_TAKEN}
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.LEARNING_PUBLISHED}
    assert OutboxMessage.objects.filter(kind=OutboxKind.LEARNING_EMAIL, object_id=str(learning.pk)).exists()
    event = AuditEvent.objects.get(action="learning.published")
    assert event.actor == panel_member and event.after["reports"] == 6 and event.after["review"] == review.pk


def test_publish_for_a_theme_reaches_partnership_organisations(organisation, other_organisation):
    partnership = PartnershipFactory()
    partnership.organisations.set([organisation, other_organisation])
    member = UserFactory(organisation=organisation)
    PanelFactory(organisation=None, partnership=partnership, members=[member])
    from reporting.models import Theme

    theme = Theme.objects.create(partnership=partnership, title="Strategy meetings", size=2)
    ReportFactory(organisation=organisation, theme=theme)
    ReportFactory(organisation=other_organisation, theme=theme)
    learning = publish_learning(actor=member, theme=theme, feedback_kind=FeedbackKind.BULLETIN, **TEXT)
    assert set(learning.organisations.all()) == {organisation, other_organisation}
    assert learning.reports.count() == 2


def test_closed_reports_get_feedback_but_stay_closed(panel_member, panel):
    theme = make_theme(panel.organisation, reports=2)
    closed = Report.objects.filter(theme=theme).first()
    Report.objects.filter(pk=closed.pk).update(status=ReportStatus.CLOSED)
    publish_learning(actor=panel_member, theme=theme, feedback_kind=FeedbackKind.RAPID_FIX, **TEXT)
    closed.refresh_from_db()
    assert closed.status == ReportStatus.CLOSED and closed.feedback.exists()


def test_only_the_panel_in_scope_may_publish(panel_member, other_panel_member, leader, panel):
    theme = make_theme(panel.organisation, reports=1)
    review = make_review(panel_member, panel)
    for actor in (other_panel_member, leader):
        with pytest.raises(PermissionDenied):
            publish_learning(actor=actor, theme=theme, feedback_kind=FeedbackKind.BULLETIN, **TEXT)
        with pytest.raises(PermissionDenied):
            publish_learning(actor=actor, review=review, feedback_kind=FeedbackKind.BULLETIN, **TEXT)
    assert not PublishedLearning.objects.exists()


def test_exactly_one_source_and_a_known_kind(panel_member, panel):
    theme = make_theme(panel.organisation, reports=1)
    review = make_review(panel_member, panel, theme)
    with pytest.raises(ValidationError):
        publish_learning(actor=panel_member, theme=theme, review=review, feedback_kind="bulletin", **TEXT)
    with pytest.raises(ValidationError):
        publish_learning(actor=panel_member, theme=theme, feedback_kind="a pat on the back", **TEXT)


def test_learning_email_goes_once_to_opted_in_staff_in_scope(panel_member, panel, other_organisation):
    opted_in = UserFactory(organisation=panel.organisation, learning_emails=True)
    UserFactory(organisation=panel.organisation, learning_emails=False)
    UserFactory(organisation=other_organisation, learning_emails=True)
    theme = make_theme(panel.organisation, reports=1)
    learning = publish_learning(actor=panel_member, theme=theme, feedback_kind=FeedbackKind.BULLETIN, **TEXT)
    message = OutboxMessage.objects.get(kind=OutboxKind.LEARNING_EMAIL)

    assert send_learning_email(str(learning.pk), message.pk) == 1
    assert [m.to for m in mail.outbox] == [[opted_in.email]]
    assert "twice a day" in mail.outbox[0].body
    assert LearningEmailDelivery.objects.filter(learning=learning, user=opted_in).exists()
    OutboxMessage.objects.filter(pk=message.pk).update(done_at=None)
    # A re-delivered task (at-least-once) mails nobody twice.
    assert send_learning_email(str(learning.pk), message.pk) == 0
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get(pk=message.pk).done_at is not None


def test_outbox_names_the_reviews_task_by_string():
    assert TASK_FOR_KIND[OutboxKind.LEARNING_EMAIL] == "lantern.send_learning_email"
    assert send_learning_email.name == "lantern.send_learning_email"


def test_median_and_share_are_plain_and_suppressed_below_threshold():
    day = dt.date(2025, 1, 1)
    at = lambda days: timezone.make_aware(dt.datetime(2025, 1, 1) + dt.timedelta(days=days))  # noqa: E731
    rows = [(day, at(d)) for d in (2, 4, 6, 8, 10)] + [(day, None)] * 5
    measure = median_days_and_share(rows, threshold=5)
    assert measure.median_days == 6 and measure.share_heard_back == 0.5
    small = median_days_and_share(rows[:3] + [(day, None)] * 10, threshold=5)
    assert small.suppressed and small.median_days is None and small.reports_heard_back == 3


def test_time_to_feedback_measure_over_an_organisation(panel_member, panel):
    theme = make_theme(panel.organisation, reports=6)
    Report.objects.filter(theme=theme).update(submitted_on=timezone.localdate() - dt.timedelta(days=10))
    ReportFactory.create_batch(4, organisation=panel.organisation)
    publish_learning(actor=panel_member, theme=theme, feedback_kind=FeedbackKind.ACKNOWLEDGED, **TEXT)
    measure = measure_time_to_feedback(organisation_ids=[panel.organisation_id])
    assert measure.reports_total == 10 and measure.reports_heard_back == 6
    assert measure.median_days == 10 and measure.share_heard_back == pytest.approx(0.6)


PERSONAL = {
    **TEXT,
    "what_we_heard": "Jayden Smith at 14 Elm Road was not seen.",
    "what_is_changing": "The Front Door team now owns the inbox; Jayden will be seen weekly.",
}


def test_published_learning_is_deidentified_before_it_is_stored(panel_member, panel):
    review = make_review(panel_member, panel)
    learning = publish_learning(actor=panel_member, review=review, feedback_kind=FeedbackKind.ACTIONS_TAKEN, **PERSONAL)
    stored = " ".join([learning.title, learning.what_we_heard, learning.what_we_found, learning.what_is_changing])
    assert "Jayden" not in stored and "Elm Road" not in stored
    assert learning.what_we_heard == "[PERSON 1] at [ADDRESS 1] was not seen."
    assert "[PERSON 1] will be seen weekly" in learning.what_is_changing  # one person, one placeholder
    event = AuditEvent.objects.get(action="learning.published")
    assert "Jayden" not in str(event.after)


def test_the_check_step_shows_what_publishing_removes_and_publishes_as_shown():
    checked = prepare_learning(**PERSONAL)
    assert [(d.original, d.placeholder) for d in checked.removed] == [
        ("Jayden Smith", "[PERSON 1]"),
        ("14 Elm Road", "[ADDRESS 1]"),
        ("Jayden", "[PERSON 1]"),
    ]
    again = prepare_learning(**checked.fields)
    assert again.fields == checked.fields and not again.removed


def test_withdrawn_learning_leaves_the_learning_page_and_receipts_and_is_audited(panel_member, panel, reporter, login):
    review = make_review(panel_member, panel)
    learning = publish_learning(actor=panel_member, review=review, feedback_kind=FeedbackKind.ACTIONS_TAKEN, **TEXT)
    report = review.reports.first()
    receipt = {"reference": report.reference, "secret": "test-secret"}
    assert TEXT["title"] in login(reporter).get(reverse("learning")).content.decode()
    assert TEXT["title"] in login(None).post(reverse("receipt"), receipt).content.decode()

    with pytest.raises(ValidationError):
        withdraw_learning(actor=panel_member, learning=learning, reason="")
    text = withdraw_learning(actor=panel_member, learning=learning, reason="It named a child.")

    assert text["title"] == TEXT["title"] and not PublishedLearning.objects.exists()
    assert TEXT["title"] not in login(reporter).get(reverse("learning")).content.decode()
    assert TEXT["title"] not in login(None).post(reverse("receipt"), receipt).content.decode()
    # The reporters did hear back then: the feedback rows stay for time-to-feedback, unlinked.
    assert ReportFeedback.objects.filter(learning=None).count() == 6
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.IN_REVIEW}
    event = AuditEvent.objects.get(action="learning.withdrawn")
    assert event.actor == panel_member and event.after == {"reason": "It named a child."}
    assert event.before["title"] == TEXT["title"] and event.before["review"] == review.pk


def test_only_the_panel_in_scope_may_withdraw(panel_member, other_panel_member, leader, panel):
    review = make_review(panel_member, panel)
    learning = publish_learning(actor=panel_member, review=review, feedback_kind=FeedbackKind.BULLETIN, **TEXT)
    theme_learning = publish_learning(
        actor=panel_member, theme=review.themes.get(), feedback_kind=FeedbackKind.BULLETIN, **TEXT
    )
    for outsider in (other_panel_member, leader):
        for item in (learning, theme_learning):
            with pytest.raises(PermissionDenied):
                withdraw_learning(actor=outsider, learning=item, reason="Not mine")
    assert PublishedLearning.objects.count() == 2
    withdraw_learning(actor=panel_member, learning=theme_learning, reason="Superseded by the review")
    assert list(PublishedLearning.objects.all()) == [learning]

"""Thematic review services: scope, audit, systemic language, SMART actions."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reporting.choices import ReportStatus, ThemeStatus
from reporting.models import AuditEvent, Report, Theme
from reviews.models import ActionStatus, ReviewAction, ThematicReview
from reviews.services import thematic as svc
from tests.factories import UserFactory
from tests.reviews.thematic_helpers import FUTURE, PAST, make_overdue, make_review, make_theme

pytestmark = pytest.mark.django_db


def test_start_review_links_evidence_sets_theme_status_and_audits(panel_member, panel):
    theme = make_theme(panel.organisation, reports=6)
    review = svc.start_review(actor=panel_member, panel=panel, themes=[theme], title="Late notifications")

    assert list(review.themes.all()) == [theme]
    assert review.reports.count() == 6
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.THEMATIC_REVIEW
    assert set(Report.objects.filter(theme=theme).values_list("status", flat=True)) == {ReportStatus.IN_REVIEW}
    started = AuditEvent.objects.get(action="review.started", object_id=str(review.pk))
    assert started.actor == panel_member and started.after["themes"] == [theme.pk]
    # The status change went through the workspace's audited status service.
    assert AuditEvent.objects.filter(action="theme.status_changed", object_id=str(theme.pk)).exists()


def test_other_organisations_panel_cannot_start_a_review_of_our_theme(other_panel_member, panel):
    theme = make_theme(panel.organisation)
    other_panel = other_panel_member.panels.get()
    with pytest.raises(PermissionDenied):
        svc.start_review(actor=other_panel_member, panel=other_panel, themes=[theme], title="Ours, not yours")
    with pytest.raises(PermissionDenied):
        svc.start_review(actor=other_panel_member, panel=panel, themes=[theme], title="Not a member")
    assert not ThematicReview.objects.exists()


def test_a_review_needs_a_theme(panel_member, panel):
    with pytest.raises(ValidationError):
        svc.start_review(actor=panel_member, panel=panel, themes=[], title="Nothing")


def test_findings_are_tagged_with_a_learning_together_pattern(panel_member, panel):
    review = make_review(panel_member, panel)
    with pytest.raises(ValidationError) as excinfo:
        svc.add_finding(actor=panel_member, review=review, text="Inbox not monitored", learning_together="")
    assert "learning_together" in excinfo.value.message_dict
    finding = svc.add_finding(
        actor=panel_member, review=review, text="No one owns the shared inbox out of hours.", learning_together="tools"
    )
    assert finding.get_learning_together_display() == "Tools"
    assert AuditEvent.objects.filter(action="review.finding_added", object_id=str(finding.pk)).exists()


def test_findings_that_blame_a_person_are_refused(panel_member, panel):
    review = make_review(panel_member, panel)
    with pytest.raises(ValidationError) as excinfo:
        svc.add_finding(
            actor=panel_member, review=review, text="The team manager was lazy.", learning_together="management_systems"
        )
    assert "not who was at fault" in excinfo.value.message_dict["text"][0]


def test_actions_are_owned_by_a_role_or_team_never_a_named_person(panel_member, panel):
    review = make_review(panel_member, panel)
    UserFactory(username="jsmith", first_name="Jo", last_name="Smith", organisation=panel.organisation)
    for person in ("jsmith", "Jo Smith", "jsmith@example.org"):
        with pytest.raises(ValidationError) as excinfo:
            svc.add_action(
                actor=panel_member, review=review, description="Check inbox daily", owner=person, due_date=FUTURE
            )
        assert "owner" in excinfo.value.message_dict
    action = svc.add_action(
        actor=panel_member,
        review=review,
        description="Set up a monitored shared inbox for police notifications",
        owner="Front Door team manager",
        due_date=FUTURE,
    )
    assert action.owner == "Front Door team manager"
    assert not action.is_overdue


def test_overdue_is_computed_from_due_date_and_status(panel_member, panel):
    review = make_review(panel_member, panel)
    late = make_overdue(
        svc.add_action(
            actor=panel_member,
            review=review,
            description="Agree a protocol with police",
            owner="Head of Service",
            due_date=FUTURE,
        )
    )
    on_time = svc.add_action(
        actor=panel_member,
        review=review,
        description="Audit the inbox",
        owner="Quality assurance team",
        due_date=FUTURE,
    )
    assert late.is_overdue and not on_time.is_overdue
    assert list(ReviewAction.objects.overdue()) == [late]

    with pytest.raises(ValidationError):  # done needs evidence
        svc.update_action(actor=panel_member, action=late, status=ActionStatus.DONE)
    svc.update_action(
        actor=panel_member, action=late, status=ActionStatus.DONE, evidence_of_completion="Protocol signed 3 March"
    )
    late.refresh_from_db()
    assert not late.is_overdue and late.completed_at is not None
    assert not ReviewAction.objects.overdue().exists()
    event = AuditEvent.objects.get(action="review.action_updated", object_id=str(late.pk))
    assert event.before["status"] == ActionStatus.NOT_STARTED and event.after["status"] == ActionStatus.DONE


def test_progress_annotations(panel_member, panel):
    review = make_review(panel_member, panel)
    q1 = svc.add_review_question(actor=panel_member, review=review, text="Where do notifications wait?")
    svc.add_review_question(actor=panel_member, review=review, text="Who checks the inbox?")
    svc.answer_review_question(actor=panel_member, question=q1, answer="In a shared inbox nobody owns.")
    svc.add_finding(actor=panel_member, review=review, text="Inbox has no owner.", learning_together="tools")
    make_overdue(
        svc.add_action(
            actor=panel_member,
            review=review,
            description="Name an owner role",
            owner="Head of Service",
            due_date=FUTURE,
        )
    )
    row = ThematicReview.objects.with_progress().get(pk=review.pk)
    assert (row.questions_total, row.questions_answered, row.findings_total) == (2, 1, 1)
    assert (row.actions_total, row.actions_done, row.actions_overdue) == (1, 0, 1)


def test_terms_factors_recommendations_evidence_and_completion_are_audited(panel_member, panel):
    review = make_review(panel_member, panel)
    svc.update_terms_of_reference(actor=panel_member, review=review, title="New title", terms_of_reference="Scope")
    factor = svc.add_contributory_factor(
        actor=panel_member, review=review, category="recording_system", description="Inbox has no alerting."
    )
    finding = svc.add_finding(actor=panel_member, review=review, text="Inbox unowned.", learning_together="tools")
    svc.add_recommendation(actor=panel_member, review=review, text="Give the inbox an owner.", finding=finding)
    second = make_theme(panel.organisation, title="Strategy meetings", reports=2)
    svc.add_review_evidence(actor=panel_member, review=review, themes=[second])
    assert review.reports.count() == 8
    svc.complete_review(actor=panel_member, review=review)
    actions = set(AuditEvent.objects.filter(actor=panel_member).values_list("action", flat=True))
    assert {
        "review.terms_updated",
        "review.factor_added",
        "review.recommendation_added",
        "review.evidence_added",
        "review.completed",
    } <= actions
    terms = AuditEvent.objects.get(action="review.terms_updated")
    assert terms.before["title"] == "Late police notifications" and terms.after["title"] == "New title"
    assert factor.get_category_display() == "Recording system or forms"


def test_non_member_cannot_change_a_review(panel_member, panel, leader):
    review = make_review(panel_member, panel)
    with pytest.raises(PermissionDenied):
        svc.add_review_question(actor=leader, review=review, text="A leader's question")


def test_evidence_from_another_organisation_is_refused(panel_member, panel, other_organisation):
    review = make_review(panel_member, panel)
    foreign = make_theme(other_organisation, reports=1)
    with pytest.raises(PermissionDenied):
        svc.add_review_evidence(actor=panel_member, review=review, themes=[foreign])
    assert Theme.objects.get(pk=foreign.pk).status == ThemeStatus.NEW


def test_completing_a_review_closes_its_reports(panel_member, panel):
    review = make_review(panel_member, panel)
    svc.add_finding(
        actor=panel_member,
        review=review,
        text="Notifications wait in a shared inbox.",
        learning_together="multi_agency_incidents",
    )

    svc.complete_review(actor=panel_member, review=review)

    statuses = set(Report.objects.filter(pk__in=review.reports.all()).values_list("status", flat=True))
    assert statuses == {ReportStatus.CLOSED}
    assert AuditEvent.objects.filter(action="report.closed", after={"reason": "review complete"}).count() == 6


def test_an_owner_that_names_a_person_is_refused_even_without_a_staff_account(panel_member, panel):
    review = make_review(panel_member, panel)
    with pytest.raises(ValidationError) as caught:
        svc.add_action(
            actor=panel_member, review=review, description="Agree a protocol", owner="Jane Smith", due_date=FUTURE
        )
    assert caught.value.message_dict["owner"][0].startswith("Give a role or team, not a person's name")
    assert not review.actions.exists()


def test_a_new_action_cannot_be_due_in_the_past(panel_member, panel):
    review = make_review(panel_member, panel)
    with pytest.raises(ValidationError) as caught:
        svc.add_action(
            actor=panel_member, review=review, description="Agree a protocol", owner="Head of Service", due_date=PAST
        )
    assert caught.value.message_dict["due_date"] == ["The due date must be today or in the future."]


def test_an_action_not_done_can_be_corrected_and_the_change_is_audited(panel_member, panel):
    review = make_review(panel_member, panel)
    action = make_overdue(
        svc.add_action(
            actor=panel_member, review=review, description="x" * 500, owner="Head of Service", due_date=FUTURE
        )
    )
    # An overdue action keeps its past date when only the wording changes...
    svc.edit_action(
        actor=panel_member, action=action, description="Agree a protocol", owner="Head of Service", due_date=PAST
    )
    action.refresh_from_db()
    assert action.description == "Agree a protocol" and action.due_date == PAST
    event = AuditEvent.objects.get(action="review.action_edited", object_id=str(action.pk))
    assert event.before["description"] == "x" * 500 and event.after["description"] == "Agree a protocol"
    # ...but a new date may not be in the past, and an owner may not be a person.
    with pytest.raises(ValidationError):
        svc.edit_action(actor=panel_member, action=action, description="A", owner="Jane Smith", due_date=FUTURE)
    svc.update_action(actor=panel_member, action=action, status=ActionStatus.DONE, evidence_of_completion="Signed")
    with pytest.raises(ValidationError):  # a done action is a record
        svc.edit_action(actor=panel_member, action=action, description="B", owner="Head of Service", due_date=FUTURE)
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        svc.edit_action(actor=outsider, action=action, description="B", owner="Head of Service", due_date=FUTURE)

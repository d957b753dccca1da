"""reporting.services: the one place reports are filed, looked up, answered and closed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reporting.choices import IdentityMode, ReportStatus, Role
from reporting.models import AuditEvent, Organisation, OutboxMessage, Report, ReporterIdentity, ReportQuestion, User
from reporting.services import (
    Draft,
    answer_question,
    close_reports,
    hash_secret,
    look_up_receipt,
    preview_report,
    submit_report,
    validate_draft,
)

pytestmark = pytest.mark.django_db

DRAFT = Draft(
    kind="near_miss",
    narrative="Tom Baker's strategy meeting went ahead without police; his mum is on 07700 900111.",
    what_would_help="Ask Tom Baker's school, St Mary's Primary School, to copy us in.",
    service_area="child_protection",
    contributing_factors=("team_communication", "other_agency_information", "team_communication"),
    incident_month=dt.date(2024, 5, 17),
)


def submit(organisation: Organisation, author: User | None, mode: str = IdentityMode.ANONYMOUS, **kw: object):  # type: ignore[no-untyped-def]
    return submit_report(organisation=organisation, author=author, identity_mode=mode, draft=DRAFT, **kw)  # type: ignore[arg-type]


def test_submit_stores_only_de_identified_text_and_the_month(organisation: Organisation, reporter: User) -> None:
    report = submit(organisation, reporter).report

    stored = report.narrative + report.what_would_help
    for detail in ("Tom Baker", "07700 900111", "St Mary's Primary School"):
        assert detail not in stored
    # Consistent within a report: the same child gets the same placeholder in both fields.
    child = re.search(r"\[[A-Z ]+ \d+\]", report.narrative)
    assert child is not None and child.group(0) in report.what_would_help
    assert report.incident_month == dt.date(2024, 5, 1)
    assert report.submitted_on == timezone.localdate()
    assert report.contributing_factors == ["other_agency_information", "team_communication"]
    assert report.status == ReportStatus.RECEIVED
    assert re.fullmatch(r"LR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", report.reference)


def test_anonymous_submission_stores_no_identity_and_an_actorless_audit(
    organisation: Organisation, reporter: User
) -> None:
    report = submit(organisation, reporter).report
    assert not ReporterIdentity.objects.exists()
    audit = AuditEvent.objects.get(action="report.submitted")
    assert audit.actor is None
    assert audit.object_id == str(report.pk)
    assert audit.at.time() == dt.time.min  # the day only: see test_privacy
    assert Report.objects.unprocessed().filter(pk=report.pk).exists()


def test_anonymous_submission_needs_no_author(organisation: Organisation) -> None:
    report = submit(organisation, None, source_reference="ext-9", submitted_on=dt.date(2024, 6, 3)).report
    assert (report.source_reference, report.submitted_on) == ("ext-9", dt.date(2024, 6, 3))


def test_confidential_submission_keeps_the_identity_apart(
    organisation: Organisation, reporter: User, settings: pytest.FixtureRequest
) -> None:
    settings.IDENTITY_RETENTION_DAYS = 30
    report = submit(organisation, reporter, IdentityMode.CONFIDENTIAL, contact_note="x" * 400).report

    identity = ReporterIdentity.objects.get(report=report)
    assert identity.user == reporter
    assert len(identity.contact_note) == 300
    assert identity.destroy_after == timezone.localdate() + dt.timedelta(days=30)
    assert AuditEvent.objects.get(action="report.submitted").actor is None


def test_confidential_needs_a_signed_in_author(organisation: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        submit(organisation, None, IdentityMode.CONFIDENTIAL)
    assert "identity_mode" in error.value.message_dict
    assert not Report.objects.exists()


def test_unknown_identity_mode_is_refused(organisation: Organisation, reporter: User) -> None:
    with pytest.raises(ValidationError):
        submit(organisation, reporter, "public")


def test_staff_report_only_to_their_own_organisation(other_organisation: Organisation, reporter: User) -> None:
    with pytest.raises(PermissionDenied):
        submit(other_organisation, reporter)
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"narrative": ""}, "narrative"),
        ({"narrative": "x" * 100_001}, "narrative"),
        ({"what_would_help": "x" * 100_001}, "what_would_help"),
        ({"kind": ""}, "kind"),
        ({"kind": "bogus"}, "kind"),
        ({"service_area": "bogus"}, "service_area"),
        ({"reached_child": "bogus"}, "reached_child"),
        ({"raised_at_time": "bogus"}, "raised_at_time"),
        ({"got_what_needed": "bogus"}, "got_what_needed"),
        ({"happened_before": "bogus"}, "happened_before"),
        ({"contributing_factors": ("bogus",)}, "contributing_factors"),
        ({"incident_month": dt.date(2999, 1, 1)}, "incident_month"),
    ],
)
def test_validate_draft_names_the_bad_field(changes: dict[str, object], field: str) -> None:
    draft = Draft(**{**DRAFT.__dict__, **changes})  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as error:
        validate_draft(draft)
    assert field in error.value.message_dict


def test_preview_stores_nothing() -> None:
    preview = preview_report(DRAFT)
    assert "Tom Baker" not in preview.narrative
    assert preview.redacted_count >= 3
    assert (Report.objects.count(), AuditEvent.objects.count(), OutboxMessage.objects.count()) == (0, 0, 0)


def test_receipt_secret_is_random_and_stored_only_as_a_hash(organisation: Organisation) -> None:
    first, second = submit(organisation, None), submit(organisation, None)
    assert first.secret != second.secret
    assert len(first.secret) >= 16  # 12 random bytes, url-safe base64
    report = Report.objects.get(pk=first.report.pk)
    assert report.receipt_secret_hash == hash_secret(first.secret)
    assert first.secret not in report.receipt_secret_hash


def test_look_up_receipt(organisation: Organisation) -> None:
    receipt = submit(organisation, None)
    reference = receipt.report.reference
    assert look_up_receipt(reference=reference, secret=receipt.secret) == receipt.report
    assert look_up_receipt(reference=f" {reference.lower()} ", secret=f" {receipt.secret} ") == receipt.report
    assert look_up_receipt(reference=reference, secret="wrong") is None
    assert look_up_receipt(reference="LR-0000-0000", secret=receipt.secret) is None
    assert look_up_receipt(reference="", secret="") is None


def test_answer_question_de_identifies_and_audits(organisation: Organisation, panel_member: User) -> None:
    report = submit(organisation, None).report
    question = ReportQuestion.objects.create(report=report, text="Who did you call?", asked_by=panel_member)

    answer_question(question=question, answer="I called Tom Baker's mum on 07700 900111.")

    question.refresh_from_db()
    assert "07700 900111" not in question.answer and "Tom Baker" not in question.answer
    assert question.answered_at is not None
    assert AuditEvent.objects.filter(action="question.answered", object_id=str(question.pk), actor=None).exists()
    with pytest.raises(ValidationError):
        answer_question(question=question, answer="Again.")


def test_answer_relayed_by_the_confidential_contact_is_attributed(
    organisation: Organisation, panel_member: User, confidential_contact: User
) -> None:
    report = submit(organisation, None).report
    question = ReportQuestion.objects.create(report=report, text="When?", asked_by=panel_member)
    answer_question(question=question, answer="On a Friday.", relayed_by=confidential_contact)
    assert AuditEvent.objects.get(action="question.answered").actor == confidential_contact


@pytest.mark.parametrize("answer", ["", "   ", "x" * 100_001])
def test_blank_or_huge_answers_are_refused(organisation: Organisation, panel_member: User, answer: str) -> None:
    report = submit(organisation, None).report
    question = ReportQuestion.objects.create(report=report, text="When?", asked_by=panel_member)
    with pytest.raises(ValidationError):
        answer_question(question=question, answer=answer)


def test_closing_a_report_destroys_the_identity_in_the_same_step(
    organisation: Organisation, reporter: User, leader: User
) -> None:
    report = submit(organisation, reporter, IdentityMode.CONFIDENTIAL).report

    close_reports(actor=leader, report_ids=[report.pk], reason="test")

    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED
    assert report.closed_on == timezone.localdate()
    assert not ReporterIdentity.objects.filter(report=report).exists()
    actions = set(AuditEvent.objects.filter(object_id=str(report.pk)).values_list("action", flat=True))
    assert {"report.closed", "identity.destroyed"} <= actions


def test_roles_are_only_those_granted(leader: User, reporter: User) -> None:
    assert leader.has_role(Role.LEADER)
    assert not reporter.has_role(Role.LEADER)

"""State changes of a thematic review. Every interface (pages, API) calls these.

Each function is keyword-only with an explicit actor, runs in one transaction,
writes an ``AuditEvent`` with before/after inside it and schedules background
work only after commit. Only members of the review's panel may change it
(``PermissionDenied`` otherwise; interfaces fetch reviews through
``reviews.access`` first, so outsiders already got a 404).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from reporting.analysis.screening import detect_blame
from reporting.choices import ContributingFactor, LearningTogether, ReportStatus, ThemeStatus
from reporting.deid import redact_text
from reporting.models import AuditEvent, Panel, Report, Theme, User
from reporting.services import close_reports
from reviews.models import (
    ActionStatus,
    ExportFormat,
    ExportJob,
    ReviewAction,
    ReviewContributoryFactor,
    ReviewFinding,
    ReviewQuestion,
    ReviewRecommendation,
    ReviewStatus,
    ThematicReview,
)

logger = logging.getLogger(__name__)

MAX_TEXT = 10_000


# --- helpers ---------------------------------------------------------------------------


def _audit(
    *,
    actor: User,
    panel: Panel,
    action: str,
    obj: Any,
    object_type: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        organisation_id=panel.organisation_id,
        action=action,
        object_type=object_type,
        object_id=str(obj.pk),
        before=before or {},
        after=after or {},
    )


def require_panel_member(actor: User, panel: Panel) -> None:
    if not panel.members.filter(pk=actor.pk).exists():
        raise PermissionDenied("Only members of this review's panel may change it.")


def _clean_text(value: str, field: str, *, required: bool = True, systemic: bool = False) -> str:
    """Trimmed text; with ``systemic`` it must not blame a named person, because
    a review that points at a person stops looking at the system."""
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: ["Enter some text."]})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: [f"Keep this under {MAX_TEXT:,} characters."]})
    if systemic and value:
        blame = detect_blame(value)
        if blame:
            raise ValidationError(
                {field: [f"Describe what in the system made this likely, not who was at fault (“{blame[0]}”)."]}
            )
    return value


def _themes_in_scope(panel: Panel, themes: Iterable[Theme]) -> list[Theme]:
    organisation_ids = set(panel.organisation_ids())
    result = []
    for theme in themes:
        in_scope = (theme.organisation_id is not None and theme.organisation_id in organisation_ids) or (
            theme.partnership_id is not None and theme.partnership_id == panel.partnership_id
        )
        if not in_scope:
            raise PermissionDenied("A theme outside this panel's scope cannot be reviewed by it.")
        result.append(theme)
    return result


def _reports_in_scope(panel: Panel, reports: Iterable[Report]) -> list[Report]:
    organisation_ids = set(panel.organisation_ids())
    result = list(reports)
    if any(report.organisation_id not in organisation_ids for report in result):
        raise PermissionDenied("A report outside this panel's scope cannot be evidence in its review.")
    return result


def _set_theme_status(*, actor: User, theme: Theme, status: str, reason: str) -> None:
    """A theme's status changes in one place: the workspace's status service
    (engineer A's ``set_theme_status``, audited there)."""
    from reviews.services import workspace

    change = getattr(workspace, "change_theme_status", None) or workspace.set_theme_status
    change(actor=actor, theme=theme, status=status, reason=reason)


def _report_ids_of_themes(themes: Iterable[Theme]) -> list[Any]:
    return list(Report.objects.filter(theme__in=list(themes)).values_list("pk", flat=True))


# --- the review itself ----------------------------------------------------------------


def start_review(
    *,
    actor: User,
    panel: Panel,
    themes: Iterable[Theme],
    title: str,
    terms_of_reference: str = "",
) -> ThematicReview:
    """Open a thematic review of one or more themes of the panel's scope.

    The themes' member reports at this moment become the review's evidence
    (later rebuilds do not change what the review looked at), and each theme's
    status becomes "thematic review".
    """
    require_panel_member(actor, panel)
    theme_list = _themes_in_scope(panel, themes)
    if not theme_list:
        raise ValidationError({"themes": ["Choose at least one theme to review."]})
    title = _clean_text(title, "title")[:200]
    terms_of_reference = _clean_text(terms_of_reference, "terms_of_reference", required=False)
    with transaction.atomic():
        review = ThematicReview.objects.create(
            panel=panel, title=title, terms_of_reference=terms_of_reference, started_by=actor
        )
        review.themes.set(theme_list)
        report_ids = _report_ids_of_themes(theme_list)
        review.reports.set(report_ids)
        Report.objects.filter(pk__in=report_ids, status=ReportStatus.RECEIVED).update(status=ReportStatus.IN_REVIEW)
        for theme in theme_list:
            if theme.status != ThemeStatus.THEMATIC_REVIEW:
                _set_theme_status(
                    actor=actor, theme=theme, status=ThemeStatus.THEMATIC_REVIEW, reason=f"Thematic review: {title}"
                )
        _audit(
            actor=actor,
            panel=panel,
            action="review.started",
            obj=review,
            object_type="thematic_review",
            after={"title": title, "themes": [t.pk for t in theme_list], "reports": len(report_ids)},
        )
    return review


def update_terms_of_reference(
    *, actor: User, review: ThematicReview, title: str, terms_of_reference: str
) -> ThematicReview:
    require_panel_member(actor, review.panel)
    title = _clean_text(title, "title")[:200]
    terms_of_reference = _clean_text(terms_of_reference, "terms_of_reference", required=False)
    with transaction.atomic():
        before = {"title": review.title, "terms_of_reference": review.terms_of_reference}
        review.title = title
        review.terms_of_reference = terms_of_reference
        review.save(update_fields=["title", "terms_of_reference", "updated_at"])
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.terms_updated",
            obj=review,
            object_type="thematic_review",
            before=before,
            after={"title": title, "terms_of_reference": terms_of_reference},
        )
    return review


def add_review_evidence(
    *, actor: User, review: ThematicReview, themes: Iterable[Theme] = (), reports: Iterable[Report] = ()
) -> ThematicReview:
    """Link more themes (with their current reports) or single reports as evidence."""
    require_panel_member(actor, review.panel)
    theme_list = _themes_in_scope(review.panel, themes)
    report_list = _reports_in_scope(review.panel, reports)
    if not theme_list and not report_list:
        raise ValidationError({"evidence": ["Choose a theme or a report to add."]})
    with transaction.atomic():
        report_ids = {r.pk for r in report_list} | set(_report_ids_of_themes(theme_list))
        review.themes.add(*theme_list)
        # Report's pk is a UUID; add() takes any pk, the stubs allow only int.
        review.reports.add(*report_ids)  # type: ignore[arg-type]
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.evidence_added",
            obj=review,
            object_type="thematic_review",
            after={"themes": [t.pk for t in theme_list], "reports": sorted(str(i) for i in report_ids)},
        )
    return review


def remove_review_evidence_report(*, actor: User, review: ThematicReview, report: Report) -> ThematicReview:
    require_panel_member(actor, review.panel)
    with transaction.atomic():
        review.reports.remove(report)
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.evidence_removed",
            obj=review,
            object_type="thematic_review",
            before={"report": str(report.pk)},
        )
    return review


def linked_report_ids(*, theme: Theme | None = None, review: ThematicReview | None = None) -> set[Any]:
    """The reports a learning summary answers: a theme's members, or a review's
    evidence plus the current members of its themes."""
    if theme is not None:
        return set(Report.objects.filter(theme=theme).values_list("pk", flat=True))
    assert review is not None
    ids = set(review.reports.values_list("pk", flat=True))
    ids.update(Report.objects.filter(theme__in=review.themes.all()).values_list("pk", flat=True))
    return ids


def complete_review(*, actor: User, review: ThematicReview) -> ThematicReview:
    """Mark the review complete. Needs at least one finding: a review with no
    findings has nothing to tell staff."""
    require_panel_member(actor, review.panel)
    if not review.findings.exists():
        raise ValidationError({"status": ["Record at least one finding before completing the review."]})
    with transaction.atomic():
        before = {"status": review.status}
        review.status = ReviewStatus.COMPLETE
        review.completed_at = timezone.now()
        review.save(update_fields=["status", "completed_at", "updated_at"])
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.completed",
            obj=review,
            object_type="thematic_review",
            before=before,
            after={"status": review.status},
        )
        close_reports(actor=actor, report_ids=linked_report_ids(review=review), reason="review complete")
    return review


# --- parts of a review --------------------------------------------------------------------


def add_review_question(*, actor: User, review: ThematicReview, text: str) -> ReviewQuestion:
    require_panel_member(actor, review.panel)
    text = _clean_text(text, "text")
    with transaction.atomic():
        question = ReviewQuestion.objects.create(review=review, text=text)
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.question_added",
            obj=question,
            object_type="review_question",
            after={"review": review.pk, "text": text},
        )
    return question


def answer_review_question(*, actor: User, question: ReviewQuestion, answer: str) -> ReviewQuestion:
    review = question.review
    require_panel_member(actor, review.panel)
    answer = _clean_text(answer, "answer", systemic=True)
    with transaction.atomic():
        before = {"answer": question.answer}
        question.answer = answer
        question.answered_at = timezone.now()
        question.save(update_fields=["answer", "answered_at"])
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.question_answered",
            obj=question,
            object_type="review_question",
            before=before,
            after={"answer": answer},
        )
    return question


def add_finding(*, actor: User, review: ThematicReview, text: str, learning_together: str) -> ReviewFinding:
    """A finding in Learning Together terms: every finding names the underlying pattern."""
    require_panel_member(actor, review.panel)
    if learning_together not in LearningTogether.values:
        raise ValidationError({"learning_together": ["Choose the Learning Together pattern this finding is about."]})
    text = _clean_text(text, "text", systemic=True)
    with transaction.atomic():
        finding = ReviewFinding.objects.create(
            review=review, text=text, learning_together=learning_together, created_by=actor
        )
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.finding_added",
            obj=finding,
            object_type="review_finding",
            after={"review": review.pk, "text": text, "learning_together": learning_together},
        )
    return finding


def add_contributory_factor(
    *, actor: User, review: ThematicReview, category: str, description: str
) -> ReviewContributoryFactor:
    require_panel_member(actor, review.panel)
    if category not in ContributingFactor.values:
        raise ValidationError({"category": ["Choose the kind of systemic factor."]})
    description = _clean_text(description, "description", systemic=True)
    with transaction.atomic():
        factor = ReviewContributoryFactor.objects.create(review=review, category=category, description=description)
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.factor_added",
            obj=factor,
            object_type="review_factor",
            after={"review": review.pk, "category": category, "description": description},
        )
    return factor


def add_recommendation(
    *, actor: User, review: ThematicReview, text: str, finding: ReviewFinding | None = None
) -> ReviewRecommendation:
    require_panel_member(actor, review.panel)
    if finding is not None and finding.review_id != review.pk:
        raise ValidationError({"finding": ["That finding belongs to another review."]})
    text = _clean_text(text, "text", systemic=True)
    with transaction.atomic():
        recommendation = ReviewRecommendation.objects.create(review=review, text=text, finding=finding)
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.recommendation_added",
            obj=recommendation,
            object_type="review_recommendation",
            after={"review": review.pk, "text": text, "finding": finding.pk if finding else None},
        )
    return recommendation


def _validate_owner(owner: str, panel: Panel) -> str:
    """An owner is a role or a team. A value that names a member of staff in
    the panel's scope is refused: actions change systems, they do not manage
    one person's performance."""
    owner = _clean_text(owner, "owner")[:200]
    lowered = owner.casefold()
    people = User.objects.filter(organisation_id__in=panel.organisation_ids()).filter(
        Q(username__iexact=owner) | Q(email__iexact=owner)
    )
    named = people.exists() or any(
        f"{first} {last}".strip().casefold() == lowered
        for first, last in User.objects.filter(organisation_id__in=panel.organisation_ids())
        .exclude(first_name="")
        .values_list("first_name", "last_name")
    )
    # De-identification finds names that are not staff accounts ("Jane Smith", "Mr Jones").
    named = named or any(span.type == "PERSON" for span in redact_text(owner).spans)
    if named:
        raise ValidationError(
            {"owner": ["Give a role or team, not a person's name (for example, “Front Door team manager”)."]}
        )
    return owner


def _validate_due_date(due_date: Any) -> dt.date:
    if not isinstance(due_date, dt.date):
        raise ValidationError({"due_date": ["Enter a due date."]})
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": ["The due date must be today or in the future."]})
    return due_date


def add_action(
    *,
    actor: User,
    review: ThematicReview,
    description: str,
    owner: str,
    due_date: dt.date,
    recommendation: ReviewRecommendation | None = None,
) -> ReviewAction:
    """A SMART action: specific description, owner role or team, due date."""
    require_panel_member(actor, review.panel)
    description = _clean_text(description, "description", systemic=True)
    owner = _validate_owner(owner, review.panel)
    due_date = _validate_due_date(due_date)
    if recommendation is not None and recommendation.review_id != review.pk:
        raise ValidationError({"recommendation": ["That recommendation belongs to another review."]})
    with transaction.atomic():
        action = ReviewAction.objects.create(
            review=review, description=description, owner=owner, due_date=due_date, recommendation=recommendation
        )
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.action_added",
            obj=action,
            object_type="review_action",
            after={"review": review.pk, "description": description, "owner": owner, "due_date": due_date.isoformat()},
        )
    return action


def edit_action(*, actor: User, action: ReviewAction, description: str, owner: str, due_date: dt.date) -> ReviewAction:
    """Correct an action's wording, owner or due date while it is not done
    (a done action is a record of what was done). The due date may stay in the
    past, but a new one may not be."""
    review = action.review
    require_panel_member(actor, review.panel)
    if action.status == ActionStatus.DONE:
        raise ValidationError({"status": ["This action is done, so it cannot be changed."]})
    description = _clean_text(description, "description", systemic=True)
    owner = _validate_owner(owner, review.panel)
    if due_date != action.due_date:
        due_date = _validate_due_date(due_date)
    with transaction.atomic():
        before = {"description": action.description, "owner": action.owner, "due_date": action.due_date.isoformat()}
        action.description = description
        action.owner = owner
        action.due_date = due_date
        action.save(update_fields=["description", "owner", "due_date"])
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.action_edited",
            obj=action,
            object_type="review_action",
            before=before,
            after={"description": description, "owner": owner, "due_date": due_date.isoformat()},
        )
    return action


def update_action(*, actor: User, action: ReviewAction, status: str, evidence_of_completion: str = "") -> ReviewAction:
    """Move an action on. Done needs evidence of completion."""
    review = action.review
    require_panel_member(actor, review.panel)
    if status not in ActionStatus.values:
        raise ValidationError({"status": ["Choose a status."]})
    evidence = _clean_text(evidence_of_completion, "evidence_of_completion", required=False) or (
        action.evidence_of_completion
    )
    if status == ActionStatus.DONE and not evidence:
        raise ValidationError({"evidence_of_completion": ["Say what shows the action is done."]})
    with transaction.atomic():
        before = {"status": action.status, "evidence_of_completion": action.evidence_of_completion}
        action.status = status
        action.evidence_of_completion = evidence
        action.completed_at = timezone.now() if status == ActionStatus.DONE else None
        action.save(update_fields=["status", "evidence_of_completion", "completed_at"])
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.action_updated",
            obj=action,
            object_type="review_action",
            before=before,
            after={"status": status, "evidence_of_completion": evidence},
        )
    return action


# --- exports ------------------------------------------------------------------------------


def request_export(*, actor: User, review: ThematicReview, format: str) -> ExportJob:
    """Queue a review pack (DOCX or PDF). The Celery task is sent after commit;
    if the broker is down the job stays queued and ``sweep_queued_exports``
    builds it once the worker runs again."""
    require_panel_member(actor, review.panel)
    if format not in ExportFormat.values:
        raise ValidationError({"format": ["Choose DOCX or PDF."]})
    with transaction.atomic():
        job = ExportJob.objects.create(review=review, format=format, requested_by=actor)
        _audit(
            actor=actor,
            panel=review.panel,
            action="review.export_requested",
            obj=job,
            object_type="export_job",
            after={"review": review.pk, "format": format},
        )
        transaction.on_commit(lambda: _send_export_task(job.pk))
    return job


def _send_export_task(job_id: int) -> None:
    from reviews.tasks import build_review_export

    try:
        build_review_export.apply_async(args=(job_id,), retry=False)
    except Exception:  # any broker failure: kombu raises several unrelated types
        logger.warning("broker unavailable; export job %s left for the sweep", job_id)


# --- access (reads) -----------------------------------------------------------------------


def access_review(user: Any, review_id: Any) -> ThematicReview:
    """A review of one of the user's panels; 404 for everybody else, so another
    panel cannot learn that it exists."""
    try:
        return ThematicReview.objects.visible_to(user).select_related("panel").get(pk=review_id)
    except (ThematicReview.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def access_export_job(user: Any, job_id: Any) -> ExportJob:
    """An export job of a review of one of the user's panels; 404 otherwise."""
    try:
        return ExportJob.objects.select_related("review__panel").get(
            pk=job_id, review__in=ThematicReview.objects.visible_to(user)
        )
    except (ExportJob.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc

"""The panel's workspace: triage, theme decisions, urgent reports, questions.

Every state change here is one function: keyword-only, an explicit ``actor``,
one transaction, an ``AuditEvent`` with before/after written inside it. Theme
decisions that the engine must respect on rebuild (rename, merge, split, pin,
exclude, duplicates, label corrections) are delegated to the engine's
primitives in ``reporting.themes``; this module checks that the actor's panel
may make them and records that the theme was looked at.

Reads (the triage queue and a theme's profile) issue a fixed number of
queries whatever the number of themes or reports: counts are aggregated in
the database, never by loading member reports one by one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from reporting.choices import (
    ContributingFactor,
    IdentityMode,
    LearningTogether,
    ServiceArea,
    ThemeStatus,
    WestrumAspect,
    WestrumOrientation,
)
from reporting.models import AuditEvent, Report, ReportQuestion, Theme, User
from reviews.models import ThemeNote

# --- Access --------------------------------------------------------------------


def access_theme_as_panel(user: Any, theme_id: Any) -> Theme:
    """A theme of a scope one of the user's panels serves; 404 otherwise, so
    another organisation's panel cannot learn that it exists."""
    try:
        return Theme.objects.visible_to(user).select_related("organisation", "partnership").get(pk=theme_id)
    except (Theme.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def access_question_as_contact(user: Any, question_id: Any) -> ReportQuestion:
    """An open or answered question on a confidential report of the contact's own organisation."""
    if not contact_may_relay(user):
        raise Http404
    try:
        return confidential_questions_for(user).get(pk=question_id)
    except (ReportQuestion.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def contact_may_relay(user: Any) -> bool:
    from reporting.choices import Role

    return bool(
        getattr(user, "is_authenticated", False)
        and user.organisation_id is not None
        and Role.CONFIDENTIAL_CONTACT in user.roles
    )


def confidential_questions_for(user: User) -> QuerySet[ReportQuestion]:
    """Questions on the confidential reports of the contact's organisation whose
    reporter can still be reached (the identity store still holds them)."""
    return ReportQuestion.objects.filter(
        report__organisation_id=user.organisation_id,
        report__identity_mode=IdentityMode.CONFIDENTIAL,
        report__identity__isnull=False,
    ).select_related("report")


def _check_panel_may_act_on_theme(actor: User, theme: Theme) -> None:
    if not Theme.objects.visible_to(actor).filter(pk=theme.pk).exists():
        raise PermissionDenied("Only a panel serving this theme's organisation or partnership may change it.")


def _check_panel_may_act_on_report(actor: User, report: Report) -> None:
    if not Report.objects.visible_to(actor).filter(pk=report.pk).exists():
        raise PermissionDenied("Only a panel serving this report's organisation may act on it.")


def _audit(
    *,
    actor: User,
    action: str,
    obj: Theme | Report | ReportQuestion | ThemeNote,
    organisation_id: int | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=str(obj.pk),
        before=dict(before or {}),
        after=dict(after or {}),
    )


def _theme_organisation_id(theme: Theme) -> int | None:
    # A partnership theme has no single organisation; its audit rows are found by object id.
    return theme.organisation_id


def _touch_reviewed(theme: Theme) -> None:
    Theme.objects.filter(pk=theme.pk).update(last_reviewed_at=timezone.now())


# --- Status ---------------------------------------------------------------------


def set_theme_status(*, actor: User, theme: Theme, status: str, reason: str = "") -> Theme:
    """Move a theme to a triage status. Dismissing needs a reason, because a
    dismissed theme drops out of the default queue and someone will ask why."""
    _check_panel_may_act_on_theme(actor, theme)
    if status not in ThemeStatus.values:
        raise ValidationError({"status": ["Choose a status from the list."]})
    reason = reason.strip()
    if status == ThemeStatus.DISMISSED and not reason:
        raise ValidationError({"reason": ["Give a reason for dismissing this theme."]})
    if len(reason) > 2000:
        raise ValidationError({"reason": ["Keep the reason under 2,000 characters."]})
    with transaction.atomic():
        locked = Theme.objects.select_for_update().get(pk=theme.pk)
        before = {"status": locked.status, "status_reason": locked.status_reason}
        locked.status = status
        locked.status_reason = reason
        locked.last_reviewed_at = timezone.now()
        locked.save(update_fields=["status", "status_reason", "last_reviewed_at"])
        _audit(
            actor=actor,
            action="theme.status_changed",
            obj=locked,
            organisation_id=_theme_organisation_id(locked),
            before=before,
            after={"status": status, "status_reason": reason},
        )
    return locked


# --- Notes ----------------------------------------------------------------------


def add_theme_note(*, actor: User, theme: Theme, text: str) -> ThemeNote:
    _check_panel_may_act_on_theme(actor, theme)
    text = text.strip()
    if not text:
        raise ValidationError({"text": ["Write a note."]})
    if len(text) > 5000:
        raise ValidationError({"text": ["Keep the note under 5,000 characters."]})
    with transaction.atomic():
        note = ThemeNote.objects.create(theme=theme, author=actor, text=text)
        _touch_reviewed(theme)
        # The note text stays in its own row; the audit row records that it was written.
        _audit(
            actor=actor,
            action="theme.note_added",
            obj=theme,
            organisation_id=_theme_organisation_id(theme),
            after={"note_id": note.pk},
        )
    return note


# --- Urgent reports -------------------------------------------------------------


def mark_urgent_handled(*, actor: User, report: Report, note: str) -> Report:
    """Record that a live-concern report has been looked at and what was done.

    The note is required: "handled" without saying how is not an audit trail.
    Marking twice is refused rather than silently overwriting who handled it.
    """
    _check_panel_may_act_on_report(actor, report)
    note = note.strip()
    if not report.live_concern:
        raise ValidationError({"report": ["Only reports flagged as a live concern are handled here."]})
    if not note:
        raise ValidationError({"note": ["Say what was done, for example who was contacted."]})
    if len(note) > 2000:
        raise ValidationError({"note": ["Keep the note under 2,000 characters."]})
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.urgent_handled_at is not None:
            raise ValidationError({"report": ["This report has already been marked as handled."]})
        locked.urgent_handled_at = timezone.now()
        locked.urgent_handled_by = actor
        locked.urgent_handled_note = note
        locked.save(update_fields=["urgent_handled_at", "urgent_handled_by", "urgent_handled_note"])
        _audit(
            actor=actor,
            action="report.urgent_handled",
            obj=locked,
            organisation_id=locked.organisation_id,
            before={"urgent_handled_at": None},
            after={"urgent_handled_at": locked.urgent_handled_at.isoformat(), "note": note},
        )
    return locked


def urgent_reports_for(user: User, *, handled: str = "") -> QuerySet[Report]:
    """Live-concern reports, unhandled first; ``handled`` is "", "yes" or "no"."""
    reports = Report.objects.visible_to(user).filter(live_concern=True)
    if handled == "yes":
        reports = reports.filter(urgent_handled_at__isnull=False)
    elif handled == "no":
        reports = reports.filter(urgent_handled_at__isnull=True)
    # Unhandled first, then the most recently handled (nulls_first is emulated where needed).
    return reports.select_related("urgent_handled_by").order_by(
        F("urgent_handled_at").desc(nulls_first=True), "-submitted_on", "reference"
    )


# --- Questions to reporters -----------------------------------------------------


def ask_reporter(*, actor: User, report: Report, text: str) -> ReportQuestion:
    """Ask the reporter a question without learning who they are.

    An anonymous reporter sees it on their receipt page; a confidential one is
    reached by the confidential contact, who relays the answer. Nobody on the
    panel is told which route it takes beyond the report's identity mode.
    """
    _check_panel_may_act_on_report(actor, report)
    text = text.strip()
    if not text:
        raise ValidationError({"text": ["Write your question."]})
    if len(text) > 2000:
        raise ValidationError({"text": ["Keep the question under 2,000 characters."]})
    with transaction.atomic():
        question = ReportQuestion.objects.create(report=report, text=text, asked_by=actor)
        _audit(
            actor=actor,
            action="question.asked",
            obj=question,
            organisation_id=report.organisation_id,
            after={"report": str(report.pk)},
        )
    return question


# --- Theme decisions through the engine -----------------------------------------


def _engine() -> Any:
    # Imported late: the engine module is large and owned by another team.
    from reporting import themes

    return themes


def rename_theme(*, actor: User, theme: Theme, title: str) -> Theme:
    _check_panel_may_act_on_theme(actor, theme)
    title = title.strip()
    if not title:
        raise ValidationError({"title": ["Give the theme a title."]})
    if len(title) > 200:
        raise ValidationError({"title": ["Keep the title under 200 characters."]})
    result = _engine().rename_theme(actor=actor, theme=theme, title=title)
    _touch_reviewed(theme)
    return result


def merge_themes(*, actor: User, theme: Theme, into: Theme) -> Theme:
    """Merge ``theme`` into ``into``; returns the surviving theme."""
    _check_panel_may_act_on_theme(actor, theme)
    _check_panel_may_act_on_theme(actor, into)
    if theme.pk == into.pk:
        raise ValidationError({"into": ["Choose a different theme to merge with."]})
    if into.retired_at is not None or theme.retired_at is not None:
        raise ValidationError({"into": ["That theme has already been merged or retired."]})
    survivor = _engine().merge_themes(actor=actor, target=into, others=[theme])
    _touch_reviewed(survivor)
    return survivor


def split_theme(*, actor: User, theme: Theme, reports: Sequence[Report], title: str = "") -> Theme:
    """Move the chosen reports out into a new theme; returns the new theme."""
    _check_panel_may_act_on_theme(actor, theme)
    if not reports:
        raise ValidationError({"reports": ["Choose the reports to split off."]})
    if any(r.theme_id != theme.pk for r in reports):
        raise ValidationError({"reports": ["Choose reports that belong to this theme."]})
    if len(reports) >= theme.reports.count():
        raise ValidationError({"reports": ["Leave at least one report in this theme."]})
    # The engine needs a title; "Split from ..." is a placeholder the panel can rename.
    title = title.strip() or f"Split from {theme.title}"[:200]
    new_theme = _engine().split_theme(actor=actor, theme=theme, report_ids=[r.pk for r in reports], title=title)
    _touch_reviewed(theme)
    _touch_reviewed(new_theme)
    return new_theme


def pin_report(*, actor: User, report: Report, pinned: bool = True) -> Report:
    """Fix a report to its current theme (the engine's primitive), or unpin it.

    The engine has no unpin, so unpinning is written here: it clears
    ``theme_pinned`` (the documented flag every rebuild reads) and audits it.
    """
    _check_panel_may_act_on_report(actor, report)
    if report.theme_id is None:
        raise ValidationError({"report": ["This report is not in a theme."]})
    theme = Theme.objects.get(pk=report.theme_id)
    if pinned:
        result = _engine().pin_report(actor=actor, report=report, theme=theme)
    else:
        with transaction.atomic():
            result = Report.objects.select_for_update().get(pk=report.pk)
            before = {"theme": result.theme_id, "pinned": result.theme_pinned}
            result.theme_pinned = False
            result.save(update_fields=["theme_pinned"])
            _audit(
                actor=actor,
                action="report.unpin_theme",
                obj=result,
                organisation_id=result.organisation_id,
                before=before,
                after={"theme": result.theme_id, "pinned": False},
            )
    _touch_reviewed(theme)
    return result


def exclude_report(*, actor: User, report: Report, excluded: bool = True) -> Report:
    _check_panel_may_act_on_report(actor, report)
    theme_id = report.theme_id
    result = _engine().exclude_report(actor=actor, report=report, excluded=excluded)
    if theme_id is not None:
        Theme.objects.filter(pk=theme_id).update(last_reviewed_at=timezone.now())
    return result


def mark_duplicate(*, actor: User, report: Report, duplicate_of: Report | None) -> Report:
    _check_panel_may_act_on_report(actor, report)
    if duplicate_of is not None:
        _check_panel_may_act_on_report(actor, duplicate_of)
        if duplicate_of.pk == report.pk:
            raise ValidationError({"duplicate_of": ["A report cannot duplicate itself."]})
    # The engine finds near-duplicates itself but has no panel primitive for
    # it, so the panel's decision is written here on the documented field
    # (``Report.duplicate_of``), which builds read to leave duplicates out of
    # clustering.
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        before = {"duplicate_of": str(locked.duplicate_of_id) if locked.duplicate_of_id else None}
        # Point at the original of a chain so duplicates never nest.
        target = duplicate_of
        if target is not None:
            # Re-read: the caller's copy may predate the target's own marking.
            original_id = Report.objects.filter(pk=target.pk).values_list("duplicate_of_id", flat=True).first()
            if original_id is not None:
                target = Report.objects.get(pk=original_id)
        if target is not None and target.pk == locked.pk:
            raise ValidationError({"duplicate_of": ["That report is already a duplicate of this one."]})
        locked.duplicate_of = target
        locked.save(update_fields=["duplicate_of"])
        _audit(
            actor=actor,
            action="report.mark_duplicate",
            obj=locked,
            organisation_id=locked.organisation_id,
            before=before,
            after={"duplicate_of": str(target.pk) if target else None},
        )
    return locked


LABEL_CHOICES: dict[str, Any] = {
    "westrum_aspect": WestrumAspect,
    "westrum_orientation": WestrumOrientation,
    "learning_together": LearningTogether,
}


def correct_report_labels(*, actor: User, report: Report, labels: Mapping[str, str]) -> Report:
    """A person's correction of any of the three labels; the engine stores it
    as ground truth for the labeller and keeps it across relabelling."""
    _check_panel_may_act_on_report(actor, report)
    changes = {k: v for k, v in labels.items() if v}
    errors = {
        k: ["Choose an option from the list."]
        for k, v in changes.items()
        if k not in LABEL_CHOICES or v not in LABEL_CHOICES[k].values
    }
    if errors:
        raise ValidationError(errors)
    if not changes:
        raise ValidationError({"labels": ["Choose at least one label to correct."]})
    _engine().correct_labels(actor=actor, report=report, changes=changes)
    if report.theme_id is not None:
        Theme.objects.filter(pk=report.theme_id).update(last_reviewed_at=timezone.now())
    return report


# --- Report labels ---

LABEL_DIMENSIONS = (
    ("westrum_aspect", "Westrum aspect", WestrumAspect),
    ("westrum_orientation", "Westrum orientation", WestrumOrientation),
    ("learning_together", "Learning Together pattern", LearningTogether),
)


def label_rows(report: Report) -> list[dict[str, Any]]:
    """Each label with the engine's confidence and evidence ("suggested,
    because: ..."), or, for a label a person set, who set it and when.

    ``label_details`` is written by the theme engine (value, confidence,
    evidence, by_person); who corrected a label comes from its latest
    ``LabelCorrection`` (one query for the three dimensions).
    """
    from reporting.models.themes import LabelCorrection

    latest: dict[str, LabelCorrection] = {}
    for correction in LabelCorrection.objects.filter(report=report).select_related("actor").order_by("at", "pk"):
        latest[correction.dimension] = correction
    details = report.label_details or {}
    rows = []
    for field_name, title, choices in LABEL_DIMENSIONS:
        value = getattr(report, field_name)
        detail = details.get(field_name) or {}
        evidence = detail.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        confidence = detail.get("confidence")
        correction = latest.get(field_name)
        by_person = bool(detail.get("by_person")) or (correction is not None and correction.new_value == value)
        actor = correction.actor if correction is not None else None
        rows.append(
            {
                "field": field_name,
                "title": title,
                "value": value,
                "label": choices(value).label if value in choices.values else "Not labelled yet",
                "confidence": round(float(confidence) * 100) if isinstance(confidence, int | float) else None,
                "evidence": [str(e) for e in evidence][:5],
                "by_person": by_person,
                "corrected_by": (actor.get_full_name() or actor.username) if by_person and actor else "",
                "corrected_at": correction.at.date().isoformat() if by_person and correction else "",
            }
        )
    return rows


# --- Triage queue ---------------------------------------------------------------

# What the queue shows of a theme; keywords, excerpts and summary JSON stay unread.
TRIAGE_THEME_FIELDS = (
    "id",
    "organisation_id",
    "partnership_id",
    "title",
    "title_locked",
    "keywords",
    "status",
    "status_reason",
    "emerging",
    "first_seen",
    "last_seen",
    "last_reviewed_at",
    "retired_at",
)
OPEN_STATUSES = (ThemeStatus.NEW, ThemeStatus.TRIAGED, ThemeStatus.MONITORING, ThemeStatus.THEMATIC_REVIEW)
GROWTH_WINDOW_DAYS = 30
PERIOD_DAYS = {"30": 30, "90": 90, "365": 365}


@dataclass(frozen=True)
class ThemeFacts:
    """What the attention score looks at; plain data, so it is testable alone."""

    size: int
    recent: int  # reports in the last GROWTH_WINDOW_DAYS days
    previous: int  # reports in the window before that
    reached_child: int
    live_concern: int
    live_unhandled: int
    pathological: int
    labelled: int  # reports with a Westrum orientation at all
    emerging: bool
    days_since_reviewed: int | None  # None: never looked at by the panel


def attention_score(facts: ThemeFacts) -> float:
    """How much a theme needs the panel's attention now; higher first.

    Documented weights (each term is bounded so no single one swamps the rest):

    * live concern not yet handled: 10 each, up to 3 reports (30), so one
      unhandled live concern outranks any size alone; handled live concerns
      still count 1 each up to 3, because the theme carries risk;
    * reached the child: 2 x log2(1 + n);
    * emerging (the engine's flag): 4;
    * size: log2(1 + size), about 10 for 1,000 reports;
    * growth: 3 x min(1, (recent - previous) / max(previous, 5)), only when rising;
      the floor of 5 stops one or two new reports reading as 100% growth;
    * pathological share of labelled reports: 5 x share, only once 5 reports are
      labelled, because a share of 1 out of 1 says nothing;
    * time since the panel last looked: 0.1 per day up to 3 (30 days), and 3
      if it has never been looked at.

    This ranks systemic themes; it never scores a worker, a team or a family.
    """
    score = 10.0 * min(facts.live_unhandled, 3)
    score += 1.0 * min(facts.live_concern - facts.live_unhandled, 3)
    score += 2.0 * math.log2(1 + facts.reached_child)
    score += 4.0 if facts.emerging else 0.0
    score += math.log2(1 + facts.size)
    if facts.recent > facts.previous:
        score += 3.0 * min(1.0, (facts.recent - facts.previous) / max(facts.previous, 5))
    if facts.labelled >= 5:
        score += 5.0 * facts.pathological / facts.labelled
    score += 3.0 if facts.days_since_reviewed is None else min(3.0, 0.1 * facts.days_since_reviewed)
    return round(score, 2)


@dataclass(frozen=True)
class TriageFilters:
    status: str = "open"  # a ThemeStatus value, "open" or "all"
    service_area: str = ""
    learning_together: str = ""
    westrum_aspect: str = ""
    westrum_orientation: str = ""
    period: str = ""  # "", "30", "90" or "365" days

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> TriageFilters:
        """Unknown values fall back to "no filter" rather than an error: a
        stale bookmarked link should still show a queue."""

        def pick(key: str, allowed: Iterable[str], default: str = "") -> str:
            value = str(data.get(key) or "")
            return value if value in set(allowed) else default

        return cls(
            status=pick("status", [*ThemeStatus.values, "open", "all"], "open"),
            service_area=pick("service_area", ServiceArea.values),
            learning_together=pick("learning_together", LearningTogether.values),
            westrum_aspect=pick("westrum_aspect", WestrumAspect.values),
            westrum_orientation=pick("westrum_orientation", WestrumOrientation.values),
            period=pick("period", PERIOD_DAYS),
        )


@dataclass(frozen=True)
class TriageRow:
    theme: Theme
    facts: ThemeFacts
    score: float
    reasons: tuple[str, ...] = field(default=())


def _scope_themes(user: User) -> QuerySet[Theme]:
    # A subquery rather than visible_to() itself: its joins through panels
    # would multiply the report counts annotated below.
    return Theme.objects.filter(pk__in=Theme.objects.visible_to(user).values("pk")).current()


def triage_queue(user: User, filters: TriageFilters, *, today: dt.date | None = None) -> list[TriageRow]:
    """Themes the user's panels serve, most in need of attention first.

    Three queries whatever the number of themes or reports (the panel
    scope, the themes, one aggregate over their member reports). Sorting happens in Python
    because the score mixes logarithms and caps; a scope has hundreds of
    themes, not millions.
    """
    today = today or timezone.localdate()
    themes = _scope_themes(user)
    if filters.status == "open":
        themes = themes.filter(status__in=OPEN_STATUSES)
    elif filters.status != "all":
        themes = themes.filter(status=filters.status)
    report_filters = {
        "service_area": filters.service_area,
        "learning_together": filters.learning_together,
        "westrum_aspect": filters.westrum_aspect,
        "westrum_orientation": filters.westrum_orientation,
    }
    member_reports = Report.objects.filter(**{k: v for k, v in report_filters.items() if v})
    if filters.period:
        member_reports = member_reports.filter(submitted_on__gte=today - dt.timedelta(days=PERIOD_DAYS[filters.period]))
    if any(report_filters.values()) or filters.period:
        themes = themes.filter(pk__in=member_reports.filter(theme__isnull=False).values("theme_id"))
    recent_from = today - dt.timedelta(days=GROWTH_WINDOW_DAYS)
    previous_from = recent_from - dt.timedelta(days=GROWTH_WINDOW_DAYS)
    # Aggregate on the report side, grouped by theme_id alone (an indexed
    # column): grouping a theme join by every theme column costs far more.
    theme_list = list(themes.only(*TRIAGE_THEME_FIELDS))
    counts = {
        row["theme_id"]: row
        for row in Report.objects.filter(theme_id__in=[t.pk for t in theme_list])
        .values("theme_id")
        .annotate(
            n_reports=Count("pk"),
            n_recent=Count("pk", filter=Q(submitted_on__gte=recent_from)),
            n_previous=Count("pk", filter=Q(submitted_on__gte=previous_from, submitted_on__lt=recent_from)),
            n_reached=Count("pk", filter=Q(reached_child="yes")),
            n_live=Count("pk", filter=Q(live_concern=True)),
            n_live_unhandled=Count("pk", filter=Q(live_concern=True, urgent_handled_at__isnull=True)),
            n_pathological=Count("pk", filter=Q(westrum_orientation=WestrumOrientation.PATHOLOGICAL)),
            n_labelled=Count("pk", filter=~Q(westrum_orientation="")),
        )
        .order_by()
    }
    now = timezone.now()
    rows = []
    for theme in theme_list:
        c = counts.get(theme.pk, {})
        facts = ThemeFacts(
            size=c.get("n_reports", 0),
            recent=c.get("n_recent", 0),
            previous=c.get("n_previous", 0),
            reached_child=c.get("n_reached", 0),
            live_concern=c.get("n_live", 0),
            live_unhandled=c.get("n_live_unhandled", 0),
            pathological=c.get("n_pathological", 0),
            labelled=c.get("n_labelled", 0),
            emerging=theme.emerging,
            days_since_reviewed=(now - theme.last_reviewed_at).days if theme.last_reviewed_at else None,
        )
        rows.append(TriageRow(theme=theme, facts=facts, score=attention_score(facts), reasons=attention_reasons(facts)))
    rows.sort(key=lambda row: (-row.score, row.theme.title.lower(), row.theme.pk))
    return rows


def attention_reasons(facts: ThemeFacts) -> tuple[str, ...]:
    """The score's main drivers in words, so the order is explainable."""
    reasons = []
    if facts.live_unhandled:
        reasons.append("live concern not yet handled")
    if facts.emerging:
        reasons.append("emerging")
    if facts.recent > facts.previous and facts.recent >= settings.SUPPRESSION_THRESHOLD:
        reasons.append("growing")
    if facts.reached_child:
        reasons.append("reached a child")
    if facts.labelled >= 5 and facts.pathological / facts.labelled >= 0.5:
        reasons.append("mostly pathological culture signals")
    if facts.days_since_reviewed is None:
        reasons.append("never reviewed")
    elif facts.days_since_reviewed >= 30:
        reasons.append(f"not reviewed for {facts.days_since_reviewed} days")
    return tuple(reasons)


# --- Theme profile --------------------------------------------------------------


def suppress(count: int) -> str:
    """A count as shown in an aggregate view: small numbers re-identify people."""
    threshold = settings.SUPPRESSION_THRESHOLD
    return f"fewer than {threshold}" if 0 < count < threshold else f"{count:,}"


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    shown: str  # the count as displayed: suppressed when small
    percent: int  # of the largest bar, for drawing; 0 when suppressed

    @property
    def suppressed(self) -> bool:
        return 0 < self.count < settings.SUPPRESSION_THRESHOLD


def bars(counts: Sequence[tuple[str, int]]) -> list[Bar]:
    """Bars scaled to the largest visible count. A suppressed bar is drawn
    empty: its length would give the small number away."""
    threshold = settings.SUPPRESSION_THRESHOLD
    visible = [c for _, c in counts if c >= threshold]
    top = max(visible, default=0)
    return [
        Bar(
            label=label,
            count=count,
            shown=suppress(count),
            percent=round(100 * count / top) if top and count >= threshold else 0,
        )
        for label, count in counts
    ]


@dataclass(frozen=True)
class ThemeProfile:
    size: int
    trend: list[Bar]  # by month, oldest first
    westrum: list[dict[str, Any]]  # one row per aspect: label and one Bar per orientation
    learning_together: list[Bar]
    contributing_factors: list[Bar]
    service_areas: list[Bar]


def theme_profile(theme: Theme, *, months: int = 12, today: dt.date | None = None) -> ThemeProfile:
    """Aggregates over a theme's member reports in one query whatever its size.

    One pass over six narrow columns of the members, counted in Python: one
    index range scan on theme_id beats six GROUP BY queries that each re-read
    the (wide) report rows, and contributing_factors is a JSON list that has
    to be counted in Python anyway.
    """
    today = today or timezone.localdate()
    start = (today.replace(day=1) - dt.timedelta(days=31 * (months - 1))).replace(day=1)
    by_month: Counter[dt.date] = Counter()
    cells: Counter[tuple[str, str]] = Counter()
    lt_counts: Counter[str] = Counter()
    area_counts: Counter[str] = Counter()
    factor_counts: Counter[str] = Counter()
    size = 0
    rows = Report.objects.filter(theme=theme).values_list(
        "submitted_on",
        "westrum_aspect",
        "westrum_orientation",
        "learning_together",
        "service_area",
        "contributing_factors",
    )
    for submitted_on, aspect, orientation, pattern, area, factors in rows.iterator(chunk_size=5000):
        size += 1
        if submitted_on >= start:
            by_month[submitted_on.replace(day=1)] += 1
        if aspect and orientation:
            cells[(aspect, orientation)] += 1
        if pattern in LearningTogether.values:
            lt_counts[pattern] += 1
        if area in ServiceArea.values:
            area_counts[area] += 1
        factor_counts.update(f for f in factors or [] if f in ContributingFactor.values)

    month_keys = []
    cursor = start
    while cursor <= today:
        month_keys.append(cursor)
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    trend = bars([(m.strftime("%b %Y"), by_month.get(m, 0)) for m in month_keys])
    westrum = [
        {"aspect": aspect.label, "cells": bars([(o.label, cells[(aspect.value, o.value)]) for o in WestrumOrientation])}
        for aspect in WestrumAspect
    ]
    return ThemeProfile(
        size=size,
        trend=trend,
        westrum=westrum,
        learning_together=bars([(LearningTogether(k).label, n) for k, n in lt_counts.most_common()]),
        contributing_factors=bars([(ContributingFactor(k).label, n) for k, n in factor_counts.most_common()]),
        service_areas=bars([(ServiceArea(k).label, n) for k, n in area_counts.most_common()]),
    )


def theme_history(theme: Theme, *, limit: int = 20) -> QuerySet[AuditEvent]:
    """The panel's decisions on this theme, newest first."""
    return AuditEvent.objects.filter(object_type="theme", object_id=str(theme.pk)).select_related("actor")[:limit]

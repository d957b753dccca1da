"""The panel's workspace: triage, theme decisions, urgent reports, questions.

Every state change here is one function: keyword-only, an explicit ``actor``,
one transaction, an ``AuditEvent`` with before/after written inside it. Theme
decisions that the engine must respect on rebuild (rename, merge, split, pin,
exclude, duplicates, label corrections) are delegated to the engine's
primitives in ``reporting.themes``; this module checks that the actor's panel
may make them and records that the theme was looked at.

Reads (the triage queue and a theme's profile) never scan member reports:
they read Theme rows and the summary the theme engine precomputes for each
(``Theme.summary``), so their queries and their cost stay the same whatever
the number of themes or reports. Lists of reports are paginated and read
only the columns they show.
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
from django.db.models import Count, F, QuerySet
from django.http import Http404
from django.utils import timezone

from reporting.choices import (
    ContributingFactor,
    IdentityMode,
    LearningTogether,
    ServiceArea,
    ThemeStatus,
    UrgentOutcome,
    WestrumAspect,
    WestrumOrientation,
)
from reporting.models import AuditEvent, Report, ReportQuestion, Theme, User
from reporting.services import close_reports
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
    if user.organisation_id is None:
        # Filtering on None would match no report either (every report has an organisation).
        return ReportQuestion.objects.none()
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
        if status in (ThemeStatus.CLOSED, ThemeStatus.DISMISSED):
            close_reports(
                actor=actor,
                report_ids=Report.objects.filter(theme=locked).values_list("pk", flat=True),
                reason=f"theme {status}",
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


def mark_urgent_handled(*, actor: User, report: Report, note: str, outcome: str) -> Report:
    """Record that a live-concern report has been looked at, what was done and what was found.

    The note is required: "handled" without saying how is not an audit trail. The
    outcome (``UrgentOutcome``) is required too: it is how an organisation learns how
    often the flag is right on its own reports. Marking twice is refused rather than
    silently overwriting who handled it.
    """
    _check_panel_may_act_on_report(actor, report)
    note = note.strip()
    errors: dict[str, list[str]] = {}
    if not report.live_concern:
        raise ValidationError({"report": ["Only reports flagged as a live concern are handled here."]})
    if not note:
        errors["note"] = ["Say what was done, for example who was contacted."]
    elif len(note) > 2000:
        errors["note"] = ["Keep the note under 2,000 characters."]
    if outcome not in UrgentOutcome.values:
        errors["outcome"] = ["Say whether a child was at risk now."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.urgent_handled_at is not None:
            raise ValidationError({"report": ["This report has already been marked as handled."]})
        locked.urgent_handled_at = timezone.now()
        locked.urgent_handled_by = actor
        locked.urgent_handled_note = note
        locked.urgent_outcome = outcome
        locked.save(update_fields=["urgent_handled_at", "urgent_handled_by", "urgent_handled_note", "urgent_outcome"])
        _audit(
            actor=actor,
            action="report.urgent_handled",
            obj=locked,
            organisation_id=locked.organisation_id,
            before={"urgent_handled_at": None},
            after={"urgent_handled_at": locked.urgent_handled_at.isoformat(), "note": note, "outcome": outcome},
        )
    return locked


# What the urgent queue shows of a report and of who handled it.
URGENT_REPORT_FIELDS = (
    "id",
    "reference",
    "organisation_id",
    "submitted_on",
    "live_concern",
    "live_concern_reasons",
    "urgent_handled_at",
    "urgent_handled_note",
    "urgent_outcome",
    "urgent_handled_by__username",
    "urgent_handled_by__first_name",
    "urgent_handled_by__last_name",
)


def urgent_reports_for(user: User, *, handled: str = "") -> QuerySet[Report]:
    """Live-concern reports, unhandled first; ``handled`` is "", "yes" or "no".

    Filtered on the partial index ``urgent_reports`` (organisation,
    urgent_handled_at WHERE live_concern): only the few urgent rows are read,
    whatever the number of reports. Callers paginate.
    """
    reports = Report.objects.visible_to(user).filter(live_concern=True)
    if handled == "yes":
        reports = reports.filter(urgent_handled_at__isnull=False)
    elif handled == "no":
        reports = reports.filter(urgent_handled_at__isnull=True)
    # Unhandled first, then the most recently handled (nulls_first is emulated where needed).
    return (
        reports.select_related("urgent_handled_by")
        .only(*URGENT_REPORT_FIELDS)
        .order_by(F("urgent_handled_at").desc(nulls_first=True), "-submitted_on", "reference")
    )


def urgent_outcomes_for(user: User) -> list[tuple[str, str]]:
    """How the handled urgent reports turned out, as (outcome label, suppressed count).

    The organisation's own measure of the flag: how many were a child at risk now and
    how many were false alarms. An aggregate, so small counts are suppressed.
    """
    handled = Report.objects.visible_to(user).filter(live_concern=True).exclude(urgent_outcome="")
    counts = dict(handled.values_list("urgent_outcome").annotate(n=Count("id")).order_by())
    return [(label, suppress(counts.get(value, 0))) for value, label in UrgentOutcome.choices]


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
    members = theme.member_reports()
    if members.filter(pk__in=[r.pk for r in reports]).count() != len({r.pk for r in reports}):
        raise ValidationError({"reports": ["Choose reports that belong to this theme."]})
    if len(reports) >= members.count():
        raise ValidationError({"reports": ["Leave at least one report in this theme."]})
    # The engine needs a title; "Split from ..." is a placeholder the panel can rename.
    title = title.strip() or f"Split from {theme.title}"[:200]
    new_theme = _engine().split_theme(actor=actor, theme=theme, report_ids=[r.pk for r in reports], title=title)
    _touch_reviewed(theme)
    _touch_reviewed(new_theme)
    return new_theme


def _report_theme(report: Report, theme: Theme | None) -> Theme:
    """The theme a pin or an exclusion is about: the one the panel acted from
    (an organisation or a partnership theme), else the report's organisation theme."""
    if theme is not None:
        return theme
    if report.theme_id is None:
        raise ValidationError({"report": ["This report is not in a theme."]})
    return Theme.objects.get(pk=report.theme_id)


def pin_report(*, actor: User, report: Report, pinned: bool = True, theme: Theme | None = None) -> Report:
    """Fix a report to ``theme`` (by default its organisation's theme), or unpin it.

    The engine's primitive writes the state change and its audit row: on the
    report for an organisation theme, on the report's ``ThemeMembership`` for
    a partnership theme (so a partnership panel never moves the organisation's
    own placement).
    """
    _check_panel_may_act_on_report(actor, report)
    theme = _report_theme(report, theme)
    _check_panel_may_act_on_theme(actor, theme)
    result = _engine().pin_report(actor=actor, report=report, theme=theme, pinned=pinned)
    _touch_reviewed(theme)
    return result


def exclude_report(*, actor: User, report: Report, excluded: bool = True, theme: Theme | None = None) -> Report:
    """Take a report out of theming (or return it): out of its organisation's
    themes, or, from a partnership theme, out of that partnership's themes only."""
    _check_panel_may_act_on_report(actor, report)
    partnership = None
    if theme is not None:
        _check_panel_may_act_on_theme(actor, theme)
        partnership = theme.partnership
    theme_id = theme.pk if theme is not None else report.theme_id
    result = _engine().exclude_report(actor=actor, report=report, excluded=excluded, partnership=partnership)
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
    for entry in LabelCorrection.objects.filter(report=report).select_related("actor").order_by("at", "pk"):
        latest[entry.dimension] = entry
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


# --- Theme summaries ------------------------------------------------------------

# Which summary counter each triage filter reads (keys written by the theme
# engine's _theme_summary in reporting.themes).
SUMMARY_COUNTERS = {
    "service_area": "service_areas",
    "learning_together": "learning_together",
    "westrum_aspect": "westrum_aspect",
    "westrum_orientation": "westrum_orientation",
}


@dataclass(frozen=True)
class ThemeSummary:
    """``Theme.summary`` read defensively: a theme the engine has not
    summarised yet (or an older summary missing a key) reads as zeros rather
    than failing the page."""

    size: int
    last_30: int
    previous_30: int
    last_90: int
    previous_90: int
    reached_child: int
    live_concern: int
    counters: Mapping[str, Mapping[str, int]]  # summary key -> value -> count
    by_month: Mapping[str, int] = field(default_factory=dict)  # "YYYY-MM" -> count, oldest first
    westrum_grid: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # aspect -> orientation -> count
    computed_at: dt.date | None = None  # the day the engine computed these figures

    @classmethod
    def of(cls, theme: Theme) -> ThemeSummary:
        data = theme.summary if isinstance(theme.summary, dict) else {}
        raw_trend = data.get("trend")
        trend: dict[str, Any] = raw_trend if isinstance(raw_trend, dict) else {}

        def number(value: Any) -> int:
            return int(value) if isinstance(value, int | float) and value > 0 else 0

        counters: dict[str, dict[str, int]] = {}
        for key in (*SUMMARY_COUNTERS.values(), "contributing_factors"):
            raw = data.get(key)
            counters[key] = {str(k): number(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        return cls(
            # Theme.size is kept by the engine beside the summary; it covers a theme summarised before "size" existed.
            size=number(data.get("size", theme.size)),
            last_30=number(trend.get("last_30")),
            previous_30=number(trend.get("previous_30")),
            last_90=number(trend.get("last_90")),
            previous_90=number(trend.get("previous_90")),
            reached_child=number(data.get("reached_child")),
            live_concern=number(data.get("live_concern")),
            counters=counters,
            by_month=_months(data.get("by_month")),
            westrum_grid=_grid(data.get("westrum_grid"), number),
            computed_at=_day(data.get("computed_at")),
        )

    def count(self, key: str, value: str) -> int:
        return self.counters.get(key, {}).get(value, 0)


def _months(raw: Any) -> dict[str, int]:
    """``by_month`` with only well-formed "YYYY-MM" keys, in calendar order."""
    if not isinstance(raw, dict):
        return {}
    out = {}
    for key in sorted(str(k) for k in raw):
        try:
            dt.date.fromisoformat(f"{key}-01")
        except ValueError:
            continue
        value = raw[key]
        out[key] = int(value) if isinstance(value, int | float) and value > 0 else 0
    return out


def _grid(raw: Any, number: Any) -> dict[str, dict[str, int]]:
    if not isinstance(raw, dict):
        return {}
    return {str(a): {str(o): number(n) for o, n in row.items()} for a, row in raw.items() if isinstance(row, dict)}


def _day(raw: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


# What a member list shows of a report (the theme page and the API list).
MEMBER_REPORT_FIELDS = (
    "id",
    "reference",
    "kind",
    "service_area",
    "submitted_on",
    "narrative",
    "westrum_aspect",
    "westrum_orientation",
    "learning_together",
    "theme_pinned",
    "live_concern",
    "duplicate_of_id",
    "theme_id",
)


def theme_members(theme: Theme) -> QuerySet[Report]:
    """Member reports for a paginated list: pinned first, then newest, only the listed columns.

    ``member_pinned`` is the pin that holds the report in *this* theme: the
    report's ``theme_pinned`` for an organisation theme (the order follows the
    ``theme_member_order`` index), its membership's ``pinned`` for a
    partnership theme (the join ``member_reports()`` already makes).
    """
    members = theme.member_reports().only(*MEMBER_REPORT_FIELDS)
    if theme.partnership_id is not None:
        members = members.annotate(member_pinned=F("theme_memberships__pinned"))
        return members.order_by("-member_pinned", "-submitted_on", "reference")
    return members.annotate(member_pinned=F("theme_pinned")).order_by("-theme_pinned", "-submitted_on", "reference")


# --- Triage queue ---------------------------------------------------------------

# What the queue shows and scores of a theme; keywords for the API, summary for the facts.
TRIAGE_THEME_FIELDS = (
    "id",
    "organisation_id",
    "partnership_id",
    "title",
    "title_locked",
    "keywords",
    "summary",
    "size",
    "status",
    "status_reason",
    "emerging",
    "first_seen",
    "last_seen",
    "last_reviewed_at",
    "retired_at",
)
OPEN_STATUSES = (ThemeStatus.NEW, ThemeStatus.TRIAGED, ThemeStatus.MONITORING, ThemeStatus.THEMATIC_REVIEW)
GROWTH_WINDOW_DAYS = 30  # the summary's last_30 / previous_30 windows
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


def theme_facts(
    theme: Theme, *, live_unhandled: int, now: dt.datetime, summary: ThemeSummary | None = None
) -> ThemeFacts:
    """The score's inputs: the engine's summary, plus the unhandled live
    concerns, which change when the panel acts and so are counted live."""
    summary = summary or ThemeSummary.of(theme)
    orientations = summary.counters["westrum_orientation"]
    return ThemeFacts(
        size=summary.size,
        recent=summary.last_30,
        previous=summary.previous_30,
        reached_child=summary.reached_child,
        # A summary older than the newest live concern must not make "handled" negative.
        live_concern=max(summary.live_concern, live_unhandled),
        live_unhandled=live_unhandled,
        pathological=orientations.get(WestrumOrientation.PATHOLOGICAL.value, 0),
        labelled=sum(orientations.values()),
        emerging=theme.emerging,
        days_since_reviewed=(now - theme.last_reviewed_at).days if theme.last_reviewed_at else None,
    )


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

    def summary_filters(self) -> list[tuple[str, str]]:
        """(summary counter, value) pairs a theme must have at least one report of."""
        return [(key, getattr(self, name)) for name, key in SUMMARY_COUNTERS.items() if getattr(self, name)]


@dataclass(frozen=True)
class TriageRow:
    theme: Theme
    facts: ThemeFacts
    score: float
    reasons: tuple[str, ...] = field(default=())


def _scope_themes(user: User) -> QuerySet[Theme]:
    # A subquery rather than visible_to() itself: its joins through panels
    # (and its DISTINCT) would otherwise apply to every query built on this.
    return Theme.objects.filter(pk__in=Theme.objects.visible_to(user).values("pk")).current()


def _unhandled_live_concerns_by_theme(user: User) -> Counter[int]:
    """Unhandled live concerns per theme, organisation and partnership themes alike.

    Filtered on exactly the partial index's terms (organisation,
    urgent_handled_at, live_concern), so it reads only the urgent backlog,
    never the reports of a theme; each row carries the report's organisation
    theme and (joined) its partnership themes, so a report is counted once
    in each theme it belongs to.
    """
    themes_of: dict[Any, set[int]] = {}
    rows = (
        Report.objects.visible_to(user)
        .filter(live_concern=True, urgent_handled_at__isnull=True)
        .values_list("pk", "theme_id", "theme_memberships__theme_id")
        .order_by()
    )
    for report_id, theme_id, partnership_theme_id in rows:
        themes_of.setdefault(report_id, set()).update(t for t in (theme_id, partnership_theme_id) if t is not None)
    return Counter(theme_id for ids in themes_of.values() for theme_id in ids)


def triage_queue(user: User, filters: TriageFilters, *, today: dt.date | None = None) -> list[TriageRow]:
    """Themes the user's panels serve, most in need of attention first.

    Reads Theme rows and the summaries the theme engine precomputes, never
    their member reports, so the cost does not depend on how many reports
    there are: one query for the themes in scope, and one (panel scope plus
    an index-only count on the partial ``urgent_reports`` index) for the
    live concerns not yet handled, which change with every panel action.

    Filters work on theme-level facts: the period on ``last_seen`` (an
    indexable column), and service area, Learning Together pattern and
    Westrum aspect/orientation on the summary's counts, in Python. A theme
    matches a filter when at least one of its reports has that value; with
    several filters, each must match, though not necessarily on one report.
    Python rather than SQL JSON lookups because the queue already loads
    every current theme in scope to sort by the score (which mixes
    logarithms and caps): a scope has hundreds of themes, not millions, and
    JSON key lookups would differ between SQLite and PostgreSQL and use no
    index anyway.

    The 30-day growth windows are those of the summary, i.e. as of the
    engine's last refresh of the theme.
    """
    today = today or timezone.localdate()
    themes = _scope_themes(user)
    if filters.status == "open":
        themes = themes.filter(status__in=OPEN_STATUSES)
    elif filters.status != "all":
        themes = themes.filter(status=filters.status)
    if filters.period:
        themes = themes.filter(last_seen__gte=today - dt.timedelta(days=PERIOD_DAYS[filters.period]))
    wanted = filters.summary_filters()
    unhandled = _unhandled_live_concerns_by_theme(user)
    now = timezone.now()
    rows = []
    for theme in themes.only(*TRIAGE_THEME_FIELDS):
        summary = ThemeSummary.of(theme)
        if not all(summary.count(key, value) for key, value in wanted):
            continue
        facts = theme_facts(theme, live_unhandled=unhandled.get(theme.pk, 0), now=now, summary=summary)
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
class WestrumRow:
    """One aspect of the Westrum grid: a cell per orientation, in the model's order."""

    aspect: str
    cells: list[Bar]


@dataclass(frozen=True)
class ThemeProfile:
    size: int
    months: list[Bar]  # reports per calendar month over the theme's span, oldest first
    westrum_grid: list[WestrumRow]  # every aspect x every orientation
    computed_at: dt.date | None  # the day the figures were computed; None for an old summary
    trend: list[Bar]  # three 30-day blocks, oldest first
    quarters: list[Bar]  # the 90 days before the last 90, then the last 90
    westrum_orientation: list[Bar]  # every orientation, in the model's order
    westrum_aspect: list[Bar]  # every aspect, in the model's order
    learning_together: list[Bar]
    contributing_factors: list[Bar]
    service_areas: list[Bar]


def _ranked(counter: Mapping[str, int], choices: Any) -> list[Bar]:
    known = Counter({k: n for k, n in counter.items() if k in choices.values and n > 0})
    return bars([(choices(k).label, n) for k, n in known.most_common()])


def theme_profile(theme: Theme) -> ThemeProfile:
    """What the engine knows about a theme, from its precomputed summary.

    No report is read, so the page costs the same for 5 reports or 50,000.
    ``months`` is the summary's ``by_month`` (the theme's span, at most 36
    months); ``westrum_grid`` crosses aspect with orientation; ``trend`` is
    the three 30-day blocks the summary's windows give exactly (days 61-90
    are last_90 - last_30 - previous_30), and the quarters compare the last
    90 days with the 90 before. Every count goes through ``bars``, so small
    numbers are suppressed alike.
    """
    summary = ThemeSummary.of(theme)
    days_61_90 = max(0, summary.last_90 - summary.last_30 - summary.previous_30)
    # One scale for the whole grid, so cells compare across aspects.
    grid_cells = bars(
        [
            (o.label, summary.westrum_grid.get(a.value, {}).get(o.value, 0))
            for a in WestrumAspect
            for o in WestrumOrientation
        ]
    )
    width = len(WestrumOrientation)
    return ThemeProfile(
        size=summary.size,
        months=bars([(_month_label(key), n) for key, n in summary.by_month.items()]),
        westrum_grid=[
            WestrumRow(aspect=a.label, cells=grid_cells[i * width : (i + 1) * width])
            for i, a in enumerate(WestrumAspect)
        ],
        computed_at=summary.computed_at,
        trend=bars(
            [
                ("61–90 days ago", days_61_90),
                ("31–60 days ago", summary.previous_30),
                ("0–30 days ago", summary.last_30),
            ]
        ),
        quarters=bars([("91–180 days ago", summary.previous_90), ("Last 90 days", summary.last_90)]),
        westrum_orientation=bars(
            [(o.label, summary.count("westrum_orientation", o.value)) for o in WestrumOrientation]
        ),
        westrum_aspect=bars([(a.label, summary.count("westrum_aspect", a.value)) for a in WestrumAspect]),
        learning_together=_ranked(summary.counters["learning_together"], LearningTogether),
        contributing_factors=_ranked(summary.counters["contributing_factors"], ContributingFactor),
        service_areas=_ranked(summary.counters["service_areas"], ServiceArea),
    )


def _month_label(key: str) -> str:
    return dt.date.fromisoformat(f"{key}-01").strftime("%b %Y")


def merge_targets(user: User, theme: Theme) -> list[tuple[int, str]]:
    """(id, title) of the other current themes in the user's scope, for the merge list."""
    return list(_scope_themes(user).exclude(pk=theme.pk).order_by("title").values_list("pk", "title"))


def theme_history(theme: Theme, *, limit: int = 20) -> QuerySet[AuditEvent]:
    """The panel's decisions on this theme, newest first."""
    return AuditEvent.objects.filter(object_type="theme", object_id=str(theme.pk)).select_related("actor")[:limit]

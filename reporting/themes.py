"""Theme engine services: per-report processing, theme builds, panel decisions.

Interfaces (Celery tasks in ``reporting.tasks``, management commands, the
panel's views) call these; each state change lives here once. The analysis
itself is plain Python in ``reporting.analysis`` (no ORM there); this module
feeds it from the database and stores what it returns.

Panel primitives (``rename_theme``, ``merge_themes``, ``split_theme``,
``pin_report``, ``exclude_report``, ``correct_labels``) take an explicit
``actor`` (``None`` only for trusted system callers such as management
commands), run in one transaction with their audit row, and raise
``PermissionDenied`` / ``ValidationError``. Their effects are constraints every
later build respects: a renamed title is kept (``title_locked``), merged and
split themes keep their membership (``membership_locked``), pinned reports stay
put (until ``pin_report(..., pinned=False)`` releases them), excluded reports
are never themed.

A scope is an organisation or a partnership (several organisations; a
national panel is a partnership too). A report's place in its organisation's
themes is ``Report.theme`` / ``theme_pinned`` / ``theme_excluded``; its place
in each partnership's themes is a ``ThemeMembership`` row, so the same report
can be in one organisation theme and one theme per partnership. Builds and
panel primitives work the same way for both; ``Theme.member_reports()`` reads
either. Every primitive refreshes the affected themes' summary, size and dates
in its own transaction (``refresh_theme_summaries``), so pages read
``Theme.summary`` rather than scanning reports. ``process_report`` runs for
every new report and must stay cheap however large a theme grows, so it only
marks the themes it touched ``summary_stale``; ``refresh_stale_theme_summaries``
(a periodic task) brings them up to date within a minute or so, keywords and
automatic titles included (a panel's title is kept). Merges and splits mark
their themes stale for the same reason. Excerpts change only in a build.

Nothing here logs or prints report text.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from reporting.analysis import labels as labeller
from reporting.analysis import themes as engine
from reporting.analysis import trends
from reporting.analysis import vectorise as vz
from reporting.choices import ReachedChild
from reporting.models import AuditEvent, Organisation, Panel, Partnership, Report, User, panel_organisation_ids
from reporting.models.themes import LabelCorrection, LabellerModel, Theme, ThemeBuild, ThemeLineage, ThemeMembership
from reporting.privacy import start_of_today

logger = logging.getLogger(__name__)

DIMENSIONS: tuple[str, ...] = ("westrum_aspect", "westrum_orientation", "learning_together")
#: Near-duplicates are looked for among this many recent reports of the organisation.
DUPLICATE_WINDOW_DAYS = 90
DUPLICATE_CANDIDATES = 500
#: A running build older than this is considered dead (its worker was killed).
STALE_BUILD = dt.timedelta(hours=2)


class BuildAlreadyRunning(Exception):
    """Another build of the same scope holds the lock."""


# --------------------------------------------------------------------------- access
def _check_actor(actor: User | None, organisation_id: int) -> None:
    """A person may act only on organisations one of their panels serves."""
    if actor is None:
        return  # trusted system caller (management command, task)
    if organisation_id not in panel_organisation_ids(actor):
        raise PermissionDenied("Not a panel member for this organisation.")


def _check_partnership_actor(actor: User | None, partnership_id: int) -> None:
    """Partnership themes belong to the partnership's panels, not to the panels
    of its member organisations."""
    if actor is None:
        return
    if not Panel.objects.for_member(actor).filter(partnership_id=partnership_id).exists():
        raise PermissionDenied("Not a panel member for this partnership.")


def _check_theme_actor(actor: User | None, theme: Theme) -> None:
    if theme.partnership_id is not None:
        _check_partnership_actor(actor, theme.partnership_id)
    else:
        assert theme.organisation_id is not None
        _check_actor(actor, theme.organisation_id)


@dataclass(frozen=True)
class ThemeScope:
    """The organisation or the partnership whose reports one theme set covers."""

    organisation: Organisation | None = None
    partnership: Partnership | None = None

    @classmethod
    def of(cls, *, organisation: Organisation | None = None, partnership: Partnership | None = None) -> ThemeScope:
        if (organisation is None) == (partnership is None):
            raise TypeError("Give exactly one of organisation= and partnership=.")
        return cls(organisation=organisation, partnership=partnership)

    @property
    def slug(self) -> str:
        return self.organisation.slug if self.organisation is not None else self.partnership.slug  # type: ignore[union-attr]

    @property
    def owner(self) -> dict[str, Any]:
        """The scope as keyword arguments of Theme / ThemeBuild."""
        if self.organisation is not None:
            return {"organisation": self.organisation}
        return {"partnership": self.partnership}

    @property
    def audit_organisation_id(self) -> int | None:
        return self.organisation.pk if self.organisation is not None else None

    def reports(self) -> QuerySet[Report]:
        if self.organisation is not None:
            return Report.objects.filter(organisation=self.organisation)
        return Report.objects.filter(organisation__in=self.partnership.organisations.all())  # type: ignore[union-attr]

    def check_actor(self, actor: User | None) -> None:
        if self.organisation is not None:
            _check_actor(actor, self.organisation.pk)
        else:
            _check_partnership_actor(actor, self.partnership.pk)  # type: ignore[union-attr]


class Placement(NamedTuple):
    """A report's place in one scope's themes."""

    theme_id: int | None
    pinned: bool
    excluded: bool


UNPLACED = Placement(None, False, False)


def _placements(scope: ThemeScope) -> dict[Any, Placement]:
    """Every report of the scope that has a theme, a pin or an exclusion there."""
    if scope.organisation is not None:
        rows = scope.reports().filter(Q(theme__isnull=False) | Q(theme_pinned=True) | Q(theme_excluded=True))
        return {
            pk: Placement(theme_id, pinned, excluded)
            for pk, theme_id, pinned, excluded in rows.values_list("pk", "theme_id", "theme_pinned", "theme_excluded")
        }
    memberships = ThemeMembership.objects.filter(partnership=scope.partnership, report__in=scope.reports())
    return {
        pk: Placement(theme_id, pinned, excluded)
        for pk, theme_id, pinned, excluded in memberships.values_list("report_id", "theme_id", "pinned", "excluded")
    }


def _place_in_partnership(
    *, partnership_id: int, report_id: Any, theme_id: int | None, pinned: bool, excluded: bool
) -> int | None:
    """Set a report's membership in one partnership; returns its previous theme."""
    row = ThemeMembership.objects.select_for_update().filter(partnership_id=partnership_id, report_id=report_id).first()
    if row is None:
        ThemeMembership.objects.create(
            partnership_id=partnership_id, report_id=report_id, theme_id=theme_id, pinned=pinned, excluded=excluded
        )
        return None
    previous = row.theme_id
    row.theme_id, row.pinned, row.excluded = theme_id, pinned, excluded
    row.save(update_fields=["theme", "pinned", "excluded"])
    return previous


def _themes_of_report(report_id: Any) -> set[int]:
    """The report's organisation theme and its partnership themes."""
    ids = set(
        ThemeMembership.objects.filter(report_id=report_id, theme__isnull=False).values_list("theme_id", flat=True)
    )
    own = Report.objects.filter(pk=report_id).values_list("theme_id", flat=True).first()
    if own is not None:
        ids.add(own)
    return ids


def _audit(
    *, actor: User | None, organisation_id: int | None, action: str, obj: Any, before: dict, after: dict
) -> None:
    AuditEvent.objects.create(
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=str(obj.pk),
        before=before,
        after=after,
    )


# --------------------------------------------------------------------------- per report
def _label_input(report: Report) -> labeller.LabelInput:
    return labeller.LabelInput(
        text=report.labelled_text,
        kind=report.kind,
        service_area=report.service_area,
        contributing_factors=tuple(report.contributing_factors or ()),
        raised_at_time=report.raised_at_time or None,
        got_what_needed=report.got_what_needed or None,
        happened_before=report.happened_before or None,
    )


def _labeller_for(organisation_id: int) -> labeller.LabelModel | None:
    row = LabellerModel.objects.filter(organisation_id=organisation_id).only("model").first()
    if row is None:
        return None
    try:
        return labeller.LabelModel.from_bytes(bytes(row.model))
    except Exception:  # a model from an older labeller version: fall back to zero-shot
        logger.warning("labeller model for organisation %s unreadable; using zero-shot", organisation_id)
        return None


def _representation(report: Report) -> bytes:
    return vz.encode(
        vz.vectorise(
            narrative=report.narrative, what_would_help=report.what_would_help, service_area=report.service_area
        )
    )


def _current_model(
    *, organisation_id: int | None = None, partnership_id: int | None = None
) -> tuple[engine.ThemeModel, dict[str, int]] | None:
    scope = {"organisation_id": organisation_id} if organisation_id is not None else {"partnership_id": partnership_id}
    build = (
        ThemeBuild.objects.filter(**scope, state=ThemeBuild.State.DONE, model__isnull=False)
        .order_by("-finished_at")
        .first()
    )
    if build is None or not build.model:
        return None
    return engine.decode_model(bytes(build.model)), dict(build.key_to_theme)


def apply_label_suggestions(report: Report, suggestions: Mapping[str, labeller.Suggestion]) -> list[str]:
    """Set suggested labels on ``report`` (unsaved), never over a person's correction."""
    details = dict(report.label_details or {})
    changed = []
    for dim in DIMENSIONS:
        if details.get(dim, {}).get("by_person"):
            continue
        suggestion = suggestions.get(dim)
        if suggestion is None:
            continue
        setattr(report, dim, suggestion.value)
        details[dim] = {
            "value": suggestion.value,
            "confidence": round(float(suggestion.confidence), 4),
            "evidence": list(suggestion.evidence),
            "by_person": False,
        }
        changed.append(dim)
    report.label_details = details
    return changed


def process_report(*, report_id: Any, force: bool = False) -> bool:
    """Compute and store one report's representation, labels, near-duplicate
    link and theme placement. Returns False if there was nothing to do.

    Idempotent: a processed report (current representation version) is left
    alone unless ``force``; running it twice gives the same result.
    """
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        return False
    if (
        not force
        and report.processed_at is not None
        and report.representation
        and vz.representation_version(bytes(report.representation)) == vz.REPRESENTATION_VERSION
    ):
        return False
    blob = _representation(report)
    vector = vz.decode(blob)
    suggestions = labeller.suggest(_label_input(report), _labeller_for(report.organisation_id))

    since = report.submitted_on - dt.timedelta(days=DUPLICATE_WINDOW_DAYS)
    candidates = list(
        Report.objects.filter(
            organisation_id=report.organisation_id,
            submitted_on__gte=since,
            representation__isnull=False,
            duplicate_of__isnull=True,
        )
        .exclude(pk=report.pk)
        .order_by("-submitted_on")
        .values_list("pk", "representation", "submitted_on")[:DUPLICATE_CANDIDATES]
    )
    decoded = []
    for pk, rep, submitted in candidates:
        stored = bytes(cast(bytes, rep))  # representation__isnull=False above
        if vz.representation_version(stored) == vz.REPRESENTATION_VERSION:
            decoded.append(((pk, submitted), vz.decode(stored)))
    duplicates = engine.find_near_duplicates(vector, decoded)
    # Link to the earliest of the near-duplicates: it is the original report.
    found: list[tuple[Any, Any]] = [cast(tuple[Any, Any], d) for d, _ in duplicates]  # (pk, submitted_on) keys above
    original = min(found, key=lambda d: (d[1], str(d[0])), default=None)

    def nearest_theme(current: tuple[engine.ThemeModel, dict[str, int]] | None) -> int | None:
        if current is None:
            return None
        model, key_to_theme = current
        assignment = engine.assign_to_theme(vector, model)
        return key_to_theme.get(str(assignment.theme_key)) if assignment.theme_key is not None else None

    theme_id = nearest_theme(_current_model(organisation_id=report.organisation_id))
    partnership_theme = {
        pid: nearest_theme(_current_model(partnership_id=pid))
        for pid in Partnership.objects.filter(organisations=report.organisation_id).values_list("pk", flat=True)
    }

    with transaction.atomic():
        locked = Report.objects.select_for_update().filter(pk=report.pk).first()
        if locked is None:
            return False
        locked.representation = blob
        apply_label_suggestions(locked, suggestions)
        locked.duplicate_of_id = original[0] if original else None
        fields = ["representation", "label_details", "duplicate_of", "processed_at", *DIMENSIONS]
        if not locked.theme_pinned and not locked.theme_excluded and locked.theme_id is None:
            if original is not None:
                locked.theme_id = Report.objects.filter(pk=original[0]).values_list("theme_id", flat=True).first()
            elif theme_id is not None and Theme.objects.filter(pk=theme_id, retired_at__isnull=True).exists():
                locked.theme_id = theme_id
            fields.append("theme")
        # The day only: processing follows submission within seconds, so an
        # exact time would date an anonymous report as precisely as a timestamp.
        locked.processed_at = start_of_today()
        locked.save(update_fields=fields)
        for partnership_id, nearest in partnership_theme.items():
            _place_new_report_in_partnership(
                partnership_id=partnership_id,
                report_id=locked.pk,
                original_id=original[0] if original else None,
                nearest_theme_id=nearest,
            )
        # Recomputing here would read every member of each theme (10,000+ in
        # a large one) on every submission; the periodic refresh does it once
        # for all the reports that arrived since. Last in the transaction: the
        # UPDATE locks the theme rows until commit, so a refresh cannot claim
        # them and read the members before this report is among them.
        mark_theme_summaries_stale(_themes_of_report(locked.pk))
    return True


def _place_new_report_in_partnership(
    *, partnership_id: int, report_id: Any, original_id: Any, nearest_theme_id: int | None
) -> None:
    """The partnership counterpart of placing a report in its organisation's
    theme: follow the original of a near-duplicate, else the nearest current
    theme; never move a pinned, excluded or already placed report."""
    row = ThemeMembership.objects.filter(partnership_id=partnership_id, report_id=report_id).first()
    if row is not None and (row.pinned or row.excluded or row.theme_id is not None):
        return
    target = None
    if original_id is not None:
        target = (
            ThemeMembership.objects.filter(partnership_id=partnership_id, report_id=original_id)
            .values_list("theme_id", flat=True)
            .first()
        )
    elif (
        nearest_theme_id is not None
        and Theme.objects.filter(pk=nearest_theme_id, partnership_id=partnership_id, retired_at__isnull=True).exists()
    ):
        target = nearest_theme_id
    if target is not None:
        ThemeMembership.objects.update_or_create(
            partnership_id=partnership_id, report_id=report_id, defaults={"theme_id": target}
        )


# --------------------------------------------------------------------------- builds
@dataclass(frozen=True)
class BuildResult:
    build_id: int
    themes: int
    reports: int
    unthemed: int
    created: int
    retired: int


def _claim_lock(scope: ThemeScope, actor: User | None) -> ThemeBuild:
    ThemeBuild.objects.filter(
        **scope.owner, state=ThemeBuild.State.RUNNING, started_at__lt=timezone.now() - STALE_BUILD
    ).update(state=ThemeBuild.State.FAILED, finished_at=timezone.now(), stats={"error": "stale lock expired"})
    try:
        with transaction.atomic():
            return ThemeBuild.objects.create(**scope.owner, requested_by=actor)
    except IntegrityError as exc:
        raise BuildAlreadyRunning(scope.slug) from exc


#: The monthly trend covers at most this many months, ending with the theme's last month.
SUMMARY_MONTHS = 36
REACHED_THE_CHILD = (ReachedChild.YES, ReachedChild.ONGOING)


def _month_keys(first: dt.date, last: dt.date, *, limit: int = SUMMARY_MONTHS) -> list[str]:
    """ "YYYY-MM" for every calendar month from ``first`` to ``last`` inclusive,
    keeping only the last ``limit`` of them."""
    index = last.year * 12 + last.month - 1
    start = max(first.year * 12 + first.month - 1, index - limit + 1)
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(start, index + 1)]


def _theme_summary(members: Sequence[Report], now: dt.datetime) -> tuple[dict[str, Any], bool]:
    """The facts a panel reads about a theme, from its member rows (plain Python,
    one pass per counter over the few columns of ``SUMMARY_FIELDS``).

    ``by_month`` counts reports per calendar month over the theme's whole span
    (first to last report), months without reports included as 0, capped at
    the last ``SUMMARY_MONTHS`` months of that span; ``westrum_grid`` crosses
    aspect with orientation for reports that have both labels; ``computed_at``
    is the day (never the time) the figures were computed.
    """
    # A report is dated by its (local) day only; its stamp is the start of that day, so a
    # report filed this morning counts in today's windows even before noon.
    local = timezone.get_default_timezone()
    dates = [dt.datetime.combine(r.submitted_on, dt.time(0), tzinfo=local) for r in members]
    trend = trends.theme_trend(dates, now=now)
    factors: Counter[str] = Counter(f for r in members for f in (r.contributing_factors or ()))
    months: Counter[str] = Counter(f"{r.submitted_on.year:04d}-{r.submitted_on.month:02d}" for r in members)
    days = [r.submitted_on for r in members]
    by_month = {key: months.get(key, 0) for key in _month_keys(min(days), max(days))} if days else {}
    grid: dict[str, dict[str, int]] = {}
    for r in members:
        if r.westrum_aspect and r.westrum_orientation:
            cell = grid.setdefault(r.westrum_aspect, {})
            cell[r.westrum_orientation] = cell.get(r.westrum_orientation, 0) + 1
    computed_on = timezone.localtime(now).date() if timezone.is_aware(now) else now.date()
    return {
        "size": len(members),
        "trend": {
            "last_30": trend.last_30,
            "previous_30": trend.previous_30,
            "last_90": trend.last_90,
            "previous_90": trend.previous_90,
            "change_30": trend.change_30,
            "change_90": trend.change_90,
        },
        "emerging_test": {
            "method": "exact conditional binomial test of the last 30 days' rate against the theme's baseline",
            "recent": trend.test.recent,
            "baseline": trend.test.baseline,
            "baseline_days": round(trend.test.baseline_days, 1),
            "rate_ratio": trend.test.rate_ratio,
            "p_value": trend.test.p_value,
        },
        "westrum_aspect": dict(Counter(r.westrum_aspect for r in members if r.westrum_aspect)),
        "westrum_orientation": dict(Counter(r.westrum_orientation for r in members if r.westrum_orientation)),
        "learning_together": dict(Counter(r.learning_together for r in members if r.learning_together)),
        "contributing_factors": dict(factors),
        "service_areas": dict(Counter(r.service_area for r in members if r.service_area)),
        "reached_child": sum(1 for r in members if r.reached_child in REACHED_THE_CHILD),
        "live_concern": sum(1 for r in members if r.live_concern),
        "by_month": by_month,
        "westrum_grid": grid,
        "computed_at": computed_on.isoformat(),
    }, trend.test.emerging


SUMMARY_FIELDS: tuple[str, ...] = (
    "pk",
    "submitted_on",
    "contributing_factors",
    "reached_child",
    "live_concern",
    "service_area",
    *DIMENSIONS,
)


def refresh_theme_summaries(theme_ids: Iterable[int]) -> None:
    """Recompute summary, size, first/last seen and the emerging flag of the
    given themes from their current members (``Theme.member_reports``).

    Call it inside the transaction that changed the membership or labels, so
    a reader never sees a summary that disagrees with the members. Costs one
    read of each theme's members: cheap for the handful of themes a panel
    decision or a new report touches. Near-duplicates are not counted, as in
    a build.
    """
    ids = sorted({i for i in theme_ids if i is not None})
    if not ids:
        return
    now = timezone.now()
    for theme in Theme.objects.filter(pk__in=ids).only("pk", "organisation_id", "partnership_id"):
        members = list(theme.member_reports().filter(duplicate_of__isnull=True).only(*SUMMARY_FIELDS))
        summary, emerging = _theme_summary(members, now)
        dates = [r.submitted_on for r in members]
        Theme.objects.filter(pk=theme.pk).update(
            summary=summary,
            size=len(members),
            first_seen=min(dates, default=None),
            last_seen=max(dates, default=None),
            emerging=emerging,
        )


def mark_theme_summaries_stale(theme_ids: Iterable[int]) -> None:
    """Flag the given themes for ``refresh_stale_theme_summaries``: one UPDATE,
    whatever their size.

    Call it inside the transaction that changed the membership. Deliberately
    unconditional (no ``summary_stale=False`` filter): the write takes the row
    lock even on an already stale theme, so a refresh skips that theme until
    this transaction commits and then reads the members including its change.
    """
    ids = sorted({i for i in theme_ids if i is not None})
    if ids:
        Theme.objects.filter(pk__in=ids).update(summary_stale=True)


#: Stale themes refreshed per run of ``refresh_stale_theme_summaries``; the rest wait for the next run.
STALE_REFRESH_BATCH = 200


def refresh_stale_theme_summaries(*, limit: int = STALE_REFRESH_BATCH) -> int:
    """Recompute the summaries of themes marked ``summary_stale``. Returns how
    many were refreshed.

    Each theme is recomputed in its own transaction that holds the theme's row
    lock (``SELECT ... FOR UPDATE SKIP LOCKED``) and clears the flag only when
    it commits: concurrent runs skip a theme another run is refreshing, a
    report placed meanwhile waits for the lock and marks the theme stale again
    for the next run, and a recompute that fails or a worker killed halfway
    rolls back, leaving the flag set for the next run. Idempotent: with
    nothing stale, it does nothing. (SQLite has no row locks; there its write
    lock serialises runs, and two runs may at worst recompute a theme twice.)
    """
    ids = list(Theme.objects.filter(summary_stale=True).order_by("pk").values_list("pk", flat=True)[:limit])
    # One sample of each scope's reports serves all its themes in this run.
    corpora: dict[tuple[int | None, int | None], engine.KeywordCorpus] = {}
    refreshed = 0
    for theme_id in ids:
        try:
            with transaction.atomic():
                claimed = Theme.objects.select_for_update(skip_locked=True).filter(pk=theme_id, summary_stale=True)
                if not list(claimed.values_list("pk", flat=True)):
                    continue  # another run has it, or has done it
                refresh_theme_summaries([theme_id])
                refresh_theme_keywords(theme_id, corpora=corpora)
                Theme.objects.filter(pk=theme_id).update(summary_stale=False)
        except Exception as exc:
            # The exception type only: a message could quote report data.
            logger.error("summary refresh of theme %s failed (%s); left stale", theme_id, type(exc).__name__)
            continue
        refreshed += 1
    return refreshed


# --------------------------------------------------------------------------- keywords between builds
#: A refresh measures a theme's keywords against at most this many of its
#: scope's reports (the lowest ids: a fixed sample, random as ids are UUIDs)
#: and reads at most this many of its members. Within these bounds it reads
#: them all, and the keywords are the ones a build of the same members would give.
KEYWORD_CORPUS_LIMIT = 5_000
KEYWORD_MEMBER_LIMIT = 2_000


def _current_blobs(rows: Iterable[tuple[Any, Any]]) -> list[tuple[Any, bytes]]:
    """Stored representations of the current version (a report processed
    before a vectoriser change waits for the next build to be re-vectorised)."""
    blobs = [(pk, bytes(rep)) for pk, rep in rows if rep is not None]
    return [(pk, blob) for pk, blob in blobs if vz.representation_version(blob) == vz.REPRESENTATION_VERSION]


def _scope_corpus(theme: Theme) -> engine.KeywordCorpus:
    """A sample of the reports a build of the theme's scope would cluster:
    not near-duplicates, not excluded by a panel."""
    reports = Report.objects.filter(duplicate_of__isnull=True, representation__isnull=False)
    if theme.partnership_id is not None:
        excluded = ThemeMembership.objects.filter(partnership_id=theme.partnership_id, excluded=True)
        reports = reports.filter(organisation__partnerships=theme.partnership_id).exclude(
            pk__in=excluded.values("report_id")
        )
    else:
        reports = reports.filter(organisation_id=cast(int, theme.organisation_id), theme_excluded=False)
    rows = reports.order_by("pk").values_list("pk", "representation")[:KEYWORD_CORPUS_LIMIT]
    return engine.keyword_corpus([blob for _pk, blob in _current_blobs(rows)])


def refresh_theme_keywords(
    theme_id: int, *, corpora: dict[tuple[int | None, int | None], engine.KeywordCorpus] | None = None
) -> None:
    """Recompute a theme's keywords from its current members with the build's
    own functions, and its title too unless a panel chose it.

    Between builds, reports join themes one by one; without this a theme's
    keywords would describe it as it was at the last build. ``corpora`` caches
    each scope's statistics across the themes of one run. Bounded by
    ``KEYWORD_CORPUS_LIMIT`` and ``KEYWORD_MEMBER_LIMIT`` reads however large
    the scope or theme. A theme left with no members keeps its words.
    """
    theme = Theme.objects.only("pk", "organisation_id", "partnership_id", "title", "title_locked").get(pk=theme_id)
    rows = (
        theme.member_reports()
        .filter(duplicate_of__isnull=True)
        .order_by("pk")
        .values_list("pk", "representation")[:KEYWORD_MEMBER_LIMIT]
    )
    members = _current_blobs(rows)
    if not members:
        return
    scope_key = (theme.organisation_id, theme.partnership_id)
    if corpora is None:
        corpora = {}
    if scope_key not in corpora:
        corpora[scope_key] = _scope_corpus(theme)
    built = engine.describe_members(members, corpora[scope_key])
    texts: dict[Any, tuple[str, str, str]] = {
        pk: (narrative, what_would_help, "")
        for pk, narrative, what_would_help in Report.objects.filter(pk__in=built.representative_ids).values_list(
            "pk", "narrative", "what_would_help"
        )
    }
    words = engine.keywords(built, texts)
    changes: dict[str, Any] = {"keywords": words}
    if not theme.title_locked:
        changes["title"] = engine.theme_title(built, words)
    Theme.objects.filter(pk=theme.pk).update(**changes)


def build_themes_for_scope(
    *,
    organisation: Organisation | None = None,
    partnership: Partnership | None = None,
    actor: User | None = None,
    seed: int = 0,
) -> BuildResult:
    """Rebuild the themes of one scope (exactly one of ``organisation`` and
    ``partnership``) and commit the new set atomically.

    A partnership build clusters the reports of all its organisations; its
    themes and memberships are its own, so organisation themes are untouched.
    Raises :class:`BuildAlreadyRunning` if another build of the scope holds
    the lock (a RUNNING ThemeBuild row, unique per scope in the database).
    Readers see the previous themes until the single transaction that writes
    the new set commits. Panel decisions are passed to the analysis as
    constraints and survive. ``TypeError`` unless exactly one scope is given.
    """
    scope = ThemeScope.of(organisation=organisation, partnership=partnership)
    scope.check_actor(actor)
    build_row = _claim_lock(scope, actor)
    try:
        result = _build(scope=scope, build_row=build_row, seed=seed)
    except Exception:
        ThemeBuild.objects.filter(pk=build_row.pk).update(state=ThemeBuild.State.FAILED, finished_at=timezone.now())
        raise
    return result


def _build(*, scope: ThemeScope, build_row: ThemeBuild, seed: int) -> BuildResult:
    now = timezone.now()
    reports = scope.reports()
    # Reports whose processing never ran (broker down, worker killed) are
    # processed now: the build never skips a report for lack of processing.
    for report_id in reports.filter(Q(representation__isnull=True) | Q(processed_at__isnull=True)).values_list(
        "pk", flat=True
    ):
        process_report(report_id=report_id)

    placed = _placements(scope)
    excluded = frozenset(pk for pk, place in placed.items() if place.excluded)
    rows = [
        (pk, rep)
        for pk, rep in reports.filter(duplicate_of__isnull=True).values_list("pk", "representation")
        if pk not in excluded
    ]
    docs = []
    for pk, rep in rows:
        blob = bytes(cast(bytes, rep))  # every report was processed above
        if vz.representation_version(blob) != vz.REPRESENTATION_VERSION:
            report = Report.objects.get(pk=pk)
            blob = _representation(report)
            Report.objects.filter(pk=pk).update(representation=blob)
        docs.append(engine.ThemeDoc(pk, blob))
    current = list(Theme.objects.filter(**scope.owner, retired_at__isnull=True))
    members: dict[int, set[Any]] = {t.pk: set() for t in current}
    for pk, place in placed.items():
        if place.theme_id in members:
            members[place.theme_id].add(pk)
    previous = [
        engine.PreviousTheme(id=t.pk, member_ids=frozenset(members[t.pk]), locked=t.membership_locked) for t in current
    ]
    in_docs = {pk for pk, _rep in rows}
    constraints = engine.Constraints(
        pinned={
            pk: place.theme_id
            for pk, place in placed.items()
            if place.pinned and place.theme_id in members and pk in in_docs
        },
        excluded=excluded,
    )
    result = engine.build_themes(docs, previous, constraints, seed=seed)

    # Everything the new rows need, computed before the write transaction.
    by_pk: dict[Any, Report] = {
        r.pk: r
        for r in reports.only(
            "pk",
            "narrative",
            "what_would_help",
            "service_area",
            "submitted_on",
            "contributing_factors",
            "reached_child",
            "live_concern",
            *DIMENSIONS,
        )
    }
    prepared = []
    for built in result.themes:
        member_reports = [by_pk[m] for m in built.member_ids if m in by_pk]
        reps = [m for m in built.representative_ids if m in by_pk]
        words = engine.keywords(built, {m: (by_pk[m].narrative, by_pk[m].what_would_help, "") for m in reps})
        texts = {m: by_pk[m].narrative for m in reps}
        vectors = {d.id: vz.decode(d.representation) for d in docs if d.id in set(reps)}
        excerpts = [text for _, text in engine.representative_excerpts(built, texts, vectors)]
        summary, emerging = _theme_summary(member_reports, now)
        dates = [r.submitted_on for r in member_reports]
        prepared.append((built, words, excerpts, summary, emerging, min(dates, default=None), max(dates, default=None)))

    created = retired = 0
    with transaction.atomic():
        existing: dict[Any, Theme] = {
            t.pk: t for t in Theme.objects.select_for_update().filter(pk__in=[t.pk for t in current])
        }
        key_to_theme: dict[str, int] = {}
        kept: set[int] = set()
        assignment: dict[Any, int] = {}
        for built, words, excerpts, summary, emerging, first, last in prepared:
            theme = existing.get(built.id) if built.id is not None else None
            if theme is None:
                theme = Theme(**scope.owner, title=engine.theme_title(built, words))
                created += 1
            elif not theme.title_locked:
                theme.title = engine.theme_title(built, words)
            theme.keywords = words
            theme.excerpts = excerpts
            theme.summary = summary
            theme.size = len(built.member_ids)
            theme.first_seen, theme.last_seen = first, last
            theme.emerging = emerging
            # Fresh from this build's members: a report processed while the
            # analysis ran waits for the next build to be placed anyway.
            theme.summary_stale = False
            theme.save()
            kept.add(theme.pk)
            key_to_theme[str(built.key)] = theme.pk
            for member in built.member_ids:
                assignment[member] = theme.pk
        for theme in existing.values():
            if theme.pk not in kept and not theme.membership_locked:
                theme.retired_at = now
                theme.save(update_fields=["retired_at"])
                retired += 1
        # Reports: themed, unthemed, and duplicates following their original.
        # Placements are read again here, under the write transaction, so a pin
        # or exclusion made while the analysis ran is respected.
        placed = _placements(scope)
        # A locked theme stays current even when the analysis saw none of its
        # members (all near-duplicates, say): its pins still hold.
        alive = kept | {theme.pk for theme in existing.values() if theme.membership_locked}
        targets: dict[Any, int | None] = {}
        for pk, duplicate_of in reports.values_list("pk", "duplicate_of_id"):
            place = placed.get(pk, UNPLACED)
            if place.excluded:
                target = None
            elif place.pinned and place.theme_id in alive:
                target = place.theme_id
            elif duplicate_of is not None:
                target = assignment.get(duplicate_of)
            else:
                target = assignment.get(pk)
            if place.theme_id != target:
                targets[pk] = target
        _write_placements(scope, targets)
        new_ids = {int(k): v for k, v in key_to_theme.items()}
        for link in engine.resolve_lineage(result, new_ids):
            if link.child is None or link.kind not in ("split", "merged") or link.parent == link.child:
                continue
            ThemeLineage.objects.create(
                parent_id=cast(int, link.parent),
                child_id=cast(int, link.child),
                kind=ThemeLineage.Kind.SPLIT if link.kind == "split" else ThemeLineage.Kind.MERGE,
                build=build_row,
            )
        stats = {
            "reports": len(docs),
            "themes": len(result.themes),
            "unthemed": len(result.unthemed_ids),
            "chosen_k": result.chosen_k,
            "k_candidates": [[k, round(s, 4)] for k, s in result.k_candidates],
            "created": created,
            "retired": retired,
        }
        ThemeBuild.objects.filter(pk=build_row.pk).update(
            state=ThemeBuild.State.DONE,
            finished_at=timezone.now(),
            model=engine.encode_model(result.model),
            key_to_theme=key_to_theme,
            stats=stats,
        )
        _audit(
            actor=build_row.requested_by,
            organisation_id=scope.audit_organisation_id,
            action="themes.build",
            obj=build_row,
            before={},
            after=stats if scope.partnership is None else {**stats, "partnership": scope.partnership.pk},
        )
    return BuildResult(build_row.pk, len(result.themes), len(docs), len(result.unthemed_ids), created, retired)


def _write_placements(scope: ThemeScope, targets: Mapping[Any, int | None]) -> None:
    """Store the build's new theme of each report whose theme changed."""
    if scope.organisation is not None:
        to_update = [Report(pk=pk, theme_id=theme_id) for pk, theme_id in targets.items()]
        Report.objects.bulk_update(to_update, ["theme"], batch_size=1000)
        return
    assert scope.partnership is not None
    rows = {
        row.report_id: row
        for row in ThemeMembership.objects.filter(partnership=scope.partnership, report_id__in=list(targets))
    }
    changed, new = [], []
    for pk, theme_id in targets.items():
        row = rows.get(pk)
        if row is not None:
            row.theme_id = theme_id
            changed.append(row)
        elif theme_id is not None:
            new.append(ThemeMembership(partnership=scope.partnership, report_id=pk, theme_id=theme_id))
    ThemeMembership.objects.bulk_update(changed, ["theme"], batch_size=1000)
    ThemeMembership.objects.bulk_create(new, batch_size=1000)
    # Reports of an organisation that has left the partnership leave its themes.
    ThemeMembership.objects.filter(partnership=scope.partnership).exclude(
        report__organisation__in=scope.partnership.organisations.all()
    ).update(theme=None, pinned=False)


# --------------------------------------------------------------------------- panel decisions
def rename_theme(*, actor: User | None, theme: Theme, title: str) -> Theme:
    """Give a theme the panel's title; later builds keep it."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": "A title is required."})
    _check_theme_actor(actor, theme)
    with transaction.atomic():
        before = {"title": theme.title}
        theme.title, theme.title_locked = title[:200], True
        theme.save(update_fields=["title", "title_locked"])
        _audit(
            actor=actor,
            organisation_id=theme.organisation_id,
            action="theme.rename",
            obj=theme,
            before=before,
            after={"title": theme.title},
        )
    return theme


def merge_themes(*, actor: User | None, target: Theme, others: Sequence[Theme]) -> Theme:
    """Move every report of ``others`` into ``target`` and retire them; the merged
    membership is locked so rebuilds keep it together."""
    others = [t for t in others if t.pk != target.pk]
    if not others:
        raise ValidationError("Choose at least one other theme to merge.")
    if any((t.organisation_id, t.partnership_id) != (target.organisation_id, target.partnership_id) for t in others):
        raise ValidationError("Only themes of the same organisation or partnership can be merged.")
    _check_theme_actor(actor, target)
    now = timezone.now()
    with transaction.atomic():
        if target.partnership_id is not None:
            moved = ThemeMembership.objects.filter(theme__in=others).update(theme=target, pinned=True)
            ThemeMembership.objects.filter(theme=target).update(pinned=True)
        else:
            moved = Report.objects.filter(theme__in=others).update(theme=target, theme_pinned=True)
            Report.objects.filter(theme=target).update(theme_pinned=True)
        for other in others:
            other.retired_at, other.merged_into = now, target
            other.save(update_fields=["retired_at", "merged_into"])
            ThemeLineage.objects.create(parent=other, child=target, kind=ThemeLineage.Kind.MERGE, by_panel=True)
        target.membership_locked = True
        target.save(update_fields=["membership_locked"])
        refresh_theme_summaries([target.pk, *(o.pk for o in others)])
        # Keywords and an automatic title follow the new members at the next refresh.
        mark_theme_summaries_stale([target.pk])
        target.refresh_from_db()
        _audit(
            actor=actor,
            organisation_id=target.organisation_id,
            action="theme.merge",
            obj=target,
            before={"merged": [o.pk for o in others]},
            after={"reports_moved": moved},
        )
    return target


def split_theme(*, actor: User | None, theme: Theme, report_ids: Sequence[Any], title: str) -> Theme:
    """Move the given reports of ``theme`` into a new theme titled ``title``;
    both memberships are locked so rebuilds keep the division."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": "A title is required."})
    _check_theme_actor(actor, theme)
    with transaction.atomic():
        chosen = list(theme.member_reports().filter(pk__in=list(report_ids)).values_list("pk", flat=True))
        if not chosen:
            raise ValidationError("Choose reports of this theme to split off.")
        new = Theme.objects.create(
            organisation_id=theme.organisation_id,
            partnership_id=theme.partnership_id,
            title=title[:200],
            title_locked=True,
            membership_locked=True,
        )
        if theme.partnership_id is not None:
            moved = ThemeMembership.objects.filter(theme=theme, report_id__in=chosen).update(theme=new, pinned=True)
            ThemeMembership.objects.filter(theme=theme).update(pinned=True)
        else:
            moved = Report.objects.filter(theme=theme, pk__in=chosen).update(theme=new, theme_pinned=True)
            Report.objects.filter(theme=theme).update(theme_pinned=True)
        theme.membership_locked = True
        theme.save(update_fields=["membership_locked"])
        refresh_theme_summaries([theme.pk, new.pk])
        # Keywords follow the new members at the next refresh (the new theme has none yet).
        mark_theme_summaries_stale([theme.pk, new.pk])
        theme.refresh_from_db()
        new.refresh_from_db()
        ThemeLineage.objects.create(parent=theme, child=new, kind=ThemeLineage.Kind.SPLIT, by_panel=True)
        _audit(
            actor=actor,
            organisation_id=theme.organisation_id,
            action="theme.split",
            obj=theme,
            before={},
            after={"new_theme": new.pk, "reports_moved": moved},
        )
    return new


def pin_report(*, actor: User | None, report: Report, theme: Theme, pinned: bool = True) -> Report:
    """Fix a report to a theme of its organisation, or of a partnership its
    organisation belongs to; rebuilds leave it there. With ``pinned=False``,
    release the pin: the report stays in ``theme`` (it must be there) until a
    build places it freely.

    An organisation theme keeps the pin on ``Report.theme`` / ``theme_pinned``;
    a partnership theme on the report's ``ThemeMembership`` row for that
    partnership, so the organisation's own placement is never touched.
    """
    if pinned and theme.retired_at is not None:
        raise ValidationError("The theme must be a current theme.")
    if theme.partnership_id is not None:
        if not theme.partnership.organisations.filter(pk=report.organisation_id).exists():  # type: ignore[union-attr]
            raise ValidationError("The report's organisation is not part of this theme's partnership.")
        _check_partnership_actor(actor, theme.partnership_id)
    else:
        if theme.organisation_id != report.organisation_id:
            raise ValidationError("The theme must be a current theme of the report's organisation.")
        _check_actor(actor, report.organisation_id)
    with transaction.atomic():
        if theme.partnership_id is not None:
            row = (
                ThemeMembership.objects.select_for_update()
                .filter(partnership_id=theme.partnership_id, report_id=report.pk)
                .first()
            )
            before = {"theme": row.theme_id if row else None, "pinned": bool(row and row.pinned)}
            if not pinned and before["theme"] != theme.pk:
                raise ValidationError("The report is not in this theme.")
            _place_in_partnership(
                partnership_id=theme.partnership_id,
                report_id=report.pk,
                theme_id=theme.pk,
                pinned=pinned,
                excluded=False,
            )
        else:
            locked = Report.objects.select_for_update().get(pk=report.pk)
            before = {"theme": locked.theme_id, "pinned": locked.theme_pinned}
            if not pinned and before["theme"] != theme.pk:
                raise ValidationError("The report is not in this theme.")
            locked.theme, locked.theme_pinned, locked.theme_excluded = theme, pinned, False
            locked.save(update_fields=["theme", "theme_pinned", "theme_excluded"])
            report.theme_id, report.theme_pinned, report.theme_excluded = theme.pk, pinned, False
        if before["theme"] != theme.pk:  # a pin that moved the report changes both themes' facts
            previous: int | None = before["theme"]
            refresh_theme_summaries([theme.pk] if previous is None else [theme.pk, previous])
        _audit(
            actor=actor,
            organisation_id=report.organisation_id,
            action="report.pin_theme" if pinned else "report.unpin_theme",
            obj=report,
            before=before,
            after={
                "theme": theme.pk,
                "pinned": pinned,
                **({"partnership": theme.partnership_id} if theme.partnership_id is not None else {}),
            },
        )
    return report


def exclude_report(
    *, actor: User | None, report: Report, excluded: bool = True, partnership: Partnership | None = None
) -> Report:
    """Take a report out of theming (or put it back); rebuilds respect it.

    Without ``partnership`` this concerns the report's organisation's themes;
    with it, only that partnership's themes (the organisation's are untouched).
    """
    if partnership is not None:
        if not partnership.organisations.filter(pk=report.organisation_id).exists():
            raise ValidationError("The report's organisation is not part of this partnership.")
        _check_partnership_actor(actor, partnership.pk)
    else:
        _check_actor(actor, report.organisation_id)
    with transaction.atomic():
        if partnership is not None:
            row = ThemeMembership.objects.filter(partnership=partnership, report=report).first()
            before = {"theme": row.theme_id if row else None, "excluded": bool(row and row.excluded)}
            _place_in_partnership(
                partnership_id=partnership.pk,
                report_id=report.pk,
                theme_id=None if excluded or row is None else row.theme_id,
                pinned=False if excluded or row is None else row.pinned,
                excluded=excluded,
            )
        else:
            before = {"theme": report.theme_id, "excluded": report.theme_excluded}
            report.theme_excluded = excluded
            if excluded:
                report.theme, report.theme_pinned = None, False
            report.save(update_fields=["theme", "theme_pinned", "theme_excluded"])
        refresh_theme_summaries([before["theme"]] if before["theme"] is not None else [])
        _audit(
            actor=actor,
            organisation_id=report.organisation_id,
            action="report.exclude_from_themes",
            obj=report,
            before=before,
            after={"excluded": excluded, **({"partnership": partnership.pk} if partnership else {})},
        )
    return report


def _valid_values(dimension: str) -> set[str]:
    field = Report._meta.get_field(dimension)
    return {str(value) for value, _ in getattr(field, "choices", None) or ()}


def correct_labels(
    *, actor: User | None, report: Report, changes: Mapping[str, str], retrain: bool = True
) -> list[str]:
    """Apply a panel member's label corrections to ``report``.

    Each change is stored as a :class:`LabelCorrection`, marked as set by a
    person (processing never overwrites it), audited, and the organisation's
    labeller is retrained in the background after commit (bulk callers pass
    ``retrain=False`` and call :func:`queue_retrain` once at the end). Returns the
    dimensions that changed. Raises ``ValidationError`` for an unknown
    dimension or value.
    """
    errors = {}
    for dim, value in changes.items():
        if dim not in DIMENSIONS:
            errors[dim] = "Unknown label."
        elif value not in _valid_values(dim):
            errors[dim] = "Unknown value."
    if errors:
        raise ValidationError(errors)
    _check_actor(actor, report.organisation_id)
    changed = []
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        details = dict(locked.label_details or {})
        for dim, value in changes.items():
            old = getattr(locked, dim)
            LabelCorrection.objects.create(report=locked, dimension=dim, old_value=old, new_value=value, actor=actor)
            setattr(locked, dim, value)
            details[dim] = {"value": value, "confidence": 1.0, "evidence": ["set by a panel member"], "by_person": True}
            if old != value:
                changed.append(dim)
        locked.label_details = details
        locked.save(update_fields=["label_details", *changes.keys()])
        refresh_theme_summaries(_themes_of_report(locked.pk))
        _audit(
            actor=actor,
            organisation_id=locked.organisation_id,
            action="report.correct_labels",
            obj=locked,
            before={d: getattr(report, d) for d in changes},
            after=dict(changes),
        )
        organisation_id = locked.organisation_id
        if retrain:
            transaction.on_commit(lambda: queue_retrain(organisation_id=organisation_id))
    for dim in changes:
        setattr(report, dim, changes[dim])
    report.label_details = details
    return changed


def queue_retrain(*, organisation_id: int) -> None:
    """Ask a worker to retrain the organisation's labeller (ids only)."""
    # At-most-once hand-off is acceptable here: the periodic retrain in the
    # beat schedule picks up any organisation with corrections newer than its model.
    from reporting.tasks import retrain_labeller

    try:
        retrain_labeller.delay(organisation_id)
    except Exception:
        logger.warning("broker unavailable; labeller retrain for %s left to the schedule", organisation_id)


def retrain_labeller(*, organisation_id: int, relabel: bool = True) -> int:
    """Train the organisation's labeller on all its corrections and relabel its
    reports (corrections stay as set). Returns the number of corrected reports
    used. Idempotent: with no new corrections since the stored model, nothing
    happens."""
    corrected = (
        Report.objects.filter(organisation_id=organisation_id, label_corrections__isnull=False)
        .distinct()
        .only(
            "pk",
            "narrative",
            "what_would_help",
            "kind",
            "service_area",
            "contributing_factors",
            "raised_at_time",
            "got_what_needed",
            "happened_before",
            "label_details",
            *DIMENSIONS,
        )
    )
    examples = []
    for report in corrected:
        labels = {d: getattr(report, d) for d in DIMENSIONS if (report.label_details or {}).get(d, {}).get("by_person")}
        if labels:
            examples.append((_label_input(report), labels))
    row = LabellerModel.objects.filter(organisation_id=organisation_id).first()
    total = LabelCorrection.objects.filter(report__organisation_id=organisation_id).count()
    if not examples or (row is not None and row.corrections_used == total):
        return 0
    model = labeller.train(examples)
    LabellerModel.objects.update_or_create(
        organisation_id=organisation_id, defaults={"model": model.to_bytes(), "corrections_used": total}
    )
    if relabel:
        reports = list(Report.objects.filter(organisation_id=organisation_id))
        suggestions = labeller.suggest_many([_label_input(r) for r in reports], model)
        for report, suggestion in zip(reports, suggestions, strict=True):
            apply_label_suggestions(report, suggestion)
        with transaction.atomic():
            Report.objects.bulk_update(reports, ["label_details", *DIMENSIONS], batch_size=500)
            refresh_theme_summaries(
                Theme.objects.current()
                .filter(Q(organisation_id=organisation_id) | Q(partnership__organisations=organisation_id))
                .values_list("pk", flat=True)
            )
    return len(examples)


def organisations_needing_retrain() -> list[int]:
    """Organisations whose corrections are newer than their stored labeller."""
    out = []
    for org_id in LabelCorrection.objects.values_list("report__organisation_id", flat=True).distinct():
        total = LabelCorrection.objects.filter(report__organisation_id=org_id).count()
        used = LabellerModel.objects.filter(organisation_id=org_id).values_list("corrections_used", flat=True).first()
        if used != total:
            out.append(org_id)
    return out


def export_themes(
    *, organisation: Organisation | None = None, partnership: Partnership | None = None
) -> dict[str, Any]:
    """The export document of CONTRACTS.md (``export_themes --format json``),
    for an organisation or, in the same shape, a partnership."""
    scope = ThemeScope.of(organisation=organisation, partnership=partnership)
    themes = list(Theme.objects.filter(**scope.owner, retired_at__isnull=True).order_by("pk"))
    refs: dict[int, list[str]] = {t.pk: [] for t in themes}
    placed = _placements(scope) if scope.partnership is not None else {}
    report_rows = []
    for r in scope.reports().order_by("submitted_on", "pk"):
        ref = r.source_reference or r.reference
        theme_id = placed.get(r.pk, UNPLACED).theme_id if scope.partnership is not None else r.theme_id
        if theme_id in refs:
            refs[theme_id].append(ref)
        details = r.label_details or {}
        report_rows.append(
            {
                "ref": ref,
                "theme_id": theme_id if theme_id in refs else None,
                "westrum_aspect": r.westrum_aspect,
                "westrum_orientation": r.westrum_orientation,
                "learning_together": r.learning_together,
                "live_concern": r.live_concern,
                "confidence": {d: float(details.get(d, {}).get("confidence", 0.0)) for d in DIMENSIONS},
            }
        )
    return {
        "themes": [
            {"id": t.pk, "title": t.title, "keywords": list(t.keywords), "report_refs": refs[t.pk]} for t in themes
        ],
        "reports": report_rows,
    }

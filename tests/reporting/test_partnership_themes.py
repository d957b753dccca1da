"""Partnership-scope theme builds: one theme set over several organisations."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from reporting import themes as services
from reporting.models import Organisation, Partnership, Report, User
from reporting.models.themes import Theme, ThemeBuild, ThemeMembership
from reporting.tasks import refresh_stale_theme_summaries
from tests.factories import OrganisationFactory, PanelFactory, PartnershipFactory, ReportFactory, UserFactory
from tests.reporting.test_theme_services import TOPICS


def _split_reports(first: Organisation, second: Organisation) -> dict[str, list[Report]]:
    """Each topic's reports alternate between the two organisations."""
    out: dict[str, list[Report]] = {}
    n = 0
    for topic, lines in TOPICS.items():
        for line in lines:
            n += 1
            out.setdefault(topic, []).append(
                ReportFactory(
                    organisation=first if n % 2 else second,
                    narrative=line,
                    what_would_help="",
                    source_reference=f"p-{n}",
                )
            )
    return out


def _partnership_theme(report: Report, partnership: Partnership) -> int | None:
    return (
        ThemeMembership.objects.filter(partnership=partnership, report=report)
        .values_list("theme_id", flat=True)
        .first()
    )


@pytest.fixture
def partnership(organisation: Organisation, other_organisation: Organisation) -> Partnership:
    partnership = PartnershipFactory(slug="north-south")
    partnership.organisations.add(organisation, other_organisation)
    return partnership


@pytest.fixture
def partnership_member(partnership: Partnership, organisation: Organisation) -> User:
    user = UserFactory(username="partnership-panel", organisation=organisation)
    PanelFactory(slug="north-south-panel", organisation=None, partnership=partnership).members.add(user)
    return user


@pytest.fixture
def third_panel_member() -> User:
    third = OrganisationFactory(slug="eastvale")
    user = UserFactory(username="eastvale-panel", organisation=third)
    PanelFactory(slug="eastvale-panel", organisation=third).members.add(user)
    return user


@pytest.fixture
def reports(organisation: Organisation, other_organisation: Organisation) -> dict[str, list[Report]]:
    return _split_reports(organisation, other_organisation)


@pytest.mark.django_db
def test_a_partnership_build_spans_its_organisations(
    partnership: Partnership,
    reports: dict[str, list[Report]],
    partnership_member: User,
    panel_member: User,
    third_panel_member: User,
) -> None:
    result = services.build_themes_for_scope(partnership=partnership, actor=partnership_member)
    scope_reports = Report.objects.filter(pk__in=[r.pk for rs in reports.values() for r in rs])
    assert result.themes >= 2 and result.reports == scope_reports.filter(duplicate_of__isnull=True).count()
    themes = Theme.objects.filter(partnership=partnership, retired_at__isnull=True)
    assert themes.exists() and not themes.filter(organisation__isnull=False).exists()
    spanning = [t for t in themes if t.member_reports().values("organisation").distinct().count() == 2]
    assert spanning, "some theme groups reports of both organisations"
    for theme in themes:
        assert theme.size == theme.summary["size"] == theme.member_reports().filter(duplicate_of__isnull=True).count()
        assert sum(theme.summary["westrum_orientation"].values()) <= theme.size

    # The partnership's panel sees its themes; a third organisation's panel sees none.
    assert set(Theme.objects.visible_to(partnership_member)) >= set(themes)
    assert not Theme.objects.visible_to(third_panel_member).filter(partnership=partnership).exists()
    assert not Theme.objects.visible_to(third_panel_member).exists()
    # A member organisation's own panel does not run the partnership's build.
    with pytest.raises(PermissionDenied):
        services.build_themes_for_scope(partnership=partnership, actor=panel_member)


@pytest.mark.django_db
def test_exactly_one_scope(partnership: Partnership, organisation: Organisation) -> None:
    with pytest.raises(TypeError):
        services.build_themes_for_scope()
    with pytest.raises(TypeError):
        services.build_themes_for_scope(organisation=organisation, partnership=partnership)


@pytest.mark.django_db
def test_organisation_themes_are_untouched_by_a_partnership_build(
    partnership: Partnership, organisation: Organisation, reports: dict[str, list[Report]]
) -> None:
    services.build_themes_for_scope(organisation=organisation)
    own = dict(Report.objects.filter(organisation=organisation).values_list("pk", "theme_id"))
    own_themes = set(Theme.objects.filter(organisation=organisation).values_list("pk", "title", "size", "retired_at"))

    services.build_themes_for_scope(partnership=partnership)
    assert dict(Report.objects.filter(organisation=organisation).values_list("pk", "theme_id")) == own
    assert (
        set(Theme.objects.filter(organisation=organisation).values_list("pk", "title", "size", "retired_at"))
        == own_themes
    )
    # The same reports now also sit in partnership themes.
    both = [
        pk for pk, theme_id in own.items() if theme_id is not None and _partnership_theme(Report(pk=pk), partnership)
    ]
    assert both
    assert ThemeBuild.objects.filter(partnership=partnership, state="done").count() == 1


@pytest.mark.django_db
def test_identities_and_panel_decisions_survive_a_partnership_rebuild(
    partnership: Partnership, reports: dict[str, list[Report]], partnership_member: User
) -> None:
    services.build_themes_for_scope(partnership=partnership)
    before = {r.pk: _partnership_theme(r, partnership) for rs in reports.values() for r in rs}
    themed = {pk: tid for pk, tid in before.items() if tid is not None}
    assert len(themed) >= 0.8 * len(before)
    services.build_themes_for_scope(partnership=partnership)
    kept = sum(1 for pk, tid in themed.items() if _partnership_theme(Report(pk=pk), partnership) == tid)
    assert kept / len(themed) >= 0.75

    court = Theme.objects.get(pk=_partnership_theme(reports["court"][0], partnership))
    services.rename_theme(actor=partnership_member, theme=court, title="Late court statements")
    it_report, interp_report = reports["it"][0], reports["interp"][0]
    services.pin_report(actor=partnership_member, report=it_report, theme=court)
    services.exclude_report(actor=partnership_member, report=interp_report, partnership=partnership)
    split_off = [reports["court"][1].pk, reports["court"][2].pk]
    new = services.split_theme(actor=partnership_member, theme=court, report_ids=split_off, title="Bundles")

    services.build_themes_for_scope(partnership=partnership)
    court.refresh_from_db()
    assert court.title == "Late court statements" and court.retired_at is None
    assert _partnership_theme(it_report, partnership) == court.pk
    assert _partnership_theme(interp_report, partnership) is None
    assert {_partnership_theme(Report(pk=pk), partnership) for pk in split_off} == {new.pk}
    # The organisation-scope fields were not touched by partnership decisions.
    assert not Report.objects.get(pk=interp_report.pk).theme_excluded
    assert not Report.objects.get(pk=it_report.pk).theme_pinned


@pytest.mark.django_db
def test_merge_of_partnership_themes(partnership: Partnership, reports: dict[str, list[Report]]) -> None:
    services.build_themes_for_scope(partnership=partnership)
    themes = list(Theme.objects.filter(partnership=partnership, retired_at__isnull=True).order_by("pk"))
    target, other = themes[0], themes[1]
    total = target.size + other.size
    services.merge_themes(actor=None, target=target, others=[other])
    target.refresh_from_db()
    assert target.size == total == target.summary["size"]
    assert not other.member_reports().exists()
    services.build_themes_for_scope(partnership=partnership)
    target.refresh_from_db()
    assert target.retired_at is None and target.size >= total


@pytest.mark.django_db
def test_summaries_refresh_after_assignment_and_after_a_correction(
    partnership: Partnership,
    organisation: Organisation,
    reports: dict[str, list[Report]],
    partnership_member: User,
) -> None:
    services.build_themes_for_scope(organisation=organisation)
    services.build_themes_for_scope(partnership=partnership)
    interp_theme_id = _partnership_theme(reports["interp"][1], partnership)
    assert interp_theme_id is not None
    size_before = Theme.objects.get(pk=interp_theme_id).size

    # A new report is placed between builds; its themes are marked stale and
    # the periodic refresh brings their summaries up to date.
    new = ReportFactory(
        organisation=organisation,
        narrative="No interpreter came to the visit; the parent's child had to translate for her.",
        what_would_help="",
    )
    services.process_report(report_id=new.pk)
    placed = _partnership_theme(new, partnership)
    assert placed is not None
    assert Theme.objects.get(pk=placed).summary_stale
    refresh_stale_theme_summaries()
    theme = Theme.objects.get(pk=placed)
    assert not theme.summary_stale
    assert theme.size == theme.summary["size"] == theme.member_reports().filter(duplicate_of__isnull=True).count()
    if placed == interp_theme_id:
        assert theme.size == size_before + 1
    own = Report.objects.get(pk=new.pk).theme
    if own is not None:
        assert own.size == own.summary["size"] == own.member_reports().filter(duplicate_of__isnull=True).count()

    # A panel correction changes the Westrum profile without a rebuild.
    target = next(r for r in theme.member_reports().filter(duplicate_of__isnull=True) if r.westrum_aspect != "novelty")
    before = dict(theme.summary["westrum_aspect"])
    services.correct_labels(
        actor=partnership_member, report=target, changes={"westrum_aspect": "novelty"}, retrain=False
    )
    theme.refresh_from_db()
    assert theme.summary["westrum_aspect"].get("novelty", 0) == before.get("novelty", 0) + 1

    # Exclusion from the partnership shrinks the partnership theme only.
    size = theme.size
    services.exclude_report(actor=partnership_member, report=target, partnership=partnership)
    theme.refresh_from_db()
    assert theme.size == size - 1 == theme.summary["size"]


@pytest.mark.django_db
def test_commands_with_partnership(partnership: Partnership, reports: dict[str, list[Report]]) -> None:
    out = io.StringIO()
    call_command("build_themes", partnership=partnership.slug, sync=True, stdout=out)
    assert out.getvalue().startswith("built ") and partnership.slug in out.getvalue()
    out = io.StringIO()
    call_command("export_themes", partnership=partnership.slug, format="json", stdout=out)
    doc = json.loads(out.getvalue())
    assert set(doc) == {"themes", "reports"}
    assert {t["id"] for t in doc["themes"]} == set(
        Theme.objects.filter(partnership=partnership, retired_at__isnull=True).values_list("pk", flat=True)
    )
    refs = {row["ref"] for row in doc["reports"]}
    assert refs == {r.source_reference for rs in reports.values() for r in rs}
    by_ref = {row["ref"]: row["theme_id"] for row in doc["reports"]}
    for theme in doc["themes"]:
        assert all(by_ref[ref] == theme["id"] for ref in theme["report_refs"])
    with pytest.raises(Exception, match="No partnership"):
        call_command("build_themes", partnership="nowhere", sync=True)


def _membership(report: Report, partnership: Partnership) -> tuple[int | None, bool]:
    row = ThemeMembership.objects.filter(partnership=partnership, report=report).values_list("theme_id", "pinned")
    return row.first() or (None, False)


@pytest.mark.django_db
def test_partnership_pin_and_unpin_live_on_the_membership_and_survive_rebuilds(
    partnership: Partnership, organisation: Organisation, reports: dict[str, list[Report]], partnership_member: User
) -> None:
    from reporting.models import AuditEvent
    from reviews.services import workspace

    services.build_themes_for_scope(organisation=organisation)
    services.build_themes_for_scope(partnership=partnership)
    court = Theme.objects.get(pk=_partnership_theme(reports["court"][0], partnership))
    it_report = next(r for r in reports["it"] if r.organisation_id == organisation.pk)
    own = Report.objects.values_list("theme_id", "theme_pinned").get(pk=it_report.pk)

    # Pinned from the partnership theme page: through the engine, onto the membership.
    workspace.pin_report(actor=partnership_member, report=it_report, theme=court)
    assert _membership(it_report, partnership) == (court.pk, True)
    assert Report.objects.values_list("theme_id", "theme_pinned").get(pk=it_report.pk) == own
    pin = AuditEvent.objects.get(action="report.pin_theme", object_id=str(it_report.pk))
    assert pin.actor == partnership_member and pin.after["partnership"] == partnership.pk
    court.refresh_from_db()
    assert it_report.pk in set(court.member_reports().values_list("pk", flat=True))
    assert court.size == court.summary["size"]
    # The member list puts it first, by the membership's pin.
    first = workspace.theme_members(court).first()
    assert first is not None and first.pk == it_report.pk and first.member_pinned

    services.build_themes_for_scope(partnership=partnership)
    assert _membership(it_report, partnership) == (court.pk, True)

    # Unpinned: it stays in the theme until a build places it freely; the organisation's pin is untouched.
    workspace.pin_report(actor=partnership_member, report=it_report, theme=court, pinned=False)
    assert _membership(it_report, partnership) == (court.pk, False)
    assert Report.objects.values_list("theme_id", "theme_pinned").get(pk=it_report.pk) == own
    unpin = AuditEvent.objects.get(action="report.unpin_theme", object_id=str(it_report.pk))
    assert unpin.before == {"theme": court.pk, "pinned": True}
    assert unpin.after == {"theme": court.pk, "pinned": False, "partnership": partnership.pk}
    services.build_themes_for_scope(partnership=partnership)
    assert _membership(it_report, partnership)[1] is False
    assert _membership(it_report, partnership)[0] != court.pk or court.membership_locked
    assert Report.objects.values_list("theme_id", "theme_pinned").get(pk=it_report.pk) == own


@pytest.mark.django_db
def test_another_panel_cannot_pin_into_a_partnership_theme(
    partnership: Partnership, reports: dict[str, list[Report]], third_panel_member: User, panel_member: User
) -> None:
    services.build_themes_for_scope(partnership=partnership)
    court = Theme.objects.get(pk=_partnership_theme(reports["court"][0], partnership))
    with pytest.raises(PermissionDenied):
        services.pin_report(actor=panel_member, report=reports["it"][0], theme=court)
    with pytest.raises(PermissionDenied):
        services.pin_report(actor=third_panel_member, report=reports["it"][0], theme=court, pinned=False)

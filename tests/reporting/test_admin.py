"""The Django admin: scoped to the administrator's own organisation, and audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reporting.admin import ReportAdmin
from reporting.choices import IdentityMode, Role
from reporting.models import (
    AuditEvent,
    Organisation,
    Panel,
    Report,
    ReporterIdentity,
    RoleGrant,
    Theme,
    User,
)
from reporting.services import Draft, submit_report
from tests.factories import PanelFactory, ReportFactory, UserFactory

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]


@pytest.fixture
def own_report(organisation: Organisation) -> Report:
    return ReportFactory(organisation=organisation, reference="LR-OWN0-0001")


@pytest.fixture
def other_report(other_organisation: Organisation) -> Report:
    return ReportFactory(organisation=other_organisation, reference="LR-OTHR-0002")


@pytest.fixture
def superuser(db: None) -> User:
    return UserFactory(username="root", organisation=None, is_staff=True, is_superuser=True)


def change_url(obj: Any) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


# --- who gets in -------------------------------------------------------------------------------


def test_reporter_identity_has_no_admin_at_all(login: Login, superuser: User) -> None:
    assert ReporterIdentity not in admin.site._registry
    for model_admin in admin.site._registry.values():
        assert all(inline.model is not ReporterIdentity for inline in model_admin.inlines)
    assert login(superuser).get("/admin/reporting/reporteridentity/").status_code == 404


@pytest.mark.parametrize("model", [Report, Organisation, User, Panel, AuditEvent, Theme])
def test_non_staff_are_sent_to_the_admin_login(login: Login, panel_member: User, model: Any) -> None:
    response = login(panel_member).get(changelist_url(model))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("model", [Report, Organisation, User, Panel, AuditEvent, Theme])
def test_staff_without_the_administrator_role_see_nothing(login: Login, organisation: Organisation, model: Any) -> None:
    staff = UserFactory(username="staff-no-role", organisation=organisation, is_staff=True, roles=[Role.LEADER])
    client = login(staff)
    assert client.get(changelist_url(model)).status_code == 403
    assert "Reports" not in client.get("/admin/").content.decode()


def test_administrator_sees_only_their_organisations_reports(
    login: Login, administrator: User, own_report: Report, other_report: Report
) -> None:
    client = login(administrator)
    page = client.get(changelist_url(Report))
    assert page.status_code == 200
    assert own_report.reference in page.content.decode()
    assert other_report.reference not in page.content.decode()
    # Another organisation's report does not exist as far as the admin is concerned.
    response = client.get(change_url(other_report))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_superuser_sees_every_organisation(
    login: Login, superuser: User, own_report: Report, other_report: Report
) -> None:
    page = login(superuser).get(changelist_url(Report)).content.decode()
    assert own_report.reference in page and other_report.reference in page


# --- reports are read-only and identity-free ------------------------------------------------------


def test_report_page_is_read_only_and_shows_no_identity(
    login: Login, administrator: User, organisation: Organisation
) -> None:
    reporter = UserFactory(username="qzx-writer", email="qzx.writer@example.org", organisation=organisation)
    report = submit_report(
        organisation=organisation,
        author=reporter,
        identity_mode=IdentityMode.CONFIDENTIAL,
        draft=Draft(kind="near_miss", narrative="The transfer-in conference was booked without the health visitor."),
        contact_note="Ring me on Tuesdays",
    ).report
    client = login(administrator)

    page = client.get(change_url(report))
    html = page.content.decode()
    assert page.status_code == 200
    assert "health visitor" in html  # the de-identified narrative, read-only
    assert 'name="narrative"' not in html
    for identifying in (reporter.username, reporter.email, "Ring me on Tuesdays", report.receipt_secret_hash):
        assert identifying not in html

    response = client.post(change_url(report), {"narrative": "rewritten", "status": "closed"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.narrative.startswith("The transfer-in conference")
    assert client.get(reverse("admin:reporting_report_add")).status_code == 403
    assert client.get(reverse("admin:reporting_report_delete", args=[report.pk])).status_code == 403


def test_even_a_superuser_cannot_edit_reports_or_the_audit_trail(
    login: Login, superuser: User, own_report: Report
) -> None:
    client = login(superuser)
    assert client.get(reverse("admin:reporting_report_add")).status_code == 403
    assert client.post(change_url(own_report), {"narrative": "x"}).status_code == 403
    event = AuditEvent.objects.create(action="x.y", object_type="report", object_id="1")
    assert client.post(change_url(event), {"action": "tampered"}).status_code == 403
    assert (
        client.post(reverse("admin:reporting_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk, action="x.y").exists()


# --- changes are scoped and audited ----------------------------------------------------------------


def test_changing_own_organisation_is_audited_with_before_and_after(
    login: Login, administrator: User, organisation: Organisation
) -> None:
    old_contact = organisation.duty_contact
    response = login(administrator).post(
        change_url(organisation),
        {
            "name": organisation.name,
            "duty_contact": "Ring MASH on 01632 960111",
            "alert_email": "mash@northshire.example",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation.refresh_from_db()
    assert organisation.duty_contact == "Ring MASH on 01632 960111"
    event = AuditEvent.objects.get(action="admin.changed", object_type="organisation")
    assert event.actor == administrator
    assert event.organisation == organisation
    assert event.object_id == str(organisation.pk)
    assert event.before["duty_contact"] == old_contact
    assert event.after["duty_contact"] == "Ring MASH on 01632 960111"


def test_another_organisation_cannot_be_changed(
    login: Login, administrator: User, other_organisation: Organisation
) -> None:
    response = login(administrator).post(
        change_url(other_organisation), {"name": "Taken over", "duty_contact": "x", "alert_email": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    other_organisation.refresh_from_db()
    assert other_organisation.name == "Southmoor Children's Services"
    assert not AuditEvent.objects.filter(action__startswith="admin.").exists()


def test_users_are_scoped_and_superusers_hidden(
    login: Login, administrator: User, reporter: User, outsider: User, superuser: User
) -> None:
    page = login(administrator).get(changelist_url(User)).content.decode()
    assert f">{reporter.username}<" in page
    assert f">{outsider.username}<" not in page
    assert f">{superuser.username}<" not in page
    assert login(administrator).get(change_url(outsider)).status_code == 302


def test_adding_a_user_pins_them_to_the_administrators_organisation(
    login: Login, administrator: User, other_organisation: Organisation, organisation: Organisation
) -> None:
    response = login(administrator).post(
        reverse("admin:reporting_user_add"),
        {
            "username": "new-worker",
            "email": "new@example.org",
            "organisation": other_organisation.pk,  # ignored: not a field an administrator has
            "is_superuser": "on",  # ignored likewise
            "password1": "a-long-enough-passphrase-9",
            "password2": "a-long-enough-passphrase-9",
            "role_grants-TOTAL_FORMS": "1",
            "role_grants-INITIAL_FORMS": "0",
            "role_grants-0-role": Role.LEADER,
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="new-worker")
    assert user.organisation == organisation
    assert not user.is_superuser
    event = AuditEvent.objects.get(action="admin.added", object_type="user")
    assert event.actor == administrator
    assert event.object_id == str(user.pk)
    assert "a-long-enough-passphrase-9" not in str(event.after)
    assert user.password not in str(event.after)
    assert user.roles == {Role.LEADER}
    roles = AuditEvent.objects.get(action="admin.roles_changed", object_id=str(user.pk))
    assert (roles.before, roles.after) == ({"roles": []}, {"roles": [Role.LEADER]})


def test_granting_a_role_is_audited(login: Login, administrator: User, reporter: User) -> None:
    response = login(administrator).post(
        change_url(reporter),
        {
            "username": reporter.username,
            "first_name": "",
            "last_name": "",
            "email": reporter.email,
            "is_active": "on",
            "role_grants-TOTAL_FORMS": "1",
            "role_grants-INITIAL_FORMS": "0",
            "role_grants-MIN_NUM_FORMS": "0",
            "role_grants-MAX_NUM_FORMS": "1000",
            "role_grants-0-role": Role.CONFIDENTIAL_CONTACT,
            "role_grants-0-user": str(reporter.pk),
            "role_grants-0-id": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert RoleGrant.objects.filter(user=reporter, role=Role.CONFIDENTIAL_CONTACT).exists()
    event = AuditEvent.objects.get(action="admin.roles_changed")
    assert event.actor == administrator
    assert event.before == {"roles": []}
    assert event.after == {"roles": [Role.CONFIDENTIAL_CONTACT]}


def test_administrators_deactivate_rather_than_delete_users(login: Login, administrator: User, reporter: User) -> None:
    response = login(administrator).post(reverse("admin:reporting_user_delete", args=[reporter.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert User.objects.filter(pk=reporter.pk).exists()


def test_panels_are_pinned_scoped_and_audited(
    login: Login, administrator: User, organisation: Organisation, reporter: User, outsider: User
) -> None:
    client = login(administrator)
    response = client.post(
        reverse("admin:reporting_panel_add"),
        {"slug": "north-2", "name": "Second panel", "duty_email": "", "members": [str(reporter.pk)]},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    panel = Panel.objects.get(slug="north-2")
    assert panel.organisation == organisation
    assert list(panel.members.all()) == [reporter]
    added = AuditEvent.objects.get(action="admin.added", object_type="panel")
    assert added.after["members"] == [reporter.pk]

    # An outsider cannot be made a member: they are not among the choices.
    response = client.post(change_url(panel), {"slug": "north-2", "name": "Second panel", "members": [outsider.pk]})
    assert response.status_code == 200  # the form comes back with an error
    assert not panel.members.filter(pk=outsider.pk).exists()

    response = client.post(reverse("admin:reporting_panel_delete", args=[panel.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Panel.objects.filter(pk=panel.pk).exists()
    assert AuditEvent.objects.filter(action="admin.deleted", object_type="panel", object_id=str(panel.pk)).exists()


def test_other_organisations_panels_are_invisible(
    login: Login, administrator: User, other_organisation: Organisation
) -> None:
    foreign = PanelFactory(slug="southmoor-only", organisation=other_organisation)
    client = login(administrator)
    assert "southmoor-only" not in client.get(changelist_url(Panel)).content.decode()
    response = client.post(reverse("admin:reporting_panel_delete", args=[foreign.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert Panel.objects.filter(pk=foreign.pk).exists()


def test_audit_trail_is_scoped(
    login: Login, administrator: User, organisation: Organisation, other_organisation: Organisation
) -> None:
    AuditEvent.objects.create(organisation=organisation, action="mine.done", object_type="x", object_id="1")
    AuditEvent.objects.create(organisation=other_organisation, action="theirs.done", object_type="x", object_id="2")
    page = login(administrator).get(changelist_url(AuditEvent)).content.decode()
    assert "mine.done" in page
    assert "theirs.done" not in page


def test_themes_are_scoped_and_read_only(
    login: Login, administrator: User, organisation: Organisation, other_organisation: Organisation
) -> None:
    own = Theme.objects.create(organisation=organisation, title="Late police notifications")
    Theme.objects.create(organisation=other_organisation, title="Southmoor placement moves")
    client = login(administrator)
    page = client.get(changelist_url(Theme)).content.decode()
    assert "Late police notifications" in page
    assert "Southmoor placement moves" not in page
    assert client.post(change_url(own), {"title": "Renamed"}).status_code == 403
    own.refresh_from_db()
    assert own.title == "Late police notifications"


def test_partnerships_are_visible_to_members_but_only_superusers_change_them(
    login: Login, administrator: User, organisation: Organisation, other_organisation: Organisation
) -> None:
    from reporting.models import Partnership

    shared = Partnership.objects.create(slug="north-south", name="North-South Partnership")
    shared.organisations.add(organisation, other_organisation)
    Partnership.objects.create(slug="elsewhere", name="Elsewhere Partnership").organisations.add(other_organisation)
    client = login(administrator)
    page = client.get(changelist_url(Partnership)).content.decode()
    assert "North-South Partnership" in page
    assert "Elsewhere Partnership" not in page
    response = client.post(change_url(shared), {"slug": "north-south", "name": "Ours now", "kind": "local"})
    assert response.status_code == 403
    shared.refresh_from_db()
    assert shared.name == "North-South Partnership"


# --- reads of reports are audited ----------------------------------------------------------------


def test_viewing_a_report_is_audited_with_who_what_and_when(
    login: Login, administrator: User, organisation: Organisation, own_report: Report
) -> None:
    assert login(administrator).get(change_url(own_report)).status_code == 200

    event = AuditEvent.objects.get(action="admin.viewed")
    assert event.actor == administrator
    assert event.organisation == organisation
    assert (event.object_type, event.object_id) == ("report", str(own_report.pk))
    assert event.at is not None


def test_a_superusers_read_is_audited_to_the_reports_organisation(
    login: Login, superuser: User, other_organisation: Organisation, other_report: Report
) -> None:
    assert login(superuser).get(change_url(other_report)).status_code == 200
    event = AuditEvent.objects.get(action="admin.viewed")
    assert (event.actor, event.organisation, event.object_id) == (superuser, other_organisation, str(other_report.pk))


def test_a_page_of_the_report_list_is_one_audit_event_naming_the_reports_shown(
    login: Login, administrator: User, organisation: Organisation, own_report: Report, other_report: Report
) -> None:
    second = ReportFactory(organisation=organisation, reference="LR-OWN0-0003")
    assert login(administrator).get(changelist_url(Report), {"status": own_report.status}).status_code == 200

    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.organisation) == ("admin.listed", administrator, organisation)
    assert event.object_type == "report"
    assert sorted(event.after["shown"]) == sorted([str(own_report.pk), str(second.pk)])
    assert event.after["page"] == 1
    assert event.after["query"] == f"status={own_report.status}"


def test_reads_refused_or_of_nothing_sensitive_are_not_audited(
    login: Login, administrator: User, own_report: Report, other_report: Report
) -> None:
    client = login(administrator)
    assert client.get(change_url(other_report)).status_code == 302  # out of scope: not found
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:jsi18n")).status_code == 200
    assert client.get(changelist_url(Panel)).status_code == 200
    assert client.get(changelist_url(Report), {"no_such_filter": "1"}).status_code == 302  # Django's ?e=1 redirect
    staff = UserFactory(username="staff-no-role-2", organisation=own_report.organisation, is_staff=True)
    assert login(staff).get(change_url(own_report)).status_code in (302, 403)
    assert not AuditEvent.objects.exists()


def test_auditing_a_page_of_the_report_list_costs_one_insert_and_reads_the_rows_once(
    login: Login, administrator: User, organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(30):
        ReportFactory(organisation=organisation, reference=f"LR-MANY-{n:04d}")
    client = login(administrator)
    client.get(changelist_url(Report))  # the first request of a session writes more

    def queries(audited: bool) -> list[str]:
        monkeypatch.setattr(ReportAdmin, "audit_reads", audited)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(changelist_url(Report)).status_code == 200
        return [q["sql"] for q in captured.captured_queries]

    plain, audited = queries(False), queries(True)
    assert len(audited) == len(plain) + 1
    assert sum(q.startswith('INSERT INTO "reporting_auditevent"') for q in audited) == 1
    rows = 'SELECT "reporting_report"."id", "reporting_report"."reference"'
    assert sum(q.startswith(rows) for q in audited) == 1
    # The warm-up and the audited request; the plain one left none.
    assert [len(e.after["shown"]) for e in AuditEvent.objects.filter(action="admin.listed")] == [30, 30]

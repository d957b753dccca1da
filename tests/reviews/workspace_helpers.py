"""Factories for the panel workspace tests (themes and their member reports)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from reporting.choices import IdentityMode
from reporting.models import Organisation, Report, ReporterIdentity, Theme, User
from tests.factories import ReportFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    title = factory.Sequence(lambda n: f"Theme {n}")
    keywords = factory.LazyFunction(lambda: ["notification", "late", "police"])
    excerpts = factory.LazyFunction(lambda: ["The notification arrived late.", "Nobody checked the inbox."])
    first_seen = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=90))
    last_seen = factory.LazyFunction(timezone.localdate)


def add_reports(theme: Theme, n: int, organisation: Organisation | None = None, **fields: object) -> list[Report]:
    organisation = organisation or theme.organisation
    return [ReportFactory(organisation=organisation, theme=theme, **fields) for _ in range(n)]


def confidential_report(organisation: Organisation, author: User, **fields: object) -> Report:
    report = ReportFactory(organisation=organisation, identity_mode=IdentityMode.CONFIDENTIAL, **fields)
    ReporterIdentity.objects.create(
        report=report,
        user=author,
        contact_note="Mornings by phone",
        destroy_after=timezone.localdate() + dt.timedelta(days=90),
    )
    return report

"""factory_boy factories for the standing personas and their data."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from reporting.choices import ReportKind, Role
from reporting.models import Organisation, Panel, Partnership, Report, RoleGrant, User
from reporting.services import hash_secret

PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"Test Children's Services {n}")
    duty_contact = "Call the MASH duty team on 01632 960000"
    alert_email = factory.LazyAttribute(lambda o: f"duty@{o.slug}.example")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    slug = factory.Sequence(lambda n: f"partnership-{n}")
    name = factory.Sequence(lambda n: f"Safeguarding Partnership {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        self.save()
        for role in extracted or []:
            RoleGrant.objects.create(user=self, role=role)


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"panel-{n}")
    name = factory.Sequence(lambda n: f"Review Panel {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    duty_email = factory.LazyAttribute(lambda p: f"{p.slug}@panel.example")

    @factory.post_generation
    def members(self, create: bool, extracted: list[User] | None, **kwargs: object) -> None:
        for user in extracted or []:
            self.members.add(user)


class ReportFactory(factory.django.DjangoModelFactory):
    """A report stored directly, bypassing submit_report (its text is already
    de-identified). Use reporting.services.submit_report to test submission."""

    class Meta:
        model = Report

    reference = factory.Sequence(lambda n: f"LR-TEST-{n:04d}")
    receipt_secret_hash = factory.LazyFunction(lambda: hash_secret("test-secret"))
    organisation = factory.SubFactory(OrganisationFactory)
    kind = ReportKind.NEAR_MISS
    narrative = "The police notification for [CHILD 1] arrived nine days late; the school told us first."
    what_would_help = "A shared inbox that someone checks daily."
    service_area = "child_protection"
    submitted_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))


__all__ = [
    "PASSWORD",
    "OrganisationFactory",
    "PanelFactory",
    "PartnershipFactory",
    "ReportFactory",
    "Role",
    "UserFactory",
]

"""The demo organisation: a partnership of agencies, a panel, and one user per role."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from reporting.choices import Role
from reporting.models import Organisation, OrganisationKind, Panel, Partnership, PartnershipKind, RoleGrant, User

DEMO_PASSWORD = "lantern-demo"  # noqa: S105 - demo only: load_demo refuses to run with DEBUG off


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    role: str
    grants: tuple[Role, ...] = ()
    panel: bool = False
    staff_site: bool = False


DEMO_USERS = (
    DemoUser("sam", "Sam", "staff: files reports"),
    DemoUser("priya", "Priya", "panel member", panel=True),
    DemoUser("lee", "Lee", "leader", grants=(Role.LEADER,)),
    DemoUser("casey", "Casey", "confidential contact", grants=(Role.CONFIDENTIAL_CONTACT,)),
    DemoUser("ada", "Ada", "administrator", grants=(Role.ADMINISTRATOR,), staff_site=True),
)
DEMO_ORGANISATION = "northshire"


@transaction.atomic
def create_demo_organisation() -> Organisation:
    """Idempotent: running it again changes nothing that exists."""
    council, _ = Organisation.objects.get_or_create(
        slug=DEMO_ORGANISATION,
        defaults={
            "name": "Northshire Children's Services",
            "duty_contact": "the Northshire MASH duty line, 01632 960 001 (out of hours: 01632 960 002)",
            "alert_email": "panel-duty@northshire.example",
        },
    )
    police, _ = Organisation.objects.get_or_create(
        slug="northshire-police", defaults={"name": "Northshire Police", "kind": OrganisationKind.POLICE}
    )
    health, _ = Organisation.objects.get_or_create(
        slug="northshire-health", defaults={"name": "Northshire Health Trust", "kind": OrganisationKind.HEALTH}
    )
    partnership, _ = Partnership.objects.get_or_create(
        slug="northshire-partnership",
        defaults={"name": "Northshire Safeguarding Children Partnership", "kind": PartnershipKind.LOCAL},
    )
    partnership.organisations.add(council, police, health)
    panel, _ = Panel.objects.get_or_create(
        slug="northshire-panel",
        defaults={
            "name": "Northshire Learning Review Panel",
            "organisation": council,
            "duty_email": "panel-duty@northshire.example",
        },
    )
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "organisation": council,
                "email": f"{spec.username}@northshire.example",
                "is_staff": spec.staff_site,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for role in spec.grants:
            RoleGrant.objects.get_or_create(user=user, role=role)
        if spec.panel:
            panel.members.add(user)
    return council

"""The confidential identity store: the only code that reads or destroys it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from reporting.choices import Role
from reporting.models import AuditEvent, Report, ReporterIdentity, User


def read_reporter_identity(*, actor: User, report: Report) -> ReporterIdentity:
    """The reporter's identity, for call-back. Only a confidential contact of
    the report's organisation may read it, and every read is audited."""
    if Role.CONFIDENTIAL_CONTACT not in actor.roles or actor.organisation_id != report.organisation_id:
        raise PermissionDenied("Only the confidential contact may see who reported.")
    with transaction.atomic():
        identity = ReporterIdentity.objects.select_related("user").get(report=report)
        AuditEvent.objects.create(
            actor=actor,
            organisation_id=report.organisation_id,
            action="identity.read",
            object_type="report",
            object_id=str(report.pk),
        )
    return identity


def destroy_identity(*, report: Report, reason: str) -> bool:
    """Delete a report's identity if it still has one, auditing the destruction."""
    with transaction.atomic():
        deleted, _ = ReporterIdentity.objects.filter(report=report).delete()
        if deleted:
            AuditEvent.objects.create(
                actor=None,
                organisation_id=report.organisation_id,
                action="identity.destroyed",
                object_type="report",
                object_id=str(report.pk),
                after={"reason": reason},
            )
    return bool(deleted)


def destroy_expired_identities() -> int:
    """Destroy identities past their retention date or whose report closed."""
    expired = Report.objects.filter(identity__isnull=False).filter(
        identity__destroy_after__lte=timezone.localdate()
    ) | Report.objects.filter(identity__isnull=False, closed_on__isnull=False)
    count = 0
    for report in expired.distinct():
        count += destroy_identity(report=report, reason="retention period ended")
    return count

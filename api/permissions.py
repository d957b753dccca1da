"""Who may call which endpoint. Object scoping lives in reporting.access and
the services; these classes only decide whether a caller may try at all."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class IsOrganisationStaff(BasePermission):
    """A signed-in member of staff who belongs to an organisation: everybody
    may report, but only into their own organisation."""

    message = "Sign in as a member of staff of an organisation to file reports."

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.is_active and getattr(user, "organisation_id", None))

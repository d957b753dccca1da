"""Who may do what. The only way interfaces fetch protected objects.

Helpers raise ``Http404`` for anything outside the user's scope, so an
outsider cannot learn that an object exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from reporting.choices import Role
from reporting.models import Report, User


@dataclass(frozen=True)
class Capabilities:
    can_report: bool = False
    is_panel_member: bool = False
    is_leader: bool = False
    is_confidential_contact: bool = False
    is_administrator: bool = False


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user of a view already behind a login or permission check
    (``login_required``, ``panel_required``, DRF ``IsAuthenticated``-style
    permissions): ``request.user`` typed as ``User``. An anonymous request
    that somehow got this far is refused rather than passed on."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user


def user_capabilities(user: Any) -> Capabilities:
    if not getattr(user, "is_authenticated", False):
        return Capabilities()
    roles = user.roles
    in_organisation = user.organisation_id is not None
    # Each capability is what the matching pages check, so the menu never offers a page that 404s.
    return Capabilities(
        can_report=in_organisation,
        is_panel_member=user.panels.exists(),
        is_leader=in_organisation and Role.LEADER in roles,
        is_confidential_contact=in_organisation and Role.CONFIDENTIAL_CONTACT in roles,
        is_administrator=in_organisation and user.is_staff and user.is_active and Role.ADMINISTRATOR in roles,
    )


def access_report_as_panel(user: Any, report_id: Any) -> Report:
    """A report (de-identified) for a member of a panel that serves its organisation."""
    try:
        return Report.objects.visible_to(user).get(pk=report_id)
    except (Report.DoesNotExist, ValueError, TypeError) as exc:  # bad UUIDs are 404 too
        raise Http404 from exc

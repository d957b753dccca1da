from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from reporting.access import user_capabilities


def lantern(request: HttpRequest) -> dict[str, Any]:
    """What the navigation needs to know about the signed-in user."""
    return {"capabilities": user_capabilities(request.user)}

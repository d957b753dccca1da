"""OpenAPI extensions for Lantern's own API classes (imported when the app is ready)."""

from __future__ import annotations

from drf_spectacular.authentication import SessionScheme


class LanternSessionScheme(SessionScheme):
    """The security scheme of ``api.authentication.SessionAuthentication``: the session cookie, as for DRF's."""

    target_class = "api.authentication.SessionAuthentication"

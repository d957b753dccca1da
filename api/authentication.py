"""How API callers sign in: the site's session (with CSRF), or HTTP Basic for scripts.

DRF answers a caller who is not signed in with 401 only when the first
authentication class names a challenge for the ``WWW-Authenticate`` header;
DRF's own session class names none, so such callers used to get 403, the
answer for "signed in but not allowed". Session sign-in stays first so that a
browser's cookie is always checked with CSRF. (The OpenAPI security scheme of
the class is in ``api.schema``.)

The challenge depends on the caller. A script is told ``Basic``, the scheme it
can answer. A browser (every current one sends ``Sec-Fetch-Mode``) is told
``Session``: a ``Basic`` challenge would make it pop up a password box, and
the credentials typed there would then ride along with every later request,
cross-site form posts included, and outlive the idle sign-out that protects
shared office computers.
"""

from __future__ import annotations

from rest_framework import authentication
from rest_framework.request import Request

BASIC_CHALLENGE = 'Basic realm="Lantern API", charset="UTF-8"'
BROWSER_CHALLENGE = 'Session realm="Lantern"'


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate_header(self, request: Request) -> str:
        return BROWSER_CHALLENGE if "Sec-Fetch-Mode" in request.headers else BASIC_CHALLENGE

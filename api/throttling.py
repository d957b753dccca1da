"""Rate limits for the receipt endpoints, counted as the receipt pages count them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_ratelimit.core import get_usage
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle


class ReceiptThrottle(BaseThrottle):
    """``settings.RECEIPT_RATE_LIMIT`` per client address, in the view's ``ratelimit_group``.

    django-ratelimit counts with the cache's atomic ``add``/``incr``, so two requests at
    once cannot both take the last attempt (DRF's own throttles read a history list and
    write it back). The look-up shares its group with the receipt page: a guesser has one
    budget across the page and the API.
    """

    def __init__(self) -> None:
        self.time_left: int | None = None

    def allow_request(self, request: Request, view: Any) -> bool:
        usage = get_usage(
            request,
            group=view.ratelimit_group,
            key="ip",
            rate=settings.RECEIPT_RATE_LIMIT,
            method="POST",  # as the pages count: the key includes it
            increment=True,
        )
        if usage is None or not usage["should_limit"]:
            return True
        self.time_left = usage["time_left"]
        return False

    def wait(self) -> float | None:
        return self.time_left

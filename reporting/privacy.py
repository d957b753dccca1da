"""Keep narrative text and personal details out of error reports and logs,
and exact times out of what is stored about a reporter's own actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import ItemsView
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter


class NarrativeScrubbingFilter(SafeExceptionReporterFilter):
    """Django's error pages and error e-mails never show request bodies or
    local variables: any of them may hold a reporter's raw narrative."""

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, Any]:
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: Any) -> ItemsView[str, Any]:
        return {name: self.cleansed_substitute for name in tb_frame.f_locals}.items()


def start_of_today() -> dt.datetime:
    """Midnight, local time: the only time of day stored for a reporter's own
    actions. Session rows record the moment of every request, so an exact
    time on an anonymous report could be matched to its author."""
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))

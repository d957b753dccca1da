"""The review panel's workspace."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from reporting.access import user_capabilities
from reporting.models import Report


@login_required
def urgent_queue(request: HttpRequest) -> HttpResponse:
    if not user_capabilities(request.user).is_panel_member:
        raise Http404
    reports = Report.objects.visible_to(request.user).filter(live_concern=True).order_by("urgent_handled_at", "-submitted_on")
    return render(request, "reviews/urgent.html", {"reports": reports})

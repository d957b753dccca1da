"""Staff-facing pages: filing a report, the receipt, the learning bulletin.

Each view parses input, checks access, calls one service in
``reporting.services`` and renders the result.

Raw text: what a reporter types (narrative, what would have helped, answers)
may name people. It is never put in the session, the messages framework, the
cache, a log line or the database. The views that receive it are wrapped in
``sensitive_post_parameters`` and ``sensitive_variables`` so that even an error
report shows none of it. After the preview, only the de-identified text
travels between pages.

Keeping a half-written report safe when the login session times out
(SESSION_COOKIE_AGE is an idle timeout of 30 minutes, and office PCs are
shared), in two layers:

1. In the browser: ``static/js/draft.js`` copies the report form into
   ``sessionStorage`` as the reporter types. sessionStorage belongs to one tab
   and is gone when the tab closes, so nothing is left for the next person at
   a shared PC once the tab is closed; the script also clears it when the
   report is sent, when anyone signs out, and when a different user opens the
   form in the same tab (the key carries the user's id). After a time-out the
   reporter signs in again, comes back to the form and it is refilled.
2. On the server: if the session has expired by the time the form is posted,
   ``_signed_in_or_reauthenticate`` does not redirect (a redirect would drop
   the POST body). It shows a sign-in step whose form carries every posted
   field back in hidden inputs, so the text lives only in that page, which is
   sent with ``Cache-Control: no-store``. Nothing is stored server-side. On a
   correct password the user is signed in and the original step (preview or
   send) carries on with the same fields.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from reporting.choices import IdentityMode, ReportStatus
from reporting.forms import AnswerForm, ReceiptLookupForm, ReportForm
from reporting.models import Organisation, PublishedLearning, Report, ReportQuestion, User
from reporting.services import Preview, answer_question, look_up_receipt, preview_report, submit_report

# A receipt stays "open" in one browser tab through a signed token in a hidden
# field, not through the session: a session row holding both the signed-in
# user's id and an anonymous report's id would be the very link back to the
# author that anonymity rules out. The token holds the report id (never the
# secret), is only ever POSTed, and expires after RECEIPT_TOKEN_MAX_AGE.
RECEIPT_TOKEN_SALT = "lantern.receipt"  # noqa: S105 - a signing salt, not a secret
RECEIPT_TOKEN_MAX_AGE = 30 * 60
# One report per preview: a refresh or a double click on "Send" must not file
# the same report twice. The nonce is signed so it cannot be invented, and
# spent in the cache, which every process shares (Redis, else the database).
SUBMISSION_TOKEN_SALT = "lantern.submission"  # noqa: S105 - a signing salt, not a secret
_DAY = 24 * 60 * 60
SUBMISSION_TOKEN_MAX_AGE = _DAY
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9 _/'-]*\]")
LEARNING_PER_PAGE = 10
# Fields the re-sign-in step must not echo back into the page.
NOT_CARRIED = {"csrfmiddlewaretoken", "username", "password", "reauth"}

ViewFunc = Callable[..., HttpResponse]


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    response["Pragma"] = "no-cache"
    return response


def _signed_in_or_reauthenticate(view: ViewFunc) -> ViewFunc:
    """Like ``login_required``, but a POST from an expired session is kept:
    see the module docstring (layer 2)."""

    @wraps(view)
    @sensitive_variables()
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method != "POST":
            return redirect_to_login(request.get_full_path())
        if request.POST.get("reauth") == "1":
            auth_form = AuthenticationForm(
                request, data={"username": request.POST.get("username"), "password": request.POST.get("password")}
            )
            if auth_form.is_valid():
                auth_login(request, auth_form.get_user())
                return view(request, *args, **kwargs)
        else:
            auth_form = AuthenticationForm(request)
        carried = [(key, value) for key, values in request.POST.lists() if key not in NOT_CARRIED for value in values]
        response = render(request, "registration/reauthenticate.html", {"form": auth_form, "carried": carried})
        return _no_store(response)

    return wrapped


def _staff(request: HttpRequest) -> User:
    """The signed-in user (views call this only behind a sign-in check)."""
    assert isinstance(request.user, User)
    return request.user


def _own_organisation(request: HttpRequest) -> Organisation:
    organisation = _staff(request).organisation
    if organisation is None:
        raise PermissionDenied("Only staff of an organisation can file a report.")
    return organisation


@login_required
def home(request: HttpRequest) -> HttpResponse:
    latest = PublishedLearning.objects.visible_to(_staff(request)).order_by("-published_at")[:3]
    context = {"latest_learning": latest, "identity_retention_days": settings.IDENTITY_RETENTION_DAYS}
    return render(request, "reporting/home.html", context)


@login_required
def learning(request: HttpRequest) -> HttpResponse:
    items = PublishedLearning.objects.visible_to(_staff(request)).order_by("-published_at")
    page = Paginator(items, LEARNING_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reporting/learning.html", {"page": page, "subscriber": _staff(request)})


@login_required
@require_POST
def learning_emails(request: HttpRequest) -> HttpResponse:
    """Turn the learning bulletin emails on or off for the signed-in user."""
    user = _staff(request)
    user.learning_emails = request.POST.get("learning_emails") == "on"
    user.save(update_fields=["learning_emails"])
    return redirect(reverse("learning") + "#emails")


# --- Filing a report ------------------------------------------------------------------


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
@_signed_in_or_reauthenticate
@sensitive_variables()
def new_report(request: HttpRequest) -> HttpResponse:
    """The report form (GET), its preview (POST) and sending it (POST, step=send)."""
    _own_organisation(request)
    if request.method == "GET":
        return _render_form(request, ReportForm(), restore_draft=True)
    step = request.POST.get("step", "preview")
    if step == "change":
        # Back from the preview: the form shows the de-identified text, unchecked.
        initial = {key: values if key == "contributing_factors" else values[-1] for key, values in request.POST.lists()}
        return _render_form(request, ReportForm(initial=initial), show_errors=False)
    form = ReportForm(request.POST)
    if step == "send":
        return _send(request, form)
    if not form.is_valid():
        return _render_form(request, form)
    try:
        preview = preview_report(form.to_draft())
    except ValidationError as exc:
        form.add_service_errors(exc)
        return _render_form(request, form)
    return _render_preview(request, form, preview)


@sensitive_variables()
def _send(request: HttpRequest, form: ReportForm) -> HttpResponse:
    if not form.is_valid():
        return _render_preview(request, form, _preview_or_none(form))
    nonce = _spend_submission_token(request.POST.get("submission_token", ""))
    if nonce is None:
        return _no_store(render(request, "reporting/already_sent.html", status=409))
    mode = form.cleaned_data["identity_mode"]
    try:
        receipt = submit_report(
            organisation=_own_organisation(request),
            author=_staff(request),
            identity_mode=mode,
            draft=form.to_draft(),
            contact_note=form.cleaned_data.get("contact_note", "") if mode == IdentityMode.CONFIDENTIAL else "",
        )
    except ValidationError as exc:
        cache.delete(_nonce_key(nonce))  # nothing was filed: let them try again
        form.add_service_errors(exc)
        return _render_preview(request, form, None)
    context = {
        "report": receipt.report,
        "secret": receipt.secret,
        "organisation": receipt.report.organisation,
        "identity_retention_days": settings.IDENTITY_RETENTION_DAYS,
    }
    return _no_store(render(request, "reporting/confirmation.html", context))


@sensitive_variables()
def _preview_or_none(form: ReportForm) -> Preview | None:
    if not form.is_valid():
        return None
    try:
        return preview_report(form.to_draft())
    except ValidationError:
        return None


def _render_form(
    request: HttpRequest, form: ReportForm, *, show_errors: bool = True, restore_draft: bool = False
) -> HttpResponse:
    context = {
        "form": form,
        "errors": form.error_links() if show_errors and form.is_bound else [],
        "show_errors": show_errors,
        "restore_draft": restore_draft,
        "max_chars": settings.NARRATIVE_MAX_CHARS,
        "identity_retention_days": settings.IDENTITY_RETENTION_DAYS,
    }
    return _no_store(render(request, "reporting/report_form.html", context))


@sensitive_variables()
def _render_preview(request: HttpRequest, form: ReportForm, preview: Preview | None) -> HttpResponse:
    """The confirm page. Its textareas hold the de-identified text only: the
    raw text stops here."""
    data = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else {}
    narrative = preview.narrative if preview else str(form.data.get("narrative", ""))
    what_would_help = preview.what_would_help if preview else str(form.data.get("what_would_help", ""))
    structured = [
        (name, value)
        for name in (
            "kind",
            "service_area",
            "reached_child",
            "raised_at_time",
            "got_what_needed",
            "happened_before",
            "incident_month_month",
            "incident_month_year",
            "identity_mode",
            "contact_note",
        )
        if (value := str(form.data.get(name, "")))
        and not (name == "contact_note" and data.get("identity_mode") == IdentityMode.ANONYMOUS)
    ] + [("contributing_factors", value) for value in request.POST.getlist("contributing_factors")]
    context = {
        "form": form,
        "errors": form.error_links() if form.errors else [],
        "preview": preview,
        "narrative": narrative,
        "what_would_help": what_would_help,
        "narrative_marked": highlight_placeholders(narrative),
        "what_would_help_marked": highlight_placeholders(what_would_help),
        "structured": structured,
        "answers": _answer_summary(form, data),
        "submission_token": signing.dumps(secrets.token_urlsafe(16), salt=SUBMISSION_TOKEN_SALT),
        "organisation": _own_organisation(request),
        "max_chars": settings.NARRATIVE_MAX_CHARS,
    }
    return _no_store(render(request, "reporting/preview.html", context))


def _answer_summary(form: ReportForm, data: dict[str, Any]) -> list[tuple[str, str]]:
    """The structured answers as (question, answer) rows for the summary list."""

    def label(name: str) -> str:
        value = data.get(name)
        return str(dict(form.fields[name].choices).get(value, "")) if value else ""  # type: ignore[attr-defined]

    factors = dict(form.fields["contributing_factors"].choices)  # type: ignore[attr-defined]
    month = data.get("incident_month")
    rows = [
        ("Kind of report", label("kind")),
        ("Service area", label("service_area")),
        ("Contributing factors", ", ".join(str(factors[f]) for f in data.get("contributing_factors", []))),
        ("Did it reach the child?", label("reached_child")),
        ("Did you raise it at the time?", label("raised_at_time")),
        ("Did you get what you needed from other teams or agencies?", label("got_what_needed")),
        ("Has this happened before?", label("happened_before")),
        ("When it happened", month.strftime("%B %Y") if month else ""),
        ("Confidential or anonymous", label("identity_mode")),
    ]
    return [(question, answer or "Not given") for question, answer in rows]


def highlight_placeholders(text: str) -> SafeString:
    """Escape ``text`` and wrap each typed placeholder such as [CHILD 1] in <mark>."""
    parts: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<mark class="lantern-placeholder">{escape(match.group())}</mark>')
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def _nonce_key(nonce: str) -> str:
    return f"lantern:submission:{nonce}"


def _spend_submission_token(token: str) -> str | None:
    """The token's nonce if it is genuine and not used before, else None."""
    try:
        nonce = signing.loads(token, salt=SUBMISSION_TOKEN_SALT, max_age=SUBMISSION_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(nonce, str) or not cache.add(_nonce_key(nonce), 1, timeout=_until_end_of_tomorrow()):
        return None
    return nonce


def _until_end_of_tomorrow() -> float:
    """Seconds until the end of tomorrow (UTC): longer than a token lives, and
    the spent-token entry's expiry, which the cache stores, is a midnight, not
    the moment the report was filed (an anonymous report's time of day must not
    be recoverable from anything kept). Half a second past midnight, as the
    database cache truncates expiries to whole seconds."""
    now = time.time()
    return (now // _DAY + 2) * _DAY + 0.5 - now


# --- The receipt ------------------------------------------------------------------------


def _receipt_rate(group: str, request: HttpRequest) -> str:
    return settings.RECEIPT_RATE_LIMIT


def _receipt_token(report: Report) -> str:
    return signing.dumps({"report": str(report.pk)}, salt=RECEIPT_TOKEN_SALT)


def _report_for_token(token: str) -> Report | None:
    try:
        payload = signing.loads(token, salt=RECEIPT_TOKEN_SALT, max_age=RECEIPT_TOKEN_MAX_AGE)
        return Report.objects.select_related("organisation").get(pk=payload["report"])
    except (signing.BadSignature, Report.DoesNotExist, KeyError, TypeError, ValueError, ValidationError):
        return None


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_receipt_rate, method="POST", block=False, group="lantern.receipt")
def receipt(request: HttpRequest) -> HttpResponse:
    """Look up a receipt. POST only: a secret must never be in a URL or an access log."""
    if getattr(request, "limited", False):
        return rate_limited(request, None)
    if request.method == "GET":
        return _no_store(render(request, "reporting/receipt_lookup.html", {"form": ReceiptLookupForm()}))
    form = ReceiptLookupForm(request.POST)
    report = None
    if form.is_valid():
        report = look_up_receipt(reference=form.cleaned_data["reference"], secret=form.cleaned_data["secret"])
        if report is None:
            # The same words whether the reference exists or not.
            form.add_error(None, "The reference and secret do not match a report. Check both and try again.")
    if report is None:
        return _no_store(render(request, "reporting/receipt_lookup.html", {"form": form}))
    return _render_receipt(request, report)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["POST"])
@ratelimit(key="ip", rate=_receipt_rate, method="POST", block=False, group="lantern.receipt-answer")
@sensitive_variables()
def receipt_answer(request: HttpRequest) -> HttpResponse:
    """Answer a panel's question about an anonymous report, with an open receipt."""
    if getattr(request, "limited", False):
        return rate_limited(request, None)
    form = AnswerForm(request.POST)
    report = _report_for_token(str(request.POST.get("token", "")))
    if report is None:
        lookup = ReceiptLookupForm()
        context = {"form": lookup, "expired": True}
        return _no_store(render(request, "reporting/receipt_lookup.html", context, status=403))
    if report.identity_mode != IdentityMode.ANONYMOUS:
        raise PermissionDenied("Confidential reporters answer through their confidential contact.")
    question = None
    if form.is_valid():
        question = report.questions.filter(pk=form.cleaned_data["question"]).first()
        if question is None:
            return _no_store(_render_receipt(request, report, status=404))
        try:
            answer_question(question=question, answer=form.cleaned_data["answer"])
        except ValidationError as exc:
            messages = exc.message_dict.get("answer", exc.messages) if hasattr(exc, "error_dict") else exc.messages
            form.add_error("answer", messages)
        else:
            return _render_receipt(request, report, answered=question)
    return _render_receipt(request, report, answer_form=form, status=200)


def _render_receipt(
    request: HttpRequest,
    report: Report,
    *,
    answered: ReportQuestion | None = None,
    answer_form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    failed_question = None
    if answer_form is not None and answer_form.errors:
        failed_question = answer_form.cleaned_data.get("question") or _int_or_none(answer_form.data.get("question"))
    context = {
        "report": report,
        "organisation": report.organisation,
        "token": _receipt_token(report),
        "questions": list(report.questions.all()),
        "learning": list(report.learning.distinct().order_by("-published_at")),
        "feedback": list(report.feedback.all()),
        "anonymous": report.identity_mode == IdentityMode.ANONYMOUS,
        "statuses": ReportStatus,
        "answered": answered,
        "answer_form": answer_form,
        "failed_question": failed_question,
        "max_chars": settings.NARRATIVE_MAX_CHARS,
    }
    return _no_store(render(request, "reporting/receipt.html", context, status=status))


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def rate_limited(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    return render(request, "429.html", status=429)

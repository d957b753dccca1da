"""The review panel's workspace pages: triage, urgent reports, themes,
reports and the confidential contact's relay page.

Each view parses input, fetches through an ``access_*`` helper (404 for
anything outside the user's panels), calls one service and renders or
redirects. Nobody but a panel member reaches a panel page: leaders and staff
read only what is published, so they get 404 here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from reporting.access import access_report_as_panel, signed_in_user, user_capabilities
from reporting.choices import (
    ContributingFactor,
    LearningTogether,
    ServiceArea,
    ThemeStatus,
    UrgentOutcome,
    WestrumAspect,
    WestrumOrientation,
)
from reporting.identity import read_reporter_identity
from reporting.models import AuditEvent, Report, Theme
from reporting.services import answer_question
from reviews.models import ThematicReview
from reviews.services import workspace as svc

TRIAGE_PAGE_SIZE = 25
MEMBERS_PAGE_SIZE = 20
URGENT_PAGE_SIZE = 25

View = Callable[..., HttpResponse]


def panel_required(view: View) -> View:
    """Signed in and a member of at least one panel; anyone else gets 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not user_capabilities(request.user).is_panel_member:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def contact_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not svc.contact_may_relay(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _blank(label: str) -> list[tuple[str, str]]:
    return [("", label)]


# --- Forms (parsing only; rules live in the services) ----------------------------


class TriageFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[("open", "Open (not dismissed or closed)"), ("all", "All statuses"), *ThemeStatus.choices],
    )
    service_area = forms.ChoiceField(required=False, choices=_blank("Any service area") + ServiceArea.choices)
    learning_together = forms.ChoiceField(
        required=False, choices=_blank("Any pattern") + LearningTogether.choices, label="Learning Together pattern"
    )
    westrum_aspect = forms.ChoiceField(
        required=False, choices=_blank("Any aspect") + WestrumAspect.choices, label="Westrum aspect"
    )
    westrum_orientation = forms.ChoiceField(
        required=False, choices=_blank("Any orientation") + WestrumOrientation.choices, label="Westrum orientation"
    )
    period = forms.ChoiceField(
        required=False,
        choices=[("", "Any time"), ("30", "Last 30 days"), ("90", "Last 90 days"), ("365", "Last 12 months")],
        label="Reports submitted",
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=ThemeStatus.choices)
    reason = forms.CharField(required=False, widget=forms.Textarea, max_length=2000)


class RenameForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title for the theme."})


class NoteForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea, max_length=5000, label="Note", error_messages={"required": "Write a note."}
    )


class LabelsForm(forms.Form):
    westrum_aspect = forms.ChoiceField(required=False, choices=_blank("Keep as is") + WestrumAspect.choices)
    westrum_orientation = forms.ChoiceField(required=False, choices=_blank("Keep as is") + WestrumOrientation.choices)
    learning_together = forms.ChoiceField(required=False, choices=_blank("Keep as is") + LearningTogether.choices)


class QuestionForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea,
        max_length=2000,
        label="Your question",
        error_messages={"required": "Write your question to the reporter."},
    )


class HandledForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=UrgentOutcome.choices,
        widget=forms.RadioSelect,
        label="Was a child at risk now?",
        error_messages={"required": "Say whether a child was at risk now."},
    )
    note = forms.CharField(
        widget=forms.Textarea,
        max_length=2000,
        label="What was done",
        error_messages={"required": "Say what was done about this report."},
    )


class DuplicateForm(forms.Form):
    duplicate_of = forms.CharField(required=False, max_length=20, label="Reference of the original report")


class RelayForm(forms.Form):
    answer = forms.CharField(widget=forms.Textarea, label="The reporter's answer")


def _apply_errors(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- Triage ---------------------------------------------------------------------


def _matching_column(filters: svc.TriageFilters) -> tuple[str, str, str] | None:
    """(summary counter, value, heading) when exactly one report filter is on:
    then each theme's count of matching reports is known exactly from its
    summary. With several, reports matching all of them at once are not
    counted anywhere, so no figure is shown rather than a wrong one."""
    wanted = filters.summary_filters()
    if len(wanted) != 1:
        return None
    key, value = wanted[0]
    name = next(name for name, counter in svc.SUMMARY_COUNTERS.items() if counter == key)
    label = dict(TriageFilterForm.base_fields[name].choices).get(value, value)  # type: ignore[attr-defined]
    return key, value, f"Reports matching “{label}”"


@panel_required
def triage(request: HttpRequest) -> HttpResponse:
    form = TriageFilterForm(request.GET or None)
    filters = svc.TriageFilters.from_mapping(request.GET)
    rows = svc.triage_queue(request.user, filters)  # type: ignore[arg-type]
    page = Paginator(rows, TRIAGE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    matching = _matching_column(filters)
    # The "Reports" column always counts a whole theme; with a filter on, the page says so.
    shown = [
        (row, svc.suppress(svc.ThemeSummary.of(row.theme).count(matching[0], matching[1])) if matching else "")
        for row in page.object_list
    ]
    return render(
        request,
        "reviews/workspace/triage.html",
        {
            "form": form,
            "filters": filters,
            "filtered": bool(filters.summary_filters() or filters.period),
            "matching_heading": matching[2] if matching else "",
            "rows": shown,
            "page": page,
            "query": urlencode(query),
            "urgent_open": svc.urgent_reports_for(request.user, handled="no").count(),  # type: ignore[arg-type]
        },
    )


# --- Urgent queue ---------------------------------------------------------------


@panel_required
def urgent_queue(request: HttpRequest) -> HttpResponse:
    """Live-concern reports. Handled ones stay listed (below the unhandled) so
    the queue is never empty by default and the record of who acted stays visible."""
    handled = request.GET.get("handled", "")
    handled = handled if handled in {"yes", "no"} else ""
    reports = svc.urgent_reports_for(request.user, handled=handled)  # type: ignore[arg-type]
    page = Paginator(reports, URGENT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/workspace/urgent.html",
        {
            "page": page,
            "handled": handled,
            "form": HandledForm(),
            "outcomes": svc.urgent_outcomes_for(request.user),  # type: ignore[arg-type]
            "query": urlencode({"handled": handled} if handled else {}),
        },
    )


@panel_required
def urgent_handled(request: HttpRequest, report_id: Any) -> HttpResponse:
    report = access_report_as_panel(request.user, report_id)
    if not report.live_concern:
        raise Http404
    form = HandledForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.mark_urgent_handled(
                actor=request.user,  # type: ignore[arg-type]
                report=report,
                note=form.cleaned_data["note"],
                outcome=form.cleaned_data["outcome"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"Report {report.reference} marked as handled.")
            return redirect("reviews:urgent")
    return render(request, "reviews/workspace/urgent_handled.html", {"report": report, "form": form})


# --- Theme page -------------------------------------------------------------------


def column_chart_svg(bars: list[svc.Bar], *, height: int = 30) -> SafeString:
    """Columns for a trend, drawn on the server (no script, no inline style).
    Suppressed months are drawn as an empty outline: a short column would
    give the small number away. Hidden from screen readers: the table after
    it carries the same figures."""
    width = 10 * max(len(bars), 1)
    columns = format_html_join(
        "",
        '<rect x="{}" y="{}" width="8" height="{}" fill="{}" stroke="#505a5f" stroke-width="{}">'
        "<title>{}</title></rect>",
        (
            (
                10 * i + 1,
                height - (bar.percent * height // 100 if not bar.suppressed else height // 5),
                bar.percent * height // 100 if not bar.suppressed else height // 5,
                "#1d70b8" if not bar.suppressed else "none",
                "0" if not bar.suppressed else "0.4",
                f"{bar.label}: {bar.shown}",
            )
            for i, bar in enumerate(bars)
        ),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="2.6" text-anchor="middle" fill="#0b0c0c">{}</text>',
        ((10 * i + 5, height + 5, bar.label.split(" ")[0]) for i, bar in enumerate(bars)),
    )
    return format_html(
        '<svg class="lantern-trend" width="100%" viewBox="0 0 {} {}" aria-hidden="true" focusable="false">'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#505a5f" stroke-width="0.3"></line>{}{}</svg>',
        width,
        height + 7,
        height,
        width,
        height,
        columns,
        labels,
    )


def _person(user: Any) -> str:
    return (user.get_full_name() or user.username) if user is not None else "the system"


def _status_label(value: Any) -> str:
    return ThemeStatus(value).label if value in ThemeStatus.values else str(value or "")


def history_line(event: AuditEvent) -> str:
    """One theme decision as a sentence ("Status changed to Thematic review by
    Priya"), not the audit code it is stored under."""
    before, after = event.before or {}, event.after or {}
    who = _person(event.actor)
    if event.action == "theme.status_changed":
        line = f"Status changed to {_status_label(after.get('status'))}"
        if before.get("status"):
            line = f"Status changed from {_status_label(before['status'])} to {_status_label(after.get('status'))}"
        reason = str(after.get("status_reason") or "").strip()
        return f"{line} by {who}" + (f": “{reason}”" if reason else "")
    if event.action == "theme.rename":
        return f"Renamed from “{before.get('title', '')}” to “{after.get('title', '')}” by {who}"
    if event.action == "theme.note_added":
        return f"Note added by {who}"
    if event.action == "theme.merge":
        merged = len(before.get("merged") or [])
        themes = "another theme" if merged == 1 else f"{merged} other themes"
        return f"Merged with {themes} by {who}"
    if event.action == "theme.split":
        moved = after.get("reports_moved")
        reports = f"{moved} report{'' if moved == 1 else 's'}" if isinstance(moved, int) else "Reports"
        return f"{reports} split into a new theme by {who}"
    # An action this page has no sentence for yet: its code's words, never the bare code.
    words = event.action.rsplit(".", 1)[-1].replace("_", " ").strip() or "Changed"
    return f"{words[0].upper()}{words[1:]} by {who}"


def _theme_context(request: HttpRequest, theme: Theme, **forms_: forms.Form) -> dict[str, Any]:
    # The profile comes from the engine's summary and the members are one
    # page of narrow rows: nothing here reads all of a theme's reports.
    members = svc.theme_members(theme)
    page = Paginator(members, MEMBERS_PAGE_SIZE).get_page(request.GET.get("page"))
    profile = svc.theme_profile(theme)
    return {
        "theme": theme,
        "profile": profile,
        "trend_svg": column_chart_svg(profile.months),
        "page": page,
        "other_themes": svc.merge_targets(request.user, theme),  # type: ignore[arg-type]
        "notes": theme.notes.select_related("author")[:50],
        "history": [(event.at, history_line(event)) for event in svc.theme_history(theme)],
        # Where the panel takes this theme next: its thematic reviews and the learning published from it.
        "reviews": list(
            ThematicReview.objects.visible_to(request.user).filter(themes=theme).order_by("-started_at")[:10]
        ),
        "learning": list(theme.learning_sources.select_related("learning").order_by("-learning__published_at")[:10]),
        "status_form": forms_.get("status_form") or StatusForm(initial={"status": theme.status}),
        "rename_form": forms_.get("rename_form") or RenameForm(initial={"title": theme.title}),
        "note_form": forms_.get("note_form") or NoteForm(),
        "merge_error": forms_.get("merge_error"),
        "split_error": forms_.get("split_error"),
        "excerpts": list(theme.excerpts or [])[:3],
        "keywords": list(theme.keywords or []),
        "statuses": ThemeStatus.choices,
    }


@panel_required
def theme_detail(request: HttpRequest, theme_id: int) -> HttpResponse:
    theme = svc.access_theme_as_panel(request.user, theme_id)
    if theme.retired_at is not None and theme.merged_into_id is not None:
        # A merged theme lives on in its survivor; old links keep working.
        return redirect("reviews:theme", theme_id=theme.merged_into_id)
    return render(request, "reviews/workspace/theme.html", _theme_context(request, theme))


def _theme_action(
    request: HttpRequest, theme_id: int, form_key: str, form: forms.Form, act: Callable[[Theme], str]
) -> HttpResponse:
    theme = svc.access_theme_as_panel(request.user, theme_id)
    if form.is_valid():
        try:
            message = act(theme)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect("reviews:theme", theme_id=theme.pk)
    return render(
        request, "reviews/workspace/theme.html", _theme_context(request, theme, **{form_key: form}), status=400
    )


@require_POST
@panel_required
def theme_status(request: HttpRequest, theme_id: int) -> HttpResponse:
    form = StatusForm(request.POST)

    def act(theme: Theme) -> str:
        svc.set_theme_status(
            actor=request.user,  # type: ignore[arg-type]
            theme=theme,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
        )
        return f"Status changed to {ThemeStatus(form.cleaned_data['status']).label}."

    return _theme_action(request, theme_id, "status_form", form, act)


@require_POST
@panel_required
def theme_rename(request: HttpRequest, theme_id: int) -> HttpResponse:
    form = RenameForm(request.POST)

    def act(theme: Theme) -> str:
        svc.rename_theme(actor=request.user, theme=theme, title=form.cleaned_data["title"])  # type: ignore[arg-type]
        return "Theme renamed. Rebuilds will keep this title."

    return _theme_action(request, theme_id, "rename_form", form, act)


@require_POST
@panel_required
def theme_note(request: HttpRequest, theme_id: int) -> HttpResponse:
    form = NoteForm(request.POST)

    def act(theme: Theme) -> str:
        svc.add_theme_note(actor=request.user, theme=theme, text=form.cleaned_data["text"])  # type: ignore[arg-type]
        return "Note added."

    return _theme_action(request, theme_id, "note_form", form, act)


@require_POST
@panel_required
def theme_merge(request: HttpRequest, theme_id: int) -> HttpResponse:
    theme = svc.access_theme_as_panel(request.user, theme_id)
    into_id = request.POST.get("into", "")
    error = "Choose the theme to merge this one into."
    if into_id:
        try:
            into = svc.access_theme_as_panel(request.user, into_id)
            survivor = svc.merge_themes(actor=request.user, theme=theme, into=into)  # type: ignore[arg-type]
        except Http404:
            error = "Choose a theme from the list."
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"“{theme.title}” was merged into “{survivor.title}”.")
            return redirect("reviews:theme", theme_id=survivor.pk)
    context = _theme_context(request, theme, merge_error=error)  # type: ignore[arg-type]
    context["merge_error"] = error
    return render(request, "reviews/workspace/theme.html", context, status=400)


@require_POST
@panel_required
def theme_split(request: HttpRequest, theme_id: int) -> HttpResponse:
    theme = svc.access_theme_as_panel(request.user, theme_id)
    ids = request.POST.getlist("reports")
    chosen = list(
        Report.objects.visible_to(signed_in_user(request)).filter(pk__in=_valid_uuids(ids)) & theme.member_reports()
    )
    try:
        new_theme = svc.split_theme(
            actor=request.user,  # type: ignore[arg-type]
            theme=theme,
            reports=chosen,
            title=request.POST.get("title", ""),
        )
    except ValidationError as exc:
        context = _theme_context(request, theme)
        context["split_error"] = " ".join(exc.messages)
        return render(request, "reviews/workspace/theme.html", context, status=400)
    messages.success(request, f"{len(chosen)} reports were split into a new theme, “{new_theme.title}”.")
    return redirect("reviews:theme", theme_id=new_theme.pk)


def _valid_uuids(values: list[str]) -> list[str]:
    import uuid

    valid = []
    for value in values:
        try:
            valid.append(str(uuid.UUID(value)))
        except (ValueError, TypeError):
            continue
    return valid


# --- Report page ----------------------------------------------------------------


def _factor_label(value: str) -> str:
    return ContributingFactor(value).label if value in ContributingFactor.values else value.replace("_", " ")


def _with_corrected_on(row: dict[str, Any]) -> dict[str, Any]:
    """The correction's day as a date, so the page writes it as every other date ("24 Nov 2026")."""
    try:
        corrected_on = dt.date.fromisoformat(row.get("corrected_at") or "")
    except ValueError:
        corrected_on = None
    return {**row, "corrected_on": corrected_on}


def _report_context(request: HttpRequest, report: Report, **forms_: Any) -> dict[str, Any]:
    return {
        "report": report,
        "contributing_factors": [_factor_label(str(value)) for value in report.contributing_factors or []],
        "labels": [_with_corrected_on(row) for row in svc.label_rows(report)],
        "questions": list(report.questions.all()),
        "labels_form": forms_.get("labels_form") or LabelsForm(),
        "question_form": forms_.get("question_form") or QuestionForm(),
        "duplicate_form": forms_.get("duplicate_form")
        or DuplicateForm(initial={"duplicate_of": report.duplicate_of.reference if report.duplicate_of else ""}),
        "action_error": forms_.get("action_error"),
    }


@panel_required
def report_detail(request: HttpRequest, report_id: Any) -> HttpResponse:
    report = access_report_as_panel(request.user, report_id)
    report = (
        Report.objects.select_related("theme", "duplicate_of", "urgent_handled_by")
        .prefetch_related("questions")
        .get(pk=report.pk)
    )
    return render(request, "reviews/workspace/report.html", _report_context(request, report))


def _report_action(
    request: HttpRequest, report_id: Any, form_key: str, form: forms.Form | None, act: Callable[[Report], str]
) -> HttpResponse:
    report = access_report_as_panel(request.user, report_id)
    if form is None or form.is_valid():
        try:
            message = act(report)
        except ValidationError as exc:
            if form is None:
                return render(
                    request,
                    "reviews/workspace/report.html",
                    _report_context(request, report, action_error=" ".join(exc.messages)),
                    status=400,
                )
            _apply_errors(form, exc)
        else:
            messages.success(request, message)
            next_url = request.POST.get("next", "")
            if next_url.startswith("/panel/") and "//" not in next_url:
                return HttpResponseRedirect(next_url)
            return redirect("reviews:report", report_id=report.pk)
    return render(
        request, "reviews/workspace/report.html", _report_context(request, report, **{form_key: form}), status=400
    )


@require_POST
@panel_required
def report_labels(request: HttpRequest, report_id: Any) -> HttpResponse:
    form = LabelsForm(request.POST)

    def act(report: Report) -> str:
        svc.correct_report_labels(actor=request.user, report=report, labels=form.cleaned_data)  # type: ignore[arg-type]
        return "Labels corrected. The labeller will learn from this correction."

    return _report_action(request, report_id, "labels_form", form, act)


@require_POST
@panel_required
def report_question(request: HttpRequest, report_id: Any) -> HttpResponse:
    form = QuestionForm(request.POST)

    def act(report: Report) -> str:
        svc.ask_reporter(actor=request.user, report=report, text=form.cleaned_data["text"])  # type: ignore[arg-type]
        return "Question sent. You will see the answer on this page."

    return _report_action(request, report_id, "question_form", form, act)


def _acted_from_theme(request: HttpRequest) -> Theme | None:
    """The theme page a pin or an exclusion was made from (its ``theme`` field),
    so a partnership theme's decision lands on the partnership; none from the
    report page, which acts on the report's organisation theme."""
    theme_id = request.POST.get("theme", "")
    return svc.access_theme_as_panel(request.user, theme_id) if theme_id else None


@require_POST
@panel_required
def report_pin(request: HttpRequest, report_id: Any) -> HttpResponse:
    pinned = request.POST.get("pinned", "1") == "1"
    theme = _acted_from_theme(request)

    def act(report: Report) -> str:
        svc.pin_report(actor=request.user, report=report, pinned=pinned, theme=theme)  # type: ignore[arg-type]
        return "Report pinned to its theme." if pinned else "Report unpinned."

    return _report_action(request, report_id, "", None, act)


@require_POST
@panel_required
def report_exclude(request: HttpRequest, report_id: Any) -> HttpResponse:
    excluded = request.POST.get("excluded", "1") == "1"
    theme = _acted_from_theme(request)

    def act(report: Report) -> str:
        svc.exclude_report(actor=request.user, report=report, excluded=excluded, theme=theme)  # type: ignore[arg-type]
        return "Report taken out of theming." if excluded else "Report returned to theming."

    return _report_action(request, report_id, "", None, act)


@require_POST
@panel_required
def report_duplicate(request: HttpRequest, report_id: Any) -> HttpResponse:
    form = DuplicateForm(request.POST)

    def act(report: Report) -> str:
        reference = form.cleaned_data["duplicate_of"].strip().upper()
        original = None
        if reference:
            original = Report.objects.visible_to(signed_in_user(request)).filter(reference=reference).first()
            if original is None:
                raise ValidationError({"duplicate_of": ["No report with that reference in your panel's reports."]})
        svc.mark_duplicate(actor=request.user, report=report, duplicate_of=original)  # type: ignore[arg-type]
        return f"Marked as a duplicate of {original.reference}." if original else "No longer marked as a duplicate."

    return _report_action(request, report_id, "duplicate_form", form, act)


# --- Confidential contact -----------------------------------------------------------


@contact_required
def contact_questions(request: HttpRequest) -> HttpResponse:
    """Open questions on the organisation's confidential reports; answered
    ones follow, so the contact can see what was relayed."""
    questions = svc.confidential_questions_for(request.user).order_by("answered_at", "asked_at")  # type: ignore[arg-type]
    page = Paginator(questions, 25).get_page(request.GET.get("page"))
    return render(request, "reviews/workspace/contact.html", {"page": page})


@contact_required
def contact_question(request: HttpRequest, question_id: int) -> HttpResponse:
    """One question: reveal who reported (audited, on request only), and
    record the answer they gave. The identity is shown in this response only."""
    question = svc.access_question_as_contact(request.user, question_id)
    identity = None
    form = RelayForm()
    if request.method == "POST" and request.POST.get("action") == "reveal":
        identity = read_reporter_identity(actor=request.user, report=question.report)  # type: ignore[arg-type]
    elif request.method == "POST":
        form = RelayForm(request.POST)
        if form.is_valid():
            try:
                answer_question(question=question, answer=form.cleaned_data["answer"], relayed_by=request.user)  # type: ignore[arg-type]
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(
                    request, "Answer recorded. The panel will see it on the report, without your name or theirs."
                )
                return redirect(reverse("reviews:contact"))
    return render(
        request,
        "reviews/workspace/contact_question.html",
        {"question": question, "identity": identity, "form": form},
        status=400 if form.errors else 200,
    )

"""Thematic review pages, learning publication, review-pack exports and the
leadership summary.

Each view parses input, fetches through an ``access_*`` helper (404 for
anything outside the user's panels), calls one service and renders or
redirects. A review is read only by members of its own panel; leaders see
only the aggregate leadership page.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from reporting.access import signed_in_user
from reporting.choices import ContributingFactor, FeedbackKind, LearningTogether
from reporting.models import Panel, Theme
from reviews.models import (
    ActionStatus,
    ExportFormat,
    ExportState,
    ReviewAction,
    ReviewQuestion,
    ThematicReview,
)
from reviews.services import learning as learning_svc
from reviews.services import thematic as svc
from reviews.services.leadership import leadership_scope, leadership_summary, summary_rows
from reviews.services.workspace import access_theme_as_panel
from reviews.views.workspace import panel_required

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class ReviewProgress(TypedDict):
    """The counts ``ThematicReviewQuerySet.with_progress()`` annotates."""

    questions_total: int
    questions_answered: int
    findings_total: int
    recommendations_total: int
    actions_total: int
    actions_done: int
    actions_overdue: int


# --- Forms (parsing only; rules live in the services) ----------------------------


def _blank(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *list(choices)]


_F = TypeVar("_F", bound=forms.Field)


def _field(form: forms.BaseForm, name: str, kind: type[_F]) -> _F:
    """``form.fields[name]`` as the field class it was declared with
    (``fields`` is typed ``dict[str, Field]``)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


class StartReviewForm(forms.Form):
    panel = forms.ModelChoiceField(queryset=Panel.objects.none(), empty_label=None)
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(), error_messages={"required": "Choose at least one theme to review."}
    )
    title = forms.CharField(max_length=200, error_messages={"required": "Give the review a title."})
    terms_of_reference = forms.CharField(required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "panel", forms.ModelChoiceField).queryset = Panel.objects.for_member(user).order_by("name")
        _field(self, "themes", forms.ModelMultipleChoiceField).queryset = (
            Theme.objects.visible_to(user).current().filter(merged_into__isnull=True).order_by("title")
        )


class TermsForm(forms.Form):
    title = forms.CharField(max_length=200)
    terms_of_reference = forms.CharField(required=False, widget=forms.Textarea)


class TextForm(forms.Form):
    text = forms.CharField(error_messages={"required": "Enter some text."})


class AnswerForm(forms.Form):
    answer = forms.CharField(error_messages={"required": "Write the answer."})


class FindingForm(forms.Form):
    text = forms.CharField(error_messages={"required": "Describe the finding."})
    learning_together = forms.ChoiceField(
        choices=_blank("Choose a pattern", LearningTogether.choices),
        error_messages={"required": "Choose the Learning Together pattern."},
    )


class FactorForm(forms.Form):
    category = forms.ChoiceField(
        choices=_blank("Choose a kind of factor", ContributingFactor.choices),
        error_messages={"required": "Choose the kind of factor."},
    )
    description = forms.CharField(error_messages={"required": "Describe the factor."})


class RecommendationForm(forms.Form):
    text = forms.CharField(error_messages={"required": "Write the recommendation."})
    finding = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, choices=[])

    def __init__(self, *args: Any, review: ThematicReview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "finding", forms.TypedChoiceField).choices = _blank(
            "Not linked to one finding", [(f.pk, f.text[:80]) for f in review.findings.all()]
        )


class ActionForm(forms.Form):
    description = forms.CharField(error_messages={"required": "Describe the action."})
    owner = forms.CharField(max_length=200, error_messages={"required": "Give the owner role or team."})
    due_date = forms.DateField(
        error_messages={"required": "Enter a due date.", "invalid": "Enter a real date, like 2026-03-31."}
    )
    recommendation = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, choices=[])

    def __init__(self, *args: Any, review: ThematicReview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "recommendation", forms.TypedChoiceField).choices = _blank(
            "Not linked to one recommendation", [(r.pk, r.text[:80]) for r in review.recommendations.all()]
        )


class ActionEditForm(forms.Form):
    description = forms.CharField(error_messages={"required": "Describe the action."})
    owner = forms.CharField(max_length=200, error_messages={"required": "Give the owner role or team."})
    due_date = forms.DateField(
        error_messages={"required": "Enter a due date.", "invalid": "Enter a real date, like 2026-03-31."}
    )


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)
    evidence_of_completion = forms.CharField(required=False)


class EvidenceForm(forms.Form):
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(),
        empty_label="Choose a theme",
        error_messages={"required": "Choose a theme to add."},
    )

    def __init__(self, *args: Any, user: Any, review: ThematicReview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "theme", forms.ModelChoiceField).queryset = (
            Theme.objects.visible_to(user)
            .current()
            .filter(merged_into__isnull=True)
            .exclude(pk__in=review.themes.values("pk"))
            .order_by("title")
        )


class LearningForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Give the summary a title."})
    what_we_heard = forms.CharField(error_messages={"required": "Say what staff told us."})
    what_we_found = forms.CharField(error_messages={"required": "Say what the panel found."})
    what_is_changing = forms.CharField(error_messages={"required": "Say what is changing."})
    feedback_kind = forms.ChoiceField(
        choices=_blank("Choose the kind of feedback", FeedbackKind.choices),
        error_messages={"required": "Choose the kind of feedback."},
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=ExportFormat.choices)


def _apply_errors(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- Review list and start ------------------------------------------------------------


@panel_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    reviews = (
        ThematicReview.objects.visible_to(request.user)
        .select_related("panel")
        .with_progress()
        .order_by("status", "-started_at")
    )
    return render(request, "reviews/thematic/list.html", {"reviews": reviews})


@panel_required
def review_start(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if request.method == "POST":
        form = StartReviewForm(request.POST, user=user)
        if form.is_valid():
            try:
                review = svc.start_review(
                    actor=user,
                    panel=form.cleaned_data["panel"],
                    themes=form.cleaned_data["themes"],
                    title=form.cleaned_data["title"],
                    terms_of_reference=form.cleaned_data["terms_of_reference"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, "Thematic review started.")
                return redirect("reviews:review", review_id=review.pk)
        status = 400
    else:
        initial_themes = [t for t in request.GET.getlist("theme") if t.isdigit()]
        form = StartReviewForm(user=user, initial={"themes": initial_themes})
        status = 200
    selected = {str(v) for v in (form["themes"].value() or [])}
    return render(request, "reviews/thematic/start.html", {"form": form, "selected": selected}, status=status)


# --- The review page -------------------------------------------------------------------


def _review_context(request: HttpRequest, review: ThematicReview, **bound: forms.Form) -> dict[str, Any]:
    forms_ = {
        "terms": TermsForm(
            prefix="terms", initial={"title": review.title, "terms_of_reference": review.terms_of_reference}
        ),
        "question": TextForm(prefix="question"),
        "finding": FindingForm(prefix="finding"),
        "factor": FactorForm(prefix="factor"),
        "recommendation": RecommendationForm(prefix="recommendation", review=review),
        "action": ActionForm(prefix="action", review=review),
        "evidence": EvidenceForm(prefix="evidence", user=request.user, review=review),
        "learning": LearningForm(prefix="learning", initial={"title": f"What we learned: {review.title}"}),
        "export": ExportForm(prefix="export"),
    }
    forms_.update(bound)
    # with_progress() is typed as returning plain reviews; the cast names the
    # counts it annotates so they are checked where they are read.
    progress = cast(
        "WithAnnotations[ThematicReview, ReviewProgress]",
        ThematicReview.objects.filter(pk=review.pk).with_progress().get(),
    )
    themes = list(review.themes.all().order_by("title"))
    evidence = list(
        review.reports.all().order_by("-submitted_on").only("pk", "reference", "narrative", "submitted_on")[:50]
    )
    factors = list(review.factors.all())
    learning = list(review.learning_sources.select_related("learning").order_by("-learning__published_at"))
    evidence_count = review.reports.count()
    tasks = [
        _task("terms", "Terms of reference", bool(review.terms_of_reference), "Written", "Not written"),
        _task(
            "questions",
            "Review questions",
            progress.questions_total > 0 and progress.questions_answered == progress.questions_total,
            f"{progress.questions_answered} of {progress.questions_total} answered",
        ),
        _task("evidence", "Evidence", evidence_count > 0, f"{len(themes)} theme(s), {evidence_count} report(s)"),
        _task("findings", "Findings", progress.findings_total > 0, f"{progress.findings_total} recorded"),
        _task("factors", "Systemic contributory factors", bool(factors), f"{len(factors)} recorded"),
        _task(
            "recommendations",
            "Recommendations",
            progress.recommendations_total > 0,
            f"{progress.recommendations_total} recorded",
        ),
        _task(
            "actions",
            "Actions",
            progress.actions_total > 0 and progress.actions_done == progress.actions_total,
            f"{progress.actions_done} of {progress.actions_total} done",
            overdue=progress.actions_overdue,
        ),
        _task("learning", "Learning published to staff", bool(learning), "Published", "Not yet"),
    ]
    return {
        "review": review,
        "progress": progress,
        "tasks": tasks,
        "threshold": settings.SUPPRESSION_THRESHOLD,
        "review_learning_url": reverse("reviews:review-learning", kwargs={"review_id": review.pk}),
        "forms": forms_,
        "themes": themes,
        "evidence": evidence,
        "evidence_count": evidence_count,
        "questions": list(review.questions.all()),
        "findings": list(review.findings.all()),
        "factors": factors,
        "recommendations": list(review.recommendations.select_related("finding")),
        "actions": list(review.actions.select_related("recommendation")),
        "action_statuses": ActionStatus.choices,
        "exports": list(review.exports.all()[:5]),
        "learning": learning,
        "is_member": True,
    }


def _task(anchor: str, name: str, done: bool, status: str, not_done: str = "", overdue: int = 0) -> dict[str, Any]:
    return {
        "anchor": anchor,
        "name": name,
        "done": done,
        "status": status if done or not not_done else not_done,
        "overdue": overdue,
    }


@panel_required
@require_GET
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    return render(request, "reviews/thematic/review.html", _review_context(request, review))


def _review_post(
    request: HttpRequest, review_id: int, name: str, form: forms.Form, act: Any, done: str, anchor: str
) -> HttpResponse:
    """Validate a bound form, run one service, redirect; on error re-render the
    review page with the errors (400)."""
    review = svc.access_review(request.user, review_id)
    if form.is_valid():
        try:
            act(review, form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(reverse("reviews:review", kwargs={"review_id": review.pk}) + f"#{anchor}")
    context = _review_context(request, review, **{name: form})
    context["error_anchor"] = anchor
    _show_errors(context, form, f"id_{name}-")
    return render(request, "reviews/thematic/review.html", context, status=400)


def _show_errors(context: dict[str, Any], form: forms.Form, prefix: str) -> None:
    """Put one GOV.UK error summary at the top of the review page for the form
    that failed; its links go to the fields, whose ids start with ``prefix``."""
    context["error_form"] = form
    context["error_prefix"] = prefix


@panel_required
@require_POST
def review_terms(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_post(
        request,
        review_id,
        "terms",
        TermsForm(request.POST, prefix="terms"),
        lambda review, data: svc.update_terms_of_reference(actor=signed_in_user(request), review=review, **data),
        "Terms of reference saved.",
        "terms",
    )


@panel_required
@require_POST
def review_question(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_post(
        request,
        review_id,
        "question",
        TextForm(request.POST, prefix="question"),
        lambda review, data: svc.add_review_question(actor=signed_in_user(request), review=review, text=data["text"]),
        "Question added.",
        "questions",
    )


@panel_required
@require_POST
def review_question_answer(request: HttpRequest, review_id: int, question_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    try:
        question = review.questions.get(pk=question_id)
    except ReviewQuestion.DoesNotExist as exc:
        raise Http404 from exc
    form = AnswerForm(request.POST, prefix=f"answer-{question.pk}")
    if form.is_valid():
        try:
            svc.answer_review_question(
                actor=signed_in_user(request), question=question, answer=form.cleaned_data["answer"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Answer saved.")
            return redirect(reverse("reviews:review", kwargs={"review_id": review.pk}) + "#questions")
    context = _review_context(request, review)
    context["answer_errors"] = {question.pk: form.errors.get("answer") or form.non_field_errors()}
    context["answer_typed"] = {question.pk: request.POST.get(f"answer-{question.pk}-answer", "")}
    _show_errors(context, form, f"id_answer-{question.pk}-")
    return render(request, "reviews/thematic/review.html", context, status=400)


@panel_required
@require_POST
def review_finding(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_post(
        request,
        review_id,
        "finding",
        FindingForm(request.POST, prefix="finding"),
        lambda review, data: svc.add_finding(actor=signed_in_user(request), review=review, **data),
        "Finding added.",
        "findings",
    )


@panel_required
@require_POST
def review_factor(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_post(
        request,
        review_id,
        "factor",
        FactorForm(request.POST, prefix="factor"),
        lambda review, data: svc.add_contributory_factor(actor=signed_in_user(request), review=review, **data),
        "Contributory factor added.",
        "factors",
    )


@panel_required
@require_POST
def review_recommendation(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    form = RecommendationForm(request.POST, prefix="recommendation", review=review)

    def act(review: ThematicReview, data: dict[str, Any]) -> None:
        finding = review.findings.filter(pk=data["finding"]).first() if data["finding"] else None
        svc.add_recommendation(actor=signed_in_user(request), review=review, text=data["text"], finding=finding)

    return _review_post(request, review_id, "recommendation", form, act, "Recommendation added.", "recommendations")


@panel_required
@require_POST
def review_action(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    form = ActionForm(request.POST, prefix="action", review=review)

    def act(review: ThematicReview, data: dict[str, Any]) -> None:
        recommendation = (
            review.recommendations.filter(pk=data["recommendation"]).first() if data["recommendation"] else None
        )
        svc.add_action(
            actor=signed_in_user(request),
            review=review,
            description=data["description"],
            owner=data["owner"],
            due_date=data["due_date"],
            recommendation=recommendation,
        )

    return _review_post(request, review_id, "action", form, act, "Action added.", "actions")


@panel_required
@require_POST
def review_action_update(request: HttpRequest, review_id: int, action_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    try:
        action = review.actions.get(pk=action_id)
    except ReviewAction.DoesNotExist as exc:
        raise Http404 from exc
    form = ActionUpdateForm(request.POST, prefix=f"update-{action.pk}")
    if form.is_valid():
        try:
            svc.update_action(actor=signed_in_user(request), action=action, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Action updated.")
            return redirect(reverse("reviews:review", kwargs={"review_id": review.pk}) + "#actions")
    context = _review_context(request, review)
    context["action_errors"] = {action.pk: [e for errors in form.errors.values() for e in errors]}
    _show_errors(context, form, f"id_update-{action.pk}-")
    return render(request, "reviews/thematic/review.html", context, status=400)


@panel_required
def review_action_edit(request: HttpRequest, review_id: int, action_id: int) -> HttpResponse:
    """Correct an action's wording, owner or due date while it is not done."""
    review = svc.access_review(request.user, review_id)
    try:
        action = review.actions.get(pk=action_id)
    except ReviewAction.DoesNotExist as exc:
        raise Http404 from exc
    if request.method == "POST":
        form = ActionEditForm(request.POST, prefix="edit")
        if form.is_valid():
            try:
                svc.edit_action(actor=signed_in_user(request), action=action, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, "Action changed.")
                return redirect(reverse("reviews:review", kwargs={"review_id": review.pk}) + "#actions")
        status = 400
    else:
        form = ActionEditForm(
            prefix="edit",
            initial={"description": action.description, "owner": action.owner, "due_date": action.due_date},
        )
        status = 200
    return render(
        request, "reviews/thematic/action_edit.html", {"review": review, "action": action, "form": form}, status=status
    )


@panel_required
@require_POST
def review_evidence(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    form = EvidenceForm(request.POST, prefix="evidence", user=request.user, review=review)
    return _review_post(
        request,
        review_id,
        "evidence",
        form,
        lambda review, data: svc.add_review_evidence(
            actor=signed_in_user(request), review=review, themes=[data["theme"]]
        ),
        "Theme added to the evidence.",
        "evidence",
    )


@panel_required
@require_POST
def review_complete(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    try:
        svc.complete_review(actor=signed_in_user(request), review=review)
    except ValidationError as exc:
        context = _review_context(request, review)
        context["complete_errors"] = exc.messages
        return render(request, "reviews/thematic/review.html", context, status=400)
    messages.success(request, "Review marked complete.")
    return redirect("reviews:review", review_id=review.pk)


def _learning_steps(
    request: HttpRequest,
    form: LearningForm,
    *,
    publish: Callable[[dict[str, Any]], Any],
    edit_page: Callable[[LearningForm, int], HttpResponse],
    check_url: str,
    back_url: str,
    caption: str,
    done_url: str,
    done_message: str,
) -> HttpResponse:
    """Publishing learning in two steps: the panel writes it, then sees it as
    staff will (de-identified, with what was removed) and publishes or changes
    it. The service de-identifies again on publishing, so nothing typed
    around the check step reaches staff."""
    if form.is_valid():
        data = form.cleaned_data
        text = {k: v for k, v in data.items() if k != "feedback_kind"}
        try:
            checked = learning_svc.prepare_learning(**text)
            if "confirm" in request.POST:
                publish(data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            if "confirm" in request.POST:
                messages.success(request, done_message)
                return redirect(done_url)
            if "change" in request.POST:
                return edit_page(LearningForm(prefix="learning", initial=data), 200)
            kinds = dict(FeedbackKind.choices)
            return render(
                request,
                "reviews/thematic/learning_check.html",
                {
                    "checked": checked,
                    "rows": [(name, LEARNING_LABELS[name], checked.fields[name]) for name in LEARNING_LABELS],
                    "labels": LEARNING_LABELS,
                    "feedback_kind": data["feedback_kind"],
                    "feedback_kind_label": kinds.get(data["feedback_kind"], ""),
                    "check_url": check_url,
                    "back_url": back_url,
                    "caption": caption,
                },
            )
    return edit_page(form, 400)


LEARNING_LABELS = {
    "title": "Title",
    "what_we_heard": "What we heard",
    "what_we_found": "What we found",
    "what_is_changing": "What is changing",
}


@panel_required
@require_POST
def review_learning(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    review_url = reverse("reviews:review", kwargs={"review_id": review.pk})

    def edit_page(form: LearningForm, status: int) -> HttpResponse:
        context = _review_context(request, review, learning=form)
        if form.errors:
            context["error_anchor"] = "learning"
            _show_errors(context, form, "id_learning-")
        return render(request, "reviews/thematic/review.html", context, status=status)

    return _learning_steps(
        request,
        LearningForm(request.POST, prefix="learning"),
        publish=lambda data: learning_svc.publish_learning(actor=signed_in_user(request), review=review, **data),
        edit_page=edit_page,
        check_url=reverse("reviews:review-learning", kwargs={"review_id": review.pk}),
        back_url=review_url + "#learning",
        caption=review.title,
        done_url=review_url + "#learning",
        done_message=(
            "Learning published to staff, to the receipt page of every linked report, and by email to staff who asked."
        ),
    )


@panel_required
def theme_learning(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Publish learning straight from a theme (a rapid fix or bulletin needs no review)."""
    theme = access_theme_as_panel(request.user, theme_id)

    def edit_page(form: LearningForm, status: int) -> HttpResponse:
        reports = learning_svc.linked_report_ids(theme=theme)
        published = list(theme.learning_sources.select_related("learning").order_by("-learning__published_at"))
        return render(
            request,
            "reviews/thematic/theme_learning.html",
            {"theme": theme, "form": form, "linked": len(reports), "published": published},
            status=status,
        )

    if request.method != "POST":
        return edit_page(LearningForm(prefix="learning", initial={"title": f"What we learned: {theme.title}"}), 200)
    url = reverse("reviews:theme-learning", kwargs={"theme_id": theme.pk})
    return _learning_steps(
        request,
        LearningForm(request.POST, prefix="learning"),
        publish=lambda data: learning_svc.publish_learning(actor=signed_in_user(request), theme=theme, **data),
        edit_page=edit_page,
        check_url=url,
        back_url=url,
        caption=theme.title,
        done_url=reverse("reviews:theme", kwargs={"theme_id": theme.pk}),
        done_message="Learning published.",
    )


class WithdrawLearningForm(forms.Form):
    reason = forms.CharField(
        max_length=1000, error_messages={"required": "Say why the learning is being withdrawn."}, widget=forms.Textarea
    )


@panel_required
def learning_withdraw(request: HttpRequest, learning_id: int) -> HttpResponse:
    """Withdraw a published summary (a panel member of its review or theme);
    "withdraw and correct" then shows the publishing form filled in with it."""
    source = learning_svc.access_learning_as_panel(request.user, learning_id)
    learning = source.learning
    if source.review is not None:
        back_url = reverse("reviews:review", kwargs={"review_id": source.review_id}) + "#learning"
    else:
        back_url = reverse("reviews:theme-learning", kwargs={"theme_id": source.theme_id})
    if request.method == "POST":
        form = WithdrawLearningForm(request.POST, prefix="withdraw")
        if form.is_valid():
            try:
                text = learning_svc.withdraw_learning(
                    actor=signed_in_user(request), learning=learning, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                if "correct" not in request.POST:
                    messages.success(request, "Learning withdrawn. Staff and reporters no longer see it.")
                    return redirect(back_url)
                messages.success(request, "Learning withdrawn. Correct it below and publish it again.")
                initial = {**text, "feedback_kind": source.feedback_kind}
                correction = LearningForm(prefix="learning", initial=initial)
                if source.review is not None:
                    context = _review_context(request, source.review, learning=correction)
                    return render(request, "reviews/thematic/review.html", context)
                assert source.theme is not None
                linked = len(learning_svc.linked_report_ids(theme=source.theme))
                return render(
                    request,
                    "reviews/thematic/theme_learning.html",
                    {"theme": source.theme, "form": correction, "linked": linked, "published": []},
                )
        status = 400
    else:
        form = WithdrawLearningForm(prefix="withdraw")
        status = 200
    return render(
        request,
        "reviews/thematic/learning_withdraw.html",
        {"learning": learning, "form": form, "back_url": back_url},
        status=status,
    )


# --- Exports ---------------------------------------------------------------------------


@panel_required
@require_POST
def export_request(request: HttpRequest, review_id: int) -> HttpResponse:
    review = svc.access_review(request.user, review_id)
    form = ExportForm(request.POST, prefix="export")
    if not form.is_valid():
        context = _review_context(request, review, export=form)
        _show_errors(context, form, "id_export-")
        return render(request, "reviews/thematic/review.html", context, status=400)
    job = svc.request_export(actor=signed_in_user(request), review=review, format=form.cleaned_data["format"])
    return redirect("reviews:export", job_id=job.pk)


# The job keeps only the exception's type (its message could quote review
# text); these say what the panel can do about each.
_EXPORT_FAILURES = {
    "LayoutError": (
        "Some text in the review is too long to fit on a page. Shorten the longest finding, "
        "recommendation or action (edit the action on the review page), then ask for a new pack."
    ),
    "Interrupted": "The pack took too long to build and was stopped. Ask for a new one.",
}
_EXPORT_FAILURE_OTHER = (
    "Something went wrong building the pack. Ask for a new one; if it fails again, ask for a DOCX pack "
    "and tell the Lantern support team."
)


@panel_required
@never_cache
@require_GET
def export_status(request: HttpRequest, job_id: int) -> HttpResponse:
    job = svc.access_export_job(request.user, job_id)
    context = {
        "job": job,
        "review": job.review,
        "retention_days": settings.EXPORT_RETENTION_DAYS,
        "failure_reason": _EXPORT_FAILURES.get(job.error, _EXPORT_FAILURE_OTHER) if job.error else "",
    }
    return render(request, "reviews/thematic/export.html", context)


@panel_required
@never_cache
@require_GET
def export_status_json(request: HttpRequest, job_id: int) -> JsonResponse:
    job = svc.access_export_job(request.user, job_id)
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "progress": job.progress,
            "download_url": reverse("reviews:export-download", kwargs={"job_id": job.pk})
            if job.state == ExportState.DONE
            else None,
        }
    )


# panel_required is typed for Callable[..., HttpResponse] (View in
# reviews/views/workspace.py), but a FileResponse is a StreamingHttpResponse;
# the decorator only passes the response through. Widening View to
# HttpResponseBase there would remove the need for this ignore.
@panel_required  # type: ignore[arg-type]
@never_cache
@require_GET
def export_download(request: HttpRequest, job_id: int) -> FileResponse:
    """The only way a pack leaves the server: files live under MEDIA_ROOT,
    which no URL serves, and only the review's panel gets here."""
    job = svc.access_export_job(request.user, job_id)
    if job.state != ExportState.DONE or not job.file_name:
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / job.file_name).resolve()
    if root not in path.parents or not path.is_file():
        raise Http404
    content_type = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }[job.format]
    response = FileResponse(path.open("rb"), as_attachment=True, filename=job.download_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Leadership --------------------------------------------------------------------------


@login_required
@require_GET
def leadership(request: HttpRequest) -> HttpResponse:
    """Systemic aggregates for leaders and panel members; 404 for everybody else."""
    scope = leadership_scope(request.user)
    if not scope:
        raise Http404
    summary = leadership_summary(organisation_ids=scope)
    return render(
        request,
        "reviews/leadership/summary.html",
        {"summary": summary, "threshold": settings.SUPPRESSION_THRESHOLD},
    )


@login_required
@require_GET
def leadership_csv(request: HttpRequest) -> HttpResponse:
    """The leadership summary as CSV, for a board paper; the same scope and suppression as the page."""
    scope = leadership_scope(request.user)
    if not scope:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lantern-leadership-{timezone.localdate():%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow(["section", "item", "value"])
    writer.writerows(summary_rows(leadership_summary(organisation_ids=scope)))
    return response

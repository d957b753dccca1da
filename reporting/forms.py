"""Forms for the reporter's pages.

The forms only parse and check input; ``reporting.services`` does the work.
Templates render every field by hand in GOV.UK Design System markup, so the
forms use ``auto_id="%s"``: each field's id is its name, which is what the
error summary links to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from reporting.choices import (
    ContributingFactor,
    GotWhatNeeded,
    HappenedBefore,
    IdentityMode,
    RaisedAtTime,
    ReachedChild,
    ReportKind,
    ServiceArea,
)
from reporting.services import Draft

EARLIEST_INCIDENT_YEAR = 2000
CONTACT_NOTE_MAX_CHARS = 300


def _choice_errors(what: str) -> dict[str, str]:
    return {"required": f"Select {what}", "invalid_choice": f"Select {what} from the list"}  # noqa: S608 - not SQL


class ReportForm(forms.Form):
    """One report: used for the first page, the preview's confirm form (with
    the structured answers as hidden fields) and the re-sign-in step."""

    kind = forms.ChoiceField(choices=ReportKind.choices, error_messages=_choice_errors("what kind of report this is"))
    narrative = forms.CharField(strip=False, error_messages={"required": "Enter what happened"}, widget=forms.Textarea)
    what_would_help = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    service_area = forms.ChoiceField(
        required=False, choices=ServiceArea.choices, error_messages=_choice_errors("a service area")
    )
    contributing_factors = forms.MultipleChoiceField(
        required=False,
        choices=ContributingFactor.choices,
        error_messages={
            "invalid_choice": "Select contributing factors from the list",
            "invalid_list": "Select contributing factors from the list",
        },
    )
    reached_child = forms.ChoiceField(
        required=False, choices=ReachedChild.choices, error_messages=_choice_errors("whether it reached the child")
    )
    raised_at_time = forms.ChoiceField(
        required=False, choices=RaisedAtTime.choices, error_messages=_choice_errors("whether you raised it at the time")
    )
    got_what_needed = forms.ChoiceField(
        required=False,
        choices=GotWhatNeeded.choices,
        error_messages=_choice_errors("whether you got what you needed"),
    )
    happened_before = forms.ChoiceField(
        required=False,
        choices=HappenedBefore.choices,
        error_messages=_choice_errors("whether this has happened before"),
    )
    incident_month_month = forms.CharField(required=False, max_length=2)
    incident_month_year = forms.CharField(required=False, max_length=4)
    identity_mode = forms.ChoiceField(
        choices=IdentityMode.choices,
        initial=IdentityMode.CONFIDENTIAL,
        error_messages=_choice_errors("confidential or anonymous"),
    )
    contact_note = forms.CharField(
        required=False,
        max_length=CONTACT_NOTE_MAX_CHARS,
        error_messages={"max_length": f"Contact details must be {CONTACT_NOTE_MAX_CHARS} characters or fewer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)

    @property
    def max_chars(self) -> int:
        return settings.NARRATIVE_MAX_CHARS

    def _check_length(self, field: str, label: str) -> str:
        value: str = self.cleaned_data.get(field, "")
        if len(value) > settings.NARRATIVE_MAX_CHARS:
            raise ValidationError(f"{label} must be {settings.NARRATIVE_MAX_CHARS:,} characters or fewer")
        return value

    def clean_narrative(self) -> str:
        value = self._check_length("narrative", "What happened")
        if not value.strip():
            raise ValidationError("Enter what happened")
        return value

    def clean_what_would_help(self) -> str:
        return self._check_length("what_would_help", "What would have helped")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["incident_month"] = self._clean_incident_month(
            (cleaned.get("incident_month_month") or "").strip(), (cleaned.get("incident_month_year") or "").strip()
        )
        if cleaned.get("identity_mode") == IdentityMode.ANONYMOUS:
            # An anonymous report keeps nothing that points back to its author.
            cleaned["contact_note"] = ""
        return cleaned

    def _clean_incident_month(self, month_text: str, year_text: str) -> dt.date | None:
        if not month_text and not year_text:
            return None
        if not month_text:
            self.add_error("incident_month_month", "The month it happened must include a month")
            return None
        if not year_text:
            self.add_error("incident_month_year", "The month it happened must include a year")
            return None
        if not (month_text.isdigit() and 1 <= int(month_text) <= 12):
            self.add_error("incident_month_month", "Month must be a number from 1 to 12")
            return None
        if not (year_text.isdigit() and len(year_text) == 4):
            self.add_error("incident_month_year", "Year must include 4 numbers, for example 2025")
            return None
        month = dt.date(int(year_text), int(month_text), 1)
        today = timezone.localdate()
        if month > today:
            self.add_error("incident_month_month", "The month it happened must be this month or in the past")
            return None
        if month.year < EARLIEST_INCIDENT_YEAR:
            self.add_error("incident_month_year", f"Year must be {EARLIEST_INCIDENT_YEAR} or later")
            return None
        return month

    def to_draft(self) -> Draft:
        data = self.cleaned_data
        return Draft(
            kind=data["kind"],
            narrative=data["narrative"],
            what_would_help=data.get("what_would_help", ""),
            service_area=data.get("service_area", ""),
            contributing_factors=tuple(data.get("contributing_factors", ())),
            reached_child=data.get("reached_child", ""),
            raised_at_time=data.get("raised_at_time", ""),
            got_what_needed=data.get("got_what_needed", ""),
            happened_before=data.get("happened_before", ""),
            incident_month=data.get("incident_month"),
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Attach a service-layer ValidationError to the matching fields."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            target = "incident_month_month" if field == "incident_month" else field
            self.add_error(target if target in self.fields else None, errors)

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the GOV.UK error summary, in page order."""
        links: list[tuple[str, str]] = []
        for name in [*self.fields, "__all__"]:
            for message in self.errors.get(name, []):
                links.append((self.anchor_for(name), str(message)))
        return links

    @staticmethod
    def anchor_for(name: str) -> str:
        if name == "incident_month_month":
            return "incident_month-month"
        if name == "incident_month_year":
            return "incident_month-year"
        if name == "__all__":
            return "narrative"
        return name


class ReceiptLookupForm(forms.Form):
    reference = forms.CharField(max_length=20, error_messages={"required": "Enter your report reference"})
    secret = forms.CharField(max_length=64, strip=True, error_messages={"required": "Enter your secret"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    token = forms.CharField()
    question = forms.IntegerField()
    answer = forms.CharField(strip=False, required=False)

    def clean_answer(self) -> str:
        answer: str = self.cleaned_data.get("answer", "")
        if not answer.strip():
            raise ValidationError("Enter your answer")
        if len(answer) > settings.NARRATIVE_MAX_CHARS:
            raise ValidationError(f"Your answer must be {settings.NARRATIVE_MAX_CHARS:,} characters or fewer")
        return answer

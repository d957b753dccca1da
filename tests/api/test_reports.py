"""POST /api/v1/reports/ and /api/v1/reports/preview/."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from reporting.models import AuditEvent, Organisation, OutboxMessage, Report, ReporterIdentity, User
from tests.factories import UserFactory

CREATE = reverse("api:report-create")
PREVIEW = reverse("api:report-preview")

NARRATIVE = (
    "The police notification for Leo Hartley arrived nine days late. His mum, Sarah Hartley, "
    "rang us on 07700 900123 before anyone had read it."
)
LIVE_NARRATIVE = (
    "Aisha told her teacher this morning that her stepdad hit her. As far as I know she is at home with him "
    "right now and nobody has seen her since. The duty screener said they would look into it next week."
)


def post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def draft(**overrides: Any) -> dict[str, Any]:
    return {"kind": "near_miss", "narrative": NARRATIVE, "service_area": "child_protection", **overrides}


# --- who may file ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, PREVIEW])
def test_signed_out_caller_is_refused(login: Callable[[User | None], Client], url: str) -> None:
    response = post(login(None), url, draft())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")
    assert Report.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, PREVIEW])
def test_user_without_organisation_is_refused(login: Callable[[User | None], Client], url: str) -> None:
    stranger = UserFactory(username="no-org", organisation=None)
    response = post(login(stranger), url, draft())
    assert response.status_code == 403
    assert Report.objects.count() == 0


def test_get_is_not_allowed(login: Callable[[User | None], Client], reporter: User) -> None:
    assert login(reporter).get(CREATE).status_code == 405


# --- filing --------------------------------------------------------------------------------


def test_anonymous_report_is_filed_de_identified_with_a_receipt(
    login: Callable[[User | None], Client], reporter: User, organisation: Organisation
) -> None:
    response = post(login(reporter), CREATE, draft(identity_mode="anonymous"))

    assert response.status_code == 201, response.content
    body = response.json()
    report = Report.objects.get()
    assert body["reference"] == report.reference
    assert len(body["receipt_secret"]) >= 16  # 96 random bits, url-safe
    assert body["receipt_secret"] not in report.receipt_secret_hash
    assert body["identity_mode"] == "anonymous"
    assert body["live_concern"] is False
    assert body["live_concern_message"] is None
    assert report.organisation == organisation
    for detail in ("Leo Hartley", "Sarah", "07700 900123"):
        assert detail not in body["narrative"]
        assert detail not in report.narrative
    assert body["narrative"] == report.narrative
    assert not ReporterIdentity.objects.exists()


def test_confidential_is_the_default_and_keeps_identity_apart(
    login: Callable[[User | None], Client], reporter: User
) -> None:
    response = post(login(reporter), CREATE, draft(contact_note="Mornings, by phone"))

    assert response.status_code == 201
    assert response.json()["identity_mode"] == "confidential"
    identity = ReporterIdentity.objects.get()
    assert identity.user == reporter
    assert identity.contact_note == "Mornings, by phone"
    assert identity.report.reference == response.json()["reference"]


def test_all_answers_are_stored(login: Callable[[User | None], Client], reporter: User) -> None:
    body = draft(
        kind="workaround",
        what_would_help="A shared inbox.",
        contributing_factors=["other_agency_information", "time_pressure"],
        reached_child="no",
        raised_at_time="ignored",
        got_what_needed="partly",
        happened_before="yes",
        incident_month="2024-02",
    )
    assert post(login(reporter), CREATE, body).status_code == 201
    report = Report.objects.get()
    assert report.kind == "workaround"
    assert report.contributing_factors == ["other_agency_information", "time_pressure"]
    assert (report.reached_child, report.raised_at_time, report.got_what_needed, report.happened_before) == (
        "no",
        "ignored",
        "partly",
        "yes",
    )
    assert str(report.incident_month) == "2024-02-01"


def test_outsider_files_into_their_own_organisation_only(
    login: Callable[[User | None], Client], outsider: User, organisation: Organisation
) -> None:
    # There is no way to name another organisation: the caller's own is used.
    response = post(login(outsider), CREATE, draft(organisation=organisation.slug, identity_mode="anonymous"))
    assert response.status_code == 201
    assert Report.objects.get().organisation == outsider.organisation
    assert not Report.objects.filter(organisation=organisation).exists()


def test_live_concern_tells_the_reporter_what_to_do_now(
    login: Callable[[User | None], Client], reporter: User, organisation: Organisation
) -> None:
    response = post(login(reporter), CREATE, draft(narrative=LIVE_NARRATIVE, reached_child="yes"))

    assert response.status_code == 201
    body = response.json()
    assert body["live_concern"] is True
    assert "safeguarding procedures now" in body["live_concern_message"]
    assert organisation.duty_contact in body["live_concern_message"]
    report = Report.objects.get()
    assert report.live_concern and not report.urgent_alerted  # waiting for the alert task or its sweep


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (draft(narrative=""), "narrative"),
        (draft(narrative="   \n "), "narrative"),
        (draft(narrative="x" * 100_000), "narrative"),
        (draft(what_would_help="y" * 100_000), "what_would_help"),
        (draft(kind="catastrophe"), "kind"),
        (draft(service_area="mars"), "service_area"),
        (draft(contributing_factors=["bad_luck"]), "contributing_factors"),
        (draft(contributing_factors="time_pressure"), "contributing_factors"),
        (draft(reached_child="maybe"), "reached_child"),
        (draft(incident_month="March"), "incident_month"),
        (draft(incident_month="2999-01"), "incident_month"),
        ({"narrative": NARRATIVE}, "kind"),
        (draft(narrative=12), "narrative"),
    ],
)
@pytest.mark.parametrize("url", [CREATE, PREVIEW])
def test_bad_input_gets_field_errors(
    login: Callable[[User | None], Client], reporter: User, url: str, body: dict[str, Any], field: str
) -> None:
    response = post(login(reporter), url, body)

    assert response.status_code == 400, response.content
    errors = response.json()
    assert field in errors
    assert isinstance(errors[field], list | dict) and errors[field]
    assert Report.objects.count() == 0


def test_unknown_identity_mode_is_refused(login: Callable[[User | None], Client], reporter: User) -> None:
    response = post(login(reporter), CREATE, draft(identity_mode="public"))
    assert response.status_code == 400
    assert "identity_mode" in response.json()
    assert Report.objects.count() == 0


@pytest.mark.parametrize("url", [CREATE, PREVIEW])
def test_malformed_json_is_a_clear_400(login: Callable[[User | None], Client], reporter: User, url: str) -> None:
    response = login(reporter).post(url, data='{"kind": "near_miss", "narrative": ', content_type="application/json")

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    assert Report.objects.count() == 0


def test_a_json_array_is_refused(login: Callable[[User | None], Client], reporter: User) -> None:
    response = post(login(reporter), CREATE, [draft()])
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_an_error_response_never_echoes_the_narrative(login: Callable[[User | None], Client], reporter: User) -> None:
    response = post(login(reporter), CREATE, draft(kind="bogus"))
    assert response.status_code == 400
    assert "Hartley" not in response.content.decode()


# --- preview ---------------------------------------------------------------------------------


def test_preview_de_identifies_and_stores_nothing(login: Callable[[User | None], Client], reporter: User) -> None:
    response = post(login(reporter), PREVIEW, draft())

    assert response.status_code == 200
    body = response.json()
    assert "Leo Hartley" not in body["narrative"]
    assert "07700 900123" not in body["narrative"]
    assert body["redacted_count"] >= 3
    assert body["live_concern"] is False
    assert (Report.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


def test_preview_warns_of_live_concern(
    login: Callable[[User | None], Client], reporter: User, organisation: Organisation
) -> None:
    body = post(login(reporter), PREVIEW, draft(narrative=LIVE_NARRATIVE, reached_child="yes")).json()
    assert body["live_concern"] is True
    assert organisation.duty_contact in body["live_concern_message"]
    assert Report.objects.count() == 0


def test_preview_prompts_gently_when_a_colleague_is_blamed(
    login: Callable[[User | None], Client], reporter: User
) -> None:
    narrative = "The referral sat in the tray for a week. It was entirely my manager's fault, she is useless."
    body = post(login(reporter), PREVIEW, draft(narrative=narrative)).json()
    assert body["blame_phrases"]
    assert "rather than who" in body["blame_prompt"]


def test_preview_without_blame_has_no_prompt(login: Callable[[User | None], Client], reporter: User) -> None:
    body = post(login(reporter), PREVIEW, draft()).json()
    assert body["blame_phrases"] == []
    assert body["blame_prompt"] is None


def test_live_concern_without_a_configured_duty_contact_still_says_what_to_do(
    login: Callable[[User | None], Client], reporter: User, organisation: Organisation
) -> None:
    organisation.duty_contact = ""
    organisation.save()
    body = post(login(reporter), PREVIEW, draft(narrative=LIVE_NARRATIVE, reached_child="yes")).json()
    assert body["live_concern"] is True
    assert "duty manager" in body["live_concern_message"]

"""Signed out gets 401 with a challenge; signed in but not allowed stays 403 (or 404 where the
pages hide that a thing exists); the challenge never makes a browser pop up a password box."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from reporting.models import Report, User
from tests.factories import PASSWORD, UserFactory

Login = Callable[[User | None], Client]
DRAFT = {
    "kind": "near_miss",
    "narrative": "The strategy meeting went ahead without police.",
    "service_area": "child_protection",
}
SIGNED_IN_ENDPOINTS = [
    ("post", reverse("api:report-create")),
    ("post", reverse("api:report-preview")),
    ("get", reverse("api:panel-themes")),
    ("get", reverse("api:panel-urgent")),
    ("get", reverse("api:contact-questions")),
]


def call(client: Client, method: str, url: str, **headers: str) -> Any:
    if method == "post":
        return client.post(url, data=json.dumps(DRAFT), content_type="application/json", headers=headers)
    return client.get(url, headers=headers)


def basic(user: User, password: str = PASSWORD) -> str:
    return "Basic " + base64.b64encode(f"{user.username}:{password}".encode()).decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), SIGNED_IN_ENDPOINTS)
def test_a_signed_out_script_gets_401_and_a_basic_challenge(login: Login, method: str, url: str) -> None:
    response = call(login(None), method, url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Basic realm="Lantern API", charset="UTF-8"'


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), SIGNED_IN_ENDPOINTS)
def test_a_signed_out_browser_gets_401_without_a_password_box(login: Login, method: str, url: str) -> None:
    response = call(login(None), method, url, Sec_Fetch_Mode="navigate", Accept="text/html")
    assert response.status_code == 401
    # Only Basic (and the like) make a browser ask for a password; a Session challenge does not.
    assert response["WWW-Authenticate"] == 'Session realm="Lantern"'


@pytest.mark.django_db
def test_the_browsable_api_answers_a_signed_out_browser_with_a_page(login: Login) -> None:
    response = login(None).get(
        reverse("api:panel-themes"), headers={"Sec-Fetch-Mode": "navigate", "Accept": "text/html"}
    )
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/html")
    assert "Authentication credentials were not provided." in response.content.decode()


@pytest.mark.django_db
def test_wrong_basic_credentials_get_401_and_the_challenge_again(login: Login, reporter: User) -> None:
    response = call(login(None), "post", reverse("api:report-preview"), Authorization=basic(reporter, "wrong"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")


@pytest.mark.django_db
def test_a_script_that_answers_the_challenge_is_signed_in(login: Login, reporter: User) -> None:
    response = call(login(None), "post", reverse("api:report-create"), Authorization=basic(reporter))
    assert response.status_code == 201
    assert Report.objects.filter(organisation=reporter.organisation).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("url", [reverse("api:report-create"), reverse("api:report-preview")])
@pytest.mark.parametrize("by_basic", [False, True])
def test_signed_in_but_not_allowed_stays_403(login: Login, url: str, by_basic: bool) -> None:
    stranger = UserFactory(username="no-org", organisation=None)
    client, headers = (login(None), {"Authorization": basic(stranger)}) if by_basic else (login(stranger), {})
    response = call(client, "post", url, **headers)
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_signed_in_non_panel_members_still_get_404_from_the_panel_api(login: Login, reporter: User) -> None:
    response = login(reporter).get(reverse("api:panel-themes"))
    assert response.status_code == 404
    assert "WWW-Authenticate" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_need_no_sign_in(page: str) -> None:
    assert Client().get(page).status_code == 200


@pytest.mark.django_db
def test_receipt_look_ups_need_no_sign_in(login: Login) -> None:
    body = json.dumps({"reference": "LR-AAAA-BBBB", "secret": "not-the-secret"})
    response = login(None).post(reverse("api:receipt-lookup"), data=body, content_type="application/json")
    assert response.status_code == 404

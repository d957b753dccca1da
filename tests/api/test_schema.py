"""The OpenAPI schema validates and the docs are served without a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client


def test_schema_validates_without_warnings(tmp_path: Path) -> None:
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = out.read_text()
    for path in (
        "/api/v1/reports/",
        "/api/v1/reports/preview/",
        "/api/v1/receipts/lookup/",
        "/api/v1/receipts/answer/",
    ):
        assert f"  {path}:" in schema


@pytest.mark.django_db
def test_schema_endpoint_serves_every_operation() -> None:
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) >= {"/api/v1/reports/", "/api/v1/reports/preview/", "/api/v1/receipts/lookup/"}
    assert paths["/api/v1/receipts/lookup/"]["post"]["security"] == [{}]  # no sign-in


@pytest.mark.django_db
def test_docs_are_served_locally_within_the_content_security_policy() -> None:
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html and "googleapis" not in html
    assert "/static/drf_spectacular_sidecar/" in html
    # Scripts and styles from files only: the CSP allows nothing inline.
    assert "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    script = Client().get("/api/docs/?script")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()

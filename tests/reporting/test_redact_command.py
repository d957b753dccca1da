"""manage.py redact, as docs/CONTRACTS.md describes it: JSON Lines in and out, no database."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from reporting.deid import SPAN_TYPES

TEXT = (
    "Leo Hartley (LCS-448120) lives at 12 Acacia Road, NE1 4XY with his mum. "
    "Call 07700 900123 or email sarah.hartley@example.com."
)


def run_in_process(monkeypatch: pytest.MonkeyPatch, stdin: bytes) -> tuple[list[dict[str, object]], str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    out, err = io.StringIO(), io.StringIO()
    call_command("redact", stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


# No django_db mark: pytest-django fails any test here that touches the database.
def test_redacts_each_line_with_spans_into_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = (json.dumps({"id": "a", "text": TEXT}) + "\n" + json.dumps({"id": 7, "text": "Nothing personal."})).encode()
    results, err = run_in_process(monkeypatch, stdin)

    assert err == ""
    assert [r["id"] for r in results] == ["a", 7]
    first = results[0]
    assert set(first) == {"id", "redacted", "spans"}
    for detail in ("Leo Hartley", "LCS-448120", "NE1 4XY", "07700 900123", "sarah.hartley@example.com"):
        assert detail not in first["redacted"]
    spans = first["spans"]
    assert isinstance(spans, list)
    found = {TEXT[s["start"] : s["end"]]: s["type"] for s in spans}
    assert found["07700 900123"] == "PHONE"
    assert found["NE1 4XY"] == "POSTCODE"
    assert found["sarah.hartley@example.com"] == "EMAIL"
    assert all(s["type"] in SPAN_TYPES for s in spans)
    assert results[1] == {"id": 7, "redacted": "Nothing personal.", "spans": []}


def test_bad_lines_are_reported_by_number_and_the_rest_carries_on(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = b"\n".join(
        [
            b"{not json about Leo Hartley",
            json.dumps({"id": 2, "text": 5}).encode(),
            b"",
            b"[1, 2]",
            b"\xff\xfe bytes",
            json.dumps({"id": "ok", "text": "Call 07700 900123."}).encode(),
        ]
    )
    results, err = run_in_process(monkeypatch, stdin)

    assert [r["id"] for r in results] == ["ok"]
    lines = err.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == ["line 1", "line 2", "line 4", "line 5"]
    assert "Leo Hartley" not in err


def test_non_ascii_text_keeps_its_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Zoë’s social worker rang 07700 900999 — twice."
    results, _ = run_in_process(monkeypatch, json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode())
    phone = next(s for s in results[0]["spans"] if s["type"] == "PHONE")  # type: ignore[union-attr]
    assert text[phone["start"] : phone["end"]] == "07700 900999"


def test_works_with_the_database_unreachable(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere"}
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    stdin = json.dumps({"id": "x", "text": TEXT}) + "\nnot json\n"
    result = subprocess.run(
        [sys.executable, str(manage), "redact"], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )

    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["id"] == "x"
    assert "07700 900123" not in line.split('"spans"')[0]
    assert "line 2: not valid JSON" in result.stderr

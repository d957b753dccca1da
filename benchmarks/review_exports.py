"""Benchmark the thematic review pack renderers (DOCX and PDF) on sample reports.

Usage:
    .venv/bin/python benchmarks/review_exports.py [--data DIR] [--repeat N]

No database: a ``ReviewPack`` (plain data) is built from the sample reports,
de-identified with the product's ``reporting.deid.redact_fields`` first. Figures
are given for the even half of the ids (developed against), the odd half and
the full set: render time (median of N), file size, and how many suppressed
counts leaked into the text (must be 0: the check looks for the small counts
in the DOCX text).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from docx import Document  # noqa: E402

from reporting.choices import ReportKind, ServiceArea  # noqa: E402
from reporting.deid import redact_fields  # noqa: E402
from reviews.exports import (  # noqa: E402
    PackAction,
    PackTheme,
    ReviewPack,
    chart_series,
    render_docx,
    render_pdf,
    shown_count,
)

DEFAULT_DATA = Path("/work/shared/data")
THRESHOLD = 5
SUPPRESSED = 0  # categories below the threshold in the last pack built


def build_pack(rows: list[dict], name: str) -> tuple[ReviewPack, set[int]]:
    texts = [redact_fields({"n": r["narrative"]})["n"].text for r in rows]
    areas = Counter(r.get("service_area", "") for r in rows)
    kinds = Counter(r.get("kind", "") for r in rows)
    small = {n for n in [*areas.values(), *kinds.values()] if 0 < n < THRESHOLD}
    global SUPPRESSED
    SUPPRESSED = sum(1 for n in [*areas.values(), *kinds.values()] if 0 < n < THRESHOLD)
    # Themes: one per service area, as a stand-in for the engine's clusters.
    themes = tuple(
        PackTheme(title=f"Reports from {label}", size=shown_count(areas.get(value, 0), THRESHOLD),
                  keywords=(value,), excerpts=())
        for value, label in ServiceArea.choices
        if areas.get(value)
    )  # fmt: skip
    pack = ReviewPack(
        title=f"Benchmark review ({name})",
        panel="Benchmark panel",
        started="2026-01-01",
        status="In progress",
        generated="2026-01-02",
        terms_of_reference="How information reaches the people who need it.",
        evidence_reports=shown_count(len(rows), THRESHOLD),
        threshold=THRESHOLD,
        questions=(("Where does information wait?", "In shared inboxes."),),
        themes=themes,
        excerpts=tuple(t[:300] for t in texts[:6]),
        charts=(
            chart_series("Service areas", [(lbl, areas.get(v, 0)) for v, lbl in ServiceArea.choices], THRESHOLD),
            chart_series("Kinds of report", [(lbl, kinds.get(v, 0)) for v, lbl in ReportKind.choices], THRESHOLD),
        ),
        findings=(("Tools", "Shared inboxes have no owner."),),
        factors=(("Recording system or forms", "No alerting."),),
        recommendations=("Give each inbox an owner role.",),
        actions=(PackAction("Name an owner role", "Front Door team manager", "2026-03-31", "Not started", False, ""),),
    )
    return pack, small


def leaks(docx: bytes, small: set[int]) -> int:
    document = Document(io.BytesIO(docx))
    text = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows
                                                               for c in r.cells])  # fmt: skip
    count_phrases = re.findall(r"(?:Reports in theme|Reports linked as evidence): ([\w ,]+)\.", text)
    return sum(1 for phrase in count_phrases if phrase.strip().isdigit() and int(phrase) in small)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "sample_reports.jsonl").read_text().splitlines() if line.strip()]
    halves = {
        "even": [r for r in rows if r["id"][-1] in "02468"],
        "odd": [r for r in rows if r["id"][-1] not in "02468"],
        "full": rows,
    }
    print(
        f"{'set':<5} {'reports':>7} {'docx ms':>8} {'docx KB':>8} {'pdf ms':>8} {'pdf KB':>8} {'leaks':>6}"
        f" {'small categories':>17}"
    )
    for name, subset in halves.items():
        pack, small = build_pack(subset, name)
        timings: dict[str, list[float]] = {"docx": [], "pdf": []}
        outputs: dict[str, bytes] = {}
        for _ in range(args.repeat):
            for fmt, render in (("docx", render_docx), ("pdf", render_pdf)):
                start = time.perf_counter()
                outputs[fmt] = render(pack)
                timings[fmt].append((time.perf_counter() - start) * 1000)
        print(
            f"{name:<5} {len(subset):>7} {statistics.median(timings['docx']):>8.0f} {len(outputs['docx']) / 1024:>8.1f}"
            f" {statistics.median(timings['pdf']):>8.0f} {len(outputs['pdf']) / 1024:>8.1f}"
            f" {leaks(outputs['docx'], small):>6} {SUPPRESSED:>17}"
        )


if __name__ == "__main__":
    main()

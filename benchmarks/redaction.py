"""Benchmark the de-identification engine against the gold personal-detail spans.

Usage:
    .venv/bin/python benchmarks/redaction.py [--data DIR] [--passes 5] [--json] [--errors even|odd|all]

Reads DIR/sample_reports.jsonl and DIR/sample_labels.jsonl (default /work/shared/data),
redacts narrative + what_would_help of each report together with ``redact_fields`` and
compares the predicted spans with the gold ``pii_spans``.

Matching rules (both printed):
- overlap: a gold span is found (recall) if some predicted span of the same type in the
  same field overlaps it by at least one character; a predicted span is correct
  (precision) if it overlaps some gold span of the same type in the same field;
- exact: same field, same type, same start and end.

"Leaks" counts gold spans whose text still appears verbatim (as a whole word) in the
redacted output of their field. Figures are given for the reports whose id ends in an
even digit (the half the engine was developed against), the odd half, and all reports.
Timing is the wall-clock time of one ``redact_fields`` call per report, over --passes
passes (the first call, which loads the gazetteer, is made before timing starts).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reporting.deid import SPAN_TYPES, redact_fields

FIELDS = ("narrative", "what_would_help")


def load(data_dir: Path) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    reports = [json.loads(line) for line in (data_dir / "sample_reports.jsonl").open(encoding="utf-8") if line.strip()]
    labels = {
        rec["id"]: rec["pii_spans"]
        for rec in (
            json.loads(line) for line in (data_dir / "sample_labels.jsonl").open(encoding="utf-8") if line.strip()
        )
    }
    return [(r, labels.get(r["id"], [])) for r in reports]


def half_of(report_id: str) -> str:
    digits = re.findall(r"\d", report_id)
    return "even" if digits and int(digits[-1]) % 2 == 0 else "odd"


def evaluate(data: list[tuple[dict[str, Any], list[dict[str, Any]]]], show_errors: str | None) -> dict[str, Any]:
    # counts[split][type] = {tp_gold, gold, tp_pred, pred, exact}
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    leaks: dict[str, int] = defaultdict(int)
    not_idempotent: dict[str, int] = defaultdict(int)
    for report, gold in data:
        fields = {f: report.get(f) or "" for f in FIELDS}
        result = redact_fields(fields)
        again = redact_fields({f: r.text for f, r in result.items()})
        split = half_of(report["id"])
        for f in FIELDS:
            if again[f].text != result[f].text:
                for s in (split, "all"):
                    not_idempotent[s] += 1
        for s in (split, "all"):
            for f in FIELDS:
                golds = [g for g in gold if g["field"] == f]
                preds = list(result[f].spans)
                for g in golds:
                    c = counts[s][g["type"]]
                    c["gold"] += 1
                    if any(p.type == g["type"] and p.start < g["end"] and g["start"] < p.end for p in preds):
                        c["tp_gold"] += 1
                    elif show_errors == s:
                        print(f"MISS {report['id']} {g['type']}: {g['text']!r}", file=sys.stderr)
                    if any((p.type, p.start, p.end) == (g["type"], g["start"], g["end"]) for p in preds):
                        c["exact"] += 1
                    if re.search(r"(?<!\w)" + re.escape(g["text"]) + r"(?!\w)", result[f].text):
                        leaks[s] += 1
                for p in preds:
                    c = counts[s][p.type]
                    c["pred"] += 1
                    if any(p.type == g["type"] and p.start < g["end"] and g["start"] < p.end for g in golds):
                        c["tp_pred"] += 1
                    elif show_errors == s:
                        text = fields[f]
                        print(
                            f"FALSE {report['id']} {p.type}: {text[p.start : p.end]!r} "
                            f"in ...{text[max(0, p.start - 40) : p.end + 30]!r}",
                            file=sys.stderr,
                        )
    out: dict[str, Any] = {}
    for split in ("even", "odd", "all"):
        per_type = {}
        totals: dict[str, int] = defaultdict(int)
        for t in SPAN_TYPES:
            c = counts[split][t]
            for k in ("tp_gold", "gold", "tp_pred", "pred", "exact"):
                totals[k] += c[k]
            per_type[t] = _scores(c)
        out[split] = {
            "per_type": per_type,
            "overall": _scores(totals),
            "leaks": leaks[split],
            "non_idempotent_fields": not_idempotent[split],
        }
    return out


def _scores(c: dict[str, int]) -> dict[str, Any]:
    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    precision, recall = ratio(c["tp_pred"], c["pred"]), ratio(c["tp_gold"], c["gold"])
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else None
    exact_p, exact_r = ratio(c["exact"], c["pred"]), ratio(c["exact"], c["gold"])
    return {
        "support": c["gold"],
        "predicted": c["pred"],
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact_precision": exact_p,
        "exact_recall": exact_r,
    }


def time_it(data: list[tuple[dict[str, Any], list[dict[str, Any]]]], passes: int) -> dict[str, float]:
    redact_fields({"text": "warm-up"})
    samples = []
    for _ in range(passes):
        for report, _gold in data:
            fields = {f: report.get(f) or "" for f in FIELDS}
            t0 = time.perf_counter()
            redact_fields(fields)
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return {
        "reports": len(data),
        "passes": passes,
        "mean_ms": round(statistics.fmean(samples), 3),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 3),
        "max_ms": round(samples[-1], 3),
    }


def _fmt(v: float | None) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def print_table(results: dict[str, Any], timing: dict[str, float]) -> None:
    for split in ("even", "odd", "all"):
        r = results[split]
        print(f"\n== {split} (overlap match; exact-boundary in the last two columns) ==")
        print(f"{'type':<11} {'support':>7} {'pred':>5} {'prec':>6} {'recall':>6} {'f1':>6} {'ex_p':>6} {'ex_r':>6}")
        for t, s in [*r["per_type"].items(), ("OVERALL", r["overall"])]:
            if not s["support"] and not s["predicted"]:
                continue
            print(
                f"{t:<11} {s['support']:>7} {s['predicted']:>5} {_fmt(s['precision']):>6} {_fmt(s['recall']):>6} "
                f"{_fmt(s['f1']):>6} {_fmt(s['exact_precision']):>6} {_fmt(s['exact_recall']):>6}"
            )
        print(
            f"leaks (gold text still in output): {r['leaks']}   "
            f"fields changed by a second redaction: {r['non_idempotent_fields']}"
        )
    print(
        f"\ntiming: {timing['reports']} reports x {timing['passes']} passes: mean {timing['mean_ms']} ms, "
        f"p95 {timing['p95_ms']} ms, max {timing['max_ms']} ms per report"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument(
        "--errors",
        choices=("even", "odd", "all"),
        help="list misses and false positives of that split on stderr (develop on even, keep odd unseen)",
    )
    args = parser.parse_args()
    data = load(args.data)
    results = evaluate(data, args.errors)
    timing = time_it(data, args.passes)
    if args.json:
        print(json.dumps({"matching": "overlap+same type+same field; exact also given", **results, "timing": timing}))
    else:
        print_table(results, timing)


if __name__ == "__main__":
    main()

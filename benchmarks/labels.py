"""Benchmark the labeller, the live-concern screen and their speed on labelled reports.

Usage:
    .venv/bin/python benchmarks/labels.py [--data DIR] [--json] [--seed N] [--seeds K] [--within]

Reads DIR/sample_reports.jsonl and DIR/sample_labels.jsonl (gold labels may be
read here, never in product code). Text given to the labeller is the narrative +
" " + what_would_help with the gold personal-detail spans replaced by "[TYPE]"
placeholders, a crude stand-in for the product's de-identification.

Reports are split into two halves by the last digit of their id (even = the
half the cues were developed against, odd = held out) and every figure is given
for each half and for the full set.

Sections:
* zero-shot: macro-F1 and per-class precision/recall, no model;
* after feedback: train on the gold labels of a random half (seeded), test on the
  other half; also the mean over K seeds, and even->odd / odd->even transfer;
* with --within, feedback inside each half: train on a random half of that half (60
  corrections), test on the rest, mean macro-F1 over K seeds. This is the closest the
  sample comes to another department's feedback: for the odd half the cues were not
  written against either the corrections or the test reports (aggregate figures only);
* live concern: recall, precision, missed and false-alarm ids (ids for the sample's even half only,
  counts elsewhere);
* speed: ms per report for suggest (with and without a model), for screening,
  and the time to train.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reporting.analysis.labels import (
    CHOICES,
    DIMENSIONS,
    LabelInput,
    LabelModel,
    suggest,
    suggest_many,
    train,
)
from reporting.analysis.screening import screen_live_concern

DEFAULT_DATA = Path("/work/shared/data")


def _deidentify(text: str, spans: Sequence[dict[str, Any]]) -> str:
    for span in sorted(spans, key=lambda s: s["start"], reverse=True):
        text = text[: span["start"]] + f"[{span['type']}]" + text[span["end"] :]
    return text


def load(data_dir: Path) -> list[dict[str, Any]]:
    labels = {}
    with open(data_dir / "sample_labels.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                labels[row["id"]] = row
    records = []
    with open(data_dir / "sample_reports.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            report = json.loads(line)
            gold = labels[report["id"]]
            spans = gold.get("pii_spans", [])
            narrative = _deidentify(report["narrative"], [s for s in spans if s["field"] == "narrative"])
            help_text = _deidentify(
                report.get("what_would_help") or "", [s for s in spans if s["field"] == "what_would_help"]
            )
            text = (narrative + " " + help_text).strip()
            records.append(
                {
                    "id": report["id"],
                    "input": LabelInput(
                        text=text, kind=report.get("kind") or "", service_area=report.get("service_area") or ""
                    ),
                    "gold": {dim: gold[dim] for dim in DIMENSIONS},
                    "live": bool(gold.get("live_concern")),
                }
            )
    return records


def half(records: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    if which == "all":
        return records
    parity = 0 if which == "even" else 1
    return [r for r in records if int(r["id"][-1]) % 2 == parity]


def evaluate(records: list[dict[str, Any]], model: LabelModel | None) -> dict[str, Any]:
    predictions = suggest_many([r["input"] for r in records], model)
    out: dict[str, Any] = {}
    for dim in DIMENSIONS:
        gold = [r["gold"][dim] for r in records]
        pred = [p[dim].value for p in predictions]
        per_class = {}
        f1s = []
        for c in CHOICES[dim]:
            tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
            fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
            fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            if tp + fn:  # macro over classes present in the gold set
                f1s.append(f1)
            per_class[c] = {
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
                "n": tp + fn,
            }
        accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
        out[dim] = {"macro_f1": round(sum(f1s) / len(f1s), 3), "accuracy": round(accuracy, 3), "per_class": per_class}
    return out


def feedback_split(records: list[dict[str, Any]], seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    cut = len(shuffled) // 2
    return shuffled[:cut], shuffled[cut:]


def fit(records: list[dict[str, Any]]) -> tuple[LabelModel, float]:
    started = time.perf_counter()
    model = train([(r["input"], r["gold"]) for r in records])
    return model, time.perf_counter() - started


def macro(result: dict[str, Any]) -> dict[str, float]:
    return {dim: result[dim]["macro_f1"] for dim in DIMENSIONS}


def live_concern(records: list[dict[str, Any]]) -> dict[str, Any]:
    flagged = {r["id"]: screen_live_concern(text=r["input"].text).flagged for r in records}
    gold = {r["id"]: r["live"] for r in records}
    tp = sum(1 for i in gold if gold[i] and flagged[i])
    n_flagged = sum(flagged.values())
    n_gold = sum(gold.values())
    return {
        "n": len(records),
        "gold_live": n_gold,
        "flagged": n_flagged,
        "recall": round(tp / n_gold, 3) if n_gold else None,
        "precision": round(tp / n_flagged, 3) if n_flagged else None,
        "missed_ids": sorted(i for i in gold if gold[i] and not flagged[i]),
        "false_alarm_ids": sorted(i for i in gold if flagged[i] and not gold[i]),
    }


def _timings(fn: Any, items: Sequence[Any]) -> dict[str, float]:
    samples = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "mean_ms": round(statistics.mean(samples), 3),
        "p50_ms": round(samples[len(samples) // 2], 3),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 3),
    }


def within_half(rows: list[dict[str, Any]], seeds: Sequence[int]) -> dict[str, float]:
    per_seed = []
    for s in seeds:
        tr, te = feedback_split(rows, s)
        per_seed.append(macro(evaluate(te, fit(tr)[0])))
    return {dim: round(statistics.mean(ps[dim] for ps in per_seed), 3) for dim in DIMENSIONS}


def run(data_dir: Path, seed: int, n_seeds: int, within: bool = False) -> dict[str, Any]:
    records = load(data_dir)
    halves = {name: half(records, name) for name in ("even", "odd", "all")}
    report: dict[str, Any] = {
        "data": str(data_dir),
        "n_reports": len(records),
        "text": "narrative + what_would_help, gold PII spans -> [TYPE]",
    }

    report["zero_shot"] = {name: evaluate(rows, None) for name, rows in halves.items()}

    train_rows, test_rows = feedback_split(records, seed)
    model, train_seconds = fit(train_rows)
    test_ids = {r["id"] for r in test_rows}
    feedback: dict[str, Any] = {"seed": seed, "n_train": len(train_rows), "n_test": len(test_rows)}
    feedback["test_half"] = {
        name: evaluate([r for r in rows if r["id"] in test_ids], model) for name, rows in halves.items()
    }
    seeds = [seed + k for k in range(n_seeds)]
    per_seed = []
    for s in seeds:
        tr, te = feedback_split(records, s)
        m, _ = fit(tr)
        te_ids = {r["id"] for r in te}
        per_seed.append(
            {name: macro(evaluate([r for r in rows if r["id"] in te_ids], m)) for name, rows in halves.items()}
        )
    feedback["mean_over_seeds"] = {
        "seeds": seeds,
        **{
            name: {dim: round(statistics.mean(ps[name][dim] for ps in per_seed), 3) for dim in DIMENSIONS}
            for name in halves
        },
    }
    even_model, _ = fit(halves["even"])
    odd_model, _ = fit(halves["odd"])
    feedback["train_even_test_odd"] = macro(evaluate(halves["odd"], even_model))
    feedback["train_odd_test_even"] = macro(evaluate(halves["even"], odd_model))
    if within:
        feedback["within_half"] = {name: within_half(halves[name], seeds) for name in ("even", "odd")}
    report["after_feedback"] = feedback

    report["live_concern"] = {name: live_concern(rows) for name, rows in halves.items()}
    # Only the sample's development (even) half may be looked at report by report; the rest,
    # and every report of an evaluation set (benchmarks/holdout*), stays aggregate.
    for name in ("odd", "all") if data_dir.resolve() == DEFAULT_DATA else halves:
        lc = report["live_concern"][name]
        lc["missed_ids"] = len(lc["missed_ids"])
        lc["false_alarm_ids"] = len(lc["false_alarm_ids"])

    inputs = [r["input"] for r in records]
    # ~1000 distinct corrections: each report alone, then joined with the text of 3 other reports.
    big_examples = [
        (
            LabelInput(text=r["input"].text + (" " + records[(i + 37 * k) % len(records)]["input"].text if k else "")),
            r["gold"],
        )
        for k in range(4)
        for i, r in enumerate(records)
    ]
    started = time.perf_counter()
    train(big_examples)
    big_train_seconds = time.perf_counter() - started
    restored = LabelModel.from_bytes(model.to_bytes())
    report["speed"] = {
        "suggest_zero_shot": _timings(lambda item: suggest(item), inputs),
        "suggest_with_model": _timings(lambda item: suggest(item, restored), inputs),
        "suggest_many_with_model_ms_per_report": round(
            _time_once(lambda: suggest_many(inputs, restored)) * 1000 / len(inputs), 3
        ),
        "screen_live_concern": _timings(lambda item: screen_live_concern(text=item.text), inputs),
        "train_seconds_120": round(train_seconds, 3),
        "train_seconds_960": round(big_train_seconds, 3),
        "model_bytes": len(model.to_bytes()),
    }
    return report


def _time_once(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _print(report: dict[str, Any]) -> None:
    print(f"data: {report['data']} ({report['n_reports']} reports); text: {report['text']}")
    print("\n== zero-shot (no model): macro-F1 / accuracy ==")
    for name, result in report["zero_shot"].items():
        cells = "  ".join(f"{dim}={result[dim]['macro_f1']:.3f}/{result[dim]['accuracy']:.3f}" for dim in DIMENSIONS)
        print(f"  {name:5s} {cells}")
    print("  per-class P/R (all):")
    for dim in DIMENSIONS:
        pcs = report["zero_shot"]["all"][dim]["per_class"]
        print(f"    {dim}: " + ", ".join(f"{c} {v['precision']:.2f}/{v['recall']:.2f}" for c, v in pcs.items()))

    fb = report["after_feedback"]
    print(
        f"\n== after feedback: train on random half (seed={fb['seed']}, n={fb['n_train']}), "
        f"test on the other {fb['n_test']} =="
    )
    for name, result in fb["test_half"].items():
        cells = "  ".join(f"{dim}={result[dim]['macro_f1']:.3f}/{result[dim]['accuracy']:.3f}" for dim in DIMENSIONS)
        print(f"  test∩{name:5s} {cells}")
    print("  per-class P/R (test, all):")
    for dim in DIMENSIONS:
        pcs = fb["test_half"]["all"][dim]["per_class"]
        print(f"    {dim}: " + ", ".join(f"{c} {v['precision']:.2f}/{v['recall']:.2f}" for c, v in pcs.items()))
    mean = fb["mean_over_seeds"]
    print(f"  mean macro-F1 over seeds {mean['seeds']}:")
    for name in ("even", "odd", "all"):
        print(f"    test∩{name:5s} " + "  ".join(f"{dim}={mean[name][dim]:.3f}" for dim in DIMENSIONS))
    print("  train even -> test odd: " + "  ".join(f"{d}={v:.3f}" for d, v in fb["train_even_test_odd"].items()))
    print("  train odd -> test even: " + "  ".join(f"{d}={v:.3f}" for d, v in fb["train_odd_test_even"].items()))

    for name, result in fb.get("within_half", {}).items():
        cells = "  ".join(f"{d}={v:.3f}" for d, v in result.items())
        print(f"  within {name} (train 60, test 60, mean over seeds): {cells}")

    print("\n== live concern ==")
    for name, lc in report["live_concern"].items():
        print(
            f"  {name:5s} gold={lc['gold_live']} flagged={lc['flagged']} recall={lc['recall']} "
            f"precision={lc['precision']} missed={lc['missed_ids']} false_alarms={lc['false_alarm_ids']}"
        )
    print("\n== speed ==")
    for key, value in report["speed"].items():
        print(f"  {key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with sample_reports/labels.jsonl")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--seed", type=int, default=20240601, help="seed of the feedback split")
    parser.add_argument("--seeds", type=int, default=5, help="number of seeds to average")
    parser.add_argument("--within", action="store_true", help="also feedback inside each half (60 -> 60)")
    args = parser.parse_args()
    report = run(args.data, args.seed, args.seeds, args.within)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)


if __name__ == "__main__":
    main()

"""Theme build at scale on a generated corpus (issue 3).

Representations are generated directly as stored bytes (the build reads stored
representations; it never re-tokenises): each synthetic report draws ~70
hashed features from one of 80 latent topics mixed with a Zipf background.
Each size runs in a fresh subprocess so its peak memory (max RSS) is its own.
The build is a *rebuild*: the previous build's themes are passed in, as in
production. Then the growth exponent is fitted (log time vs log N), and
per-report processing (vectorise + encode + nearest theme + near-duplicate
check against 50 candidates) is timed in CPU time on the sample narratives.

    .venv/bin/python benchmarks/themes_scale.py                   # 10k, 30k, 100k
    .venv/bin/python benchmarks/themes_scale.py --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

N_TOPICS = 80
VOCAB = 60_000
TOPIC_WORDS = 300


def generate(n: int, seed: int = 0) -> list[bytes]:
    from reporting.analysis import vectorise as vz

    rng = np.random.default_rng(seed)
    topic_words = rng.integers(0, VOCAB, size=(N_TOPICS, TOPIC_WORDS))
    zipf_p = 1.0 / np.arange(1, VOCAB + 1)
    zipf_p /= zipf_p.sum()
    # word id -> hashed column (a fixed random map stands in for murmur hashing)
    columns = rng.integers(0, vz.N_FEATURES, size=VOCAB).astype(np.int32)
    blobs: list[bytes] = []
    batch = 20_000
    for start in range(0, n, batch):
        m = min(batch, n - start)
        lengths = rng.integers(30, 110, size=m)
        topic = rng.integers(0, N_TOPICS, size=m)
        total = int(lengths.sum())
        owner = np.repeat(np.arange(m), lengths)
        from_topic = rng.random(total) < 0.45
        words = rng.choice(VOCAB, size=total, p=zipf_p)
        tw = topic_words[topic[owner], rng.integers(0, TOPIC_WORDS, size=total)]
        words = np.where(from_topic, tw, words)
        keys = owner.astype(np.int64) * VOCAB + words
        uniq, counts = np.unique(keys, return_counts=True)
        doc = uniq // VOCAB
        cols = columns[uniq % VOCAB]
        bounds = np.searchsorted(doc, np.arange(m + 1))
        for i in range(m):
            lo, hi = bounds[i], bounds[i + 1]
            c, v = cols[lo:hi], counts[lo:hi].astype(np.float32)
            order = np.argsort(c, kind="stable")
            c, v = c[order], v[order]
            # Two words may hash to one column: sum them, as vectorise() does.
            uc, inv = np.unique(c, return_inverse=True)
            uv = np.bincount(inv, weights=v).astype(np.float32)
            blobs.append(vz.encode(vz.SparseVector(uc.astype(np.int32), uv)))
    return blobs


def run_one(n: int) -> dict:
    from reporting.analysis import themes as th

    t0 = time.perf_counter()
    blobs = generate(n)
    gen_s = time.perf_counter() - t0
    docs = [th.ThemeDoc(i, b) for i, b in enumerate(blobs)]
    del blobs
    # The previous build: the same corpus less its newest 10%.
    cut = int(n * 0.9)
    first = th.build_themes(docs[:cut])
    previous = [th.PreviousTheme(id=t.key, member_ids=frozenset(t.member_ids)) for t in first.themes]
    del first
    cpu0, t0 = time.process_time(), time.perf_counter()
    build = th.build_themes(docs, previous)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    before = {m: t.id for t in previous for m in t.member_ids}
    after = {m: t.id for t in build.themes for m in t.member_ids}
    kept = sum(1 for m, tid in before.items() if after.get(m) == tid) / max(1, len(before))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "n": n,
        "generate_s": round(gen_s, 1),
        "rebuild_wall_s": round(wall, 2),
        "rebuild_cpu_s": round(cpu, 2),
        "peak_rss_mib": round(peak_kib / 1024, 0),
        "themes": len(build.themes),
        "unthemed_share": round(len(build.unthemed_ids) / n, 3),
        "identity_kept": round(kept, 3),
    }


def per_report_p95() -> dict:
    """CPU per report on the sample: at submission (de-identify and screen, in the request) and in
    the background task (vectorise, suggest labels, find near-duplicates, assign to a theme)."""
    from reporting.analysis import labels
    from reporting.analysis import themes as th
    from reporting.analysis import vectorise as vz
    from reporting.analysis.screening import screen_live_concern
    from reporting.deid import redact_fields

    data = Path(os.environ.get("LANTERN_SAMPLE_DIR", ROOT.parent / "shared" / "data"))
    reports = [json.loads(line) for line in (data / "sample_reports.jsonl").read_text().splitlines()]
    blobs = [
        vz.encode(vz.vectorise(narrative=r["narrative"], what_would_help=r.get("what_would_help") or ""))
        for r in reports
    ]
    build = th.build_themes([th.ThemeDoc(r["id"], b) for r, b in zip(reports, blobs, strict=True)])
    model = th.decode_model(th.encode_model(build.model))
    candidates = [(i, vz.decode(b)) for i, b in enumerate(blobs[:50])]
    submit, process = [], []
    for _ in range(3):
        for r in reports:
            t0 = time.process_time()
            clean = redact_fields({"narrative": r["narrative"], "what_would_help": r.get("what_would_help") or ""})
            narrative, help_text = clean["narrative"].text, clean["what_would_help"].text
            screen_live_concern(text=f"{narrative}\n{help_text}")
            t1 = time.process_time()
            vec = vz.vectorise(narrative=narrative, what_would_help=help_text, service_area=r.get("service_area") or "")
            vz.encode(vec)
            item = labels.LabelInput(
                text=f"{narrative} {help_text}", kind=r.get("kind") or "", service_area=r.get("service_area") or ""
            )
            labels.suggest(item)
            th.find_near_duplicates(vec, candidates)
            th.assign_to_theme(vec, model)
            t2 = time.process_time()
            submit.append((t1 - t0) * 1000)
            process.append((t2 - t1) * 1000)
    return {
        "submit_cpu_ms_p95": round(float(np.percentile(submit, 95)), 2),
        "per_report_cpu_ms_p50": round(float(np.percentile(process, 50)), 2),
        "per_report_cpu_ms_p95": round(float(np.percentile(process, 95)), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    print(json.dumps(per_report_p95()))
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), flush=True)
    if len(rows) >= 2:
        x = np.log([r["n"] for r in rows])
        y = np.log([r["rebuild_wall_s"] for r in rows])
        slope = float(np.polyfit(x, y, 1)[0])
        print(f"growth exponent (log wall time vs log N): {slope:.2f}  (N log N ~ 1.0-1.1)")
        _ = math


if __name__ == "__main__":
    main()

"""Benchmark the import and redact management commands end to end.

Usage:
    .venv/bin/python benchmarks/import_reports.py [--data DIR]

Runs the real commands as subprocesses (``manage.py import_reports`` and
``manage.py redact``), each against a fresh SQLite database in a temporary
directory, so the figures include Django start-up and every per-line step:
de-identification, the live-concern screen, the transaction, the audit row and
the outbox publish after commit. Background processing itself (theme engine)
runs in a worker and is not timed here.

Printed, for the reports whose id ends in an even digit, the odd half and all:
- import wall time with the embedded broker (kombu's in-memory transport, so no
  broker server is needed), and the re-import of the same file (must import 0);
- full import wall time with the broker configured but unreachable (Redis on a
  closed port): the outbox must not make each line wait for a timeout;
- redact wall time over the narratives, and its per-report average.
Also prints each command's summary line, so counts can be checked.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def run(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run([*MANAGE, *args], input=stdin, capture_output=True, text=True, env=env, timeout=1800)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:1])} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, result


def fresh_env(workdir: Path, name: str, broker: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / (name + '.sqlite3')}",
        "CELERY_BROKER_URL": broker,
        "LANTERN_VAR_DIR": str(workdir / name),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    run(["migrate", "-v0"], env)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    options = parser.parse_args()
    lines = (options.data / "sample_reports.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    halves = {
        "even": [line for line, r in zip(lines, records, strict=True) if r["id"][-1] in "02468"],
        "odd": [line for line, r in zip(lines, records, strict=True) if r["id"][-1] not in "02468"],
        "all": lines,
    }

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        print(f"{'split':<5} {'lines':>5}  {'import s':>9} {'s/line':>7}  {'re-import s':>11}  summary")
        for split, split_lines in halves.items():
            path = workdir / f"{split}.jsonl"
            path.write_text("\n".join(split_lines) + "\n")
            env = fresh_env(workdir, split, "memory://")
            first, result = run(["import_reports", str(path), "--organisation", "bench"], env)
            again, again_result = run(["import_reports", str(path), "--organisation", "bench"], env)
            print(
                f"{split:<5} {len(split_lines):>5}  {first:>9.2f} {first / len(split_lines):>7.3f}  {again:>11.2f}  "
                f"{result.stdout.strip()} | re-import: {again_result.stdout.strip()}"
            )

        path = workdir / "all.jsonl"
        env = fresh_env(workdir, "broker-down", "redis://127.0.0.1:1/0")
        down, result = run(["import_reports", str(path), "--organisation", "bench"], env)
        print(f"\nbroker unreachable, all {len(lines)} lines: {down:.2f} s  ({result.stdout.strip()})")

        print(f"\n{'split':<5} {'texts':>5}  {'redact s':>8} {'ms/report':>9}  (includes start-up)")
        env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/unreachable"}
        for split, split_lines in halves.items():
            stdin = "\n".join(
                json.dumps({"id": json.loads(line)["id"], "text": json.loads(line)["narrative"]})
                for line in split_lines
            )
            elapsed, result = run(["redact"], env, stdin=stdin)
            count = len(result.stdout.splitlines())
            assert count == len(split_lines), (count, len(split_lines))
            print(f"{split:<5} {count:>5}  {elapsed:>8.2f} {1000 * elapsed / count:>9.1f}")


if __name__ == "__main__":
    main()

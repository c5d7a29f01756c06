"""What the search index costs ingest: the same files into a schema without and with it.

    python -m bench.search_ingest CORPUS [--files N] [--runs R] [--json OUT]

ingests the first N files of CORPUS (default 10,000) with the real command line into fresh
databases migrated to 0001 (no search index) and to head (the FTS5 table and its triggers),
R times each, alternating, and prints the median files per second of each and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.migrate import upgrade

SCHEMAS = {"without search index (0001)": "0001", "with search index (head)": "head"}


def files_of(corpus: Path, n: int) -> list[str]:
    found = sorted(str(p) for p in corpus.rglob("*.txt"))
    if len(found) < n:
        raise SystemExit(f"{corpus} holds {len(found)} files, fewer than {n}")
    return found[:n]


def ingest_seconds(files: list[str], revision: str, workdir: Path) -> float:
    """Seconds the `ingest` command takes for the files, on a fresh database at a revision."""
    db = workdir / f"ingest-{revision}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    upgrade(f"sqlite:///{db}", revision)
    script = Path(sys.executable).with_name("foreign-desk")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    start = time.perf_counter()
    done = subprocess.run(
        [str(script), "ingest", "--json", *files], env=env, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    report = json.loads(done.stdout)
    if done.returncode not in (0, 3) or len(report["added"]) != len(files):
        raise RuntimeError(f"ingest into {revision} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def measure(corpus: Path, n: int, runs: int) -> dict[str, Any]:
    files = files_of(corpus, n)
    seconds: dict[str, list[float]] = {name: [] for name in SCHEMAS}
    with tempfile.TemporaryDirectory(prefix="search-ingest-") as tmp:
        for run in range(runs):
            order = list(SCHEMAS.items())
            for name, revision in order if run % 2 == 0 else reversed(order):
                seconds[name].append(ingest_seconds(files, revision, Path(tmp)))
                print(f"run {run + 1}/{runs}: {name} {seconds[name][-1]:.1f} s", file=sys.stderr)
    rates = {name: n / statistics.median(s) for name, s in seconds.items()}
    without, with_index = rates.values()
    return {"files": n, "runs": runs, "seconds": seconds, "files_per_second": rates,
            "slowdown": without / with_index, "load_after": os.getloadavg()}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = measure(args.corpus, args.files, args.runs)
    print(f"| schema | median files/s ({args.files:,} files, {args.runs} runs) |")
    print("| --- | ---: |")
    for name, rate in result["files_per_second"].items():
        print(f"| {name} | {rate:,.0f} |")
    print(f"\nthe search index makes ingest {result['slowdown']:.2f}× as slow")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()

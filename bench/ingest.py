"""Ingest timing: the real command line on a fresh database, against a floor of plain I/O."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import process

CLI = str(Path(sys.executable).with_name("foreign-desk"))
CORES = os.cpu_count() or 1


def corpus_files(corpus: Path) -> list[Path]:
    """The article files of a corpus folder (dot-files such as a cache marker are not)."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))


def floor(corpus: Path) -> dict[str, Any]:
    """What ingest cannot beat: list the files, read each one and hash its bytes."""
    start, cpu_start = time.perf_counter(), time.process_time()
    files = corpus_files(corpus)
    size = 0
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        size += len(data)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "files": len(files),
        "raw_bytes": size,
        **_rate(len(files), seconds),
        "cpu_seconds": round(cpu, 3),
        "files_per_cpu_s": round(len(files) / cpu) if cpu else 0,
    }


def measure(corpus: Path, database: Path) -> dict[str, Any]:
    """Ingest a corpus into a fresh database twice (first run, re-run) and measure both."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database.resolve()}"}
    subprocess.run([CLI, "db", "upgrade"], env=env, check=True, capture_output=True)
    base = floor(corpus)
    with tempfile.TemporaryDirectory() as empty:
        startup, _ = _ingest(Path(empty), env)  # the cost of starting, paid by every run
    first, first_counts = _ingest(corpus, env)
    rerun, rerun_counts = _ingest(corpus, env)
    return {
        "floor": base,
        "startup": {"seconds": startup["seconds"], "cpu_seconds": startup["cpu_seconds"]},
        "first": {**first, "outcome": first_counts},
        "rerun": {**rerun, "outcome": rerun_counts},
        "first_vs_floor": round(base["files_per_s"] / first["files_per_s"], 1),
        "rerun_vs_floor": round(base["files_per_s"] / rerun["files_per_s"], 1),
        "db_bytes": sum(
            Path(f"{database}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{database}{suffix}").exists()
        ),
    }


def _ingest(folder: Path, env: dict[str, str]) -> tuple[dict[str, Any], dict[str, int]]:
    run = process.run_watched([CLI, "ingest", "--json", str(folder)], env)
    if run.done.returncode not in (0, 3):
        stderr = run.done.stderr.decode()[-2000:]
        raise RuntimeError(f"ingest failed ({run.done.returncode}): {stderr}")
    outcome = {key: len(paths) for key, paths in json.loads(run.done.stdout).items()}
    files = sum(outcome.values())
    figures = {
        **_rate(files, run.seconds),
        "cpu_seconds": round(run.cpu_seconds, 3),
        "main_cpu_seconds": round(run.usage.main_cpu, 3),
        "files_per_cpu_s": round(files / run.cpu_seconds) if files else 0,
        "idle_estimate_files_per_s": _idle_estimate(files, run),
        "rss": run.usage.memory(),
    }
    return figures, outcome


def _idle_estimate(files: int, run: process.Watched) -> int:
    """Files per second the run would reach on cores nobody else is using."""
    # Parsing runs alongside writing, so the run takes the writer's own CPU time or all of
    # its CPU time shared by the cores, whichever is longer.
    seconds = max(run.usage.main_cpu, run.cpu_seconds / CORES)
    return round(files / seconds) if files and seconds else 0


def _rate(files: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "files_per_s": round(files / seconds) if files else 0}


def main() -> None:
    """`python -m bench.ingest CORPUS [DATABASE]`: ingest twice into a fresh file, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, help="a folder of article files")
    parser.add_argument("database", type=Path, nargs="?", help="overwritten (default: a temp file)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")
    database = args.database or Path(tempfile.mktemp(suffix=".db"))
    print(json.dumps({"load": os.getloadavg(), **measure(args.corpus, database)}, indent=1))


if __name__ == "__main__":
    main()

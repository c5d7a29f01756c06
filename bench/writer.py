"""The writer's floor: a first run whose files were parsed beforehand, next to a real one.

`python -m bench.writer CORPUS [--rounds N]` ingests the corpus into fresh SQLite files in this
process: a real first run (parsing in the worker processes, the writer here), and a run that is
handed every file's parsed result for nothing, so that all it does is what the single writer
must (store the rows, commit, build the indexes and the search index at the end). Its CPU time
per file is the least any first run can cost while one SQLite file takes every write.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from app import create_app, db, migrate
from app.ingest import load
from app.ingest.walk import article_files


def _fresh(folder: Path, name: str) -> str:
    url = f"sqlite:///{folder / name}"
    migrate.upgrade(url)
    return url


def _timed(url: str, files: list[str]) -> dict[str, float]:
    """Ingest into the database at `url` and measure this process and its workers."""
    app = create_app({"DATABASE_URL": url})
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    with app.app_context(), db.engine().connect() as conn:
        report = load.ingest(conn, files)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    n = len(report.added)
    return {
        "files": n,
        "wall_s": round(wall, 2),
        "writer_ms_per_file": round(1000 * cpu / n, 3),
        "workers_ms_per_file": round(1000 * workers / n, 3),
        "idle_files_per_s": round(n / max(cpu, (cpu + workers) / (os.cpu_count() or 1))),
    }


def _replaying(parsed: dict[str, Any]) -> Callable[..., Iterable[Any]]:
    """A stand-in for the workers that hands back each file's result, parsed before."""
    return lambda files, pool, taxonomy: [parsed[f.sha256] for f in files]


def _recording(parsed: dict[str, Any]) -> Callable[..., Iterable[Any]]:
    real = load.prepare_all

    def record(files, pool, taxonomy):
        results = list(real(files, pool, taxonomy))
        parsed.update((f.sha256, r) for f, r in zip(files, results, strict=True))
        return results

    return record


def measure(corpus: Path, rounds: int) -> dict[str, Any]:
    """Real first runs and writer-only runs, in turn, each into a fresh file."""
    files = article_files([str(corpus)]).files
    real, replayed, parsed = [], [], {}
    real_prepare = load.prepare_all
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            for n in range(rounds):
                load.prepare_all = _recording(parsed) if n == 0 else real_prepare
                real.append(_timed(_fresh(folder, f"real{n}.db"), files))
                load.prepare_all = _replaying(parsed)
                replayed.append(_timed(_fresh(folder, f"writer{n}.db"), files))
                for name in (f"real{n}.db", f"writer{n}.db"):
                    for suffix in ("", "-wal", "-shm"):
                        (folder / f"{name}{suffix}").unlink(missing_ok=True)
        finally:
            load.prepare_all = real_prepare
    return {"load": os.getloadavg(), "real": _medians(real), "writer_only": _medians(replayed)}


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of article files")
    parser.add_argument("--rounds", type=int, default=3, help="real and writer-only runs each")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")
    print(json.dumps(measure(args.corpus, args.rounds), indent=1))


if __name__ == "__main__":
    main()

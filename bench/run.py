"""Measure ingest and pages at a given size, side by side with Datasette.

    python -m bench.run --articles N [--corpus DIR] [--json OUT] [--requests R]
    python -m bench.run --database FILE [--json OUT]   (pages only, on an archive ingested before)

generates (or reuses) a corpus of N articles, ingests it into a fresh SQLite database with the
real command line, serves it with `foreign-desk serve --workers 1`, times every case of
bench/cases.py through one HTTP client, prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import cases, corpus, datasette, ingest, pages, process, report
from bench.http import Client

OUT = Path(__file__).resolve().parent / "out"


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the benchmark from the command line; return the figures."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not (args.articles or args.corpus or args.database):
        parser.error("give --articles N, --corpus DIR or --database FILE")
    result: dict[str, Any] = {"machine": machine()}
    if args.database:  # pages only, on an archive ingested before
        database, workdir = args.database, args.out / f"run-{args.database.stem}"
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        folder = args.corpus or cached_corpus(args.articles, args.seed, args.out)
        workdir = args.out / f"run-{args.articles or folder.name}"
        workdir.mkdir(parents=True, exist_ok=True)
        database = workdir / "archive.db"
        result["corpus"] = str(folder)
        result["ingest"] = ingest.measure(folder, database)
        print(report.ingest_table(result["ingest"]), flush=True)
    result |= serve_and_measure(args, database, workdir)
    result["machine"]["load_after"] = os.getloadavg()
    print(report.pages_table(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return result


def cached_corpus(n: int, seed: int, out: Path) -> Path:
    """The corpus of n articles for a seed, generated once and kept for later runs."""
    folder = out / f"corpus-{n}-s{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        corpus.write_corpus(n, folder, seed=seed)
        done.touch()
    return folder


def serve_and_measure(args: argparse.Namespace, database: Path, workdir: Path) -> dict[str, Any]:
    """Serve the database (and have Datasette serve it too), then time every case."""
    with ExitStack() as stack:
        ours = stack.enter_context(_our_server(database, args.port, workdir / "serve.log"))
        client = Client(args.port)
        stack.callback(client.close)
        worker = process.worker(ours)
        processes = {"ours": worker}
        peer, peer_version = None, None
        if args.peer:
            command = datasette.install()
            peer_version = datasette.version(command)
            log = workdir / "datasette.log"
            served = stack.enter_context(datasette.serve(command, database, args.peer_port, log))
            peer, processes["datasette"] = Client(args.peer_port), process.worker(served)
            stack.callback(peer.close)
        sample = cases.sample(database, client)
        targets = pages.Targets(client, database, peer, processes)
        stack.callback(targets.close)
        chosen = [c for c in cases.CASES if _chosen(c.name, args.only)]
        rows = [pages.measure(case, sample, targets, args.requests, args.warmup) for case in chosen]
        return {
            "requests": args.requests,
            "warmup": args.warmup,
            "deep_depth": sample.deep_depth,
            "datasette": peer_version,
            "pages": rows,
            "serve": {
                "worker_rss_mb": process.rss_mb(worker.pid),
                # SQLite's memory-mapped database file counts in RSS but is the page cache's.
                "worker_rss_anon_mb": process.rss_mb(worker.pid, "RssAnon"),
            },
        }


def _chosen(name: str, only: list[str] | None) -> bool:
    return not only or name.startswith("/healthz") or any(text in name for text in only)


@contextmanager
def _our_server(database: Path, port: int, log: Path) -> Iterator[Any]:
    args = [ingest.CLI, "serve", "--port", str(port), "--workers", "1"]
    env = {"DATABASE_URL": f"sqlite:///{database.resolve()}"}
    with process.server(args, port, "/healthz", log, env) as proc:
        yield proc


def machine() -> dict[str, Any]:
    """Where and when the figures were taken."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load_before": os.getloadavg(),
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, help="generate (or reuse) a corpus of N articles")
    parser.add_argument("--corpus", type=Path, help="ingest this folder instead")
    parser.add_argument(
        "--database", type=Path, help="skip ingest: time the pages of this database file"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per case")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per case first")
    parser.add_argument("--port", type=int, default=5105, help="port for our server")
    parser.add_argument("--peer-port", type=int, default=5106, help="port for Datasette")
    parser.add_argument(
        "--no-peer", dest="peer", action="store_false", help="skip Datasette (no network needed)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="corpora and databases go here")
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="time only the cases whose name holds TEXT (repeatable); /healthz is always timed",
    )
    return parser


if __name__ == "__main__":
    main()

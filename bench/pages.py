"""Time each case against our server, the SQL floor and the peer, request by request in turn.

Taking turns means a burst of load from elsewhere on the machine hits all three alike, so
their ratios hold even when the absolute times wobble.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bench import datasette, process, stats
from bench.cases import Case, Sample
from bench.http import Client

# The read settings our app gives SQLite (app/db.py), so the floor is not slowed by a small cache.
FLOOR_PRAGMAS = ("PRAGMA cache_size=-16384", "PRAGMA mmap_size=67108864")


@dataclass
class Targets:
    """Where the same questions are asked: our server, the database file, and the peer."""

    ours: Client
    database: Path
    peer: Client | None = None
    # The process answering for each target, whose CPU time per request is measured too.
    processes: dict[str, psutil.Process] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.floor = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        for pragma in FLOOR_PRAGMAS:
            self.floor.execute(pragma)

    def close(self) -> None:
        self.floor.close()

    def run_sql(self, sql: str, params: dict[str, Any]) -> int:
        start = time.perf_counter_ns()
        self.floor.execute(sql, params).fetchall()
        return time.perf_counter_ns() - start


def measure(case: Case, sample: Sample, targets: Targets, requests: int, warmup: int) -> dict:
    """p50/p95 of `requests` requests per target (after `warmup` untimed ones)."""
    askers = _askers(case, sample, targets)
    timings: dict[str, list[int]] = {name: [] for name in askers}
    watched = {k: p for k, p in targets.processes.items() if k in askers}
    cpu_before = {k: process.cpu_seconds(p) for k, p in watched.items()}
    for i in range(warmup + requests):
        for name, ask in askers.items():
            ns = ask(i)
            if i >= warmup:
                timings[name].append(ns)
    row: dict[str, Any] = {"case": case.name, **{k: stats.summary(v) for k, v in timings.items()}}
    for name, proc in watched.items():
        used = process.cpu_seconds(proc) - cpu_before[name]
        row[name]["cpu_ms"] = round(used * 1000 / (warmup + requests), 2)
    if "datasette" in row:
        row["ours_vs_datasette"] = _ratio(row, "p50_ms")
        if "cpu_ms" in row["datasette"]:
            row["ours_vs_datasette_cpu"] = _ratio(row, "cpu_ms")
    return row


def _ratio(row: dict[str, Any], key: str) -> float:
    return round(row["ours"][key] / max(row["datasette"][key], 1e-9), 2)


def _askers(case: Case, sample: Sample, targets: Targets) -> dict[str, Callable[[int], int]]:
    """For each target, a function that asks the i-th question and returns its time in ns."""
    paths = case.paths(sample)
    askers = {"ours": lambda i: targets.ours.get(paths[i % len(paths)]).ns}
    if case.sql is None:
        return askers
    query, params = case.sql, case.param_sets(sample)
    askers["sql"] = lambda i: targets.run_sql(query, params[i % len(params)])
    if case.peer and targets.peer is not None:
        peer, db = targets.peer, targets.database
        peer_paths = [datasette.query_path(db, query, p) for p in params]
        askers["datasette"] = lambda i: peer.get(peer_paths[i % len(peer_paths)]).ns
    return askers

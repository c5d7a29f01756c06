"""Time searches through /search and /api/search next to the raw FTS5 query, on one database.

    python -m bench.search --db PATH [--json OUT] [--runs N] [--port P]

serves PATH with `foreign-desk serve --workers 1`, then for each query of a fixed mix times, in
the same rounds and with the same HTTP client: the /search page, /api/search, and /healthz;
and directly on the same database file the raw `MATCH … ORDER BY rank LIMIT 20` for the words.
Prints p50 and p95 of each, the page's p50 against (raw + healthz), the mean CPU time each took
(on a shared machine the wall clock also counts other processes' turns; CPU time does not), and
how many of the raw query's 20 best the API also returned first. Targets (issue 4): p95 ≤ 100
ms for every query, page p50 ≤ 1.3 × (raw p50 + healthz p50).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from app.db import SQLITE_PRAGMAS
from app.search.fts5 import compile_query
from app.search.parse import parse

RAW = "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT 20"
P95_TARGET_MS = 100.0
RATIO_TARGET = 1.3

# (name, what the query string asks for); the raw query matches the same words.
MIX: list[tuple[str, dict[str, str]]] = [
    ("common word", {"q": "russia"}),
    ("rare word", {"q": "kompromat"}),
    ("two words", {"q": "russia venezuela"}),
    ("phrase", {"q": '"human rights"'}),
    ("prefix", {"q": "sanction*"}),
    ("date range", {"q": "ceasefire", "from": "2019", "to": "2019"}),
    ("newest first", {"q": "kremlin", "sort": "newest"}),
]


class Client:
    """One HTTP client for every request: a fresh connection each, as gunicorn's sync worker."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.worker: int | None = None  # the server process whose CPU time is read

    def cpu_ms(self) -> float:
        """CPU time the server's worker has used so far (Linux /proc; 0 elsewhere)."""
        try:
            fields = Path(f"/proc/{self.worker}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return 0.0
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def get(self, path: str) -> tuple[float, bytes]:
        start = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return elapsed, body


@contextmanager
def served(db: Path, port: int) -> Iterator[Client]:
    """`foreign-desk serve --workers 1` on the database, until the block ends."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db.resolve()}"}
    script = Path(sys.executable).with_name("foreign-desk")
    command = [str(script), "serve", "--port", str(port), "--workers", "1"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    client = Client(port)
    try:
        _wait_until_up(client, server)
        client.worker = _worker_of(server.pid)
        yield client
    finally:
        server.terminate()
        server.wait(timeout=30)


def _worker_of(pid: int) -> int | None:
    """The one gunicorn worker under the server process, if /proc can tell."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def _wait_until_up(client: Client, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        try:
            client.get("/healthz")
            return
        except (OSError, RuntimeError):
            time.sleep(0.2)
    raise RuntimeError("the server did not answer /healthz within 60 s")


class Raw:
    """The raw FTS5 query on its own connection to the same file, with the app's pragmas."""

    def __init__(self, db: Path) -> None:
        self.connection = sqlite3.connect(db)
        for pragma in SQLITE_PRAGMAS:
            self.connection.execute(pragma)

    def run(self, match: str) -> tuple[float, float, list[int]]:
        """Wall and CPU milliseconds of the raw query, and the ids it found."""
        start, cpu = time.perf_counter(), time.process_time()
        ids = [row[0] for row in self.connection.execute(RAW, (match,))]
        return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, ids

    def matches(self, match: str) -> int:
        sql = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"
        return self.connection.execute(sql, (match,)).fetchone()[0]


def measure(db: Path, port: int, runs: int, warmup: int) -> dict[str, Any]:
    """Time every query of the mix `runs` times, interleaved round by round."""
    raw = Raw(db)
    cases = {name: _case(args, raw) for name, args in MIX}
    with served(db, port) as client:
        for round_number in range(warmup + runs):
            keep = round_number >= warmup
            for case in _rotated(list(cases.values()), round_number):
                timings, cpu = _one_round(client, raw, case)
                if keep:
                    for kind, ms in timings.items():
                        case["ms"][kind].append(ms)
                    for kind, ms in cpu.items():
                        case["cpu"][kind].append(ms)
            if keep:
                print(f"round {round_number - warmup + 1}/{runs}", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return {name: _summary(case) for name, case in cases.items()}


def _case(args: dict[str, str], raw: Raw) -> dict[str, Any]:
    match = compile_query(parse(args["q"])).include
    assert match is not None
    return {
        "args": args,
        "match": match,
        "matches": raw.matches(match),
        "ms": {"raw": [], "healthz": [], "page": [], "api": []},
        "cpu": {"raw": [], "healthz": [], "page": [], "api": []},
        "overlap": None,
    }


def _rotated(items: list, n: int) -> list:
    """The items starting at a different one each round, so none always goes first."""
    n %= len(items)
    return items[n:] + items[:n]


def _one_round(client: Client, raw: Raw, case: dict[str, Any]) -> tuple[dict, dict]:
    """Wall and CPU milliseconds of healthz, the page, the raw query and the API, once each."""
    query = urlencode(case["args"])
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for kind, path in (("healthz", "/healthz"), ("page", f"/search?{query}")):
        before = client.cpu_ms()
        wall[kind] = client.get(path)[0]
        cpu[kind] = client.cpu_ms() - before
    wall["raw"], cpu["raw"], raw_ids = raw.run(case["match"])
    before = client.cpu_ms()
    wall["api"], body = client.get(f"/api/search?{query}")
    cpu["api"] = client.cpu_ms() - before
    if case["args"].get("sort", "relevance") == "relevance" and "from" not in case["args"]:
        api_ids = [r["id"] for r in json.loads(body)["results"]]
        case["overlap"] = len(set(api_ids) & set(raw_ids))
    return wall, cpu


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered)) - 1))]


def _summary(case: dict[str, Any]) -> dict[str, Any]:
    ms = case["ms"]
    stats = {k: {"p50": statistics.median(v), "p95": percentile(v, 95)} for k, v in ms.items()}
    # Server CPU is read in 10 ms ticks: only its mean over the runs means anything.
    cpu = {k: statistics.fmean(v) for k, v in case["cpu"].items()}
    baseline = stats["raw"]["p50"] + stats["healthz"]["p50"]
    return {
        "query": urlencode(case["args"]),
        "matches": case["matches"],
        **stats,
        "cpu_mean": cpu,
        "page_ratio": stats["page"]["p50"] / baseline,
        "page_cpu_ratio": cpu["page"] / (cpu["raw"] + cpu["healthz"]),
        "top20_overlap": case["overlap"],
        "meets_p95": max(stats["page"]["p95"], stats["api"]["p95"]) <= P95_TARGET_MS,
        "meets_ratio": stats["page"]["p50"] / baseline <= RATIO_TARGET,
    }


def table(results: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| query | matches | raw p50 / p95 | healthz p50 | page p50 / p95 | API p50 / p95 "
        "| page ÷ (raw + healthz) | CPU raw / page / API | same top 20 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        overlap = "—" if r["top20_overlap"] is None else f"{r['top20_overlap']}/20"
        c = r["cpu_mean"]
        lines.append(
            f"| {name} (`{r['query']}`) | {r['matches']:,} "
            f"| {r['raw']['p50']:.1f} / {r['raw']['p95']:.1f} | {r['healthz']['p50']:.1f} "
            f"| {r['page']['p50']:.1f} / {r['page']['p95']:.1f} "
            f"| {r['api']['p50']:.1f} / {r['api']['p95']:.1f} "
            f"| {r['page_ratio']:.2f} "
            f"| {c['raw']:.1f} / {c['page']:.1f} / {c['api']:.1f} | {overlap} |"
        )
    met_p95 = all(r["meets_p95"] for r in results.values())
    met_ratio = all(r["meets_ratio"] for r in results.values())
    lines.append("")
    lines.append(
        f"p95 ≤ {P95_TARGET_MS:.0f} ms on every query: {'yes' if met_p95 else 'NO'}; "
        f"page p50 ≤ {RATIO_TARGET} × (raw + healthz) on every query: "
        f"{'yes' if met_ratio else 'NO'}. Times in ms: wall p50 / p95, and the mean CPU time of "
        "the raw query and of the server's worker per request."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a migrated, ingested database")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--runs", type=int, default=40, help="timed rounds (default 40)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed rounds first")
    parser.add_argument("--port", type=int, default=5102)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    results = measure(args.db, args.port, args.runs, args.warmup)
    print(table(results))
    figures = {
        "db": str(args.db),
        "runs": args.runs,
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "queries": results,
    }
    print(f"load average before {load_before[0]:.1f}, after {figures['load_after'][0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()

"""The benchmark harness, end to end at a tiny size: it runs and writes the figures it shows."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from bench import cases, run

# Datasette comes from PyPI: only compare with it when asked to (it needs the network once).
WITH_DATASETTE = os.environ.get("FOREIGN_DESK_BENCH_DATASETTE") == "1"
ARTICLES, REQUESTS = 30, 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench")
    args = ["--articles", str(ARTICLES), "--requests", str(REQUESTS), "--warmup", "1"]
    args += ["--out", str(out), "--json", str(out / "figures.json")]
    args += ["--port", str(free_port()), "--peer-port", str(free_port())]
    run.main(args if WITH_DATASETTE else [*args, "--no-peer"])
    return json.loads((out / "figures.json").read_text())


def test_ingest_figures_count_every_file_on_both_runs(figures):
    ingest = figures["ingest"]
    assert ingest["floor"]["files"] == ARTICLES
    assert ingest["first"]["outcome"]["added"] == ARTICLES
    assert ingest["rerun"]["outcome"]["unchanged"] == ARTICLES
    for run_ in (ingest["first"], ingest["rerun"]):
        assert run_["files_per_s"] > 0
        assert run_["rss"]["main_mb"] > 0
        # Shared pages counted once: never more than each process's resident pages summed.
        assert 0 < run_["rss"]["tree_pss_mb"] <= run_["rss"]["tree_mb"]
    assert ingest["db_bytes"] > 0


def test_every_case_is_timed_against_our_server(figures):
    rows = {row["case"]: row for row in figures["pages"]}
    assert list(rows) == [case.name for case in cases.CASES]
    for case in cases.CASES:
        ours = rows[case.name]["ours"]
        assert ours["n"] == REQUESTS
        assert 0 < ours["p50_ms"] <= ours["p95_ms"]
        assert ("sql" in rows[case.name]) == (case.sql is not None)
    assert figures["serve"]["worker_rss_mb"] > 0


def test_the_peer_answers_the_same_sql_when_asked(figures):
    peer_cases = [case.name for case in cases.CASES if case.peer]
    rows = {row["case"]: row for row in figures["pages"]}
    for name in peer_cases:
        assert ("datasette" in rows[name]) == WITH_DATASETTE
        assert ("ours_vs_datasette" in rows[name]) == WITH_DATASETTE


def test_the_cached_corpus_is_reused(tmp_path):
    first = run.cached_corpus(3, 0, tmp_path)
    marker = first / "000" / "000000.txt"
    marker.write_text("kept")
    assert run.cached_corpus(3, 0, tmp_path) == first
    assert marker.read_text() == "kept"


def test_pages_alone_on_an_archive_ingested_before(figures, tmp_path):
    database = Path(figures["corpus"]).parent / f"run-{ARTICLES}" / "archive.db"
    args = ["--database", str(database), "--requests", "2", "--warmup", "0", "--no-peer"]
    args += ["--out", str(tmp_path), "--json", str(tmp_path / "pages.json")]
    again = run.main([*args, "--port", str(free_port())])
    assert "ingest" not in again
    assert [row["case"] for row in again["pages"]] == [case.name for case in cases.CASES]

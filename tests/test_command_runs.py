"""Writing commands side by side, and runs stopped from outside: real processes and files."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from bench.corpus import write_corpus
from tests.conftest import SEEDS, article_text, write
from tests.test_commands import BIN, run

CORPUS = 2000  # enough for the run to parse in workers for a few seconds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(CORPUS, folder, seed=5, jobs=1)
    return folder


def migrated(tmp_path: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    assert run("db", "upgrade", env=env).returncode == 0
    return env


def start_ingest(env: dict, *paths: Path, **pipes) -> subprocess.Popen:
    command = [BIN / "foreign-desk", "ingest", "--json", *map(str, paths)]
    return subprocess.Popen(command, env=env, text=True, **pipes)


def articles(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "archive.db") as conn:
        return conn.execute("SELECT count(*) FROM article").fetchone()[0]


def test_two_ingests_at_once_store_every_file_of_both(tmp_path, corpus):
    env = migrated(tmp_path)
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    first = start_ingest(env, corpus / "000", **pipes)
    time.sleep(0.5)
    second = start_ingest(env, corpus / "001", **pipes)
    for proc in (first, second):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        report = json.loads(out)
        assert (len(report["added"]), report["rejected"]) == (1000, [])
    assert articles(tmp_path) == 2000


@pytest.mark.parametrize(
    "command",
    [["ingest", str(SEEDS)], ["retag"], ["reparse"], ["links", "--resolve"], ["db", "upgrade"]],
)
def test_a_writing_command_waits_for_the_archive_and_says_so(tmp_path, command):
    env = migrated(tmp_path)
    with open(tmp_path / "archive.db.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another run holding the archive would
        proc = subprocess.Popen(
            [BIN / "foreign-desk", *command],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert "waiting for another command writing to" in proc.stderr.readline()
        assert proc.poll() is None
    proc.communicate(timeout=60)
    assert proc.returncode == 0


def test_a_locked_database_stops_the_run_instead_of_rejecting_its_files(tmp_path):
    env = migrated(tmp_path)
    first = write(tmp_path / "first", "a.txt", article_text("A First Article"))
    assert run("ingest", str(first), env=env).returncode == 0  # the topics are set up
    other = sqlite3.connect(tmp_path / "archive.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a writer that takes no lock file, holding on
    try:
        done = run("ingest", str(SEEDS), env=env)
    finally:
        other.close()
    assert done.returncode == 1
    assert done.stdout == ""  # no file is reported rejected
    assert "the database failed: database is locked" in done.stderr
    assert "stopped: 0 of 2 files stored; run `foreign-desk ingest` again" in done.stderr


def workers_of(proc: subprocess.Popen) -> list[psutil.Process]:
    """The parsing workers of a run, once it has started them."""
    for _ in range(300):
        children = psutil.Process(proc.pid).children(recursive=True)
        if children:
            return children
        time.sleep(0.05)
    raise AssertionError("the run started no workers")


@contextmanager
def ending(workers: list[psutil.Process]) -> Iterator[None]:
    """Assert the workers are gone once the block has stopped their run; kill any left."""
    try:
        yield
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        for worker in workers:
            if worker.is_running():
                worker.kill()


def test_sigterm_ends_an_ingest_and_its_workers_and_a_rerun_completes_it(tmp_path, corpus):
    env = migrated(tmp_path)
    proc = start_ingest(env, corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with ending(workers_of(proc)):
        time.sleep(1)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert out == ""  # --json: no report of a run that did not finish
    assert err.startswith("stopped: ") and f" of {CORPUS:,} files stored; run `foreign-desk" in err
    done = run("ingest", "--json", str(corpus), env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["rejected"] == []
    assert articles(tmp_path) == CORPUS


def test_workers_end_when_their_ingest_is_killed_outright(tmp_path, corpus):
    env = migrated(tmp_path)
    proc = start_ingest(env, corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with ending(workers_of(proc)):
        proc.kill()
        proc.wait(timeout=10)

"""Servers and commands run in subprocesses, and the memory their processes use."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.http import Client

KIB = 1024


def vm_kib(pid: int, key: str, source: str = "status") -> int:
    """A memory figure of /proc/<pid>/status in KiB (VmRSS now, VmHWM the peak), or of
    another file there (smaps_rollup: Pss), 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


@dataclass
class Usage:
    """What polling /proc saw of a process tree: peak resident memory, the main one's CPU."""

    main_kib: int = 0
    worker_kib: int = 0  # the largest child process
    tree_kib: int = 0  # the most the whole tree held at one time
    # The same without file-backed pages (SQLite's memory-mapped database is the page cache's)
    tree_anon_kib: int = 0
    # The same with each page shared between processes counted once, split among them (PSS):
    # forked workers share the code and data loaded before the fork, which RSS counts in each.
    tree_pss_kib: int = 0
    main_cpu: float = 0.0  # CPU seconds of the main process alone (its children not counted)

    def memory(self) -> dict[str, float]:
        return {
            "main_mb": round(self.main_kib / KIB, 1),
            "worker_mb": round(self.worker_kib / KIB, 1),
            "tree_mb": round(self.tree_kib / KIB, 1),
            "tree_anon_mb": round(self.tree_anon_kib / KIB, 1),
            "tree_pss_mb": round(self.tree_pss_kib / KIB, 1),
        }


@dataclass
class _Watch:
    pid: int
    usage: Usage = field(default_factory=Usage)
    stop: threading.Event = field(default_factory=threading.Event)

    def poll(self, every: float = 0.02) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(every)

    def sample(self) -> None:
        try:
            main = psutil.Process(self.pid)
            children = [c.pid for c in main.children(recursive=True)]
            self.usage.main_cpu = cpu_seconds(main)
        except psutil.NoSuchProcess:
            return
        workers = [vm_kib(pid, "VmHWM") for pid in children]
        pids = [self.pid, *children]
        now = sum(vm_kib(pid, "VmRSS") for pid in pids)
        anon = sum(vm_kib(pid, "RssAnon") for pid in pids)
        pss = sum(vm_kib(pid, "Pss", "smaps_rollup") for pid in pids)
        self.usage.main_kib = max(self.usage.main_kib, vm_kib(self.pid, "VmHWM"))
        self.usage.worker_kib = max([self.usage.worker_kib, *workers])
        self.usage.tree_kib = max(self.usage.tree_kib, now)
        self.usage.tree_anon_kib = max(self.usage.tree_anon_kib, anon)
        self.usage.tree_pss_kib = max(self.usage.tree_pss_kib, pss)


@dataclass(frozen=True)
class Watched:
    """How a command went: wall and CPU seconds (its whole tree), outcome, what polling saw."""

    seconds: float
    cpu_seconds: float
    done: subprocess.CompletedProcess
    usage: Usage


def run_watched(args: Sequence[str], env: dict[str, str]) -> Watched:
    """Run a command and watch it; CPU time counts its children once they are waited for."""
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watch = _Watch(proc.pid)
    poller = threading.Thread(target=watch.poll, daemon=True)
    poller.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    watch.stop.set()
    poller.join()
    done = subprocess.CompletedProcess(args, proc.returncode, stdout, stderr)
    return Watched(seconds, _children_cpu() - before, done, watch.usage)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def server(
    args: Sequence[str], port: int, ready_path: str, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    """Start a server logging to a file, wait until ready_path answers, stop it on the way out."""
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            args, env={**os.environ, **(env or {})}, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        _wait_ready(proc, port, ready_path, log)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ready(
    proc: subprocess.Popen, port: int, path: str, log: Path, timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited: {log.read_text()[-2000:]}")
        client = Client(port, timeout=5)
        try:
            client.get(path)
            return
        except OSError:
            time.sleep(0.1)
        finally:
            client.close()
    raise RuntimeError(f"{proc.args[0]} did not answer {path} on port {port} in {timeout}s")


def worker(proc: subprocess.Popen) -> psutil.Process:
    """The process that answers requests: a pre-forking server's (only) worker, else itself."""
    children = psutil.Process(proc.pid).children(recursive=True)
    return (
        max(children, key=lambda c: vm_kib(c.pid, "VmRSS"))
        if children
        else psutil.Process(proc.pid)
    )


def rss_mb(pid: int, key: str = "VmRSS") -> float:
    """A process's resident memory now (VmRSS; RssAnon: its own, not mapped files), in MB."""
    return round(vm_kib(pid, key) / KIB, 1)


def cpu_seconds(proc: psutil.Process) -> float:
    """User and system CPU time a process has used so far, all its threads included."""
    times = proc.cpu_times()
    return times.user + times.system

"""One writer at a time: an advisory lock on a file beside the SQLite archive."""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class LockUnavailable(Exception):
    """The lock file cannot be made (a read-only folder, say)."""


@contextmanager
def exclusive(database: Path | None, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold `<database>.lock` for the block, calling `waiting` first if another run holds it.

    SQLite lets one writer in at a time and makes the other wait five seconds at most, after
    which a long run's chunk would fail: runs wait for each other whole instead. The operating
    system releases the lock when its holder ends, however it ends.
    """
    if database is None:  # another database, or an in-memory one: its server sees to writers
        yield
        return
    try:
        lock = open(f"{database}.lock", "a")  # noqa: SIM115 — "a": create, never truncate
    except OSError as exc:
        raise LockUnavailable(f"cannot lock the archive {database}: {exc.strerror}") from exc
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield

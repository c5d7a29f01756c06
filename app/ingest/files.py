"""The files of a run: read with their hashes, the ones the archive holds already, and the
report of what became of each (standard library only: `rerun` answers without the loader)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# Raw hashes the archive holds: as an article's current version (with the file it came from),
# or as an older one, kept in a revision. A chunk's hashes go in as one JSON array, so that the
# statement is the same whatever their number; the first is answered from a covering index.
KNOWN_SQL = (
    "SELECT raw_sha256, source_path FROM article "
    "WHERE raw_sha256 IN (SELECT value FROM json_each(?))"
)
OLDER_SQL = "SELECT raw_sha256 FROM revision WHERE raw_sha256 IN (SELECT value FROM json_each(?))"


@dataclass
class Report:
    """What one ingest run did with each file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    # Stored, but dated after tomorrow: most likely a typo in the year, and such an article
    # heads every newest-first list until its date comes. Not one of the outcomes above.
    future: list[tuple[str, date]] = field(default_factory=list)
    # Stored undated though the file has a date line: one that could be 4 February or 2 April
    # ("04/02/2019"), names no day ("April 2019") or no such day ("February 30, 2019").
    unread_dates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.as_json().values())

    def summary(self) -> str:
        return (
            f"{self.total} files: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.duplicates)} duplicates, "
            f"{len(self.rejected)} rejected"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
        }


@dataclass(frozen=True, slots=True)
class File:
    """A file of the run, read whole: its bytes and their hash, or why it could not be read."""

    path: str
    data: bytes | None
    error: str | None
    sha256: str


def read_files(paths: Iterable[str | Path]) -> Iterator[File]:
    for path in paths:
        try:
            with open(path, "rb", buffering=0) as file:  # read whole: no buffer needed
                data = file.read()
        except OSError as exc:
            yield File(str(path), None, f"cannot read the file: {exc.strerror or exc}", "")
            continue
        yield File(str(path), data, None, hashlib.sha256(data).hexdigest())


def known_hashes(cursor: Any, files: list[File]) -> dict[str, str | None]:
    """The files' hashes the archive holds, with the path of the current version (None: an
    older version), looked up on a DB-API cursor of the SQLite archive."""
    hashes = [json.dumps([f.sha256 for f in files if f.data is not None])]
    older = cursor.execute(OLDER_SQL, hashes).fetchall()
    return {**{sha256: None for (sha256,) in older}, **dict(cursor.execute(KNOWN_SQL, hashes))}


def sort_out(files: list[File], known: dict[str, str | None], report: Report) -> list[File]:
    """Report the files that need no parsing (unreadable, or bytes the archive holds: a copy
    under another name is a duplicate); return the others."""
    to_parse: list[File] = []
    for file in files:
        if file.error is not None:
            report.rejected.append({"path": file.path, "reason": file.error})
        elif file.sha256 in known:
            same_file = known[file.sha256] == file.path
            (report.unchanged if same_file else report.duplicates).append(file.path)
        else:
            to_parse.append(file)
    return to_parse

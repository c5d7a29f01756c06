"""A re-run that finds nothing new, answered from the archive's hashes alone.

Ingesting a folder again is common (`make run` does it every time) and usually finds every
file unchanged. Loading the web app, SQLAlchemy and the parser took a second before the first
file was read; here the files are read, hashed and looked up in SQLite with the standard
library only. At the first chunk holding anything else (a new or changed file, one that cannot
be read), the rest of the run is handed to the loader.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from app.ingest.files import Report, known_hashes, read_files, sort_out

CHUNK = 500  # files read and looked up together, as the loader does
# Present while the search index is kept row by row: a bulk load drops them at its start and
# creates them at its end, so that their absence says the next run must finish it (app.search.fill).
SEARCH_TRIGGERS = (
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_fts_%'"
)


def check(
    url: str, paths: list[str], progress: Callable[[int], None]
) -> tuple[Report, list[str] | None]:
    """Report the leading files the archive holds byte for byte; return that report and the
    files left for the loader (None: none, the run is done)."""
    report = Report()
    if not may_answer(url):
        return report, paths
    database = sqlite_file(url)
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            if conn.execute(SEARCH_TRIGGERS).fetchone()[0] < 3:
                return report, paths  # a bulk load stopped halfway: the loader finishes it
            for start in range(0, len(paths), CHUNK):
                files = list(read_files(paths[start : start + CHUNK]))
                known = known_hashes(conn.cursor(), files)
                if any(f.error is not None or f.sha256 not in known for f in files):
                    return report, paths[start:]
                sort_out(files, known, report)
                progress(len(files))
    except sqlite3.Error:
        return Report(), paths  # not an archive, or not migrated: the loader says so
    return report, None


def may_answer(url: str) -> bool:
    """Whether the archive is a plain SQLite file that is there (the loader handles others,
    and says what is wrong with them)."""
    database = sqlite_file(url)
    return database is not None and database.is_file()


def sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL (`sqlite:///path`); None for anything else."""
    prefix = "sqlite:///"
    name = url[len(prefix) :] if url.startswith(prefix) else ""
    if not name or name.startswith((":", "file:")) or "?" in name:
        return None
    return Path(name)

"""`foreign-desk ingest`: read files and folders into the archive, and say what became of each.

A run that finds every file in the archive already is answered by `rerun` before the loader,
Flask or SQLAlchemy are loaded; whatever else a run finds goes to the loader (`load`).
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click

from app.cli import command_app, database_url
from app.ingest import rerun
from app.ingest.files import Report
from app.ingest.walk import article_files

EXIT_REJECTED = 3
NOTE_SHOWN = 10  # files named in a note; the rest are counted


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
def ingest_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Ingest article files and folders (default: seeds/).

    The archive is the one DATABASE_URL names (unset: foreign-desk.db in the instance folder;
    `foreign-desk --help` shows which).
    """
    paths = paths or ("seeds",)
    # Nothing to read at all is a mistake in the command; one missing name among others is a
    # rejection like a broken link, and the rest are ingested.
    if not any(Path(p).exists() for p in paths):
        raise click.ClickException(f"no such file or folder: {', '.join(paths)}")
    url = database_url()
    if not rerun.may_answer(url):
        from app.cli_checks import check_database_file

        check_database_file(url)  # before walking a folder: says why the archive cannot open
    with terminate_as_interrupt():
        found = article_files(paths)
        report = _ingest(url, found.files, show_bar=not as_json and sys.stderr.isatty())
    report.rejected[:0] = found.unreadable
    if as_json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False)  # in pieces: a million paths
        sys.stdout.write("\n")
    else:
        click.echo(report.summary())
        for rejected in report.rejected:
            click.echo(f"rejected {rejected['path']}: {rejected['reason']}")
    _warn_of_future_dates(report.future)
    _warn_of_unread_dates(report.unread_dates)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM (`kill PID`) stop the block as Ctrl-C does, so that everything unwinds.

    Without it the process ends on the spot, and its parsing workers wait forever.
    """

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


class _Progress:
    """Files done so far, shown as a bar on a terminal (tqdm loaded only then)."""

    def __init__(self, total: int, shown: bool) -> None:
        self.total, self.done = total, 0
        self.bar = None
        if shown:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file")

    def __call__(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def stopped(self) -> str:
        return (
            f"stopped: {self.done:,} of {self.total:,} files stored; "
            "run `foreign-desk ingest` again to finish"
        )


def _ingest(url: str, files: list[str], show_bar: bool) -> Report:
    """Answer from the archive's hashes what it can, load the rest; if stopped, say so."""
    progress = _Progress(len(files), show_bar)
    try:
        report, rest = rerun.check(url, files, progress)
        if rest is None:
            return report
        with command_app().app_context():
            return _load(url, rest, report, progress)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: each chunk written so far is committed
        progress.close()
        click.echo(progress.stopped(), err=True)
        sys.exit(1)
    finally:
        progress.close()


def _load(url: str, files: list[str], report: Report, progress: _Progress) -> Report:
    """Run the loader under the archive's writer lock, continuing `report`."""
    from app import db
    from app.cli_checks import (
        DATABASE_ERRORS,
        database_problem,
        not_ready,
        taxonomy_errors,
        writing,
    )
    from app.ingest.load import ingest  # the parser's libraries: only a run that parses

    try:
        # Its own connection: the loader commits chunk by chunk.
        with taxonomy_errors(), writing(url), db.engine().connect() as conn:
            return ingest(conn, files, progress=progress, report=report)
    except DATABASE_ERRORS as exc:  # never a file's fault: the run cannot go on
        problem = database_problem(exc)
        if not not_ready(exc):
            problem += f"; {progress.stopped()}"
        raise click.ClickException(problem) from exc


def _warn_of_future_dates(future: list[tuple[str, date]]) -> None:
    """Say on stderr which stored files are dated after tomorrow: most likely a wrong year,
    and until that date comes such an article heads every newest-first list."""
    many = len(future) > 1
    lines = "their date lines" if many else "its date line"
    head = f"{_files(future)} {'are' if many else 'is'} dated after tomorrow; check {lines}:"
    _note(head, [f"{path}: {day.isoformat()}" for path, day in future])


def _warn_of_unread_dates(unread: list[tuple[str, str]]) -> None:
    """Say on stderr which stored files are undated because their date line could not be read:
    one that could be either of two days, or names no day, is never guessed."""
    many = len(unread) > 1
    head = (
        f"{_files(unread)} {'have' if many else 'has'} a date line that could not be read as "
        f"one day, and {'are' if many else 'is'} stored undated (write it as 2019-04-02 or "
        "April 2, 2019):"
    )
    _note(head, [f"{path}: {line}" for path, line in unread])


def _files(found: list) -> str:
    return f"{len(found):,} files" if len(found) > 1 else "1 file"


def _note(head: str, lines: list[str]) -> None:
    """A note on stderr: what is wrong, then the first few files it concerns."""
    if not lines:
        return
    click.echo(f"note: {head}", err=True)
    for line in lines[:NOTE_SHOWN]:
        click.echo(f"  {line}", err=True)
    if len(lines) > NOTE_SHOWN:
        click.echo(f"  and {len(lines) - NOTE_SHOWN:,} more", err=True)

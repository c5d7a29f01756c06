"""The command line: `foreign-desk db upgrade | ingest | links | serve | retag`."""

from __future__ import annotations

import errno
import json
import socket
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy.engine import make_url

from app import db, lists, topics_store
from app.cli_checks import (
    DATABASE_ERRORS,
    check_database_file,
    check_folder,
    database_errors,
    database_problem,
    not_ready,
    sqlite_path,
    terminate_as_interrupt,
    writing,
)
from app.ingest.walk import article_files
from app.taxonomy import TaxonomyError

if TYPE_CHECKING:
    from app.ingest.load import Report

EXIT_REJECTED = 3

db_group = AppGroup("db", help="Manage the database schema.")


@db_group.command("upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Create or migrate the schema to the newest revision."""
    from app import migrate  # Alembic takes long to import: only these commands load it

    url = current_app.config["DATABASE_URL"]
    check_folder(url)
    with database_errors(), writing(url):
        before = migrate.current(url)
        migrate.upgrade(url)
    newest = migrate.newest()
    if before is None:
        click.echo(f"Created the schema ({newest}).")
    elif before == newest:
        click.echo(f"Already at the newest revision ({newest}).")
    else:
        click.echo(f"Upgraded from {before} to {newest}.")


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@with_appcontext
def ingest_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Ingest article files and folders (default: seeds/)."""
    paths = paths or ("seeds",)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")
    url = current_app.config["DATABASE_URL"]
    check_database_file(url)
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
    if report.rejected:
        sys.exit(EXIT_REJECTED)


FUTURE_SHOWN = 10  # files named in the warning; the rest are counted


def _warn_of_future_dates(future: list[tuple[str, date]]) -> None:
    """Say on stderr which stored files are dated after tomorrow: most likely a wrong year,
    and until that date comes such an article heads every newest-first list."""
    if not future:
        return
    many = f"{len(future):,} files are" if len(future) > 1 else "1 file is"
    lines = "their date lines" if len(future) > 1 else "its date line"
    click.echo(f"note: {many} dated after tomorrow; check {lines}:", err=True)
    for path, day in future[:FUTURE_SHOWN]:
        click.echo(f"  {path}: {day.isoformat()}", err=True)
    if len(future) > FUTURE_SHOWN:
        click.echo(f"  and {len(future) - FUTURE_SHOWN:,} more", err=True)


def _ingest(url: str, files: list[str], show_bar: bool) -> Report:
    """Run the loader under the archive's writer lock; if it stops, say what was kept."""
    from tqdm import tqdm

    from app.ingest.load import ingest  # the parser's libraries: only this command loads them

    stored = 0

    def progress(n: int) -> None:
        nonlocal stored
        stored += n
        bar.update(n)

    try:
        # Its own connection: the loader commits chunk by chunk.
        with (
            writing(url),
            db.engine().connect() as conn,
            tqdm(total=len(files), unit="file", disable=not show_bar) as bar,
        ):
            return ingest(conn, files, progress=progress)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: each chunk written so far is committed
        click.echo(_stopped(stored, len(files)), err=True)
        sys.exit(1)
    except DATABASE_ERRORS as exc:  # never a file's fault: the run cannot go on
        problem = database_problem(exc)
        if not not_ready(exc):
            problem += f"; {_stopped(stored, len(files))}"
        raise click.ClickException(problem) from exc
    except TaxonomyError as exc:
        raise click.ClickException(f"the taxonomy cannot be used: {exc}") from exc


def _stopped(stored: int, total: int) -> str:
    return (
        f"stopped: {stored:,} of {total:,} files stored; run `foreign-desk ingest` again to finish"
    )


@click.command("links")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many missing titles to list (0: all).",
)
@click.option("--resolve", is_flag=True, help="Resolve every link afresh first.")
@with_appcontext
def links_command(as_json: bool, limit: int, resolve: bool) -> None:
    """Count resolved links and list the titles the archive lacks, most cited first."""
    from app import links

    url = current_app.config["DATABASE_URL"]
    check_database_file(url)
    session = db.session()
    with database_errors():
        if resolve:
            with writing(url), session.begin():
                links.resolve_all(session.connection())
        found = links.report(session.connection(), limit or None)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    steps = " · ".join(f"{step} {n:,}" for step, n in found["resolved_by"].items())
    own = f" ({found['own']:,} naming their own article)" if found["own"] else ""
    click.echo(
        f"{found['links']:,} links: {found['resolved']:,} resolved ({steps}), "
        f"{found['unresolved']:,} unresolved{own}"
    )
    if found["missing"]:
        click.echo(f"{found['missing_titles']:,} titles the archive lacks, most cited first:")
        for missing in found["missing"]:
            click.echo(f"{missing['cited']:>6}  {missing['title']}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, envvar="WEB_CONCURRENCY")
@with_appcontext
def serve_command(host: str, port: int, workers: int) -> None:
    """Serve the archive with gunicorn, the production server."""
    from app.server import serve

    _check_schema(current_app.config["DATABASE_URL"])
    _check_port(host, port)
    serve(host, port, workers)


def _check_port(host: str, port: int) -> None:
    """Say at once that the port is taken: gunicorn retries for five seconds, then fails."""
    try:
        with socket.create_server((host, port)):  # as gunicorn binds: SO_REUSEADDR
            pass
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
        raise click.ClickException(
            f"port {port} is in use; try --port {port + 1} (make run PORT={port + 1})"
        ) from exc


def _check_schema(url: str) -> None:
    """Refuse to serve an archive whose schema is missing or behind: every page would fail."""
    from app import migrate

    check_database_file(url)
    with database_errors():
        at = migrate.current(url)
    newest = migrate.newest()
    if at == newest:
        return
    where = sqlite_path(url) or make_url(url).render_as_string(hide_password=True)
    state = "has no schema" if at is None else f"is at revision {at} (the code needs {newest})"
    raise click.ClickException(
        f"the archive at {where} {state}; run `foreign-desk db upgrade` first"
    )


@click.command("retag")
@with_appcontext
def retag_command() -> None:
    """Recompute every article's topics from the taxonomy (after changing it)."""
    from tqdm import tqdm

    url = current_app.config["DATABASE_URL"]
    check_database_file(url)
    session = db.session()
    try:
        with database_errors(), writing(url), session.begin():
            total = lists.count(session, lists.Filters())
            with tqdm(total=total, unit="article", disable=not sys.stderr.isatty()) as bar:
                report = topics_store.retag(session.connection(), progress=bar.update)
    except TaxonomyError as exc:
        raise click.ClickException(f"the taxonomy cannot be used: {exc}") from exc
    click.echo(report.summary())


def register_commands(app: Flask) -> None:
    for command in (db_group, ingest_command, links_command, serve_command, retag_command):
        app.cli.add_command(command)

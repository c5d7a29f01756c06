"""The command line: `foreign-desk db upgrade | ingest | links | reparse | serve | retag`."""

from __future__ import annotations

import errno
import json
import socket
import sys

import click
from flask import Flask, current_app
from sqlalchemy.engine import make_url

from app import db
from app.cli import in_app
from app.cli_checks import (
    check_database_file,
    check_folder,
    database_errors,
    sqlite_path,
    taxonomy_errors,
    writing,
)

db_group = click.Group("db", help="Manage the database schema.")


@db_group.command("upgrade")
@in_app
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


@click.command("links", short_help="Count resolved links; list the titles the archive lacks.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many missing titles to list (0: all).",
)
@click.option("--resolve", is_flag=True, help="Resolve every link afresh first.")
@in_app
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
        click.echo(_missing_heading(found["missing_titles"], len(found["missing"])))
        for missing in found["missing"]:
            click.echo(f"{missing['cited']:>6}  {missing['title']}")


def _missing_heading(total: int, shown: int) -> str:
    """Say whether the list below is every missing title or only the most cited."""
    lacks = f"{total:,} title{'s' if total != 1 else ''} the archive lacks"
    if shown == total:
        return f"{lacks}, most cited first:"
    first = "the most cited" if shown == 1 else f"the {shown:,} most cited"
    return f"{lacks}; {first} (--limit 0 lists all):"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, envvar="WEB_CONCURRENCY")
@in_app
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


@click.command("retag", short_help="Recompute every article's topics from the taxonomy.")
@in_app
def retag_command() -> None:
    """Recompute every article's topics from the taxonomy (after changing it)."""
    from tqdm import tqdm

    from app import lists, topics_store

    url = current_app.config["DATABASE_URL"]
    check_database_file(url)
    session = db.session()
    with taxonomy_errors(), database_errors(), writing(url), session.begin():
        total = lists.count(session, lists.Filters())
        with tqdm(total=total, unit="article", disable=not sys.stderr.isatty()) as bar:
            report = topics_store.retag(session.connection(), progress=bar.update)
    click.echo(report.summary())


@click.command("reparse", short_help="Read every stored article again with today's parser.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@in_app
def reparse_command(as_json: bool) -> None:
    """Read every article's stored raw text again with today's parser, and update the articles
    it now reads differently (after an upgrade that fixed the parser). No file is read, and no
    revision is added: the text is the one archived."""
    from tqdm import tqdm

    from app.ingest.command import EXIT_REJECTED, terminate_as_interrupt
    from app.ingest.reparse import ReparseReport, reparse, total

    url = current_app.config["DATABASE_URL"]
    check_database_file(url)
    report, articles = ReparseReport(), 0
    try:
        # Its own connection: each chunk is committed on its own.
        with (
            terminate_as_interrupt(),
            taxonomy_errors(),
            database_errors(),
            writing(url),
            db.engine().connect() as conn,
        ):
            with conn.begin():
                articles = total(conn)
            shown = not as_json and sys.stderr.isatty()
            with tqdm(total=articles, unit="article", disable=not shown) as bar:
                reparse(conn, report, progress=bar.update)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: each chunk written so far is committed
        click.echo(
            f"stopped: {report.articles:,} of {articles:,} articles read again; "
            "run `foreign-desk reparse` again to finish",
            err=True,
        )
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        click.echo(report.summary())
        for kept in report.kept:
            click.echo(f"kept article {kept['id']} ({kept['path']}): {kept['reason']}")
    if report.kept:
        sys.exit(EXIT_REJECTED)


def register_commands(app: Flask) -> None:
    """The same commands under `flask --app app`, and for Flask's test runner."""
    from app.ingest.command import ingest_command

    for command in (
        db_group,
        ingest_command,
        links_command,
        reparse_command,
        serve_command,
        retag_command,
    ):
        app.cli.add_command(command)

"""The command line: `foreign-desk db upgrade | ingest | links | serve | retag`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from app import db, lists, topics_store
from app.ingest.walk import article_files
from app.taxonomy import TaxonomyError

EXIT_REJECTED = 3

db_group = AppGroup("db", help="Manage the database schema.")


@db_group.command("upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Create or migrate the schema to the newest revision."""
    from app import migrate  # Alembic takes long to import: only this command loads it

    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("Database is at the newest revision.")


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@with_appcontext
def ingest_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Ingest article files and folders (default: seeds/)."""
    from tqdm import tqdm

    from app.ingest.load import ingest  # the parser's libraries: only this command loads them

    paths = paths or ("seeds",)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")
    _check_database_file(current_app.config["DATABASE_URL"])
    found = article_files(paths)
    show_bar = not as_json and sys.stderr.isatty()
    try:
        # Its own connection: the loader commits chunk by chunk.
        with (
            db.engine().connect() as conn,
            tqdm(total=len(found.files), unit="file", disable=not show_bar) as bar,
        ):
            report = ingest(conn, found.files, progress=bar.update)
    except (OperationalError, ProgrammingError) as exc:
        raise click.ClickException(
            f"the database is not ready ({exc.orig}); run `foreign-desk db upgrade` first"
        ) from exc
    except TaxonomyError as exc:
        raise click.ClickException(f"the taxonomy cannot be used: {exc}") from exc
    report.rejected[:0] = found.unreadable
    if as_json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False)  # in pieces: a million paths
        sys.stdout.write("\n")
    else:
        click.echo(report.summary())
        for rejected in report.rejected:
            click.echo(f"rejected {rejected['path']}: {rejected['reason']}")
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def _check_database_file(url: str) -> None:
    """Stop with a clear reason if an SQLite archive file cannot be opened or is not there.

    Opening a file that is not there would create it, and leave an empty file behind.
    """
    database = make_url(url)
    name = database.database
    if database.get_backend_name() != "sqlite" or not name or name.startswith((":", "file:")):
        return  # another database, an in-memory one, or a URI SQLite reads itself
    path = Path(name)
    if not path.parent.is_dir():
        raise click.ClickException(
            f"the database file {path} cannot be opened: its folder {path.parent} does not exist"
        )
    if not path.exists():
        raise click.ClickException(
            f"there is no database at {path}; run `foreign-desk db upgrade` first"
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

    session = db.session()
    if resolve:
        links.resolve_all(session.connection())
        session.commit()
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
def serve_command(host: str, port: int, workers: int) -> None:
    """Serve the archive with gunicorn, the production server."""
    from app.server import serve

    serve(host, port, workers)


@click.command("retag")
@with_appcontext
def retag_command() -> None:
    """Recompute every article's topics from the taxonomy (after changing it)."""
    from tqdm import tqdm

    _check_database_file(current_app.config["DATABASE_URL"])
    session = db.session()
    try:
        total = lists.count(session, lists.Filters())
        with tqdm(total=total, unit="article", disable=not sys.stderr.isatty()) as bar:
            report = topics_store.retag(session.connection(), progress=bar.update)
        session.commit()
    except (OperationalError, ProgrammingError) as exc:
        session.rollback()
        raise click.ClickException(
            f"the database is not ready ({exc.orig}); run `foreign-desk db upgrade` first"
        ) from exc
    except TaxonomyError as exc:
        session.rollback()
        raise click.ClickException(f"the taxonomy cannot be used: {exc}") from exc
    click.echo(report.summary())


def register_commands(app: Flask) -> None:
    for command in (db_group, ingest_command, links_command, serve_command, retag_command):
        app.cli.add_command(command)

"""What every command checks and catches, so that a setup mistake reads as one line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError

from app import archive_lock
from app.taxonomy import TaxonomyError

# SQLAlchemy's, and the driver's own from statements run on its cursor (`app.prepared`).
DATABASE_ERRORS = (DatabaseError, sqlite3.DatabaseError)


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite archive; None for another database, an in-memory one or a URI."""
    database = make_url(url)
    name = database.database
    if database.get_backend_name() != "sqlite" or not name or name.startswith((":", "file:")):
        return None
    return Path(name)


def check_folder(url: str) -> None:
    """Stop with a clear reason if an SQLite archive's folder is not there."""
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        relative = "" if path.is_absolute() else " (a relative path is read from the current one)"
        raise click.ClickException(
            f"the database file {path} cannot be opened: its folder "
            f"{path.parent.absolute()} does not exist{relative}"
        )


def check_database_file(url: str) -> None:
    """Stop with a clear reason if an SQLite archive file cannot be opened or is not there.

    Opening a file that is not there would create it, and leave an empty file behind.
    """
    check_folder(url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise click.ClickException(
            f"there is no database at {path}; run `foreign-desk db upgrade` first"
        )


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn the database's refusals into a command error instead of a traceback."""
    try:
        yield
    except DATABASE_ERRORS as exc:
        raise click.ClickException(database_problem(exc)) from exc


@contextmanager
def taxonomy_errors() -> Iterator[None]:
    """Turn a taxonomy that cannot be read or compiled into a command error."""
    try:
        yield
    except TaxonomyError as exc:
        raise click.ClickException(f"the taxonomy cannot be used: {exc}") from exc


def database_problem(exc: Exception) -> str:
    """What to tell the user about an error the database gave."""
    if not_ready(exc):
        return f"the database is not ready ({_reason(exc)}); run `foreign-desk db upgrade` first"
    return f"the database failed: {_reason(exc)}"


def not_ready(exc: Exception) -> bool:
    """Whether the database's error says its schema is missing or behind."""
    return str(_reason(exc)).startswith(("no such table", "no such column"))


def _reason(exc: Exception) -> object:
    return getattr(exc, "orig", None) or exc  # the driver's own message, without the SQL


@contextmanager
def writing(url: str) -> Iterator[None]:
    """Hold the archive's writer lock for the block, saying so if it has to wait."""
    path = sqlite_path(url)

    def waiting() -> None:
        click.echo(f"waiting for another command writing to {path} to finish…", err=True)

    try:
        with archive_lock.exclusive(path, waiting):
            yield
    except archive_lock.LockUnavailable as exc:
        raise click.ClickException(str(exc)) from exc

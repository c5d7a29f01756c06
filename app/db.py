"""The database engine, and one session per app context."""

from __future__ import annotations

import click
from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

# The page cache and the memory map are per connection and count in a worker's RSS: 64 MB of
# cache and a 256 MB map made a serving worker 320 MB at 100,000 articles, and bigger with the
# archive. 16 MB and 64 MB kept it near 100 MB at the same speed (pages and searches measured
# within noise of each other): the operating system caches the file for every connection. At
# 1,000,000 articles a worker that had shown many different pages had touched the whole 64 MB
# map (RSS 203–211 MB); 32 MB gave 173 MB and pages within noise.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA cache_size=-16384",
    "PRAGMA mmap_size=33554432",
    "PRAGMA temp_store=MEMORY",
)


class UnusableURL(click.ClickException):
    """DATABASE_URL names no database this installation can open: said in one line."""


DRIVERS = {"postgresql": "PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'"}


def make_engine(url: str, **options) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a generous cache and real savepoints."""
    try:
        engine = create_engine(url, **options)
    except NoSuchModuleError as exc:  # before its base class, ArgumentError
        raise UnusableURL(f"DATABASE_URL names a database SQLAlchemy does not know: {exc}") from exc
    except ArgumentError as exc:
        raise UnusableURL(f"DATABASE_URL is not a database URL: {exc}") from exc
    except ModuleNotFoundError as exc:  # the dialect's driver is not installed
        backend = make_url(url).get_backend_name()
        hint = DRIVERS.get(backend, f"{backend} needs the module {exc.name}: pip install it")
        raise UnusableURL(hint) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Python's sqlite3 defers BEGIN until the first write, so a SAVEPOINT issued before any
    # write opens the transaction itself and its RELEASE commits it: every savepoint would be
    # a commit of its own. Take transactions out of the driver's hands (SQLAlchemy's recipe)
    # and begin them in _sqlite_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_begin(connection) -> None:
    # Straight to the driver: every request begins one, and SQLAlchemy's execute of a bare
    # BEGIN cost a tenth of a millisecond of Python.
    connection.connection.driver_connection.execute("BEGIN")


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["engine"] = engine
    app.extensions["sessionmaker"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def session() -> Session:
    """The session of the current app context, opened on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["sessionmaker"]()
    return g.db_session


def engine() -> Engine:
    return current_app.extensions["engine"]


def _close_session(_exc: BaseException | None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()

"""Core statements compiled once and run on the driver's own cursor, for the reading pages.

SQLAlchemy's `execute` spends 0.1–0.5 ms of Python on each statement (its cache key, the
compiled form's look-up, the result's wrapping and row processing) while SQLite answers a
page's small statements in 10–100 µs, and a page asks five to ten. These statements are still
written with the expression language (so they follow the models and any dialect), compiled
once per dialect, then sent straight to the DBAPI cursor; their rows are plain tuples, dates as
the driver gives them (`day` reads them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Dialect, Select, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ClauseElement

NO_PARAMS: Mapping[str, Any] = {}


class _Compiled:
    """One statement's SQL for one dialect, and how to order its parameters."""

    __slots__ = ("sql", "names", "defaults", "positional", "dates_as_text")

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.positional = compiled.positional
        self.names = tuple(compiled.positiontup or ()) if compiled.positional else ()
        self.defaults = {k: v for k, v in compiled.params.items() if v is not None}
        # SQLite stores dates as ISO text; its driver's own date adapter is deprecated.
        self.dates_as_text = dialect.name == "sqlite"

    def args(self, params: Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
        values = {**self.defaults, **params} if self.defaults else params
        if self.dates_as_text:
            values = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
        return [values[name] for name in self.names] if self.positional else values


class Prepared:
    """A statement built once at import, run many times with named parameters."""

    __slots__ = ("statement", "_by_dialect")

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def _compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            found = self._by_dialect[dialect.name] = _Compiled(self.statement, dialect)
        return found

    def rows(self, conn: Connection, params: Mapping[str, Any] = NO_PARAMS) -> list[tuple]:
        """Every row, as plain tuples."""
        compiled = self._compiled(conn.dialect)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, compiled.args(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def first(self, conn: Connection, params: Mapping[str, Any] = NO_PARAMS) -> tuple | None:
        found = self.rows(conn, params)
        return found[0] if found else None

    def scalar(self, conn: Connection, params: Mapping[str, Any] = NO_PARAMS) -> Any:
        row = self.first(conn, params)
        return row[0] if row else None


def json_values(array: Any) -> Select:
    """The values of a JSON array (a parameter or a column) as a subquery, for `IN`: a
    statement compiled once takes any number of values, where an expanding IN list is compiled
    afresh for each count (SQLite's json_each)."""
    return select(func.json_each(array).table_valued("value").c.value)


def day(value: str | date | None) -> date | None:
    """A date column's value as a date (SQLite's driver gives ISO text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def moment(value: str | datetime) -> datetime:
    """A DateTime column's value as a datetime (SQLite's driver gives ISO text)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value

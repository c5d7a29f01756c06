"""Inserts through the driver's own cursor, for the statements an ingest runs per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection


class RawInsert:
    """An INSERT of chosen columns of a table, run on the DB-API cursor of a connection.

    Through SQLAlchemy each statement cost several times what SQLite spent on it; here the
    SQL is built once, and each value is converted by the column type's own bind processor,
    so dates and times are stored as the very strings SQLAlchemy writes.
    """

    def __init__(self, table: Table, columns: Sequence[str], conn: Connection) -> None:
        self.columns = tuple(columns)
        marks = ", ".join("?" * len(self.columns))
        self.sql = f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES ({marks})"
        processors = [table.c[name].type.bind_processor(conn.dialect) for name in self.columns]
        self.steps: list[tuple[str, Callable[[Any], Any] | None]] = list(
            zip(self.columns, processors, strict=True)
        )
        self.cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _params(self, row: Mapping[str, Any]) -> list[Any]:
        return [row[name] if step is None else step(row[name]) for name, step in self.steps]

    def __call__(self, row: Mapping[str, Any]) -> int:
        """Insert one row; return its rowid."""
        self.cursor.execute(self.sql, self._params(row))
        return self.cursor.lastrowid  # type: ignore[return-value]

    def many(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Insert rows in one statement."""
        self.cursor.executemany(self.sql, map(self._params, rows))

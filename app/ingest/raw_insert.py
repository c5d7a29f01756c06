"""Inserts through the driver's own cursor, for the statements an ingest runs per file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Float, Table
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
        # Only the columns whose type converts (dates): the rest are picked in C, in one go.
        self.steps: list[tuple[int, Callable[[Any], Any]]] = [
            (i, step) for i, step in enumerate(processors) if step is not None
        ]
        # Columns whose values `tuples` cannot pass as they are. A float column's conversion
        # only makes other numbers floats, which a REAL column does by itself.
        self.converting = [
            name
            for name, step in zip(self.columns, processors, strict=True)
            if step is not None and not isinstance(table.c[name].type, Float)
        ]
        self.values = itemgetter(*self.columns) if len(self.columns) > 1 else _one(self.columns[0])
        self.cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _params(self, row: Mapping[str, Any]) -> Sequence[Any]:
        values = self.values(row)
        if not self.steps:
            return values
        values = list(values)
        for i, step in self.steps:
            values[i] = step(values[i])
        return values

    def __call__(self, row: Mapping[str, Any]) -> int:
        """Insert one row; return its rowid."""
        self.cursor.execute(self.sql, self._params(row))
        return self.cursor.lastrowid  # type: ignore[return-value]

    def many(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Insert rows in one statement."""
        self.cursor.executemany(self.sql, map(self._params, rows))

    def tuples(self, rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows given as tuples in the columns' order, each value as the driver takes
        it (see `adapted`), in one statement: no dict and no conversion per row."""
        if self.converting:
            raise TypeError(f"{self.sql}: {self.converting} need converting row by row")
        self.cursor.executemany(self.sql, rows)


def adapted(value: Any) -> Any:
    """A value as the sqlite3 driver adapts it (a date to its ISO text): done once for the
    many rows that repeat it, rather than by the driver for each."""
    adapt = sqlite3.adapters.get((type(value), sqlite3.PrepareProtocol))
    return value if adapt is None else adapt(value)


def _one(column: str) -> Callable[[Mapping[str, Any]], tuple[Any]]:
    """A getter of one column that, like itemgetter of several, answers a tuple."""
    return lambda row: (row[column],)

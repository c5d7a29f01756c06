"""Prepared statements: the same rows as SQLAlchemy's own execute, straight off the cursor."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, bindparam, select

from app.db import make_engine
from app.prepared import Prepared, day

metadata = MetaData()
note = Table(
    "note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body", String),
    Column("written", Date),
)
DAY = bindparam("day", type_=Date)
# A parameter used twice, one given a default in the statement, a date and a limit.
BETWEEN = (
    select(note.c.id, note.c.body, note.c.written)
    .where(note.c.written >= DAY, note.c.id != bindparam("not_id", 2))
    .where((note.c.written == DAY) | (note.c.id > bindparam("after", type_=Integer)))
    .order_by(note.c.id)
    .limit(bindparam("limit", type_=Integer))
)


def engine_with_notes(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'notes.db'}")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            note.insert(),
            [{"id": k, "body": f"note {k}", "written": date(2020, 1, k)} for k in range(1, 8)],
        )
    return engine


def test_rows_match_sqlalchemys_with_dates_repeated_and_default_parameters(tmp_path):
    engine = engine_with_notes(tmp_path)
    params = {"day": date(2020, 1, 2), "after": 1, "limit": 3}
    with engine.connect() as conn:
        expected = [tuple(r) for r in conn.execute(BETWEEN, params)]
        found = Prepared(BETWEEN).rows(conn, params)
    assert [(i, body, day(written)) for i, body, written in found] == expected
    assert [r[0] for r in expected] == [3, 4, 5]  # 2 is left out by the statement's default
    engine.dispose()


def test_first_and_scalar_answer_none_when_nothing_matches(tmp_path):
    engine = engine_with_notes(tmp_path)
    statement = Prepared(select(note.c.body).where(note.c.id == bindparam("id", type_=Integer)))
    with engine.connect() as conn:
        assert statement.scalar(conn, {"id": 3}) == "note 3"
        assert statement.first(conn, {"id": 99}) is None
        assert statement.scalar(conn, {"id": 99}) is None
    engine.dispose()

"""The database engine: what SQLite connections promise the loader and the pages."""

from __future__ import annotations

from sqlalchemy import text

from app.db import make_engine


def test_a_released_savepoint_is_not_a_commit(tmp_path):
    """Ingest is one transaction with a savepoint per file: nothing shows before the commit."""
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    writer, reader = make_engine(url), make_engine(url)
    with writer.begin() as conn:
        conn.execute(text("CREATE TABLE note (body TEXT)"))
    with writer.connect() as conn:
        conn.execute(text("SELECT count(*) FROM note")).scalar()  # reads before the first write
        with conn.begin_nested():
            conn.execute(text("INSERT INTO note VALUES ('one file')"))
        with reader.connect() as other:
            assert other.execute(text("SELECT count(*) FROM note")).scalar() == 0
        conn.commit()
    with reader.connect() as other:
        assert other.execute(text("SELECT count(*) FROM note")).scalar() == 1
    writer.dispose()
    reader.dispose()


def test_a_rolled_back_savepoint_keeps_the_rest_of_the_transaction(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'archive.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE note (body TEXT)"))
    with engine.connect() as conn:
        conn.execute(text("INSERT INTO note VALUES ('kept')"))
        savepoint = conn.begin_nested()
        conn.execute(text("INSERT INTO note VALUES ('undone')"))
        savepoint.rollback()
        conn.commit()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT body FROM note")).scalars().all() == ["kept"]
    engine.dispose()

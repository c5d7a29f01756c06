"""How the FTS5 index is filled: by triggers row by row, or once after a bulk load.

The triggers (migration 0002) index each article as it is written. A large ingest suspends
them and indexes everything in one 'rebuild' at its end: FTS5 then tokenizes each text once and
writes large segments instead of a small one per chunk merged again and again. While they are
suspended, the missing triggers are themselves the mark that the index lags behind, so a run
stopped halfway is finished by the next one (`suspended`).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

TRIGGERS = {
    "article_fts_insert": """
    CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts (rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
    "article_fts_delete": """
    CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts (article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    END
    """,
    "article_fts_update": """
    CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body_text ON article
    WHEN old.title IS NOT new.title OR old.body_text IS NOT new.body_text BEGIN
        INSERT INTO article_fts (article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO article_fts (rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
}
PRESENT = text(
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_fts_%'"
)


def _sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def suspended(conn: Connection) -> bool:
    """Whether the index lags behind the articles (a bulk load began and has not finished)."""
    return _sqlite(conn) and conn.scalar(PRESENT) < len(TRIGGERS)


def suspend(conn: Connection) -> None:
    """Stop indexing articles as they are written (all three triggers: an update or delete
    of a row the index does not hold yet would corrupt it)."""
    if _sqlite(conn):
        for name in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def resume(conn: Connection) -> None:
    """Index every article afresh, then index them as they are written again."""
    if not _sqlite(conn):
        return
    conn.exec_driver_sql("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
    for name, create in TRIGGERS.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(create)

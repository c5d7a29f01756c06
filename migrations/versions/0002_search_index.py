"""Full-text search: an FTS5 index over article title and body, kept in sync by triggers.

The index is external-content (it stores no second copy of the text; `article` is the
content), tokenized with `porter unicode61 remove_diacritics 2` so "helicopters" finds
"helicopter" and "Cucuta" finds "Cúcuta". `rank` is set to bm25 with the title weighted ten
times the body, so a plain `ORDER BY rank` ranks as the search pages do.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0

UPGRADE = (
    """
    CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body_text,
        content='article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts (rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
    """
    CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts (article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    END
    """,
    # Only a change to the indexed text needs the index touched.
    """
    CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body_text ON article
    WHEN old.title IS NOT new.title OR old.body_text IS NOT new.body_text BEGIN
        INSERT INTO article_fts (article_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO article_fts (rowid, title, body_text)
        VALUES (new.id, new.title, new.body_text);
    END
    """,
    "INSERT INTO article_fts (article_fts) VALUES ('rebuild')",
    "INSERT INTO article_fts (article_fts, rank) "
    f"VALUES ('rank', 'bm25({TITLE_WEIGHT}, {BODY_WEIGHT})')",
)

DOWNGRADE = (
    "DROP TRIGGER IF EXISTS article_fts_update",
    "DROP TRIGGER IF EXISTS article_fts_delete",
    "DROP TRIGGER IF EXISTS article_fts_insert",
    "DROP TABLE IF EXISTS article_fts",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's tsvector index belongs to its own backend's migration
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in DOWNGRADE:
        op.execute(statement)

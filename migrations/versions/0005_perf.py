"""Let a re-run recognise files from an index alone: (raw_sha256, source_path) covers it.

A re-run looks up every file's SHA-256 and the path it was stored from. With an index on
the hash alone, SQLite then read each article's row to get the path, and source_path sits
after the raw and body texts, so the whole row with its overflow pages: a 100,000-file
re-run read about a gigabyte and peaked at 480 MB of memory (166 MB with this index).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 05:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(
            "ix_article_raw_sha256_source_path", ["raw_sha256", "source_path"], unique=False
        )
        batch_op.drop_index("ix_article_raw_sha256")


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index("ix_article_raw_sha256", ["raw_sha256"], unique=False)
        batch_op.drop_index("ix_article_raw_sha256_source_path")

"""Title words for resolving related links by typo; terms and their counts for "More like this".

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:30:00.000000

Both tables are derived from the articles, so an archive ingested before this revision gets
them filled here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "title_word",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_title_word_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "length", "article_id", name=op.f("pk_title_word")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("title_word", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_title_word_article_id"), ["article_id"], unique=False)

    op.create_table(
        "article_term",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_term_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "term", name=op.f("pk_article_term")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("article_term", schema=None) as batch_op:
        batch_op.create_index(
            "ix_article_term_term_published", ["term", "published", "weight"], unique=False
        )
    op.create_table(
        "term_count",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_term_count")),
    )
    _fill()


def _fill() -> None:
    """Index the articles already in the archive (none in a new one)."""
    from app import similar, title_index

    title_index.fill_title_words(op.get_bind())
    similar.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("term_count")
    op.drop_table("article_term")
    op.drop_table("title_word")

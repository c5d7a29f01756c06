"""Title skeletons replace title words for finding titles one typo away.

A look-up by title words read every title holding the cited title's rarest words, which grow
with the archive (most of the 19 minutes that ended a bulk load of 1,000,000 articles); a
skeleton (the folded title with one word blanked, hashed) finds the titles one word apart by
exact look-ups. Filled here for the articles an archive already holds.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "title_skeleton",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("skeleton", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_title_skeleton_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "skeleton", name=op.f("pk_title_skeleton")),
        sqlite_with_rowid=False,
    )
    from app import title_index

    title_index.rebuild(op.get_bind())
    with op.batch_alter_table("title_skeleton", schema=None) as batch_op:
        batch_op.create_index("ix_title_skeleton_skeleton", ["skeleton"], unique=False)
    op.drop_table("title_word")


def downgrade() -> None:
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
    op.drop_table("title_skeleton")
    from app import title_index

    title_index.fill_title_words(op.get_bind())

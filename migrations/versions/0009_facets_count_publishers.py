"""Let a search's source facet count publishers too, from an index alone.

The `source=` filter matches an article its authors or its publisher credit; the facet counted
the byline's main source only, so "The Moscow Times 25" found 348. Counting what the filter
matches needs each sampled article's publisher: the covering index (id, published,
publisher_id) replaces 0007's (id, published, source_id), which nothing else reads (the
byline's source is always one of the authors, read from article_author).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_id_published_source_id")
        batch_op.create_index(
            "ix_article_id_published_publisher_id",
            ["id", "published", "publisher_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_id_published_publisher_id")
        batch_op.create_index(
            "ix_article_id_published_source_id", ["id", "published", "source_id"], unique=False
        )

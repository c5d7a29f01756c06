"""Let a photo agency's page list the articles whose photos it supplied, from an index.

A source's page lists those articles newest first (and counts them). Without an index on
photo_source_id every such page read the whole article table: about 120 ms to count and
330 ms to find that a source supplied none, at 100,000 articles.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 16:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(
            "ix_article_photo_source_id_published_id",
            ["photo_source_id", "published", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_photo_source_id_published_id")

"""Topics at scale: each tag carries its article's date, indexed for a topic's newest
articles and timeline; each topic keeps its number of articles.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-22 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("article_count", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("article_topic", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published", sa.Date(), nullable=True))
        batch_op.drop_index("ix_article_topic_topic_id_article_id")
        batch_op.create_index(
            "ix_article_topic_topic_id_published", ["topic_id", "published", "article_id"]
        )
    # Tags written before this revision: their dates and counts, from the articles.
    op.execute(
        "UPDATE article_topic SET published = "
        "(SELECT article.published FROM article WHERE article.id = article_topic.article_id)"
    )
    op.execute(
        "UPDATE topic SET article_count = "
        "(SELECT count(*) FROM article_topic WHERE article_topic.topic_id = topic.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("article_topic", schema=None) as batch_op:
        batch_op.drop_index("ix_article_topic_topic_id_published")
        batch_op.create_index("ix_article_topic_topic_id_article_id", ["topic_id", "article_id"])
        batch_op.drop_column("published")
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.drop_column("article_count")

"""Initial schema: articles, revisions, sources, topics and related links.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 02:37:57.075503
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("domain", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("slug", name=op.f("uq_source_slug")),
    )
    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["topic.id"], name=op.f("fk_topic_parent_id_topic")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
        sa.UniqueConstraint("slug", name=op.f("uq_topic_slug")),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_key", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("photo_credit", sa.Text(), nullable=True),
        sa.Column("photo_source_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("original_url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("identity", sa.Text(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("raw_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_source_id"], ["source.id"], name=op.f("fk_article_photo_source_id_source")
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["source.id"], name=op.f("fk_article_publisher_id_source")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_article_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_article_canonical_url")),
        sa.UniqueConstraint("identity", name=op.f("uq_article_identity")),
    )
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index("ix_article_published_id", ["published", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_publisher_id"), ["publisher_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_raw_sha256"), ["raw_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_title_key"), ["title_key"], unique=False)

    op.create_table(
        "article_author",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_author_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_article_author_source_id_source")
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name=op.f("pk_article_author")),
    )
    with op.batch_alter_table("article_author", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_author_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "article_topic",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("matches", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_topic_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_article_topic_topic_id_topic")
        ),
        sa.PrimaryKeyConstraint("article_id", "topic_id", name=op.f("pk_article_topic")),
    )
    with op.batch_alter_table("article_topic", schema=None) as batch_op:
        batch_op.create_index(
            "ix_article_topic_topic_id_article_id", ["topic_id", "article_id"], unique=False
        )

    op.create_table(
        "related_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_key", sa.Text(), nullable=False),
        sa.Column("href", sa.Text(), nullable=True),
        sa.Column("canonical_href", sa.Text(), nullable=True),
        sa.Column("after_paragraph", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("resolved_by", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_related_link_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["article.id"],
            name=op.f("fk_related_link_target_id_article"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_related_link")),
        sa.UniqueConstraint("article_id", "position", name=op.f("uq_related_link_article_id")),
    )
    with op.batch_alter_table("related_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_related_link_canonical_href"), ["canonical_href"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_related_link_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_related_link_title_key"), ["title_key"], unique=False)

    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("raw_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_revision_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
    )
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_revision_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_revision_raw_sha256"), ["raw_sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revision_raw_sha256"))
        batch_op.drop_index(batch_op.f("ix_revision_article_id"))

    op.drop_table("revision")
    with op.batch_alter_table("related_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_related_link_title_key"))
        batch_op.drop_index(batch_op.f("ix_related_link_target_id"))
        batch_op.drop_index(batch_op.f("ix_related_link_canonical_href"))

    op.drop_table("related_link")
    with op.batch_alter_table("article_topic", schema=None) as batch_op:
        batch_op.drop_index("ix_article_topic_topic_id_article_id")

    op.drop_table("article_topic")
    with op.batch_alter_table("article_author", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_author_source_id"))

    op.drop_table("article_author")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_title_key"))
        batch_op.drop_index(batch_op.f("ix_article_source_id"))
        batch_op.drop_index(batch_op.f("ix_article_raw_sha256"))
        batch_op.drop_index(batch_op.f("ix_article_publisher_id"))
        batch_op.drop_index("ix_article_published_id")

    op.drop_table("article")
    op.drop_table("topic")
    op.drop_table("source")

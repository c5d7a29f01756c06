"""The archive's tables, as SQLAlchemy 2.0 typed models."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Paragraphs:
    """The paragraphs of an article's `body` (Markdown) and `body_text` (plain), as pages use them.

    Shared by the Article row and the plain `details.Detail` read for its page.
    """

    __slots__ = ()
    body: str
    body_text: str

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @property
    def plain_paragraphs(self) -> list[str]:
        return self.body_text.split("\n\n") if self.body_text else []


class Source(Base):
    """A news organisation, photo agency or person credited for articles."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # organization, person, agency, publisher
    domain: Mapped[str | None] = mapped_column(String(200))

    @property
    def url(self) -> str:
        return self.url_of(self.slug)

    @staticmethod
    def url_of(slug: str) -> str:
        return f"/sources/{slug}"


class Article(Base, Paragraphs):
    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_published_id", "published", "id"),
        # Covers the re-run's lookup of known files: no article row is read.
        Index("ix_article_raw_sha256_source_path", "raw_sha256", "source_path"),
        # Covers a search's facets: the sampled matches' years and publishers, no row read.
        Index("ix_article_id_published_publisher_id", "id", "published", "publisher_id"),
        # A photo agency's page: the articles whose photos it supplied, newest first.
        Index("ix_article_photo_source_id_published_id", "photo_source_id", "published", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    # The title folded for matching "Related article" lines (case, quotes, spelling).
    title_key: Mapped[str] = mapped_column(Text, index=True)
    published: Mapped[date | None] = mapped_column(Date)
    byline: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    photo_credit: Mapped[str | None] = mapped_column(Text)
    photo_source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    body: Mapped[str] = mapped_column(Text)  # Markdown blocks joined by blank lines
    body_text: Mapped[str] = mapped_column(Text)  # the same blocks as plain text
    lead: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    original_url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text, unique=True)
    # What makes two files the same article: the canonical URL, else title and date.
    identity: Mapped[str] = mapped_column(Text, unique=True)
    raw_text: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    encoding: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(20))
    source_path: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    source: Mapped[Source | None] = relationship(foreign_keys=[source_id])
    publisher: Mapped[Source | None] = relationship(foreign_keys=[publisher_id])
    photo_source: Mapped[Source | None] = relationship(foreign_keys=[photo_source_id])
    authors: Mapped[list[ArticleAuthor]] = relationship(
        order_by="ArticleAuthor.position", cascade="all, delete-orphan"
    )
    related: Mapped[list[RelatedLink]] = relationship(
        foreign_keys="RelatedLink.article_id",
        order_by="RelatedLink.position",
        cascade="all, delete-orphan",
    )
    topics: Mapped[list[ArticleTopic]] = relationship(cascade="all, delete-orphan")
    revisions: Mapped[list[Revision]] = relationship(order_by="Revision.id")

    @property
    def url(self) -> str:
        return self.url_of(self.id, self.slug)

    @staticmethod
    def url_of(article_id: int, slug: str) -> str:
        """The reading address of an article, from its id and slug."""
        return f"/articles/{article_id}/{slug}"


class ArticleAuthor(Base):
    """Each name the byline credits, in order."""

    __tablename__ = "article_author"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)

    source: Mapped[Source] = relationship()


class Revision(Base):
    """An article's earlier raw text, kept when a changed file replaced it."""

    __tablename__ = "revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    raw_text: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime] = mapped_column(DateTime)


class Topic(Base):
    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # country, region, person, organization, theme
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"))
    # Kept by ingest and retag, so that listing topics never counts the whole archive.
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    parent: Mapped[Topic | None] = relationship(remote_side=[id])

    @property
    def url(self) -> str:
        return self.url_of(self.slug)

    @staticmethod
    def url_of(slug: str) -> str:
        return f"/topics/{slug}"


class ArticleTopic(Base):
    __tablename__ = "article_topic"
    # A topic's articles newest first, straight from the index: its pages, timeline and feed
    # cost the same whether it has ten articles or half the archive.
    __table_args__ = (
        Index("ix_article_topic_topic_id_published", "topic_id", "published", "article_id"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)
    matches: Mapped[str | None] = mapped_column(Text)  # the words that matched, JSON list
    published: Mapped[date | None] = mapped_column(Date)  # the article's, for the index above

    topic: Mapped[Topic] = relationship()


class RelatedLink(Base):
    """A "Related article" line, where it stood, and the article it resolves to."""

    __tablename__ = "related_link"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    title_key: Mapped[str] = mapped_column(Text, index=True)
    href: Mapped[str | None] = mapped_column(Text)
    canonical_href: Mapped[str | None] = mapped_column(Text, index=True)
    after_paragraph: Mapped[int] = mapped_column(Integer)
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("article.id", ondelete="SET NULL"), index=True
    )
    resolved_by: Mapped[str | None] = mapped_column(String(20))  # url, title, spelling, fuzzy

    target: Mapped[Article | None] = relationship(foreign_keys=[target_id])


class TitleSkeleton(Base):
    """An article's folded title with one word blanked, hashed (`title_match.skeletons`): one
    row per word, to find titles one typo away from a cited one by exact look-ups."""

    __tablename__ = "title_skeleton"
    __table_args__ = (
        Index("ix_title_skeleton_skeleton", "skeleton"),
        {"sqlite_with_rowid": False},
    )

    # The article first: a loader appends its rows in id order, and removes them by article.
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    skeleton: Mapped[int] = mapped_column(BigInteger, primary_key=True)


class ArticleTerm(Base):
    """A distinctive term of an article and its weight, for "More like this"."""

    __tablename__ = "article_term"
    __table_args__ = (
        # Who else uses a term near a date: a range scan that also covers the weight.
        Index("ix_article_term_term_published", "term", "published", "weight"),
        {"sqlite_with_rowid": False},
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    weight: Mapped[float] = mapped_column(Float)
    published: Mapped[date | None] = mapped_column(Date)  # the article's, copied for the index


class TermCount(Base):
    """How many articles keep a term among their distinctive ones: how rare it is."""

    __tablename__ = "term_count"

    term: Mapped[str] = mapped_column(Text, primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)

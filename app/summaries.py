"""Articles as lists show them: a few columns, their source and topics, read without the ORM.

A list shows twenty to a hundred articles and their topics, some eight each: building ORM
objects for those rows cost more than finding them. These plain objects carry the same names
the templates and the JSON read (`article.source.name`, `tag.topic.url`, `tag.weight`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from app.models import Article, ArticleTopic, Source, Topic


@dataclass(frozen=True, slots=True)
class SourceName:
    slug: str
    name: str

    @property
    def url(self) -> str:
        return Source.url_of(self.slug)


@dataclass(frozen=True, slots=True)
class TopicName:
    slug: str
    name: str
    kind: str | None = None  # read only where shown: an article's own page and JSON

    @property
    def url(self) -> str:
        return Topic.url_of(self.slug)


@dataclass(frozen=True, slots=True)
class Tag:
    """One of an article's topics and how strongly the article is about it."""

    topic: TopicName
    weight: float


@dataclass(frozen=True, slots=True)
class Summary:
    """An article in a list: its headline, source and (for summaries) lead and topics."""

    id: int
    slug: str
    title: str
    published: date | None
    source: SourceName | None
    lead: str | None = None
    topics: list[Tag] = field(default_factory=list)

    @property
    def url(self) -> str:
        return Article.url_of(self.id, self.slug)


def columns(with_lead: bool) -> Select:
    """The query a list starts from: headline columns and the source's, lead if asked."""
    wanted = [Article.id, Article.slug, Article.title, Article.published, Source.slug, Source.name]
    if with_lead:
        wanted.append(Article.lead)
    return select(*wanted).select_from(Article).outerjoin(Source, Source.id == Article.source_id)


def from_rows(rows: Iterable[Row]) -> list[Summary]:
    """Summaries of the rows of a query made from `columns`."""
    found = []
    for ident, slug, title, published, source_slug, source_name, *lead in rows:
        source = SourceName(source_slug, source_name) if source_slug is not None else None
        found.append(Summary(ident, slug, title, published, source, *lead))
    return found


def add_topics(session: Session, summaries: list[Summary]) -> None:
    """Give each summary its topics, strongest first, in one query for them all."""
    if not summaries:
        return
    by_id = {s.id: s.topics for s in summaries}
    # Ties keep topic id order, the order the article_topic primary key gives.
    rows = session.execute(
        select(ArticleTopic.article_id, ArticleTopic.weight, Topic.slug, Topic.name)
        .join(Topic, Topic.id == ArticleTopic.topic_id)
        .where(ArticleTopic.article_id.in_(list(by_id)))
        .order_by(ArticleTopic.article_id, ArticleTopic.weight.desc(), ArticleTopic.topic_id)
    )
    for article_id, weight, slug, name in rows:
        by_id[article_id].append(Tag(TopicName(slug, name), weight))

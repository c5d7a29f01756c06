"""Articles as lists show them: a few columns, their source and topics, read without the ORM.

A list shows twenty to a hundred articles and their topics, some eight each: building ORM
objects for those rows cost more than finding them. These plain objects carry the same names
the templates and the JSON read (`article.source.name`, `tag.topic.url`, `tag.weight`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import Row, Select, func, select

from app.models import Article, ArticleTopic, Source, Topic
from app.prepared import day


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


def from_rows(rows: Iterable[Row | tuple | list]) -> list[Summary]:
    """Summaries of the rows of a query made from `columns`."""
    found = []
    for ident, slug, title, published, source_slug, source_name, *lead in rows:
        source = SourceName(source_slug, source_name) if source_slug is not None else None
        found.append(Summary(ident, slug, title, day(published), source, *lead))
    return found


# An article's topics as one JSON array of [topic id, weight, slug, name], read with its row:
# one statement for a page and its topics, and SQLite's JSON functions build the array faster
# than a join hands over one row per topic (0.6 ms against 1.2 for 20 articles at 100,000).
TOPICS = (
    select(
        func.json_group_array(
            func.json_array(ArticleTopic.topic_id, ArticleTopic.weight, Topic.slug, Topic.name)
        )
    )
    .select_from(ArticleTopic)
    .join(Topic, Topic.id == ArticleTopic.topic_id)
    .where(ArticleTopic.article_id == Article.id)
    .correlate(Article)
    .scalar_subquery()
)


def with_topics() -> Select:
    """The query a list of summaries starts from: `columns` with the lead, and the topics."""
    return columns(with_lead=True).add_columns(TOPICS)


@lru_cache(maxsize=8192)
def _tag(slug: str, name: str, weight: float) -> Tag:
    """A tag, shared by every article with this topic at this weight (tags are immutable).

    A page has some 160 tags of a few hundred topics and weights: building each anew cost
    more than reading them."""
    return Tag(TopicName(slug, name), weight)


def from_topic_rows(rows: Iterable[Row | tuple]) -> list[Summary]:
    """Summaries of the rows of a query made from `with_topics`, topics strongest first."""
    found = []
    for ident, slug, title, published, source_slug, source_name, lead, topics in rows:
        source = SourceName(source_slug, source_name) if source_slug is not None else None
        tags = [_tag(slug_, name, weight) for _, weight, slug_, name in heaviest_first(topics)]
        found.append(Summary(ident, slug, title, day(published), source, lead, tags))
    return found


def heaviest_first(topics: str) -> list[list]:
    """A TOPICS array's [topic id, weight, slug, name] entries, the strongest first."""
    # Ties keep topic id order, the order the article_topic primary key gives elsewhere.
    return sorted(json.loads(topics), key=lambda t: (-t[1], t[0]))

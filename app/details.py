"""One article as its page and its JSON show it, read without the ORM.

Building the ORM Article with its authors, links and topics cost more than the rest of the
page (4 ms of 13 at 100,000 articles): these plain objects carry the same names the template
and the JSON read (`article.publisher.name`, `link.target.url`, `tag.topic.kind`), filled by
four statements built once and run on the driver's cursor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Integer, bindparam, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.ingest.identity import domain, title_key
from app.links import CITING, names_itself
from app.models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Paragraphs,
    RelatedLink,
    Revision,
    Source,
    Topic,
)
from app.prepared import Prepared, day, moment
from app.summaries import SourceName, TopicName


@dataclass(frozen=True, slots=True)
class Author:
    source: SourceName


@dataclass(frozen=True, slots=True)
class Target:
    """The archive's article a "Related article" line resolves to."""

    id: int
    slug: str
    title: str
    published: date | None

    @property
    def url(self) -> str:
        return Article.url_of(self.id, self.slug)


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    href: str | None
    after_paragraph: int
    target_id: int | None
    target: Target | None
    own: bool = False  # names the article citing it (`links.names_itself`)

    @property
    def archived_as(self) -> str | None:
        """The target's title when it is not the cited one written otherwise (a link found by
        its URL or by a typo): the reader sees which article the archive holds."""
        if self.target is None or title_key(self.target.title) == title_key(self.title):
            return None
        return self.target.title

    @property
    def site(self) -> str | None:
        """The site of the original article, when the link gives a web address."""
        href = self.href or ""
        return domain(href) if href.lower().startswith(("http://", "https://")) else None


@dataclass(frozen=True, slots=True)
class Tag:
    """One of the article's topics, how strongly, and the words that gave it."""

    topic_id: int
    weight: float
    matched: str  # the words, comma-separated, as the page lists them
    topic: TopicName


@dataclass(frozen=True, slots=True)
class Detail(Paragraphs):
    id: int
    slug: str
    title: str
    lead: str
    published: date | None
    byline: str | None
    photo_credit: str | None
    original_url: str | None
    word_count: int
    body: str
    body_text: str
    source: SourceName | None
    publisher: SourceName | None
    photo_source: SourceName | None  # the agency the photo credit names
    revisions: int  # earlier versions kept
    updated_at: datetime | None  # when a changed file last replaced it
    authors: list[Author] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    topics: list[Tag] = field(default_factory=list)

    @property
    def url(self) -> str:
        return Article.url_of(self.id, self.slug)


_source, _publisher, _photos = aliased(Source), aliased(Source), aliased(Source)
_target = aliased(Article)
_ID = bindparam("id", type_=Integer)
ROW = Prepared(
    select(
        Article.id,
        Article.slug,
        Article.title,
        Article.lead,
        Article.published,
        Article.byline,
        Article.photo_credit,
        Article.original_url,
        Article.word_count,
        Article.body,
        Article.body_text,
        _source.slug,
        _source.name,
        _publisher.slug,
        _publisher.name,
        _photos.slug,
        _photos.name,
        select(func.count())
        .where(Revision.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery(),
        Article.updated_at,
    )
    .outerjoin(_source, _source.id == Article.source_id)
    .outerjoin(_publisher, _publisher.id == Article.publisher_id)
    .outerjoin(_photos, _photos.id == Article.photo_source_id)
    .where(Article.id == _ID)
)
AUTHORS = Prepared(
    select(Source.slug, Source.name)
    .select_from(ArticleAuthor)
    .join(Source, Source.id == ArticleAuthor.source_id)
    .where(ArticleAuthor.article_id == _ID)
    .order_by(ArticleAuthor.position)
)
LINKS = Prepared(
    select(
        RelatedLink.title,
        RelatedLink.href,
        RelatedLink.after_paragraph,
        RelatedLink.target_id,
        _target.slug,
        _target.title,
        _target.published,
        names_itself(CITING),
    )
    .join(CITING, CITING.c.id == RelatedLink.article_id)
    .outerjoin(_target, _target.id == RelatedLink.target_id)
    .where(RelatedLink.article_id == _ID)
    .order_by(RelatedLink.position)
)
# Topic id order, as the article_topic primary key gives it: pages sort by weight, ties kept.
TOPICS = Prepared(
    select(
        ArticleTopic.topic_id,
        ArticleTopic.weight,
        ArticleTopic.matches,
        Topic.slug,
        Topic.name,
        Topic.kind,
    )
    .select_from(ArticleTopic)
    .join(Topic, Topic.id == ArticleTopic.topic_id)
    .where(ArticleTopic.article_id == _ID)
    .order_by(ArticleTopic.topic_id)
)


def _name(slug: str | None, name: str | None) -> SourceName | None:
    return SourceName(slug, name) if slug is not None else None  # type: ignore[arg-type]


def load(conn: Connection, article_id: int) -> Detail | None:
    """The article with this id and everything its page shows, or None."""
    params = {"id": article_id}
    row = ROW.first(conn, params)
    if row is None:
        return None
    ident, slug, title, lead, published, *columns = row
    photo_slug, photo_name, revisions, updated_at = columns[-4:]
    *columns, source_slug, source_name, publisher_slug, publisher_name = columns[:-4]
    found = Detail(
        ident,
        slug,
        title,
        lead,
        day(published),
        *columns,
        source=_name(source_slug, source_name),
        publisher=_name(publisher_slug, publisher_name),
        photo_source=_name(photo_slug, photo_name),
        revisions=revisions,
        updated_at=moment(updated_at) if revisions else None,
    )
    found.authors.extend(Author(SourceName(*r)) for r in AUTHORS.rows(conn, params))
    for title, href, after, target_id, slug, target_title, published, own in LINKS.rows(
        conn, params
    ):
        target = (
            Target(target_id, slug, target_title, day(published)) if target_id is not None else None
        )
        found.related.append(Link(title, href, after, target_id, target, bool(own)))
    for topic_id, weight, matches, *topic in TOPICS.rows(conn, params):
        matched = ", ".join(json.loads(matches)) if matches else ""
        found.topics.append(Tag(topic_id, weight, matched, TopicName(*topic)))
    return found

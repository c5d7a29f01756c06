"""The questions the pages and the API ask of the archive."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from app.models import Article, ArticleAuthor, ArticleTopic, RelatedLink, Revision, Source, Topic

NEWEST_FIRST = (Article.published.desc(), Article.id.desc())


class CursorError(ValueError):
    """A paging cursor that was not made by us."""


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a newest-first page ends: the last article's date and id."""

    published: date | None
    id: int

    def __str__(self) -> str:
        return f"{self.published.isoformat() if self.published else 'undated'}.{self.id}"

    @classmethod
    def parse(cls, text: str) -> Cursor:
        try:
            day, _, ident = text.partition(".")
            return cls(None if day == "undated" else date.fromisoformat(day), int(ident))
        except ValueError as exc:
            raise CursorError(f"{text!r} is not a page of this list") from exc

    @classmethod
    def of(cls, article: Article) -> Cursor:
        return cls(article.published, article.id)

    def older(self, published=Article.published, ident=Article.id):
        """The condition for articles after this one, newest first (undated ones last); on a
        topic's own copy of the date and id when a list walks a topic's index."""
        if self.published is None:
            return and_(published.is_(None), ident < self.id)
        return or_(
            published < self.published,
            and_(published == self.published, ident < self.id),
            published.is_(None),
        )


@dataclass(frozen=True, slots=True)
class Filters:
    topic: str | None = None
    source: str | None = None
    start: date | None = None
    end: date | None = None

    def apply(self, query: Select) -> Select:
        if self.topic:
            query = query.where(
                Article.id.in_(
                    select(ArticleTopic.article_id).join(Topic).where(Topic.slug == self.topic)
                )
            )
        if self.source:
            source_ids = select(Source.id).where(Source.slug == self.source).scalar_subquery()
            query = query.where(
                or_(
                    Article.source_id == source_ids,
                    Article.publisher_id == source_ids,
                    Article.id.in_(
                        select(ArticleAuthor.article_id).where(
                            ArticleAuthor.source_id == source_ids
                        )
                    ),
                )
            )
        if self.start:
            query = query.where(Article.published >= self.start)
        if self.end:
            query = query.where(Article.published <= self.end)
        return query


def newest(
    session: Session, filters: Filters, limit: int, after: Cursor | None = None
) -> tuple[list[Article], Cursor | None]:
    """A page of articles newest first, and the cursor of the next page if there is one."""
    published, ident = Article.published, Article.id
    if filters.topic:
        # Walk the topic's own (topic, date, article) index: a page then costs the same for a
        # topic of ten articles as for one of half a million.
        tag = aliased(ArticleTopic)
        topic_id = select(Topic.id).where(Topic.slug == filters.topic).scalar_subquery()
        query = replace(filters, topic=None).apply(select(Article))
        query = query.join(tag, tag.article_id == Article.id).where(tag.topic_id == topic_id)
        published, ident = tag.published, tag.article_id
    else:
        query = filters.apply(select(Article))
    query = query.options(
        joinedload(Article.source), selectinload(Article.topics).joinedload(ArticleTopic.topic)
    )
    if after is not None:
        query = query.where(after.older(published, ident))
    query = query.order_by(published.desc(), ident.desc()).limit(limit + 1)
    articles = list(session.scalars(query).unique())
    more = len(articles) > limit
    articles = articles[:limit]
    return articles, Cursor.of(articles[-1]) if more else None


def count(session: Session, filters: Filters) -> int:
    return session.scalar(filters.apply(select(func.count(Article.id)))) or 0


def article(session: Session, article_id: int) -> Article | None:
    """One article with everything its page shows."""
    return session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(
            joinedload(Article.source),
            joinedload(Article.publisher),
            joinedload(Article.photo_source),
            selectinload(Article.authors).joinedload(ArticleAuthor.source),
            selectinload(Article.related).joinedload(RelatedLink.target),
            selectinload(Article.topics).joinedload(ArticleTopic.topic),
        )
    )


def cited_by(session: Session, article_id: int) -> list[Article]:
    """The articles whose "Related article" links point here, newest first."""
    return list(
        session.scalars(
            select(Article)
            .where(
                Article.id.in_(
                    select(RelatedLink.article_id).where(RelatedLink.target_id == article_id)
                )
            )
            .order_by(*NEWEST_FIRST)
        )
    )


def revision_count(session: Session, article_id: int) -> int:
    return session.scalar(select(func.count()).where(Revision.article_id == article_id)) or 0

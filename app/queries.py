"""The questions the pages and the API ask of the archive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

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

    def older(self):
        """The condition for articles after this one, newest first (undated ones last)."""
        if self.published is None:
            return and_(Article.published.is_(None), Article.id < self.id)
        return or_(
            Article.published < self.published,
            and_(Article.published == self.published, Article.id < self.id),
            Article.published.is_(None),
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
    query = filters.apply(select(Article)).options(
        joinedload(Article.source), selectinload(Article.topics).joinedload(ArticleTopic.topic)
    )
    if after is not None:
        query = query.where(after.older())
    articles = list(session.scalars(query.order_by(*NEWEST_FIRST).limit(limit + 1)).unique())
    more = len(articles) > limit
    articles = articles[:limit]
    return articles, Cursor.of(articles[-1]) if more else None


def count(session: Session, filters: Filters) -> int:
    # count(*), not count(article.id): SQLite counts the rows of its smallest index for the
    # former but reads every row of the table for the latter (1.7 ms → 0.03 ms at 10,000).
    return session.scalar(filters.apply(select(func.count()).select_from(Article))) or 0


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

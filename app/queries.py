"""The questions the pages and the API ask of the archive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import isqrt

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, defer, joinedload, load_only, selectinload

from app.models import Article, ArticleAuthor, ArticleTopic, RelatedLink, Revision, Source, Topic

NEWEST_FIRST = (Article.published.desc(), Article.id.desc())
OLDEST_FIRST = (Article.published.asc(), Article.id.asc())
DATED = Article.published.is_not(None)
UNDATED = Article.published.is_(None)
# SQLite integers are signed 64-bit: a larger id in a URL can name nothing.
MAX_ID = 2**63 - 1


class CursorError(ValueError):
    """A paging cursor that was not made by us."""


@dataclass(frozen=True, slots=True)
class Cursor:
    """A place in the newest-first order: an article's date and id.

    Newest first means dated articles by (date, id) descending, then undated ones by id
    descending. Each side of a cursor is one or two "segments", each a plain range on the
    (published, id) index, so paging costs the same on the first page and the thousandth and
    no dialect's NULL ordering matters.
    """

    published: date | None
    id: int

    def __str__(self) -> str:
        return f"{self.published.isoformat() if self.published else 'undated'}.{self.id}"

    @classmethod
    def parse(cls, text: str) -> Cursor:
        try:
            day, _, ident = text.partition(".")
            cursor = cls(None if day == "undated" else date.fromisoformat(day), int(ident))
        except ValueError as exc:
            raise CursorError(f"{text!r} is not a page of this list") from exc
        if not 0 < cursor.id <= MAX_ID:
            raise CursorError(f"{text!r} is not a page of this list")
        return cursor

    @classmethod
    def of(cls, article: Article) -> Cursor:
        return cls(article.published, article.id)

    def older_segments(self) -> list[ColumnElement[bool]]:
        """Conditions for the articles after this one, newest first, in order."""
        if self.published is None:
            return [and_(UNDATED, Article.id < self.id)]
        return [tuple_(Article.published, Article.id) < (self.published, self.id), UNDATED]

    def newer_segments(self) -> list[ColumnElement[bool]]:
        """Conditions for the articles before this one, oldest first, in order."""
        if self.published is None:
            return [and_(UNDATED, Article.id > self.id), DATED]
        return [tuple_(Article.published, Article.id) > (self.published, self.id)]

    def older(self) -> ColumnElement[bool]:
        """One condition for the articles after this one, newest first."""
        return or_(*self.older_segments())


@dataclass(frozen=True, slots=True)
class Filters:
    topic: str | None = None
    source: str | None = None
    start: date | None = None
    end: date | None = None

    def apply(self, query: Select, walk_dates: bool = False) -> Select:
        """Add these filters to a query on Article.

        With walk_dates the topic and source conditions are kept off their indexes, so the
        database walks the date index in page order and tests each article: quick when the
        filter matches many articles, where sorting every match would be slow.
        """
        article_id = Article.id + 0 if walk_dates else Article.id
        if self.topic:
            query = query.where(
                article_id.in_(
                    select(ArticleTopic.article_id).join(Topic).where(Topic.slug == self.topic)
                )
            )
        if self.source:
            source_id = select(Source.id).where(Source.slug == self.source).scalar_subquery()
            by, on = Article.source_id, Article.publisher_id
            if walk_dates:
                by, on = by + 0, on + 0
            credited = select(ArticleAuthor.article_id).where(ArticleAuthor.source_id == source_id)
            query = query.where(or_(by == source_id, on == source_id, article_id.in_(credited)))
        if self.start:
            query = query.where(Article.published >= self.start)
        if self.end:
            query = query.where(Article.published <= self.end)
        return query

    def within(self, segments: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
        """The segments these filters can match: a date range leaves out the undated one."""
        if self.start or self.end:
            return [s for s in segments if s is not UNDATED]
        return segments


@dataclass(frozen=True, slots=True)
class Page:
    """Articles newest first, and the cursors of the pages either side (None at an end)."""

    articles: list[Article]
    older: Cursor | None
    newer: Cursor | None


def _listed(query: Select, full: bool) -> Select:
    """What a list shows of each article: its source and topics; its text and authors if full."""
    query = query.options(
        defer(Article.raw_text),
        joinedload(Article.source),
        selectinload(Article.topics).joinedload(ArticleTopic.topic),
    )
    if full:
        return query.options(selectinload(Article.authors).joinedload(ArticleAuthor.source))
    return query.options(defer(Article.body), defer(Article.body_text))


def _walk(
    session: Session, query: Select, segments: list, order: tuple, want: int
) -> list[Article]:
    """Up to `want` rows, taken from each segment in turn (usually the first is enough)."""
    found: list[Article] = []
    for condition in segments:
        rows = session.scalars(query.where(condition).order_by(*order).limit(want - len(found)))
        found.extend(rows.unique())
        if len(found) >= want:
            break
    return found


def _any(session: Session, filters: Filters, segments: list, walk_dates: bool) -> bool:
    ids = filters.apply(select(Article.id), walk_dates)
    return any(session.scalar(ids.where(c).limit(1)) is not None for c in filters.within(segments))


def _dense(session: Session, filters: Filters, limit: int) -> bool:
    """Whether a topic or source filter matches enough articles to walk the date index.

    Walking finds a page after about limit × total / matches articles; sorting the matches
    costs about their number. Both stay under sqrt(limit × total) when the walk is chosen
    from that many matches up, and counting stops there, so the test itself is bounded.
    """
    if not (filters.topic or filters.source):
        return False
    total = session.scalar(select(func.max(Article.id))) or 0
    enough = max(limit, isqrt(limit * total))
    matches = filters.apply(select(Article.id)).limit(enough).subquery()
    return (session.scalar(select(func.count()).select_from(matches)) or 0) >= enough


def page(
    session: Session,
    filters: Filters,
    limit: int,
    after: Cursor | None = None,
    before: Cursor | None = None,
    full: bool = False,
) -> Page:
    """A page of articles newest first: after a cursor (older), before one (newer), or the top."""
    walk = _dense(session, filters, limit)
    query = _listed(filters.apply(select(Article), walk), full)
    if before is not None:
        rows = _walk(
            session, query, filters.within(before.newer_segments()), OLDEST_FIRST, limit + 1
        )
        shown = rows[:limit][::-1]
        newer = Cursor.of(shown[0]) if len(rows) > limit else None
        last = Cursor.of(shown[-1]) if shown else None
        older = last if last and _any(session, filters, last.older_segments(), walk) else None
        return Page(shown, older, newer)
    segments = filters.within(after.older_segments() if after else [DATED, UNDATED])
    rows = _walk(session, query, segments, NEWEST_FIRST, limit + 1)
    shown = rows[:limit]
    older = Cursor.of(shown[-1]) if len(rows) > limit else None
    first = Cursor.of(shown[0]) if shown and after else None
    newer = first if first and _any(session, filters, first.newer_segments(), walk) else None
    return Page(shown, older, newer)


def newest(
    session: Session, filters: Filters, limit: int, after: Cursor | None = None
) -> tuple[list[Article], Cursor | None]:
    """A page of articles newest first, and the cursor of the next page if there is one."""
    found = page(session, filters, limit, after=after)
    return found.articles, found.older


def count(session: Session, filters: Filters) -> int:
    return session.scalar(filters.apply(select(func.count(Article.id)))) or 0


def article(session: Session, article_id: int) -> Article | None:
    """One article with everything its page shows."""
    if not 0 < article_id <= MAX_ID:
        return None
    return session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(
            defer(Article.raw_text),
            joinedload(Article.source),
            joinedload(Article.publisher),
            joinedload(Article.photo_source),
            selectinload(Article.authors).joinedload(ArticleAuthor.source),
            selectinload(Article.related)
            .joinedload(RelatedLink.target)
            .load_only(Article.id, Article.slug, Article.title, Article.published),
            selectinload(Article.topics).joinedload(ArticleTopic.topic),
        )
    )


_HEADLINE = load_only(Article.id, Article.slug, Article.title, Article.published)


def neighbours(session: Session, found: Article) -> tuple[Article | None, Article | None]:
    """The articles just older and just newer than this one by date."""
    here = Cursor.of(found)
    query = select(Article).options(_HEADLINE)
    older = _walk(session, query, here.older_segments(), NEWEST_FIRST, 1)
    newer = _walk(session, query, here.newer_segments(), OLDEST_FIRST, 1)
    return (older or [None])[0], (newer or [None])[0]


def cited_by(session: Session, article_id: int) -> list[Article]:
    """The articles whose "Related article" links point here, newest first."""
    return list(
        session.scalars(
            select(Article)
            .options(_HEADLINE)
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


def date_before(session: Session, day: date) -> date | None:
    """The newest date before a day that has an article."""
    return session.scalar(
        select(Article.published).where(Article.published < day).order_by(*NEWEST_FIRST).limit(1)
    )


def date_after(session: Session, day: date) -> date | None:
    """The oldest date after a day that has an article."""
    return session.scalar(
        select(Article.published).where(Article.published > day).order_by(*OLDEST_FIRST).limit(1)
    )


def topic(session: Session, slug: str) -> Topic | None:
    return session.scalar(select(Topic).where(Topic.slug == slug))


def source(session: Session, slug: str) -> Source | None:
    return session.scalar(select(Source).where(Source.slug == slug))


def active_topics(session: Session, window: int = 500, limit: int = 12) -> list[tuple[Topic, int]]:
    """The topics most written about in the newest `window` dated articles, with counts.

    Bounded by the window, not the archive: the newest ids come off the date index and each
    article's topics off the article_topic primary key.
    """
    recent = select(Article.id).where(DATED).order_by(*NEWEST_FIRST).limit(window)
    n = func.count().label("n")
    rows = session.execute(
        select(Topic, n)
        .join(ArticleTopic, ArticleTopic.topic_id == Topic.id)
        .where(ArticleTopic.article_id.in_(recent))
        .group_by(Topic.id)
        .order_by(n.desc(), Topic.name)
        .limit(limit)
    )
    return [(row[0], row[1]) for row in rows]

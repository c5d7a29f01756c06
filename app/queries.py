"""The questions the pages and the API ask of the archive."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from math import isqrt

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session, defer, joinedload, selectinload

from app import details, summaries
from app.details import Detail
from app.models import Article, ArticleAuthor, ArticleTopic, RelatedLink, Source, Topic
from app.summaries import Summary

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
    def of(cls, article: Article | Summary | Detail) -> Cursor:
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
        """One condition for the articles after this one (for callers paging on their own)."""
        return or_(*self.older_segments())


@dataclass(frozen=True, slots=True)
class Filters:
    topic: str | None = None
    source: str | None = None
    start: date | None = None
    end: date | None = None

    def apply(self, query: Select, walk_dates: bool = False) -> Select:
        """Add these filters to a query on Article.

        Topic and source conditions come in two forms. By default as `IN (ids)`, which the
        database can start from: right when they match few articles. With walk_dates as
        `EXISTS` probes on each article's own rows, so the database walks the date index in
        page order instead: right when they match many, where starting from every match and
        sorting would be slow.
        """
        if self.topic:
            query = query.where(self._tagged(walk_dates))
        if self.source:
            query = query.where(self._credited(walk_dates))
        if self.start:
            query = query.where(Article.published >= self.start)
        if self.end:
            query = query.where(Article.published <= self.end)
        return query

    def _tagged(self, walk_dates: bool) -> ColumnElement[bool]:
        topic_id = self.topic_id()
        if walk_dates:
            return exists().where(
                ArticleTopic.article_id == Article.id, ArticleTopic.topic_id == topic_id
            )
        return Article.id.in_(
            select(ArticleTopic.article_id).where(ArticleTopic.topic_id == topic_id)
        )

    def _credited(self, walk_dates: bool) -> ColumnElement[bool]:
        # The byline's source is always one of its authors: authors and publisher suffice.
        source_id = self.source_id()
        if walk_dates:
            # "+ 0" keeps the source indexes out: the walk stays in page order and each
            # article's authors are read by their primary key.
            named = exists().where(
                ArticleAuthor.article_id == Article.id, ArticleAuthor.source_id + 0 == source_id
            )
            return or_(Article.publisher_id + 0 == source_id, named)
        ids = select(ArticleAuthor.article_id).where(ArticleAuthor.source_id == source_id)
        return or_(Article.publisher_id == source_id, Article.id.in_(ids))

    def topic_id(self):
        return select(Topic.id).where(Topic.slug == self.topic).scalar_subquery()

    def source_id(self):
        return select(Source.id).where(Source.slug == self.source).scalar_subquery()

    def within(self, segments: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
        """The segments these filters can match: a date range leaves out the undated one."""
        if self.start or self.end:
            return [s for s in segments if s is not UNDATED]
        return segments


@dataclass(frozen=True, slots=True)
class Page:
    """Articles newest first, and the cursors of the pages either side (None at an end)."""

    articles: list[Summary] | list[Article]  # Article only in the FULL shape
    older: Cursor | None
    newer: Cursor | None


# What a list loads of each article: its headline and source; its lead and topics for a
# summary; its text and authors in full (feeds).
HEADLINE, SUMMARY, FULL = "headline", "summary", "full"

Fetch = Callable[[Select], list]


def _orm(session: Session) -> Fetch:
    return lambda query: list(session.scalars(query).unique())


def _plain(session: Session) -> Fetch:
    return lambda query: summaries.from_rows(session.execute(query))


def _listed(session: Session, shape: str) -> tuple[Select, Fetch]:
    """The query for a list of this shape, and how to read its rows."""
    if shape != FULL:
        return summaries.columns(with_lead=shape == SUMMARY), _plain(session)
    query = select(Article).options(
        defer(Article.raw_text),
        joinedload(Article.source),
        selectinload(Article.topics).joinedload(ArticleTopic.topic),
        selectinload(Article.authors).joinedload(ArticleAuthor.source),
    )
    return query, _orm(session)


def _walk(fetch: Fetch, query: Select, segments: list, order: tuple, want: int) -> list:
    """Up to `want` rows, taken from each segment in turn (usually the first is enough)."""
    found: list = []
    for condition in segments:
        found.extend(fetch(query.where(condition).order_by(*order).limit(want - len(found))))
        if len(found) >= want:
            break
    return found


def _any(session: Session, filters: Filters, segments: list, walk_dates: bool) -> bool:
    ids = filters.apply(select(Article.id), walk_dates)
    return any(session.scalar(ids.where(c).limit(1)) is not None for c in filters.within(segments))


def _dense(session: Session, filters: Filters, limit: int) -> bool:
    """Whether the topic and source filters match enough articles to walk the date index.

    Walking finds a page after about limit × total / matches articles; starting from the
    matches costs about their number. Both stay under sqrt(limit × total) when the walk is
    chosen from that many matches up; counting stops there, so the test itself is bounded.
    """
    if not (filters.topic or filters.source):
        return False
    total = session.scalar(select(func.max(Article.id))) or 0
    enough = max(limit, isqrt(limit * total))

    def at_least(ids: Select) -> bool:
        capped = select(func.count()).select_from(ids.limit(enough).subquery())
        return (session.scalar(capped) or 0) >= enough

    if filters.topic and not at_least(
        select(ArticleTopic.article_id).where(ArticleTopic.topic_id == filters.topic_id())
    ):
        return False
    source_id = filters.source_id()
    return not filters.source or (
        at_least(select(ArticleAuthor.article_id).where(ArticleAuthor.source_id == source_id))
        or at_least(select(Article.id).where(Article.publisher_id == source_id))
    )


def page(
    session: Session,
    filters: Filters,
    limit: int,
    after: Cursor | None = None,
    before: Cursor | None = None,
    shape: str = SUMMARY,
) -> Page:
    """A page of articles newest first: after a cursor (older), before one (newer), or the top."""
    walk = _dense(session, filters, limit)
    columns, fetch = _listed(session, shape)
    query = filters.apply(columns, walk)
    if before is not None:
        rows = _walk(fetch, query, filters.within(before.newer_segments()), OLDEST_FIRST, limit + 1)
        shown = rows[:limit][::-1]
        newer = Cursor.of(shown[0]) if len(rows) > limit else None
        last = Cursor.of(shown[-1]) if shown else None
        older = last if last and _any(session, filters, last.older_segments(), walk) else None
    else:
        segments = filters.within(after.older_segments() if after else [DATED, UNDATED])
        rows = _walk(fetch, query, segments, NEWEST_FIRST, limit + 1)
        shown = rows[:limit]
        older = Cursor.of(shown[-1]) if len(rows) > limit else None
        first = Cursor.of(shown[0]) if shown and after else None
        newer = first if first and _any(session, filters, first.newer_segments(), walk) else None
    if shape == SUMMARY:
        summaries.add_topics(session, shown)
    return Page(shown, older, newer)


def newest(
    session: Session, filters: Filters, limit: int, after: Cursor | None = None
) -> tuple[list[Summary], Cursor | None]:
    """A page of articles newest first, and the cursor of the next page if there is one."""
    found = page(session, filters, limit, after=after)
    return found.articles, found.older


def count(session: Session, filters: Filters) -> int:
    # count(*), not count(article.id): SQLite counts the rows of its smallest index for the
    # former but reads every row of the table for the latter (1.7 ms → 0.03 ms at 10,000).
    return session.scalar(filters.apply(select(func.count()).select_from(Article))) or 0


def article(session: Session, article_id: int) -> Detail | None:
    """One article with everything its page shows."""
    if not 0 < article_id <= MAX_ID:
        return None
    return details.load(session.connection(), article_id)


def _nearest(kind: str, condition: ColumnElement[bool], order: tuple) -> Select:
    """The one article first in `order` among those matching, tagged with `kind`."""
    inner = summaries.columns(with_lead=False).where(condition).order_by(*order).limit(1)
    return select(literal(kind), *inner.subquery().c)


_ID = bindparam("id", type_=Integer)
_CITING = summaries.columns(with_lead=False).where(
    Article.id.in_(select(RelatedLink.article_id).where(RelatedLink.target_id == _ID))
)
_HERE = tuple_(Article.published, Article.id)
_DAY_ID = tuple_(bindparam("day", type_=Date), _ID)
# Each neighbour is the first of one or two index ranges, as Cursor's segments say; both
# sides and the citing articles come in one statement ("o": older, "n": newer, "c": citing).
_AROUND_DATED = union_all(
    _nearest("o", _HERE < _DAY_ID, NEWEST_FIRST),
    _nearest("o2", UNDATED, NEWEST_FIRST),
    _nearest("n", _HERE > _DAY_ID, OLDEST_FIRST),
    select(literal("c"), *_CITING.subquery().c),
)
_AROUND_UNDATED = union_all(
    _nearest("o", and_(UNDATED, Article.id < _ID), NEWEST_FIRST),
    _nearest("n", and_(UNDATED, Article.id > _ID), OLDEST_FIRST),
    _nearest("n2", DATED, OLDEST_FIRST),
    select(literal("c"), *_CITING.subquery().c),
)


@dataclass(frozen=True, slots=True)
class Around:
    """An article's neighbours by date and the articles whose "Related article" lines cite it."""

    older: Summary | None
    newer: Summary | None
    cited_by: list[Summary]


def around(session: Session, found: Detail) -> Around:
    """The articles just older and just newer than this one, and those citing it."""
    conn = session.connection()  # Core: plain rows need none of the ORM's handling
    if found.published is None:
        rows = conn.execute(_AROUND_UNDATED, {"id": found.id})
    else:
        rows = conn.execute(_AROUND_DATED, {"id": found.id, "day": found.published})
    by_kind: dict[str, list[Summary]] = defaultdict(list)
    for kind, *columns in rows:
        by_kind[kind].extend(summaries.from_rows([columns]))
    older = by_kind["o"] or by_kind["o2"]
    newer = by_kind["n"] or by_kind["n2"]
    # Newest first: dated by (date, id) descending, then undated by id descending.
    cited = sorted(
        by_kind["c"], key=lambda s: (s.published is not None, s.published or date.min, s.id)
    )
    return Around(older[0] if older else None, newer[0] if newer else None, cited[::-1])


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


def sources_by_id(session: Session, ids: list[int]) -> dict[int, Source]:
    return {s.id: s for s in session.scalars(select(Source).where(Source.id.in_(ids)))}


@dataclass(frozen=True, slots=True)
class SourcePage:
    """Sources A to Z, and the slugs to page on from (None at an end)."""

    sources: list[Source]
    later: str | None
    earlier: str | None


def sources_alphabetical(
    session: Session, limit: int, after: str | None = None, before: str | None = None
) -> SourcePage:
    """A page of every source by slug, after or before a slug (the slug index, in order)."""
    if before is not None:
        query = select(Source).where(Source.slug < before).order_by(Source.slug.desc())
        rows = list(session.scalars(query.limit(limit + 1)))
        shown = rows[:limit][::-1]
        later = shown[-1].slug if shown else None
        return SourcePage(shown, later, shown[0].slug if len(rows) > limit else None)
    query = select(Source).order_by(Source.slug).limit(limit + 1)
    rows = list(session.scalars(query.where(Source.slug > after) if after else query))
    shown = rows[:limit]
    earlier = shown[0].slug if after and shown else None
    if earlier and session.scalar(select(Source.id).where(Source.slug < earlier).limit(1)) is None:
        earlier = None
    return SourcePage(shown, shown[-1].slug if len(rows) > limit else None, earlier)

"""Lists of articles: newest first, filtered, paged by cursor, and counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from math import isqrt
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session, defer, joinedload, selectinload
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import ScalarSelect

from app import counts, summaries
from app.details import Detail
from app.models import Article, ArticleAuthor, ArticleTopic, Source, Topic
from app.prepared import Prepared
from app.summaries import Summary

NEWEST_FIRST = (Article.published.desc(), Article.id.desc())
OLDEST_FIRST = (Article.published.asc(), Article.id.asc())
DATED = Article.published.is_not(None)
UNDATED = Article.published.is_(None)
# SQLite integers are signed 64-bit: a larger id in a URL can name nothing.
MAX_ID = 2**63 - 1


class CursorError(ValueError):
    """A paging cursor that was not made by us."""


_HERE = tuple_(Article.published, Article.id)
_DAY_ID = tuple_(bindparam("day", type_=Date), bindparam("id", type_=Integer))
# The ranges a list reads, by name: each a plain range on the (published, id) index, so paging
# costs the same on the first page and the thousandth and no dialect's NULL ordering matters.
SEGMENTS: dict[str, ColumnElement[bool]] = {
    "dated": DATED,
    "undated": UNDATED,
    "older": _HERE < _DAY_ID,
    "newer": _HERE > _DAY_ID,
    "undated-older": and_(UNDATED, Article.id < bindparam("id", type_=Integer)),
    "undated-newer": and_(UNDATED, Article.id > bindparam("id", type_=Integer)),
}
UNDATED_SEGMENTS = ("undated", "undated-older", "undated-newer")


@dataclass(frozen=True, slots=True)
class Cursor:
    """A place in the newest-first order: an article's date and id.

    Newest first means dated articles by (date, id) descending, then undated ones by id
    descending. Each side of a cursor is one or two of the SEGMENTS, read in turn.
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

    def older_segments(self) -> tuple[str, ...]:
        """The segments of the articles after this one, newest first, in order."""
        return ("undated-older",) if self.published is None else ("older", "undated")

    def newer_segments(self) -> tuple[str, ...]:
        """The segments of the articles before this one, oldest first, in order."""
        return ("undated-newer", "dated") if self.published is None else ("newer",)

    def params(self) -> dict[str, Any]:
        return {"day": self.published, "id": self.id}


def _topic_id(slug: str | BindParameter) -> ScalarSelect:
    return select(Topic.id).where(Topic.slug == slug).scalar_subquery()


def _source_id(slug: str | BindParameter) -> ScalarSelect:
    return select(Source.id).where(Source.slug == slug).scalar_subquery()


def _tagged(slug: str | BindParameter, walk_dates: bool) -> ColumnElement[bool]:
    if walk_dates:
        return exists().where(
            ArticleTopic.article_id == Article.id, ArticleTopic.topic_id == _topic_id(slug)
        )
    return Article.id.in_(
        select(ArticleTopic.article_id).where(ArticleTopic.topic_id == _topic_id(slug))
    )


def _credited(slug: str | BindParameter, walk_dates: bool) -> ColumnElement[bool]:
    # The byline's source is always one of its authors: authors and publisher suffice.
    source_id = _source_id(slug)
    if walk_dates:
        # "+ 0" keeps the source indexes out: the walk stays in page order and each
        # article's authors are read by their primary key.
        named = exists().where(
            ArticleAuthor.article_id == Article.id, ArticleAuthor.source_id + 0 == source_id
        )
        return or_(Article.publisher_id + 0 == source_id, named)
    ids = select(ArticleAuthor.article_id).where(ArticleAuthor.source_id == source_id)
    return or_(Article.publisher_id == source_id, Article.id.in_(ids))


# Which of topic, source, start, end and photos are given.
FilterShape = tuple[bool, bool, bool, bool, bool]


def _conditions(
    topic: str | BindParameter | None,
    source: str | BindParameter | None,
    start: date | BindParameter | None,
    end: date | BindParameter | None,
    photos: str | BindParameter | None,
    walk_dates: bool,
) -> list[ColumnElement[bool]]:
    """The conditions of these filters on Article (see Filters.apply for the two forms)."""
    found = []
    if topic is not None:
        found.append(_tagged(topic, walk_dates))
    if source is not None:
        found.append(_credited(source, walk_dates))
    if photos is not None:  # its own index, (photo_source_id, published, id), is in page order
        found.append(Article.photo_source_id == _source_id(photos))
    if start is not None:
        found.append(Article.published >= start)
    if end is not None:
        found.append(Article.published <= end)
    return found


def _named_conditions(shape: FilterShape, walk_dates: bool) -> list[ColumnElement[bool]]:
    """The conditions of filters of this shape, their values left as named parameters."""
    names = ("topic", "source", "start", "end", "photos")
    types = (String, String, Date, Date, String)
    given = [
        bindparam(n, type_=t) if on else None for n, t, on in zip(names, types, shape, strict=True)
    ]
    return _conditions(*given, walk_dates=walk_dates)


@dataclass(frozen=True, slots=True)
class Filters:
    topic: str | None = None
    source: str | None = None  # its authors or publisher
    start: date | None = None
    end: date | None = None
    photos: str | None = None  # a source (an agency) credited for the article's photo
    undated: bool = False  # only the articles without a date

    def apply(self, query: Select, walk_dates: bool = False) -> Select:
        """Add these filters to a query on Article.

        Topic and source conditions come in two forms. By default as `IN (ids)`, which the
        database can start from: right when they match few articles. With walk_dates as
        `EXISTS` probes on each article's own rows, so the database walks the date index in
        page order instead: right when they match many, where starting from every match and
        sorting would be slow.
        """
        topic, source, photos = self.topic or None, self.source or None, self.photos or None
        conditions = _conditions(topic, source, self.start, self.end, photos, walk_dates)
        return query.where(*conditions)

    @property
    def shape(self) -> FilterShape:
        given = (self.topic, self.source, self.start, self.end, self.photos)
        return tuple(bool(value) for value in given)  # type: ignore[return-value]

    def params(self) -> dict[str, Any]:
        """The values of the named parameters of `_named_conditions`."""
        given = {
            "topic": self.topic,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "photos": self.photos,
        }
        return {name: value for name, value in given.items() if value}

    def within(self, segments: tuple[str, ...]) -> tuple[str, ...]:
        """The segments these filters can match: a date range leaves out the undated ones,
        `undated` the dated ones."""
        if self.start or self.end:
            return tuple(s for s in segments if s not in UNDATED_SEGMENTS)
        if self.undated:
            return tuple(s for s in segments if s in UNDATED_SEGMENTS)
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
_NEWEST, _OLDEST = "newest", "oldest"
_ORDERS = {_NEWEST: NEWEST_FIRST, _OLDEST: OLDEST_FIRST}
_LIMIT = bindparam("limit", type_=Integer)


def _matching(columns: Select, shape: FilterShape, walk: bool, segment: str, order: str) -> Select:
    conditions = _named_conditions(shape, walk)
    return columns.where(*conditions, SEGMENTS[segment]).order_by(*_ORDERS[order]).limit(_LIMIT)


@lru_cache(maxsize=512)  # a key per list shape: a few dozen in use
def _listing(
    kind: str, shape: FilterShape, walk: bool, segment: str, order: str
) -> Prepared | Select:
    """The statement reading one segment of a list, in order, up to :limit articles."""
    if kind == FULL:
        query = select(Article).options(
            defer(Article.raw_text),
            joinedload(Article.source),
            selectinload(Article.topics).joinedload(ArticleTopic.topic),
            selectinload(Article.authors).joinedload(ArticleAuthor.source),
        )
        return _matching(query, shape, walk, segment, order)
    if kind == HEADLINE:
        return Prepared(_matching(summaries.columns(False), shape, walk, segment, order))
    return Prepared(_matching(summaries.with_topics(), shape, walk, segment, order))


@lru_cache(maxsize=512)
def _probe(shape: FilterShape, walk: bool, segment: str) -> Prepared:
    """Whether any article of the segment matches: one index entry at most."""
    conditions = _named_conditions(shape, walk)
    return Prepared(select(Article.id).where(*conditions, SEGMENTS[segment]).limit(1))


def _fetch(session: Session, kind: str, statement, params: dict) -> list:
    if kind == FULL:
        return list(session.scalars(statement, params).unique())
    rows = statement.rows(session.connection(), params)
    return summaries.from_rows(rows) if kind == HEADLINE else summaries.from_topic_rows(rows)


def _walk(
    session: Session,
    kind: str,
    filters: Filters,
    walk: bool,
    segments: tuple[str, ...],
    order: str,
    params: dict[str, Any],
    want: int,
) -> list:
    """Up to `want` articles, taken from each segment in turn (usually the first is enough)."""
    found: list = []
    for segment in segments:
        statement = _listing(kind, filters.shape, walk, segment, order)
        found.extend(_fetch(session, kind, statement, {**params, "limit": want - len(found)}))
        if len(found) >= want:
            break
    return found


def _any(session: Session, filters: Filters, cursor: Cursor, side: str, walk: bool) -> bool:
    segments = filters.within(
        cursor.older_segments() if side == "older" else cursor.newer_segments()
    )
    params = {**filters.params(), **cursor.params()}
    conn = session.connection()
    probes = (_probe(filters.shape, walk, s) for s in filters.within(segments))
    return any(probe.first(conn, params) for probe in probes)


_CAPPED = {
    name: Prepared(
        select(func.count()).select_from(
            select(literal(1)).where(condition).limit(bindparam("enough", type_=Integer)).subquery()
        )
    )
    for name, condition in {
        "topic": ArticleTopic.topic_id == _topic_id(bindparam("topic", type_=String)),
        "author": ArticleAuthor.source_id == _source_id(bindparam("source", type_=String)),
        "publisher": Article.publisher_id == _source_id(bindparam("source", type_=String)),
    }.items()
}


def _dense(session: Session, filters: Filters, limit: int) -> bool:
    """Whether the topic and source filters match enough articles to walk the date index.

    Walking finds a page after about limit × total / matches articles; starting from the
    matches costs about their number. Both stay under sqrt(limit × total) when the walk is
    chosen from that many matches up; counting stops there, so the test itself is bounded.
    """
    if not (filters.topic or filters.source):
        return False
    total = counts.highest_id(session)
    enough = max(limit, isqrt(limit * total))
    conn = session.connection()
    params = {**filters.params(), "enough": enough}

    def at_least(name: str) -> bool:
        return (_CAPPED[name].scalar(conn, params) or 0) >= enough

    if filters.topic and not at_least("topic"):
        return False
    return not filters.source or at_least("author") or at_least("publisher")


# Pages of summaries already given: the front page and a list's first pages are asked far more
# often than the archive changes. A page of 20 summaries is some 15 KB; ORM rows (FULL) are
# never kept, they belong to their session.
PAGES = counts.Memory(512)


def page(
    session: Session,
    filters: Filters,
    limit: int,
    after: Cursor | None = None,
    before: Cursor | None = None,
    shape: str = SUMMARY,
) -> Page:
    """A page of articles newest first: after a cursor (older), before one (newer), or the top.

    Remembered until the archive changes."""
    if shape == FULL:
        return _page(session, filters, limit, after, before, shape)
    return PAGES.get(
        session,
        (filters, limit, after, before, shape),
        lambda: _page(session, filters, limit, after, before, shape),
    )


def _page(
    session: Session,
    filters: Filters,
    limit: int,
    after: Cursor | None,
    before: Cursor | None,
    shape: str,
) -> Page:
    walk = _dense(session, filters, limit)
    params = filters.params()
    if before is not None:
        segments = filters.within(before.newer_segments())
        rows = _walk(
            session,
            shape,
            filters,
            walk,
            segments,
            _OLDEST,
            {**params, **before.params()},
            limit + 1,
        )
        shown = rows[:limit][::-1]
        newer = Cursor.of(shown[0]) if len(rows) > limit else None
        last = Cursor.of(shown[-1]) if shown else None
        older = last if last and _any(session, filters, last, "older", walk) else None
    else:
        segments = filters.within(after.older_segments() if after else ("dated", "undated"))
        params |= after.params() if after else {}
        rows = _walk(session, shape, filters, walk, segments, _NEWEST, params, limit + 1)
        shown = rows[:limit]
        older = Cursor.of(shown[-1]) if len(rows) > limit else None
        first = Cursor.of(shown[0]) if shown and after else None
        newer = first if first and _any(session, filters, first, "newer", walk) else None
    return Page(shown, older, newer)


def newest(
    session: Session, filters: Filters, limit: int, after: Cursor | None = None
) -> tuple[list[Summary], Cursor | None]:
    """A page of articles newest first, and the cursor of the next page if there is one."""
    found = page(session, filters, limit, after=after)
    return found.articles, found.older  # type: ignore[return-value]


def count(session: Session, filters: Filters) -> int:
    """How many articles match, remembered until the archive changes (counting is O(matches))."""
    # count(*), not count(article.id): SQLite counts the rows of its smallest index for the
    # former but reads every row of the table for the latter (1.7 ms → 0.03 ms at 10,000).
    statement = _counting(filters.shape)
    return counts.remembered(
        session,
        f"count {filters}",
        lambda: statement.scalar(session.connection(), filters.params()) or 0,
    )


@lru_cache(maxsize=16)
def _counting(shape: FilterShape) -> Prepared:
    counted = select(func.count()).select_from(Article)
    return Prepared(counted.where(*_named_conditions(shape, False)))

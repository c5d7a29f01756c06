"""The questions the pages ask of one article, its neighbours, topics and sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    bindparam,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from app import counts, details, prepared, summaries
from app.details import Detail
from app.lists import MAX_ID, NEWEST_FIRST, OLDEST_FIRST, SEGMENTS, Cursor
from app.models import Article, RelatedLink, Source, Topic
from app.prepared import Prepared
from app.summaries import Summary

# Articles already shown, with their neighbours and citing articles (some 10 KB each).
ARTICLES = counts.Memory(1000)


def article(session: Session, article_id: int) -> Detail | None:
    """One article with everything its page shows, remembered like a page (`page`)."""
    if not 0 < article_id <= MAX_ID:
        return None
    return ARTICLES.get(
        session,
        ("detail", article_id),
        lambda: details.load(session.connection(), article_id),
    )


def _nearest(kind: str, condition: ColumnElement[bool], order: tuple) -> Select:
    """The one article first in `order` among those matching, tagged with `kind`."""
    inner = summaries.columns(with_lead=False).where(condition).order_by(*order).limit(1)
    return select(literal(kind), *inner.subquery().c)


_CITING = summaries.columns(with_lead=False).where(
    Article.id.in_(
        select(RelatedLink.article_id).where(
            RelatedLink.target_id == bindparam("id", type_=Integer)
        )
    )
)


def _around(older: tuple[str, ...], newer: tuple[str, ...]) -> Prepared:
    """Each neighbour is the first of one or two segments, as Cursor's say; both sides and the
    citing articles come in one statement ("o": older, "n": newer, "c": citing)."""
    return Prepared(
        union_all(
            *(_nearest(f"o{i}", SEGMENTS[s], NEWEST_FIRST) for i, s in enumerate(older)),
            *(_nearest(f"n{i}", SEGMENTS[s], OLDEST_FIRST) for i, s in enumerate(newer)),
            select(literal("c"), *_CITING.subquery().c),
        )
    )


_SOME_DAY = Cursor(date.min, 1)
_AROUND_DATED = _around(_SOME_DAY.older_segments(), _SOME_DAY.newer_segments())
_AROUND_UNDATED = _around(Cursor(None, 1).older_segments(), Cursor(None, 1).newer_segments())


@dataclass(frozen=True, slots=True)
class Around:
    """An article's neighbours by date and the articles whose "Related article" lines cite it."""

    older: Summary | None
    newer: Summary | None
    cited_by: list[Summary]


def around(session: Session, found: Detail) -> Around:
    """The articles just older and just newer than this one, and those citing it."""
    return ARTICLES.get(session, ("around", found.id), lambda: _around_of(session, found))


def _around_of(session: Session, found: Detail) -> Around:
    statement = _AROUND_UNDATED if found.published is None else _AROUND_DATED
    rows = statement.rows(session.connection(), Cursor.of(found).params())
    by_kind: dict[str, list[Summary]] = defaultdict(list)
    for kind, *columns in rows:
        by_kind[kind].extend(summaries.from_rows([columns]))
    older = by_kind["o0"] or by_kind["o1"]
    newer = by_kind["n0"] or by_kind["n1"]
    # Newest first: dated by (date, id) descending, then undated by id descending.
    cited = sorted(
        by_kind["c"], key=lambda s: (s.published is not None, s.published or date.min, s.id)
    )
    return Around(older[0] if older else None, newer[0] if newer else None, cited[::-1])


_DAY = bindparam("day", type_=Date)
_DATE_BEFORE = Prepared(
    select(Article.published).where(Article.published < _DAY).order_by(*NEWEST_FIRST).limit(1)
)
_DATE_AFTER = Prepared(
    select(Article.published).where(Article.published > _DAY).order_by(*OLDEST_FIRST).limit(1)
)


def date_before(session: Session, day: date) -> date | None:
    """The newest date before a day that has an article."""
    return prepared.day(_DATE_BEFORE.scalar(session.connection(), {"day": day}))


def date_after(session: Session, day: date) -> date | None:
    """The oldest date after a day that has an article."""
    return prepared.day(_DATE_AFTER.scalar(session.connection(), {"day": day}))


@dataclass(frozen=True, slots=True)
class TopicHead:
    """A topic as a list's heading names it."""

    id: int
    slug: str
    name: str
    kind: str

    @property
    def url(self) -> str:
        return Topic.url_of(self.slug)


@dataclass(frozen=True, slots=True)
class SourceHead:
    """A source as its page's heading describes it."""

    id: int
    slug: str
    name: str
    kind: str
    domain: str | None

    @property
    def url(self) -> str:
        return Source.url_of(self.slug)


_SLUG = bindparam("slug", type_=String)
_TOPIC = Prepared(select(Topic.id, Topic.slug, Topic.name, Topic.kind).where(Topic.slug == _SLUG))
_SOURCE = Prepared(
    select(Source.id, Source.slug, Source.name, Source.kind, Source.domain).where(
        Source.slug == _SLUG
    )
)


def topic(session: Session, slug: str) -> TopicHead | None:
    row = _TOPIC.first(session.connection(), {"slug": slug})
    return TopicHead(*row) if row else None


def source(session: Session, slug: str) -> SourceHead | None:
    row = _SOURCE.first(session.connection(), {"slug": slug})
    return SourceHead(*row) if row else None


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

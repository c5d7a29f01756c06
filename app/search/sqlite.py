"""The SQLite backend: FTS5 MATCH on `article_fts` (migration 0002), ranked by bm25.

Every step does bounded work, whatever the number of matches:
- totals are counted up to COUNT_CAP ("10,000+");
- relevance ranks every match when there are at most RANK_WINDOW of them, else the
  RANK_WINDOW most recently added (bm25 costs a few microseconds a row: ranking all 60,000
  matches of a common word takes longer than a whole page may);
- date order reads the few matches' dates, or, when matches are many, walks the date index
  newest first and keeps the articles that match, stopping as soon as the page is full;
- facets count a sample: the FACET_SAMPLE most recently added matches, taken from the
  same walk that finds the window (`sqlite_facets`);
- snippets are read in one pass over the page's span of ids, or one lookup per id.
The user's words reach SQLite only as a bound MATCH parameter made by `fts5.compile_query`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    exists,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app import counts, summaries
from app.lists import NEWEST_FIRST, Filters
from app.models import Article
from app.prepared import Prepared, day, json_values, moment
from app.search import sqlite_facets
from app.search.backend import (
    COUNT_CAP,
    FACET_SAMPLE,
    RANK_NARROW,
    RANK_WINDOW,
    Facets,
    Hit,
    SearchPage,
    SearchRequest,
    Summary,
)
from app.search.fts5 import Match, compile_query
from app.search.marks import END, START, marked
from app.search.query import Query
from app.summaries import SourceName

# bm25 weights: a word in the title counts ten times one in the body (0002 sets `rank` alike).
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
SORT_ALL_UNDER = 2_000  # up to this many matches, reading their dates and sorting is cheapest
SNIPPET_TOKENS = 24
# A search's facets (3–4 ms at 100,000 articles) are kept: paging or re-sorting need not recount.
FACETS = counts.Memory(256)

fts = table("article_fts", literal_column("rowid"))
_FTS = literal_column("article_fts")
_BM25 = func.bm25(_FTS, TITLE_WEIGHT, BODY_WEIGHT)
# The unary + keeps FTS5 from taking `rowid IN (…)` as an index to probe once per id.
_ROWID_NOT_INDEXED = literal_column("+article_fts.rowid")


def _matches(expression: str) -> ColumnElement[bool]:
    return _FTS.op("MATCH")(expression)


def _words_only_statements() -> tuple[Select, Select, Select]:
    """The window, the count past it and the ranking of words without filters, built once."""
    match = _matches(bindparam("match"))
    newest = (
        select(fts.c.rowid.label("id"))
        .where(match)
        .order_by(fts.c.rowid.desc())
        .limit(bindparam("window"))
        .cte("newest")
        .prefix_with("MATERIALIZED")
    )
    window = select(func.count(), func.min(newest.c.id), func.json_group_array(newest.c.id))
    older = select(fts.c.rowid).where(match, fts.c.rowid < bindparam("oldest"))
    count_older = select(func.count()).select_from(older.limit(bindparam("n")).subquery())
    ranked = (
        select(fts.c.rowid)
        .where(match, fts.c.rowid >= bindparam("low"))
        .order_by(_BM25, fts.c.rowid)
        .limit(bindparam("n"))
    )
    return window, count_older, ranked


# The commonest search, words alone: building these anew each time cost about as much CPU
# as SQLite took to answer them for a rare word.
_WINDOW, _COUNT_OLDER, _RANKED = map(Prepared, _words_only_statements())


def _filtered(statement: Select, query: Query) -> Select:
    """The statement within the query's dates, sources and topics (each must hold)."""
    statement = Filters(start=query.start, end=query.end).apply(statement)
    for source in query.sources:
        statement = Filters(source=source).apply(statement)
    for topic in query.topics:
        statement = Filters(topic=topic).apply(statement)
    return statement


def _has_filters(query: Query) -> bool:
    return bool(query.sources or query.topics or query.start or query.end)


@dataclass(frozen=True, slots=True)
class Window:
    """The most recently added matches, up to RANK_WINDOW: how many, the oldest, their ids."""

    seen: int
    oldest: int | None
    ids: str  # a JSON array
    best: list[int] | None = None  # the best by bm25, when ranked in the same walk

    @property
    def full(self) -> bool:
        """Whether there may be older matches beyond the window."""
        return self.seen >= RANK_WINDOW


class _Search:
    """One query's matches: the ids of the articles that match it, within its filters."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.match: Match = compile_query(query)
        self.text = self.match.include is not None
        self.has_prefix = any(t.prefix for t in [*query.wanted(), *query.exclude])
        self.id = fts.c.rowid if self.text else Article.id
        self.words_only = self.text and not _has_filters(query)

    def candidates(self) -> Select:
        """The ids (as `id`) of the articles that match, within the filters, in no order."""
        if self.match.include is not None:
            found = select(fts.c.rowid.label("id")).where(_matches(self.match.include))
            if _has_filters(self.query):
                found = found.where(
                    _ROWID_NOT_INDEXED.in_(_filtered(select(Article.id), self.query))
                )
            return found
        return self._without_excluded(_filtered(select(Article.id), self.query))

    def _without_excluded(self, statement: Select) -> Select:
        if self.match.exclude is None:
            return statement
        excluded = select(fts.c.rowid).where(_matches(self.match.exclude))
        return statement.where(Article.id.not_in(excluded))

    def count(self, db: Connection, cap: int) -> tuple[int, bool]:
        bounded = self.candidates().limit(cap + 1).subquery()
        found = db.scalar(select(func.count()).select_from(bounded)) or 0
        return min(found, cap), found <= cap

    def count_past(self, db: Connection, window: Window, cap: int) -> tuple[int, bool]:
        """The total up to `cap`, counting on from where the full window stopped."""
        n = cap - window.seen + 1
        if self.words_only:
            params = {"match": self.match.include, "oldest": window.oldest, "n": n}
            older = _COUNT_OLDER.scalar(db, params)
        else:
            walk = self.candidates().where(self.id < window.oldest).limit(n)
            older = db.scalar(select(func.count()).select_from(walk.subquery()))
        found = window.seen + (older or 0)
        return min(found, cap), found <= cap

    def window(self, db: Connection, rank: int = 0) -> Window:
        """The RANK_WINDOW most recently added matches; and their `rank` best if filtered.

        With filters, ranking in the same walk checks them once, not twice; without, a
        second walk that ranks (`ranked`) is cheaper than keeping every score in the window.
        """
        if self.words_only:
            params = {"match": self.match.include, "window": RANK_WINDOW}
            return Window(*_WINDOW.first(db, params))  # type: ignore[misc]
        rank = rank if _has_filters(self.query) else 0
        columns = [self.id.label("id")]
        if rank:
            columns.append(_BM25.label("score"))
        walk = self.candidates().with_only_columns(*columns).order_by(self.id.desc())
        newest = walk.limit(RANK_WINDOW).cte("newest").prefix_with("MATERIALIZED")
        ids = func.json_group_array(newest.c.id)  # one string: no Python object per row
        statement = select(func.count(), func.min(newest.c.id), ids)
        if rank:
            best = select(newest.c.id).order_by(newest.c.score, newest.c.id).limit(rank)
            best = best.subquery()
            statement = statement.add_columns(
                select(func.json_group_array(best.c.id)).scalar_subquery()
            )
        n, oldest, ids_json, *best_json = db.execute(statement).one()
        best = json.loads(best_json[0]) if best_json else None
        return Window(n, oldest, ids_json, best)

    def ranked(self, db: Connection, window: Window, n: int, exact: bool) -> list[int]:
        """The best n matches by bm25, among the window's when it is full."""
        if window.best is not None:
            return window.best[:n]
        if not window.seen:
            return []
        low = _oldest_ranked(window, exact)
        params = {"match": self.match.include, "low": low, "n": n}
        return [row[0] for row in _RANKED.rows(db, params)]

    def by_date(self, db: Connection, window: Window, total: int, n: int, sort: str) -> list[int]:
        """The first n matches newest or oldest first; undated articles come last."""
        if self.match.include is None:
            found = self._without_excluded(_filtered(select(Article.id), self.query))
        elif not window.full and total <= SORT_ALL_UNDER:
            found = select(Article.id).where(Article.id.in_(json_values(window.ids)))
        else:
            probe = exists(
                select(literal(1))
                .select_from(fts)
                .where(_matches(self.match.include), fts.c.rowid == Article.id)
            )
            found = _filtered(select(Article.id), self.query).where(probe)
        if sort == "newest":
            return list(db.scalars(found.order_by(*NEWEST_FIRST).limit(n)))
        # Oldest first in two walks of the date index: the dated articles, then the undated.
        dated = found.where(Article.published.is_not(None))
        ids = list(db.scalars(dated.order_by(Article.published, Article.id).limit(n)))
        if len(ids) < n:
            undated = found.where(Article.published.is_(None)).order_by(Article.id)
            ids += db.scalars(undated.limit(n - len(ids)))
        return ids


def _ranked_among(window: Window, exact: bool) -> int:
    """How many of the newest matches relevance ranks: the full window, or RANK_NARROW of it."""
    if window.best is not None or exact or window.seen <= RANK_NARROW:
        return window.seen
    return RANK_NARROW


def _oldest_ranked(window: Window, exact: bool) -> int:
    """The oldest id relevance ranks: the window's, or its RANK_NARROW-th newest's."""
    # Past COUNT_CAP matches (`exact` false) the best among the newest 5,000 or 2,000 are
    # alike arbitrary (the whole ranking's top 20 shares 0-4 with either at 100,000
    # articles); 2,000 cost less than half as much.
    assert window.oldest is not None
    if exact or window.seen <= RANK_NARROW:
        return window.oldest
    return sorted(json.loads(window.ids), reverse=True)[RANK_NARROW - 1]


class SqliteBackend:
    """Search with SQLite FTS5."""

    def search(self, session: Session, request: SearchRequest) -> SearchPage:
        # Core on the session's connection: the ORM's execution path cost more CPU than
        # SQLite did for these small statements, and they load no ORM objects.
        db = session.connection()
        wanted = _Search(request.query)
        sort = request.sort if wanted.text or request.sort != "relevance" else "newest"
        if request.query.impossible_dates:
            return SearchPage([], 0, True, False, sort, Facets() if request.facets else None)
        # One walk over the newest matches gives the window, its best by bm25 (relevance)
        # and the total when there are few; when there are many, counting goes on below the
        # window, up to COUNT_CAP.
        end = request.offset + request.limit
        ranking = sort == "relevance"
        window = wanted.window(db, rank=end + 1 if ranking else 0)
        if window.full:
            total, exact = wanted.count_past(db, window, COUNT_CAP)
        else:
            total, exact = window.seen, True
        among = None
        if ranking:
            ids = wanted.ranked(db, window, end + 1, exact)
            among = _ranked_among(window, exact) if window.full else None
        else:
            ids = wanted.by_date(db, window, total, end + 1, sort)
        facets = None
        if request.facets:
            sample = None if exact and total <= FACET_SAMPLE else FACET_SAMPLE
            facets = FACETS.get(
                session,
                request.query,
                lambda: sqlite_facets.facets(db, window.ids, FACET_SAMPLE, sample),
            )
        # One pass over the ids' span beats a lookup per id when the span holds few matches
        # (ranked ids lie in the window; a small result) or each lookup is dear (a prefix
        # expands to many words); ids in date order, or filtered, spread over every match.
        few = sort == "relevance" or total < RANK_WINDOW
        scan = wanted.has_prefix or (few and not _has_filters(request.query))
        hits = _hits(db, ids[request.offset : end], wanted.match.include, scan, request.titles)
        return SearchPage(hits, total, exact, len(ids) > end, sort, facets, among)

    def count(self, session: Session, query: Query, cap: int) -> tuple[int, bool]:
        if query.impossible_dates:
            return 0, True
        return _Search(query).count(session.connection(), cap)


def _hits(
    db: Connection, ids: list[int], include: str | None, scan: bool, titles: bool
) -> list[Hit]:
    if not ids:
        return []
    summaries = _summaries(db, ids)
    marks = _marks(db, ids, include, scan, titles) if include else {}
    hits = []
    for i in ids:
        if i in summaries:
            title, snippet = marks.get(i, (None, None))
            hits.append(Hit(summaries[i], title or marked(summaries[i].title), snippet))
    return hits


# Built once, with the ids and the match as parameters, and run on the driver's cursor (the
# ids as one JSON array: a prepared statement takes no list): a page shows 20 results, and
# making these statements anew, or SQLAlchemy's execute, cost more CPU than SQLite took.
_IDS = json_values(bindparam("ids_json"))
# The shown articles and their topics in one statement.
_SUMMARIES = Prepared(
    summaries.with_topics().add_columns(Article.updated_at).where(Article.id.in_(_IDS))
)


def _marks_statements(titles: bool) -> dict[bool, Prepared]:
    """Snippets (and the titles marked, if asked) by one pass over the ids' span (True), or
    by one lookup per id (False): see SqliteBackend.search."""
    columns = [fts.c.rowid, func.snippet(_FTS, 1, START, END, "…", SNIPPET_TOKENS)]
    if titles:
        columns.append(func.highlight(_FTS, 0, START, END))
    marks = select(*columns).where(_matches(bindparam("match")))
    span = fts.c.rowid.between(bindparam("low"), bindparam("high"))
    return {
        True: Prepared(marks.where(span, _ROWID_NOT_INDEXED.in_(_IDS))),
        False: Prepared(marks.where(fts.c.rowid.in_(_IDS))),
    }


# Only the page shows titles marked: the API and feeds give them plain.
_MARKS = {titles: _marks_statements(titles) for titles in (False, True)}


def _summaries(db: Connection, ids: list[int]) -> dict[int, Summary]:
    """The shown articles as plain rows, each with its topic slugs heaviest first."""
    rows = _SUMMARIES.rows(db, {"ids_json": json.dumps(ids)})
    return {row[0]: _summary(*row) for row in rows}


def _summary(
    ident, slug, title, published, source_slug, source_name, lead, topics, updated_at
) -> Summary:
    """One row of _SUMMARIES, read straight: a list's Summary with Tags first took twice as long."""
    return Summary(
        ident,
        slug,
        title,
        day(published),
        lead or "",
        moment(updated_at),
        SourceName(source_slug, source_name) if source_slug is not None else None,
        tuple(topic[2] for topic in summaries.heaviest_first(topics)),
    )


def _marks(
    db: Connection, ids: list[int], include: str, scan: bool, titles: bool
) -> dict[int, tuple[Markup | None, Markup]]:
    """Each article's best body passage and, if asked, its title, matches between sentinels."""
    params = {"match": include, "ids_json": json.dumps(ids)}
    if scan:
        params |= {"low": min(ids), "high": max(ids)}
    rows = _MARKS[titles][scan].rows(db, params)
    return {row[0]: (marked(row[2]) if titles else None, marked(row[1])) for row in rows}

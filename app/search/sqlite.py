"""The SQLite backend: FTS5 MATCH on `article_fts`, ranked by bm25 (title 10×, set in 0002).

Every search is one ranked (or date-ordered) list of ids, bounded by what the page and the
facets need; the page's rows, snippets and facets are then read for those ids only. The user's
words reach SQLite only as a bound MATCH parameter compiled by `fts5.compile_query`.
"""

from __future__ import annotations

import json

from sqlalchemy import Select, func, literal_column, select, table, text
from sqlalchemy.orm import Session, joinedload, load_only, selectinload

from app.models import Article, ArticleTopic
from app.queries import NEWEST_FIRST, Filters
from app.search.backend import (
    Facets,
    FacetValue,
    Hit,
    SearchPage,
    SearchRequest,
)
from app.search.fts5 import Match, compile_query
from app.search.marks import END, START, marked
from app.search.query import Query

FACET_SAMPLE = 1000  # facets count at most this many results: the first ones in the order shown
FACET_VALUES = 10  # sources and topics shown per facet, the most frequent first
COUNT_CAP = 10_000  # totals that need article rows stop counting here ("10,000+")
SNIPPET_TOKENS = 24

fts = table("article_fts", literal_column("rowid"), literal_column("rank"))
_FTS = literal_column("article_fts")
OLDEST_FIRST = (Article.published.is_(None), Article.published.asc(), Article.id.asc())

_FACETS = text(
    """
    WITH m(id) AS MATERIALIZED (SELECT value FROM json_each(:ids))
    SELECT 'year', substr(a.published, 1, 4), NULL, count(*)
      FROM m JOIN article a ON a.id = m.id
     WHERE a.published IS NOT NULL
     GROUP BY 2
    UNION ALL
    SELECT 'source', s.slug, s.name, count(*)
      FROM m JOIN article a ON a.id = m.id JOIN source s ON s.id = a.source_id
     GROUP BY s.id
    UNION ALL
    SELECT 'topic', t.slug, t.name, count(*)
      FROM m JOIN article_topic at ON at.article_id = m.id JOIN topic t ON t.id = at.topic_id
     GROUP BY t.id
    """
)


def _matches(expression: str):
    return _FTS.op("MATCH")(expression)


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


def _ids(query: Query, match: Match, sort: str) -> Select:
    """The ids of the matching articles, in the order asked for."""
    if match.include is None:
        statement = _filtered(select(Article.id), query)
        if match.exclude is not None:
            statement = statement.where(
                Article.id.not_in(select(fts.c.rowid).where(_matches(match.exclude)))
            )
        return statement.order_by(*(OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST))
    if sort == "relevance":
        statement = select(fts.c.rowid).select_from(fts).where(_matches(match.include))
        if _has_filters(query):
            statement = _filtered(statement.join(Article, Article.id == fts.c.rowid), query)
        return statement.order_by(fts.c.rank)
    statement = select(Article.id).join(fts, fts.c.rowid == Article.id)
    statement = _filtered(statement.where(_matches(match.include)), query)
    return statement.order_by(*(OLDEST_FIRST if sort == "oldest" else NEWEST_FIRST))


class SqliteBackend:
    """Search with SQLite FTS5."""

    def search(self, session: Session, request: SearchRequest) -> SearchPage:
        query, match = request.query, compile_query(request.query)
        sort = request.sort if match.include or request.sort != "relevance" else "newest"
        if query.impossible_dates:
            return SearchPage([], 0, True, False, sort, Facets() if request.facets else None)
        end = request.offset + request.limit
        window = max(end + 1, FACET_SAMPLE if request.facets else 0)
        ids = list(session.scalars(_ids(query, match, sort).limit(window)))
        if len(ids) < window:
            total, exact = len(ids), True
        else:
            total, exact = self.count(session, query, COUNT_CAP)
        facets = None
        if request.facets:
            sample = None if exact and total <= FACET_SAMPLE else FACET_SAMPLE
            facets = self._facets(session, ids[:FACET_SAMPLE], sample)
        hits = self._hits(session, ids[request.offset : end], match.include)
        return SearchPage(hits, total, exact, len(ids) > end, sort, facets)

    def count(self, session: Session, query: Query, cap: int) -> tuple[int, bool]:
        match = compile_query(query)
        if query.impossible_dates:
            return 0, True
        if match.include is not None and not _has_filters(query):
            # The index alone answers this, without reading an article row: exact and cheap.
            counted = select(func.count()).select_from(fts).where(_matches(match.include))
            return session.scalar(counted) or 0, True
        bounded = _ids(query, match, "relevance").order_by(None).limit(cap + 1).subquery()
        found = session.scalar(select(func.count()).select_from(bounded)) or 0
        return min(found, cap), found <= cap

    def _hits(self, session: Session, ids: list[int], include: str | None) -> list[Hit]:
        if not ids:
            return []
        articles = {
            a.id: a
            for a in session.scalars(
                select(Article)
                .where(Article.id.in_(ids))
                .options(
                    load_only(
                        Article.slug,
                        Article.title,
                        Article.published,
                        Article.lead,
                        Article.source_id,
                        Article.updated_at,
                    ),
                    joinedload(Article.source),
                    selectinload(Article.topics).joinedload(ArticleTopic.topic),
                )
            ).unique()
        }
        marks = self._marks(session, ids, include) if include else {}
        return [
            Hit(articles[i], *marks.get(i, (marked(articles[i].title), None)))
            for i in ids
            if i in articles
        ]

    def _marks(self, session: Session, ids: list[int], include: str):
        """Each article's title and best body passage, the matched words between sentinels."""
        rows = session.execute(
            select(
                fts.c.rowid,
                func.highlight(_FTS, 0, START, END),
                func.snippet(_FTS, 1, START, END, "…", SNIPPET_TOKENS),
            ).where(_matches(include), fts.c.rowid.in_(ids))
        )
        return {row[0]: (marked(row[1]), marked(row[2])) for row in rows}

    def _facets(self, session: Session, ids: list[int], sample: int | None) -> Facets:
        values: dict[str, list[FacetValue]] = {"year": [], "source": [], "topic": []}
        if ids:
            for facet, value, label, n in session.execute(_FACETS, {"ids": json.dumps(ids)}):
                values[facet].append(FacetValue(value, label or value, n))
        return Facets(
            years=sorted(values["year"], key=lambda v: v.value, reverse=True),
            sources=sorted(values["source"], key=_most_first)[:FACET_VALUES],
            topics=sorted(values["topic"], key=_most_first)[:FACET_VALUES],
            sample=sample,
        )


def _most_first(value: FacetValue) -> tuple[int, str]:
    return -value.count, value.label

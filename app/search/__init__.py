"""Full-text search: a query language, read into a Query, run by the database's engine.

Views call `search()` and `count()`; which engine answers depends on the database (FTS5 on
SQLite, the only one so far). A PostgreSQL backend would implement `backend.SearchBackend`
and be added to BACKENDS.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import counts
from app.search.backend import SORTS, SearchBackend, SearchPage, SearchRequest
from app.search.parse import parse
from app.search.query import Query
from app.search.sqlite import SqliteBackend

BACKENDS: dict[str, SearchBackend] = {"sqlite": SqliteBackend()}
# Pages of results already given, like a search engine's result cache: the same search comes
# back when a reader returns to the results or reloads, a feed reader polls a saved search, or
# many readers follow one story. A page is some 30 KB; the least recently asked are dropped.
RESULTS = counts.Memory(256)

__all__ = ["SORTS", "Query", "SearchPage", "SearchRequest", "count", "parse", "search"]


def backend(session: Session) -> SearchBackend:
    """The search engine of the session's database."""
    dialect = session.get_bind().dialect.name
    try:
        return BACKENDS[dialect]
    except KeyError:
        raise NotImplementedError(f"no full-text search backend for {dialect} yet") from None


def search(session: Session, request: SearchRequest) -> SearchPage:
    """A page of results for a request, remembered until the archive changes."""
    return RESULTS.get(
        session,
        request,
        lambda: backend(session).search(session, request),
    )


def count(session: Session, query: Query, cap: int) -> tuple[int, bool]:
    """How many articles a query finds, counted up to `cap`; and whether that is exact."""
    return backend(session).count(session, query, cap)

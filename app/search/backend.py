"""The seam between the views and a full-text engine: what a search asks and what it answers.

A backend turns a Query into results for one database (FTS5 on SQLite today; a PostgreSQL
`tsvector` backend implements the same protocol). Views only ever see these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from markupsafe import Markup
from sqlalchemy.orm import Session

from app.models import Article
from app.search.query import Query
from app.summaries import SourceName

SORTS = ("relevance", "newest", "oldest")
# What every backend bounds, so a search costs about the same however common its words:
COUNT_CAP = 10_000  # totals are counted this far ("10,000+")
RANK_WINDOW = 5_000  # past this many matches, the best are chosen among the newest added
RANK_NARROW = 2_000  # past COUNT_CAP matches, among this many newest (bm25 costs ~2 µs a row)
FACET_SAMPLE = 500  # facets count at most this many results, the most recently added


@dataclass(frozen=True, slots=True)
class SearchRequest:
    query: Query
    sort: str = "relevance"  # one of SORTS; relevance needs words, else newest is used
    offset: int = 0
    limit: int = 20
    facets: bool = False
    titles: bool = False  # mark the matches in the titles too (the page shows them so)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a result shows of its article: plain values, no ORM object to build per row."""

    id: int
    slug: str
    title: str
    published: date | None
    lead: str
    updated_at: datetime
    source: SourceName | None
    topics: tuple[str, ...]  # slugs, the heaviest first

    @property
    def url(self) -> str:
        return Article.url_of(self.id, self.slug)


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: the article, its title and a snippet with the matches in <mark>."""

    article: Summary
    title: Markup  # escaped; with the matches marked when the request asked for `titles`
    snippet: Markup | None  # None when the query had no words to find


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str  # the year, or the source or topic slug
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Facets:
    """Counts by year, source and topic over the results, or over the first `sample` of them."""

    years: list[FacetValue] = field(default_factory=list)
    sources: list[FacetValue] = field(default_factory=list)
    topics: list[FacetValue] = field(default_factory=list)
    sample: int | None = None  # None: counted over every result


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: list[Hit]
    total: int
    total_exact: bool  # False: at least `total` results, counting stopped there
    more: bool  # whether a next page exists
    sort: str  # the order actually used
    facets: Facets | None = None
    ranked_among: int | None = None  # relevance ranked only this many (the newest) matches


class SearchBackend(Protocol):
    """What every full-text engine provides."""

    def search(self, session: Session, request: SearchRequest) -> SearchPage:
        """A page of results, the total, and facets if asked for."""
        ...

    def count(self, session: Session, query: Query, cap: int) -> tuple[int, bool]:
        """How many articles match, counting up to `cap`; and whether the count is exact."""
        ...

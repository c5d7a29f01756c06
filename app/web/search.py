"""The search pages: /search, its help, an OpenSearch description and an Atom feed of any search."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, g, render_template, request, url_for
from slugify import slugify

from app import db, search
from app.queries import Filters
from app.search.backend import (
    COUNT_CAP,
    FACET_SAMPLE,
    RANK_NARROW,
    RANK_WINDOW,
    SORTS,
    SearchPage,
    SearchRequest,
)
from app.search.parse import MAX_CHARS, MAX_TERMS
from app.search.query import AnyOf, Query
from app.web import params

bp = Blueprint("search", __name__, url_prefix="/search")

MAX_RESULTS = 10_000  # pages reach this far; past it, narrowing the search is the way on
FEED_ENTRIES = 20
SUGGESTION_CAP = 1000  # "drop this filter" counts stop here


@dataclass(frozen=True, slots=True)
class Asked:
    """A search as the query string gave it: the words as typed, the form's filters, paging."""

    text: str
    typed: Query
    filters: Filters
    sort: str
    page: int
    per_page: int

    @property
    def query(self) -> Query:
        """The words and the form's filters together: what the search runs."""
        return self.typed.narrowed(self.filters)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def asked() -> Asked:
    """Read `q`, `from`, `to`, `topic`, `source`, `sort`, `page`, `per_page`; 400 if unreadable."""
    text = request.args.get("q", "")
    typed = search.parse(text)
    filters = params.filters()
    filters = replace(filters, topic=_slug(filters.topic), source=_slug(filters.source))
    sort = request.args.get("sort") or ("relevance" if typed.must else "newest")
    if sort not in SORTS:
        abort(400, f"sort must be one of {', '.join(SORTS)}")
    per_page = params.per_page()
    last_page = -(-MAX_RESULTS // per_page)
    page = params.whole_number("page", last_page, 1, "; narrow the search to go on")
    return Asked(text, typed, filters, sort, page, per_page)


def _slug(value: str | None) -> str | None:
    return slugify(value, max_length=200) or None if value else None


def run(wanted: Asked, page: bool = False) -> SearchPage:
    """Run a search for what was asked; for the results page, with facets and marked titles."""
    asking = SearchRequest(
        wanted.query, wanted.sort, wanted.offset, wanted.per_page, facets=page, titles=page
    )
    return search.search(db.session(), asking)


def page_url(endpoint: str, **changes) -> str:
    """This search's address at an endpoint, with some parameters changed (None removes one)."""
    return links(url_for(endpoint))(**changes)


def links(path: str) -> Links:
    """This search's addresses at a path, from its parameters encoded once."""
    return Links(path, _request_pairs())


class Links:
    """A search's address with parameters changed; any change starts again at page 1.

    A results page links some 60 variations of its search: each is built from the request's
    parameters encoded once, and one set parameter (`to`) from the text before and after it.
    """

    __slots__ = ("path", "pairs", "_around")

    def __init__(self, path: str, pairs: dict[str, str]) -> None:
        self.path = path
        self.pairs = pairs  # name → "name=value", the page left out
        self._around: dict[str, tuple[str, str]] = {}

    def __call__(self, **changes) -> str:
        """The address with each change made (None or "" removes the parameter)."""
        pairs = dict(self.pairs)
        for name, value in changes.items():
            if value in (None, ""):
                pairs.pop(name, None)
            else:
                pairs[name] = _pair(name, value)
        return f"{self.path}?{'&'.join(pairs.values())}" if pairs else self.path

    def to(self, name: str, value: object) -> str:
        """The address with one parameter set: what `self(name=value)` gives, made faster."""
        if value in (None, ""):
            return self(**{name: value})
        around = self._around.get(name)
        if around is None:
            around = self._around[name] = self._split(name)
        return f"{around[0]}{_pair(name, value)}{around[1]}"

    def _split(self, name: str) -> tuple[str, str]:
        """The address up to a parameter's place and after it (a new one goes last)."""
        names = list(self.pairs)
        at = names.index(name) if name in self.pairs else len(names)
        before = "".join(f"{self.pairs[n]}&" for n in names[:at])
        after = "".join(f"&{self.pairs[n]}" for n in names[at + 1 :])
        return f"{self.path}?{before}", after


def _request_pairs() -> dict[str, str]:
    """This request's parameters but the page, encoded once per request."""
    if "search_pairs" not in g:
        args = request.args.items()
        g.search_pairs = {k: _pair(k, v) for k, v in args if k != "page" and v != ""}
    return g.search_pairs


@lru_cache(maxsize=1024)
def _pair(name: str, value: object) -> str:
    """One `name=value` of a query string, as urlencode writes it (a page makes dozens)."""
    return urlencode({name: value})


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    url: str
    count: int
    exact: bool


def suggestions(wanted: Asked) -> list[Suggestion]:
    """When nothing matched: the searches with one filter fewer that would find something."""
    found = []
    for label, query, changes in _one_filter_fewer(wanted.typed, wanted.filters):
        n, exact = search.count(db.session(), query, SUGGESTION_CAP)
        if n:
            found.append(Suggestion(label, page_url("search.page", **changes), n, exact))
    return found


def _one_filter_fewer(typed: Query, filters: Filters) -> Iterator[tuple[str, Query, dict]]:
    """Each search with one filter fewer: the form's, then those typed among the words."""
    if filters.start or filters.end:
        fewer = replace(filters, start=None, end=None)
        yield "without the dates", typed.narrowed(fewer), {"from": None, "to": None}
    for name in ("topic", "source"):
        if value := getattr(filters, name):
            fewer = replace(filters, **{name: None})
            yield f"without {name} {value}", typed.narrowed(fewer), {name: None}
    for label, less in _typed_fewer(typed):
        yield label, less.narrowed(filters), {"q": str(less)}


def _typed_fewer(typed: Query) -> Iterator[tuple[str, Query]]:
    if typed.start or typed.end:
        yield "without the dates in the search", replace(typed, start=None, end=None)
    for source in typed.sources:
        others = tuple(s for s in typed.sources if s != source)
        yield f"without source:{source}", replace(typed, sources=others)
    for topic in typed.topics:
        others = tuple(t for t in typed.topics if t != topic)
        yield f"without topic:{topic}", replace(typed, topics=others)
    if len(typed.must) > 1:
        yield "with any of the words", replace(typed, must=(_any_of(typed),))


def _any_of(typed: Query) -> AnyOf:
    return AnyOf(tuple(typed.wanted()))


@bp.get("")
def page():
    """Search the archive: ranked results with highlighted snippets, filters and facets."""
    wanted = asked()
    if wanted.query.is_empty:
        return render_template("search.html", wanted=wanted, results=None)
    results = run(wanted, page=True)
    return render_template(
        "search.html",
        wanted=wanted,
        results=results,
        suggestions=suggestions(wanted) if not results.total else [],
        page_url=links(url_for("search.page")),
        feed_url=page_url("search.feed", sort=None, per_page=None),
        max_results=MAX_RESULTS,
    )


@bp.get("/help", endpoint="help")
def help_page():
    """Explain the query language."""
    return render_template(
        "search_help.html",
        max_chars=MAX_CHARS,
        max_terms=MAX_TERMS,
        rank_window=RANK_WINDOW,
        rank_narrow=RANK_NARROW,
        facet_sample=FACET_SAMPLE,
        count_cap=COUNT_CAP,
    )


@bp.get("/opensearch.xml")
def opensearch():
    """Describe the search so browsers can offer it as a search engine."""
    xml = render_template("opensearch.xml", base=request.host_url.rstrip("/"))
    return Response(xml, mimetype="application/opensearchdescription+xml")


@bp.get("/feed.atom")
def feed():
    """Any search as an Atom feed, newest first: a saved search."""
    wanted = replace(asked(), sort="newest", page=1, per_page=FEED_ENTRIES)
    results = run(wanted)
    updated = max(
        (h.article.updated_at for h in results.hits), default=datetime.now(UTC).replace(tzinfo=None)
    )
    xml = render_template(
        "search_feed.xml",
        wanted=wanted,
        results=results,
        updated=updated,
        alternate=page_url("search.page", sort="newest"),
        xml_text=xml_text,
    )
    return Response(xml, mimetype="application/atom+xml")

"""The search pages: /search, its help, an OpenSearch description and an Atom feed of any search."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, render_template, request, url_for

from app import db, queries, search
from app.search import known
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
from app.search.query import AnyOf, Chosen, Query
from app.web import feeds, params

bp = Blueprint("search", __name__, url_prefix="/search")

MAX_RESULTS = 10_000  # pages reach this far; past it, narrowing the search is the way on
FEED_ENTRIES = 20
SUGGESTION_CAP = 1000  # "drop this filter" counts stop here


@dataclass(frozen=True, slots=True)
class Asked:
    """A search as the query string gave it: the words as typed, the chosen filters, paging."""

    text: str
    typed: Query
    chosen: Chosen
    sort: str
    page: int
    per_page: int

    @property
    def query(self) -> Query:
        """The words and the chosen filters together: what the search runs."""
        return self.typed.narrowed(self.chosen)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


REPEATED = ("topic", "source")  # given several times, each must hold


def asked() -> Asked:
    """Read `q`, `from`, `to`, `topic`, `source`, `sort`, `page`, `per_page`; 400 if unreadable.

    `topic` and `source` may be repeated (a facet adds one): every one given must hold.
    """
    text = printable(request.args.get("q", ""))
    typed = search.parse(text)
    chosen = Chosen(
        _slugs("topic"), _slugs("source"), params.day("from", end=False), params.day("to", end=True)
    )
    sort = _sort(typed)
    page, per_page = _paging()
    return Asked(text, typed, chosen, sort, page, per_page)


def _paging() -> tuple[int, int]:
    """`page` and `per_page`: pages reach MAX_RESULTS."""
    per_page = params.per_page()
    last_page = -(-MAX_RESULTS // per_page)
    return params.whole_number("page", last_page, 1, "; narrow the search to go on"), per_page


def unreadable(bad: params.BadParameter) -> dict[str, str]:
    """Every parameter that cannot be read, `bad` among them, with its message for the form."""
    typed = search.parse(printable(request.args.get("q", "")))
    checks = (
        lambda: params.day("from", end=False),
        lambda: params.day("to", end=True),
        lambda: _sort(typed),
        _paging,
    )
    found = {bad.parameter: _message(bad)}
    for check in checks:
        try:
            check()
        except params.BadParameter as also:
            found.setdefault(also.parameter, _message(also))
    names = ("from", "to", "sort", "per_page", "page")
    return dict(sorted(found.items(), key=lambda item: names.index(item[0])))


def _message(bad: params.BadParameter) -> str:
    """The reason as the form shows it, naming the field unless the reason does."""
    reason = bad.description or ""
    if reason.startswith(bad.parameter):
        message = reason[:1].upper() + reason[1:]
    else:
        message = f"{bad.parameter.replace('_', ' ').capitalize()}: {reason}"
    return message.rstrip(".") + "."


def as_far_as_readable() -> Asked:
    """What was asked, leaving out whatever cannot be read: to show the form again."""
    text = printable(request.args.get("q", ""))
    typed = search.parse(text)
    dates = [_or_none(params.day, name, end) for name, end in (("from", False), ("to", True))]
    chosen = Chosen(_slugs("topic"), _slugs("source"), *dates)
    sort = _or_none(_sort, typed) or _default_sort(typed)
    return Asked(text, typed, chosen, sort, 1, current_app.config["PER_PAGE"])


def _or_none(read, *args):
    try:
        return read(*args)
    except params.BadParameter:
        return None


def _sort(typed: Query) -> str:
    sort = request.args.get("sort") or _default_sort(typed)
    if sort not in SORTS:
        raise params.BadParameter("sort", f"sort must be one of {', '.join(SORTS)}")
    return sort


def _default_sort(typed: Query) -> str:
    return "relevance" if typed.must else "newest"


def _slugs(name: str) -> tuple[str, ...]:
    """A repeated parameter's values as slugs, each once, in the order given."""
    found = (params.slug(value) for value in request.args.getlist(name))
    return tuple(dict.fromkeys(slug for slug in found if slug))


# Control characters (C0, DEL, C1): the search reads them as spaces, and a page cannot show them.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text as a page may echo it: each control character a space, as the search reads it."""
    return _CONTROL.sub(" ", text)


def form_values() -> dict[str, list[str]]:
    """What the form shows in its filter fields: each value as given, every topic and source."""
    shown = {name: [printable(v) for v in request.args.getlist(name) if v] for name in REPEATED}
    shown |= {name: [printable(request.args.get(name, ""))] for name in ("from", "to")}
    return {name: values or [""] for name, values in shown.items()}


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
        self.pairs = pairs  # name → "name=value" ("name=a&name=b" when repeated), no page
        self._around: dict[str, tuple[str, str]] = {}

    def __call__(self, **changes) -> str:
        """The address with each change made (None or "" removes the parameter, a list
        repeats it)."""
        pairs = dict(self.pairs)
        for name, value in changes.items():
            values = [v for v in (value if isinstance(value, list) else [value]) if v]
            if values:
                pairs[name] = "&".join(_pair(name, v) for v in values)
            else:
                pairs.pop(name, None)
        return f"{self.path}?{'&'.join(pairs.values())}" if pairs else self.path

    def to(self, name: str, value: object) -> str:
        """The address with one parameter set: what `self(name=value)` gives, made faster."""
        if value in (None, ""):
            return self(**{name: value})
        before, after = self._split(name)
        return f"{before}{_pair(name, value)}{after}"

    def adding(self, name: str, value: str) -> str:
        """The address with one more value of a repeated parameter: a facet narrows."""
        if name not in self.pairs:
            return self.to(name, value)
        before, after = self._split(name)
        return f"{before}{self.pairs[name]}&{_pair(name, value)}{after}"

    def without(self, name: str, slug: str) -> str:
        """The address without the values of a repeated parameter that name `slug`."""
        return self(**{name: [v for v in request.args.getlist(name) if params.slug(v) != slug]})

    def _split(self, name: str) -> tuple[str, str]:
        """The address up to a parameter's place and after it (a new one goes last)."""
        around = self._around.get(name)
        if around is None:
            names = list(self.pairs)
            at = names.index(name) if name in self.pairs else len(names)
            before = "".join(f"{self.pairs[n]}&" for n in names[:at])
            after = "".join(f"&{self.pairs[n]}" for n in names[at + 1 :])
            around = self._around[name] = (f"{self.path}?{before}", after)
        return around


def _request_pairs() -> dict[str, str]:
    """This request's parameters but the page, encoded once per request."""
    if "search_pairs" not in g:
        pairs = {}
        for name, values in request.args.lists():
            kept = [v for v in (values if name in REPEATED else values[:1]) if v != ""]
            if name != "page" and kept:
                pairs[name] = "&".join(_pair(name, v) for v in kept)
        g.search_pairs = pairs
    return g.search_pairs


@lru_cache(maxsize=1024)
def _pair(name: str, value: object) -> str:
    """One `name=value` of a query string, as urlencode writes it (a page makes dozens)."""
    return urlencode({name: value})


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def reach(results: SearchPage) -> int:
    """How many results paging shows: relevance's ranked matches, at most MAX_RESULTS."""
    return min(results.ranked_among or MAX_RESULTS, MAX_RESULTS)


def out_of_reach(results: SearchPage) -> str | None:
    """A note when paging cannot reach every result: how far it goes, and the way to the rest."""
    shown = reach(results)
    if shown >= results.total and results.total_exact:
        return None
    total = f"{results.total:,}{'' if results.total_exact else '+'}"
    if results.sort == "relevance":  # the best of the newest matches, not of them all
        ranked = f"results ranked among the {shown:,} most recently added of {total} matches"
        return f"{ranked}; sort by date or {_NARROW}"
    return f"showing the first {shown:,} of {total}; {_NARROW}"


_NARROW = "narrow the search to see the rest"


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    url: str
    count: int
    exact: bool


def suggestions(wanted: Asked) -> list[Suggestion]:
    """When nothing matched: the searches with one filter fewer that would find something."""
    found = []
    for label, query, url in _one_filter_fewer(wanted, links(url_for("search.page"))):
        n, exact = search.count(db.session(), query, SUGGESTION_CAP)
        if n:
            found.append(Suggestion(label, url, n, exact))
    return found


def _one_filter_fewer(wanted: Asked, link: Links) -> Iterator[tuple[str, Query, str]]:
    """Each search with one filter fewer: the chosen ones, then those typed among the words."""
    typed, chosen = wanted.typed, wanted.chosen
    if chosen.start or chosen.end:
        fewer = replace(chosen, start=None, end=None)
        yield "without the dates", typed.narrowed(fewer), link(**{"from": None, "to": None})
    for name in REPEATED:
        values = getattr(chosen, f"{name}s")
        for value in values:
            fewer = replace(chosen, **{f"{name}s": _without(values, value)})
            yield f"without {name} {value}", typed.narrowed(fewer), link.without(name, value)
    for label, less in _typed_fewer(typed):
        yield label, less.narrowed(chosen), link(q=str(less))


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


@dataclass(frozen=True, slots=True)
class Unknown:
    """A topic or source filter that names none, and the searches with what it may have meant."""

    kind: str
    given: str
    meant: list[tuple[known.Suggestion, str]]  # each with the address of the search using it

    @property
    def note(self) -> str:
        return known.note(self.kind, self.given, [suggestion for suggestion, _ in self.meant])


def unknown_filters(wanted: Asked, results: SearchPage) -> list[Unknown]:
    """The topics and sources asked for that the archive has none of: 0 results, explained."""
    if results.total:  # filters all hold: one naming nothing would have left none
        return []
    link = links(url_for("search.page"))
    return [
        Unknown(kind, given, [(s, _instead(wanted, link, kind, given, s.slug)) for s in meant])
        for (kind, given), meant in known.unknown(db.session(), wanted.query).items()
    ]


def _instead(wanted: Asked, link: Links, kind: str, given: str, slug: str) -> str:
    """This search's address with one topic or source, chosen or typed, replaced by another."""
    if given in getattr(wanted.chosen, f"{kind}s"):
        values = request.args.getlist(kind)
        return link(**{kind: [slug if params.slug(v) == given else v for v in values]})
    typed = tuple(slug if v == given else v for v in getattr(wanted.typed, f"{kind}s"))
    return link(q=str(replace(wanted.typed, **{f"{kind}s": typed})))


@dataclass(frozen=True, slots=True)
class Applied:
    """A filter in force, shown as chosen, with the address of the search without it."""

    facet: str  # "year", "source" or "topic"; "from" or "to" for a date that is no year
    value: str  # the year, slug or date as given
    label: str
    remove: str


def applied(wanted: Asked, link: Links, names: dict[tuple[str, str], str]) -> list[Applied]:
    """The filters in force, chosen or typed among the words, each with a way to drop it.

    `names` are the facets' labels by (facet, value); a value the facets lack shows its slug.
    """
    found = []
    chosen, typed = wanted.chosen, wanted.typed
    year = _whole_year(chosen)
    if year:
        found.append(Applied("year", year, year, link(**{"from": None, "to": None})))
    else:
        for name in ("from", "to") if chosen.start or chosen.end else ():
            if value := request.args.get(name):
                found.append(Applied(name, value, printable(value), link(**{name: None})))
    for facet in REPEATED:
        for value in getattr(chosen, f"{facet}s"):
            label = names.get((facet, value), value)
            found.append(Applied(facet, value, label, link.without(facet, value)))
        for value in getattr(typed, f"{facet}s"):
            if value not in getattr(chosen, f"{facet}s"):
                less = replace(typed, **{f"{facet}s": _without(getattr(typed, f"{facet}s"), value)})
                label = names.get((facet, value), value)
                found.append(Applied(facet, value, label, link(q=str(less))))
    return found


def year_links(wanted: Asked, link: Links, years: list[str]) -> dict[str, str]:
    """Each year facet's address: the year within the From/To dates in force, so that its
    count is what the click finds (a From in June keeps June, not all of the year)."""
    chosen, found = wanted.chosen, {}
    for year in years:
        first, last = date(int(year), 1, 1), date(int(year), 12, 31)
        start = request.args["from"] if chosen.start and chosen.start > first else year
        end = request.args["to"] if chosen.end and chosen.end < last else year
        found[year] = link(**{"from": start, "to": end})
    return found


def _without(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return tuple(v for v in values if v != value)


def _whole_year(chosen: Chosen) -> str | None:
    """The year the chosen dates span exactly, as a year facet chooses it."""
    start, end = chosen.start, chosen.end
    if start and end and start.year == end.year and (start.month, start.day) == (1, 1):
        return str(start.year) if (end.month, end.day) == (12, 31) else None
    return None


def _names(wanted: Asked, results: SearchPage) -> dict[tuple[str, str], str]:
    """The names of the topics and sources on the page (facets, filters in force) by slug."""
    facets = results.facets
    found = (
        {
            (facet, v.value): v.label
            for facet, values in (("source", facets.sources), ("topic", facets.topics))
            for v in values
        }
        if facets
        else {}
    )
    session = db.session()
    heads = {"topic": queries.topic, "source": queries.source}
    for facet in REPEATED:
        for value in {*getattr(wanted.chosen, f"{facet}s"), *getattr(wanted.typed, f"{facet}s")}:
            if (facet, value) not in found and (head := heads[facet](session, value)):
                found[(facet, value)] = head.name
    return found


@bp.get("")
def page():
    """Search the archive: ranked results with highlighted snippets, filters and facets."""
    try:
        wanted = asked()
    except params.BadParameter as bad:
        return _form_again(bad), 400
    if wanted.query.is_empty:
        return render_template("search.html", wanted=wanted, results=None, form=form_values())
    results = run(wanted, page=True)
    link = links(url_for("search.page"))
    unknown = unknown_filters(wanted, results)
    names = _names(wanted, results)
    in_force = applied(wanted, link, names)
    return render_template(
        "search.html",
        wanted=wanted,
        results=results,
        names=names,
        unknown=unknown,
        form=form_values(),
        applied=in_force,
        chosen={(a.facet, a.value) for a in in_force},
        year_links=year_links(wanted, link, [v.value for v in results.facets.years]),
        suggestions=suggestions(wanted) if not results.total else [],
        page_url=link,
        feed_url=page_url("search.feed", sort=None, per_page=None),
        reach=reach(results),
        reach_note=out_of_reach(results),
    )


def _form_again(bad: params.BadParameter) -> str:
    """The search form as it was filled in, the reason beside each parameter it could not read."""
    return render_template(
        "search.html",
        wanted=as_far_as_readable(),
        results=None,
        form=form_values(),
        errors=unreadable(bad),
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
    return feeds.atom(xml, updated)

"""The JSON API under /api."""

from __future__ import annotations

from flask import Blueprint, request, url_for

from app import counts, db, history, lists, queries, similar, topic_queries
from app.search.query import no_day_between
from app.web import params, reader, serialize
from app.web import search as web_search
from app.web import topics as topics_page

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/articles")
def articles():
    """List articles newest first; follow `next` for more."""
    filters = params.filters()
    page, more = lists.newest(db.session(), filters, params.per_page(), params.cursor())
    next_url = None
    if more is not None:
        args = {k: v for k, v in request.args.items() if k != "after"}
        next_url = url_for("api.articles", **args, after=str(more))
    start, end = filters.start, filters.end
    return {
        "total": lists.count(db.session(), filters),
        "articles": [serialize.summary(a) for a in page],
        "next": next_url,
        # as /api/search says it: an empty list is not the whole answer
        "notes": [no_day_between(start, end)] if start and end and start > end else [],
    }


@bp.get("/articles/<int:article_id>")
def article(article_id: int):
    """Show one article with its paragraphs, links and topics."""
    session, found = db.session(), reader.article_or_404(article_id)
    return serialize.detail(
        found, queries.around(session, found).cited_by, similar.more_like_this(session, found)
    )


@bp.get("/articles/<int:article_id>/revisions")
def revisions(article_id: int):
    """List an article's earlier versions, oldest first, each read again from its raw text."""
    session, found = db.session(), reader.article_or_404(article_id)
    return {
        "article_id": found.id,
        "url": f"{found.url}/versions",
        "revisions": [serialize.revision(found, v) for v in history.revisions(session, found.id)],
    }


@bp.get("/search")
def search():
    """Search the archive: results with snippets, best matches first; follow `next` for more."""
    wanted = web_search.asked()
    found = web_search.run(wanted)
    next_url = None
    if found.more and wanted.offset + wanted.per_page < web_search.reach(found):
        next_url = web_search.page_url("api.search", page=wanted.page + 1)
    return {
        "query": str(wanted.query),
        "total": found.total,
        "results": [serialize.search_result(hit) for hit in found.hits],
        "next": next_url,
        "total_exact": found.total_exact,
        "sort": found.sort,
        "notes": [
            *wanted.query.notes,
            *(unknown.note for unknown in web_search.unknown_filters(wanted, found)),
            *filter(None, [web_search.out_of_reach(found)]),
        ],
    }


@bp.get("/topics")
def topics():
    """List every topic with its number of articles, A–Z or (`sort=size`) largest first."""
    session, sort = db.session(), topics_page.sort_order()

    def listed() -> list[dict]:
        return [serialize.topic(row) for row in topic_queries.counted(session, sort)]

    # Every topic with its count changes only with ingest or retag, like the counts it shows.
    return {"topics": counts.remembered(session, f"api-topics-{sort}", listed)}


@bp.get("/topics/<slug>")
def topic(slug: str):
    """Show one topic, its articles a month and its newest articles; follow `next` for more."""
    session = db.session()
    found, page = topics_page.newest_of(session, slug)
    args = {k: v for k, v in request.args.items() if k not in ("after", "before")}
    next_url = prev_url = None
    if page.older is not None:
        next_url = url_for("api.topic", slug=slug, **args, after=str(page.older))
    if page.newer is not None:
        prev_url = url_for("api.topic", slug=slug, **args, before=str(page.newer))
    counted = topic_queries.Counted(found, found.article_count)
    return {
        **serialize.topic(counted),
        "children": [serialize.topic(c) for c in topic_queries.children(session, found)],
        "timeline": [
            {"month": month, "count": n} for month, n in topic_queries.timeline(session, found)
        ],
        "articles": [serialize.summary(a) for a in page.articles],
        "next": next_url,
        "prev": prev_url,
    }

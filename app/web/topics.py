"""The topic pages: every topic by kind, and one topic with its timeline and articles."""

from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, abort, render_template, request
from markupsafe import Markup
from sqlalchemy.orm import Session

from app import counts, db, lists, topic_queries, topics_store
from app.taxonomy import Entry, loaded
from app.web import charts, paging, params

bp = Blueprint("topics", __name__)

KIND_NAMES = {
    "country": "Countries",
    "region": "Regions",
    "person": "People",
    "organization": "Organisations",
    "theme": "Themes",
}
SORTS = ("name", "size")


def sort_order() -> str:
    """`sort`: "name" (A–Z, the default) or "size" (most articles first)."""
    sort = request.args.get("sort") or "name"
    if sort not in SORTS:
        abort(400, "sort must be name or size")
    return sort


@bp.get("/topics")
def index():
    """List the topics that have articles, grouped by kind, A–Z or largest first."""
    sort = sort_order()
    rows = topic_queries.counted(db.session(), sort, with_empty=False)
    return render_template(
        "topics.html", groups=topic_queries.by_kind(rows), kind_names=KIND_NAMES, sort=sort
    )


@bp.get("/topics/<slug>")
def topic(slug: str):
    """Show one topic: what it is, when it was written about, with what, and its articles."""
    session = db.session()
    found, page = newest_of(session, slug)
    first_page = page_is_first()  # only the first shows the timeline and company
    entry = loaded(topics_store.taxonomy_path()).by_slug.get(slug)
    return render_template(
        "topic.html",
        topic=found,
        kind_name=KIND_NAMES.get(found.kind, found.kind),
        entry=entry,
        words=named_as(entry) if entry else [],
        count=found.article_count,
        children=topic_queries.children(session, found),
        timeline=first_page and timeline(session, found),
        companions=first_page and topic_queries.companions(session, found),
        companions_from=topic_queries.RELATED_FROM,
        page=page,
        first_page=first_page,
    )


@lru_cache(maxsize=4096)
def named_as(entry: Entry) -> list[str]:
    """The words that give an article this topic (context words only confirm it), once each."""
    return list(dict.fromkeys(a.text for a in entry.aliases if a.sense != "context"))


def page_is_first() -> bool:
    return not (request.args.get("after") or request.args.get("before"))


def newest_of(session: Session, slug: str) -> tuple[topic_queries.TopicRow, lists.Page]:
    """The topic a slug names (else 404) and the page of its articles the cursors ask for."""
    found = topic_queries.topic(session, slug) or abort(404, "no topic by that name")
    after, before = paging.cursors()
    page = lists.page(session, lists.Filters(topic=slug), params.per_page(), after, before)
    return found, page


def timeline(session: Session, topic: topic_queries.TopicRow) -> Markup:
    """The topic's timeline drawn: some two hundred bars, drawn again only when it changes."""

    def draw() -> Markup:
        chart = charts.monthly(topic_queries.timeline(session, topic))
        if chart is None:
            return Markup()
        undated = topic_queries.undated(session, topic.id)
        return Markup(
            render_template("_topic_timeline.html", topic=topic, chart=chart, undated=undated)
        )

    return counts.remembered(session, f"timeline-svg-{topic.id}", draw)

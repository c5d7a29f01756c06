"""Atom feeds (RFC 4287): the newest articles, and the newest of one topic."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, render_template, request, url_for

from app import counts, db, lists, queries

bp = Blueprint("feeds", __name__)

FEED_ENTRIES = 20


@bp.get("/feed.atom")
def latest():
    """The newest articles of the whole archive."""
    return _feed(lists.Filters(), "Foreign Desk: latest articles", url_for("reader.front"))


@bp.get("/topics/<slug>/feed.atom")
def topic(slug: str):
    """The newest articles about one topic."""
    found = queries.topic(db.session(), slug) or abort(404, "no topic by that name")
    return _feed(lists.Filters(topic=slug), f"Foreign Desk: {found.name}", found.url)


def _feed(filters: lists.Filters, title: str, alternate: str) -> Response:
    session = db.session()

    def render() -> tuple[str, str, datetime]:
        articles = lists.page(session, filters, FEED_ENTRIES, shape=lists.FULL).articles
        updated = max((a.updated_at for a in articles), default=None)
        updated = updated or datetime.now(UTC).replace(tzinfo=None)
        body = render_template(
            "feed.atom.xml", title=title, articles=articles, updated=updated, alternate=alternate
        )
        return body, _etag(body), updated

    # Readers poll a feed over and over; it changes only with ingest (its categories with retag).
    body, etag, updated = counts.remembered(session, f"feed {request.base_url}", render)
    return atom(body, updated, etag)


def atom(body: str, updated: datetime, etag: str | None = None) -> Response:
    """A feed's answer: a reader that sends back the ETag or the date it has gets
    "304 Not Modified" and no body (readers poll feeds over and over)."""
    answer = Response(body, mimetype="application/atom+xml")
    answer.set_etag(etag or _etag(body))
    answer.last_modified = updated.replace(tzinfo=UTC)
    return answer.make_conditional(request)


def _etag(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:32]

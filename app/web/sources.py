"""Who the articles credit: the most credited sources, every source A to Z, and one source."""

from __future__ import annotations

import re

from flask import Blueprint, abort, render_template, request

from app import counts, db, lists, queries
from app.web import paging

bp = Blueprint("sources", __name__, url_prefix="/sources")

SOURCE_PAGE_ARTICLES = 20
A_TO_Z = 100
# How many of each kind the page shows, most credited first; the A to Z list has them all.
MOST_CREDITED = {"organization": 50, "publisher": 50, "agency": 50, "person": 60}
_SLUG = re.compile(r"[a-z0-9-]{1,200}")


def _slug_arg(name: str) -> str | None:
    value = request.args.get(name)
    if value and not _SLUG.fullmatch(value):
        abort(400, f"{name} must be a source's slug, such as reuters")
    return value or None


@bp.get("")
def index():
    """Show the most credited sources of each kind, then every source A to Z."""
    session = db.session()
    after, before = _slug_arg("after"), _slug_arg("before")
    if after and before:
        abort(400, "a page is either after or before a source, not both")
    ranking = counts.ranking(session)
    top = {} if after or before else {k: ranking.get(k, [])[:n] for k, n in MOST_CREDITED.items()}
    named = queries.sources_by_id(session, [c.id for rows in top.values() for c in rows])
    return render_template(
        "sources.html",
        top={k: [(named[c.id], c) for c in rows] for k, rows in top.items()},
        totals={k: len(rows) for k, rows in ranking.items()},
        a_to_z=queries.sources_alphabetical(session, A_TO_Z, after, before),
        counted=counts.source_counts(session),
    )


@bp.get("/<slug>")
def source(slug: str):
    """Show one source and the articles it wrote or published, newest first.

    A source that wrote and published nothing but supplied photos (an agency) shows those."""
    return _source_page(slug, show_photos=False)


@bp.get("/<slug>/photos")
def photos(slug: str):
    """Show one source and the articles whose photos it supplied, newest first."""
    return _source_page(slug, show_photos=True)


def _source_page(slug: str, show_photos: bool):
    session = db.session()
    found = queries.source(session, slug) or abort(404, "no source by that name")
    credited = counts.source_counts(session).get(found.id)
    bylines = credited.bylines if credited else 0
    published = credited.published if credited else 0
    pictured = lists.count(session, lists.Filters(photos=slug))
    show_photos = show_photos or bool(pictured and not (bylines or published))
    after, before = paging.cursors()
    filters = lists.Filters(photos=slug) if show_photos else lists.Filters(source=slug)
    articles = lists.page(session, filters, SOURCE_PAGE_ARTICLES, after, before)
    return render_template(
        "source.html",
        source=found,
        page=articles,
        show_photos=show_photos,
        bylines=bylines,
        published=published,
        pictured=pictured,
    )

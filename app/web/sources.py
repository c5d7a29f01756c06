"""Who the articles credit: every source, and one source's articles."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from app import counts, db, queries
from app.web import paging

bp = Blueprint("sources", __name__, url_prefix="/sources")

SOURCE_PAGE_ARTICLES = 20


@bp.get("")
def index():
    """Show every credited source by kind, most credited first."""
    return render_template("sources.html", kinds=counts.sources_by_kind(db.session()))


@bp.get("/<slug>")
def source(slug: str):
    """Show one source and the articles it wrote or published, newest first."""
    session = db.session()
    found = queries.source(session, slug) or abort(404, "no source by that name")
    after, before = paging.cursors()
    articles = queries.page(
        session, queries.Filters(source=slug), SOURCE_PAGE_ARTICLES, after, before
    )
    bylines, published = counts.source_counts(session).get(found.id, (0, 0))
    return render_template(
        "source.html", source=found, page=articles, bylines=bylines, published=published
    )

"""The pages a person reads: the front page, the article list and one article."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for

from app import counts, db, lists, queries, similar
from app.details import Detail
from app.web import paging, params

bp = Blueprint("reader", __name__)

FRONT_PAGE_ARTICLES = 12


@bp.get("/")
def front():
    """Show the newest articles, the topics most written about lately and the years."""
    session = db.session()
    years = counts.years(session)
    dated = sum(n for _, n in years)
    return render_template(
        "front.html",
        page=lists.page(session, lists.Filters(), FRONT_PAGE_ARTICLES),
        topics=counts.active_topics(session),
        active_window=min(counts.ACTIVE_WINDOW, dated),
        years=years,
    )


@bp.get("/articles")
def articles():
    """List articles newest first, a page at a time, by topic, source or dates."""
    session = db.session()
    filters = params.filters()
    topic = source = None
    if filters.topic:
        topic = queries.topic(session, filters.topic) or abort(404, "no topic by that name")
    if filters.source:
        source = queries.source(session, filters.source) or abort(404, "no source by that name")
    after, before = paging.cursors()
    found = lists.page(session, filters, params.per_page(), after, before)
    return render_template("articles.html", page=found, filters=filters, topic=topic, source=source)


def article_or_404(article_id: int) -> Detail:
    """The article with that id, or the 404 answer (a page, or JSON under /api)."""
    return queries.article(db.session(), article_id) or abort(404, "no article with that id")


@bp.get("/articles/<int:article_id>")
def article_short(article_id: int):
    """Send a short article address to the full one."""
    found = article_or_404(article_id)
    return redirect(url_for("reader.article", article_id=found.id, slug=found.slug), 301)


@bp.get("/articles/<int:article_id>/<slug>")
def article(article_id: int, slug: str):
    """Show one article, with its neighbours by date."""
    session = db.session()
    found = article_or_404(article_id)
    if slug != found.slug:
        return redirect(url_for("reader.article", article_id=found.id, slug=found.slug), 301)
    near = queries.around(session, found)
    return render_template(
        "article.html",
        article=found,
        cited_by=near.cited_by,
        older=near.older,
        newer=near.newer,
        similar=similar.more_like_this(session, found),
    )


@bp.get("/healthz")
def healthz():
    """Answer quickly that the app is up."""
    return {"status": "ok"}

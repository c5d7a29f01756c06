"""The pages a person reads: the article list and one article."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from app import db, queries, similar
from app.web import params

bp = Blueprint("reader", __name__)


@bp.get("/")
def front():
    """Show the newest articles."""
    page, more = queries.newest(db.session(), queries.Filters(), 20)
    return render_template("articles.html", articles=page, more=more, heading="Latest")


@bp.get("/articles")
def articles():
    """List articles newest first, a page at a time."""
    filters = params.filters()
    page, more = queries.newest(db.session(), filters, params.per_page(), params.cursor())
    args = {k: v for k, v in request.args.items() if k != "after"}
    return render_template(
        "articles.html", articles=page, more=more, args=args, heading="All articles"
    )


@bp.get("/articles/<int:article_id>")
def article_short(article_id: int):
    """Send a short article address to the full one."""
    found = queries.article(db.session(), article_id) or abort(404, "no article with that id")
    return redirect(url_for("reader.article", article_id=found.id, slug=found.slug), 301)


@bp.get("/articles/<int:article_id>/<slug>")
def article(article_id: int, slug: str):
    """Show one article."""
    session = db.session()
    found = queries.article(session, article_id) or abort(404, "no article with that id")
    if slug != found.slug:
        return redirect(url_for("reader.article", article_id=found.id, slug=found.slug), 301)
    return render_template(
        "article.html",
        article=found,
        cited_by=queries.cited_by(session, article_id),
        similar=similar.more_like_this(session, found),
    )


@bp.get("/healthz")
def healthz():
    """Answer quickly that the app is up."""
    return {"status": "ok"}

"""An article's versions: the list with what changed between each, and one earlier version."""

from __future__ import annotations

from itertools import pairwise

from flask import Blueprint, abort, redirect, render_template, url_for

from app import db, history, versions
from app.web import reader

bp = Blueprint("versions", __name__)


@bp.get("/articles/<int:article_id>/versions")
def versions_short(article_id: int):
    """Send a short versions address to the full one."""
    found = reader.article_or_404(article_id)
    if found.slug == "versions":  # this is that article's own address, not its versions'
        return reader.article(article_id, found.slug)
    return redirect(url_for("versions.every", article_id=found.id, slug=found.slug), 301)


@bp.get("/articles/<int:article_id>/<slug>/versions")
def every(article_id: int, slug: str):
    """List every version of an article, newest first, each with what changed from the last."""
    found = reader.article_or_404(article_id)
    if slug != found.slug:
        return redirect(url_for("versions.every", article_id=found.id, slug=found.slug), 301)
    kept = history.every(db.session(), found.id)
    changes = [None, *(versions.compare(old.text, new.text) for old, new in pairwise(kept))]
    # Newest first, each beside what changed to make it (nothing, for the first).
    shown = list(zip(kept, changes, strict=True))[::-1]
    return render_template("versions.html", article=found, versions=shown)


@bp.get("/articles/<int:article_id>/<slug>/versions/<int:n>")
def one(article_id: int, slug: str, n: int):
    """Show one earlier version of an article as it read then."""
    found = reader.article_or_404(article_id)
    if slug != found.slug:
        return redirect(url_for("versions.one", article_id=found.id, slug=found.slug, n=n), 301)
    if n == found.revisions + 1:  # the current version, for now: its page is the article's
        return redirect(found.url, 302)
    kept = history.revision(db.session(), found.id, n) if n <= found.revisions else None
    if kept is None:
        abort(404, "this article has no version with that number")
    return render_template("version.html", article=found, version=kept)

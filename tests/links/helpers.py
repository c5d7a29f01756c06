"""Articles that cite each other, written as files in the seed layout."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app import db
from app.models import Article, RelatedLink
from tests.conftest import write


def story(
    folder: Path,
    name: str,
    title: str,
    url: str | None,
    cites: list[tuple[str, str]] = (),
    day: str = "January 02, 2020",
    body: str = "A paragraph about foreign affairs.",
    tail: str = "More text follows here.",
) -> Path:
    """Write an article citing (title, href) pairs after its first paragraph."""
    parts = [f"# {title}", "By [Reuters](#)", day, body]
    parts += [f"**Related article:** [{t}]({href})" for t, href in cites]
    parts.append(tail)
    if url:
        parts += ["Original url:", f"<{url}>"]
    return write(folder, name, "\n\n".join(parts) + "\n")


def links(app) -> list[tuple[str | None, str | None]]:
    """Every link as (target title or None, resolved_by), in ingest order."""
    with app.app_context():
        rows = db.session().execute(
            select(Article.title, RelatedLink.resolved_by)
            .outerjoin(Article, Article.id == RelatedLink.target_id)
            .order_by(RelatedLink.id)
        )
        return [tuple(row) for row in rows]

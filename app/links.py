"""Resolve "Related article" links to the articles the archive holds."""

from __future__ import annotations

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from app.models import Article, RelatedLink


def resolve_links_of(session: Session, article_id: int) -> None:
    """Point each unresolved link of one article at its target, if the archive has it."""
    links = session.scalars(
        select(RelatedLink).where(
            RelatedLink.article_id == article_id, RelatedLink.target_id.is_(None)
        )
    ).all()
    for link in links:
        target, how = find_target(session, link)
        if target is not None and target != article_id:
            link.target_id, link.resolved_by = target, how


def find_target(session: Session, link: RelatedLink) -> tuple[int | None, str | None]:
    """The article a link names: by canonical URL first, then by folded title."""
    if link.canonical_href:
        found = session.scalar(
            select(Article.id).where(Article.canonical_url == link.canonical_href)
        )
        if found is not None:
            return found, "url"
    found = session.scalar(
        select(Article.id)
        .where(Article.title_key == link.title_key, Article.id != link.article_id)
        .order_by(Article.published.desc())
        .limit(1)
    )
    return (found, "title") if found is not None else (None, None)


def resolve_links_to(session: Session, article_id: int, url: str | None, key: str) -> None:
    """Links ingested before their target resolve when it arrives."""
    waiting = and_(RelatedLink.target_id.is_(None), RelatedLink.article_id != article_id)
    if url:
        session.execute(
            update(RelatedLink)
            .where(waiting, RelatedLink.canonical_href == url)
            .values(target_id=article_id, resolved_by="url")
        )
    session.execute(
        update(RelatedLink)
        .where(waiting, RelatedLink.title_key == key)
        .values(target_id=article_id, resolved_by="title")
    )

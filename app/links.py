"""Resolve "Related article" links to the articles the archive holds."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from app.models import Article, RelatedLink

LINK = RelatedLink.__table__
UNRESOLVED_OF = select(LINK.c.id, LINK.c.canonical_href, LINK.c.title_key).where(
    LINK.c.article_id == bindparam("article_id"), LINK.c.target_id.is_(None)
)
BY_URL = select(Article.id).where(
    Article.canonical_url == bindparam("url"), Article.id != bindparam("article_id")
)
BY_TITLE = (
    select(Article.id)
    .where(Article.title_key == bindparam("key"), Article.id != bindparam("article_id"))
    .order_by(Article.published.desc())
    .limit(1)
)
SET_TARGET = (
    update(LINK)
    .where(LINK.c.id == bindparam("link_id"))
    .values(target_id=bindparam("target"), resolved_by=bindparam("how"))
)
_WAITING = (LINK.c.target_id.is_(None), LINK.c.article_id != bindparam("new_id"))
RESOLVE_WAITING_BY_URL = (
    update(LINK)
    .where(*_WAITING, LINK.c.canonical_href == bindparam("url"))
    .values(target_id=bindparam("new_id"), resolved_by="url")
)
RESOLVE_WAITING_BY_TITLE = (
    update(LINK)
    .where(*_WAITING, LINK.c.title_key == bindparam("key"))
    .values(target_id=bindparam("new_id"), resolved_by="title")
)


def resolve_links_of(conn: Connection, article_id: int) -> None:
    """Point each unresolved link of one article at its target, if the archive has it."""
    for link in conn.execute(UNRESOLVED_OF, {"article_id": article_id}).all():
        target, how = find_target(conn, article_id, link.canonical_href, link.title_key)
        if target is not None:
            conn.execute(SET_TARGET, {"link_id": link.id, "target": target, "how": how})


def find_target(
    conn: Connection, article_id: int, url: str | None, key: str
) -> tuple[int | None, str | None]:
    """The article a link names: by canonical URL first, then by folded title; never itself."""
    if url:
        found = conn.execute(BY_URL, {"url": url, "article_id": article_id}).scalar()
        if found is not None:
            return found, "url"
    found = conn.execute(BY_TITLE, {"key": key, "article_id": article_id}).scalar()
    return (found, "title") if found is not None else (None, None)


def resolve_links_to(conn: Connection, article_id: int, url: str | None, key: str) -> None:
    """Links ingested before their target resolve when it arrives."""
    if url:
        conn.execute(RESOLVE_WAITING_BY_URL, {"new_id": article_id, "url": url})
    conn.execute(RESOLVE_WAITING_BY_TITLE, {"new_id": article_id, "key": key})

"""An article's versions, oldest first: its revisions' raw text and its own, each read again.

Version 1 is the oldest; the numbers stay as later versions arrive (revisions are only ever
added, in order of their ids). The current version is the last, numbered one past them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import versions
from app.lists import MAX_ID
from app.models import Article, Revision
from app.versions import Text


@dataclass(frozen=True, slots=True)
class Version:
    n: int
    ingested_at: datetime  # when this version's file was stored
    superseded_at: datetime | None  # when a changed file replaced it; None: the current one
    text: Text


_REVISIONS = select(
    Revision.raw_text, Revision.source_path, Revision.ingested_at, Revision.superseded_at
).order_by(Revision.id)


def revisions(session: Session, article_id: int) -> list[Version]:
    """The article's earlier versions, oldest first."""
    rows = session.execute(_REVISIONS.where(Revision.article_id == article_id))
    return [
        Version(n, ingested_at, superseded_at, versions.read(raw_text, source_path))
        for n, (raw_text, source_path, ingested_at, superseded_at) in enumerate(rows, 1)
    ]


def every(session: Session, article_id: int) -> list[Version]:
    """Every version of the article, oldest first, the current one last ([] if no article)."""
    current = session.execute(
        select(Article.raw_text, Article.source_path, Article.updated_at).where(
            Article.id == article_id
        )
    ).first()
    if current is None:
        return []
    earlier = revisions(session, article_id)
    raw_text, source_path, updated_at = current
    now = Version(len(earlier) + 1, updated_at, None, versions.read(raw_text, source_path))
    return [*earlier, now]


def revision(session: Session, article_id: int, n: int) -> Version | None:
    """The article's nth version if it is an earlier one (1 is the oldest), else None."""
    if not 0 < n <= MAX_ID:  # SQLite's OFFSET is a 64-bit integer
        return None
    row = session.execute(
        _REVISIONS.where(Revision.article_id == article_id).offset(n - 1).limit(1)
    ).first()
    if row is None:
        return None
    raw_text, source_path, ingested_at, superseded_at = row
    return Version(n, ingested_at, superseded_at, versions.read(raw_text, source_path))

"""The questions the topic pages and the topic API ask of the archive."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, String, bindparam, extract, func, select
from sqlalchemy.orm import Session, aliased, joinedload

from app import counts
from app.models import ArticleTopic, Topic
from app.prepared import Prepared
from app.summaries import TopicName

KIND_ORDER = ("country", "region", "person", "organization", "theme")
RELATED_FROM = 2000  # the newest articles of a topic its companions are counted in


@dataclass(frozen=True, slots=True)
class TopicRow:
    """A topic as its page and JSON show it, read as a plain row."""

    id: int
    slug: str
    name: str
    kind: str
    article_count: int
    parent: TopicName | None

    @property
    def url(self) -> str:
        return Topic.url_of(self.slug)


@dataclass(frozen=True, slots=True)
class Counted:
    """A topic and how many articles carry it."""

    topic: Topic | TopicRow
    count: int

    @property
    def parent_slug(self) -> str | None:
        return self.topic.parent.slug if self.topic.parent else None


_parent = aliased(Topic)
_COLUMNS = (Topic.id, Topic.slug, Topic.name, Topic.kind, Topic.article_count)
_TOPIC = Prepared(
    select(*_COLUMNS, _parent.slug, _parent.name)
    .outerjoin(_parent, _parent.id == Topic.parent_id)
    .where(Topic.slug == bindparam("slug", type_=String))
)
_CHILDREN = Prepared(
    select(*_COLUMNS)
    .where(Topic.parent_id == bindparam("parent", type_=Integer))
    .order_by(Topic.name)
)


def topic(session: Session, slug: str) -> TopicRow | None:
    row = _TOPIC.first(session.connection(), {"slug": slug})
    if row is None:
        return None
    *columns, parent_slug, parent_name = row
    parent = TopicName(parent_slug, parent_name) if parent_slug is not None else None
    return TopicRow(*columns, parent=parent)


def counted(session: Session, sort: str = "name", with_empty: bool = True) -> list[Counted]:
    """Every topic with its number of articles, by name or largest first."""
    query = select(Topic).options(joinedload(Topic.parent))
    if not with_empty:
        query = query.where(Topic.article_count > 0)
    rows = [Counted(t, t.article_count) for t in session.scalars(query)]
    if sort == "size":
        return sorted(rows, key=lambda c: (-c.count, c.topic.name.casefold()))
    return sorted(rows, key=lambda c: c.topic.name.casefold())


def by_kind(rows: list[Counted]) -> list[tuple[str, list[Counted]]]:
    """Counted topics grouped by kind, kinds in a fixed order, each group in the rows' order."""
    return [(kind, [c for c in rows if c.topic.kind == kind]) for kind in KIND_ORDER]


def children(session: Session, topic: TopicRow) -> list[Counted]:
    """The topics whose parent this is (a region's countries), by name."""
    found = _CHILDREN.rows(session.connection(), {"parent": topic.id})
    mine = TopicName(topic.slug, topic.name)
    return [Counted(TopicRow(*row, parent=mine), row[-1]) for row in found]


def timeline(session: Session, topic: TopicRow) -> list[tuple[str, int]]:
    """Articles a month ("2019-04", n), every month from the first to the last, gaps as 0.

    Counting a topic's months reads all its index entries (tens of milliseconds for a big
    topic): they are remembered until the archive changes (ingest, retag).
    """
    return counts.remembered(
        session,
        f"timeline-{topic.id}",
        lambda: _timeline(session, topic.id),
    )


def _timeline(session: Session, topic_id: int) -> list[tuple[str, int]]:
    year, month = extract("year", ArticleTopic.published), extract("month", ArticleTopic.published)
    rows = session.execute(
        select(year, month, func.count())
        .where(ArticleTopic.topic_id == topic_id, ArticleTopic.published.is_not(None))
        .group_by(year, month)
    )
    counts = {(int(y), int(m)): n for y, m, n in rows}
    if not counts:
        return []
    (y, m), last = min(counts), max(counts)
    months = []
    while (y, m) <= last:
        months.append((f"{y:04d}-{m:02d}", counts.get((y, m), 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def undated(session: Session, topic_id: int) -> int:
    """Articles of the topic without a date, which no month can show."""
    query = select(func.count()).where(
        ArticleTopic.topic_id == topic_id, ArticleTopic.published.is_(None)
    )
    return session.scalar(query) or 0


def companions(session: Session, topic: TopicRow, limit: int = 12) -> list[counts.TopicCount]:
    """The topics that most often share an article with this one, among its newest
    RELATED_FROM articles (so a huge topic costs no more than a big one); remembered like
    its timeline."""
    return counts.remembered(
        session,
        f"companions-{topic.id}-{limit}",
        lambda: _companions(session, topic.id, limit),
    )


def _companions(session: Session, topic_id: int, limit: int) -> list[counts.TopicCount]:
    newest = (
        select(ArticleTopic.article_id)
        .where(ArticleTopic.topic_id == topic_id)
        .order_by(ArticleTopic.published.desc(), ArticleTopic.article_id.desc())
        .limit(RELATED_FROM)
    )
    other = aliased(ArticleTopic)
    shared = func.count().label("shared")
    rows = session.execute(
        select(Topic.slug, Topic.name, shared)
        .join(other, other.topic_id == Topic.id)
        .where(other.article_id.in_(newest), other.topic_id != topic_id)
        .group_by(Topic.id)
        .order_by(shared.desc(), Topic.name)
        .limit(limit)
    )
    return [counts.TopicCount(*row) for row in rows]

"""Topics in the database: the taxonomy synced into the topic table, each article's tags
written at ingest, and the whole archive retagged after the taxonomy changes."""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from app.ingest import tagging
from app.ingest.raw_insert import RawInsert, adapted
from app.ingest.tagging import Tag, TagValues
from app.models import Article, ArticleTopic, Topic
from app.taxonomy import Taxonomy

BATCH = 1000  # articles read, tagged and written together by retag
PARALLEL_FROM = 5000  # smaller archives are retagged in-process: workers cost more to start

TOPIC = Topic.__table__
INSERT_TOPIC = TOPIC.insert()
UPDATE_TOPIC = (
    update(TOPIC)
    .where(TOPIC.c.id == bindparam("topic_id"))
    .values(name=bindparam("name"), kind=bindparam("kind"), parent_id=bindparam("parent"))
)
INSERT_TAG = ArticleTopic.__table__.insert()
TAG_COLUMNS = ("article_id", "topic_id", "weight", "matches", "published")
TAGS_OF = select(ArticleTopic.topic_id).where(ArticleTopic.article_id == bindparam("article_id"))
DELETE_TAGS = delete(ArticleTopic).where(ArticleTopic.article_id == bindparam("article_id"))
ADD_TO_COUNT = (
    update(TOPIC)
    .where(TOPIC.c.id == bindparam("topic_id"))
    .values(article_count=TOPIC.c.article_count + bindparam("more"))
)
RECOUNT = update(TOPIC).values(
    article_count=select(func.count())
    .where(ArticleTopic.topic_id == TOPIC.c.id)
    .correlate(TOPIC)
    .scalar_subquery()
)
NEXT_ARTICLES = (
    select(Article.id, Article.published, Article.title, Article.body_text)
    .where(Article.id > bindparam("after"))
    .order_by(Article.id)
    .limit(bindparam("limit"))
)


def taxonomy_path() -> str | None:
    """The taxonomy folder: TAXONOMY_PATH in the app's config or the environment, else the
    package's own (None)."""
    if has_app_context() and current_app.config.get("TAXONOMY_PATH"):
        return current_app.config["TAXONOMY_PATH"]
    return os.environ.get("TAXONOMY_PATH") or None


def sync_topics(conn: Connection, taxonomy: Taxonomy) -> dict[str, int]:
    """Make the topic table hold every topic of the taxonomy (matched by slug); return the ids.
    Topics the taxonomy no longer has stay until `retag` frees them of articles."""
    rows = conn.execute(select(Topic.slug, Topic.id, Topic.name, Topic.kind, Topic.parent_id))
    stored = {row.slug: row for row in rows}
    missing = [e for e in taxonomy.entries if e.slug not in stored]
    if missing:
        conn.execute(
            INSERT_TOPIC, [{"slug": e.slug, "name": e.name, "kind": e.kind} for e in missing]
        )
    ids = dict(conn.execute(select(Topic.slug, Topic.id)).all())
    changed = [
        {"topic_id": ids[e.slug], "name": e.name, "kind": e.kind, "parent": ids.get(e.parent or "")}
        for e in taxonomy.entries
        if e.slug not in stored
        or (stored[e.slug].name, stored[e.slug].kind, stored[e.slug].parent_id)
        != (e.name, e.kind, ids.get(e.parent or ""))
    ]
    if changed:
        conn.execute(UPDATE_TOPIC, changed)
    return ids


class TopicWriter:
    """Writes the tags of the articles an ingest adds or updates, a chunk of files at a time
    (one statement for hundreds of articles rather than one each), and keeps topic counts."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.taxonomy = taxonomy_path()
        self.ids: dict[str, int] = {}  # topic ids by slug, once `ready`
        self.pending: dict[int, tuple[Any, list[TagValues]]] = {}  # date as the driver stores it

    def ready(self) -> None:
        """Compile the taxonomy and sync its topics (or raise its error), once, before the
        first file is parsed: a run with nothing to parse (a re-run) never compiles it, which
        cost more than the rest of starting. Compiled in this process, before ingest starts
        its workers: forked ones inherit it."""
        if not self.ids:
            self.ids = sync_topics(self.conn, tagging.tagger(self.taxonomy).taxonomy)

    def forget(self, article_id: int) -> None:
        """Remove the tags of an article about to be rewritten (an updated file)."""
        self.pending.pop(article_id, None)
        old = self.conn.execute(TAGS_OF, {"article_id": article_id}).scalars().all()
        if old:
            self.conn.execute(DELETE_TAGS, {"article_id": article_id})
            _count(self.conn, Counter({topic_id: -1 for topic_id in old}))

    def add(self, article_id: int, published: date | None, tags: list[TagValues]) -> None:
        """Queue the tags of an article whose row is stored; a later version in the same
        chunk replaces them."""
        self.pending[article_id] = (adapted(published), tags)

    def discard(self) -> None:
        """Forget the queued tags (their articles' writing was rolled back)."""
        self.pending.clear()

    def flush(self) -> None:
        """Write the queued tags and add them to their topics' counts."""
        ids = self.ids
        rows = [
            (article_id, ids[slug], weight, matches, published)
            for article_id, (published, tags) in self.pending.items()
            for slug, weight, matches in tags
        ]
        if rows:
            # Through the driver: SQLAlchemy's handling of each row cost more than storing it.
            RawInsert(ArticleTopic.__table__, TAG_COLUMNS, self.conn).tuples(rows)
            _count(self.conn, Counter(row[1] for row in rows))
        self.pending.clear()


def _count(conn: Connection, change: Counter[int]) -> None:
    """Add to topic counts, in id order (so that two writers never wait on each other in a
    circle)."""
    conn.execute(ADD_TO_COUNT, [{"topic_id": t, "more": n} for t, n in sorted(change.items())])


def _row(article_id: int, published: date | None, tag: Tag, ids: dict[str, int]) -> dict:
    return {
        "article_id": article_id,
        "topic_id": ids[tag.slug],
        "weight": tag.weight,
        "matches": tagging.matches_json(tag.matches),
        "published": published,
    }


@dataclass(frozen=True, slots=True)
class RetagReport:
    articles: int
    tags: int
    topics: int  # topics in the taxonomy
    dropped: int  # topics no longer in the taxonomy, removed
    used: int = 0  # topics at least one article got

    def summary(self) -> str:
        line = (
            f"{_amount(self.articles, 'article')} retagged: {_amount(self.tags, 'tag')}, "
            f"using {self.used:,} of the taxonomy's {_amount(self.topics, 'topic')}"
        )
        return line + (
            f"; {_amount(self.dropped, 'topic')} no longer in the taxonomy removed"
            if self.dropped
            else ""
        )


def _amount(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def retag(conn: Connection, progress: Callable[[int], None] = lambda n: None) -> RetagReport:
    """Recompute every article's tags from the taxonomy, in the caller's transaction (so a
    reader sees the old tags or the new ones, never half of each)."""
    path = taxonomy_path()
    tagger = tagging.tagger(path)  # compiled before any worker starts: forked ones inherit it
    ids = sync_topics(conn, tagger.taxonomy)
    total = conn.scalar(select(func.count(Article.id))) or 0
    conn.execute(delete(ArticleTopic))
    written, used = 0, set()
    for count, tags in _tagged(conn, path, parallel=total >= PARALLEL_FROM):
        if tags:
            conn.execute(INSERT_TAG, [_row(*tag, ids) for tag in tags])
        written += len(tags)
        used.update(tag.slug for *_, tag in tags)
        progress(count)
    dropped = _drop(conn, [ids[slug] for slug in set(ids) - set(tagger.taxonomy.by_slug)])
    conn.execute(RECOUNT)
    return RetagReport(total, written, len(tagger.taxonomy.entries), dropped, len(used))


# The number of articles in a batch, and their tags with the article's id and date.
_Tagged = tuple[int, list[tuple[int, date | None, Tag]]]


def _tagged(conn: Connection, path: str | None, parallel: bool) -> Iterator[_Tagged]:
    """The tags of every article, a batch at a time; tagging is pure and CPU-bound, so a big
    archive is tagged in worker processes while the next batches are read."""
    batches = _batches(conn)
    if not parallel:
        for batch in batches:
            yield _tag_batch(path, batch)
        return
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[_Tagged]] = deque()
        for batch in batches:
            pending.append(pool.submit(_tag_batch, path, batch))
            if len(pending) > 2 * workers:  # read ahead a little, not the whole archive
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_Article = tuple[int, date | None, str, str]  # id, date, title, plain body


def _batches(conn: Connection) -> Iterator[list[_Article]]:
    """Every article's id, date, title and plain body, in id order, a batch at a time."""
    after = 0
    while rows := conn.execute(NEXT_ARTICLES, {"after": after, "limit": BATCH}).all():
        yield [(row.id, row.published, row.title, row.body_text) for row in rows]
        after = rows[-1].id


def _tag_batch(path: str | None, batch: list[_Article]) -> _Tagged:
    tagger = tagging.tagger(path)
    tags = [(i, day, tag) for i, day, title, body in batch for tag in tagger.tag(title, body)]
    return len(batch), tags


def _drop(conn: Connection, topic_ids: list[int]) -> int:
    """Remove topics the taxonomy no longer has (no article carries them after a retag)."""
    if topic_ids:
        stale = TOPIC.c.id.in_(topic_ids)
        conn.execute(update(TOPIC).where(TOPIC.c.parent_id.in_(topic_ids)).values(parent_id=None))
        conn.execute(delete(TOPIC).where(stale))
    return len(topic_ids)

"""Counts over the archive, and other answers remembered until the archive changes.

A count per month or per source reads every entry of an index (a few milliseconds at 100,000
articles, tens at a million), too slow to redo on every page view. Only commands change the
archive (ingest, retag, links --resolve), and each of them commits: an answer is kept until
SQLite says that another connection has committed to the file since it was worked out.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Hashable
from itertools import count
from threading import Lock
from typing import NamedTuple, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event, extract, func, select
from sqlalchemy.orm import Session

from app.models import Article, ArticleAuthor, ArticleTopic, Source, Topic

T = TypeVar("T")

ACTIVE_WINDOW = 500
MAX_REMEMBERED = 2000

_serials = count()


class _Watch:
    """Tells whether a database file has changed: SQLite's `data_version` on a connection of
    our own.

    The number moves whenever another connection has committed to the file; this connection
    never writes, so every commit moves it. Asking takes microseconds, where checking out a
    pooled connection, beginning a transaction and reading the highest ids took a third of a
    remembered page's time.
    """

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._lock = Lock()
        self.serial = next(_serials)  # numbers from another connection are not comparable

    def data_version(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]


_watches: WeakKeyDictionary[Engine, _Watch] = WeakKeyDictionary()


def archive_version(session: Session) -> tuple[int, int]:
    """Something that changes whenever anything commits to the session's database.

    Read once a session, before its transaction reads anything, so that what the session
    reads is never older than the version its answers are remembered under.
    """
    version = session.info.get("archive_version")
    if version is None:
        engine = session.get_bind().engine  # the bind may be a connection
        watch = _watches.get(engine)
        if watch is None:
            if engine.dialect.name != "sqlite":  # PostgreSQL would need a LISTEN/NOTIFY of its own
                raise NotImplementedError("remembered answers need SQLite's data_version")
            watch = _watches[engine] = _Watch(engine.url.database)
        version = session.info["archive_version"] = (watch.serial, watch.data_version())
    return version


@event.listens_for(Session, "after_begin")
def _version_at_begin(session: Session, _transaction, connection: Connection) -> None:
    # SQLite takes a transaction's snapshot at its first read, just after this.
    if connection.dialect.name == "sqlite":
        archive_version(session)


class Memory:
    """Answers kept until the archive changes; at most `size`, the least recently used dropped.

    Keys come from requests (names, queries, article ids), so the bound keeps memory fixed.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
        self._lock = Lock()

    def get(self, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
        """compute(), or its answer from before if the archive has not changed since."""
        full_key = (str(session.get_bind().url), key)
        version = archive_version(session)
        with self._lock:
            hit = self._kept.get(full_key)
            if hit is not None and hit[0] == version:
                self._kept.move_to_end(full_key)
                return hit[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._kept[full_key] = (version, value)
            self._kept.move_to_end(full_key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value


_counts = Memory(MAX_REMEMBERED)


def remembered(session: Session, name: str, compute: Callable[[], T]) -> T:
    """A count or list over the archive, computed once until the archive changes."""
    return _counts.get(session, name, compute)


def highest_id(session: Session) -> int:
    """The highest article id: about how many articles there are (ingest never deletes)."""
    return remembered(
        session, "highest-id", lambda: session.scalar(select(func.max(Article.id))) or 0
    )


def calendar(session: Session) -> dict[int, list[tuple[int, int]]]:
    """Per year that has articles, newest first: its months with articles and their counts."""
    return remembered(session, "calendar", lambda: _calendar(session))


def _calendar(session: Session) -> dict[int, list[tuple[int, int]]]:
    year = extract("year", Article.published)
    month = extract("month", Article.published)
    rows = session.execute(
        select(year, month, func.count())
        .where(Article.published.is_not(None))
        .group_by(year, month)
        .order_by(year.desc(), month.desc())
    )
    found: dict[int, list[tuple[int, int]]] = {}
    for y, m, n in rows:
        found.setdefault(int(y), []).append((int(m), n))
    return found


def years(session: Session) -> list[tuple[int, int]]:
    """Each year that has articles, newest first, with its number of articles."""
    return [(y, sum(n for _, n in months)) for y, months in calendar(session).items()]


def months(session: Session, year: int) -> list[tuple[int, int]]:
    """Each month of a year that has articles, newest first, with its number of articles."""
    return calendar(session).get(year, [])


def undated(session: Session) -> int:
    """How many articles have no date (a range on the date index)."""
    return session.scalar(select(func.count()).where(Article.published.is_(None))) or 0


class TopicCount(NamedTuple):
    slug: str
    name: str
    count: int

    @property
    def url(self) -> str:
        return Topic.url_of(self.slug)


def active_topics(session: Session, limit: int = 12) -> list[TopicCount]:
    """The topics most written about in the newest dated articles, with their counts."""
    return remembered(session, f"active-{limit}", lambda: _active_topics(session, limit))


def _active_topics(session: Session, limit: int) -> list[TopicCount]:
    # Bounded by the window, not the archive: the newest ids come off the date index and each
    # article's topics off the article_topic primary key.
    recent = (
        select(Article.id)
        .where(Article.published.is_not(None))
        .order_by(Article.published.desc(), Article.id.desc())
        .limit(ACTIVE_WINDOW)
    )
    n = func.count().label("n")
    rows = session.execute(
        select(Topic.slug, Topic.name, n)
        .join(ArticleTopic, ArticleTopic.topic_id == Topic.id)
        .where(ArticleTopic.article_id.in_(recent))
        .group_by(Topic.id)
        .order_by(n.desc(), Topic.name)
        .limit(limit)
    )
    return [TopicCount(*row) for row in rows]


class SourceCount(NamedTuple):
    id: int
    bylines: int  # articles whose byline names it
    published: int  # articles published on its site
    photos: int = 0  # articles whose photo it is credited for (an agency, mostly)

    @property
    def credits(self) -> int:
        """Every credit: bylines, articles published and photos, as /sources ranks them."""
        return self.bylines + self.published + self.photos


def source_counts(session: Session) -> dict[int, SourceCount]:
    """Per source id, how many articles credit it."""
    return remembered(session, "sources", lambda: _source_counts(session))


def _source_counts(session: Session) -> dict[int, SourceCount]:
    bylines = _counted(session, ArticleAuthor.source_id)
    published = _counted(session, Article.publisher_id)
    # Read off ix_article_photo_source_id_published_id alone: 7 ms at 100,000 articles,
    # once per archive version.
    photos = _counted(session, Article.photo_source_id)
    return {
        i: SourceCount(i, bylines.get(i, 0), published.get(i, 0), photos.get(i, 0))
        for i in set(bylines) | set(published) | set(photos)
    }


def _counted(session: Session, column) -> dict[int, int]:
    """How many rows name each source in a column (rows naming none left out)."""
    rows = session.execute(select(column, func.count()).where(column.is_not(None)).group_by(column))
    return dict(rows.all())


def ranking(session: Session) -> dict[str, list[SourceCount]]:
    """Per kind of source, every credited source's counts, most credited first."""
    return remembered(session, "ranking", lambda: _ranking(session))


def _ranking(session: Session) -> dict[str, list[SourceCount]]:
    counts = source_counts(session)
    ranked: dict[str, list[SourceCount]] = {}
    for source_id, kind in session.execute(select(Source.id, Source.kind)):
        if source_id in counts:
            ranked.setdefault(kind, []).append(counts[source_id])
    for rows in ranked.values():
        rows.sort(key=lambda c: (-c.credits, c.id))
    return ranked

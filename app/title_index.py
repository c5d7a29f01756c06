"""Where to look for a cited article: by URL, by folded title, by a title one word apart.

Two indexes answer the same three questions: `SqlTitles` asks the database (the
`title_skeleton` table kept at ingest), `MemoryTitles` holds a batch of articles in
dictionaries, for passes that look up thousands of links at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple, Protocol

from sqlalchemy import bindparam, delete, select, text
from sqlalchemy.engine import Connection

from app.ingest.raw_insert import RawInsert
from app.models import Article, TitleSkeleton
from app.title_match import STOPWORDS, index_words, skeletons

# A typo changes one word, so of any two words of a cited title one is intact: looking up the
# two rarest words finds every title one typo away while reading the shortest postings. (Any
# two words would find them: how rare a word is decides only how much is read.)
RAREST = 2
# Plain SQL on the driver's cursor: a look-up is a few index seeks, and SQLAlchemy's handling
# of each statement cost three times what SQLite spent on it. The titles that share a skeleton
# with the cited one, of a length one letter apart at most (a typo's); see `SqlTitles.near`.
NEAR = (
    "SELECT id, title, title_key, published FROM article WHERE id IN "
    "(SELECT article_id FROM title_skeleton WHERE skeleton IN ({})) "
    "AND length(title_key) BETWEEN ? AND ?"
)

SKELETON = TitleSkeleton.__table__
SKELETON_COLUMNS = ("article_id", "skeleton")
DELETE_SKELETONS = delete(SKELETON).where(SKELETON.c.article_id == bindparam("article_id"))
REBUILD_BATCH = 10_000  # articles read and indexed together by `rebuild`
KEYS_AFTER = (
    select(Article.id, Article.title_key)
    .where(Article.id > bindparam("after"))
    .order_by(Article.id)
    .limit(bindparam("limit"))
)
CANDIDATES = select(Article.id, Article.title, Article.title_key, Article.published)
BY_URL = CANDIDATES.where(Article.canonical_url == bindparam("url"))
BY_KEY = CANDIDATES.where(Article.title_key == bindparam("key"))


class Candidate(NamedTuple):
    """An article a link may point to."""

    id: int
    title: str
    key: str
    published: date | None


class Titles(Protocol):
    def by_url(self, url: str) -> list[Candidate]: ...
    def by_key(self, key: str) -> list[Candidate]: ...
    def near(self, key: str) -> list[Candidate]: ...


def skeleton_rows(key: str, article_id: int) -> list[tuple[int, int]]:
    """The title_skeleton rows of one article."""
    return [(article_id, skeleton) for skeleton in skeletons(key)]


def index_title(conn: Connection, article_id: int, key: str, replace: bool = False) -> None:
    """Enter an article's title in the index (again, when its title may have changed)."""
    if replace:
        conn.execute(DELETE_SKELETONS, {"article_id": article_id})
    RawInsert(SKELETON, SKELETON_COLUMNS, conn).tuples(skeleton_rows(key, article_id))


def index_titles(conn: Connection, titles: MemoryTitles) -> None:
    """Enter a batch of new articles' titles in the index, in one write."""
    RawInsert(SKELETON, SKELETON_COLUMNS, conn).tuples(titles.rows())


def named(conn: Connection, urls: set[str], keys: set[str]) -> MemoryTitles:
    """The articles with one of these URLs or title keys (what a batch of links names)."""
    columns = (Article.id, Article.title, Article.title_key, Article.canonical_url)
    query = select(*columns, Article.published)
    rows = {}
    for column, values in ((Article.canonical_url, urls), (Article.title_key, keys)):
        if values:
            rows.update((row.id, row) for row in conn.execute(query.where(column.in_(values))))
    return MemoryTitles(rows[i] for i in sorted(rows))


def fill_title_words(conn: Connection) -> None:
    """Fill the `title_word` table that migrations 0004 to 0006 had (each article's distinct
    title words), for 0004 on an existing archive and 0006's downgrade."""
    rows = conn.execute(text("SELECT id, title_key FROM article")).all()
    words = sorted((w, len(key), i) for i, key in rows for w in index_words(key))
    if words:
        conn.execute(
            text("INSERT INTO title_word (word, length, article_id) VALUES (:w, :n, :i)"),
            [{"w": w, "n": n, "i": i} for w, n, i in words],
        )


def rebuild(conn: Connection) -> None:
    """Index every article's title afresh, a batch of articles at a time (memory stays
    bounded whatever the archive's size)."""
    conn.execute(delete(SKELETON))
    insert = RawInsert(SKELETON, SKELETON_COLUMNS, conn)
    after = 0
    while rows := conn.execute(KEYS_AFTER, {"after": after, "limit": REBUILD_BATCH}).all():
        insert.tuples(row for article_id, key in rows for row in skeleton_rows(key, article_id))
        after = rows[-1].id


class SqlTitles:
    """The archive's titles as the database holds them, up to an article id if given."""

    def __init__(self, conn: Connection, upto: int | None = None) -> None:
        self.conn, self.upto = conn, upto

    @cached_property
    def cursor(self) -> Any:
        return self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _kept(self, rows: Iterable[Any]) -> list[Candidate]:
        return [Candidate(*row) for row in rows if self.upto is None or row.id <= self.upto]

    def by_url(self, url: str) -> list[Candidate]:
        return self._kept(self.conn.execute(BY_URL, {"url": url}))

    def by_key(self, key: str) -> list[Candidate]:
        return self._kept(self.conn.execute(BY_KEY, {"key": key}))

    def near(self, key: str) -> list[Candidate]:
        """The titles one word apart from `key` at most, of a length one letter apart at most.

        These hold every title `links.typo_match` can accept that the look-up by title words
        found before (which also required a title of one indexed word to keep that word), and
        that look-up read every title holding the cited title's rarest words: minutes at a
        million articles. A skeleton look-up reads only the titles it finds.
        """
        words, size = index_words(key), len(key)
        if not words:
            return []
        found = skeletons(key)
        sql = NEAR.format(", ".join("?" * len(found)))
        rows = self.cursor.execute(sql, [*found, size - 1, size + 1]).fetchall()
        only = words[0] if len(words) == 1 else None
        return [
            Candidate(i, title, k, date.fromisoformat(day) if day else None)
            for i, title, k, day in rows
            if (self.upto is None or i <= self.upto) and (only is None or only in k.split())
        ]


class MemoryTitles:
    """A batch of articles held in dictionaries."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str | None, date | None]]) -> None:
        self.urls: dict[str, Candidate] = {}
        self.keys: dict[str, list[Candidate]] = defaultdict(list)
        self.words: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
        urls, keys, words = self.urls, self.keys, self.words  # a hundred thousand rows: locals
        for article_id, title, key, url, published in rows:
            candidate = Candidate(article_id, title, key, published)
            if url:
                urls[url] = candidate
            keys[key].append(candidate)
            size = len(key)
            for word in set(key.split()).difference(STOPWORDS):
                words[word, size].append(candidate)

    @classmethod
    def load(
        cls,
        conn: Connection,
        after: int = 0,
        upto: int | None = None,
        ids: Collection[int] | None = None,
    ) -> MemoryTitles:
        """The articles whose id is above `after` and up to `upto` (all of them by default),
        and among `ids` if given."""
        columns = (Article.id, Article.title, Article.title_key, Article.canonical_url)
        query = select(*columns, Article.published).where(Article.id > after)
        if upto is not None:
            query = query.where(Article.id <= upto)
        if ids is not None:
            query = query.where(Article.id.in_(sorted(ids)))
        return cls(conn.execute(query.order_by(Article.id)).all())

    def extend(self, other: MemoryTitles) -> None:
        """Hold another batch's articles too."""
        self.urls.update(other.urls)
        for key, found in other.keys.items():
            self.keys[key].extend(found)
        for word, found in other.words.items():
            self.words[word].extend(found)

    def rows(self) -> list[tuple[int, int]]:
        """The title_skeleton rows of these articles, in article order."""
        held = sorted(c for found in self.keys.values() for c in found)
        return [row for c in held for row in skeleton_rows(c.key, c.id)]

    def __len__(self) -> int:
        return sum(len(found) for found in self.keys.values())

    def by_url(self, url: str) -> list[Candidate]:
        found = self.urls.get(url)
        return [found] if found else []

    def by_key(self, key: str) -> list[Candidate]:
        return self.keys.get(key, [])

    def near(self, key: str) -> list[Candidate]:
        band = [
            (word, n) for word in index_words(key) for n in (len(key) - 1, len(key), len(key) + 1)
        ]
        sizes: dict[str, int] = defaultdict(int)
        for word, n in band:
            sizes[word] += len(self.words.get((word, n), ()))
        rare = sorted(sizes, key=sizes.__getitem__)[:RAREST]
        found = {c.id: c for word, n in band if word in rare for c in self.words.get((word, n), ())}
        return list(found.values())

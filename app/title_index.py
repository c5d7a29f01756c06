"""Where to look for a cited article: by URL, by folded title, by title words.

Two indexes answer the same three questions: `SqlTitles` asks the database (the `title_word`
table kept at ingest), `MemoryTitles` holds a batch of articles in dictionaries, for passes that
look up thousands of links at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple, Protocol

from sqlalchemy import bindparam, delete, select
from sqlalchemy.engine import Connection

from app.ingest.raw_insert import RawInsert
from app.models import Article, TitleWord
from app.title_match import STOPWORDS, index_words

# A typo changes one word, so of any two words of a cited title one is intact: looking up the
# two rarest words finds every title one typo away while reading the shortest postings. (Any
# two words would find them: how rare a word is decides only how much is read.)
RAREST = 2
# The database reads each candidate's row, so it narrows further: of any three words of a cited
# title, a title one typo away holds at least two (it differs in one word only).
RAREST_SQL = 3
COUNTS_KEPT = 100_000  # (word, length) counts an SqlTitles remembers, a few MB at most
# Plain SQL on the driver's cursor: a look-up is a few index ranges, and SQLAlchemy's handling
# of each statement cost three times what SQLite spent on it.
WORD_COUNT = "SELECT count(*) FROM title_word WHERE word = ? AND length = ?"
NEAR = (
    "SELECT id, title, title_key, published FROM article WHERE id IN "
    "(SELECT article_id FROM title_word WHERE word IN ({}) AND length BETWEEN ? AND ? "
    "GROUP BY article_id HAVING count(*) >= ?)"
)

INSERT_WORD = TitleWord.__table__.insert()
DELETE_WORDS = delete(TitleWord).where(TitleWord.article_id == bindparam("article_id"))
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


def title_rows(key: str, article_id: int) -> list[dict[str, Any]]:
    """The title_word rows of one article."""
    return [{"word": w, "length": len(key), "article_id": article_id} for w in index_words(key)]


def index_title(conn: Connection, article_id: int, key: str, replace: bool = False) -> None:
    """Enter an article's title words in the index (again, when its title may have changed)."""
    if replace:
        conn.execute(DELETE_WORDS, {"article_id": article_id})
    rows = title_rows(key, article_id)
    if rows:
        conn.execute(INSERT_WORD, rows)


def index_titles(conn: Connection, titles: MemoryTitles) -> None:
    """Enter a batch of new articles' title words in the index, in one sorted write."""
    RawInsert(TitleWord.__table__, ("word", "length", "article_id"), conn).many(titles.rows())


def named(conn: Connection, urls: set[str], keys: set[str]) -> MemoryTitles:
    """The articles with one of these URLs or title keys (what a batch of links names)."""
    columns = (Article.id, Article.title, Article.title_key, Article.canonical_url)
    query = select(*columns, Article.published)
    rows = {}
    for column, values in ((Article.canonical_url, urls), (Article.title_key, keys)):
        if values:
            rows.update((row.id, row) for row in conn.execute(query.where(column.in_(values))))
    return MemoryTitles(rows[i] for i in sorted(rows))


def rebuild(conn: Connection) -> None:
    """Index every article's title words afresh."""
    conn.execute(delete(TitleWord))
    index_titles(conn, MemoryTitles.load(conn))


class SqlTitles:
    """The archive's titles as the database holds them, up to an article id if given.

    How many titles hold each word is remembered: an instance must not outlive a change
    to the title index.
    """

    def __init__(self, conn: Connection, upto: int | None = None) -> None:
        self.conn, self.upto = conn, upto
        self.counts: dict[tuple[str, int], int] = {}

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
        words, size = index_words(key), len(key)
        if not words:
            return []
        band = (size - 1, size, size + 1)
        rare = sorted(words, key=lambda w: sum(self._count(w, n) for n in band))[:RAREST_SQL]
        shared = len(rare) - 1 if len(rare) == RAREST_SQL else 1
        sql = NEAR.format(", ".join("?" * len(rare)))
        rows = self.cursor.execute(sql, [*rare, size - 1, size + 1, shared]).fetchall()
        return [
            Candidate(i, title, k, date.fromisoformat(day) if day else None)
            for i, title, k, day in rows
            if self.upto is None or i <= self.upto
        ]

    def _count(self, word: str, length: int) -> int:
        """How many titles of this length hold the word."""
        found = self.counts.get((word, length))
        if found is None:
            if len(self.counts) >= COUNTS_KEPT:
                self.counts.clear()
            found = self.cursor.execute(WORD_COUNT, (word, length)).fetchone()[0]
            self.counts[word, length] = found
        return found


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
    def load(cls, conn: Connection, after: int = 0, upto: int | None = None) -> MemoryTitles:
        """The articles whose id is above `after` and up to `upto` (all of them by default)."""
        columns = (Article.id, Article.title, Article.title_key, Article.canonical_url)
        query = select(*columns, Article.published).where(Article.id > after)
        if upto is not None:
            query = query.where(Article.id <= upto)
        return cls(conn.execute(query).all())

    def extend(self, other: MemoryTitles) -> None:
        """Hold another batch's articles too."""
        self.urls.update(other.urls)
        for key, found in other.keys.items():
            self.keys[key].extend(found)
        for word, found in other.words.items():
            self.words[word].extend(found)

    def rows(self) -> list[dict[str, Any]]:
        """The title_word rows of these articles, in the index's order."""
        return [
            {"word": word, "length": length, "article_id": c.id}
            for (word, length), found in sorted(self.words.items())
            for c in sorted(found)
        ]

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

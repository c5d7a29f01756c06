"""Where to look for a cited article: by URL, by folded title, by title words.

Two indexes answer the same three questions: `SqlTitles` asks the database (the `title_word`
table kept at ingest), `MemoryTitles` holds a batch of articles in dictionaries, for passes that
look up thousands of links at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple, Protocol

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.orm import Session

from app.models import Article, TitleWord
from app.title_match import index_words

# A typo changes one word, so of any two words of a cited title one is intact: looking up the
# two rarest words finds every title one typo away while reading the shortest postings.
RAREST = 2


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


def title_rows(key: str, article_id: int) -> list[dict]:
    """The title_word rows of one article."""
    return [{"word": w, "length": len(key), "article_id": article_id} for w in index_words(key)]


def index_title(session: Session, article_id: int, key: str, replace: bool = False) -> None:
    """Enter an article's title words in the index (again, when its title may have changed)."""
    if replace:
        session.execute(delete(TitleWord).where(TitleWord.article_id == article_id))
    rows = title_rows(key, article_id)
    if rows:
        session.execute(insert(TitleWord.__table__), rows)


def rebuild(session: Session) -> None:
    """Index every article's title words afresh."""
    session.execute(delete(TitleWord))
    rows = session.execute(select(Article.id, Article.title_key)).all()
    batch = [row for article_id, key in rows for row in title_rows(key, article_id)]
    for start in range(0, len(batch), 50_000):
        session.execute(insert(TitleWord.__table__), batch[start : start + 50_000])


def _columns() -> Select:
    return select(Article.id, Article.title, Article.title_key, Article.published)


class SqlTitles:
    """The archive's titles as the database holds them, up to an article id if given."""

    def __init__(self, session: Session, upto: int | None = None) -> None:
        self.session, self.upto = session, upto

    def _fetch(self, query: Select) -> list[Candidate]:
        if self.upto is not None:
            query = query.where(Article.id <= self.upto)
        return [Candidate(*row) for row in self.session.execute(query)]

    def by_url(self, url: str) -> list[Candidate]:
        return self._fetch(_columns().where(Article.canonical_url == url))

    def by_key(self, key: str) -> list[Candidate]:
        return self._fetch(_columns().where(Article.title_key == key))

    def near(self, key: str) -> list[Candidate]:
        words, size = index_words(key), len(key)
        if not words:
            return []
        band = TitleWord.length.between(size - 1, size + 1)
        counts = dict(
            self.session.execute(
                select(TitleWord.word, func.count())
                .where(TitleWord.word.in_(words), band)
                .group_by(TitleWord.word)
            ).all()
        )
        rare = sorted(words, key=lambda w: counts.get(w, 0))[:RAREST]
        ids = select(TitleWord.article_id).where(TitleWord.word.in_(rare), band)
        return self._fetch(_columns().where(Article.id.in_(ids)))


class MemoryTitles:
    """A batch of articles held in dictionaries."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str | None, date | None]]) -> None:
        self.urls: dict[str, Candidate] = {}
        self.keys: dict[str, list[Candidate]] = defaultdict(list)
        self.words: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
        for article_id, title, key, url, published in rows:
            candidate = Candidate(article_id, title, key, published)
            if url:
                self.urls[url] = candidate
            self.keys[key].append(candidate)
            for word in index_words(key):
                self.words[word, len(key)].append(candidate)

    @classmethod
    def load(cls, session: Session, after: int = 0) -> MemoryTitles:
        """The articles whose id is above `after` (all of them by default)."""
        return cls(
            session.execute(
                select(
                    Article.id,
                    Article.title,
                    Article.title_key,
                    Article.canonical_url,
                    Article.published,
                ).where(Article.id > after)
            )
        )

    def __len__(self) -> int:
        return sum(len(found) for found in self.keys.values())

    def by_url(self, url: str) -> list[Candidate]:
        found = self.urls.get(url)
        return [found] if found else []

    def by_key(self, key: str) -> list[Candidate]:
        return self.keys.get(key, [])

    def _posting(self, word: str, size: int) -> list[Candidate]:
        return [c for n in (size - 1, size, size + 1) for c in self.words.get((word, n), ())]

    def near(self, key: str) -> list[Candidate]:
        size = len(key)
        postings = sorted((self._posting(w, size) for w in index_words(key)), key=len)
        return list({c.id: c for posting in postings[:RAREST] for c in posting}.values())

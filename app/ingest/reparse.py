"""`reparse`: every stored article read again from its raw text with today's parser, and
rewritten where what ingest would store for that text today differs.

The raw text stays as it is, so no revision is written (a revision keeps an earlier raw text).
Articles are rewritten by the loader's own update path (`Loader.replace`), a chunk at a time,
each chunk committed on its own: a run stopped halfway keeps what it did.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection, Row

from app.ingest import bulk
from app.ingest.files import File, Report
from app.ingest.load import (
    ARTICLE,
    LINK_COLUMNS,
    LINK_VALUES,
    Loader,
    Stored,
    own_memory,
    prepare_all,
    workers,
)
from app.ingest.parsed import Rejection
from app.ingest.record import Prepared
from app.ingest.sources import Credit
from app.models import Article, ArticleAuthor, ArticleTerm, ArticleTopic, RelatedLink

CHUNK = 500  # articles read, compared and written together, as the loader's chunks of files
NEXT_ARTICLES = (
    select(ARTICLE)
    .where(ARTICLE.c.id > bindparam("after"))
    .order_by(ARTICLE.c.id)
    .limit(bindparam("limit"))
)
_IDS = bindparam("ids", expanding=True)
AUTHORS_OF = (
    select(ArticleAuthor.article_id, ArticleAuthor.source_id)
    .where(ArticleAuthor.article_id.in_(_IDS))
    .order_by(ArticleAuthor.article_id, ArticleAuthor.position)
)
LINKS_OF = (
    select(*(RelatedLink.__table__.c[name] for name in LINK_COLUMNS))
    .where(RelatedLink.article_id.in_(_IDS))
    .order_by(RelatedLink.article_id, RelatedLink.position)
)
TERMS_OF = select(ArticleTerm.article_id, ArticleTerm.term, ArticleTerm.weight).where(
    ArticleTerm.article_id.in_(_IDS)
)
TAGS_OF = select(
    ArticleTopic.article_id, ArticleTopic.topic_id, ArticleTopic.weight, ArticleTopic.matches
).where(ArticleTopic.article_id.in_(_IDS))


@dataclass
class ReparseReport:
    """What one run did with the archive's articles."""

    articles: int = 0  # read again so far
    reparsed: int = 0
    unchanged: int = 0
    kept: list[dict[str, Any]] = field(default_factory=list)  # read differently, left as they are

    def summary(self) -> str:
        line = (
            f"{self.articles:,} articles: {self.reparsed:,} reparsed, {self.unchanged:,} unchanged"
        )
        if not self.kept:
            return line
        kinds = Counter(kept["kind"] for kept in self.kept)
        return (
            f"{line}, {len(self.kept):,} kept ({', '.join(f'{n:,} {k}' for k, n in kinds.items())})"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "reparsed": self.reparsed,
            "unchanged": self.unchanged,
            "kept": self.kept,
        }


def total(conn: Connection) -> int:
    """How many articles a run reads again."""
    return conn.scalar(select(func.count(Article.id))) or 0


def reparse(
    conn: Connection,
    report: ReparseReport,
    progress: Callable[[int], None] = lambda n: None,
) -> ReparseReport:
    """Read every article again, a chunk at a time, each chunk committed on its own; `report`
    says how far the run got if it is stopped. `conn` must not be in a transaction."""
    with own_memory(conn):
        with conn.begin():
            if bulk.unfinished(conn):  # the readers' indexes and links a bulk load left waiting
                bulk.finish(conn)
            loader = Loader(conn, Report(), 0)
            loader.topics.ready()  # the taxonomy compiled before the workers start
        with workers() as pool:
            writing: tuple[list[Row], Iterable[Prepared | Rejection]] | None = None
            for articles in _chunks(conn):
                parsing = articles, _parse(articles, pool, loader.topics.taxonomy)
                if writing is not None:
                    _write(loader, *writing, report)
                    progress(len(writing[0]))
                writing = parsing
            if writing is not None:
                _write(loader, *writing, report)
                progress(len(writing[0]))
    return report


def _chunks(conn: Connection) -> Iterator[list[Row]]:
    """The articles in id order, a chunk at a time, each read in a transaction of its own."""
    after = 0
    while True:
        with conn.begin():
            articles = conn.execute(NEXT_ARTICLES, {"after": after, "limit": CHUNK}).all()
        if not articles:
            return
        yield articles
        after = articles[-1].id


def _parse(
    articles: list[Row], pool: Callable[[], Any], taxonomy: str | None
) -> Iterable[Prepared | Rejection]:
    """Start parsing the articles' raw texts as ingest parses a file of that name."""
    files = [File(a.source_path, a.raw_text.encode("utf-8"), None, "") for a in articles]
    return prepare_all(files, pool, taxonomy)


def _write(
    loader: Loader,
    articles: list[Row],
    results: Iterable[Prepared | Rejection],
    report: ReparseReport,
) -> None:
    """Rewrite the chunk's articles that today's parser reads differently, and commit; count
    the chunk in `report` once it is committed."""
    conn = loader.conn
    unchanged, kept = 0, list[dict[str, Any]]()
    with conn.begin():
        loader.begin_chunk()
        ids = [a.id for a in articles]
        stored = _Children(conn, ids)
        changed: list[tuple[Row, Prepared]] = []
        for article, result in zip(articles, results, strict=True):
            if isinstance(result, Rejection):
                kept.append(_kept(article, "no longer read", result.reason))
                continue
            # What the bytes were decoded from, and the text they gave, are the file's.
            result.values.update(encoding=article.encoding, raw_text=article.raw_text)
            if _same(loader, article, result, stored):
                unchanged += 1
            else:
                changed.append((article, result))
        taken = _identities(loader, [p.values["identity"] for _, p in changed])
        replaced: list[tuple[int, Prepared]] = []
        for article, prepared in changed:
            owner = taken.get(prepared.values["identity"], article.id)
            if owner != article.id:
                reason = f"today's parser gives it the identity of article {owner}"
                kept.append(_kept(article, "same as another article", reason))
                continue
            if taken.get(article.identity) == article.id:  # free for the chunk's others
                del taken[article.identity]
            taken[prepared.values["identity"]] = article.id
            loader.replace(_stored(article), prepared, loader.columns(prepared))
            replaced.append((article.id, prepared))
        loader.end_chunk(replaced)
    report.articles += len(articles)
    report.reparsed += len(replaced)
    report.unchanged += unchanged
    report.kept += kept


def _identities(loader: Loader, identities: list[str]) -> dict[str, int]:
    """The articles that hold these identities now, by identity."""
    return {identity: s.id for identity, s in loader.look_up(identities).items()}


def _stored(article: Row) -> Stored:
    return Stored(
        article.id, article.content_hash, article.source_path, article.title_key,
        article.canonical_url,
    )  # fmt: skip


def _kept(article: Row, kind: str, reason: str) -> dict[str, Any]:
    return {"id": article.id, "path": article.source_path, "kind": kind, "reason": reason}


class _Children:
    """The chunk's stored authors, related links, terms and tags, by article."""

    def __init__(self, conn: Connection, ids: list[int]) -> None:
        self.authors: dict[int, list] = defaultdict(list)
        for article_id, source_id in conn.execute(AUTHORS_OF, {"ids": ids}):
            self.authors[article_id].append(source_id)
        self.links: dict[int, list] = defaultdict(list)
        for article_id, *values in conn.execute(LINKS_OF, {"ids": ids}):
            self.links[article_id].append(tuple(values))
        self.terms: dict[int, dict[str, float]] = defaultdict(dict)
        for article_id, term, weight in conn.execute(TERMS_OF, {"ids": ids}):
            self.terms[article_id][term] = weight
        self.tags: dict[int, set] = defaultdict(set)
        for article_id, *tag in conn.execute(TAGS_OF, {"ids": ids}):
            self.tags[article_id].add(tuple(tag))


def _same(loader: Loader, article: Row, prepared: Prepared, stored: _Children) -> bool:
    """Whether the article holds what ingest would store for its text today."""

    def source(credit: Credit | None) -> int | str | None:
        # A source the archive lacks is named by its slug, which no stored id equals.
        return None if credit is None else loader.source_ids.get(credit.slug, credit.slug)

    columns = {
        **prepared.values,
        "source_id": source(prepared.source),
        "publisher_id": source(prepared.publisher),
        "photo_source_id": source(prepared.photo_agency),
    }
    topic_ids = loader.topics.ids
    return (
        all(article._mapping[name] == value for name, value in columns.items())
        and stored.authors[article.id] == [source(c) for c in prepared.authors]
        and stored.links[article.id] == [LINK_VALUES(r) for r in prepared.related]
        and stored.terms[article.id] == prepared.terms
        and stored.tags[article.id]
        == {(topic_ids[slug], weight, matches) for slug, weight, matches in prepared.topics}
    )

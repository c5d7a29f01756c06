"""Write parsed articles into the database: add, update with a revision, or leave alone."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, partial
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from app import links, prepared, similar, title_index, topics_store
from app.ingest import bulk
from app.ingest.files import File, Report, known_hashes, read_files, sort_out
from app.ingest.parsed import Rejection
from app.ingest.raw_insert import RawInsert, adapted
from app.ingest.record import Prepared, prepare
from app.ingest.sources import Credit
from app.models import (
    Article,
    ArticleAuthor,
    ArticleTerm,
    RelatedLink,
    Revision,
    Source,
    TitleSkeleton,
)
from app.title_index import MemoryTitles, SqlTitles, Titles

CHUNK = 500  # files read and looked up together, to make re-runs cheap
PARALLEL_FROM = 64  # fewer files than this are parsed in-process: starting workers costs more
# A run of this many files or more, and at least as many as the archive holds, loads in bulk
# (see `ingest`): the work it saves per file outweighs doing the deferred work archive-wide.
BULK_FROM = 2000
BOUNDED = {"mmap_size": 0, "temp_store": 1}  # while ingesting (1: temporary files on disk)

ARTICLE = Article.__table__
UPDATE_ARTICLE = update(ARTICLE).where(ARTICLE.c.id == bindparam("article_id"))
AUTHOR_COLUMNS = ("article_id", "position", "source_id")
TERM_COLUMNS = ("article_id", "term", "weight", "published")
LINK_COLUMNS = (
    "article_id",
    "position",
    "title",
    "title_key",
    "href",
    "canonical_href",
    "after_paragraph",
)
LINK_VALUES = itemgetter(*LINK_COLUMNS[1:])  # of a prepared link, after its article's id
INSERT_LINK = RelatedLink.__table__.insert()
INSERT_REVISION = Revision.__table__.insert()
SOURCE_COLUMNS = ("slug", "name", "kind", "domain")
# Looked up a chunk at a time, its identities as one JSON array.
STORED = prepared.Prepared(
    select(
        Article.identity,
        Article.id,
        Article.content_hash,
        Article.source_path,
        Article.title_key,
        Article.canonical_url,
    ).where(Article.identity.in_(prepared.json_values(bindparam("identities"))))
)
CURRENT_RAW = select(
    Article.raw_text, Article.raw_sha256, Article.source_path, Article.updated_at
).where(Article.id == bindparam("article_id"))
DELETE_AUTHORS = delete(ArticleAuthor).where(ArticleAuthor.article_id == bindparam("article_id"))
DELETE_LINKS = delete(RelatedLink).where(RelatedLink.article_id == bindparam("article_id"))


def ingest(
    conn: Connection,
    paths: Iterable[str | Path],
    progress: Callable[[int], None] = lambda n: None,
    report: Report | None = None,
) -> Report:
    """Ingest files a chunk at a time, each chunk committed as a transaction of its own.

    A chunk's transaction holds everything its articles need (tags and topic counts, title
    index, typo links, term counts), so a run stopped halfway leaves a consistent archive,
    and a re-run completes it. Chunks flow through two stages at once: while one chunk is
    written (in this process, the only one that may write), the workers already parse the
    next. `conn` must not be in a transaction.

    A large run into a small archive (a first run) loads in bulk (`bulk`): from its first
    chunk of mostly new files on, the search index and the readers' indexes wait, and links
    are not looked up file by file; at the end, each is built or resolved in one pass. A bulk
    run stopped halfway is finished by the next run, even one that finds nothing new.
    `report` holds what the run found before (`rerun`), continued here.
    """
    report = report if report is not None else Report()
    with own_memory(conn):
        with conn.begin():
            loader = Loader(conn, report, len(paths) if isinstance(paths, Sized) else 0)
        with workers() as pool:
            files = read_files(paths)
            writing: _Parsing | None = None
            while chunk := list(islice(files, CHUNK)):
                parsing = loader.start_chunk(chunk, pool)
                if writing is not None:
                    loader.write_chunk(writing)
                    progress(writing.size)
                writing = parsing
            if writing is not None:
                loader.write_chunk(writing)
                progress(writing.size)
        if loader.bulk:
            with conn.begin():
                bulk.finish(conn)
    return report


@contextmanager
def own_memory(conn: Connection) -> Iterator[None]:
    """Keep the run's memory bounded whatever the archive's size, then set things back.

    SQLite reads through its page cache, not a memory map (the mapped pages a run touches, up
    to 256 MB, would count as its own), and sorts (a bulk load's index builds) spill to temporary
    files instead of memory: at 100,000 articles the term index's sort alone took 109 MB.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    before = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in BOUNDED}
    for name, value in BOUNDED.items():
        conn.exec_driver_sql(f"PRAGMA {name}={value}")
    conn.commit()  # the statements began a transaction: the loader begins its own
    try:
        yield
    finally:
        for name, value in before.items():
            conn.exec_driver_sql(f"PRAGMA {name}={int(value or 0)}")
        conn.commit()


@contextmanager
def workers() -> Iterator[Callable[[], Executor]]:
    """Parsing is pure and CPU-bound: spread it over the cores, started only when needed."""
    pool: list[Executor] = []

    def get() -> Executor:
        if not pool:
            pool.append(
                ProcessPoolExecutor(
                    max_workers=os.cpu_count() or 1,
                    initializer=_exit_with_parent,
                    initargs=(os.getpid(),),
                )
            )
        return pool[0]

    try:
        yield get
    except BaseException:
        # Stopped (Ctrl-C, SIGTERM, a database error): drop the parsing not begun yet.
        for executor in pool:
            executor.shutdown(cancel_futures=True)
        raise
    for executor in pool:
        executor.shutdown()


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the run's process does, however it ends.

    A worker whose parent was killed outright (SIGKILL) waits forever to hand back its
    results, holding the archive's files open.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def prepare_all(
    files: list[File], pool: Callable[[], Executor], taxonomy: str | None
) -> Iterable[Prepared | Rejection]:
    """Start parsing and tagging files; the results come in order as they are iterated."""
    data = [f.data or b"" for f in files]
    names = [Path(f.path).name for f in files]
    work = partial(prepare, taxonomy=taxonomy)
    if len(files) < PARALLEL_FROM:
        return map(work, data, names)
    return pool().map(work, data, names, chunksize=16)


@dataclass(slots=True)
class _Parsing:
    """A chunk on its way: the files that need parsing and their results to come."""

    size: int  # files in the chunk, parsed or not
    files: list[File]
    results: Iterable[Prepared | Rejection]


@dataclass(slots=True)
class Stored:
    """What the loader needs to know of an article already in the archive."""

    id: int
    content_hash: str
    source_path: str
    title_key: str
    canonical_url: str | None


class Loader:
    """Core statements on one connection: the ORM costs more than SQLite does here."""

    def __init__(self, conn: Connection, report: Report, files: int) -> None:
        self.conn = conn
        self.report = report
        self.source_ids = self._all_sources()
        self.insert_source = RawInsert(Source.__table__, SOURCE_COLUMNS, conn)
        self.insert_article: RawInsert | None = None  # its columns: those of the first row
        self.insert_author = RawInsert(ArticleAuthor.__table__, AUTHOR_COLUMNS, conn)
        self.insert_term = RawInsert(ArticleTerm.__table__, TERM_COLUMNS, conn)
        self.topics = topics_store.TopicWriter(conn)
        self.start = self.mark = links.Mark.now(conn)  # before the run; before the chunk
        self.bulk = bulk.unfinished(conn)  # a bulk run stopped halfway: this one finishes it
        self.may_bulk = files >= BULK_FROM and files >= self.start.article
        # The titles of the articles this run added, held for the typo step of later chunks:
        # asking the database for each link cost more than the rest of the link's writing.
        self.run_titles = MemoryTitles([])
        self.retitled = False  # whether the chunk being written updated one of them
        # Articles of the archive the chunk gave another title or URL, and the links that lost
        # their target by it: the typo step at the chunk's end looks at both again.
        self.renamed: set[int] = set()
        self.lost: set[int] = set()
        # Authors and terms of the chunk's articles, by article, written in one statement
        # each at the chunk's end: a statement per article cost more than SQLite's work. The
        # rows are tuples of values as the driver takes them: a dict per row, and converting
        # each row's date, cost more than SQLite spent storing it.
        self.authors: dict[int, list[tuple]] = {}
        self.terms: dict[int, list[tuple]] = {}
        self.link_rows: dict[int, list[tuple]] = {}  # in bulk only
        self.insert_link = RawInsert(RelatedLink.__table__, LINK_COLUMNS, conn)
        self.skeletons: dict[int, list[tuple]] = {}  # in bulk: the new articles' titles
        self.insert_skeleton = RawInsert(
            TitleSkeleton.__table__, title_index.SKELETON_COLUMNS, conn
        )

    # Both sets are read when first needed, not at the start: a re-run that finds every file
    # unchanged never stores an article and never needs them.

    @cached_property
    def cited(self) -> set[str]:
        """The titles and URLs links cite (perhaps a few more): an arriving article none of
        them names needs no look-up of the links waiting for it, and most are not cited."""
        rows = self.conn.execute(select(RelatedLink.title_key, RelatedLink.canonical_href))
        return {value for row in rows for value in row if value is not None}

    @cached_property
    def titled(self) -> set[str]:
        """The titles and URLs of the archive's articles: a new link none of them matches
        has no target yet, and needs no look-up."""
        rows = self.conn.execute(select(Article.title_key, Article.canonical_url))
        return {value for row in rows for value in row if value is not None}

    def _all_sources(self) -> dict[str, int]:
        return dict(self.conn.execute(select(Source.slug, Source.id)).all())

    def start_chunk(self, files: list[File], pool: Callable[[], Executor]) -> _Parsing:
        """Report the files that need no parsing; start parsing the others."""
        with self.conn.begin():
            cursor = self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            to_parse = sort_out(files, known_hashes(cursor, files), self.report)
            if to_parse:
                self.topics.ready()
        results = prepare_all(to_parse, pool, self.topics.taxonomy)
        return _Parsing(len(files), to_parse, results)

    def write_chunk(self, parsing: _Parsing) -> None:
        """Store the parsed files of a chunk, in order, and commit them.

        A savepoint costs more than storing an article (inside one, SQLite copies every page
        it touches, and the search index is written out statement by statement: the writer
        took 2.4 times the CPU time), and the database refuses a file only rarely: when it
        does, the chunk's transaction is rolled back and the chunk stored again with a
        savepoint per file, so that only the file at fault is rejected. A copy of a file from
        the chunk before may have been sent to parsing before that chunk was written: its
        identity tells it apart here, as a duplicate.
        """
        if not parsing.files:
            return  # all known already (a re-run): nothing to write
        if not self.bulk and self.may_bulk and 2 * len(parsing.files) >= parsing.size:
            with self.conn.begin():
                bulk.begin(self.conn)
            self.bulk = True
        work = list(zip(parsing.files, parsing.results, strict=True))
        try:
            with self.conn.begin():
                outcomes, run_titles, new_titles = self._write(work, self._outcome)
        except Exception as exc:  # noqa: BLE001 — find the file at fault, a savepoint per file
            self._stop_on_database_state(exc)
            with self.conn.begin():
                self.source_ids = self._all_sources()
                outcomes, run_titles, new_titles = self._write(work, self._outcome_alone)
        run_titles.extend(new_titles)  # committed: later chunks' links may point at them
        self.run_titles = run_titles
        tomorrow = datetime.now(UTC).date() + timedelta(days=1)
        for (file, result), (kind, entry) in zip(work, outcomes, strict=True):
            getattr(self.report, kind).append(entry)
            if kind not in ("added", "updated"):
                continue
            assert isinstance(result, Prepared)
            day = result.values["published"]
            if day and day > tomorrow:
                self.report.future.append((file.path, day))
            if result.unread_date_line:
                self.report.unread_dates.append((file.path, result.unread_date_line))

    def _write(
        self, work: list[tuple[File, Prepared | Rejection]], outcome: Callable[..., Any]
    ) -> tuple[list[tuple[str, Any]], MemoryTitles, MemoryTitles]:
        """Store a chunk's files, their tags and what the chunk's new articles complete;
        return the outcomes, the titles of the run's earlier articles and the chunk's."""
        self.begin_chunk()
        identities = [p.values["identity"] for _, p in work if isinstance(p, Prepared)]
        stored = self.look_up(identities)
        outcomes = [outcome(file, result, stored) for file, result in work]
        kept = [
            (stored[result.values["identity"]].id, result)
            for (_, result), (kind, _) in zip(work, outcomes, strict=True)
            if kind in ("added", "updated")  # tags follow only what the database kept
            and isinstance(result, Prepared)
        ]
        return (outcomes, *self.end_chunk(kept))

    def begin_chunk(self) -> None:
        """Mark where the chunk starts, and forget what an attempt rolled back queued."""
        self.mark = links.Mark.now(self.conn)
        self.topics.discard()
        self._forget_rows()
        self.retitled = False
        self.renamed, self.lost = set(), set()

    def end_chunk(self, stored: list[tuple[int, Prepared]]) -> tuple[MemoryTitles, MemoryTitles]:
        """Write what the chunk's stored articles queued (tags, authors, terms) and what they
        complete (term counts, typo links); return the titles of the run's earlier articles
        and the chunk's."""
        for article_id, result in stored:
            self.topics.add(article_id, result.values["published"], result.topics)
        self._flush_rows()
        self.topics.flush()
        if self.bulk:  # links and term counts wait for `finish`
            return self.run_titles, MemoryTitles([])
        similar.count_terms(self.conn, after=self.mark.article)
        run_titles = self._run_titles()
        older: list[Titles] = [run_titles]
        if self.start.article:
            older.append(SqlTitles(self.conn, upto=self.start.article))
        return (
            run_titles,
            links.resolve_late(self.conn, self.mark, older, self.renamed, self.lost),
        )

    def _run_titles(self) -> MemoryTitles:
        """The titles of the articles this run added before the chunk, as they are now."""
        if not self.retitled:
            return self.run_titles
        return MemoryTitles.load(self.conn, after=self.start.article, upto=self.mark.article)

    def _outcome(
        self, file: File, result: Prepared | Rejection, stored: dict[str, Stored]
    ) -> tuple[str, Any]:
        """Store one file if it parsed; return what became of it and its report entry."""
        if isinstance(result, Rejection):
            return "rejected", {"path": file.path, "reason": result.reason}
        return self._store(file, result, stored), file.path

    def _outcome_alone(
        self, file: File, result: Prepared | Rejection, stored: dict[str, Stored]
    ) -> tuple[str, Any]:
        """Store one file in a savepoint of its own: if the database refuses it, reject it."""
        try:
            with self.conn.begin_nested():
                outcome = self._outcome(file, result, stored)
                self._flush_rows()
                return outcome
        except Exception as exc:  # noqa: BLE001 — one bad file must never spoil the batch
            self._stop_on_database_state(exc)
            self._forget_rows()
            # Whatever this file wrote was rolled back: forget what it taught us.
            self.source_ids = self._all_sources()
            stored.pop(result.values["identity"], None)
            return "rejected", {"path": file.path, "reason": f"could not be stored: {exc}"}

    def _stop_on_database_state(self, exc: Exception) -> None:
        """Raise an error of the database's state (locked, full, read-only): no file is at
        fault, and the run cannot go on. The driver's own, from `RawInsert`, as SQLAlchemy's."""
        if isinstance(exc, OperationalError):
            raise exc
        if isinstance(exc, self.conn.dialect.loaded_dbapi.OperationalError):
            raise OperationalError(None, None, exc) from exc

    def look_up(self, identities: list[str]) -> dict[str, Stored]:
        found = STORED.rows(self.conn, {"identities": json.dumps(identities)})
        return {identity: Stored(*row) for identity, *row in found}

    def _store(self, file: File, prepared: Prepared, stored: dict[str, Stored]) -> str:
        values = prepared.values
        existing = stored.get(values["identity"])
        now = datetime.now(UTC).replace(tzinfo=None)
        row = {**self.columns(prepared), "raw_sha256": file.sha256, "source_path": file.path,
               "updated_at": now}  # fmt: skip
        if existing is None:
            url, key = values["canonical_url"], values["title_key"]
            row["ingested_at"] = now
            if self.insert_article is None:
                self.insert_article = RawInsert(ARTICLE, list(row), self.conn)
            article_id = self.insert_article(row)
            stored[values["identity"]] = Stored(
                article_id, values["content_hash"], file.path, key, url
            )
            self._write_children(article_id, prepared)
            self._index(article_id, prepared)
            if self.bulk:
                return "added"
            self._titled_too(values)
            self._named(article_id, url, key)
            return "added"
        if existing.content_hash == values["content_hash"]:
            return "unchanged" if existing.source_path == file.path else "duplicates"
        self._keep_revision(existing.id, now)
        self.replace(existing, prepared, row)
        existing.source_path = file.path
        return "updated"

    def replace(self, existing: Stored, prepared: Prepared, row: dict[str, Any]) -> None:
        """Rewrite a stored article with `row`, its authors, links and index entries after
        `prepared`, and look again at the links its new title or URL concerns. Its tags are
        removed: the chunk's end (`end_chunk`) writes the new ones."""
        values = prepared.values
        self.retitled |= existing.id > self.start.article
        self.conn.execute(UPDATE_ARTICLE, {**row, "article_id": existing.id})
        if not self.bulk:
            self._titled_too(values)
        existing.content_hash = values["content_hash"]
        self.conn.execute(DELETE_AUTHORS, {"article_id": existing.id})
        self.conn.execute(DELETE_LINKS, {"article_id": existing.id})
        self.topics.forget(existing.id)
        self._write_children(existing.id, prepared)
        self._index(existing.id, prepared, replace=True)
        url, key = values["canonical_url"], values["title_key"]
        if not self.bulk and (key, url) != (existing.title_key, existing.canonical_url):
            self._renamed(existing.id, url, key)
        existing.title_key, existing.canonical_url = key, url

    def columns(self, prepared: Prepared) -> dict[str, Any]:
        """The Article columns that come from the file, its sources created if they are new."""
        return {
            **prepared.values,
            "source_id": self._source_id(prepared.source),
            "publisher_id": self._source_id(prepared.publisher),
            "photo_source_id": self._source_id(prepared.photo_agency),
        }

    def _named(self, article_id: int, url: str | None, key: str) -> None:
        """Point the links naming an article's title or URL at it, if it matches them best."""
        if key in self.cited or (url and url in self.cited):
            links.resolve_links_to(self.conn, article_id, url, key)

    def _renamed(self, article_id: int, url: str | None, key: str) -> None:
        """An article's title or URL changed: the links it matched by the old one look again,
        and those naming the new one find it, as a full re-resolution would have them."""
        self.renamed.add(article_id)
        self.lost |= links.resolve_links_from(self.conn, article_id)
        self._named(article_id, url, key)

    def _index(self, article_id: int, prepared: Prepared, replace: bool = False) -> None:
        """Keep the title index and the terms of "More like this" in step with the article.

        The title skeletons and term counts of articles new in this chunk are written with the
        whole chunk's at its end (`links.resolve_late` or, in bulk, `_flush_rows`;
        `similar.count_terms`), even when a later file of the chunk updates them.
        """
        values = prepared.values
        earlier = article_id <= self.mark.article
        if not earlier:  # counted with the chunk's: queued, replacing an earlier version's
            if replace:  # written already when the chunk is stored a file at a time
                self.conn.execute(similar.DELETE_TERMS, {"article_id": article_id})
                self.conn.execute(title_index.DELETE_SKELETONS, {"article_id": article_id})
            found = prepared.terms
            published = adapted(values["published"])
            self.terms[article_id] = list(
                zip(repeat(article_id), found, found.values(), repeat(published))
            )
            if self.bulk:
                self.skeletons[article_id] = title_index.skeleton_rows(
                    values["title_key"], article_id
                )
            return
        if replace:
            title_index.index_title(self.conn, article_id, values["title_key"], replace=True)
        similar.index_terms(
            self.conn, article_id, prepared.terms, values["published"], replace, counted=True
        )

    def _flush_rows(self) -> None:
        """Write the queued authors, links, terms and title skeletons."""
        for queue, insert in (
            (self.authors, self.insert_author),
            (self.link_rows, self.insert_link),
            (self.terms, self.insert_term),
            (self.skeletons, self.insert_skeleton),
        ):
            rows = [row for rows in queue.values() for row in rows]
            if rows:
                insert.tuples(rows)
        self._forget_rows()

    def _forget_rows(self) -> None:
        for queue in (self.authors, self.link_rows, self.terms, self.skeletons):
            queue.clear()

    def _keep_revision(self, article_id: int, now: datetime) -> None:
        """Copy the article's current raw text into a Revision before it is replaced."""
        old = self.conn.execute(CURRENT_RAW, {"article_id": article_id}).one()
        self.conn.execute(
            INSERT_REVISION,
            {"article_id": article_id, "raw_text": old.raw_text, "raw_sha256": old.raw_sha256,
             "source_path": old.source_path, "ingested_at": old.updated_at, "superseded_at": now},
        )  # fmt: skip

    def _write_children(self, article_id: int, prepared: Prepared) -> None:
        """Authors and related links, which follow the article's current version."""
        self.authors[article_id] = [
            (article_id, i, self._source_id(c)) for i, c in enumerate(prepared.authors)
        ]
        if prepared.related and self.bulk:  # resolved by `finish`
            self.link_rows.pop(article_id, None)  # an earlier version's: rows in file order
            self.link_rows[article_id] = [(article_id, *LINK_VALUES(r)) for r in prepared.related]
        elif prepared.related:
            self.cited.update(r["title_key"] for r in prepared.related)
            self.cited.update(r["canonical_href"] for r in prepared.related if r["canonical_href"])
            self.conn.execute(
                INSERT_LINK, [{"article_id": article_id, **r} for r in prepared.related]
            )
            if any(
                r["title_key"] in self.titled or r["canonical_href"] in self.titled
                for r in prepared.related
            ):
                links.resolve_links_of(self.conn, article_id)

    def _titled_too(self, values: dict[str, Any]) -> None:
        self.titled.add(values["title_key"])
        if values["canonical_url"]:
            self.titled.add(values["canonical_url"])

    def _source_id(self, credit: Credit | None) -> int | None:
        """The id of a source, created the first time it is credited."""
        if credit is None:
            return None
        source_id = self.source_ids.get(credit.slug)
        if source_id is None:
            source_id = self.insert_source(
                {"slug": credit.slug, "name": credit.name, "kind": credit.kind,
                 "domain": credit.domain}
            )  # fmt: skip
            self.source_ids[credit.slug] = source_id
        return source_id

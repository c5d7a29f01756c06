"""Write parsed articles into the database: add, update with a revision, or leave alone."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app import links, similar, title_index
from app.ingest import sources
from app.ingest.parse import parse
from app.ingest.parsed import ParsedArticle, Rejection
from app.ingest.record import article_values, related_values
from app.models import Article, ArticleAuthor, RelatedLink, Revision, Source

CHUNK = 500  # files read and looked up together, to make re-runs cheap


@dataclass
class Report:
    """What one ingest run did with each file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.as_json().values())

    def summary(self) -> str:
        return (
            f"{self.total} files: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.duplicates)} duplicates, "
            f"{len(self.rejected)} rejected"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
        }


@dataclass(frozen=True, slots=True)
class _File:
    path: str
    data: bytes | None
    error: str | None
    sha256: str


def read_files(paths: Iterable[Path]) -> Iterable[_File]:
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield _File(str(path), None, f"cannot read the file: {exc.strerror or exc}", "")
            continue
        yield _File(str(path), data, None, hashlib.sha256(data).hexdigest())


def ingest(
    session: Session,
    paths: Iterable[Path],
    progress: Callable[[int], None] = lambda n: None,
) -> Report:
    """Ingest files in one transaction, a savepoint per file; the caller commits."""
    report = Report()
    loader = _Loader(session, report)
    mark = links.Mark.now(session)
    chunk: list[_File] = []
    for file in read_files(paths):
        chunk.append(file)
        if len(chunk) == CHUNK:
            loader.load_chunk(chunk)
            progress(len(chunk))
            chunk = []
    if chunk:
        loader.load_chunk(chunk)
        progress(len(chunk))
    links.resolve_late(session, mark)
    return report


class _Loader:
    def __init__(self, session: Session, report: Report) -> None:
        self.session = session
        self.report = report
        self.source_ids = dict(session.execute(select(Source.slug, Source.id)).all())

    def load_chunk(self, files: list[_File]) -> None:
        known = self._known_hashes([f.sha256 for f in files if f.data is not None])
        for file in files:
            if file.error is not None:
                self.report.rejected.append({"path": file.path, "reason": file.error})
            elif file.sha256 in known:
                # The very bytes are in the archive: no need to parse them again.
                same_file = known[file.sha256] == file.path
                (self.report.unchanged if same_file else self.report.duplicates).append(file.path)
            else:
                self._load_file(file)

    def _known_hashes(self, hashes: list[str]) -> dict[str, str | None]:
        """Raw hashes already stored, with the path of the current version (None: older)."""
        current = self.session.execute(
            select(Article.raw_sha256, Article.source_path).where(Article.raw_sha256.in_(hashes))
        )
        older = self.session.scalars(
            select(Revision.raw_sha256).where(Revision.raw_sha256.in_(hashes))
        )
        return {**dict.fromkeys(older), **dict(current.all())}

    def _load_file(self, file: _File) -> None:
        assert file.data is not None
        parsed = parse(file.data, Path(file.path).name)
        if isinstance(parsed, Rejection):
            self.report.rejected.append({"path": file.path, "reason": parsed.reason})
            return
        values = article_values(parsed)
        try:
            with self.session.begin_nested():
                outcome = self._store(file, parsed, values)
        except Exception as exc:  # noqa: BLE001 — one bad file must never spoil the batch
            # Sources first credited by this file were rolled back with it.
            self.source_ids = dict(self.session.execute(select(Source.slug, Source.id)).all())
            self.report.rejected.append(
                {"path": file.path, "reason": f"could not be stored: {exc}"}
            )
            return
        getattr(self.report, outcome).append(file.path)

    def _store(self, file: _File, parsed: ParsedArticle, values: dict[str, Any]) -> str:
        existing = self.session.execute(
            select(
                Article.id,
                Article.content_hash,
                Article.source_path,
                Article.raw_text,
                Article.raw_sha256,
                Article.updated_at,
            ).where(Article.identity == values["identity"])
        ).first()
        now = datetime.now(UTC).replace(tzinfo=None)
        row = {
            **values,
            **self._credit_ids(parsed),
            "raw_sha256": file.sha256,
            "source_path": file.path,
            "updated_at": now,
        }
        if existing is None:
            article_id = self.session.execute(
                insert(Article).values(ingested_at=now, **row).returning(Article.id)
            ).scalar_one()
            self._write_children(article_id, parsed)
            self._index(article_id, values)
            links.resolve_links_to(
                self.session, article_id, values["canonical_url"], values["title_key"]
            )
            return "added"
        if existing.content_hash == values["content_hash"]:
            return "unchanged" if existing.source_path == file.path else "duplicates"
        self.session.execute(
            insert(Revision).values(
                article_id=existing.id,
                raw_text=existing.raw_text,
                raw_sha256=existing.raw_sha256,
                source_path=existing.source_path,
                ingested_at=existing.updated_at,
                superseded_at=now,
            )
        )
        self.session.execute(update(Article).where(Article.id == existing.id).values(**row))
        self._write_children(existing.id, parsed, replace=True)
        self._index(existing.id, values, replace=True)
        return "updated"

    def _index(self, article_id: int, values: dict[str, Any], replace: bool = False) -> None:
        """Keep the title index and the terms of "More like this" in step with the article."""
        title_index.index_title(self.session, article_id, values["title_key"], replace)
        similar.index_terms(self.session, article_id, values, replace)

    def _write_children(self, article_id: int, parsed: ParsedArticle, replace=False) -> None:
        """Authors and related links, which follow the article's current version."""
        if replace:
            self.session.execute(
                delete(ArticleAuthor).where(ArticleAuthor.article_id == article_id)
            )
            self.session.execute(delete(RelatedLink).where(RelatedLink.article_id == article_id))
        credits = sources.byline_credits(parsed.authors)
        if credits:
            self.session.execute(
                insert(ArticleAuthor),
                [
                    {"article_id": article_id, "position": i, "source_id": self._source_id(c)}
                    for i, c in enumerate(credits)
                ],
            )
        related = related_values(parsed)
        if related:
            self.session.execute(
                insert(RelatedLink), [{"article_id": article_id, **r} for r in related]
            )
            links.resolve_links_of(self.session, article_id)

    def _credit_ids(self, parsed: ParsedArticle) -> dict[str, int | None]:
        credits = sources.byline_credits(parsed.authors)
        main = sources.main_source(credits)
        publisher = sources.publisher(parsed.original_url)
        agency = sources.photo_agency(parsed.photo_credit)
        return {
            "source_id": self._source_id(main) if main else None,
            "publisher_id": self._source_id(publisher) if publisher else None,
            "photo_source_id": self._source_id(agency) if agency else None,
        }

    def _source_id(self, credit: sources.Credit) -> int:
        """The id of a source, created the first time it is credited."""
        source_id = self.source_ids.get(credit.slug)
        if source_id is None:
            source_id = self.session.execute(
                insert(Source)
                .values(slug=credit.slug, name=credit.name, kind=credit.kind, domain=credit.domain)
                .returning(Source.id)
            ).scalar_one()
            self.source_ids[credit.slug] = source_id
        return source_id

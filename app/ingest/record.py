"""A parsed article as the values of its rows (pure: no database)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from app.ingest import sources, tagging
from app.ingest.identity import canonical_url, slugify, title_key
from app.ingest.parse import parse
from app.ingest.parsed import ParsedArticle, Rejection
from app.ingest.terms import terms
from app.markup import to_plain

LEAD_CHARS = 320
# Blocks that are no paragraph to lead with: a subheading, a list, a rule ("---") or a table.
_NOT_A_LEAD = re.compile(
    r" {0,3}(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s|[-*_](?:\s*[-*_]){2,}\s*$|\|)"
)


def identity(parsed: ParsedArticle) -> str:
    """The canonical URL, else the folded title and the date."""
    url = canonical_url(parsed.original_url)
    if url:
        return url
    day = parsed.published.isoformat() if parsed.published else "undated"
    return f"title:{title_key(parsed.title)}|{day}"


def content_hash(parsed: ParsedArticle) -> str:
    """A fingerprint of what the reader sees, blind to line ends and URL form."""
    content = [
        parsed.title,
        parsed.published.isoformat() if parsed.published else None,
        parsed.byline,
        parsed.photo_credit,
        parsed.paragraphs,
        [(r.title, r.href, r.after_paragraph) for r in parsed.related],
        canonical_url(parsed.original_url),
    ]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def lead(paragraph: str) -> str:
    """The first paragraph, cut at a word boundary when it is long."""
    if len(paragraph) <= LEAD_CHARS:
        return paragraph
    return paragraph[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"


def _lead_paragraph(paragraphs: tuple[str, ...], plain: list[str]) -> str:
    """The plain text of the first real paragraph, else of the first block."""
    found = (
        p for p, source in zip(plain, paragraphs, strict=True) if not _NOT_A_LEAD.match(source)
    )
    return next(found, plain[0] if plain else "")


def article_values(parsed: ParsedArticle) -> dict[str, Any]:
    """The Article columns that come from the file itself."""
    plain = [to_plain(p) for p in parsed.paragraphs]
    return {
        "slug": slugify(parsed.title),
        "title": parsed.title,
        "title_key": title_key(parsed.title),
        "published": parsed.published,
        "byline": parsed.byline,
        "photo_credit": parsed.photo_credit,
        "body": "\n\n".join(parsed.paragraphs),
        "body_text": "\n\n".join(plain),
        "lead": lead(_lead_paragraph(parsed.paragraphs, plain)),
        "word_count": sum(len(p.split()) for p in plain),
        "original_url": parsed.original_url,
        "canonical_url": canonical_url(parsed.original_url),
        "identity": identity(parsed),
        "raw_text": parsed.raw_text,
        "content_hash": content_hash(parsed),
        "encoding": parsed.encoding,
        "format": parsed.format,
    }


def related_values(parsed: ParsedArticle) -> list[dict[str, Any]]:
    """The RelatedLink columns of each "Related article" line."""
    return [
        {
            "position": i,
            "title": r.title,
            "title_key": title_key(r.title),
            "href": r.href,
            "canonical_href": canonical_url(r.href),
            "after_paragraph": r.after_paragraph,
        }
        for i, r in enumerate(parsed.related)
    ]


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything the loader writes for one file, worked out without the database."""

    values: dict[str, Any]  # Article columns
    related: list[dict[str, Any]]  # RelatedLink columns
    authors: list[sources.Credit]
    source: sources.Credit | None
    publisher: sources.Credit | None
    photo_agency: sources.Credit | None
    terms: dict[str, float]  # distinctive terms, for "More like this"
    topics: list[tagging.TagValues]  # from the title and body, never the byline or photo credit
    unread_date_line: str | None  # a date line that could not be read, the article undated


def prepare(data: bytes, name: str, taxonomy: str | None = None) -> Prepared | Rejection:
    """Parse and tag one file into the values of its rows; run in worker processes."""
    parsed = parse(data, name)
    if isinstance(parsed, Rejection):
        return parsed
    authors = sources.byline_credits(parsed.authors)
    values = article_values(parsed)
    return Prepared(
        values=values,
        related=related_values(parsed),
        authors=authors,
        source=sources.main_source(authors),
        publisher=sources.publisher(parsed.original_url),
        photo_agency=sources.photo_agency(parsed.photo_credit),
        terms=terms(values["title"], values["body_text"]),
        topics=tagging.stored(tagging.tagger(taxonomy).tag(values["title"], values["body_text"])),
        unread_date_line=None if parsed.published else parsed.date_line,
    )

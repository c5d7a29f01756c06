"""What the parser hands to the loader: plain data, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class RelatedRef:
    """A "Related article" line: its title and href as written, and where it stood."""

    title: str
    href: str | None  # None when the file says "#"
    after_paragraph: int  # body paragraphs before the link


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    title: str
    published: date | None
    byline: str | None  # as written, without "By " and without link markup
    authors: tuple[str, ...]  # each name the byline credits, in order
    photo_credit: str | None
    paragraphs: tuple[str, ...]  # Markdown source of each body block, related lines left out
    related: tuple[RelatedRef, ...]
    original_url: str | None  # as given
    raw_text: str  # the decoded file, so the article can always be parsed again
    encoding: str  # what the bytes were decoded from, e.g. "utf-8", "cp1251"
    format: str  # "markdown", "html" or "text"
    date_line: str | None = None  # the front matter's date line as written, read or not


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file that is not an article, and why, in words a person understands."""

    reason: str

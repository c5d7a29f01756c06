"""Read one article file: bytes in, a ParsedArticle or a Rejection out. No database.

Three layouts are understood: the seed Markdown layout (DESIGN §3, first line "# Title"),
plain text (a short title line, a blank line, then paragraphs) and saved HTML pages.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date, datetime
from textwrap import dedent

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup
from dateutil import parser as dateparser

from app.ingest.decode import NotText, decode
from app.ingest.parsed import ParsedArticle, Rejection, RelatedRef
from app.markup import escape_markdown, to_plain

MAX_BYTES = 5_000_000  # no real article comes near this; bigger files are dumps or binaries
MAX_TITLE_CHARS = 200  # a plain-text first line longer than this is a paragraph, not a title
MAX_FRONT_LINE_CHARS = 200  # bylines and photo credits are short; a longer line is body

_HEADING = re.compile(r"#{1,6}\s*(.*)")
_SETEXT_UNDERLINE = re.compile(r"=+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_BYLINE = re.compile(r"by:?\s+(.+)", re.I)
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\band\b)\s*")
_BOLD_ONLY = re.compile(r"(\*\*|__)((?:(?!\1).)+)\1")
_RELATED_LINE = re.compile(
    r"^[ \t]*[*_]{0,2}related[ \t]+articles?[ \t]*(?::[*_]{0,2}|[*_]{1,2}[ \t]*:)[ \t]*(.{0,500})$",
    re.I | re.M,
)
_LINK_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
# The href stops at the first bracket or space, so a line full of "[a](" is read in linear time.
_LINK = re.compile(r"\[(.*)\]\(\s*(?:<([^<>]*)>|([^\s()<>]*))(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_ORIGINAL_URL_LABEL = re.compile(
    r"\s*[*_]{0,2}original[ \t]+url[ \t]*:?[*_]{0,2}:?[ \t]*(.*)", re.I
)
_URL = re.compile(r"<([^<>\s]+)>|((?:https?://|www\.)\S+)")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]*_]*$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|$)")
_YMD_DATE = re.compile(r"\s*(\d{4})[-/.](\d\d?)[-/.](\d\d?)(?!\d)")
_DATE_SHAPE = re.compile(r"(?=.*\d)[\w ,./:+-]{6,40}")
# Parsing a line with two different defaults shows which parts dateutil filled in itself.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))
_HTML_START = re.compile(r"\s*<")
_HTML_MARKERS = ("<!doctype html", "<html", "<head")
_ARTICLE_TYPES = frozenset(
    ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting")
)  # fmt: skip


def parse(data: bytes, name: str = "") -> ParsedArticle | Rejection:
    """Read one article file; never raises, whatever the bytes."""
    if len(data) > MAX_BYTES:
        limit = MAX_BYTES // 1_000_000
        return Rejection(f"too large: {len(data):,} bytes, the limit is {limit} MB")
    try:
        text, encoding = decode(data)
    except NotText as exc:
        return Rejection(str(exc))
    if not text.strip():
        return Rejection("empty file")
    if _looks_like_html(text, name):
        return _parse_html(text, encoding)
    return _parse_layout(text, encoding)


def _looks_like_html(text: str, name: str) -> bool:
    """Tell a saved web page from a Markdown or plain-text article."""
    if not _HTML_START.match(text):
        return False
    head = text[:2048].lower()
    return name.lower().endswith((".html", ".htm")) or any(m in head for m in _HTML_MARKERS)


# The Markdown and plain-text layouts


def _parse_layout(raw: str, encoding: str) -> ParsedArticle | Rejection:
    """Read the seed Markdown layout, or plain text whose first line is the title."""
    lines = [line.rstrip() for line in raw.splitlines()]
    original_url, lines = _take_original_url(lines)
    blocks = _split_blocks(lines)
    title, fmt, blocks = _take_title(blocks)
    if not title:
        return Rejection(
            "no title: the first line should be a '# Title' heading "
            "(or, in plain text, a short title line followed by a blank line)"
        )
    front, count = _front_matter(blocks)
    paragraphs, related = _body(blocks[count:])
    if not paragraphs:
        return Rejection("no body text: nothing follows the title, byline and date")
    if fmt == "text":
        paragraphs = [escape_markdown(p) for p in paragraphs]
    byline = front.get("byline")
    published = _read_date_line(front["date"])[1] if "date" in front else None
    return ParsedArticle(
        title=title,
        published=published or _url_date(original_url),
        byline=byline,
        authors=_split_authors(byline),
        photo_credit=front.get("photo"),
        paragraphs=tuple(paragraphs),
        related=tuple(related),
        original_url=original_url,
        raw_text=raw,
        encoding=encoding,
        format=fmt,
    )


def _take_original_url(lines: list[str]) -> tuple[str | None, list[str]]:
    """Find the last "Original url:" line; return its URL and the lines without the footer.

    The URL, as <URL> or bare, stands on the label's line or on the next non-blank one.
    """
    for index in range(len(lines) - 1, -1, -1):
        if label := _ORIGINAL_URL_LABEL.fullmatch(lines[index]):
            break
    else:
        return None, lines
    end = index + 1
    url = _url_in(label[1])
    if url is None and not label[1]:
        following = next((i for i in range(end, len(lines)) if lines[i]), None)
        if following is not None and (url := _url_in(lines[following])):
            end = following + 1
    return url, lines[:index] + lines[end:]


def _url_in(text: str) -> str | None:
    """Return the URL that text consists of, as <URL> or bare, or None."""
    match = _URL.fullmatch(text.strip())
    return (match[1] or match[2]) if match else None


def _split_blocks(lines: list[str]) -> list[str]:
    """Join lines and split them at blank lines into blocks, each without a common indent."""
    # str.split is several times faster than a regex split, and this runs on every file.
    parts = (part.strip("\n") for part in "\n".join(lines).split("\n\n"))
    return [dedent(part) if part[0] in " \t" else part for part in parts if part]


def _take_title(blocks: list[str]) -> tuple[str, str, list[str]]:
    """Return the plain title, the layout ("markdown" or "text") and the blocks after it."""
    lines = blocks[0].split("\n") if blocks else [""]
    if heading := _HEADING.fullmatch(lines[0]):
        title, rest = to_plain(heading[1], inline=True), lines[1:]
    elif len(lines) > 1 and _SETEXT_UNDERLINE.fullmatch(lines[1]):
        title, rest = to_plain(lines[0], inline=True), lines[2:]
    elif len(lines) == 1 and len(lines[0]) <= MAX_TITLE_CHARS and _HAS_LETTER.search(lines[0]):
        return " ".join(lines[0].split()), "text", blocks[1:]
    else:
        return "", "text", blocks
    return title, "markdown", (["\n".join(rest)] if rest else []) + blocks[1:]


def _front_matter(blocks: list[str]) -> tuple[dict[str, str], int]:
    """Read the byline, date line and photo credit before the body, in any order.

    Return what was found (keys "byline", "date", "photo") and how many blocks it took.
    """
    found: dict[str, str] = {}
    for count, block in enumerate(blocks):
        items = [_front_item(line) for line in block.split("\n")]
        kinds = {item[0] for item in items if item}
        if len(kinds) < len(items) or kinds & found.keys():
            return found, count
        found.update(item for item in items if item)
    return found, len(blocks)


def _front_item(line: str) -> tuple[str, str] | None:
    """Classify one line of front matter as ("byline" | "photo" | "date", value), or None."""
    if len(line) > MAX_FRONT_LINE_CHARS:
        return None
    if byline := _byline(line):
        return "byline", byline
    if bold := _BOLD_ONLY.fullmatch(line):
        return "photo", to_plain(bold[2], inline=True)
    if _read_date_line(line)[0]:
        return "date", line
    return None


def _byline(line: str) -> str | None:
    """Return the names of a "By …" line as written, without link markup, or None.

    A sentence that merely starts with "By" ("By the end of the year, …") is not a byline.
    """
    match = _BYLINE.fullmatch(line)
    if not match or line.endswith((".", "!", "?")):
        return None
    names = to_plain(_LINK_MARKUP.sub(r"\1", match[1]), inline=True)
    return names if names[:1].isalpha() and not names[:1].islower() else None


def _split_authors(byline: str | None) -> tuple[str, ...]:
    """Return each name a byline credits: "A, B and C" → ("A", "B", "C")."""
    if not byline:
        return ()
    return tuple(name for name in _AUTHOR_SEPARATOR.split(byline) if name)


def _body(blocks: list[str]) -> tuple[list[str], list[RelatedRef]]:
    """Return the body paragraphs and the "Related article" links standing between them."""
    paragraphs: list[str] = []
    related: list[RelatedRef] = []
    joinable = False  # a related link between two pieces keeps them apart
    for block in blocks:
        # split() alternates text between related lines with what follows each "Related article:"
        pieces = _RELATED_LINE.split(block) if "related" in block.lower() else (block,)
        for index, piece in enumerate(pieces):
            if index % 2:
                if ref := _related_ref(piece, len(paragraphs)):
                    related.append(ref)
                joinable = False
            elif piece := piece.strip("\n"):
                if joinable and _continues(paragraphs[-1], piece):
                    paragraphs[-1] = f"{paragraphs[-1]} {piece}"
                else:
                    paragraphs.append(piece)
                joinable = True
    return paragraphs, related


def _continues(previous: str, block: str) -> bool:
    """Tell whether block is the rest of a paragraph split by a stray blank line."""
    return block[0].islower() and not _TERMINAL.search(previous)


def _related_ref(text: str, after_paragraph: int) -> RelatedRef | None:
    """Read what follows "Related article:": a Markdown link, or just a title."""
    link = _LINK.fullmatch(text)
    title, href = (link[1], link[2] or link[3]) if link else (text, "")
    title = to_plain(title, inline=True)
    if not title:
        return None
    return RelatedRef(title, None if href in ("", "#") else href, after_paragraph)


def _read_date_line(line: str) -> tuple[bool, date | None]:
    """Tell whether line is wholly a date, and return the date if it is complete.

    "April 2019" is a date line but not a date; so is "04/02/2019", which could be either
    2 April or 4 February. Neither is guessed: the caller falls back to the URL's date.
    """
    if ymd := _YMD_DATE.fullmatch(line):
        found = _valid_date(*ymd.groups())
        return found is not None, found
    if not _DATE_SHAPE.fullmatch(line):
        return False, None
    return _parse_date_line(line)


@functools.lru_cache(maxsize=16384)  # a day's articles share a date line; dateutil is slow
def _parse_date_line(line: str) -> tuple[bool, date | None]:
    """Read a date-shaped line with dateutil, as _read_date_line describes."""
    dayfirsts = (False,) if _HAS_LETTER.search(line) else (False, True)
    try:
        readings = {
            dateparser.parse(line, default=default, dayfirst=dayfirst, ignoretz=True).date()
            for default in _DEFAULTS
            for dayfirst in dayfirsts
        }
    except (ValueError, OverflowError):
        return False, None
    return True, readings.pop() if len(readings) == 1 else None


def _url_date(url: str | None) -> date | None:
    """Return the date in a URL path such as /2019/04/02/, or None."""
    match = _URL_DATE.search(url or "")
    return _valid_date(*match.groups()) if match else None


def _valid_date(year: str, month: str, day: str) -> date | None:
    """Return the date, or None when the numbers make no calendar date."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# Saved HTML pages


def _parse_html(raw: str, encoding: str) -> ParsedArticle | Rejection:
    """Read a saved article page from JSON-LD, <meta> tags and its <p> paragraphs."""
    try:
        soup = BeautifulSoup(raw, "html.parser")
    except ParserRejectedMarkup:
        return Rejection("unreadable HTML page")
    ld = _json_ld_article(soup)
    meta = _meta_tags(soup)
    title = _text(ld.get("headline")) or meta.get("og:title") or _tag_text(soup.find("h1"))
    title = title or _tag_text(soup.find("title"))
    if not title:
        return Rejection("no title: the page has no headline, og:title, <h1> or <title>")
    paragraphs = _html_paragraphs(soup, ld.get("articleBody"))
    if not paragraphs:
        return Rejection("no body text: the page has no <p> paragraphs or articleBody")
    url = _ld_url(ld) or meta.get("og:url") or _canonical_url(soup)
    names = _ld_names(ld.get("author"))
    byline = _meta_byline(meta.get("author")) or ", ".join(names) or None
    return ParsedArticle(
        title=title,
        published=_html_date(ld, meta, soup) or _url_date(url),
        byline=byline,
        authors=tuple(names) or _split_authors(byline),
        photo_credit=None,
        paragraphs=tuple(escape_markdown(p) for p in paragraphs),
        related=(),
        original_url=url,
        raw_text=raw,
        encoding=encoding,
        format="html",
    )


def _json_ld_article(soup: BeautifulSoup) -> dict:
    """Return the page's JSON-LD NewsArticle (or similar) object, or {}."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            graph = item.get("@graph") if isinstance(item, dict) else None
            for node in [item, *graph] if isinstance(graph, list) else [item]:
                if isinstance(node, dict) and _is_article(node.get("@type")):
                    return node
    return {}


def _is_article(types: object) -> bool:
    """Tell whether a JSON-LD @type (a name or a list of names) is a kind of article."""
    names = types if isinstance(types, list) else [types]
    return any(isinstance(name, str) and name in _ARTICLE_TYPES for name in names)


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """Return the page's <meta> contents by property or name (lower case); first one wins."""
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or "").lower()
        value = _text(tag.get("content"))
        if key and value:
            tags.setdefault(key, value)
    return tags


def _html_paragraphs(soup: BeautifulSoup, article_body: object) -> list[str]:
    """Return the text of the article's paragraphs, best source first."""
    for br in soup.find_all("br"):
        br.replace_with("\n")
    articles = soup.find_all("article")
    if articles:
        article = max(articles, key=lambda tag: len(tag.find_all("p")))
        if found := [t for t in map(_tag_text, article.find_all("p")) if t]:
            return found
    if isinstance(article_body, str) and article_body.strip():
        return [" ".join(line.split()) for line in article_body.splitlines() if line.strip()]
    body = soup.find("body") or soup
    return [t for t in map(_tag_text, body.find_all("p")) if t]


def _html_date(ld: dict, meta: dict[str, str], soup: BeautifulSoup) -> date | None:
    """Return the publication date the page states, or None."""
    time_tag = soup.find("time", attrs={"datetime": True})
    stated = (
        ld.get("datePublished"),
        meta.get("article:published_time"),
        time_tag.get("datetime") if time_tag else None,
    )
    for value in stated:
        if isinstance(value, str) and (found := _date_from_text(value)):
            return found
    return None


def _date_from_text(value: str) -> date | None:
    """Read an ISO timestamp's date as written (no time-zone shift) or an English date."""
    if ymd := _YMD_DATE.match(value):
        return _valid_date(*ymd.groups())
    return _read_date_line(" ".join(value.split()))[1]


def _ld_names(author: object) -> list[str]:
    """Return the names in a JSON-LD author value: a name, a Person, or a list of them."""
    people = author if isinstance(author, list) else [author]
    names = (p.get("name") if isinstance(p, dict) else p for p in people)
    return [name for name in map(_text, names) if name]


def _ld_url(ld: dict) -> str | None:
    """Return the article URL a JSON-LD object gives, if any."""
    page = ld.get("mainEntityOfPage")
    return _text(ld.get("url")) or _text(page.get("@id") if isinstance(page, dict) else page)


def _canonical_url(soup: BeautifulSoup) -> str | None:
    """Return the page's <link rel="canonical"> URL, if any."""
    link = soup.find("link", rel="canonical")
    return _text(link.get("href")) if link else None


def _meta_byline(author: str | None) -> str | None:
    """Return a <meta name="author"> value as a byline, ignoring profile URLs."""
    if not author or author.startswith(("http://", "https://")):
        return None
    match = _BYLINE.fullmatch(author)
    return match[1] if match else author


def _tag_text(tag: Tag | None) -> str | None:
    """Return a tag's text with whitespace collapsed, or None."""
    return _text(tag.get_text()) if tag else None


def _text(value: object) -> str | None:
    """Return value with whitespace collapsed if it is a non-blank string, else None."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None

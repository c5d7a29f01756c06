"""Reading a saved HTML article page: JSON-LD, <meta> tags and its body's blocks."""

from __future__ import annotations

import json
from datetime import date

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

from app.ingest.fields import BYLINE, date_from_text, split_authors, url_date
from app.ingest.html_blocks import markdown_blocks, page_blocks
from app.ingest.parsed import ParsedArticle, Rejection
from app.markup import escape_markdown

_ARTICLE_TYPES = frozenset(
    ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting")
)  # fmt: skip


def parse_html(raw: str, encoding: str) -> ParsedArticle | Rejection:
    """Read a saved article page from JSON-LD, <meta> tags and its body's blocks."""
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
        published=_html_date(ld, meta, soup) or url_date(url),
        byline=byline,
        authors=tuple(names) or split_authors(byline),
        photo_credit=None,
        paragraphs=tuple(paragraphs),
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
    """Return the article's blocks as Markdown (paragraphs, lists, quotes), best source first."""
    articles = soup.find_all("article")
    if articles:
        article = max(articles, key=lambda tag: len(tag.find_all("p")))
        if found := markdown_blocks(article):
            return found
    if isinstance(article_body, str) and article_body.strip():
        return [escape_markdown(line) for line in article_body.splitlines() if line.strip()]
    body = soup.find("body")
    return page_blocks(body if isinstance(body, Tag) else soup)


def _html_date(ld: dict, meta: dict[str, str], soup: BeautifulSoup) -> date | None:
    """Return the publication date the page states, or None."""
    time_tag = soup.find("time", attrs={"datetime": True})
    stated = (
        ld.get("datePublished"),
        meta.get("article:published_time"),
        time_tag.get("datetime") if time_tag else None,
    )
    for value in stated:
        if isinstance(value, str) and (found := date_from_text(value)):
            return found
    return None


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
    match = BYLINE.fullmatch(author)
    return match[1] if match else author


def _tag_text(tag: Tag | None) -> str | None:
    """Return a tag's text with whitespace collapsed, or None."""
    return _text(tag.get_text()) if tag else None


def _text(value: object) -> str | None:
    """Return value with whitespace collapsed if it is a non-blank string, else None."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None

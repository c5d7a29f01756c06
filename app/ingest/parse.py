"""Read one article file: bytes in, a ParsedArticle or a Rejection out. No database.

Three layouts are understood: the seed Markdown layout (DESIGN §3, first line "# Title"),
plain text (a short title line, a blank line, then paragraphs) and saved HTML pages.
"""

from __future__ import annotations

import re
from textwrap import dedent

from app.ingest.decode import NotText, decode
from app.ingest.fields import HAS_LETTER, byline, read_date_line, split_authors, url_date
from app.ingest.parsed import ParsedArticle, Rejection, RelatedRef
from app.markup import escape_markdown, to_plain

MAX_BYTES = 5_000_000  # no real article comes near this; bigger files are dumps or binaries
MAX_TITLE_CHARS = 200  # a plain-text first line longer than this is a paragraph, not a title
MAX_FRONT_LINE_CHARS = 200  # bylines and photo credits are short; a longer line is body

_HEADING = re.compile(r"#{1,6}\s*(.*)")
_SETEXT_UNDERLINE = re.compile(r"=+$")
_BOLD_ONLY = re.compile(r"(\*\*|__)((?:(?!\1).)+)\1")
_ITALIC_ONLY = re.compile(r"([*_])((?:(?!\1).)+)\1")
# The page says "Photo:" before a credit itself; the file's own label is not the credit.
_PHOTO_LABEL = re.compile(
    r"(?:photo(?:graph)?s?(?:\s+credit)?\s*(?::|\bby\b)|photo\s+courtesy\s+of\b)\s*", re.I
)
# An italic line is a credit only in a credit's shape: "Name / Agency", or labelled "Photo:".
_CREDIT_SHAPE = re.compile(r"[^!?:;]{1,100}/[^!?:;]{1,100}(?<![.!?])")
_RELATED_LINE = re.compile(
    r"^[ \t]*[*_]{0,2}related[ \t]+articles?[ \t]*(?::[*_]{0,2}|[*_]{1,2}[ \t]*:)[ \t]*(.{0,500})$",
    re.I | re.M,
)
# A title may hold one level of brackets ("[Putin's [sic] Plan](#)") but never a "](": two links
# on one line are two links. The href stops at the first bracket or space, so a line full of
# "[a](" is read in linear time.
_LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?:<([^<>]*)>|([^\s()<>]*))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
# A link that lost its closing parenthesis or bracket: "[Title](#", "[Title](https://…", "[Title".
_UNCLOSED_LINK = re.compile(r"\[([^\]]*)(?:\](?:\(\s*<?([^\s()<>]*)>?)?)?\s*")
_ORIGINAL_URL_LABEL = re.compile(
    r"\s*[*_]{0,2}original[ \t]+url[ \t]*:?[*_]{0,2}:?[ \t]*(.*)", re.I
)
# A bare URL may have lost one of its angle brackets: "<https://…" is still the URL.
_URL = re.compile(r"<([^<>\s]+)>|<?((?:https?://|www\.)[^<>\s]+)>?")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]*_]*$")
_HTML_START = re.compile(r"\s*<")
_HTML_MARKERS = ("<!doctype html", "<html", "<head")


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
        from app.ingest.parse_html import parse_html  # BeautifulSoup: loaded for a web page only

        return parse_html(text, encoding)
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
    published = read_date_line(front["date"])[1] if "date" in front else None
    return ParsedArticle(
        title=title,
        published=published or url_date(original_url),
        byline=byline,
        authors=split_authors(byline),
        photo_credit=front.get("photo"),
        paragraphs=tuple(paragraphs),
        related=tuple(related),
        original_url=original_url,
        raw_text=raw,
        encoding=encoding,
        format=fmt,
        date_line=front.get("date"),
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
    elif len(lines) == 1 and len(lines[0]) <= MAX_TITLE_CHARS and HAS_LETTER.search(lines[0]):
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
    if names := byline(line):
        return "byline", names
    if bold := _BOLD_ONLY.fullmatch(line):
        return "photo", _photo_credit(to_plain(bold[2], inline=True))
    if (italic := _ITALIC_ONLY.fullmatch(line)) and (
        _PHOTO_LABEL.match(italic[2]) or _CREDIT_SHAPE.fullmatch(italic[2])
    ):
        return "photo", _photo_credit(to_plain(italic[2], inline=True))
    if read_date_line(line)[0]:
        return "date", line
    return None


def _photo_credit(text: str) -> str:
    """Return a photo credit without its "Photo:" or "Photo by" label."""
    return text[label.end() :] or text if (label := _PHOTO_LABEL.match(text)) else text


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
                related.extend(_related_refs(piece, len(paragraphs)))
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


def _related_refs(text: str, after_paragraph: int) -> list[RelatedRef]:
    """Read what follows "Related article:": one or more Markdown links, or just a title.

    Words around the links (", ", " and ", "(in Russian)") are not part of any title.
    """
    links = list(_LINK.finditer(text))
    if not links:
        return _ref_list(*_unlinked(text), after_paragraph)
    refs = [_ref_list(link[1], link[2] or link[3], after_paragraph) for link in links]
    rest = text[links[-1].end() :]
    if "[" in rest:  # a last link that lost its closing bracket: "[A](#), [B](#"
        refs.append(_ref_list(*_unlinked(rest[rest.index("[") :]), after_paragraph))
    return [ref for found in refs for ref in found]


def _unlinked(text: str) -> tuple[str, str]:
    """Return the title and href of text that holds no whole link: "[Title](#", or a title."""
    if unclosed := _UNCLOSED_LINK.fullmatch(text):
        return unclosed[1], unclosed[2] or ""
    return text, ""


def _ref_list(title: str, href: str, after_paragraph: int) -> list[RelatedRef]:
    """Return the link as a one-item list, or none when its title is blank."""
    title = to_plain(title, inline=True)
    if not title:
        return []
    return [RelatedRef(title, None if href in ("", "#") else href, after_paragraph)]

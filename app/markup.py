"""Render the Markdown of one stored paragraph as safe HTML or as plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.common.utils import escapeHtml, mdTrim
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

# CommonMark with raw HTML off: "<script>" in an article is text and comes out escaped; with
# ~~strikethrough~~, which articles use.
_MD = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")
# Every link and image is parsed, whatever its address, so that `_unwrap` can leave the text of
# one whose address is refused (javascript:…) instead of its raw Markdown.
_MD.validateLink = lambda url: True  # type: ignore[method-assign]

_LINK_REL = "nofollow noopener noreferrer"
# markdown-it's time grows faster than the length on runs of unmatched brackets or asterisks
# (20,000 "[" take over a second). No real paragraph is this long; longer text is shown as is.
MAX_MARKDOWN_CHARS = 10_000

# Anything that can start Markdown syntax; a paragraph without it renders as its own text.
# Kept as one character class plus an anchored match: both scan far faster than alternations.
_SYNTAX = re.compile(r"[\\`*_~\[\]<>&\r\n\x00]")
_BLOCK_START = re.compile(r"\s|[#>+=~-]|\d+[.)]")
# Emphasis in its plainest form ("told *Izvestia*.", "**Name / Agency**"): one or two asterisks
# at the start or after a space, text that begins and ends with a letter or digit, the same
# asterisks, then a space, a stop or the end. CommonMark reads such a pair as emphasis and
# nothing else (the first run can only open, the second only close), so the plain text is the
# text without them: markdown-it took two thirds of the time of making articles' plain text.
_EMPHASIS = re.compile(r"(?:(?<= )|^)(\*\*?)([A-Za-z0-9](?:[^*]*[A-Za-z0-9])?)\1(?=[ .,;:!?)]|\Z)")

# What escape_markdown must neutralise: inline syntax anywhere, block markers at the start.
_INLINE_SPECIAL = re.compile(r"([\\`*_~\[\]<>&])")
_BLOCK_MARKER = re.compile(r"^(\d*)([#>+=~.)-])")


def _link_open(
    renderer: RendererHTML,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    """Render a link that passes no referrer and no ranking to the site it points at."""
    tokens[idx].attrSet("rel", _LINK_REL)
    return renderer.renderToken(tokens, idx, options, env)


_MD.add_render_rule("link_open", _link_open)


def _unwrap(state: StateCore) -> None:
    """Turn images into links to them and drop links whose address is refused or is no address
    (`_refused`), text kept.

    Remote images in article text would be fetched by every reader's browser: an image shows
    as its alt text, linked. The same tokens give the HTML and the plain text, so both agree.
    """
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _unwrapped(block.children)


def _unwrapped(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    links: list[bool] = []  # the links we are inside, each whether its address is refused
    for token in tokens:
        if token.type == "image":
            alt = _unwrapped(token.children or [])
            src = str(token.attrGet("src") or "")
            if links or _refused(src):  # a link inside a link is no link
                found.extend(alt)
            else:
                opening = Token("link_open", "a", 1, attrs={"href": src})
                found.extend([opening, *alt, Token("link_close", "a", -1)])
            continue
        if token.type == "link_open":
            links.append(_refused(str(token.attrGet("href") or "")))
            if links[-1]:
                continue
        elif token.type == "link_close" and links and links.pop():
            continue
        found.append(token)
    return found


def _refused(url: str) -> bool:
    """Whether an address makes no link: a refused scheme, or none at all ("", "#", "#top"),
    which would only jump to the top of the reader's page (the file's anchors are not ours)."""
    return not url.strip() or url.lstrip().startswith("#") or not validateLink(url)


_MD.core.ruler.after("inline", "unwrap", _unwrap)


def to_html(md: str) -> Markup:
    """Render one paragraph's Markdown as safe HTML."""
    if not _needs_markdown(md, inline=False):
        text = mdTrim(md)  # the very trim markdown-it applies, so both paths agree exactly
        return Markup(f"<p>{escapeHtml(text)}</p>\n" if text else "")
    return Markup(_MD.render(md))


def to_plain(md: str, *, inline: bool = False) -> str:
    """Return the text of Markdown without its markup, whitespace collapsed.

    Blocks and list items are separated by newlines. With inline=True the text is read as
    the inside of one line (a heading, a byline), so "1. Foo" stays a number, not a list.
    """
    if not _needs_markdown(md, inline):
        return " ".join(md.split())
    if "*" in md and (inline or not _BLOCK_START.match(md)):
        rest = _EMPHASIS.sub(r"\2", md)
        if not _SYNTAX.search(rest):  # nothing but plain emphasis
            return " ".join(rest.split())
    tokens = _MD.parseInline(md) if inline else _MD.parse(md)
    lines = (_token_text(token) for token in tokens)
    return "\n".join(line for line in lines if line)


def _needs_markdown(md: str, inline: bool) -> bool:
    """Tell whether md has Markdown syntax to process (and is short enough to be safe to)."""
    if len(md) > MAX_MARKDOWN_CHARS:
        return False
    return bool(_SYNTAX.search(md) or (not inline and _BLOCK_START.match(md)))


def _token_text(token: Token) -> str:
    """Return the collapsed text of one block-level token ("" for pure structure)."""
    if token.type in ("code_block", "fence"):
        return " ".join(token.content.split())
    if token.type != "inline":
        return ""
    parts = (
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in token.children or ()
    )
    return " ".join("".join(parts).split())


def escape_markdown(text: str) -> str:
    """Return Markdown source that shows plain text exactly, as one line."""
    line = " ".join(text.split())
    return _BLOCK_MARKER.sub(r"\1\\\2", _INLINE_SPECIAL.sub(r"\\\1", line), count=1)

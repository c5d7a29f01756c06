"""A saved page's article body as Markdown paragraphs, as the text layout stores them.

Paragraphs, lists, block quotes and subheadings are kept as blocks; emphasis and links as
inline Markdown. Every piece of the page's text is escaped, so its HTML stays text.
"""

from __future__ import annotations

import re

from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from app.markup import escape_markdown

BLOCKS = ("p", "ul", "ol", "blockquote", "h2", "h3", "h4", "h5", "h6")
# Page furniture inside an article: its text is no part of the story.
_FURNITURE = frozenset(
    ("nav", "aside", "footer", "form", "figure", "button", "script", "style", "noscript",
     "template", "svg")
)  # fmt: skip
_UNSEEN = frozenset(("script", "style", "noscript", "template", "svg", "img"))
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_BLOCK_MARKER = re.compile(r"^(\d*)([#>+=~.)-])")  # as app.markup escapes a block's start
_WEB_ADDRESS = re.compile(r"https?://\S+", re.I)


def markdown_blocks(container: Tag, furniture: frozenset[str] = _FURNITURE) -> list[str]:
    """Return the container's blocks as Markdown, in order, leaving out furniture and blanks."""
    found = []
    for tag in container.find_all(BLOCKS):
        if not _nested(tag, container, furniture) and (block := _block(tag)):
            found.append(block)
    return found


def page_blocks(body: Tag) -> list[str]:
    """Return the blocks of a page without an <article>: no header, and no menus."""
    blocks = markdown_blocks(body, _FURNITURE | {"header"})
    menus = {_block(tag) for tag in body.find_all(("ul", "ol")) if _is_menu(tag)}
    return [block for block in blocks if block not in menus]


def _nested(tag: Tag, container: Tag, furniture: frozenset[str]) -> bool:
    """Tell whether tag stands inside another block (which keeps it) or in furniture."""
    for parent in tag.parents:
        if parent is container:
            return False
        if parent.name in BLOCKS or parent.name == "li" or parent.name in furniture:
            return True
    return False


def _block(tag: Tag) -> str:
    """Return one block as Markdown, or "" when it holds no text."""
    if tag.name in ("ul", "ol"):
        return "\n".join(_list_lines(tag, ""))
    if tag.name == "blockquote":
        inner = "\n\n".join(markdown_blocks(tag)) or _inline(tag)
        return "\n".join(f"> {line}" if line else ">" for line in inner.splitlines())
    text = _inline(tag)
    if text and tag.name != "p":
        return f"{'#' * int(tag.name[1])} {text}"
    return text


def _list_lines(tag: Tag, indent: str) -> list[str]:
    """Return a list's items as Markdown lines, a nested list indented under its item."""
    lines = []
    start = int(tag["start"]) if tag.name == "ol" and str(tag.get("start", "")).isdigit() else 1
    for number, item in enumerate(tag.find_all("li", recursive=False), start):
        marker = f"{number}." if tag.name == "ol" else "-"
        if text := _inline(item):
            lines.append(f"{indent}{marker} {text}")
        for inner in item.find_all(("ul", "ol"), recursive=False):
            lines += _list_lines(inner, indent + " " * (len(marker) + 1))
    return lines


def _is_menu(tag: Tag) -> bool:
    """Tell whether a list is only links, as a page's menus are."""
    items = tag.find_all("li")
    return bool(items) and all(
        _words(item) == " ".join(_words(link) for link in item.find_all("a")) for item in items
    )


def _words(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _inline(tag: Tag) -> str:
    """Return a tag's text as one line of inline Markdown, nested lists left out."""
    text = " ".join("".join(_inline_parts(tag, in_link=False)).split())
    return _BLOCK_MARKER.sub(r"\1\\\2", text, count=1)  # "1. In 2019" is no list: "1\. In"


def _inline_parts(tag: Tag, in_link: bool) -> list[str]:
    return [_inline_node(node, in_link) for node in tag.children]


def _inline_node(node: PageElement, in_link: bool) -> str:
    """Return one node as inline Markdown: text escaped, emphasis and web links kept."""
    if isinstance(node, NavigableString):
        return "" if isinstance(node, PreformattedString) else _escaped(str(node))
    if not isinstance(node, Tag) or node.name in _UNSEEN or node.name in ("ul", "ol"):
        return ""
    if node.name == "br":
        return " "
    inner = "".join(_inline_parts(node, in_link or node.name == "a"))
    if node.name in _EMPHASIS:
        return _wrapped(inner, _EMPHASIS[node.name], _EMPHASIS[node.name])
    href = str(node.get("href") or "").strip() if node.name == "a" else ""
    if href and not in_link and _WEB_ADDRESS.fullmatch(href):
        address = href.replace("<", "%3C").replace(">", "%3E")
        return _wrapped(inner, "[", f"](<{address}>)")
    return inner


def _wrapped(inner: str, before: str, after: str) -> str:
    """Wrap text in markup, its outer spaces left outside (CommonMark needs it so)."""
    core = inner.strip()
    if not core:
        return inner
    left = inner[: len(inner) - len(inner.lstrip())]
    right = inner[len(inner.rstrip()) :]
    return f"{left}{before}{core}{after}{right}"


def _escaped(text: str) -> str:
    """Escape a piece of a page's text as Markdown, keeping the spaces around it."""
    # The x's keep its outer spaces, and a "." after "</b>" is no block marker to escape:
    # only a block's start is (`_inline`).
    return escape_markdown(f"x{text}x")[1:-1]

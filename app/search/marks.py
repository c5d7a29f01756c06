"""Highlighted text: the database marks matches with sentinels; only those become <mark>."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

START, END = "\x02", "\x03"  # control characters no article text is made of
_MARKED = re.compile(f"{START}([^{START}{END}]*){END}")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def marked(text: str | None) -> Markup:
    """The text HTML-escaped, with each sentinel-wrapped match turned into <mark>…</mark>."""
    if not text:
        return Markup("")
    # A passage may span paragraphs: one line, as a page shows it (JSON showed "\n\n").
    text = _LINE_BREAKS.sub(" ", text)
    escaped = _MARKED.sub(r"<mark>\1</mark>", str(escape(text)))
    # A stray sentinel (one the text itself held) must not survive as a character.
    return Markup(escaped.replace(START, "").replace(END, ""))

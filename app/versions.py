"""An article's versions read again from their raw text, and what changed between two (pure).

The body is compared the way a reader reads it: paragraph by paragraph, as plain text, word by
word inside a paragraph that changed. difflib aligns the paragraphs, pairs a changed paragraph
with the one it became (the most alike, as difflib.Differ pairs lines) and marks its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from app.ingest.parse import parse
from app.ingest.parsed import Rejection, RelatedRef
from app.markup import escape_markdown, to_plain

# Two paragraphs are one paragraph changed when at least this share of their words agree;
# less alike, the old one is shown removed and the new one added.
SAME_PARAGRAPH = 0.5
# What a changed paragraph is compared by: words and single marks of punctuation.
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Text:
    """What a reader sees of one version: its details and its paragraphs."""

    title: str | None  # None: the parser no longer reads this raw text (see `problem`)
    published: date | None
    byline: str | None
    photo_credit: str | None
    original_url: str | None
    paragraphs: tuple[str, ...]  # Markdown, as the article page renders it
    plain: tuple[str, ...]  # the same paragraphs as plain text
    related: tuple[RelatedRef, ...]
    problem: str | None = None  # why the parser refused it


def read(raw_text: str, name: str) -> Text:
    """Parse one version's raw text with today's parser; if it refuses, keep the text as is."""
    parsed = parse(raw_text.encode("utf-8"), name)
    if isinstance(parsed, Rejection):
        blocks = [" ".join(b.split()) for b in raw_text.split("\n\n") if b.strip()]
        paragraphs = tuple(escape_markdown(b) for b in blocks)
        return Text(None, None, None, None, None, paragraphs, tuple(blocks), (), parsed.reason)
    return Text(
        title=parsed.title,
        published=parsed.published,
        byline=parsed.byline,
        photo_credit=parsed.photo_credit,
        original_url=parsed.original_url,
        paragraphs=parsed.paragraphs,
        plain=tuple(to_plain(p) for p in parsed.paragraphs),
        related=parsed.related,
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One detail that differs: its label, and its value before and after (None: none)."""

    label: str
    old: str | date | None
    new: str | date | None


@dataclass(frozen=True, slots=True)
class Words:
    """A run of words: "same", "ins" (inserted) or "del" (deleted)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the body: unchanged paragraphs ("same"), or one paragraph "changed",
    "added" or "removed", as runs of words."""

    kind: str
    words: tuple[Words, ...] = ()
    unchanged: tuple[str, ...] = ()  # the unchanged paragraphs, for a "same" block


@dataclass(frozen=True, slots=True)
class Comparison:
    details: tuple[Change, ...]
    blocks: tuple[Block, ...]

    @property
    def body_changed(self) -> bool:
        return any(block.kind != "same" for block in self.blocks)


def compare(old: Text, new: Text) -> Comparison:
    """What changed from old to new: the details that differ and the body, word by word."""
    # A version the parser refuses has no details to compare, only its text.
    details = () if old.problem or new.problem else _details(old, new)
    return Comparison(details, tuple(_paragraphs(list(old.plain), list(new.plain))))


def _details(old: Text, new: Text) -> tuple[Change, ...]:
    pairs = (
        ("Title", old.title, new.title),
        ("Date", old.published, new.published),
        ("Byline", old.byline, new.byline),
        ("Original URL", old.original_url, new.original_url),
        ("Photo credit", old.photo_credit, new.photo_credit),
        ("Related articles", _titles(old.related), _titles(new.related)),
    )
    return tuple(Change(label, a, b) for label, a, b in pairs if a != b)


def _titles(related: tuple[RelatedRef, ...]) -> str | None:
    return "; ".join(ref.title for ref in related) or None


def _paragraphs(old: list[str], new: list[str]) -> list[Block]:
    """Align the two bodies' paragraphs: runs kept, paragraphs removed, added or changed."""
    found: list[Block] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            found.append(Block("same", unchanged=tuple(old[i1:i2])))
        else:
            found.extend(_replaced(old[i1:i2], new[j1:j2]))
    return found


def _replaced(old: list[str], new: list[str]) -> list[Block]:
    """Pair changed paragraphs with what they became; the rest were removed or added."""
    old_words, new_words = [p.split() for p in old], [p.split() for p in new]
    alike: dict[tuple[int, int], float] = {}
    for j, after in enumerate(new_words):
        matcher = SequenceMatcher(None, b=after, autojunk=False)  # b is indexed once
        for i, before in enumerate(old_words):
            matcher.set_seq1(before)
            # The cheap upper bounds first: most pairs of paragraphs share few words.
            if (
                matcher.real_quick_ratio() < SAME_PARAGRAPH
                or matcher.quick_ratio() < SAME_PARAGRAPH
            ):
                continue
            if (ratio := matcher.ratio()) >= SAME_PARAGRAPH:
                alike[i, j] = ratio
    return _paired(old, new, alike, (0, len(old)), (0, len(new)))


def _paired(
    old: list[str],
    new: list[str],
    alike: dict[tuple[int, int], float],
    rows: tuple[int, int],
    columns: tuple[int, int],
) -> list[Block]:
    """Pair the most alike old and new paragraph in the ranges, then those before and after
    it, as difflib.Differ pairs lines; what finds no partner was removed or added."""
    inside = [
        (ratio, -i, -j)
        for (i, j), ratio in alike.items()
        if rows[0] <= i < rows[1] and columns[0] <= j < columns[1]
    ]
    if not inside:
        removed = [Block("removed", (Words("del", p),)) for p in old[slice(*rows)]]
        added = [Block("added", (Words("ins", p),)) for p in new[slice(*columns)]]
        return removed + added
    _, i, j = max(inside)  # the most alike; of equals, the first
    i, j = -i, -j
    return [
        *_paired(old, new, alike, (rows[0], i), (columns[0], j)),
        Block("changed", tuple(_words(old[i], new[j]))),
        *_paired(old, new, alike, (i + 1, rows[1]), (j + 1, columns[1])),
    ]


def _words(old: str, new: str) -> list[Words]:
    """The runs of text kept, deleted and inserted from one paragraph to the other.

    Words and marks of punctuation are compared apart ("Monday," to "Tuesday," changes one
    word); a run is followed by a space where either version had one.
    """
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    runs: list[Words] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs += _run("same", b[j1:j2], spaced=a[i2 - 1][1] or b[j2 - 1][1])
            continue
        if i2 > i1:
            runs += _run("del", a[i1:i2], spaced=a[i2 - 1][1])
        if j2 > j1:
            runs += _run("ins", b[j1:j2], spaced=b[j2 - 1][1])
    return _joined(runs)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """The words and marks of punctuation of text, each with whether a space follows it."""
    return [(m[0], text[m.end() : m.end() + 1].isspace()) for m in _TOKEN.finditer(text)]


def _run(kind: str, tokens: list[tuple[str, bool]], spaced: bool) -> list[Words]:
    """A run of tokens as written, and the space after it as an unchanged run of its own."""
    *inner, (last, _) = tokens
    text = "".join(token + (" " if space else "") for token, space in inner) + last
    return [Words(kind, text), Words("same", " ")] if spaced else [Words(kind, text)]


def _joined(runs: list[Words]) -> list[Words]:
    """The runs with neighbours of one kind made one."""
    found: list[Words] = []
    for run in runs:
        if found and found[-1].kind == run.kind:
            found[-1] = Words(run.kind, found[-1].text + run.text)
        else:
            found.append(run)
    return found

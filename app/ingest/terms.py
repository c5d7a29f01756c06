"""An article's distinctive terms: the words it repeats, names and title words (pure)."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache

from app.ingest.identity import fold_word

TERMS = 16  # terms kept per article

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")  # the same words in ASCII text, found in 2/3 of the time
# The first word of a sentence or paragraph, whose capital says nothing: after a stop and
# spaces that do not end a line, or at a line's start (two simple scans: one with "^" or a stop
# in an alternation tried at every character took twice as long).
_AFTER_STOP = re.compile(r"[.!?:][\"'\u201d\u2019)]*\s*[^\S\n][\"'\u201c\u2018(]*([^\W\d_]+)")
_LINE_START = re.compile(r"[\"'\u201c\u2018(]*([^\W\d_]+)")
STOPWORDS = frozenset(
    """
    about above according across added adding after again against ago ahead all almost along
    already also although always among and another any are around asked away back because
    been before began behind being below best better between both but came can cannot could
    did does doing done down during each early either else even ever every few first following
    for former from further gave get gets given going good got great had has have having her
    here hers him his how however including into its itself just last late later least less
    like likely little long made main make making many may might more most much must near
    nearly need never new next nor not now off often once one only onto other others our out
    over own part per percent perhaps put rather really said same saw say saying says second
    see seen several shall she should show since some still such take taken than that the
    their theirs them then there these they this those though three through thus time times
    today told too took toward towards two under until upon use used very via was way week
    weeks well went were what when where whether which while who whom whose why will with
    within without would year years yet you your monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december
""".split()
)


@lru_cache(maxsize=65536)
def _term(word: str) -> str | None:
    """The term a word counts as, or None for a short word or a stopword."""
    term = fold_word(word.casefold())
    return None if len(term) < 3 or term in STOPWORDS else term


def _counts(text: str, names: set[str] | None = None) -> dict[str, int]:
    """Each term's count in a text; names (capitalised inside a sentence) also into `names`."""
    # Looked up once per distinct word: this ran for every word of every file, and took
    # nearly half of a worker's time.
    words = Counter((_ASCII_WORD if text.isascii() else _WORD).findall(text))
    counts: dict[str, int] = {}
    opening = _openings(text) if names is not None else {}
    for word, n in words.items():
        term = _term(word)
        if term is None:
            continue
        counts[term] = counts.get(term, 0) + n
        if names is not None and word[0].isupper() and n > opening.get(word, 0):
            names.add(term)
    return counts


def _openings(text: str) -> dict[str, int]:
    """How often each word opens a sentence or a line."""
    opening = Counter(_AFTER_STOP.findall(text))
    for line in text.split("\n"):
        if found := _LINE_START.match(line):
            word = found.group(1)
            opening[word] = opening.get(word, 0) + 1
    return opening


def terms(title: str, body_text: str) -> dict[str, float]:
    """An article's distinctive terms, weighted 0-1: repeated words, names, title words."""
    names: set[str] = set()
    in_body = _counts(body_text, names)
    in_title = _counts(title)
    score = dict(in_body)  # doubled for names, plus 3 a title mention; 3 if only in the title
    for term in names:
        score[term] *= 2
    for term, n in in_title.items():
        score[term] = score[term] + 3 * n if term in in_body else 3
    best = sorted(_contenders(score), key=lambda item: (-item[1], item[0]))[:TERMS]
    top = best[0][1] if best else 1
    return {term: round(value / top, 3) for term, value in best}


def _contenders(score: dict[str, int]) -> list[tuple[str, int]]:
    """The terms that may be among the best: scoring at least the TERMS-th best score
    (ties included), so that only these few are sorted by a key written in Python."""
    if len(score) <= TERMS:
        return list(score.items())
    bar = heapq.nlargest(TERMS, score.values())[-1]
    return [item for item in score.items() if item[1] >= bar]

"""An article's distinctive terms: the words it repeats, names and title words (pure)."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache

from app.ingest.identity import fold_word

TERMS = 16  # terms kept per article

_WORD = re.compile(r"[^\W\d_]+")
# The first word of a sentence or paragraph, whose capital says nothing.
_OPENING = re.compile(r"(?:^|[.!?:][\"'\u201d\u2019)]*\s+)[\"'\u201c\u2018(]*([^\W\d_]+)", re.M)
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
    opening = Counter(_OPENING.findall(text)) if names is not None else Counter()
    counts: dict[str, int] = {}
    for word, n in Counter(_WORD.findall(text)).items():
        term = _term(word)
        if term is None:
            continue
        counts[term] = counts.get(term, 0) + n
        if names is not None and word[0].isupper() and n > opening.get(word, 0):
            names.add(term)
    return counts


def terms(title: str, body_text: str) -> dict[str, float]:
    """An article's distinctive terms, weighted 0-1: repeated words, names, title words."""
    names: set[str] = set()
    in_body = _counts(body_text, names)
    in_title = _counts(title)
    score = {t: n * (2 if t in names else 1) + 3 * in_title.get(t, 0) for t, n in in_body.items()}
    for term in in_title:
        score.setdefault(term, 3)
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

"""Which topics an article is about, from its title and body (pure: text in, topics out).

The text is folded once (lower case, punctuation to spaces, same length, so positions still
point into the original); its words are intersected with the first words of every alias, and
only those are looked for with `str.find`. So an article costs a few passes at C speed however
big the taxonomy. A match must fill whole words and respect the alias's capitals; the longest
match at a place wins ("Papua New Guinea", not "Guinea"). Each match scores by where it stands
(title, first paragraph, rest of the body) and how sure it is: an ambiguous word, a common word
at the start of a sentence or a capital that only says where a meeting was counts only when
something unambiguous confirms the topic. A topic is kept when its score reaches a bar that
rises with the article's length.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from app.taxonomy import Alias, Taxonomy, forms

TITLE, LEAD, BODY = 3.0, 1.5, 1.0  # what a mention scores, by where it stands
PLACE = 0.5  # the share a capital keeps when it only places an event ("talks in Vienna")
SHORT, LONG = 150, 900  # words: a brief needs one mention, a long article three
MAX_MATCHES = 8  # matched words kept per topic, to explain the tag

ANY, EXACT, CAPS = 0, 1, 2  # case rules: lowercase phrase, acronym, capitalised name

# Words before a capital that make it the place of an event rather than a stand-in.
LOCATIVE = frozenset(
    "in at to from near outside via into toward towards around inside across visited visiting "
    "visit arrived landed held hosted".split()
)
# Capitalised words that may stand next to a country's name without making it a person's name.
NOT_NAMES = frozenset(
    "President Prime Minister Foreign Defence Defense Deputy Vice Government Army Navy Air "
    "Armed Forces Force Ministry Parliament Senate Embassy Ambassador King Queen Prince Crown "
    "Chancellor Premier Leader Supreme General Chief Finance Interior Justice State National "
    "Central Bank Security Council Republic Federal Court Border Opposition Police Military "
    "Special Agency Office Airlines Red Coast Guard Basin River Valley Lake Islamic Muslim "
    "Kingdom Royal Electoral Commission Constitutional Health Trade Economy Energy Oil Airport "
    "International Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December".split()
)
_OPENERS = frozenset("\"'“‘«([ \t")
# Folding: ASCII letters to lower case, every other ASCII character but digits to a space;
# then the non-ASCII punctuation news text uses, one character for one.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c >= 128 else 32 for c in range(256)
)
_WIDE_PUNCTUATION = "’‘‚“”„«»‹›–—―‐‑…•·′″\u00a0\u2009\u202f"
_NEXT_WORD = re.compile(r" (\w[\w'’-]*)")
_WORD_AT = re.compile(r" *(\S+)")


@dataclass(frozen=True, slots=True)
class Tag:
    """A topic an article is about, how strongly (0–1), and the words that showed it."""

    slug: str
    weight: float
    matches: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Form:
    """One spelling of one alias: the topic it names and the rules it matches by."""

    topic: int  # index of the topic, -1 for a phrase that names nothing
    text: str
    sense: str
    ambiguous: bool
    common: bool
    person_name: bool
    case: int
    caps: tuple[int, ...]  # offsets of the letters that must be capitals


def _form(topic: int, alias: Alias, text: str) -> _Form:
    letters = [c for c in text if c.isalpha()]
    if not any(c.isupper() for c in letters):
        case, caps = ANY, ()
    elif not any(c.islower() for c in letters):
        case, caps = EXACT, ()
    else:
        words = [m.start() for m in re.finditer(r"\w+", text)]
        case, caps = CAPS, tuple(i for i in words if text[i].isupper())
    return _Form(
        topic, text, alias.sense, alias.ambiguous, alias.common, alias.person_name, case, caps
    )


_Key = tuple[str, tuple[_Form, ...]]  # a folded alias and the forms it may be


@dataclass(slots=True)
class _Score:
    total: float = 0.0
    sure: bool = False  # has a mention that needs no confirmation
    words: dict[str, int] | None = None

    def add(self, points: float, sure: bool, word: str) -> None:
        self.total += points
        self.sure = self.sure or sure
        if self.words is None:
            self.words = {}
        self.words[word] = self.words.get(word, 0) + 1


class Tagger:
    """A taxonomy compiled for matching; build once, tag many articles."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        entries = taxonomy.entries
        index = {e.slug: i for i, e in enumerate(entries)}
        self.slugs = [e.slug for e in entries]
        self.country_of = [index[e.country] if e.country else -1 for e in entries]
        groups: dict[str, dict[_Form, None]] = defaultdict(dict)  # dict: ordered, no repeats
        named = [(i, alias) for i, e in enumerate(entries) for alias in e.aliases]
        named += [(-1, Alias(phrase)) for phrase in taxonomy.ignore]
        for topic, alias in named:
            for text in forms(alias.text):
                key = fold(text).strip()
                if key and len(text.lower()) == len(text):  # case rules compare letter by letter
                    groups[key][_form(topic, alias, text)] = None
        # Keys by their first word: the forms of the one-word key, and the longer keys by
        # their second word, longest first. Articles are matched word by word, so a common
        # first word ("republic", "military") costs one dictionary look-up, not a scan.
        self.first: dict[str, tuple[tuple[_Form, ...], dict[str, list[_Key]]]] = {}
        for key, found in sorted(groups.items(), key=lambda item: -len(item[0])):
            words = key.split()
            alone, longer = self.first.setdefault(words[0], ((), {}))
            if len(words) == 1:
                self.first[words[0]] = (tuple(found), longer)
            else:
                longer.setdefault(words[1], []).append((key, tuple(found)))
        self.first_words = frozenset(self.first)

    def tag(self, title: str, body: str) -> list[Tag]:
        """The topics of an article, strongest first."""
        scores: dict[int, _Score] = defaultdict(_Score)
        confirmed: set[int] = set()
        self._score(title, scores, confirmed, title=True, lead_end=0)
        lead_end = body.find("\n\n")
        self._score(
            body, scores, confirmed, title=False, lead_end=len(body) if lead_end < 0 else lead_end
        )
        for topic, score in scores.items():
            if score.sure and self.country_of[topic] >= 0:
                confirmed.add(self.country_of[topic])
        bar = _bar(len(body.split()))
        tags = [
            Tag(self.slugs[t], _weight(s.total), _top_words(s.words or {}))
            for t, s in scores.items()
            if s.total >= bar and (s.sure or t in confirmed)
        ]
        return sorted(tags, key=lambda tag: (-tag.weight, tag.slug))

    def _score(
        self,
        text: str,
        scores: dict[int, _Score],
        confirmed: set[int],
        title: bool,
        lead_end: int,
    ) -> None:
        """Add up the mentions in one part of the article."""
        if not text:
            return
        capitals_prove_little = title and _title_case(text)
        for start, end, found in self._matches(text):
            points = TITLE if title else LEAD if start < lead_end else BODY
            word = text[start:end]
            for form in found:
                if form.topic < 0:
                    continue
                if form.sense == "context":
                    confirmed.add(form.topic)
                    continue
                sure = not form.ambiguous
                weight = points
                if form.common or form.person_name:
                    if capitals_prove_little or _sentence_start(text, start):
                        sure = False
                    elif form.person_name and _inside_name(text, start, end):
                        continue
                if form.sense == "city" and _only_a_place(text, start, end):
                    sure, weight = False, points * PLACE
                scores[form.topic].add(weight, sure, word)

    def _matches(self, text: str) -> list[tuple[int, int, tuple[_Form, ...]]]:
        """Alias matches filling whole words with the right capitals, longest first at a place."""
        padded = f" {fold(text)} "  # index i + 1 in padded is index i in text
        found = []
        for word in self.first_words.intersection(padded.split()):
            alone, longer = self.first[word]
            needle = f" {word} "
            at = padded.find(needle)
            while at >= 0:
                match = longer and self._longer(text, padded, at, at + len(needle), longer)
                if not match and alone:
                    fitting = tuple(f for f in alone if _case_fits(f, text, at, at + len(word)))
                    match = (at, at + len(word), fitting) if fitting else None
                if match:
                    found.append(match)
                at = padded.find(needle, at + 1)
        found.sort(key=lambda m: (m[0], -m[1]))
        kept = []
        reach = -1
        for match in found:
            if match[0] >= reach:
                kept.append(match)
                reach = match[1]
        return kept

    @staticmethod
    def _longer(
        text: str, padded: str, at: int, after: int, longer: dict[str, list[_Key]]
    ) -> tuple[int, int, tuple[_Form, ...]] | None:
        """The longest key of several words that starts at `at` and fits, if any."""
        second = _WORD_AT.match(padded, after)
        keys = longer.get(second.group(1)) if second else None
        for key, candidates in keys or ():
            end = at + 1 + len(key)
            if padded.startswith(key, at + 1) and padded[end] == " ":
                fitting = tuple(f for f in candidates if _case_fits(f, text, at, end - 1))
                if fitting:
                    return at, end - 1, fitting
        return None


def fold(text: str) -> str:
    """Lower case with every character that is not a letter or digit made a space, one for one."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    folded = (
        lowered.encode("utf-8", "surrogatepass")
        .translate(_ASCII_FOLD)
        .decode("utf-8", "surrogatepass")
    )
    for mark in _WIDE_PUNCTUATION:
        if mark in folded:
            folded = folded.replace(mark, " ")
    return folded


def _case_fits(form: _Form, text: str, start: int, end: int) -> bool:
    if form.case == ANY:
        return True
    if form.case == EXACT:
        return not any(c.islower() for c in text[start:end])
    return all(text[start + i].isupper() for i in form.caps)


def _title_case(title: str) -> bool:
    """Whether most longer words of a headline are capitalised, so capitals prove nothing."""
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether a word that is also a personal name is one here: "Chad Morrison", "Michael
    Jordan" (but not "Chad President Idriss Deby")."""
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[0].isupper() and after.group(1) not in NOT_NAMES:
        return True
    if start < 2 or text[start - 1] != " ":
        return False
    word_start = text.rfind(" ", 0, start - 1) + 1
    before = text[word_start : start - 1]
    return (
        before[:1].isupper()
        and before.isalpha()
        and before not in NOT_NAMES
        and not _sentence_start(text, word_start)
    )


def _only_a_place(text: str, start: int, end: int) -> bool:
    """Whether a capital only says where something happened: "talks in Vienna", a dateline
    ("VIENNA (Reuters) -"), "the Austrian capital, Vienna", "Vienna-based"."""
    if (start == 0 or text[start - 1] == "\n") and text[start:end].isupper():
        return True
    if text.startswith("-based", end):
        return True
    before = text[max(0, start - 40) : start].replace(",", " ").split()
    last = before[-1].lower() if before else ""
    return (
        last in LOCATIVE
        or last == "capital"
        or (last == "of" and _lower(before[-2:-1]) == "capital")
    )


def _lower(words: list[str]) -> str:
    return words[0].lower() if words else ""


def _bar(words: int) -> float:
    """The score a topic needs: one mention in a brief, two in an article, three in a long one."""
    if words <= SHORT:
        return BODY
    return 2 * BODY if words <= LONG else 3 * BODY


def _weight(score: float) -> float:
    """A score as a weight from 0 to 1 that grows quickly at first, then saturates."""
    return round(1 - math.exp(-score / 4), 3)


def _top_words(words: dict[str, int]) -> tuple[str, ...]:
    ranked = sorted(words.items(), key=lambda item: -item[1])  # stable: first seen wins ties
    return tuple(word for word, _ in ranked[:MAX_MATCHES])

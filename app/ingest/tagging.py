"""Which topics an article is about, from its title and body (pure: text in, topics out).

The text is folded once (lower case, punctuation to spaces, one character for one, so
positions still point into the original) and scanned once by an Aho-Corasick automaton of
every alias, each led by a space so that it can only start a word: the cost per article hardly
grows with the taxonomy. A match fills whole words, respects the alias's capitals, and is the
longest at its place ("Papua New Guinea", not "Guinea"). Each match scores by where it stands
(title, first paragraph, rest of the body) and how sure it is: an ambiguous word, a common word at
the start of a sentence or a capital that only says where a meeting was counts only when something
unambiguous confirms the topic. A topic is kept when its score reaches a bar that rises with
the article's length.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

import ahocorasick

from app.taxonomy import Alias, Taxonomy, forms, loaded

TITLE, LEAD, BODY = 3.0, 1.5, 1.0  # what a mention scores, by where it stands
PLACE = 0.5  # the share a capital keeps when it only places an event ("talks in Vienna")
SHORT, LONG = 80, 900  # words: a brief needs one mention, a long article three
MAX_MATCHES = 8  # matched words kept per topic, to explain the tag

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
_NEXT_WORD = re.compile(r" (\w[\w'’-]*)")
# Folding: ASCII letters to lower case, every other ASCII character but digits to a space;
# then the non-ASCII punctuation news text uses, one character for one.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c >= 128 else 32 for c in range(256)
)
_FIRST = (0,)  # the capitals of most names: the first letter only
_WIDE_PUNCTUATION = "’‘‚“”„«»‹›–—―‐‑…•·′″\u00a0\u2009\u202f"


@dataclass(frozen=True, slots=True)
class Tag:
    """A topic an article is about, how strongly (0–1), and the words that showed it."""

    slug: str
    weight: float
    matches: tuple[str, ...]


# A tag as its row stores it: the topic's slug, the weight, the matched words as a JSON list.
# Workers hand these over: a plain tuple costs less to pickle back and to write than a Tag.
TagValues = tuple[str, float, str]


def stored(tags: list[Tag]) -> list[TagValues]:
    """Tags as the values their rows store."""
    return [(tag.slug, tag.weight, matches_json(tag.matches)) for tag in tags]


@lru_cache(maxsize=8192)
def matches_json(matches: tuple[str, ...]) -> str:
    """Matched words as stored, a JSON list (the same few lists recur in many articles)."""
    return json.dumps(matches, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class _Form:
    """One spelling of one alias: the topic it names and the rules it matches by."""

    topic: int  # index of the topic, -1 for a phrase that names nothing
    text: str
    sense: str
    ambiguous: bool
    common: bool
    person_name: bool
    caps: tuple[int, ...]  # where the letters that must be capitals stand in a match
    plain: bool  # a sure mention wherever it stands: none of the rules needs to look at it


@dataclass(frozen=True, slots=True)
class _Key:
    """A folded alias (lower case, punctuation as spaces) and the forms it may be."""

    forms: tuple[_Form, ...]
    # When the key is one form that is plain or a capital (the usual match), its topic,
    # capitals and whether it is a capital: scored without looking at the forms.
    simple: int | None
    caps: tuple[int, ...]
    city: bool
    tail: str  # punctuation the alias ends with, shown in the matched word if the text has it


@dataclass(slots=True)
class _Scan:
    """What one article's mentions add up to so far."""

    totals: defaultdict[int, float] = field(default_factory=lambda: defaultdict(float))
    sure: set[int] = field(default_factory=set)  # topics with a mention that needs no confirming
    unsure: set[int] = field(default_factory=set)  # topics with a mention that needs confirming
    # Topics something confirms: a context word, or a capital that only places an event (it
    # settles which Georgia is meant, but does not make the article about Georgia).
    confirmed: set[int] = field(default_factory=set)
    words: defaultdict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


class Tagger:
    """A taxonomy compiled for matching; build once, tag many articles."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
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
                if key:
                    groups[key][_form(topic, alias, text)] = None
        self.automaton = ahocorasick.Automaton()
        for text, found in groups.items():
            key = _key(tuple(found))
            # A flat tuple: the loop over matches unpacks it faster than it reads attributes.
            caps = _FIRST if key.caps == _FIRST else key.caps
            value = (len(text), key.simple, caps, key.city, key.tail, key)
            self.automaton.add_word(f" {text}", value)
        self.automaton.make_automaton()

    def tag(self, title: str, body: str) -> list[Tag]:
        """The topics of an article, strongest first."""
        scan = _Scan()
        self._score(title, scan, title=True, lead_end=len(title))
        lead_end = body.find("\n\n")
        self._score(body, scan, title=False, lead_end=len(body) if lead_end < 0 else lead_end)
        confirmed = scan.confirmed | {self.country_of[t] for t in scan.sure}
        confirmed &= scan.unsure  # a topic named only as a meeting place stays out
        bar = _bar(body.count(" ") + 1)
        tags = [
            Tag(self.slugs[t], _weight(total), _top_words(scan.words[t]))
            for t, total in scan.totals.items()
            if total >= bar and (t in scan.sure or t in confirmed)
        ]
        return sorted(tags, key=lambda tag: (-tag.weight, tag.slug))

    def _score(self, text: str, scan: _Scan, title: bool, lead_end: int) -> None:
        """Add up the mentions in one part of the article."""
        if not text:
            return
        capitals_prove_little = title and _title_case(text)
        totals, sure, words = scan.totals, scan.sure, scan.words
        first = TITLE if title else LEAD  # what a mention up to lead_end scores
        padded = f" {fold(text)} "  # index i + 1 here is index i in the text
        for last, (size, topic, caps, city, tail, key) in self.automaton.iter_long(padded):
            if padded[last + 1] != " ":  # the alias ends inside a word
                continue
            start = last - size
            if caps:
                if caps is _FIRST:
                    if not text[start].isupper():
                        continue
                elif not all(text[start + i].isupper() for i in caps):
                    continue
            end = last + len(tail) if tail and text.startswith(tail, last) else last
            points = first if start < lead_end else BODY
            if topic is not None:
                if city and _only_a_place(text, start, end):
                    totals[topic] += points * PLACE
                    scan.confirmed.add(topic)
                else:
                    totals[topic] += points
                    sure.add(topic)
                words[topic].append(text[start:end])
                continue
            for form in key.forms:
                if not all(text[start + i].isupper() for i in form.caps):
                    continue
                if form.plain:
                    totals[form.topic] += points
                    sure.add(form.topic)
                    words[form.topic].append(text[start:end])
                elif form.topic >= 0:
                    _score_special(form, text, start, end, points, capitals_prove_little, scan)


@lru_cache(maxsize=4)
def tagger(path: str | None = None) -> Tagger:
    """The tagger of the taxonomy in a folder (default: the package's), compiled once a
    process."""
    return Tagger(loaded(path))


def _form(topic: int, alias: Alias, text: str) -> _Form:
    """A spelling and its rules. An acronym ("NATO", "U.S.") must be all capitals; a name must
    keep the capitals its words start with ("White House", "al-Qaeda"); a phrase in lower case
    matches in any case."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if all(text[i].isupper() for i in letters) and len(letters) > 1:
        caps = tuple(letters)
    else:
        caps = tuple(m.start() for m in re.finditer(r"\w+", text) if text[m.start()].isupper())
    special = alias.ambiguous or alias.common or alias.person_name
    plain = topic >= 0 and not special and alias.sense not in ("city", "context")
    return _Form(
        topic, text, alias.sense, alias.ambiguous, alias.common, alias.person_name, caps, plain
    )


def _key(found: tuple[_Form, ...]) -> _Key:
    found = _merged(found)
    only = found[0]
    city = only.sense == "city" and not (only.ambiguous or only.common or only.person_name)
    simple = len(found) == 1 and (only.plain or city)
    tail = only.text[len(only.text.rstrip(".")) :]
    caps = tuple(i for i in only.caps if all(i in f.caps for f in found))  # what all need
    return _Key(found, only.topic if simple else None, caps, city, tail)


def _merged(found: tuple[_Form, ...]) -> tuple[_Form, ...]:
    """Spellings of one key that name the same topic by the same rules ("NATO", "Nato") as one
    form, needing only the capitals all of them need: a match must count once."""
    merged: dict[tuple, _Form] = {}
    for form in found:
        rules = (form.topic, form.sense, form.ambiguous, form.common, form.person_name)
        same = merged.get(rules)
        if same is not None:
            form = replace(same, caps=tuple(i for i in same.caps if i in form.caps))
        merged[rules] = form
    return tuple(merged.values())


def _score_special(
    form: _Form, text: str, start: int, end: int, points: float, in_title_case: bool, scan: _Scan
) -> None:
    """A mention that may need confirming: an ambiguous or common word, a context word, a
    capital."""
    if form.sense == "context":
        scan.confirmed.add(form.topic)
        return
    sure = not form.ambiguous
    if form.common or form.person_name:
        if in_title_case or _sentence_start(text, start):
            sure = False
        elif form.person_name and _inside_name(text, start, end):
            return
    scan.words[form.topic].append(text[start:end])
    if form.sense == "city" and _only_a_place(text, start, end):
        scan.totals[form.topic] += points * PLACE
        if form.ambiguous:  # "in Washington" may be the state: it confirms nothing
            scan.unsure.add(form.topic)
        else:
            scan.confirmed.add(form.topic)
        return
    scan.totals[form.topic] += points
    (scan.sure if sure else scan.unsure).add(form.topic)


def fold(text: str) -> str:
    """Lower case with every character that is not a letter or digit made a space, one for one."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    encoded = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_FOLD)
    folded = encoded.decode("utf-8", "surrogatepass")
    for mark in _WIDE_PUNCTUATION:
        if mark in folded:
            folded = folded.replace(mark, " ")
    return folded


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
    before = text[max(0, start - 40) : start].replace(",", " ").lower().split()
    last = before[-1] if before else ""
    return last in LOCATIVE or last == "capital" or (last == "of" and before[-2:-1] == ["capital"])


def _bar(words: int) -> float:
    """The score a topic needs: one mention in a brief, two in an article, three in a long one."""
    if words <= SHORT:
        return BODY
    return 2 * BODY if words <= LONG else 3 * BODY


def _weight(score: float) -> float:
    """A score as a weight from 0 to 1 that grows quickly at first, then saturates."""
    return round(1 - math.exp(-score / 4), 3)


def _top_words(words: list[str]) -> tuple[str, ...]:
    """The distinct words that matched, most frequent first (first seen first among equals)."""
    distinct = list(dict.fromkeys(words))
    if len(distinct) > 1:
        distinct.sort(key=words.count, reverse=True)  # stable, even reversed
    return tuple(distinct[:MAX_MATCHES])

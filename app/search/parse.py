"""Read what a person typed into a Query: the best reading of any text, never an error."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

from slugify import slugify

from app.dates import AmbiguousDate, DateError, date_range
from app.search.query import FIELDS, AnyOf, Clause, Query, Term

MAX_CHARS = 1000  # longer text is cut here: no real search needs more
MAX_TERMS = 24  # words and phrases used, the rest noted as left out
MAX_TOKENS = 16  # words kept in one phrase
MIN_PREFIX = 2  # `a*` would match most of the archive and say nothing
DATE_OPERATORS = ("after", "before", "on", "from", "to")
FILTER_OPERATORS = ("source", "topic")

_OPERATOR = "|".join((*FIELDS, *DATE_OPERATORS, *FILTER_OPERATORS))
_LEXEME = re.compile(
    rf"(?P<neg>-*)(?:(?P<op>{_OPERATOR}):)?"
    r'(?:"(?P<quoted>[^"]*)"?(?P<star>\*?)|(?P<bare>[^\s"]*))',
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
# Words as SQLite's unicode61 tokenizer sees them: runs of letters and digits.
_WORD = re.compile(r"[^\W_]+")
_COMBINING = re.compile("[\u0300-\u036f]")
_DATE_PART = re.compile(r"^(\d{1,4}(st|nd|rd|th)?|[a-z]{3,9}\.?),?$", re.IGNORECASE)
MAX_DATE_WORDS = 3  # "2 April 2019"
_LONE_OR = "OR needs a word or phrase on each side; it was left out"
_OR_FILTER = (
    "OR joins words, not source:, topic: or date filters (each filter must hold); it was left out"
)


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One piece of the query as typed: a word or quoted phrase, maybe with an operator."""

    text: str
    quoted: bool = False
    negated: bool = False
    operator: str | None = None
    star: bool = False

    @property
    def keyword(self) -> str | None:
        plain = not (self.quoted or self.negated or self.operator or self.star)
        return self.text if plain and self.text in ("OR", "AND", "NOT") else None


def visible(text: str) -> str:
    """Text bounded and normalised; each run of control, format or space characters a space."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return _SPACE.sub(" ", text).strip()


def clean(text: str) -> str:
    """Text made safe to read: visible, without combining marks or parentheses."""
    text = _COMBINING.sub("", visible(text)).replace("(", " ").replace(")", " ")
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> tuple[str, ...]:
    """The searchable words of a text: letters and digits, everything else separates."""
    return tuple(_WORD.findall(text))


def lex(text: str) -> list[Lexeme]:
    """Split cleaned text into lexemes; every character is consumed, nothing is rejected."""
    lexemes: list[Lexeme] = []
    pos = 0
    while pos < len(text):
        if text[pos] == " ":
            pos += 1
            continue
        m = _LEXEME.match(text, pos)
        if m is None or m.end() == pos:  # cannot happen on cleaned text; never loop forever
            pos += 1
            continue
        pos = m.end()
        bare = m["bare"] or ""
        star = bool(m["star"]) or bare.endswith("*")
        lexemes.append(
            Lexeme(
                text=m["quoted"] if m["quoted"] is not None else bare.rstrip("*"),
                quoted=m["quoted"] is not None,
                negated=bool(m["neg"]),
                operator=m["op"].lower() if m["op"] else None,
                star=star,
            )
        )
    return lexemes


def parse(text: str) -> Query:
    """Read a query; any string gives a Query (perhaps an empty one), never an exception."""
    cleaned = clean(text)
    reader = _Reader(lex(cleaned))
    if len(text) > MAX_CHARS:
        reader.note(f"only the first {MAX_CHARS} characters were read")
    query = reader.read()
    shown = visible(text)
    if query.is_empty and shown and not query.notes:
        # Syntax alone (`(`, `NOT`, `""`): say so rather than seem to have searched.
        # Curly quotes around it: a lone `"` in straight ones read `"""`.
        return replace(query, notes=(f"\u201c{shown}\u201d has no words to search for",))
    return query


class _Reader:
    """Turn lexemes into a Query, left to right, noting what had to be left out."""

    def __init__(self, lexemes: list[Lexeme]) -> None:
        self.lexemes = lexemes
        self.pos = 0
        self.must: list[Clause] = []
        self.exclude: list[Term] = []
        self.sources: list[str] = []
        self.topics: list[str] = []
        self.start: date | None = None
        self.end: date | None = None
        self.notes: list[str] = []
        self.terms = 0

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def read(self) -> Query:
        or_seen = pending_or = negate_next = after_filter = False
        while self.pos < len(self.lexemes):
            lexeme = self.lexemes[self.pos]
            self.pos += 1
            if lexeme.keyword == "OR":
                or_seen, pending_or = True, bool(self.must) and not after_filter
                continue
            if lexeme.keyword == "AND":
                continue  # every word must match anyway
            if lexeme.keyword == "NOT":
                negate_next = True
                continue
            if negate_next:
                lexeme = Lexeme(lexeme.text, lexeme.quoted, True, lexeme.operator, lexeme.star)
                negate_next = False
            if or_seen:
                self._note_or(after_filter or _is_filter(lexeme), pending_or and _is_term(lexeme))
            self._take(lexeme, pending_or)
            or_seen = pending_or = False
            after_filter = _is_filter(lexeme)
        if or_seen:
            self.note(_LONE_OR)
        return Query(
            must=tuple(self.must),
            exclude=tuple(self.exclude),
            sources=tuple(self.sources),
            topics=tuple(self.topics),
            start=self.start,
            end=self.end,
            notes=tuple(self.notes),
        )

    def _note_or(self, beside_filter: bool, joins: bool) -> None:
        """Say why an OR was left out, if it was: it joins two words or phrases only."""
        if beside_filter:
            self.note(_OR_FILTER)
        elif not joins:
            self.note(_LONE_OR)

    def _take(self, lexeme: Lexeme, or_previous: bool) -> None:
        if lexeme.operator in DATE_OPERATORS:
            self._date(lexeme)
        elif lexeme.operator in FILTER_OPERATORS:
            self._filter(lexeme)
        else:
            self._term(lexeme, or_previous)

    def _value(self, lexeme: Lexeme) -> Lexeme | None:
        """An operator's value: its own text, or (`title: word`) the next plain lexeme."""
        if lexeme.text or lexeme.quoted:
            return lexeme
        if self.pos < len(self.lexemes):
            following = self.lexemes[self.pos]
            if following.operator is None and not following.negated and not following.keyword:
                self.pos += 1
                return following
        self.note(f"{lexeme.operator}: had nothing after it; it was left out")
        return None

    def _term(self, lexeme: Lexeme, or_previous: bool) -> None:
        value = self._value(lexeme) if lexeme.operator else lexeme
        if value is None:
            return
        tokens = words(value.text)
        if not tokens:
            if value.text:
                self.note(f"{value.text} has no letters or digits to search for")
            return
        if self.terms >= MAX_TERMS:
            self.note(f"only the first {MAX_TERMS} words and phrases were used")
            return
        self.terms += 1
        if len(tokens) > MAX_TOKENS:
            self.note(f"a phrase was cut to its first {MAX_TOKENS} words")
            tokens = tokens[:MAX_TOKENS]
        term = Term(tokens, self._prefix(value, tokens), lexeme.operator)
        if lexeme.negated:
            self.exclude.append(term)
        elif or_previous:
            self._add_alternative(term)
        else:
            self.must.append(term)

    def _prefix(self, lexeme: Lexeme, tokens: tuple[str, ...]) -> bool:
        if lexeme.star and len(tokens[-1]) < MIN_PREFIX:
            self.note(f"{tokens[-1]}* is too short to search as a prefix; searched as a word")
            return False
        return lexeme.star

    def _add_alternative(self, term: Term) -> None:
        previous = self.must.pop()
        before = previous.terms if isinstance(previous, AnyOf) else (previous,)
        self.must.append(AnyOf((*before, term)))

    def _filter(self, lexeme: Lexeme) -> None:
        value = self._value(lexeme)
        if value is None:
            return
        slug = slugify(value.text, max_length=200)
        if not slug:
            self.note(f"{lexeme.operator}:{value.text} names no {lexeme.operator}; left out")
            return
        if lexeme.negated:
            self.note(f"-{lexeme.operator}: is not supported; {slug} was left out")
            return
        chosen = self.sources if lexeme.operator == "source" else self.topics
        if slug not in chosen:
            chosen.append(slug)

    def _date(self, lexeme: Lexeme) -> None:
        operator = lexeme.operator
        assert operator is not None
        found = self._date_value(lexeme)
        if found is None:
            return
        first, last = found
        if lexeme.negated:
            self.note(f"-{operator}: is not supported; it was left out")
            return
        if operator in ("after", "on", "from"):
            self._narrow_start(_day_after(last) if operator == "after" else first)
        if operator in ("before", "on", "to"):
            self._narrow_end(_day_before(first) if operator == "before" else last)

    def _date_value(self, lexeme: Lexeme) -> tuple[date, date] | None:
        """Read a date; unquoted, it may run on over the next words (`on:2 April 2019`)."""
        if lexeme.quoted or lexeme.text:
            candidates = [lexeme.text]
            if not lexeme.quoted:
                candidates = self._date_candidates(lexeme.text)
        else:
            candidates = self._date_candidates("")
        reason = None
        for extra, text in reversed(list(enumerate(candidates))):
            try:
                found = date_range(text)
            except AmbiguousDate as exc:
                reason = str(exc)
                continue
            except DateError:
                continue
            self.pos += extra
            return found
        if reason:
            self.note(f"{lexeme.operator}: {reason}; left out")
        elif candidates[0]:
            self.note(f"{lexeme.operator}:{candidates[0]} is not a date we can read; left out")
        else:
            self.note(f"{lexeme.operator}: had no date after it; it was left out")
        return None

    def _date_candidates(self, first: str) -> list[str]:
        """`first`, then `first` with each following date-like word added."""
        parts = [first] if first else []
        candidates = [first] if first else []
        for following in self.lexemes[self.pos : self.pos + MAX_DATE_WORDS]:
            if following.operator or following.quoted or following.negated:
                break
            if not _DATE_PART.match(following.text):
                break
            parts.append(following.text)
            candidates.append(" ".join(parts))
        if not first:
            # `on: 2019`: the value starts with the next word, which must then be consumed.
            return ["", *candidates]
        return candidates

    def _narrow_start(self, day: date) -> None:
        self.start = max(self.start, day) if self.start else day

    def _narrow_end(self, day: date) -> None:
        self.end = min(self.end, day) if self.end else day


def _is_filter(lexeme: Lexeme) -> bool:
    return lexeme.operator in (*FILTER_OPERATORS, *DATE_OPERATORS)


def _is_term(lexeme: Lexeme) -> bool:
    return not lexeme.negated and lexeme.operator in (None, *FIELDS)


def _day_after(day: date) -> date:
    return day + timedelta(days=1) if day < date.max else day


def _day_before(day: date) -> date:
    return day - timedelta(days=1) if day > date.min else day

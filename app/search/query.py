"""The query model: what a person asked for, once read, independent of any database."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

FIELDS = ("title",)  # text fields a term may be limited to
KEYWORDS = ("OR", "AND", "NOT")


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must appear in a row (one word, or a phrase), optionally as a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False
    field: str | None = None  # one of FIELDS, or anywhere

    def __str__(self) -> str:
        if len(self.tokens) == 1 and self.tokens[0] not in KEYWORDS:
            text = self.tokens[0]
        else:
            text = '"' + " ".join(self.tokens) + '"'
        return f"{self.field + ':' if self.field else ''}{text}{'*' if self.prefix else ''}"


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Alternatives joined by OR: a row matches when any one of them does."""

    terms: tuple[Term, ...]

    def __str__(self) -> str:
        return " OR ".join(map(str, self.terms))


Clause = Term | AnyOf


@dataclass(frozen=True, slots=True)
class Chosen:
    """The filters chosen beside the words (a form's, a facet's): each one must hold."""

    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    start: date | None = None  # published on or after
    end: date | None = None  # published on or before


@dataclass(frozen=True, slots=True)
class Query:
    """All of `must`, none of `exclude`, within the filters; `notes` say what was left out."""

    must: tuple[Clause, ...] = ()
    exclude: tuple[Term, ...] = ()
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    start: date | None = None  # published on or after
    end: date | None = None  # published on or before
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def has_text(self) -> bool:
        """Whether there are words to match (otherwise the query only browses)."""
        return bool(self.must or self.exclude)

    @property
    def is_empty(self) -> bool:
        return not (self.has_text or self.sources or self.topics or self.start or self.end)

    @property
    def impossible_dates(self) -> bool:
        return self.start is not None and self.end is not None and self.start > self.end

    def wanted(self) -> list[Term]:
        """Every term that may match, alternatives included."""
        return [t for c in self.must for t in (c.terms if isinstance(c, AnyOf) else (c,))]

    def narrowed(self, chosen: Chosen) -> Query:
        """This query within the chosen filters as well (each filter must hold)."""
        start, end = _latest(self.start, chosen.start), _earliest(self.end, chosen.end)
        notes = self.notes
        if start and end and start > end:  # nothing can match: say why rather than just "none"
            notes += (no_day_between(start, end),)
        return replace(
            self,
            sources=_added(self.sources, chosen.sources),
            topics=_added(self.topics, chosen.topics),
            start=start,
            end=end,
            notes=notes,
        )

    def text(self) -> str:
        """The words of the query, in the query language (no filters)."""
        return " ".join([*map(str, self.must), *(f"-{t}" for t in self.exclude)])

    def __str__(self) -> str:
        """The whole query in the query language; parsing it again gives the same query."""
        parts = [self.text()] if self.has_text else []
        parts += [f"source:{s}" for s in self.sources] + [f"topic:{t}" for t in self.topics]
        if self.start:
            parts.append(f"from:{self.start.isoformat()}")
        if self.end:
            parts.append(f"to:{self.end.isoformat()}")
        return " ".join(parts)


def no_day_between(start: date, end: date) -> str:
    """Why dates that exclude each other find nothing."""
    return f"no day is both on or after {start:%-d %B %Y} and on or before {end:%-d %B %Y}"


def _added(values: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    return values + tuple(v for v in dict.fromkeys(more) if v not in values)


def _latest(a: date | None, b: date | None) -> date | None:
    return max(a, b) if a and b else a or b


def _earliest(a: date | None, b: date | None) -> date | None:
    return min(a, b) if a and b else a or b

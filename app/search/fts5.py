"""Compile a Query into SQLite FTS5 MATCH expressions, quoting every word the user typed.

The result is always bound as a parameter, never formatted into SQL. Each token is a quoted
FTS5 string, so nothing a person types can be read as FTS5 syntax (NEAR, column filters, ^).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.search.query import AnyOf, Clause, Query, Term

COLUMNS = {"title": "title"}  # query-language field → FTS5 column


@dataclass(frozen=True, slots=True)
class Match:
    """What a row must match (`include`) and must not match (`exclude`), as FTS5 expressions."""

    include: str | None
    exclude: str | None


def quote(token: str) -> str:
    """One token as an FTS5 string: in double quotes, inner quotes doubled."""
    return '"' + token.replace('"', '""') + '"'


def term(t: Term) -> str:
    """A word or phrase: its tokens in a row, the last one a prefix if asked."""
    phrase = " + ".join(quote(token) for token in t.tokens) + ("*" if t.prefix else "")
    return f"{COLUMNS[t.field]} : ({phrase})" if t.field else phrase


def clause(c: Clause) -> str:
    if isinstance(c, AnyOf):
        return "(" + " OR ".join(term(t) for t in c.terms) + ")"
    return term(c)


def compile_query(query: Query) -> Match:
    """The MATCH expressions of a query; both None when it has no words."""
    exclude = " OR ".join(term(t) for t in query.exclude) or None
    if not query.must:
        return Match(None, exclude)
    include = " AND ".join(clause(c) for c in query.must)
    if exclude:
        include = f"({include}) NOT ({exclude})"
    return Match(include, None)

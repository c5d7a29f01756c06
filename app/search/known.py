"""The topics and sources a search may filter by, and the closest to a name that is none.

`topic:putin` matches no topic (the topic is vladimir-putin): rather than a silent "no
results", the search says so and names the topics or sources the person may have meant, found
by the names, slugs and (for topics) the taxonomy's aliases.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from slugify import slugify
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import counts, queries, taxonomy, topics_store
from app.models import Source, Topic
from app.search.query import Query

MAX_SUGGESTIONS = 3
MAX_HELPED = 3  # unknown filters past these are noted without suggestions
TYPO_CUTOFF = 0.8  # difflib's ratio: "venezula" → venezuela, "rusia" → russia


@dataclass(frozen=True, slots=True)
class Names:
    """One kind's filters: each slug's name, and every key (a slugified name, alias or slug)
    with the slug it stands for."""

    names: dict[str, str]
    keys: dict[str, str]


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str  # "topic" or "source"
    slug: str
    name: str

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}:{self.slug})"


def names(session: Session, kind: str) -> Names:
    """The topics' or sources' names and keys, read once per archive version."""
    return counts.remembered(session, f"search-known-{kind}", lambda: _read(session, kind))


def _read(session: Session, kind: str) -> Names:
    model = Topic if kind == "topic" else Source
    found = dict(session.execute(select(model.slug, model.name)).all())
    keys = {slug: slug for slug in found}
    keys |= {_key(name): slug for slug, name in found.items()}
    if kind == "topic":
        keys |= {_key(alias): slug for alias, slug in _aliases() if slug in found}
    keys.pop("", None)
    return Names(found, keys)


def _aliases() -> Iterable[tuple[str, str]]:
    """Every alias of the taxonomy, with its topic's slug."""
    for entry in taxonomy.loaded(topics_store.taxonomy_path()).entries:
        for alias in entry.aliases:
            yield alias.text, entry.slug


def _key(text: str) -> str:
    return slugify(text, max_length=200)


def closest(given: str, keys: dict[str, str], context: Iterable[str] = ()) -> list[str]:
    """The slugs a person typing `given` most likely meant, best first, at most a few.

    An alias or name spelled so wins; then names holding `given` as whole words ("maduro" in
    nicolas-maduro), those sharing more of the query's other words first; else near spellings.
    """
    found = [keys[given]] if given in keys else []
    words, near = given.split("-"), set(context)
    holding = [k for k in keys if _holds(k.split("-"), words)]
    holding.sort(key=lambda k: (-len(near & set(k.split("-"))), len(k), k))
    found += [keys[k] for k in holding]
    if not found:  # a near spelling only when no name holds it: maduro is not majuro
        found = [keys[k] for k in difflib.get_close_matches(given, keys, 5, TYPO_CUTOFF)]
    return list(dict.fromkeys(found))[:MAX_SUGGESTIONS]


def _holds(parts: list[str], words: list[str]) -> bool:
    """Whether `words` appear in a row among `parts`."""
    n = len(words)
    return any(parts[i : i + n] == words for i in range(len(parts) - n + 1))


def unknown(session: Session, query: Query) -> dict[tuple[str, str], list[Suggestion]]:
    """Each topic or source filter that names none, with what it may have meant."""
    context = {_key(w) for term in query.wanted() for w in term.tokens}
    asked = [("topic", t) for t in query.topics] + [("source", s) for s in query.sources]
    heads = {"topic": queries.topic, "source": queries.source}
    found = {}
    for kind, given in asked:
        if heads[kind](session, given) is None:  # one lookup; every name is read only if need be
            # Matching costs up to 40 ms among 12,000 sources: a few unknown names are helped.
            meant = _meant(session, kind, given, context) if len(found) < MAX_HELPED else []
            found[(kind, given)] = meant
    return found


def _meant(session: Session, kind: str, given: str, context: set[str]) -> list[Suggestion]:
    known = names(session, kind)
    return [Suggestion(kind, s, known.names[s]) for s in closest(given, known.keys, context)]


def note(kind: str, given: str, meant: list[Suggestion]) -> str:
    """What the search says about a filter that names nothing, as a note of the query."""
    said = f"no {kind} is called {given}"
    if meant:
        return f"{said}; perhaps you meant {' or '.join(map(str, meant))}"
    where = "/topics" if kind == "topic" else "/sources"
    return f"{said}; {where} lists every {kind}"

"""The taxonomy: every topic, its kind, parent and aliases, read from TOML files and checked."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from app.ingest.identity import slugify

DATA = Path(__file__).resolve().parent / "data" / "taxonomy"
KINDS = ("country", "region", "person", "organization", "theme")
FILES = ("regions", "countries", "people", "organizations", "themes", "ignore")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "z")

# What each kind of entry may say: anything else is a typo worth reporting.
_KEYS = {
    "country": {"name", "demonyms", "capital", "seats", "aliases", "ambiguous", "common"}
    | {"names", "context"},
    "region": {"name", "parent", "aliases", "ambiguous"},
    "person": {"name", "country", "role", "aliases", "ambiguous"},
    "organization": {"name", "parent", "seat", "aliases", "ambiguous"},
    "theme": {"name", "phrases"},
}


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used, and where the problem is."""


@dataclass(frozen=True, slots=True)
class Alias:
    """One way an article may name a topic, and how far to trust it."""

    text: str
    sense: str = "name"  # name, demonym, city (a capital or seat city), seat, context
    ambiguous: bool = False  # counts only beside an unambiguous mention
    common: bool = False  # also an everyday word: capitals at a sentence start prove nothing
    person_name: bool = False  # also a personal name: never next to another name word


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[Alias, ...] = ()
    code: str | None = None  # a country's ISO 3166-1 alpha-2 code
    country: str | None = None  # the slug of the country a person serves
    role: str | None = None  # what a person is or was


@dataclass(frozen=True)
class Taxonomy:
    entries: tuple[Entry, ...]
    ignore: tuple[str, ...]
    fingerprint: str
    by_slug: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_slug", {e.slug: e for e in self.entries})

    def children(self, slug: str) -> list[Entry]:
        return [e for e in self.entries if e.parent == slug]

    def counts(self) -> dict[str, int]:
        """How many topics of each kind."""
        return {kind: sum(e.kind == kind for e in self.entries) for kind in KINDS}


def spelling_key(text: str) -> str:
    """Lower case without accents: what two aliases must differ in to be different."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def forms(text: str) -> set[str]:
    """The spellings of an alias an article may use: with or without accents, hyphens, curly
    apostrophes."""
    found = {text}
    plain = unicodedata.normalize("NFKD", text)
    plain = unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))
    found.add(plain)
    found |= {f.replace("-", " ") for f in found if "-" in f and not f.endswith("-")}
    found |= {f.replace("'", "\u2019") for f in found if "'" in f}
    return found


def load(path: str | Path | None = None) -> Taxonomy:
    """Read and check the taxonomy in a folder of TOML files (default: the package's own)."""
    folder = Path(path) if path else DATA
    raw: dict[str, dict[str, Any]] = {}
    digest = hashlib.sha256()
    for name in FILES:
        file = folder / f"{name}.toml"
        try:
            data = file.read_bytes()
            raw[name] = tomllib.loads(data.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise TaxonomyError(f"{file}: {exc}") from exc
        digest.update(data)
    entries = [
        *_regions(raw["regions"]),
        *_countries(raw["countries"], raw["regions"]),
        *_organizations(raw["organizations"]),
        *_themes(raw["themes"]),
    ]
    codes = {e.code: e.slug for e in entries if e.code}
    entries += _people(raw["people"], codes)
    ignore = tuple(raw["ignore"].get("phrases", ()))
    taxonomy = Taxonomy(tuple(entries), ignore, digest.hexdigest())
    check(taxonomy)
    return taxonomy


@lru_cache(maxsize=4)
def loaded(path: str | None = None) -> Taxonomy:
    """The taxonomy in a folder, read once a process (changing it takes a restart)."""
    return load(path)


def _table(file: str, key: str, value: Any, kind: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TaxonomyError(f"{file}.toml: {key} should be a table")
    unknown = set(value) - _KEYS[kind]
    if unknown:
        raise TaxonomyError(f"{file}.toml: {key} has unknown keys: {', '.join(sorted(unknown))}")
    return value


def _list(value: Any) -> list[str]:
    """A TOML value that may be one string or a list of them."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _flagged(
    file: str, key: str, table: dict[str, Any], aliases: list[Alias], extra: Iterable[Alias] = ()
) -> tuple[Alias, ...]:
    """Mark the aliases the table lists as ambiguous, common or names; add its context words."""
    ambiguous = set(_list(table.get("ambiguous")))
    names = set(_list(table.get("names")))
    common = set(_list(table.get("common"))) | names
    known = {a.text for a in aliases}
    for word in sorted((ambiguous | common) - known):
        raise TaxonomyError(f"{file}.toml: {key} flags {word!r}, which is not one of its aliases")
    flagged = [
        Alias(
            a.text,
            a.sense,
            ambiguous=a.text in ambiguous,
            common=a.text in common,
            person_name=a.text in names,
        )
        for a in aliases
    ]
    return _unique([*flagged, *extra])


def _unique(aliases: Iterable[Alias]) -> tuple[Alias, ...]:
    seen: dict[tuple[str, str], Alias] = {}
    for alias in aliases:
        seen.setdefault((alias.text, alias.sense), alias)
    return tuple(seen.values())


def _plural(demonym: str) -> list[str]:
    """A demonym and the plural for its people: Russian → Russians, but not Swisss."""
    if demonym.endswith(_NO_PLURAL):
        return [demonym]
    return [demonym, demonym + "s"]


def _regions(data: dict[str, Any]) -> list[Entry]:
    entries = []
    for slug, value in data.items():
        table = _table("regions", slug, value, "region")
        names = [table.get("name", ""), *_list(table.get("aliases"))]
        aliases = _flagged("regions", slug, table, [Alias(n) for n in names])
        entries.append(Entry(slug, table.get("name", ""), "region", table.get("parent"), aliases))
    return entries


def _countries(data: dict[str, Any], regions: dict[str, Any]) -> list[Entry]:
    entries = []
    for region, countries in data.items():
        if region not in regions:
            raise TaxonomyError(f"countries.toml: [{region}] is not a region in regions.toml")
        for code, value in countries.items():
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise TaxonomyError(f"countries.toml: [{region}] {code} is not a two-letter code")
            entries.append(_country(region, code, _table("countries", code, value, "country")))
    return entries


def _country(region: str, code: str, table: dict[str, Any]) -> Entry:
    iso = pycountry.countries.get(alpha_2=code)
    if iso is None and "name" not in table:
        raise TaxonomyError(f"countries.toml: {code} is not an ISO 3166 code; give it a name")
    iso_names = [getattr(iso, a, None) for a in ("name", "common_name", "official_name")]
    name = table.get("name") or (iso_names[1] or iso_names[0] if iso else "")
    names = [name, *(n.removeprefix("the ") for n in iso_names if n and "," not in n)]
    aliases = [Alias(n) for n in [*names, *_list(table.get("aliases"))]]
    aliases += [Alias(d, "demonym") for raw in _list(table.get("demonyms")) for d in _plural(raw)]
    aliases += [Alias(c, "city") for c in _list(table.get("capital"))]
    aliases += [Alias(s, "seat") for s in _list(table.get("seats"))]
    context = [Alias(c, "context") for c in _list(table.get("context"))]
    flagged = _flagged("countries", code, table, aliases, context)
    return Entry(slugify(name), name, "country", region, flagged, code=code)


def _people(data: dict[str, Any], codes: dict[str, str]) -> list[Entry]:
    entries = []
    for slug, value in data.items():
        table = _table("people", slug, value, "person")
        country = codes.get(table.get("country", ""))
        if country is None:
            raise TaxonomyError(f"people.toml: {slug} has no known country code")
        names = [table.get("name", ""), *_list(table.get("aliases"))]
        aliases = _flagged("people", slug, table, [Alias(n) for n in names])
        name = table.get("name", "")
        entries.append(
            Entry(slug, name, "person", None, aliases, country=country, role=table.get("role"))
        )
    return entries


def _organizations(data: dict[str, Any]) -> list[Entry]:
    entries = []
    for slug, value in data.items():
        table = _table("organizations", slug, value, "organization")
        names = [table.get("name", ""), *_list(table.get("aliases"))]
        aliases = [Alias(n) for n in names] + [Alias(s, "city") for s in _list(table.get("seat"))]
        flagged = _flagged("organizations", slug, table, aliases)
        entries.append(
            Entry(slug, table.get("name", ""), "organization", table.get("parent"), flagged)
        )
    return entries


def _themes(data: dict[str, Any]) -> list[Entry]:
    entries = []
    for slug, value in data.items():
        table = _table("themes", slug, value, "theme")
        aliases = _unique(Alias(p) for p in _list(table.get("phrases")))
        entries.append(Entry(slug, table.get("name", ""), "theme", None, aliases))
    return entries


def check(taxonomy: Taxonomy) -> None:
    """Refuse a taxonomy with bad slugs, dangling parents, cycles or clashing aliases."""
    seen: set[str] = set()
    for entry in taxonomy.entries:
        if not SLUG.fullmatch(entry.slug):
            raise TaxonomyError(f"{entry.slug!r} is not a slug (lowercase words and hyphens)")
        if entry.slug in seen:
            raise TaxonomyError(f"{entry.slug!r} is used by two topics")
        if not entry.name:
            raise TaxonomyError(f"{entry.slug} has no name")
        seen.add(entry.slug)
    for entry in taxonomy.entries:
        _check_parent(taxonomy, entry)
    _check_clashes(taxonomy)


def _check_parent(taxonomy: Taxonomy, entry: Entry) -> None:
    chain = [entry.slug]
    parent = entry.parent
    while parent is not None:
        found = taxonomy.by_slug.get(parent)
        if found is None:
            raise TaxonomyError(f"{entry.slug}: parent {parent!r} is not a topic")
        if parent in chain:
            raise TaxonomyError(f"parents go round in a circle: {' → '.join([*chain, parent])}")
        chain.append(parent)
        parent = found.parent


def _check_clashes(taxonomy: Taxonomy) -> None:
    """Two topics may share a spelling only if both treat it as ambiguous (or as context)."""
    owners: dict[str, tuple[str, Alias]] = {}
    for entry in taxonomy.entries:
        for alias in entry.aliases:
            if alias.sense == "context":
                continue
            for form in forms(alias.text):
                key = spelling_key(form)
                other = owners.setdefault(key, (entry.slug, alias))
                if other[0] != entry.slug and not (alias.ambiguous and other[1].ambiguous):
                    raise TaxonomyError(
                        f"{alias.text!r} names both {other[0]} and {entry.slug}: "
                        "mark it ambiguous in both, or keep it in one"
                    )

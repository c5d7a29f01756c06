"""Who an article credits: byline names, the publisher's site and the photo agency."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.ingest.identity import domain, slugify

DATA = Path(__file__).resolve().parent.parent / "data" / "sources.toml"


@dataclass(frozen=True, slots=True)
class Credit:
    slug: str
    name: str
    kind: str  # organization, person, agency or publisher
    domain: str | None = None


@cache
def _known() -> tuple[frozenset[str], dict[str, str]]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return frozenset(n.casefold() for n in data["organizations"]), data["sites"]


def byline_credits(authors: tuple[str, ...]) -> list[Credit]:
    """Each byline name as an organisation (Reuters) or a person."""
    organizations, _ = _known()
    return [
        Credit(slugify(n), n, "organization" if n.casefold() in organizations else "person")
        for n in authors
    ]


def main_source(credits: list[Credit]) -> Credit | None:
    """The source a byline credits: its first organisation, else its first author."""
    return next((c for c in credits if c.kind == "organization"), credits[0] if credits else None)


def publisher(url: str | None) -> Credit | None:
    """The site an original URL belongs to: themoscowtimes.com → The Moscow Times."""
    site = domain(url)
    if not site:
        return None
    _, sites = _known()
    parts = site.split(".")
    # news.bbc.co.uk → bbc.co.uk: try the host, then each parent domain.
    for i in range(len(parts) - 1):
        name = sites.get(".".join(parts[i:]))
        if name:
            return Credit(slugify(name), name, "publisher", ".".join(parts[i:]))
    return Credit(slugify(site), site, "publisher", site)


def photo_agency(photo_credit: str | None) -> Credit | None:
    """The agency after the last slash of a photo credit: "Yuri Smityuk / TASS" → TASS."""
    if not photo_credit or "/" not in photo_credit:
        return None
    name = photo_credit.rsplit("/", 1)[1].strip()
    return Credit(slugify(name), name, "agency") if name else None

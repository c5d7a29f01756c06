"""Who an article credits: byline names, the publisher's site and the photo agency."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.ingest.identity import domain, slugify

DATA = Path(__file__).resolve().parent.parent / "data" / "sources.toml"
_AGENCY_PHOTO = re.compile(r"(.+?)\s+photos?", re.I)  # "AP Photo": AP's own credit form
# Words after the agency that name no one: "Yuri Smityuk / TASS / Handout".
_NO_AGENCY = frozenset(("handout", "pool", "file", "files", "archive", "courtesy"))


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
    """The agency a photo credit names, on either side of a slash: "Yuri Smityuk / TASS",
    "AP Photo/Alexander Zemlianichenko" and "EPA-EFE/Maxim Shipenkov" credit TASS, AP, EPA.

    A known agency wins; else an "X Photo"; else the last name after a slash (the first is
    the photographer's) that is not a word such as "Handout".
    """
    if not photo_credit or "/" not in photo_credit:
        return None  # "Kremlin.ru", "Jane Doe": nothing tells an agency from a photographer
    parts = [part.strip() for part in photo_credit.split("/")]
    name = next((found for part in parts if (found := _known_agency(part))), None)
    name = name or next((m[1] for part in parts if (m := _AGENCY_PHOTO.fullmatch(part))), None)
    if not name:
        others = [part for part in parts[1:] if part and part.casefold() not in _NO_AGENCY]
        name = others[-1] if others else None
    return Credit(slugify(name), name, "agency") if name else None


def _known_agency(part: str) -> str | None:
    """Return the known agency a part of a photo credit names: "TASS", "AP Photo", "EPA-EFE"."""
    organizations, _ = _known()
    stem = photo[1] if (photo := _AGENCY_PHOTO.fullmatch(part)) else part
    for name in (stem, *stem.split("-")):  # "EPA-EFE": EPA and EFE's joint service
        if name.casefold() in organizations:
            return name
    return None

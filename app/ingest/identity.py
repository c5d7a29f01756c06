"""What makes two files the same article, and two titles the same title."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from slugify import slugify as _slugify

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|yclid|mc_cid|mc_eid|ref|ref_src|igshid)$"
)


# Parsing one article asks for the same URL's canonical form four times (identity, content
# hash, column, publisher) and for the same few source names' slugs over and over.
@functools.lru_cache(maxsize=4096)
def canonical_url(url: str | None) -> str | None:
    """https, no `www.`, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip() or url.strip() == "#":
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.hostname or ""
    host = host.removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMS.match(k))
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def domain(url: str | None) -> str | None:
    """The site an URL belongs to, without `www.`."""
    canonical = canonical_url(url)
    return urlsplit(canonical).hostname if canonical else None


@functools.lru_cache(maxsize=4096)
def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII words joined by hyphens (Cyrillic is transliterated)."""
    return _slugify(text, max_length=max_length, word_boundary=True) or "untitled"


# British spellings folded to American ones, so "Training Centre" matches "Training Center".
_SPELLING = dict(
    pair.split(":")
    for pair in """
    centre:center theatre:theater metre:meter litre:liter fibre:fiber calibre:caliber
    defence:defense offence:offense licence:license pretence:pretense colour:color
    honour:honor labour:labor favour:favor rumour:rumor harbour:harbor neighbour:neighbor
    behaviour:behavior endeavour:endeavor vigour:vigor armour:armor programme:program
    catalogue:catalog dialogue:dialog travelled:traveled cancelled:canceled
    jewellery:jewelry grey:gray sceptic:skeptic manoeuvre:maneuver analyse:analyze
""".split()
)
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")
_ISE_KEEP = frozenset(
    """
    advise advised advises advising surprise surprised surprises surprising exercise
    exercised exercises compromise compromised compromises premise premises enterprise
    enterprises otherwise televise televised revise revised revises supervise supervised
    improvise despise franchise merchandise expertise disguise promise promised promises
""".split()
)
_NON_WORD = re.compile(r"[^\w]+")


def fold_word(word: str) -> str:
    """One word in American spelling."""
    if word in _SPELLING:
        return _SPELLING[word]
    if word.endswith("s") and word[:-1] in _SPELLING:
        return _SPELLING[word[:-1]] + "s"
    if word in _ISE_KEEP:
        return word
    return _ISE.sub(r"iz\1", word)


def title_key(title: str) -> str:
    """A title folded for matching: case, accents, quotes, dashes, punctuation and spelling."""
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "").replace("\u2018", "")
    return " ".join(fold_word(w) for w in _NON_WORD.sub(" ", text).split())

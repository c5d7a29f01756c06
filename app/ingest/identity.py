"""What makes two files the same article, and two titles the same title."""

from __future__ import annotations

import functools
import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from breame.spelling import get_american_spelling
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


# Words English spells two ways, folded to the American spelling: breame's dictionary of
# British forms, then -ise/-isation for the verbs it lacks ("Finlandisation").
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")
_ISE_KEEP = frozenset(
    """
    advise advised advises advising surprise surprised surprises surprising exercise
    exercised exercises compromise compromised compromises premise premises enterprise
    enterprises otherwise televise televised revise revised revises supervise supervised
    improvise despise franchise merchandise expertise disguise promise promised promises
    promising advertise advertised advertising raise raised raising praise praised cruise
    bruise noise poise rise rising arise uprising fundraising precise concise demise devise
    comprise comprised chastise paradise treatise
""".split()
)
# Apostrophes vanish ("Venezuela's" is one word); every other non-word character separates.
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4\u2032")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One lower-case word in American spelling."""
    american = get_american_spelling(word)
    if american != word or word in _ISE_KEEP:
        return american
    return _ISE.sub(r"iz\1", word)


@lru_cache(maxsize=65536)
def fold_title(title: str) -> str:
    """A title folded for case, accents, quotes, dashes, punctuation and spacing."""
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    return " ".join(_NON_WORD.sub(" ", text).split())


def title_key(title: str) -> str:
    """A title folded for matching: `fold_title`, then British spelling made American."""
    return " ".join(fold_word(w) for w in fold_title(title).split())

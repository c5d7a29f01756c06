"""A search for the articles nearest a title the archive lacks: titles sharing its words."""

from __future__ import annotations

from app.search.parse import words
from app.search.query import AnyOf, Query, Term
from app.title_match import STOPWORDS


def like_title(title: str) -> str:
    """A search, in the query language, for titles holding any of this one's words.

    A search for every word of a cited title finds nothing unless the archive holds that very
    article (95 of the 730 titles the 10,000-article archive lacks found anything). Any of its
    words but the commonest, in titles, ranked by relevance (rare words weigh most) puts first
    the titles sharing the most of it: the same event in another week, place or number. Lower
    case, so that no word reads as a keyword (OR, NOT).
    """
    found = [w.lower() for w in words(title)]
    # One letter says nothing: the s of "Venezuela's" would match most titles.
    kept = [w for w in dict.fromkeys(found) if w not in STOPWORDS and len(w) > 1] or found[:1]
    terms = tuple(Term((w,), field="title") for w in kept)
    return str(Query(must=(AnyOf(terms),))) if terms else ""

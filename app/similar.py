"""More like this: the articles most like one article, near it in time.

At ingest each article keeps its distinctive terms (`article_term`: the words it repeats, names
counted double, title words more), and each batch adds to how many articles keep each term
(`term_count`). On the page, each term's users nearest in date are read from an index range, so
the work is bounded whatever the archive's size. A term counts as much as it is rare (inverse
document frequency), so "Russia" in a Moscow archive counts for little and a town's name for
much; shared topics add to the score, and distance in time divides it.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    Date,
    Integer,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app import counts
from app.details import Detail
from app.ingest.terms import terms
from app.models import Article, ArticleTerm, TermCount
from app.prepared import Prepared, day

Shown = Article | Detail  # what a page shows; both have an id, a date and weighted topics

SIDE = 20  # neighbours read per term on each side of the article's date
HALF_LIFE = 30  # days after which a neighbour's score is halved
TOPIC_WEIGHT = 0.4  # a shared topic of weight 1 counts as two shared terms no neighbour uses
SHARED = 2  # terms a neighbour must share: one word in common is a coincidence
SHORTLIST = 30  # best candidates by terms, then weighed by time and topics
LIMIT = 5
# The articles an article's page links already: those its text cites as related, and those
# citing it. Offering them again as "More like this" only repeats the page.
LINKED = (
    "SELECT target_id FROM related_link WHERE article_id = :me AND target_id IS NOT NULL"
    " UNION ALL SELECT article_id FROM related_link WHERE target_id = :me"
)
REMEMBERED = 10_000  # articles whose answer is kept (a few hundred bytes each)

_remembered = counts.Memory(REMEMBERED)

INSERT_TERM = ArticleTerm.__table__.insert()
# An article's terms, how many articles keep each, and about how many articles there are.
MY_TERMS = Prepared(
    select(
        ArticleTerm.term,
        ArticleTerm.weight,
        func.coalesce(TermCount.articles, 1),
        select(func.max(Article.id)).scalar_subquery(),
    )
    .outerjoin(TermCount, TermCount.term == ArticleTerm.term)
    .where(ArticleTerm.article_id == bindparam("article_id", type_=Integer))
)
TERMS_OF = select(ArticleTerm.term).where(ArticleTerm.article_id == bindparam("article_id"))
KNOWN_TERMS = select(TermCount.term).where(TermCount.term.in_(bindparam("terms", expanding=True)))
ADD_TO_COUNT = (
    update(TermCount)
    .where(TermCount.term == bindparam("t"))
    .values(articles=TermCount.articles + bindparam("n"))
)
INSERT_COUNT = TermCount.__table__.insert()
DELETE_TERMS = delete(ArticleTerm).where(ArticleTerm.article_id == bindparam("article_id"))


class Similar(NamedTuple):
    """An article offered as more like this."""

    id: int
    title: str
    slug: str
    published: date | None

    @property
    def url(self) -> str:
        return Article.url_of(self.id, self.slug)


def term_rows(
    article_id: int, found: dict[str, float], published: date | None
) -> list[dict[str, Any]]:
    """The article_term rows of one article."""
    return [
        {"article_id": article_id, "term": t, "weight": w, "published": published}
        for t, w in found.items()
    ]


def index_terms(
    conn: Connection,
    article_id: int,
    found: dict[str, float],
    published: date | None,
    replace: bool = False,
    counted: bool = False,
) -> None:
    """Keep an article's terms in step with its text.

    `counted`: its terms are in `term_count` already, so a replacement corrects the counts
    (a new article's terms are counted with its batch's, by `count_terms`).
    """
    if replace:
        if counted:
            deltas = Counter(dict.fromkeys(found, 1))
            deltas.subtract(conn.execute(TERMS_OF, {"article_id": article_id}).scalars().all())
            _add_counts(conn, deltas)
        conn.execute(DELETE_TERMS, {"article_id": article_id})
    if found:
        conn.execute(INSERT_TERM, term_rows(article_id, found, published))


def count_terms(conn: Connection, after: int) -> None:
    """Count the terms of the articles above `after`: a batch's new ones, once per batch."""
    new = conn.execute(
        select(ArticleTerm.term, func.count())
        .where(ArticleTerm.article_id > after)
        .group_by(ArticleTerm.term)
    )
    _add_counts(conn, Counter(dict(new.all())))


def _add_counts(conn: Connection, deltas: Counter[str]) -> None:
    """Add to the count of each term (creating it when new)."""
    names = [t for t, n in deltas.items() if n]
    known: set[str] = set()
    for start in range(0, len(names), 500):
        known.update(conn.execute(KNOWN_TERMS, {"terms": names[start : start + 500]}).scalars())
    changed = [{"t": t, "n": deltas[t]} for t in names if t in known]
    added = [{"term": t, "articles": deltas[t]} for t in names if t not in known and deltas[t] > 0]
    if changed:
        conn.execute(ADD_TO_COUNT, changed)
    if added:
        conn.execute(INSERT_COUNT, added)


def recount_terms(conn: Connection) -> None:
    """Count every term's articles afresh (after a bulk load: one pass over the index)."""
    conn.execute(delete(TermCount))
    conn.execute(
        INSERT_COUNT.from_select(
            ["term", "articles"],
            select(ArticleTerm.term, func.count()).group_by(ArticleTerm.term),
        )
    )


def rebuild(conn: Connection) -> None:
    """Compute every article's terms, and their counts, afresh."""
    conn.execute(delete(ArticleTerm))
    conn.execute(delete(TermCount))
    query = select(Article.id, Article.title, Article.body_text, Article.published)
    last = 0
    while batch := conn.execute(
        query.where(Article.id > last).order_by(Article.id).limit(1000)
    ).all():
        rows = [r for a in batch for r in term_rows(a.id, terms(a.title, a.body_text), a.published)]
        if rows:
            conn.execute(INSERT_TERM, rows)
        last = batch[-1].id
    recount_terms(conn)


@lru_cache(maxsize=64)
def _candidates(terms: int, dated: bool) -> Prepared:
    """One statement scoring the articles that share the most distinctive terms.

    For each term, its users nearest in date on either side (two index ranges), each scoring
    its weight times the term's (`:w`, the article's weight times the term's rarity); the
    candidates sharing the most score highest (but not those the page links already, `LINKED`),
    and each comes with the weights of the topics it shares with this article (the lesser of
    the two weights, summed). Plain SQL built once per shape: through the expression language,
    building and caching the query cost more than running it.
    """
    columns = (
        "SELECT {i} AS k, article_id, weight * :w{i} AS s FROM article_term WHERE term = :t{i}"
    )
    if dated:
        sides = [
            f"{columns} AND published >= :day ORDER BY published LIMIT {SIDE}",
            f"{columns} AND published < :day ORDER BY published DESC LIMIT {SIDE}",
        ]
    else:
        sides = [f"{columns} ORDER BY published DESC LIMIT {2 * SIDE}"]
    hits = " UNION ALL ".join(
        f"SELECT * FROM ({side.format(i=i)}) AS s{i}_{n}"
        for i in range(terms)
        for n, side in enumerate(sides)
    )
    query = text(
        "WITH mine AS (SELECT topic_id, weight FROM article_topic WHERE article_id = :me)"
        " SELECT a.id, a.title, a.slug, a.published, c.score,"
        "  (SELECT total(min(t.weight, m.weight)) FROM mine AS m JOIN article_topic AS t"
        "   ON t.article_id = c.article_id AND t.topic_id = m.topic_id) AS shared"
        " FROM ("
        f" SELECT article_id, sum(s) AS score FROM ({hits}) AS hits WHERE article_id != :me"
        f" AND article_id NOT IN ({LINKED})"
        f" GROUP BY article_id HAVING count(*) >= {SHARED}"
        f" ORDER BY score DESC, article_id LIMIT {SHORTLIST}"
        ") AS c JOIN article AS a ON a.id = c.article_id"
    )
    return Prepared(query.bindparams(bindparam("day", type_=Date)) if dated else query)


def _nearness(day: date | None, other: date | None) -> float:
    if day is None or other is None:
        return 0.5
    return 1 / (1 + abs((day - other).days) / HALF_LIFE)


def more_like_this(session: Session, article: Shown, limit: int = LIMIT) -> list[Similar]:
    """Up to `limit` articles most like this one, best first; never the article itself.

    Remembered per article until the archive changes: finding them reads a few hundred index
    entries, some 3 ms at 100,000 articles.
    """
    return _remembered.get(
        session,
        (article.id, limit),
        lambda: _more_like_this(session, article, limit),
    )


def _more_like_this(session: Session, article: Shown, limit: int) -> list[Similar]:
    conn = session.connection()
    mine = MY_TERMS.rows(conn, {"article_id": article.id})
    if not mine:
        return []
    params: dict[str, Any] = {"me": article.id, "day": article.published}
    for i, (term, weight, users, size) in enumerate(mine):
        params[f"t{i}"], params[f"w{i}"] = term, weight * math.log(1 + size / users)
    scored = []
    for ident, title, slug, published, score, shared in _candidates(
        len(mine), article.published is not None
    ).rows(conn, params):
        published = day(published)
        near = _nearness(article.published, published)
        scored.append(((score + TOPIC_WEIGHT * shared) * near, ident, title, slug, published))
    best = sorted(scored, key=lambda row: (-row[0], row[1]))[:limit]
    return [Similar(*row[1:]) for row in best]

"""More like this: the articles most like one article, near it in time.

At ingest each article keeps its distinctive terms (`article_term`: the words it repeats, names
counted double, title words more). On the page, each term's users nearest in date are read from
an index range, so the work is bounded whatever the archive's size. A term's weight is how rare
it is among those neighbours, so "Russia" in a Moscow archive counts for little and a town's
name for much; shared topics add to the score, and distance in time divides it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, literal, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.ingest.terms import terms
from app.models import Article, ArticleTerm, ArticleTopic

SIDE = 60  # neighbours read per term on each side of the article's date
HALF_LIFE = 30  # days after which a neighbour's score is halved
TOPIC_WEIGHT = 2.0  # a shared topic of weight 1 counts as much as two shared rare terms
SHARED = 2  # terms a neighbour must share: one word in common is a coincidence
SHORTLIST = 30  # best candidates by terms whose topics are then compared
LIMIT = 5

INSERT_TERM = ArticleTerm.__table__.insert()
DELETE_TERMS = delete(ArticleTerm).where(ArticleTerm.article_id == bindparam("article_id"))


class Similar(NamedTuple):
    """An article offered as more like this."""

    id: int
    title: str
    slug: str
    published: date | None

    @property
    def url(self) -> str:
        return f"/articles/{self.id}/{self.slug}"


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
) -> None:
    """Keep an article's terms in step with its text."""
    if replace:
        conn.execute(DELETE_TERMS, {"article_id": article_id})
    if found:
        conn.execute(INSERT_TERM, term_rows(article_id, found, published))


def rebuild(conn: Connection) -> None:
    """Compute every article's terms afresh."""
    conn.execute(delete(ArticleTerm))
    query = select(Article.id, Article.title, Article.body_text, Article.published)
    last = 0
    while batch := conn.execute(
        query.where(Article.id > last).order_by(Article.id).limit(1000)
    ).all():
        rows = [r for a in batch for r in term_rows(a.id, terms(a.title, a.body_text), a.published)]
        if rows:
            conn.execute(INSERT_TERM, rows)
        last = batch[-1].id


def _neighbours(term: str, day: date | None):
    """The articles using a term nearest in date to a day, as one SELECT per side."""
    columns = select(
        literal(term).label("term"),
        ArticleTerm.article_id,
        ArticleTerm.published,
        ArticleTerm.weight,
    ).where(ArticleTerm.term == term)
    if day is None:
        return [columns.order_by(ArticleTerm.published.desc()).limit(2 * SIDE)]
    return [
        columns.where(ArticleTerm.published >= day).order_by(ArticleTerm.published).limit(SIDE),
        columns.where(ArticleTerm.published < day)
        .order_by(ArticleTerm.published.desc())
        .limit(SIDE),
    ]


def _by_terms(
    session: Session, article: Article
) -> tuple[dict[int, float], dict[int, date | None]]:
    """Each neighbour's score from the terms it shares with the article, and its date."""
    mine = dict(
        session.execute(
            select(ArticleTerm.term, ArticleTerm.weight).where(ArticleTerm.article_id == article.id)
        ).all()
    )
    if not mine:
        return {}, {}
    parts = [q.subquery().select() for t in mine for q in _neighbours(t, article.published)]
    rows = session.execute(union_all(*parts)).all()
    users = Counter(row.term for row in rows)
    scores: dict[int, float] = defaultdict(float)
    shared: Counter[int] = Counter()
    dates: dict[int, date | None] = {}
    for term, other, published, weight in rows:
        if other != article.id:
            scores[other] += mine[term] * weight * math.log(1 + 2 * SIDE / users[term])
            shared[other] += 1
            dates[other] = published
    return {
        other: score * _nearness(article.published, dates[other])
        for other, score in scores.items()
        if shared[other] >= SHARED
    }, dates


def _nearness(day: date | None, other: date | None) -> float:
    if day is None or other is None:
        return 0.5
    return 1 / (1 + abs((day - other).days) / HALF_LIFE)


def _topic_bonus(session: Session, article_id: int, others: list[int]) -> dict[int, float]:
    """Each candidate's shared topics, weighed by the lesser of the two weights."""
    rows = session.execute(
        select(ArticleTopic.article_id, ArticleTopic.topic_id, ArticleTopic.weight).where(
            ArticleTopic.article_id.in_([article_id, *others])
        )
    ).all()
    mine = {topic: weight for owner, topic, weight in rows if owner == article_id}
    bonus: dict[int, float] = defaultdict(float)
    for owner, topic, weight in rows:
        if owner != article_id and topic in mine:
            bonus[owner] += TOPIC_WEIGHT * min(weight, mine[topic])
    return bonus


def more_like_this(session: Session, article: Article, limit: int = LIMIT) -> list[Similar]:
    """Up to `limit` articles most like this one, best first; never the article itself."""
    scores, dates = _by_terms(session, article)
    shortlist = sorted(scores, key=lambda a: (-scores[a], a))[:SHORTLIST]
    if not shortlist:
        return []
    for other, extra in _topic_bonus(session, article.id, shortlist).items():
        scores[other] += extra * _nearness(article.published, dates[other])
    best = sorted(shortlist, key=lambda a: (-scores[a], a))[:limit]
    rows = session.execute(
        select(Article.id, Article.title, Article.slug, Article.published).where(
            Article.id.in_(best)
        )
    ).all()
    found = {row.id: Similar(*row) for row in rows}
    return [found[a] for a in best]

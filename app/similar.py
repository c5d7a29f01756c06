""" "More like this": the articles most like one article, near it in time.

At ingest each article keeps its distinctive terms (`article_term`: the words it repeats, names
counted double, title words more). On the page, each term's users nearest in date are read from
an index range, so the work is bounded whatever the archive's size. A term's weight is how rare
it is among those neighbours, so "Russia" in a Moscow archive counts for little and a town's
name for much; shared topics add to the score, and distance in time divides it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import delete, insert, literal, select, union_all
from sqlalchemy.orm import Session

from app.ingest.identity import fold_word
from app.models import Article, ArticleTerm, ArticleTopic

TERMS = 16  # terms kept per article
SIDE = 60  # neighbours read per term on each side of the article's date
HALF_LIFE = 30  # days after which a neighbour's score is halved
TOPIC_WEIGHT = 2.0  # a shared topic of weight 1 counts as much as two shared rare terms
SHARED = 2  # terms a neighbour must share: one word in common is a coincidence
SHORTLIST = 30  # best candidates by terms whose topics are then compared
LIMIT = 5

_WORD = re.compile(r"[^\W\d_]+")
# The first word of a sentence or paragraph, whose capital says nothing.
_OPENING = re.compile(r"(?:^|[.!?:][\"'\u201d\u2019)]*\s+)[\"'\u201c\u2018(]*([^\W\d_]+)", re.M)
STOPWORDS = frozenset(
    """
    about above according across added adding after again against ago ahead all almost along
    already also although always among and another any are around asked away back because
    been before began behind being below best better between both but came can cannot could
    did does doing done down during each early either else even ever every few first following
    for former from further gave get gets given going good got great had has have having her
    here hers him his how however including into its itself just last late later least less
    like likely little long made main make making many may might more most much must near
    nearly need never new next nor not now off often once one only onto other others our out
    over own part per percent perhaps put rather really said same saw say saying says second
    see seen several shall she should show since some still such take taken than that the
    their theirs them then there these they this those though three through thus time times
    today told too took toward towards two under until upon use used very via was way week
    weeks well went were what when where whether which while who whom whose why will with
    within without would year years yet you your monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december
""".split()
)


class Similar(NamedTuple):
    """An article offered as more like this."""

    id: int
    title: str
    slug: str
    published: date | None

    @property
    def url(self) -> str:
        return f"/articles/{self.id}/{self.slug}"


def _counts(text: str, names: Counter[str]) -> Counter[str]:
    """Each term's count in a text; names (capitalised inside a sentence) also into `names`."""
    opening = Counter(_OPENING.findall(text))
    counts: Counter[str] = Counter()
    for word, n in Counter(_WORD.findall(text)).items():
        term = fold_word(word.casefold())
        if len(term) < 3 or term in STOPWORDS:
            continue
        counts[term] += n
        if word[0].isupper() and n > opening[word]:
            names[term] += 1
    return counts


def terms(title: str, body_text: str) -> dict[str, float]:
    """An article's distinctive terms, weighted 0-1: repeated words, names, title words."""
    names: Counter[str] = Counter()
    in_body = _counts(body_text, names)
    in_title = _counts(title, Counter())
    score = {t: n * (2 if names[t] else 1) + 3 * in_title[t] for t, n in in_body.items()}
    for term in in_title:
        score.setdefault(term, 3)
    best = sorted(score.items(), key=lambda item: (-item[1], item[0]))[:TERMS]
    top = best[0][1] if best else 1
    return {term: round(value / top, 3) for term, value in best}


def index_terms(
    session: Session, article_id: int, values: dict[str, Any], replace: bool = False
) -> None:
    """Keep an article's terms in step with its text."""
    if replace:
        session.execute(delete(ArticleTerm).where(ArticleTerm.article_id == article_id))
    found = terms(values["title"], values["body_text"])
    if found:
        session.execute(
            insert(ArticleTerm.__table__),
            [
                {"article_id": article_id, "term": t, "weight": w, "published": values["published"]}
                for t, w in found.items()
            ],
        )


def rebuild(session: Session) -> None:
    """Compute every article's terms afresh."""
    session.execute(delete(ArticleTerm))
    query = select(Article.id, Article.title, Article.body_text, Article.published)
    rows: list[dict[str, Any]] = []
    for article_id, title, body_text, published in session.execute(
        query.execution_options(yield_per=1000)
    ):
        rows += [
            {"article_id": article_id, "term": t, "weight": w, "published": published}
            for t, w in terms(title, body_text).items()
        ]
        if len(rows) >= 20_000:
            session.execute(insert(ArticleTerm.__table__), rows)
            rows = []
    if rows:
        session.execute(insert(ArticleTerm.__table__), rows)


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

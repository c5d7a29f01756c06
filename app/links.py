"""Resolve "Related article" links to the articles the archive holds.

A link resolves, in this order: by canonical URL; by its title folded for case, quotes, dashes,
punctuation and spacing ("title"); by that title with British spelling made American
("spelling"); by a title one typo away ("fuzzy", see `title_match`). Never to the citing article
itself; among several candidates, to the one nearest in date to the citing article.
`RelatedLink.resolved_by` records the step.

At ingest the exact steps run article by article (`resolve_links_of`, `resolve_links_to`); the
typo step runs once at the end of the batch (`resolve_late`), when every exact match of the batch
is known, so a guess never takes the place of an exact match that arrives three files later.
A link whose target arrives in a later ingest resolves then, from the stored link alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import distinct, func, or_, select, update
from sqlalchemy.orm import Session

from app.ingest.identity import fold_title
from app.models import Article, RelatedLink
from app.title_index import Candidate, MemoryTitles, SqlTitles, Titles
from app.title_match import typo_score

STEPS = ("url", "title", "spelling", "fuzzy", "unresolved")  # best first
_FAR = 10**6  # days: a candidate whose distance in time is unknown comes last


class Link(NamedTuple):
    """What resolving one link needs: its title, key and URL, and who cites it when."""

    id: int
    article_id: int
    title: str
    key: str
    url: str | None
    published: date | None


class Mark(NamedTuple):
    """The newest article and link before a batch: what is above them is the batch's."""

    article: int
    link: int

    @classmethod
    def now(cls, session: Session) -> Mark:
        return cls(
            session.scalar(select(func.coalesce(func.max(Article.id), 0))) or 0,
            session.scalar(select(func.coalesce(func.max(RelatedLink.id), 0))) or 0,
        )


def _links_query():
    return select(
        RelatedLink.id,
        RelatedLink.article_id,
        RelatedLink.title,
        RelatedLink.title_key,
        RelatedLink.canonical_href,
        Article.published,
    ).join(Article, Article.id == RelatedLink.article_id)


def nearest(candidates: Sequence[Candidate], day: date | None) -> Candidate:
    """The candidate published nearest to a day (the first one on a tie)."""

    def distance(c: Candidate) -> int:
        return abs((c.published - day).days) if c.published and day else _FAR

    return min(candidates, key=distance)


def title_step(link_title: str, target_title: str) -> str:
    """ "title" when two titles with the same key differ only in form, else "spelling"."""
    return "title" if fold_title(link_title) == fold_title(target_title) else "spelling"


def exact_target(link: Link, titles: Iterable[Titles]) -> tuple[int, str] | None:
    """The target by URL, then by folded title, then with spelling folded too."""
    titles = list(titles)
    if link.url:
        for index in titles:
            found = [c for c in index.by_url(link.url) if c.id != link.article_id]
            if found:
                return found[0].id, "url"
    same_key = [c for index in titles for c in index.by_key(link.key) if c.id != link.article_id]
    if not same_key:
        return None
    same_form = [c for c in same_key if title_step(link.title, c.title) == "title"]
    if same_form:
        return nearest(same_form, link.published).id, "title"
    return nearest(same_key, link.published).id, "spelling"


def typo_target(link: Link, titles: Iterable[Titles]) -> tuple[int, str] | None:
    """The target whose title is one typo from the link's, nearest in date."""
    found = [
        c
        for index in titles
        for c in index.near(link.key)
        if c.id != link.article_id and typo_score(link.key, c.key) is not None
    ]
    return (nearest(found, link.published).id, "fuzzy") if found else None


def find_target(link: Link, titles: Sequence[Titles]) -> tuple[int, str] | None:
    """The article a link names, and the step that found it."""
    return exact_target(link, titles) or typo_target(link, titles)


def resolve_links_of(session: Session, article_id: int) -> None:
    """Point each unresolved link of one article at its target by URL or title."""
    titles = [SqlTitles(session)]
    query = _links_query().where(
        RelatedLink.article_id == article_id, RelatedLink.target_id.is_(None)
    )
    for row in session.execute(query).all():
        found = exact_target(Link(*row), titles)
        if found:
            _point(session, row.id, *found)


def resolve_links_to(session: Session, article_id: int, url: str | None, key: str) -> None:
    """Links that waited for this article, or only guessed, point at it when it arrives."""
    names_it = RelatedLink.title_key == key
    if url:
        names_it = or_(names_it, RelatedLink.canonical_href == url)
    waiting = session.execute(
        select(
            RelatedLink.id, RelatedLink.title, RelatedLink.canonical_href, RelatedLink.resolved_by
        ).where(
            names_it,
            RelatedLink.article_id != article_id,
            or_(RelatedLink.target_id.is_(None), RelatedLink.resolved_by != "url"),
        )
    ).all()
    if not waiting:
        return
    title = session.scalar(select(Article.title).where(Article.id == article_id)) or ""
    for link_id, link_title, href, was in waiting:
        how = "url" if url and href == url else title_step(link_title, title)
        if STEPS.index(how) < STEPS.index(was or "unresolved"):
            _point(session, link_id, article_id, how)


def resolve_late(session: Session, mark: Mark) -> None:
    """After a batch: resolve by typo the links still waiting, against what may match now.

    The batch's new links are compared with the whole archive; links from earlier batches only
    with the batch's new articles (the rest of the archive was tried when they arrived).
    """
    new_articles = MemoryTitles.load(session, after=mark.article)
    older = SqlTitles(session, upto=mark.article)
    waiting = _links_query().where(RelatedLink.target_id.is_(None))
    if not len(new_articles):
        waiting = waiting.where(RelatedLink.id > mark.link)
    for row in session.execute(waiting).all():
        link = Link(*row)
        titles = [new_articles, older] if link.id > mark.link and mark.article else [new_articles]
        found = typo_target(link, titles)
        if found:
            _point(session, link.id, *found)


def resolve_all(session: Session) -> Counter[str]:
    """Resolve every link afresh against the whole archive; count links by step."""
    titles = [MemoryTitles.load(session)]
    counts: Counter[str] = Counter()
    changes = []
    for row in session.execute(_links_query()).all():
        link = Link(*row)
        target, how = find_target(link, titles) or (None, None)
        counts[how or "unresolved"] += 1
        changes.append({"id": link.id, "target_id": target, "resolved_by": how})
    for start in range(0, len(changes), 10_000):
        session.execute(update(RelatedLink), changes[start : start + 10_000])
    return counts


def _point(session: Session, link_id: int, target_id: int, how: str) -> None:
    table = RelatedLink.__table__
    session.execute(
        update(table).where(table.c.id == link_id).values(target_id=target_id, resolved_by=how)
    )


def report(session: Session, limit: int | None = 20) -> dict[str, Any]:
    """How many links resolved, by which step, and the titles the archive lacks, most cited first.

    `limit` caps the list of missing titles (None: all of them); `missing_titles` counts them all.
    """
    by_step = dict(
        session.execute(
            select(RelatedLink.resolved_by, func.count()).group_by(RelatedLink.resolved_by)
        ).all()
    )
    unresolved = by_step.pop(None, 0)
    cited = func.count(distinct(RelatedLink.article_id))
    missing = (
        select(
            func.min(RelatedLink.title), cited, func.max(RelatedLink.href), RelatedLink.title_key
        )
        .where(RelatedLink.target_id.is_(None))
        .group_by(RelatedLink.title_key)
        .order_by(cited.desc(), RelatedLink.title_key)
    )
    total_missing = session.scalar(select(func.count()).select_from(missing.subquery())) or 0
    rows = session.execute(missing.limit(limit) if limit is not None else missing).all()
    return {
        "links": sum(by_step.values()) + unresolved,
        "resolved": sum(by_step.values()),
        "unresolved": unresolved,
        "resolved_by": {step: by_step.get(step, 0) for step in STEPS[:-1]},
        "missing_titles": total_missing,
        "missing": [{"title": t, "cited_by": n, "href": href} for t, n, href, _ in rows],
    }

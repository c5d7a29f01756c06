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
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    FromClause,
    and_,
    bindparam,
    distinct,
    func,
    not_,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from app import title_index
from app.ingest.identity import fold_title
from app.models import Article, RelatedLink
from app.title_index import Candidate, MemoryTitles, SqlTitles, Titles
from app.title_match import close_titles, one_typo_apart

STEPS = ("url", "title", "spelling", "fuzzy", "unresolved")  # best first
_FAR = 10**6  # days: a candidate whose distance in time is unknown comes last

LINK = RelatedLink.__table__
LINKS = select(
    LINK.c.id,
    LINK.c.article_id,
    LINK.c.title,
    LINK.c.title_key,
    LINK.c.canonical_href,
    Article.published,
).join(Article, Article.id == LINK.c.article_id)
UNRESOLVED_OF = LINKS.where(
    LINK.c.article_id == bindparam("article_id"), LINK.c.target_id.is_(None)
)
POINTING_AT = LINKS.where(LINK.c.target_id == bindparam("target"))
CITING = Article.__table__.alias("citing")


def names_itself(citing: FromClause) -> ColumnElement[bool]:
    """Whether a link names the article citing it: by its URL, or, giving none, by its title.

    Such a link never resolves (a page linking to itself), yet the archive holds what it
    names: it is not a missing title.
    """
    return or_(
        and_(LINK.c.canonical_href.is_not(None), LINK.c.canonical_href == citing.c.canonical_url),
        and_(LINK.c.canonical_href.is_(None), LINK.c.title_key == citing.c.title_key),
    )


CURRENT = Article.__table__.alias("current")
# Each link with how it resolved and the date of the article it points to.
LINKS_AND_TARGETS = LINKS.add_columns(LINK.c.resolved_by, CURRENT.c.published).outerjoin(
    CURRENT, CURRENT.c.id == LINK.c.target_id
)
# Links that name an arriving article and have not found one by URL: when they were written,
# and the date of what they point at now.
NAMING = (
    select(
        LINK.c.id,
        LINK.c.title,
        LINK.c.canonical_href,
        LINK.c.resolved_by,
        CITING.c.published,
        CURRENT.c.published,
    )
    .join(CITING, CITING.c.id == LINK.c.article_id)
    .outerjoin(CURRENT, CURRENT.c.id == LINK.c.target_id)
    .where(
        or_(LINK.c.title_key == bindparam("key"), LINK.c.canonical_href == bindparam("url")),
        LINK.c.article_id != bindparam("article_id"),
        or_(LINK.c.target_id.is_(None), LINK.c.resolved_by != "url"),
    )
)
ALL_LINKS = (
    LINKS.where(LINK.c.id > bindparam("after")).order_by(LINK.c.id).limit(bindparam("limit"))
)
RESOLVE_BATCH = 2000  # links resolved together by `resolve_all`
ARRIVING = select(Article.title, Article.published).where(Article.id == bindparam("article_id"))
SET_TARGET = (
    update(LINK)
    .where(LINK.c.id == bindparam("link_id"))
    .values(target_id=bindparam("target"), resolved_by=bindparam("how"))
)


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
    def now(cls, conn: Connection) -> Mark:
        return cls(
            conn.scalar(select(func.coalesce(func.max(Article.id), 0))) or 0,
            conn.scalar(select(func.coalesce(func.max(RelatedLink.id), 0))) or 0,
        )


def days_apart(day: date | None, other: date | None) -> int:
    """How far apart two dates are; unknown dates are as far as can be."""
    return abs((day - other).days) if day and other else _FAR


def nearest(candidates: Sequence[Candidate], day: date | None) -> Candidate:
    """The candidate published nearest to a day (the first one on a tie)."""
    return min(candidates, key=lambda c: days_apart(c.published, day))


def better(step: str, days: int, than_step: str | None, than_days: int) -> bool:
    """Whether a match beats the one a link has: an earlier step, or the same one nearer."""
    rank, than = STEPS.index(step), STEPS.index(than_step or "unresolved")
    return rank < than or (rank == than and days < than_days)


def title_step(link_title: str, target_title: str) -> str:
    """Which step matched two titles of one key: "title" if only their form differs."""
    same = link_title == target_title or fold_title(link_title) == fold_title(target_title)
    return "title" if same else "spelling"


def exact_match(link: Link, titles: Iterable[Titles]) -> tuple[Candidate, str] | None:
    """The target by URL, then by folded title, then with spelling folded too."""
    titles = list(titles)
    if link.url:
        for index in titles:
            found = [c for c in index.by_url(link.url) if c.id != link.article_id]
            if found:
                return found[0], "url"
    same_key = [c for index in titles for c in index.by_key(link.key) if c.id != link.article_id]
    if not same_key:
        return None
    same_form = [c for c in same_key if title_step(link.title, c.title) == "title"]
    if same_form:
        return nearest(same_form, link.published), "title"
    return nearest(same_key, link.published), "spelling"


def typo_match(link: Link, titles: Iterable[Titles]) -> tuple[Candidate, str] | None:
    """The target whose title is one typo from the link's, nearest in date.

    A typo is looked for in the folded titles, then in their written spelling: "Defeence" is
    a typo of "Defence", not of the "defense" it folds to.
    """
    # In id order, whichever indexes hold them: a tie in date goes to the same one always.
    near = sorted({c for index in titles for c in index.near(link.key) if c.id != link.article_id})
    form = fold_title(link.title)
    found = [
        near[i]
        for i in close_titles(link.key, [c.key for c in near])
        if one_typo_apart(link.key, near[i].key) or one_typo_apart(form, fold_title(near[i].title))
    ]
    return (nearest(found, link.published), "fuzzy") if found else None


def resolve_links_of(conn: Connection, article_id: int) -> None:
    """Point each unresolved link of one article at its target by URL or title."""
    titles = [SqlTitles(conn)]
    for row in conn.execute(UNRESOLVED_OF, {"article_id": article_id}).all():
        found = exact_match(Link(*row), titles)
        if found:
            _point(conn, row.id, found[0].id, found[1])


def resolve_links_to(conn: Connection, article_id: int, url: str | None, key: str) -> None:
    """Links this article matches better than what they found before point at it now."""
    waiting = conn.execute(NAMING, {"key": key, "url": url, "article_id": article_id}).all()
    if not waiting:
        return
    title, published = conn.execute(ARRIVING, {"article_id": article_id}).one()
    for link_id, link_title, href, was, citing_day, current_day in waiting:
        how = "url" if url and href == url else title_step(link_title, title)
        days = days_apart(published, citing_day)
        if better(how, days, was, days_apart(current_day, citing_day)):
            _point(conn, link_id, article_id, how)


def resolve_links_from(conn: Connection, article_id: int) -> set[int]:
    """Links pointing at an article whose title or URL changed: resolve them afresh by URL or
    title, and return those left without a target (for the typo step, `resolve_late`)."""
    titles = [SqlTitles(conn)]
    lost = set()
    for row in conn.execute(POINTING_AT, {"target": article_id}).all():
        found = exact_match(Link(*row), titles)
        if found:
            _point(conn, row.id, found[0].id, found[1])
        else:
            conn.execute(SET_TARGET, {"link_id": row.id, "target": None, "how": None})
            lost.add(row.id)
    return lost


def resolve_late(
    conn: Connection,
    mark: Mark,
    older: Sequence[Titles] | None = None,
    retitled: Collection[int] = (),
    lost: Collection[int] = (),
) -> MemoryTitles:
    """After a batch: index its new titles, then look for typos among what may match now.

    The batch's new links, and the `lost` links whose target changed its title, are compared
    with the whole archive; links from earlier batches, unresolved or resolved by a typo, only
    with the batch's new articles and those it `retitled` (the rest of the archive was tried
    when they arrived). `older` holds the articles up to the mark (by default the database; a
    loader may hold some in memory); the batch's are returned.
    """
    new_articles = MemoryTitles.load(conn, after=mark.article)
    title_index.index_titles(conn, new_articles)
    if older is None:
        older = [SqlTitles(conn, upto=mark.article)]
    arrived: list[Titles] = [new_articles]
    if retitled:
        arrived.append(MemoryTitles.load(conn, ids=retitled))
    waiting = LINKS_AND_TARGETS.where(
        or_(LINK.c.target_id.is_(None), LINK.c.resolved_by == "fuzzy")
    )
    if not len(new_articles) and not retitled:
        waiting = waiting.where(or_(LINK.c.id > mark.link, LINK.c.id.in_(lost)))
    for *row, was, current_day in conn.execute(waiting).all():
        link = Link(*row)
        titles = list(arrived)
        if (link.id > mark.link or link.id in lost) and mark.article:
            titles.extend(older)
        found = typo_match(link, titles)
        if found and better(
            "fuzzy",
            days_apart(found[0].published, link.published),
            was,
            days_apart(current_day, link.published),
        ):
            _point(conn, link.id, found[0].id, "fuzzy")
    return new_articles


def resolve_all(conn: Connection) -> Counter[str]:
    """Resolve every link afresh against the whole archive; count links by step.

    A batch of links at a time, so memory stays bounded whatever the archive's size: the
    articles a batch names exactly are read in two indexed statements, and a link none of
    them matches asks the title-word index for titles one typo away.
    """
    everything = [SqlTitles(conn)]
    counts: Counter[str] = Counter()
    last = 0
    while batch := conn.execute(ALL_LINKS, {"after": last, "limit": RESOLVE_BATCH}).all():
        found = [Link(*row) for row in batch]
        named = [title_index.named(conn, {k.url for k in found if k.url}, {k.key for k in found})]
        changes = []
        for link in found:
            target = exact_match(link, named) or typo_match(link, everything)
            how = target[1] if target else None
            counts[how or "unresolved"] += 1
            changes.append({"link_id": link.id, "target": target and target[0].id, "how": how})
        conn.execute(SET_TARGET, changes)
        last = found[-1].id
    return counts


def _point(conn: Connection, link_id: int, target_id: int, how: str) -> None:
    conn.execute(SET_TARGET, {"link_id": link_id, "target": target_id, "how": how})


def report(conn: Connection, limit: int | None = 20) -> dict[str, Any]:
    """How many links resolved, by which step, and the titles the archive lacks, most cited first.

    `limit` caps the list of missing titles (None: all of them); `missing_titles` counts them all;
    `own`, the unresolved links that name their own article, are not among them.
    """
    by_step = dict(
        conn.execute(
            select(RelatedLink.resolved_by, func.count()).group_by(RelatedLink.resolved_by)
        ).all()
    )
    unresolved = by_step.pop(None, 0)
    cited = func.count(distinct(RelatedLink.article_id))
    unresolved_of = LINK.join(CITING, CITING.c.id == LINK.c.article_id)
    own = conn.scalar(
        select(func.count())
        .select_from(unresolved_of)
        .where(LINK.c.target_id.is_(None), names_itself(CITING))
    )
    missing = (
        select(
            func.min(RelatedLink.title), cited, func.max(RelatedLink.href), RelatedLink.title_key
        )
        .select_from(unresolved_of)
        .where(RelatedLink.target_id.is_(None), not_(names_itself(CITING)))
        .group_by(RelatedLink.title_key)
        .order_by(cited.desc(), RelatedLink.title_key)
    )
    total_missing = conn.scalar(select(func.count()).select_from(missing.subquery())) or 0
    rows = conn.execute(missing.limit(limit) if limit is not None else missing).all()
    return {
        "links": sum(by_step.values()) + unresolved,
        "resolved": sum(by_step.values()),
        "unresolved": unresolved,
        "own": own or 0,
        "resolved_by": {step: by_step.get(step, 0) for step in STEPS[:-1]},
        "missing_titles": total_missing,
        "missing": [{"title": t, "cited": n, "href": href} for t, n, href, _ in rows],
    }

"""What the benchmark requests: one declarative list of cases.

A case names our path (or a function of the Sample giving paths, requested in turn) and,
optionally, the same question as one SQL statement with its parameters (in step with the
paths): the SQL then runs on the database file in the same run (the floor) and, with
peer=True, is asked of Datasette over HTTP. To add a page, add a line, e.g.

    Case("topic page", "/topics/russia"),
    Case("search: sanctions", "/api/search?q=sanctions", sql=SEARCH, peer=True,
         params=lambda s: [{"q": "sanctions"}]),
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from app.search.fts5 import compile_query
from app.search.parse import parse
from bench import sql
from bench.http import Client

SAMPLE_SIZE = 50  # articles the article cases rotate over
FIRST_VIEWS = 2000  # other articles, each requested once: pages nothing has remembered yet
DEEP = 10_000  # articles before the deep list page (the 500th page of 20), at most half of all
FIRST_ASKED = 500  # searches of each kind, each asked once: results nothing has remembered yet
# Articles a word is in, as a share of the archive: "kompromat" is in 0.8 %, "russia" in 58 %,
# "venezuela" in 3 % (at 100,000 articles).
RARE, COMMON, LESS_COMMON = (0.004, 0.012), (0.2, 0.6), (0.02, 0.06)


@dataclass(frozen=True)
class Sample:
    """What cases draw their paths from, read once from the database and the API."""

    article_ids: list[int]
    article_paths: list[str]  # each article's own page, /articles/<id>/<slug>
    first_views: list[str]  # pages of other articles, each asked once (a reader's first view)
    deep_cursor: str  # the `after` of the list page DEEP articles down
    deep_depth: int
    cursors: list[str]  # list pages after FIRST_ASKED articles drawn at random, each asked once
    rare_words: list[str]  # words in a few hundred articles each, each searched once
    word_pairs: list[str]  # a common word and a less common one, each pair searched once
    topic: str = "russia"  # the slug of the topic with most articles
    source: str = "reuters"  # the slug of the source most articles come from
    month: str = "2025/09"  # the newest month with articles, as the archive's path has it

    @property
    def deep_params(self) -> dict[str, Any]:
        return _cursor_params(self.deep_cursor)

    @property
    def first_view_ids(self) -> list[int]:
        """The articles of `first_views` from the other end: none the article page has shown."""
        return [int(path.split("/")[2]) for path in reversed(self.first_views)]


def _cursor_params(cursor: str) -> dict[str, Any]:
    published, _, ident = cursor.partition(".")
    return {"published": published, "id": int(ident)}


Paths = str | Callable[[Sample], Sequence[str]]
Params = Callable[[Sample], Sequence[dict[str, Any]]]


@dataclass(frozen=True)
class Case:
    name: str
    path: Paths
    sql: str | None = None
    params: Params | None = None
    peer: bool = False

    def paths(self, sample: Sample) -> Sequence[str]:
        return [self.path] if isinstance(self.path, str) else self.path(sample)

    def param_sets(self, sample: Sample) -> Sequence[dict[str, Any]]:
        return self.params(sample) if self.params else [{}]


def _deep(path: str) -> Callable[[Sample], list[str]]:
    return lambda s: [f"{path}after={quote(s.deep_cursor)}"]


def _api_article(name: str, ids: Callable[[Sample], list[int]]) -> Case:
    """/api/articles/<id> for each of the ids in turn, also as SQL (floor and peer)."""
    return Case(
        name,
        lambda s: [f"/api/articles/{i}" for i in ids(s)],
        sql=sql.ARTICLE,
        params=lambda s: [{"id": i} for i in ids(s)],
        peer=True,
    )


CASES: list[Case] = [
    Case("/healthz (floor)", "/healthz"),
    Case("front page /", "/"),
    Case("list /articles", "/articles"),
    Case("list, deep page", _deep("/articles?")),
    Case("article page", lambda s: s.article_paths),
    Case("article page, first view", lambda s: s.first_views),
    Case("api list", "/api/articles?per_page=20", sql=sql.LIST, peer=True),
    Case(
        "api list (id,title,date SQL)", "/api/articles?per_page=20", sql=sql.LIST_BRIEF, peer=True
    ),
    Case(
        "api list, deep",
        _deep("/api/articles?per_page=20&"),
        sql=sql.LIST_AFTER,
        params=lambda s: [s.deep_params],
        peer=True,
    ),
    _api_article("api article", lambda s: s.article_ids),
    # Pages nothing has remembered yet: each request a list page or an article asked once, the
    # API's from the other end of the sample (the HTML case has asked the first ones).
    Case("list, first view", lambda s: [f"/articles?after={quote(c)}" for c in s.cursors]),
    Case(
        "api list, first view",
        lambda s: [f"/api/articles?per_page=20&after={quote(c)}" for c in s.cursors[::-1]],
        sql=sql.LIST_AFTER,
        params=lambda s: [_cursor_params(c) for c in s.cursors[::-1]],
        peer=True,
    ),
    _api_article("api article, first view", lambda s: s.first_view_ids),
    Case("topic page", lambda s: [f"/topics/{s.topic}"]),
    Case("archive month", lambda s: [f"/archive/{s.month}"]),
    Case("source page", lambda s: [f"/sources/{s.source}"]),
    Case("atom feed", "/feed.atom"),
    Case("api topics", "/api/topics"),
]

# The largest topic, the source most articles name as theirs, the newest month.
BIGGEST = {
    "topic": "SELECT slug FROM topic ORDER BY article_count DESC, slug LIMIT 1",
    "source": "SELECT s.slug FROM article AS a JOIN source AS s ON s.id = a.source_id"
    " GROUP BY s.id ORDER BY count(*) DESC, s.slug LIMIT 1",
    "month": "SELECT strftime('%Y/%m', max(published)) FROM article",
}


def _search(name: str, query: str, args: str = "", **extra: str) -> list[Case]:
    """The search page and /api/search for a query, the API also as SQL (floor and peer)."""
    match = compile_query(parse(query)).include
    statement = sql.SEARCH_DATED if "start" in extra else sql.SEARCH
    if "newest" in args:
        statement = sql.SEARCH_NEWEST
    path = f"search?q={quote(query)}{args}"
    return [
        Case(f"search page: {name}", f"/{path}"),
        Case(
            f"api search: {name}",
            f"/api/{path}",
            sql=statement,
            params=lambda s: [{"q": match, **extra}],
            peer=True,
        ),
    ]


def _first_asked(name: str, queries: Callable[[Sample], list[str]]) -> list[Case]:
    """The search page and /api/search for many queries, each asked once (nothing remembered):
    the API takes them from the other end of the list, none the page has asked. The page is
    timed next to the issue's raw ranked match of the same words, the API next to the SQL
    that answers it whole (the floor and Datasette's)."""
    return [
        Case(
            f"search page: {name}",
            lambda s: [f"/search?q={quote(q)}" for q in queries(s)],
            sql=sql.RAW_SEARCH,
            params=lambda s: [{"q": compile_query(parse(q)).include} for q in queries(s)],
        ),
        Case(
            f"api search: {name}",
            lambda s: [f"/api/search?q={quote(q)}" for q in queries(s)[::-1]],
            sql=sql.SEARCH,
            params=lambda s: [{"q": compile_query(parse(q)).include} for q in queries(s)[::-1]],
            peer=True,
        ),
    ]


# The search mix of the search issue (bench/search.py times the same queries on its own), and
# the topic's JSON and a year of the archive.
CASES += [
    *_search("common word", "russia"),
    *_search("rare word", "kompromat"),
    *_search("two words", "russia venezuela"),
    *_search("phrase", '"human rights"'),
    *_search("prefix", "sanction*"),
    *_search("date range", "ceasefire", "&from=2019&to=2019", start="2019-01-01", end="2019-12-31"),
    *_search("newest first", "kremlin", "&sort=newest"),
    *_first_asked("rare word, first asked", lambda s: s.rare_words),
    *_first_asked("two words, first asked", lambda s: s.word_pairs),
    Case("api topic", lambda s: [f"/api/topics/{s.topic}?per_page=20"]),
    Case("archive year", lambda s: [f"/archive/{s.month[:4]}"]),
]


def sample(database: Path, client: Client, seed: int = 0) -> Sample:
    """Draw articles at random (seeded) and walk the API's `next` links to a deep page."""
    rng = random.Random(seed)
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT id, slug FROM article ORDER BY id").fetchall()
        dated = conn.execute(
            "SELECT published || '.' || id FROM article WHERE published IS NOT NULL ORDER BY id"
        ).fetchall()
        biggest = {k: conn.execute(q).fetchone() for k, q in BIGGEST.items()}
        words = {share: _words(conn, len(rows), share) for share in (RARE, COMMON, LESS_COMMON)}
    if not rows:
        raise RuntimeError("the database holds no articles to measure")
    pairs = [f"{rng.choice(words[COMMON])} {rng.choice(words[LESS_COMMON])}" for _ in words[RARE]]
    drawn = rng.sample(rows, min(SAMPLE_SIZE + FIRST_VIEWS, len(rows)))
    chosen, others = drawn[:SAMPLE_SIZE], drawn[SAMPLE_SIZE:] or drawn
    depth = max(1, min(DEEP, len(rows) // 2))
    return Sample(
        article_ids=[i for i, _ in chosen],
        article_paths=[f"/articles/{i}/{slug}" for i, slug in chosen],
        first_views=[f"/articles/{i}/{slug}" for i, slug in others],
        deep_cursor=_cursor_at(client, depth),
        deep_depth=depth,
        cursors=[c for (c,) in rng.sample(dated, min(FIRST_ASKED, len(dated)))],
        rare_words=rng.sample(words[RARE], min(FIRST_ASKED, len(words[RARE]))),
        word_pairs=list(dict.fromkeys(pairs))[:FIRST_ASKED],
        **{k: row[0] for k, row in biggest.items() if row and row[0]},
    )


def _words(conn: sqlite3.Connection, articles: int, share: tuple[float, float]) -> list[str]:
    """Indexed words (as the index stems them) in that share of the articles, A–Z."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, article_fts, row)"
    )
    low, high = (round(articles * s) for s in share)
    found = conn.execute(
        "SELECT term FROM temp.words WHERE doc BETWEEN ? AND ? ORDER BY term", (low, high)
    )
    return [term for (term,) in found if term.isalpha() and len(term) > 3] or ["kompromat"]


def _cursor_at(client: Client, depth: int) -> str:
    """The `after` cursor that the API's `next` links give `depth` articles down."""
    per_page = min(100, depth)
    path, cursor = f"/api/articles?per_page={per_page}", ""
    for _ in range(depth // per_page):
        path = json.loads(client.get(path).body)["next"]
        cursor = parse_qs(urlsplit(path).query)["after"][0]
    return cursor

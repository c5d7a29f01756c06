"""Benchmark related-article resolution and "More like this" on a generated corpus.

    python -m bench.links [--articles 100000] [--corpus DIR] [--db PATH] [--port 5104]

(a) ingests the corpus into a fresh database, resolution inline, and times the share of it spent
resolving and indexing; (b) times a full re-resolution of every link; checks every link against
the target the generator meant (bench.corpus records it by drawing article k's headline);
(c) serves the archive with gunicorn and times article pages with "More like this" against
/healthz, with one keep-alive client.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.engine import Connection

from app import create_app, db, links, similar, title_index
from app.commands import article_files
from app.ingest.load import ingest
from app.migrate import upgrade
from app.models import Article, RelatedLink
from app.title_index import MemoryTitles
from app.title_match import THRESHOLD
from bench import corpus

TIMED = {
    "links resolved by URL and title, per article": (links, "resolve_links_of"),
    "links waiting for an arriving article, per article": (links, "resolve_links_to"),
    "title index and typo step, end of batch": (links, "resolve_late"),
    "terms for More like this, per article": (similar, "index_terms"),
    "term counts, end of batch": (similar, "count_terms"),
}


@contextmanager
def timers() -> Iterator[dict[str, float]]:
    """Add up the time spent in each function of TIMED while the block runs."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(module, attr) for name, (module, attr) in TIMED.items()}

    def timed(name: str, function: Callable) -> Callable:
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    for name, (module, attr) in TIMED.items():
        setattr(module, attr, timed(name, originals[name]))
    try:
        yield spent
    finally:
        for name, (module, attr) in TIMED.items():
            setattr(module, attr, originals[name])


def fresh_database(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    upgrade(url)
    return url


def ensure_corpus(n: int, folder: Path) -> list[Path]:
    files = article_files((str(folder),)) if folder.exists() else []
    if len(files) != n:
        print(f"writing {n} articles to {folder} …", flush=True)
        corpus.write_corpus(n, folder)
        files = article_files((str(folder),))
    return files


def step_counts(conn: Connection) -> dict[str, int]:
    found = links.report(conn, limit=0)
    return {**found["resolved_by"], "unresolved": found["unresolved"], "links": found["links"]}


def intended_targets(k: int, n: int, seed: int = 0) -> list[int]:
    """The article numbers article k's related lines were drawn from, in reading order."""
    drawn: list[int] = []
    original = corpus.headline

    def record(seed: int, j: int) -> corpus.Headline:
        drawn.append(j)
        return original(seed, j)

    corpus.headline = record
    try:
        corpus.render(seed, k, n)
    finally:
        corpus.headline = original
    return drawn[:0:-1]  # the first draw is article k itself; lines are drawn last first


def number(path: str) -> int:
    return int(Path(path).stem)


def check_against_generator(conn: Connection, n: int) -> tuple[Counter[str], int]:
    """Each link as the generator meant it: right, same title elsewhere, wrong, or missed."""
    numbers = {a: number(p) for a, p in conn.execute(select(Article.id, Article.source_path))}
    present = set(numbers.values())
    rows = conn.execute(
        select(
            RelatedLink.article_id,
            RelatedLink.position,
            RelatedLink.target_id,
            RelatedLink.resolved_by,
        ).order_by(RelatedLink.article_id, RelatedLink.position)
    ).all()
    meant: dict[int, list[int]] = {}
    outcome: Counter[str] = Counter()
    meant_outside = 0
    for article_id, position, target, how in rows:
        k = numbers[article_id]
        if k not in meant:
            meant[k] = intended_targets(k, n)
        want = meant[k][position]
        outside = want >= corpus.EXTERNAL or want not in present
        meant_outside += outside
        if target is None:
            outcome["unresolved, meant outside the corpus" if outside else "MISSED"] += 1
        elif numbers[target] == want:
            outcome[f"{how}: right"] += 1
        elif corpus.headline(0, numbers[target]).title == corpus.headline(0, want).title:
            outcome[f"{how}: same title, another article"] += 1
        elif outside:
            outcome[f"{how}: meant outside, found a namesake"] += 1
        else:
            outcome[f"{how}: WRONG"] += 1
    return outcome, meant_outside


def ratio_only(conn: Connection) -> dict[str, float]:
    """What a ratio threshold alone would do with the links left unresolved and the typo ones."""
    titles = MemoryTitles.load(conn)
    rows = conn.execute(
        select(RelatedLink.article_id, RelatedLink.title_key, RelatedLink.resolved_by).where(
            (RelatedLink.target_id.is_(None)) | (RelatedLink.resolved_by == "fuzzy")
        )
    ).all()
    refused_90 = refused_95 = 0
    typo_scores = []
    for article_id, key, how in rows:
        scores = [fuzz.ratio(key, c.key) for c in titles.near(key) if c.id != article_id]
        best = max(scores, default=0)
        if how == "fuzzy":
            typo_scores.append(best)
        else:
            refused_90 += best >= 90
            refused_95 += best >= 95
    return {
        "unresolved links with a candidate ≥ 90": refused_90,
        "unresolved links with a candidate ≥ 95": refused_95,
        "lowest ratio of a typo match": min(typo_scores, default=0),
        "median ratio of a typo match": statistics.median(typo_scores) if typo_scores else 0,
    }


def p50_ms(connection: http.client.HTTPConnection, paths: list[str]) -> float:
    times = []
    for path in paths:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - start)
        assert response.status == 200, (path, response.status)
    return statistics.median(times) * 1000


def page_timings(url: str, port: int, pages: list[str]) -> dict[str, float]:
    """p50 of the article pages (second visit) and of /healthz: one keep-alive client."""
    env = {**os.environ, "DATABASE_URL": url}
    server = subprocess.Popen(
        [
            Path(sys.executable).with_name("foreign-desk"),
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        connection = _connect(port)
        p50_ms(connection, pages + ["/healthz"] * 50)  # a first pass warms the caches
        return {
            "/healthz p50 ms": p50_ms(connection, ["/healthz"] * len(pages)),
            "article page p50 ms": p50_ms(connection, pages),
        }
    finally:
        server.terminate()
        server.wait()


def _connect(port: int) -> http.client.HTTPConnection:
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return connection
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def more_like_this_ms(app, ids: list[int]) -> float:
    """p50 of the "More like this" query alone, in-process."""
    with app.app_context():
        session = db.session()
        times = []
        for article_id in ids:
            article = session.get(Article, article_id)
            start = time.perf_counter()
            similar.more_like_this(session, article)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def page_cost(app, pages: list[str]) -> dict[str, float]:
    """p50 of each page with and without "More like this", alternating, in-process."""
    client = app.test_client()
    original = similar.more_like_this
    timed: dict[str, list[float]] = defaultdict(list)
    for path in pages:
        for name, function in (("with", original), ("without", lambda *a, **k: [])):
            similar.more_like_this = function
            start = time.perf_counter()
            assert client.get(path).status_code == 200
            timed[name].append(time.perf_counter() - start)
    similar.more_like_this = original
    return {f"page p50 ms {name}": statistics.median(t) * 1000 for name, t in timed.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.links", description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/related-corpus"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/related-bench.db"))
    parser.add_argument("--port", type=int, default=5104)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--keep-db", action="store_true", help="skip (a): reuse the database")
    args = parser.parse_args(argv)
    files = ensure_corpus(args.articles, args.corpus)
    url = f"sqlite:///{args.db}" if args.keep_db else fresh_database(args.db)
    app = create_app({"DATABASE_URL": url})
    with app.app_context():
        session = db.session()
        if not args.keep_db:
            with timers() as spent:
                start = time.perf_counter()
                report = ingest(session, files)
                session.commit()
                took = time.perf_counter() - start
            print(f"(a) ingest of {len(report.added):,} articles: {took:.1f} s")
            for name, seconds in spent.items():
                print(f"      {name}: {seconds:.1f} s")
            print(f"      links by step: {step_counts(session.connection())}")
        conn = session.connection()
        start = time.perf_counter()
        title_index.rebuild(conn)
        rebuilt = time.perf_counter() - start
        start = time.perf_counter()
        counts = links.resolve_all(conn)
        resolved = time.perf_counter() - start
        session.commit()
        print(
            f"(b) title index rebuilt in {rebuilt:.1f} s; every link resolved in {resolved:.1f} s"
        )
        print(f"      links by step: {dict(counts)}")
        outcome, meant_outside = check_against_generator(session.connection(), args.articles)
        print(f"      against the generator: {dict(sorted(outcome.items()))}")
        total = sum(outcome.values())
        unresolved = counts["unresolved"]
        print(
            f"      unresolved {unresolved / total:.1%} of {total:,} links; the generator meant "
            f"{meant_outside / total:.1%} to point outside the corpus"
        )
        print(f"      ratio alone (threshold {THRESHOLD}): {ratio_only(session.connection())}")
        ids = list(session.scalars(select(Article.id)))
        sample = random.Random(0).sample(ids, min(args.pages, len(ids)))
        pages = [session.get(Article, i).url for i in sample]
    print(f"(c) More like this alone: p50 {more_like_this_ms(app, sample):.2f} ms")
    print(f"      in-process, alternating: {page_cost(app, pages)}")
    print(f"      served by gunicorn: {page_timings(url, args.port, pages)}")


if __name__ == "__main__":
    main()

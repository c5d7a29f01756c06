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

from app import create_app, db, links, queries, similar
from app.ingest.identity import title_key
from app.ingest.load import ingest
from app.ingest.walk import article_files
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


def ensure_corpus(n: int, folder: Path) -> list[str]:
    files = article_files((str(folder),)).files if folder.exists() else []
    if len(files) != n:
        print(f"writing {n} articles to {folder} …", flush=True)
        corpus.write_corpus(n, folder)
        files = article_files((str(folder),)).files
    return files


def targets(conn: Connection) -> dict[int, tuple[int | None, str | None]]:
    rows = conn.execute(select(RelatedLink.id, RelatedLink.target_id, RelatedLink.resolved_by))
    return {link: (target, how) for link, target, how in rows}


def step_counts(conn: Connection) -> dict[str, int]:
    found = links.report(conn, limit=0)
    return {**found["resolved_by"], "unresolved": found["unresolved"], "links": found["links"]}


def intended_targets(k: int, n: int, seed: int = 0) -> list[int]:
    """The article numbers article k's related lines were drawn from, in reading order."""
    drawn: list[int] = []
    original = corpus.headline

    def record(seed: int, k: int) -> corpus.Headline:
        drawn.append(k)
        return original(seed, k)

    corpus.headline = record
    try:
        corpus.render(seed, k, n)
    finally:
        corpus.headline = original
    return drawn[:0:-1]  # the first draw is article k itself; lines are drawn last first


def number(path: str) -> int:
    return int(Path(path).stem)


def check_against_generator(
    conn: Connection, n: int
) -> tuple[Counter[str], int, dict[str, list[tuple[str, str | None, str]]]]:
    """Each link as the generator meant it: right, a namesake, wrong, or missed.

    Returns the counts, how many links the generator pointed outside the corpus, and a few
    (cited title, title found, title meant) examples of each outcome that is not right.
    """
    numbers = {a: number(p) for a, p in conn.execute(select(Article.id, Article.source_path))}
    present = set(numbers.values())
    rows = conn.execute(
        select(
            RelatedLink.article_id,
            RelatedLink.position,
            RelatedLink.title,
            RelatedLink.target_id,
            RelatedLink.resolved_by,
        ).order_by(RelatedLink.article_id, RelatedLink.position)
    ).all()
    meant: dict[int, list[int]] = {}
    outcome: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    meant_outside = 0
    for article_id, position, cited, target, how in rows:
        k = numbers[article_id]
        if k not in meant:
            meant[k] = intended_targets(k, n)
        want = meant[k][position]
        wanted = corpus.headline(0, want).title
        got = corpus.headline(0, numbers[target]).title if target is not None else None
        outside = want >= corpus.EXTERNAL or want not in present
        meant_outside += outside
        if outside:
            kind = "unresolved, meant outside" if got is None else f"{how}: meant outside, namesake"
        elif got is None:
            kind = "MISSED"
        elif target is not None and numbers[target] == want:
            kind = f"{how}: right"
        elif title_key(got) == title_key(wanted):
            kind = f"{how}: same title, another article"
        else:
            kind = f"{how}: WRONG"
        outcome[kind] += 1
        if "right" not in kind and "unresolved" not in kind and len(examples[kind]) < 3:
            examples[kind].append((cited, got, wanted))
    return outcome, meant_outside, examples


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


def more_like_this_ms(app, ids: list[int]) -> dict[str, float]:
    """p50 of the "More like this" query alone, in-process: first and second time asked."""
    with app.app_context():
        session = db.session()
        times: dict[str, list[float]] = defaultdict(list)
        for article_id in ids:
            article = queries.article(session, article_id)  # as the page loads it
            assert article is not None
            for visit in ("first", "second"):
                start = time.perf_counter()
                similar.more_like_this(session, article)
                times[visit].append(time.perf_counter() - start)
    return {f"p50 ms, {visit} time": statistics.median(t) * 1000 for visit, t in times.items()}


def page_cost(app, pages: list[str]) -> dict[str, float]:
    """p50 of each page with and without "More like this", in-process, caches warmed first."""
    client = app.test_client()
    original = similar.more_like_this
    without = {"with": original, "without": lambda *args, **kwargs: []}
    timed: dict[str, list[float]] = defaultdict(list)
    for n, path in enumerate(pages):
        assert client.get(path).status_code == 200
        for name in sorted(without, reverse=n % 2 == 1):  # alternate which goes first
            similar.more_like_this = without[name]
            start = time.perf_counter()
            client.get(path)
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
                start, cpu = time.perf_counter(), time.process_time()
                with db.engine().connect() as conn:
                    report = ingest(conn, files)
                took, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(
                f"(a) ingest of {len(report.added):,} articles: {took:.1f} s "
                f"({cpu:.1f} s of CPU in the loading process; parsing runs in workers)"
            )
            for name, seconds in spent.items():
                print(f"      {name}: {seconds:.1f} s")
            print(f"      links by step: {step_counts(session.connection())}")
        inline = targets(session.connection())
        start, cpu = time.perf_counter(), time.process_time()
        counts = links.resolve_all(session.connection())
        session.commit()
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"(b) every link resolved afresh: {took:.1f} s ({cpu:.1f} s of CPU)")
        print(f"      links by step: {dict(counts)}")
        found = targets(session.connection())
        moved = sum(1 for link, target in found.items() if inline.get(link) != target)
        print(f"      links whose target or step differs from the ingest's: {moved:,}")
        outcome, meant_outside, examples = check_against_generator(
            session.connection(), args.articles
        )
        print("      against the generator:")
        for kind, count in sorted(outcome.items()):
            print(f"        {kind}: {count:,}")
            for cited, got, wanted in examples.get(kind, []):
                print(f"          cited {cited!r}: found {got!r}, meant {wanted!r}")
        total = sum(outcome.values())
        unresolved = counts["unresolved"]
        print(
            f"      unresolved {unresolved / total:.1%} of {total:,} links; the generator meant "
            f"{meant_outside / total:.1%} to point outside the corpus"
        )
        print(f"      ratio alone (threshold {THRESHOLD}): {ratio_only(session.connection())}")
        ids = list(session.scalars(select(Article.id)))
        sample = random.Random(0).sample(ids, min(args.pages, len(ids)))
        slugs = dict(
            session.execute(select(Article.id, Article.slug).where(Article.id.in_(sample))).all()
        )
        pages = [f"/articles/{i}/{slugs[i]}" for i in sample]
    print(f"(c) More like this alone: {more_like_this_ms(app, sample)}")
    print(f"      in-process, alternating: {page_cost(app, pages)}")
    print(f"      served by gunicorn: {page_timings(url, args.port, pages)}")


if __name__ == "__main__":
    main()

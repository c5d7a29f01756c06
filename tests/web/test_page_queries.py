"""The pages' queries: a fixed number per page whatever its length, each on an index."""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event

from tests.conftest import article_text, write


@contextmanager
def statements(app):
    """Collect (sql, parameters) of every question put to SQLite inside the block.

    Recorded by the driver (its values written into the SQL), so statements the pages send
    straight to the cursor are counted too; BEGIN, COMMIT and ROLLBACK are left out.
    """
    seen: list[tuple[str, object]] = []

    def record(sql: str) -> None:
        # "-- …": a statement SQLite runs inside another (a table-valued pragma's).
        if sql.split(None, 1)[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK", "--"):
            seen.append((sql, ()))

    def trace(dbapi_connection, _record, _proxy=None):
        dbapi_connection.set_trace_callback(record)

    def untrace(dbapi_connection, _record):
        dbapi_connection.set_trace_callback(None)

    engine = app.extensions["engine"]
    event.listen(engine, "checkout", trace)
    event.listen(engine, "checkin", untrace)
    try:
        yield seen
    finally:
        event.remove(engine, "checkout", trace)
        event.remove(engine, "checkin", untrace)


def plan(app, sql: str, parameters) -> str:
    with app.extensions["engine"].connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
    return "\n".join(row[-1] for row in rows)


def archive_of(ingest, folder, n: int, tag=None) -> None:
    """n articles, one a day from 1 January 2020, each with two authors and a related link."""
    for k in range(1, n + 1):
        text_ = article_text(
            f"Story {k}",
            url=f"https://x.org/{k}",
            date_line=f"2020-{1 + (k - 1) // 28:02d}-{1 + (k - 1) % 28:02d}",
            related=f"Story {k - 1}",
        ).replace("[Reuters](#)", f"[Reuters](#) and [Author {k}](#)")
        write(folder, f"{k:03d}.txt", text_)
    code, report = ingest(folder)
    assert code == 0, report


PAGES = [
    "/",
    "/articles",
    "/articles?after=2020-01-20.20",
    "/articles?before=2020-01-02.2",
    "/articles/3/story-3",
    "/archive",
    "/archive/2020",
    "/archive/2020/01",
    "/sources/reuters",
    "/articles?topic=russia",
    "/feed.atom",
]
# Filters matching few articles sort their matches (fewer than sqrt(page × total)) instead.
SPARSE = ["/sources/author-3", "/articles?topic=rare"]


def count_per_page(app, client) -> dict[str, int]:
    for url in PAGES:  # warm: whole-archive counts are remembered after the first view
        client.get(url)
    counts = {}
    for url in PAGES:
        with statements(app) as seen:
            assert client.get(url).status_code == 200, url
        counts[url] = len(seen)
    return counts


def test_pages_run_as_many_queries_for_30_articles_as_for_80(app, client, ingest, tmp_path, tag):
    archive_of(ingest, tmp_path, 30)
    for k in range(1, 31):
        tag(k, "russia", "Russia")
    small = count_per_page(app, client)
    archive_of(ingest, tmp_path, 80)
    for k in range(31, 81):
        tag(k, "russia", "Russia")
    assert count_per_page(app, client) == small
    article = small.pop("/articles/3/story-3")
    assert article <= 8 and max(small.values()) <= 8, small  # "More like this" remembered


def test_an_article_seen_first_runs_more_for_more_like_this_but_a_bounded_number(
    app, client, ingest, tmp_path
):
    archive_of(ingest, tmp_path, 30)
    client.get("/articles/3/story-3")  # what every page reads is remembered from here on
    with statements(app) as first:
        assert client.get("/articles/4/story-4").status_code == 200
    with statements(app) as again:
        client.get("/articles/4/story-4")
    assert len(again) < len(first) <= 11, (first, again)


def test_page_queries_read_indexes_not_the_table(app, client, ingest, tmp_path, tag):
    archive_of(ingest, tmp_path, 80)
    for k in range(1, 81):
        tag(k, "russia", "Russia")
    tag(7, "rare", "Rare")
    for url in PAGES + SPARSE:
        client.get(url)
    for url in PAGES + SPARSE:
        with statements(app) as seen:
            client.get(url)
        for sql, parameters in seen:
            steps = plan(app, sql, parameters)
            assert not re.search(r"SCAN article(?! USING)", steps), (url, sql, steps)
            if "LIMIT" in sql and "count(" not in sql and url not in SPARSE:
                # A page of a list must come off an index in order, not sort all it matches.
                assert "TEMP B-TREE FOR ORDER BY" not in steps, (url, sql, steps)


def test_a_filter_matching_many_walks_the_date_index_and_probes_each_article(
    app, client, ingest, tmp_path, tag
):
    archive_of(ingest, tmp_path, 80)
    for k in range(1, 81):
        tag(k, "russia", "Russia")
    for url in ("/sources/reuters", "/articles?topic=russia"):
        with statements(app) as seen:
            client.get(url)
        listing = [(s, p) for s, p in seen if "ORDER BY article.published DESC" in s]
        steps = plan(app, *listing[0])
        assert "USING INDEX ix_article_published_id" in steps, (url, steps)
        # Each article's own rows by primary key, never a list of every match built first.
        assert "LIST SUBQUERY" not in steps and "(article_id=?" in steps, (url, steps)

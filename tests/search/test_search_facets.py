"""Facets read from the covering index, and the same facets from the rows without it."""

from __future__ import annotations

import pytest

from app import counts, db
from app.ingest import bulk
from app.search import sqlite, sqlite_facets
from app.search.sqlite_facets import most_frequent


def facets_html(client) -> str:
    page = client.get("/search?q=second").get_data(as_text=True)
    return page.split('<aside class="facets"', 1)[1].split("</aside>", 1)[0]


def plan(app) -> str:
    """How SQLite reads the sampled articles' values in this archive."""
    with app.app_context():
        conn = db.session().connection()
        statement = sqlite_facets.values_statement(conn).statement
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", {"ids": "[]", "n": 1})
        return "\n".join(row[-1] for row in rows)


@pytest.fixture
def unremembered_facets(monkeypatch, unremembered):
    monkeypatch.setattr(sqlite, "FACETS", counts.Memory(0))


def test_years_and_sources_are_read_from_the_covering_index(app, archive):
    assert f"COVERING INDEX {sqlite_facets.INDEX}" in plan(app)


def test_an_unfinished_bulk_load_without_the_index_shows_the_same_facets(
    app, client, archive, unremembered_facets
):
    before = facets_html(client)
    assert ">2019</a>" in before and ">Reuters</a>" in before and ">Venezuela</a>" in before
    with app.app_context():
        session = db.session()
        bulk.begin(session.connection())  # drops the deferred indexes, the facets' among them
        session.commit()
    assert sqlite_facets.INDEX not in plan(app)
    assert facets_html(client) == before


def test_most_frequent_keeps_the_larger_keys_of_a_tie_at_the_cut():
    keys = [5, 3, 3, None, 9, 1, 9, 9, 7]
    assert most_frequent(keys, 3) == {9: 3, 3: 2, 7: 1}
    assert most_frequent([None], 3) == {}

"""The bounds that keep every search fast, made small enough to cross on five articles."""

from __future__ import annotations

import pytest

from app.search import sqlite
from app.web import search as web_search


@pytest.fixture
def bounds(monkeypatch, unremembered):
    def set_bounds(**values):
        for name, value in values.items():
            monkeypatch.setattr(sqlite, name, value)

    return set_bounds


def titles(client, query: str) -> list[str]:
    return [r["title"] for r in client.get(f"/api/search?{query}").get_json()["results"]]


def test_relevance_ranks_the_most_recently_added_when_there_are_many(client, archive, bounds):
    bounds(RANK_WINDOW=2)
    body = client.get("/api/search?q=second").get_json()
    # The last two files ingested (talks, then undated) are the window; the total is all five.
    assert {r["id"] for r in body["results"]} == {archive["talks"], archive["undated"]}
    assert body["total"] == 5 and body["next"] is None
    assert all("<mark>second</mark>" in r["snippet"] for r in body["results"])


def test_relevance_ranks_fewer_past_the_count_cap(client, archive, bounds):
    bounds(RANK_WINDOW=4, RANK_NARROW=2, COUNT_CAP=10)
    assert len(client.get("/api/search?q=second").get_json()["results"]) == 4
    bounds(COUNT_CAP=3)
    body = client.get("/api/search?q=second").get_json()
    assert {r["id"] for r in body["results"]} == {archive["talks"], archive["undated"]}
    assert body["total"] == 3 and body["total_exact"] is False


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_order_walking_the_date_index_gives_the_same_order(client, archive, bounds, sort):
    expected = titles(client, f"q=second&sort={sort}")
    bounds(SORT_ALL_UNDER=0, RANK_WINDOW=2)
    assert titles(client, f"q=second&sort={sort}") == expected
    assert titles(client, f"q=second&sort={sort}&from=2019&to=2020") == [
        t for t in expected if t.startswith(("Russia", "Washington", "Ukraine"))
    ]
    result = client.get(f"/api/search?q=kremlin&sort={sort}").get_json()["results"][0]
    assert "<mark>Kremlin</mark>" in result["snippet"]


def test_date_order_pages_through_every_match_walking_the_index(client, archive, bounds):
    bounds(SORT_ALL_UNDER=0, RANK_WINDOW=2)
    seen, url = [], "/api/search?q=second&sort=oldest&per_page=2"
    while url:
        body = client.get(url).get_json()
        seen += [r["title"] for r in body["results"]]
        url = body["next"]
    assert len(seen) == 5 and seen[-1].startswith("Undated")


def test_totals_stop_counting_at_the_cap(client, archive, bounds):
    bounds(COUNT_CAP=3, RANK_WINDOW=2)
    body = client.get("/api/search?q=second").get_json()
    assert body["total"] == 3 and body["total_exact"] is False
    assert "3+ articles" in client.get("/search?q=second").get_data(as_text=True)


def test_facets_count_a_sample_and_say_so(client, archive, bounds):
    bounds(FACET_SAMPLE=2)
    page = client.get("/search?q=second").get_data(as_text=True)
    assert "Counted among the 2 most recently added results" in page
    year_section = page.split("<h3>Year</h3>", 1)[1].split("</section>", 1)[0]
    assert ">2020</a>" in year_section and ">2019</a>" not in year_section


def test_prefix_snippets_in_date_order(client, archive, bounds):
    bounds(RANK_WINDOW=2, SORT_ALL_UNDER=0)
    body = client.get("/api/search?q=sec*&sort=newest").get_json()
    assert len(body["results"]) == 5
    assert all("<mark>second</mark>" in r["snippet"] for r in body["results"])


def test_relevance_says_where_its_pages_stop(client, archive, bounds):
    bounds(RANK_WINDOW=2)
    seen, notes, url = [], [], "/api/search?q=second&per_page=1"
    while url:
        body = client.get(url).get_json()
        seen += body["results"]
        notes += body["notes"]
        url = body["next"]
    assert len(seen) == 2 and body["total"] == 5
    assert notes[-1] == (
        "results ranked among the 2 most recently added of 5 matches;"
        " sort by date or narrow the search to see the rest"
    )
    first = client.get("/search?q=second&per_page=1").get_data(as_text=True)
    assert "Results ranked among the 2 most recently added of 5 matches; sort" in first
    last = client.get("/search?q=second&per_page=1&page=2").get_data(as_text=True)
    assert (
        'rel="next"' not in last and "shown: results ranked among the 2 most recently added" in last
    )
    assert "sort=newest" in last.split("The end of what can be shown", 1)[1]
    past = client.get("/search?q=second&per_page=1&page=3").get_data(as_text=True)
    assert "No more results" not in past and "Only the first 2 results can be shown" in past


def test_no_reach_note_when_every_result_can_be_shown(client, archive):
    assert client.get("/api/search?q=second").get_json()["notes"] == []
    assert "Results ranked among" not in client.get("/search?q=second").get_data(as_text=True)


def test_date_order_says_where_its_pages_stop(client, archive, monkeypatch):
    monkeypatch.setattr(web_search, "MAX_RESULTS", 3)
    body = client.get("/api/search?q=second&sort=oldest&per_page=3").get_json()
    assert len(body["results"]) == 3 and body["next"] is None
    assert body["notes"] == ["showing the first 3 of 5; narrow the search to see the rest"]
    page = client.get("/search?q=second&sort=oldest&per_page=3").get_data(as_text=True)
    assert "The end of what can be shown: showing the first 3 of 5" in page

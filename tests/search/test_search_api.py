"""GET /api/search: what each operator, filter and sort finds, and the shape DESIGN §4 gives."""

from __future__ import annotations

import pytest


def found(client, query: str) -> list[str]:
    """The titles /api/search answers for a query string, in order."""
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200, response.get_json()
    return [r["title"] for r in response.get_json()["results"]]


def keys(client, archive, query: str) -> list[str]:
    by_id = {v: k for k, v in archive.items()}
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200, response.get_json()
    return [by_id[r["id"]] for r in response.get_json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=helicopters", {"helicopter", "talks"}),  # stemming: helicopters → helicopter
        ("q=cucuta", {"helicopter"}),  # diacritics: Cucuta → Cúcuta
        ("q=CÚCUTA", {"helicopter"}),
        ('q="training center"', {"helicopter"}),
        ('q="center training"', set()),
        ("q=helicopter -ukraine", {"helicopter"}),
        ("q=helicopter NOT minsk", {"helicopter"}),
        ("q=sanct*", {"sanctions"}),
        ("q=kremlin OR minsk", {"kremlin", "talks"}),
        ("q=title:kremlin", {"kremlin"}),
        ("q=title:ceasefire", set()),
        ("q=ceasefire", {"talks"}),
        ("q=source:tass", {"sanctions"}),
        ('q=source:"TASS" exports', {"sanctions"}),
        ("q=exports&source=reuters", {"undated"}),
        ("q=topic:venezuela", {"helicopter", "sanctions"}),
        ("q=center&topic=venezuela", {"helicopter"}),
        ("q=after:2019", {"talks", "kremlin"}),
        ("q=before:2020", {"helicopter", "sanctions"}),
        ("q=on:2019-04", {"helicopter"}),
        ('q=on:"April 2019"', {"helicopter"}),
        ("q=on:2 April 2019", {"helicopter"}),
        ("q=after:2019-04-02 before:2020", {"sanctions"}),
        ("q=from:2019-09 to:2020-01", {"sanctions", "talks"}),
        ("q=second&from=2019-09&to=2020", {"sanctions", "talks"}),
        ("q=-helicopter&from=2019&to=2020", {"sanctions"}),
        ("q=grain", {"undated"}),
    ],
)
def test_what_each_query_finds(client, archive, query, expected):
    assert set(keys(client, archive, query)) == expected


def test_title_weighs_more_than_the_body(client, archive):
    assert keys(client, archive, "q=helicopter") == ["helicopter", "talks"]
    assert keys(client, archive, "q=exports") == ["undated", "sanctions"]


def test_sorts(client, archive):
    dated = ["kremlin", "talks", "sanctions", "helicopter"]
    # Undated articles come last either way.
    assert keys(client, archive, "q=second&sort=newest") == [*dated, "undated"]
    assert keys(client, archive, "q=second&sort=oldest") == [*reversed(dated), "undated"]


def test_empty_query_with_a_date_range_browses_newest_first(client, archive):
    body = client.get("/api/search?from=2019&to=2020").get_json()
    assert [r["title"] for r in body["results"]] == [
        "Ukraine Talks Stall in Minsk",
        "Washington Widens Sanctions on Oil Exports",
        "Russia Opens Helicopter Training Center",
    ]
    assert body["total"] == 3 and body["sort"] == "newest"


def test_shape(client, archive):
    body = client.get("/api/search?q=helicopters").get_json()
    assert list(body)[:4] == ["query", "total", "results", "next"]
    assert body["query"] == "helicopters" and body["total"] == 2 and body["next"] is None
    result = body["results"][0]
    assert set(result) == {"id", "url", "title", "published", "source", "topics", "lead", "snippet"}
    assert result["published"] == "2019-04-02" and result["source"] == "reuters"
    assert "venezuela" in result["topics"]  # beside what the tagger found
    assert (
        result["url"]
        == f"/articles/{archive['helicopter']}/russia-opens-helicopter-training-center"
    )


def test_query_is_the_query_as_understood(client, archive):
    body = client.get('/api/search?q=oil  "gas deal" OR x (&source=TASS&from=2019').get_json()
    assert body["query"] == 'oil "gas deal" OR x source:tass from:2019-01-01'


def test_snippet_marks_matches_and_escapes_the_text(client, archive):
    result = client.get("/api/search?q=kremlin").get_json()["results"][0]
    assert "<mark>Kremlin</mark>" in result["snippet"]
    assert "<script>" not in result["snippet"] and "&lt;script&gt;" in result["snippet"]
    assert "&amp; called" in result["snippet"]


def test_snippet_without_words_is_the_escaped_lead(client, archive):
    result = client.get("/api/search?q=&source=reuters&from=2021").get_json()["results"][0]
    assert result["snippet"].startswith("&lt;script&gt;") and "<mark>" not in result["snippet"]


def test_next_pages_through_every_result(client, archive):
    titles, url, pages = [], "/api/search?q=second&per_page=2&sort=relevance", 0
    while url:
        body = client.get(url).get_json()
        assert body["total"] == 5
        titles += [r["title"] for r in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 3 and len(set(titles)) == 5


@pytest.mark.parametrize(
    "query",
    ["q=x&from=2019-13", "q=x&to=someday", "q=x&sort=best", "q=x&page=0", "q=x&page=abc",
     "q=x&per_page=1000", "q=x&page=100000"],
)  # fmt: skip
def test_unreadable_parameters_answer_400_with_a_reason(client, archive, query):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400 and response.get_json()["error"]


def test_a_date_filter_that_is_two_different_days_asks_which(client, archive):
    response = client.get("/api/search?q=x&from=03/12/2019")
    assert response.status_code == 400
    assert "3 December 2019 or 12 March 2019" in response.get_json()["error"]
    assert client.get("/api/search?q=x&from=25/12/2019").status_code == 200


def test_notes_say_what_was_left_out(client, archive):
    body = client.get("/api/search?q=russia OR&sort=relevance").get_json()
    assert body["notes"] and "OR" in body["notes"][0]


OR_FILTER = (
    "OR joins words, not source:, topic: or date filters (each filter must hold); it was left out"
)


@pytest.mark.parametrize(
    ("q", "total"),
    [("source:reuters OR source:afp", 0), ("talks OR source:afp", 1), ("after:2020 OR kremlin", 1)],
)
def test_or_beside_a_filter_says_that_or_joins_words_only(client, archive, q, total):
    body = client.get("/api/search", query_string={"q": q}).get_json()
    assert body["notes"] == [OR_FILTER] and body["total"] == total


def test_or_between_words_still_finds_either(client, archive):
    body = client.get("/api/search", query_string={"q": "kremlin OR talks source:reuters"})
    assert body.get_json()["notes"] == [] and body.get_json()["total"] == 1


def test_a_snippet_across_paragraphs_is_one_line(client, archive):
    results = client.get("/api/search?q=second").get_json()["results"]
    snippets = [r["snippet"] for r in results]
    assert any("absurd. A <mark>second</mark> paragraph" in s for s in snippets), snippets
    assert not any("\n" in s for s in snippets)

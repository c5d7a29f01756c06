"""A topic or source that names none: the search says so and names what may have been meant."""

from __future__ import annotations

from html import unescape

import pytest

from app.search.known import closest


def notes(client, url: str) -> list[str]:
    return client.get(f"/api/search?{url}").get_json()["notes"]


def test_an_unknown_topic_says_so_and_offers_the_topic_its_alias_names(client, archive):
    assert notes(client, "q=topic:putin") == [
        "no topic is called putin; perhaps you meant Vladimir Putin (topic:vladimir-putin)"
    ]
    page = unescape(client.get("/search?q=topic:putin").get_data(as_text=True))
    assert "on <strong>putin</strong> (no such topic)" in page
    assert '<a href="/search?q=topic%3Avladimir-putin">Vladimir Putin</a>' in page


def test_a_topic_name_cut_at_a_space_is_not_shown_as_a_topic(client, archive):
    body = client.get("/api/search?q=topic:vladimir putin").get_json()
    assert body["total"] == 0
    assert body["notes"][0].startswith("no topic is called vladimir; perhaps you meant Vladimir")
    page = client.get("/search?q=topic:vladimir putin").get_data(as_text=True)
    assert "on <strong>vladimir</strong>," not in page
    assert "on <strong>vladimir</strong> (no such topic)" in page


def test_the_forms_topic_and_source_boxes_are_checked_too(client, archive):
    assert notes(client, "topic=Venezula") == [
        "no topic is called venezula; perhaps you meant Venezuela (topic:venezuela)"
    ]
    page = unescape(client.get("/search?q=oil&source=Reuter").get_data(as_text=True))
    assert "No source is called reuter; perhaps you meant" in page
    assert '<a href="/search?q=oil&source=reuters">Reuters</a>' in page


def test_a_name_close_to_nothing_points_to_the_list(client, archive):
    assert notes(client, "q=source:xyzzy") == [
        "no source is called xyzzy; /sources lists every source"
    ]
    page = client.get("/search?q=source:xyzzy").get_data(as_text=True)
    assert '<a href="/sources">every source</a> is listed' in page


def test_known_filters_get_no_note(client, archive):
    assert notes(client, "q=source:reuters topic:venezuela") == []
    assert notes(client, "q=oil&source=Reuters&topic=venezuela") == []


@pytest.mark.parametrize(
    ("given", "context", "meant"),
    [
        ("putin", (), ["vladimir-putin"]),  # an alias
        ("the", ("moscow", "times"), ["the-moscow-times", "the-hill"]),  # the query's words rank
        ("venezula", (), ["venezuela"]),  # a typo
        ("majuro", (), ["marshall-islands"]),  # an alias, not the near nicolas-maduro
        ("maduro", (), ["nicolas-maduro"]),  # a name's word, not the near majuro
        ("xyzzy", (), []),
    ],
)
def test_closest_names(given, context, meant):
    keys = {
        "vladimir-putin": "vladimir-putin",
        "putin": "vladimir-putin",
        "nicolas-maduro": "nicolas-maduro",
        "the-hill": "the-hill",
        "the-moscow-times": "the-moscow-times",
        "venezuela": "venezuela",
        "majuro": "marshall-islands",
        "marshall-islands": "marshall-islands",
    }
    assert closest(given, keys, context) == meant

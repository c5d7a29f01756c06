"""Facets narrow a search: each count is what its link finds, chosen filters show as chosen
and each can be dropped; a filter that cannot be read shows the form again with the reason."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.conftest import write
from tests.search.conftest import seed_text, tag


def page_of(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.data[:500]
    return response.get_data(as_text=True)


def facets(page: str) -> str:
    return page.split('<aside class="facets"', 1)[1].split("</aside>", 1)[0]


def facet_counts(page: str) -> dict[str, tuple[str, int]]:
    """Each facet link's label → (address, count)."""
    links = re.findall(
        r'<a href="([^"]+)">([^<]+)</a>\s*<span class="count">([\d,]+)<', facets(page)
    )
    return {unescape(label): (unescape(href), int(n.replace(",", ""))) for href, label, n in links}


def total(client, url: str) -> int:
    """How many results a /search address finds, asked of /api/search."""
    query = urlsplit(url).query
    return client.get(f"/api/search?{query}&per_page=1").get_json()["total"]


def chosen_labels(page: str) -> list[str]:
    return [unescape(s) for s in re.findall(r'aria-hidden="true">✓ </span>([^<]+)<', facets(page))]


def removers(page: str) -> dict[str, str]:
    """The 'Filters in force' links: their accessible name → address."""
    found = re.findall(r'<a href="([^"]+)" aria-label="Remove ([^"]+)">', facets(page))
    return {f"Remove {unescape(name)}": unescape(href) for href, name in found}


MT = "The Moscow Times"


@pytest.fixture
def credited(archive, app, ingest, tmp_path):
    """Two more: by a person and The Moscow Times, and by a person on The Moscow Times's site."""
    folder = tmp_path / "more"
    folder.mkdir()
    body = "Venezuela talks on helicopter deliveries resumed."
    write(
        folder,
        "joint.txt",
        seed_text("Joint Report", f"Ana Diaz](#) and [{MT}", "March 03, 2019", body, "j"),
    )
    text = seed_text("Moscow Desk", "Ivan Petrov", "May 5, 2019", body, "x")
    text = text.replace(
        "https://www.example.org/news/x", "https://www.themoscowtimes.com/2019/05/05/x"
    )
    write(folder, "moscow.txt", text)
    code, report = ingest(folder)
    assert code == 0 and len(report["added"]) == 2, report
    tag(app, "venezuela", "Venezuela", "helicopter", "sanctions")
    tag(app, "ukraine", "Ukraine", "talks", "helicopter")
    return archive


@pytest.mark.parametrize(
    "url",
    [
        "/search?q=helicopter",
        "/search?q=helicopter&topic=venezuela",
        "/search?q=helicopter&topic=venezuela&from=2019",
        "/search?q=helicopter&source=reuters",
        "/search?q=helicopter OR exports&topic=ukraine",
        "/search?q=topic:venezuela",
        "/search?from=2019",
    ],
)
def test_every_facet_count_is_what_its_link_finds(client, credited, url):
    counted = facet_counts(page_of(client, url))
    assert counted
    for label, (href, n) in counted.items():
        assert total(client, href) == n, (label, href)


def test_a_topic_facet_adds_to_the_topic_chosen(client, credited):
    page = page_of(client, "/search?q=helicopter&topic=venezuela&sort=newest")
    href, n = facet_counts(page)["Ukraine"]
    assert parse_qsl(urlsplit(href).query) == [
        ("q", "helicopter"),
        ("topic", "venezuela"),
        ("topic", "ukraine"),
        ("sort", "newest"),
    ]
    narrowed = client.get(f"/api/search?{urlsplit(href).query}").get_json()
    assert narrowed["total"] == n == 1
    assert narrowed["results"][0]["title"] == "Russia Opens Helicopter Training Center"
    assert narrowed["query"] == "helicopter topic:venezuela topic:ukraine"


def test_a_source_facet_counts_the_authors_and_the_publisher(client, credited):
    counted = facet_counts(page_of(client, "/search?q=helicopter"))
    assert counted["Ana Diaz"][1] == 1 and counted["Reuters"][1] == 1
    assert counted["The Moscow Times"][1] == 2 and counted["Ivan Petrov"][1] == 1
    assert counted["example.org"][1] == 3  # the publisher of the others


def test_chosen_filters_show_as_chosen_each_with_a_way_to_drop_it(client, credited):
    url = "/search?q=helicopter&topic=venezuela&topic=ukraine&source=reuters&from=2019&to=2019"
    page = page_of(client, url)
    assert sorted(chosen_labels(page)) == ["2019", "Reuters", "Ukraine", "Venezuela"]
    assert "Venezuela" not in facet_counts(page) and "2019" not in facet_counts(page)
    drop = removers(page)
    assert set(drop) == {
        "Remove the year 2019",
        "Remove the topic Venezuela",
        "Remove the topic Ukraine",
        "Remove the source Reuters",
    }
    assert parse_qsl(urlsplit(drop["Remove the topic Venezuela"]).query) == [
        ("q", "helicopter"),
        ("topic", "ukraine"),
        ("source", "reuters"),
        ("from", "2019"),
        ("to", "2019"),
    ]
    assert (
        "from=" not in drop["Remove the year 2019"]
        and "topic=venezuela" in drop["Remove the year 2019"]
    )
    assert "source=" not in drop["Remove the source Reuters"]


def test_a_date_in_force_is_dropped_by_a_link_naming_the_field(client, credited):
    page = page_of(client, "/search?q=helicopter&from=2019&to=2020-06")
    assert set(removers(page)) == {"Remove the From date 2019", "Remove the To date 2020-06"}


def test_a_topic_typed_among_the_words_shows_as_chosen_and_can_be_dropped(client, credited):
    page = page_of(client, "/search?q=helicopter topic:venezuela")
    assert "Venezuela" in chosen_labels(page)
    assert parse_qsl(urlsplit(removers(page)["Remove the topic Venezuela"]).query) == [
        ("q", "helicopter")
    ]


def test_the_form_keeps_every_topic_chosen(client, credited):
    page = page_of(client, "/search?q=helicopter&topic=venezuela&topic=Ukraine")
    assert 'name="topic" value="venezuela"' in page and 'name="topic" value="Ukraine"' in page


def test_a_single_topic_and_source_work_as_before(client, credited):
    api = client.get("/api/search?q=helicopter&topic=Venezuela&source=Reuters").get_json()
    assert api["total"] == 1 and api["query"] == "helicopter source:reuters topic:venezuela"
    page = page_of(client, "/search?q=helicopter&topic=Venezuela&source=Reuters")
    assert 'name="topic" value="Venezuela"' in page and 'name="source" value="Reuters"' in page


def test_repeated_topics_must_all_hold_and_next_keeps_them(client, credited):
    api = client.get("/api/search?topic=venezuela&topic=ukraine&per_page=1").get_json()
    assert api["total"] == 1
    both = client.get("/api/search?source=example-org&source=reuters&per_page=1").get_json()
    assert both["total"] == 3 and "source=example-org&source=reuters" in both["next"]
    one = client.get("/api/search?source=the-moscow-times").get_json()
    assert one["total"] == 2
    two = client.get("/api/search?source=the-moscow-times&source=ana-diaz").get_json()
    assert [r["title"] for r in two["results"]] == ["Joint Report"]


def test_a_bad_filter_shows_the_form_again_with_the_reason_beside_it(client, archive):
    page = page_of(client, "/search?q=russia&from=2019-13&to=2020&topic=venezuela&sort=oldest", 400)
    assert '<form class="search-form"' in page
    assert 'value="russia"' in page and 'name="to" value="2020"' in page
    assert 'name="topic" value="venezuela"' in page
    assert 'name="from" value="2019-13" size="11" placeholder="2019-04" aria-invalid="true"' in page
    field = page.split('name="from"', 1)[1].split("</span>", 2)[0:2]
    assert "From: there is no month 13; months run from 1 to 12." in "".join(field)
    assert '<option value="oldest" selected>' in page
    assert "<title>Error: Search: russia" in page


def test_every_bad_field_is_flagged_at_once(client, archive):
    page = page_of(client, "/search?q=russia&from=2019-13&to=garbage&sort=best&per_page=0", 400)
    for name in ("from", "to"):
        assert f'name="{name}" value' in page
        field = page.split(f'name="{name}"', 1)[1].split("</span>", 2)[0:2]
        assert f'aria-invalid="true" aria-describedby="search-error-{name}"' in "".join(field)
        assert f'id="search-error-{name}" role="alert">{name.capitalize()}: ' in "".join(field)
    assert '<select name="sort" aria-invalid="true" aria-describedby="search-error-sort">' in page
    assert 'id="search-error-sort" role="alert">Sort must be one of' in page
    assert 'id="search-error-per_page" role="alert">Per_page must be' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=russia&sort=best", "Sort must be one of relevance, newest, oldest."),
        (
            "q=russia&page=0",
            "Page must be a whole number from 1 to 500; narrow the search to go on.",
        ),
        ("q=russia&to=someday", "To: "),
    ],
)
def test_each_bad_parameter_is_named_on_the_form(client, archive, query, message):
    page = page_of(client, f"/search?{query}", 400)
    assert 'role="alert">' + message in page and 'value="russia"' in page


def test_the_api_still_answers_a_bad_filter_with_json(client, archive):
    response = client.get("/api/search?q=russia&from=2019-13")
    assert response.status_code == 400
    assert response.get_json() == {"error": "there is no month 13; months run from 1 to 12"}


def test_control_characters_are_not_echoed(client, archive):
    page = page_of(client, "/search?q=ab%00cd%01ef&topic=x%03y")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page)
    assert "<title>Search: ab cd ef" in page and 'value="ab cd ef"' in page
    assert 'name="topic" value="x y"' in page
    again = page_of(client, "/search?q=ab%00cd&from=2019%02", 400)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", again)
    assert 'name="from" value="2019 "' in again


@pytest.mark.parametrize("q", ["(", "NOT", '""', 'title:"', '"'])
def test_nothing_searchable_says_so_in_the_api_and_on_the_page(client, archive, q):
    api = client.get("/api/search", query_string={"q": q}).get_json()
    assert api["notes"] == [f"\u201c{q}\u201d has no words to search for"]
    page = page_of(client, "/search?" + urlsplit(f"?q={q}").query.replace('"', "%22"))
    assert f"\u201c{q}\u201d has no words to search for" in unescape(page)


def test_dates_that_exclude_each_other_are_explained(client, archive):
    found = client.get("/api/search?q=russia&from=2019&to=2018").get_json()
    assert found["total"] == 0
    assert found["notes"] == [
        "no day is both on or after 1 January 2019 and on or before 31 December 2018"
    ]
    page = client.get("/search?q=russia&from=2019&to=2018").get_data(as_text=True)
    assert "no day is both on or after 1 January 2019" in page

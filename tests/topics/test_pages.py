"""The topic pages, the topic JSON, topic links on articles and the topic filter on lists."""

from __future__ import annotations

import re

import pytest

from tests.conftest import article_text, write


def article_id(client, word: str) -> int:
    listing = client.get("/api/articles").get_json()["articles"]
    return next(a["id"] for a in listing if word in a["title"])


def test_topics_page_groups_topics_with_articles_by_kind(client, seeded):
    page = client.get("/topics").get_data(as_text=True)
    kinds = re.findall(r"<h2>(\w+) <span", page)
    assert kinds == ["Countries", "People", "Themes"]  # the seeds name no region or organisation
    russia = '<a data-item href="/topics/russia">Russia</a> <span class="count">2</span>'
    assert russia in page
    assert "/topics/france" not in page  # topics without articles stay off the page


def test_topics_sort_a_to_z_or_by_size(client, seeded):
    by_name = client.get("/topics").get_data(as_text=True)
    by_size = client.get("/topics?sort=size").get_data(as_text=True)
    people = [re.findall(r'href="/topics/([a-z-]+)"', p.split("<h2>People")[1].split("<h2>")[0])
              for p in (by_name, by_size)]  # fmt: skip
    assert people[0] == sorted(people[0])
    assert people[1][0] == "nicolas-maduro"  # in both seeds
    assert client.get("/topics?sort=colour").status_code == 400


def test_a_country_page_names_its_region_code_timeline_and_articles(client, seeded):
    page = client.get("/topics/russia").get_data(as_text=True)
    assert "<h1>Russia</h1>" in page
    assert '<a href="/topics/eastern-europe">Eastern Europe</a>' in page
    assert "ISO 3166 code RU" in page and "2 articles" in page
    assert 'href="/topics/russia/feed.atom"' in page
    assert page.count("<article") == 2
    assert '<a href="/topics/venezuela">Venezuela</a> <span class="count">2</span>' in page


def test_the_timeline_is_svg_drawn_on_the_server(client, seeded):
    page = client.get("/topics/russia").get_data(as_text=True)
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<script" not in svg  # the chart draws without any script
    assert len(re.findall(r"<rect ", svg)) == 2  # April and September 2019, empty months unbarred
    assert "<title>April 2019: 1 article</title>" in svg
    assert "/articles?topic=russia&amp;from=2019-09&amp;to=2019-09" in svg
    assert "2 articles from April 2019 to September 2019" in page


def test_a_region_page_lists_its_countries(client, seeded):
    page = client.get("/topics/south-america").get_data(as_text=True)
    assert '<a href="/topics/venezuela">Venezuela</a> <span class="count">2</span>' in page
    assert '<a href="/topics/brazil">Brazil</a> <span class="count">0</span>' in page
    # No article is about the region as a whole: the page says so and points to its countries.
    assert "No articles." not in page
    assert "0 articles about South America as a whole; its countries and areas below" in page
    assert (
        "No article is about South America as a whole yet: its countries and areas above have"
        ' their own, such as <a href="/topics/venezuela">Venezuela</a> (2).'
    ) in page


def test_a_topic_pages_its_articles_newest_first(client, seeded):
    first = client.get("/topics/russia?per_page=1").get_data(as_text=True)
    assert "Specialists Arrive" in first and "Helicopter" not in first
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(older).get_data(as_text=True)
    assert "Helicopter" in second and "Specialists Arrive" not in second
    assert "<svg" not in second and 'rel="next"' not in second


def _links(page: str) -> dict[str, str]:
    found = re.findall(r'<a rel="(next|prev)" href="([^"]+)"', page)
    return {rel: href.replace("&amp;", "&") for rel, href in found}


def _titles(page: str) -> list[str]:
    return re.findall(r'<h2><a href="/articles/[^"]+" data-item>([^<]+)</a>', page)


def test_a_topic_pages_both_ways_like_the_article_list(client, ingest, seeded, tmp_path):
    for day in (3, 4, 5):
        body = f"Russia said on day {day} that Russia would respond."
        write(tmp_path, f"r{day}.txt", article_text(f"Russia Responds {day}", body=body,
              url=f"https://x.org/r{day}", date_line=f"May {day:02d}, 2020"))  # fmt: skip
    ingest(tmp_path)
    url, forward = "/topics/russia?per_page=2", []
    while url:
        page = client.get(url).get_data(as_text=True)
        forward.append((url, _titles(page)))
        url = _links(page).get("next")
    assert [len(titles) for _, titles in forward] == [2, 2, 1]
    everything = [t for _, titles in forward for t in titles]
    assert everything == [t for t in _titles(client.get("/topics/russia").get_data(as_text=True))]
    last = client.get(forward[-1][0]).get_data(as_text=True)
    assert 'rel="next"' not in last and "Newer articles" in last  # the last page leads back
    back, url = [], _links(last).get("prev")
    while url:
        page = client.get(url).get_data(as_text=True)
        back.append(_titles(page))
        url = _links(page).get("prev")
    assert back == [titles for _, titles in forward[:-1]][::-1]
    assert "<svg" not in client.get(_links(last)["prev"]).get_data(as_text=True)


def test_api_topic_gives_the_previous_page_too(client, seeded):
    first = client.get("/api/topics/russia?per_page=1").get_json()
    assert first["prev"] is None
    second = client.get(first["next"]).get_json()
    assert second["next"] is None and "before=" in second["prev"]
    assert client.get(second["prev"]).get_json()["articles"] == first["articles"]


@pytest.mark.parametrize(
    ("url", "status"),
    [("/topics/atlantis", 404), ("/topics/russia?after=yesterday", 400),
     ("/topics/russia?per_page=0", 400), ("/api/topics/atlantis", 404),
     ("/api/topics?sort=colour", 400), ("/api/topics/russia?after=x", 400),
     ("/topics/russia?before=bogus", 400),
     ("/topics/russia?after=2019-01-01.1&before=2019-01-01.1", 400),
     ("/api/topics/russia?before=x", 400)],
)  # fmt: skip
def test_bad_requests_get_a_reason_not_a_crash(client, seeded, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert response.get_json()["error"]


def test_api_topics_lists_every_topic_with_its_count_and_parent(client, seeded):
    topics = client.get("/api/topics").get_json()["topics"]
    russia = next(t for t in topics if t["slug"] == "russia")
    assert russia == {
        "slug": "russia", "name": "Russia", "kind": "country", "count": 2,
        "parent": "eastern-europe",
    }  # fmt: skip
    assert {t["kind"] for t in topics} == {"country", "region", "person", "organization", "theme"}
    by_size = client.get("/api/topics?sort=size").get_json()["topics"]
    assert by_size[0]["count"] == 2


def test_api_topics_counts_a_new_article_at_once(client, ingest, seeded, tmp_path):
    def russia() -> int:
        topics = client.get("/api/topics").get_json()["topics"]
        return next(t["count"] for t in topics if t["slug"] == "russia")

    assert russia() == 2  # and the list is remembered now
    body = "Russia said on Monday that Russia would respond."
    write(tmp_path, "x.txt", article_text("Russia Responds", url="https://x.org/r", body=body))
    ingest(tmp_path)
    assert russia() == 3


def test_api_topic_has_its_timeline_and_newest_articles(client, seeded):
    russia = client.get("/api/topics/russia?per_page=1").get_json()
    assert {k: russia[k] for k in ("slug", "name", "kind", "count", "parent")} == {
        "slug": "russia", "name": "Russia", "kind": "country", "count": 2,
        "parent": "eastern-europe",
    }  # fmt: skip
    assert russia["timeline"][0] == {"month": "2019-04", "count": 1}
    assert [m["month"] for m in russia["timeline"]][-1] == "2019-09"
    assert len(russia["timeline"]) == 6 and sum(m["count"] for m in russia["timeline"]) == 2
    assert [a["title"] for a in russia["articles"]] == [
        "Russian Military Specialists Arrive in Venezuela"
    ]
    assert set(russia["articles"][0]) == {
        "id",
        "url",
        "title",
        "published",
        "source",
        "topics",
        "lead",
    }
    rest = client.get(russia["next"]).get_json()
    assert rest["articles"][0]["title"].startswith("Russia Says") and rest["next"] is None


def test_api_region_lists_its_children(client, seeded):
    region = client.get("/api/topics/south-america").get_json()
    venezuela = next(c for c in region["children"] if c["slug"] == "venezuela")
    assert venezuela["count"] == 2 and venezuela["parent"] == "south-america"


def test_article_json_lists_topics_strongest_first(client, seeded):
    article = client.get(f"/api/articles/{article_id(client, 'Helicopter')}").get_json()
    assert article["topics"][0] == {"slug": "russia", "name": "Russia", "kind": "country"}
    assert article["topics"][1]["slug"] == "venezuela"


def test_an_article_page_links_its_topics_and_says_which_words_matched(client, seeded):
    page = client.get(f"/articles/{article_id(client, 'Helicopter')}", follow_redirects=True)
    html = page.get_data(as_text=True)
    assert (
        '<a href="/topics/russia" title="Matched: Russian, Russia, Moscow, Kremlin">Russia</a>'
        in html
    )
    assert "<dt>United States</dt><dd>U.S., White House, United States, Washington</dd>" in html


def test_lists_filter_by_topic(client, seeded):
    assert client.get("/api/articles?topic=vladimir-putin").get_json()["total"] == 1
    assert client.get("/api/articles?topic=nicolas-maduro").get_json()["total"] == 2
    assert client.get("/api/articles?topic=atlantis").get_json()["total"] == 0
    page = client.get("/articles?topic=vladimir-putin").get_data(as_text=True)
    assert "Specialists Arrive" in page and "Helicopter" not in page


def test_a_topic_page_shows_a_new_article_in_its_chart_and_company_at_once(
    client, ingest, seeded, tmp_path
):
    before = client.get("/topics/russia").get_data(as_text=True)  # its chart is remembered now
    assert "Cuba" not in before and "May 2020" not in before
    body = "Russia said on Monday that Russia and Cuba would respond. Cuba agreed with Russia."
    write(tmp_path, "x.txt", article_text("Russia Responds", url="https://x.org/r", body=body,
                                          date_line="May 05, 2020"))  # fmt: skip
    ingest(tmp_path)
    page = client.get("/topics/russia").get_data(as_text=True)
    assert "<title>May 2020: 1 article</title>" in page
    assert "3 articles from April 2019 to May 2020" in page
    company = page[page.index('class="companions"') :]
    assert '<a href="/topics/cuba">Cuba</a> <span class="count">1</span>' in company


def test_a_topics_remembered_timeline_shows_new_articles_at_once(client, ingest, seeded, tmp_path):
    assert client.get("/api/topics/russia").get_json()["timeline"][-1]["month"] == "2019-09"
    body = "Russia said on Monday that Russia would respond."
    write(tmp_path, "x.txt", article_text("Russia Responds", url="https://x.org/r", body=body,
                                          date_line="May 05, 2020"))  # fmt: skip
    ingest(tmp_path)
    timeline = client.get("/api/topics/russia").get_json()["timeline"]
    assert timeline[-1] == {"month": "2020-05", "count": 1}


def test_topics_and_the_search_help_show_where_they_are(client, seeded):
    crumbs = {
        "/topics": ["Home", "Topics"],
        "/topics/venezuela": ["Home", "Topics", "South America", "Venezuela"],
        "/search/help": ["Home", "Search", "How to search"],
    }
    for path, expected in crumbs.items():
        page = client.get(path).get_data(as_text=True)
        trail = page.split('aria-label="Breadcrumbs"')[1].split("</nav>")[0]
        assert re.findall(r">([^<>]+)</(?:a|span)>", trail) == expected, path

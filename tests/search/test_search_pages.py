"""The /search page, its help, the OpenSearch description and the Atom feed of a search."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import write
from tests.search.conftest import seed_text

ATOM = "{http://www.w3.org/2005/Atom}"


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.data[:500]
    return response.get_data(as_text=True)


def result_titles(page: str) -> list[str]:
    titles = re.findall(r'<article class="summary hit">\s*<h2><a [^>]*>(.*?)</a>', page, re.S)
    return [unescape(re.sub("<[^>]+>", "", t)) for t in titles]


def facet_links(page: str, heading: str) -> dict[str, str]:
    section = page.split(f"<h3>{heading}</h3>", 1)[1].split("</section>", 1)[0]
    links = re.findall(r'href="([^"]+)">([^<]+)</a>', section)
    return {unescape(label): unescape(href) for href, label in links}


def test_results_with_highlighted_titles_and_snippets(client, archive):
    page = html(client, "/search?q=helicopters")
    assert result_titles(page) == [
        "Russia Opens Helicopter Training Center",
        "Ukraine Talks Stall in Minsk",
    ]
    assert "<mark>Helicopter</mark> Training" in page
    assert "and <mark>helicopter</mark> flights" in page
    assert "2 articles" in page and 'value="helicopters"' in page


def test_article_html_is_escaped_and_only_marks_are_markup(client, archive):
    page = html(client, "/search?q=kremlin")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; The <mark>Kremlin</mark>" in page


def test_the_query_typed_is_escaped_everywhere(client, archive):
    page = html(client, '/search?q="><script>alert(1)</script>')
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_query_as_understood_and_what_was_left_out(client, archive):
    page = html(client, "/search?q=kremlin after:someday OR")
    assert "Articles with <code>kremlin</code>" in page
    assert "after:someday is not a date we can read" in page
    assert "OR needs a word" in page


def test_facets_count_and_narrow_when_followed(client, archive):
    page = html(client, "/search?q=second")
    years = facet_links(page, "Year")
    assert list(years) == ["2021", "2020", "2019"]
    assert re.search(r">2019</a>\s*<span class=\"count\">2</span>", page)
    narrowed = html(client, years["2019"])
    assert parse_qs(urlsplit(years["2019"]).query) == {
        "q": ["second"],
        "from": ["2019"],
        "to": ["2019"],
    }
    assert set(result_titles(narrowed)) == {
        "Russia Opens Helicopter Training Center",
        "Washington Widens Sanctions on Oil Exports",
    }
    sources = facet_links(page, "Source")
    # example.org published all five; Reuters wrote three
    assert list(sources)[:2] == ["example.org", "Reuters"]
    assert len(result_titles(html(client, sources["Reuters"]))) == 3
    topics = facet_links(page, "Topic")
    assert {"Venezuela", "Ukraine"} <= set(topics)  # beside what the tagger found
    assert result_titles(html(client, topics["Ukraine"])) == ["Ukraine Talks Stall in Minsk"]


def total_of(page: str) -> int:
    return int(re.search(r"of ([\d,]+)\+? articles?,", page)[1].replace(",", ""))


def facet_counts(page: str, heading: str) -> dict[str, int]:
    section = page.split(f"<h3>{heading}</h3>", 1)[1].split("</section>", 1)[0]
    found = re.findall(r'>([^<]+)</a>\s*<span class="count">([\d,]+)</span>', section)
    return {unescape(label): int(n.replace(",", "")) for label, n in found}


@pytest.mark.parametrize(
    "dates", ["from=2019-06&to=2020-03", "to=2019-06", "from=2019-06", "from=2019-06-01"]
)
def test_a_year_facet_keeps_the_dates_in_force_so_its_count_is_what_it_finds(
    client, archive, dates
):
    page = html(client, f"/search?q=second&{dates}")
    counts, years = facet_counts(page, "Year"), facet_links(page, "Year")
    assert counts and set(counts) == set(years)
    for year, url in years.items():
        assert total_of(html(client, url)) == counts[year], (year, url)


def test_a_year_facet_within_a_range_narrows_both_ends(client, archive):
    years = facet_links(html(client, "/search?q=second&from=2019-06&to=2020-03"), "Year")
    assert parse_qs(urlsplit(years["2020"]).query) == {
        "q": ["second"],
        "from": ["2020"],
        "to": ["2020-03"],
    }
    assert parse_qs(urlsplit(years["2019"]).query)["from"] == ["2019-06"]


def test_facets_follow_the_archive_when_it_grows(client, archive, ingest, tmp_path):
    assert list(facet_links(html(client, "/search?q=second"), "Year")) == ["2021", "2020", "2019"]
    later = seed_text("Talks Resume", "AFP", "March 3, 2022", "A second round began.", "resume")
    write(tmp_path / "later", "resume.txt", later)
    assert ingest(tmp_path / "later")[0] == 0
    page = html(client, "/search?q=second&page=1")
    assert list(facet_links(page, "Year")) == ["2022", "2021", "2020", "2019"]


def test_each_filter_of_the_form(client, archive):
    assert result_titles(html(client, "/search?q=second&from=2021")) == [
        "Kremlin Denies Hacking Claims"
    ]
    assert result_titles(html(client, "/search?q=second&to=April 2019")) == [
        "Russia Opens Helicopter Training Center"
    ]
    assert result_titles(html(client, "/search?q=second&source=TASS")) == [
        "Washington Widens Sanctions on Oil Exports"
    ]
    assert len(result_titles(html(client, "/search?q=second&topic=Venezuela"))) == 2


def test_each_sort(client, archive):
    newest = result_titles(html(client, "/search?q=second&sort=newest"))
    oldest = result_titles(html(client, "/search?q=second&sort=oldest"))
    assert newest[0] == "Kremlin Denies Hacking Claims" and newest[-1].startswith("Undated")
    assert oldest[0] == "Russia Opens Helicopter Training Center"
    assert oldest[-1].startswith("Undated")
    assert result_titles(html(client, "/search?q=exports"))[0] == "Undated Note on Grain Exports"


def test_empty_query_with_dates_browses_newest_first(client, archive):
    page = html(client, "/search?from=2019&to=2020")
    assert result_titles(page) == [
        "Ukraine Talks Stall in Minsk",
        "Washington Widens Sanctions on Oil Exports",
        "Russia Opens Helicopter Training Center",
    ]
    assert "published from 1 January 2019 to 31 December 2020" in page


def test_blank_search_shows_the_form_and_how_to_search(client, archive):
    page = html(client, "/search")
    assert 'name="q"' in page and "/search/help" in page and "hit" not in page


def test_nothing_found_says_which_filter_to_drop(client, archive):
    page = html(client, "/search?q=kremlin&from=2019&to=2019&source=reuters")
    assert "No articles match" in page
    assert "Articles with <code>kremlin</code>, from <strong>Reuters</strong>" in page
    assert "published from 1 January 2019 to 31 December 2019" in page
    # Only the dates stand in the way: dropping the source would still find nothing.
    assert "without source reuters" not in page
    suggestion = re.search(r'<a href="([^"]+)">Search without the dates</a> .*\((\d+)\)', page)
    assert suggestion[2] == "1"
    assert result_titles(html(client, unescape(suggestion[1]))) == ["Kremlin Denies Hacking Claims"]
    typed = html(client, "/search?q=kremlin on:2019")
    link = re.search(r'<a href="([^"]+)">Search without the dates in the search', typed)[1]
    assert result_titles(html(client, unescape(link))) == ["Kremlin Denies Hacking Claims"]


def test_nothing_found_offers_any_of_the_words(client, archive):
    page = html(client, "/search?q=kremlin minsk")
    link = re.search(r'<a href="([^"]+)">Search with any of the words', page)[1]
    assert len(result_titles(html(client, unescape(link)))) == 2


def test_impossible_dates_are_explained(client, archive):
    page = html(client, "/search?q=kremlin after:2020 before:2019")
    assert "No articles match" in page and "The dates leave no room" in page


def test_past_the_end_previous_goes_to_the_last_page_with_results(client, archive):
    past = html(client, "/search?q=second&per_page=2&page=7")
    assert "No more results on this page" in past
    previous = unescape(re.search(r'<a rel="prev" href="([^"]+)"', past)[1])
    assert parse_qs(urlsplit(previous).query)["page"] == ["3"]
    assert result_titles(html(client, previous))


@pytest.mark.parametrize("url", ["/search?q=second", "/no/such/page"])
def test_each_search_landmark_has_its_own_name(client, archive, url):
    page = client.get(url).get_data(as_text=True)
    forms = re.findall(r'<form [^>]*role="search"[^>]*>', page)
    labels = [re.search(r'aria-label="([^"]+)"', f)[1] for f in forms]
    assert len(forms) == 2 and sorted(labels) == ["Search the archive", "Site search"]


def test_paging(client, archive):
    first = html(client, "/search?q=second&per_page=2")
    assert "Results 1–2 of 5" in first
    next_url = unescape(re.search(r'<a rel="next" href="([^"]+)"', first)[1])
    second = html(client, next_url)
    assert "Results 3–4 of 5" in second and 'rel="prev"' in second
    assert not set(result_titles(first)) & set(result_titles(second))
    past = html(client, "/search?q=second&per_page=2&page=9")
    assert "No more results on this page" in past


def test_bad_filter_answers_400_with_a_page(client, archive):
    response = client.get("/search?q=x&from=2019-13")
    assert response.status_code == 400 and b"no month 13" in response.data


def test_help_documents_the_language(client):
    page = html(client, "/search/help")
    for operator in ('"training center"', "OR", "-oil", "helicop*", "title:", "source:", "topic:"):
        assert operator in unescape(page)
    for operator in ("after:", "before:", "on:", "2 April 2019", "April 2019"):
        assert operator in page


def test_opensearch_description(client):
    response = client.get("/search/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.data)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {u.get("type"): u.get("template") for u in root.iter(f"{ns}Url")}
    assert templates["text/html"] == "http://localhost/search?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://localhost/search/feed.atom?q={searchTerms}"


def test_search_page_links_its_feed(client, archive):
    page = html(client, "/search?q=second&source=reuters&page=2&per_page=1")
    link = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', page)
    assert unescape(link[1]) == "/search/feed.atom?q=second&source=reuters"


def test_atom_feed_of_a_search_is_newest_first(client, archive):
    response = client.get("/search/feed.atom?q=second&sort=relevance")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert "second" in feed.find(f"{ATOM}title").text
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries][:2] == [
        "Kremlin Denies Hacking Claims",
        "Ukraine Talks Stall in Minsk",
    ]
    summary = entries[0].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text.startswith("&lt;script&gt;")  # the article's text, escaped as HTML
    assert entries[0].find(f"{ATOM}published").text == "2021-06-01T00:00:00Z"


def test_atom_feed_highlights_matches(client, archive):
    feed = ET.fromstring(client.get("/search/feed.atom?q=kremlin").data)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert "<mark>Kremlin</mark>" in summary and "<script>" not in summary


def test_atom_feed_of_bad_dates_is_400(client, archive):
    assert client.get("/search/feed.atom?q=x&to=2019-13").status_code == 400

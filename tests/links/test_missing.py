"""A "Related article" the archive lacks: its line offers the original article, when it gives a
web address, and a search that lands on the archive's nearest articles."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from tests.links.helpers import story

CITED = "Russia Expels 12 Polish Diplomats in Espionage Row"


def aside(client, path: str = "/articles/1") -> str:
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    return re.search(r'<aside class="related unresolved">.*?</aside>', page, re.S)[0]


def search_of(block: str) -> str:
    """The address of the line's search, as a browser follows it."""
    return unescape(re.search(r'<a class="search" href="([^"]+)">Search for similar', block)[1])


def test_the_search_lands_on_the_nearest_titles(client, ingest, tmp_path):
    story(tmp_path, "a.txt", "Citing", "https://x.org/a", [(CITED, "#")])
    story(tmp_path, "b.txt", "Russia Expels 13 Polish Diplomats", "https://x.org/b")
    story(tmp_path, "c.txt", "Poland Recalls Envoy", "https://x.org/c")
    story(tmp_path, "d.txt", "Grain Exports Rise", "https://x.org/d")
    ingest(tmp_path)
    block = aside(client)
    assert "Not in the archive" in block
    address = urlsplit(search_of(block))
    assert address.path == "/search"
    assert client.get(search_of(block)).status_code == 200
    found = client.get(f"/api/search?{address.query}").get_json()
    titles = [hit["title"] for hit in found["results"]]
    assert titles[0] == "Russia Expels 13 Polish Diplomats"
    assert "Grain Exports Rise" not in titles


def test_a_title_of_keywords_and_stopwords_is_searched_as_words(client, ingest, tmp_path):
    story(tmp_path, "a.txt", "Citing", "https://x.org/a", [("NOT OR The AND", "#")])
    story(tmp_path, "b.txt", "Why Not Now", "https://x.org/b")
    ingest(tmp_path)
    found = client.get(f"/api/search?{urlsplit(search_of(aside(client))).query}").get_json()
    assert [hit["title"] for hit in found["results"]] == ["Why Not Now"]


def test_a_web_address_is_offered_as_the_original(client, ingest, tmp_path):
    href = "https://www.example.org/2020/01/05/by-url/?utm_source=x"
    ingest(story(tmp_path, "a.txt", "Citing", "https://x.org/a", [("Target By Url", href)]))
    block = aside(client)
    assert (
        f'<a class="title" href="{href}" rel="nofollow noopener noreferrer">Target By Url</a>'
        in unescape(block)
    )
    assert "at example.org" in block and "Search for similar articles" in block


@pytest.mark.parametrize("href", ["#", "javascript:alert(1)", "/relative/path", "mailto:x@y.z"])
def test_anything_else_is_no_link(client, ingest, tmp_path, href):
    ingest(story(tmp_path, "a.txt", "Citing", "https://x.org/a", [("Lost Story", href)]))
    block = aside(client)
    assert '<span class="title">Lost Story</span>' in block
    assert re.findall(r"<a [^>]*>", block) == [re.search(r'<a class="search"[^>]*>', block)[0]]

"""Atom feeds (RFC 4287) of the newest articles and of one topic: they parse, entries right."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import article_text, write

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == f"{ATOM}feed"
    return root


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


def text(element: ET.Element, name: str) -> str:
    found = element.find(f"{ATOM}{name}")
    assert found is not None, name
    return found.text or ""


def test_latest_feed_has_the_required_elements_and_newest_entries_first(client, dated):
    dated(25)
    feed = parse(client.get("/feed.atom"))
    assert text(feed, "id") == "http://localhost/feed.atom"
    assert text(feed, "title") == "Foreign Desk: latest articles"
    assert text(feed.find(f"{ATOM}author"), "name") == "Foreign Desk"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/feed.atom"
    items = entries(feed)
    assert [text(e, "title") for e in items[:2]] == ["Story 25", "Story 24"] and len(items) == 20
    newest = items[0]
    assert text(newest, "id") == "http://localhost/articles/25"
    assert newest.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://localhost/articles/25/story-25"
    )
    assert text(newest, "published") == "2020-01-25T00:00:00Z"
    assert text(newest, "updated").endswith("Z") and text(feed, "updated") >= text(
        newest, "updated"
    )
    assert text(newest.find(f"{ATOM}author"), "name") == "Reuters"
    assert "<p>A paragraph about foreign affairs.</p>" in text(newest, "content")


def test_topic_feed_holds_only_the_topics_articles(client, dated, tag):
    dated(3)
    tag(2, "russia", "Russia")
    feed = parse(client.get("/topics/russia/feed.atom"))
    assert text(feed, "title") == "Foreign Desk: Russia"
    assert [text(e, "title") for e in entries(feed)] == ["Story 2"]
    assert entries(feed)[0].find(f"{ATOM}category").get("term") == "russia"
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://localhost/topics/russia"


def test_feeds_escape_markup_and_drop_characters_xml_forbids(client, ingest, tmp_path):
    body = "Tom & Jerry <script>x</script> \x0b\x1b end."
    ingest(write(tmp_path, "a.txt", article_text("A <b> & title", body=body)))
    feed = parse(client.get("/feed.atom"))
    entry = entries(feed)[0]
    assert text(entry, "title") == "A <b> & title"
    assert "&lt;script&gt;" in text(entry, "content") and "\x1b" not in text(entry, "content")


def test_an_empty_archive_still_makes_a_valid_feed(client):
    feed = parse(client.get("/feed.atom"))
    assert entries(feed) == [] and text(feed, "updated").endswith("Z")


def test_unknown_topic_feed_answers_404_and_pages_advertise_the_feed(client, seeded):
    assert client.get("/topics/atlantis/feed.atom").status_code == 404
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml" href="/feed.atom"' in html


def test_feeds_show_a_new_article_at_once(client, ingest, seeded, tmp_path):
    before = [text(e, "title") for e in entries(parse(client.get("/feed.atom")))]
    assert "Latest Word" not in before  # and the feed is remembered now
    write(tmp_path, "new.txt", article_text("Latest Word", url="https://x.org/new",
                                            date_line="May 05, 2030"))  # fmt: skip
    ingest(tmp_path)
    after = [text(e, "title") for e in entries(parse(client.get("/feed.atom")))]
    assert after[0] == "Latest Word"

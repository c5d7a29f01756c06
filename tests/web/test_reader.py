"""The front page, the article list and the article page, as a reader sees them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import pytest

from tests.conftest import article_text, write


def first_article(client) -> dict:
    return client.get("/api/articles").get_json()["articles"][0]


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def titles(html: str) -> list[str]:
    """The article titles a list shows, in order."""
    return [
        unescape(t) for t in re.findall(r"<a href=\"/articles/\d+/[^\"]+\" data-item>([^<]+)", html)
    ]


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return unescape(found[1]) if found else None


# The front page


def test_front_page_shows_newest_articles_topics_and_years(client, dated, tag):
    dated(14)
    for article_id in (14, 13, 12):
        tag(article_id, "russia", "Russia")
    tag(14, "nato", "NATO")
    html = html_of(client, "/")
    assert titles(html)[:3] == ["Story 14", "Story 13", "Story 12"]
    assert len(titles(html)) == 12
    assert re.search(r'href="/topics/russia">Russia</a> <span class="count">3</span>', html)
    assert html.index("/topics/russia") < html.index("/topics/nato")  # most active first
    assert 'href="/archive/2020"' in html and 'href="/archive"' in html
    assert 'href="/articles?after=2020-01-03.3"' in html  # the way to older articles


def test_front_page_titles_sit_below_their_section_and_the_window_is_the_real_one(
    client, dated, tag
):
    dated(3)
    tag(3, "russia", "Russia")
    html = html_of(client, "/")
    assert '<h2 id="latest-heading" class="section-heading">Latest articles</h2>' in html
    assert len(re.findall(r'<h3><a href="/articles/\d+/[^"]+" data-item>', html)) == 3
    assert "Most written about in the latest 3 articles." in html
    footer = html.split('<footer class="site">', 1)[1]
    assert '<a href="/topics">Topics</a>' in footer


def test_front_page_of_an_empty_archive(client):
    html = html_of(client, "/")
    assert "The archive is empty" in html and "Active topics" not in html


# The list


def test_list_pages_older_and_newer_without_overlap(client, dated):
    dated(45)
    first = html_of(client, "/articles")
    assert titles(first) == [f"Story {k}" for k in range(45, 25, -1)]
    assert link(first, "prev") is None
    second = html_of(client, link(first, "next"))
    assert titles(second) == [f"Story {k}" for k in range(25, 5, -1)]
    third = html_of(client, link(second, "next"))
    assert titles(third) == [f"Story {k}" for k in range(5, 0, -1)] and link(third, "next") is None
    back = html_of(client, link(third, "prev"))
    assert titles(back) == titles(second)
    assert titles(html_of(client, link(back, "prev"))) == titles(first)


def test_a_page_stays_put_when_newer_articles_arrive(client, dated):
    dated(30)
    older = link(html_of(client, "/articles"), "next")
    before = titles(html_of(client, older))
    dated(5, first=31, folder="later")  # newer articles arrive between two clicks
    assert titles(html_of(client, older)) == before
    assert titles(html_of(client, "/articles"))[0] == "Story 35"


def test_undated_articles_come_last_and_page_both_ways(client, ingest, tmp_path):
    for k in range(1, 4):
        write(tmp_path, f"d{k}.txt", article_text(f"Dated {k}", url=f"https://x.org/d{k}"))
        write(tmp_path, f"u{k}.txt", article_text(f"Undated {k}", url=None, date_line=""))
    ingest(tmp_path)
    pages, url = [], "/articles?per_page=2"
    while url:
        html = html_of(client, url)
        pages.append(titles(html))
        url = link(html, "next")
    assert [t for page in pages for t in page] == [
        "Dated 3", "Dated 2", "Dated 1", "Undated 3", "Undated 2", "Undated 1"
    ]  # fmt: skip
    back = html_of(client, link(html, "prev"))
    assert titles(back) == pages[-2]


def test_list_filters_by_topic_and_by_source(client, ingest, tmp_path, tag):
    write(tmp_path, "a.txt", article_text("By Reuters", url="https://x.org/a"))
    write(
        tmp_path,
        "b.txt",
        article_text("By AFP", url="https://x.org/b").replace("[Reuters](#)", "[AFP](#)"),
    )
    ingest(tmp_path)
    tag(1, "russia", "Russia")
    html = html_of(client, "/articles?topic=russia")
    assert titles(html) == ["By Reuters"]
    assert "<h1>Articles about Russia</h1>" in html
    assert 'type="application/atom+xml" href="/topics/russia/feed.atom"' in html
    assert titles(html_of(client, "/articles?source=afp")) == ["By AFP"]
    assert titles(html_of(client, "/articles?from=2020-01&to=2020-01-02")) == [
        "By AFP",
        "By Reuters",
    ]
    assert "No articles match" in html_of(client, "/articles?from=2021")


@pytest.mark.parametrize(
    ("query", "status", "reason"),
    [
        ("topic=atlantis", 404, "no topic by that name"),
        ("source=nobody", 404, "no source by that name"),
        ("after=yesterday", 400, "is not a page of this list"),
        ("before=2020-01-01.x", 400, "is not a page of this list"),
        ("after=2020-01-01.99999999999999999999", 400, "is not a page of this list"),
        ("after=2020-01-01.1&before=2020-01-01.1", 400, "not both"),
        ("per_page=0", 400, "per_page must be"),
        ("per_page=1000", 400, "per_page must be"),
        ("from=someday", 400, "cannot read"),
    ],
)
def test_list_answers_bad_parameters_with_a_reason(client, seeded, query, status, reason):
    response = client.get(f"/articles?{query}")
    assert response.status_code == status
    assert reason in unescape(response.get_data(as_text=True))


def test_a_cursor_past_the_end_shows_an_empty_page_with_a_way_back(client, seeded):
    html = html_of(client, "/articles?after=1900-01-01.1")
    assert titles(html) == [] and "Back to the newest articles" in html


# The article


def test_short_article_address_redirects_to_the_full_one(client, seeded):
    summary = first_article(client)
    response = client.get(f"/articles/{summary['id']}")
    assert response.status_code == 301 and response.location.endswith(summary["url"])
    assert client.get(f"/articles/{summary['id']}/wrong-slug").location.endswith(summary["url"])


def test_a_publisher_that_is_also_the_byline_is_named_once(client, ingest, tmp_path):
    text = article_text("Own Report").replace("By [Reuters](#)", "By [The Moscow Times](#)")
    write(tmp_path, "own.txt", text)
    ingest(tmp_path)
    summary = client.get("/api/articles").get_json()["articles"][0]
    html = html_of(client, summary["url"])
    assert re.search(r'By\s+<a href="/sources/the-moscow-times">The Moscow Times</a>', html)
    assert "Published by" not in html


def test_an_undated_articles_breadcrumbs_pass_through_without_a_date(client, ingest, tmp_path):
    write(tmp_path, "u.txt", article_text("No Date Here", url=None, date_line=""))
    ingest(tmp_path)
    summary = client.get("/api/articles").get_json()["articles"][0]
    crumbs = html_of(client, summary["url"]).partition('class="breadcrumbs"')[2]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/", "Home"),
        ("/archive", "Archive"),
        ("/archive/undated", "Without a date"),
    ]


def test_article_page_shows_byline_date_source_and_reading_time(client, seeded):
    html = html_of(client, first_article(client)["url"])
    assert "<h1>Russian Military Specialists Arrive in Venezuela</h1>" in html
    assert re.search(r'<p class="byline">By\s+<a href="/sources/[a-z-]+">', html)
    assert '<time datetime="2019-09-25">25 September 2019</time>' in html
    assert 'Published by <a href="/sources/the-moscow-times">The Moscow Times</a>' in html
    assert (
        'Photo: Sergei Kiselyov / <a href="/sources/moskva-news-agency/photos">'
        "Moskva News Agency</a>" in html
    )
    assert re.search(r"<span>\d+ min read</span>", html)
    assert re.search(
        r'<a href="https://www\.themoscowtimes\.com/[^"]+" rel="noopener noreferrer">', html
    )


def test_each_author_links_to_their_source_page(client, ingest, tmp_path):
    text = article_text("Two authors").replace(
        "[Reuters](#)", "[Anna Ivanova](#) and [Oleg Petrov](#)"
    )
    ingest(write(tmp_path, "a.txt", text))
    html = html_of(client, client.get("/articles/1").location)
    anna, oleg = '<a href="/sources/anna-ivanova">', '<a href="/sources/oleg-petrov">'
    assert f"{anna}Anna Ivanova</a> and {oleg}Oleg Petrov</a>" in html
    assert html_of(client, "/sources/oleg-petrov").count("data-item>Two authors<") == 1


def test_article_page_links_older_and_newer_by_date(client, dated):
    dated(3)
    middle = html_of(client, "/articles/2/story-2")
    assert re.search(r'class="older" href="/articles/1/story-1">.*Story 1<', middle)
    assert re.search(r'class="newer" href="/articles/3/story-3">.*Story 3<', middle)
    assert 'class="newer"' not in html_of(client, "/articles/3/story-3")
    assert 'class="older"' not in html_of(client, "/articles/1/story-1")


def test_related_links_resolved_go_to_the_article_unresolved_to_a_search(client, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("Target Story", url="https://x.org/t"))
    write(tmp_path, "b.txt", article_text("Citing", url="https://x.org/c", related="Target Story"))
    write(
        tmp_path, "c.txt", article_text("Dangling", url="https://x.org/d", related="Lost & Found")
    )
    ingest(tmp_path)
    citing = html_of(client, "/articles/2/citing")
    assert re.search(r'<a class="title" href="/articles/1/target-story">Target Story</a>', citing)
    dangling = html_of(client, "/articles/3/dangling")
    assert 'href="/search?q=title%3Alost%20OR%20title%3Afound">Search for similar' in dangling
    assert "Not in the archive" in dangling
    body = dangling.partition('<div class="body">')[2]
    assert body.index("A paragraph about") < body.index('class="related') < body.index("More text")


def test_article_page_links_its_topics_strongest_first(client, seeded, tag):
    article_id = first_article(client)["id"]
    tag(article_id, "russia", "Russia", weight=0.5)
    tag(article_id, "venezuela", "Venezuela", weight=0.9)
    html = html_of(client, first_article(client)["url"])
    assert html.index('href="/topics/venezuela"') < html.index('href="/topics/russia"')


def test_markdown_is_rendered_and_raw_html_is_escaped(client, ingest, tmp_path):
    body = "\n\n".join(
        [
            "Some *emphasis* here.",
            "> A quoted line.",
            "- one\n- two",
            "<script>alert(1)</script> <b>x</b>",
        ]
    )
    ingest(write(tmp_path, "a.txt", article_text("Markup <i>", body=body)))
    html = client.get(client.get("/articles/1").location).get_data(as_text=True)
    assert "<em>emphasis</em>" in html and "<blockquote>" in html and "<li>one</li>" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>x</b>" not in html and "Markup &lt;i&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x"])
def test_an_original_url_that_is_no_web_address_is_not_linked(client, ingest, tmp_path, url):
    ingest(write(tmp_path, "a.txt", article_text("Odd footer", url=url)))
    html = client.get(client.get("/articles/1").location).get_data(as_text=True)
    assert "Read the original article" not in html and f'href="{url}' not in html
    assert client.get("/api/articles/1").get_json()["original_url"] == url  # kept, as given


def test_an_original_web_address_is_linked(client, ingest, tmp_path):
    ingest(write(tmp_path, "a.txt", article_text("Fine", url="https://example.org/a/1")))
    html = client.get(client.get("/articles/1").location).get_data(as_text=True)
    assert '<a href="https://example.org/a/1" rel="noopener noreferrer">Read the original' in html


def test_unknown_articles_answer_404(client, seeded):
    for url in ("/articles/424242", "/articles/424242/x", "/articles/99999999999999999999999"):
        assert client.get(url).status_code == 404


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_an_updated_article_says_so_on_its_page(client, ingest, tmp_path):
    path = write(tmp_path, "a.txt", article_text("Changing", url="https://x.org/c"))
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    assert "Updated" not in client.get(article["url"]).get_data(as_text=True)
    path.write_text(article_text("Changing", url="https://x.org/c", body="A new paragraph."))
    assert ingest(tmp_path)[1]["updated"]
    html = client.get(article["url"]).get_data(as_text=True)
    today = datetime.now(UTC).date()  # the re-ingest just now replaced it
    assert f'Updated <time datetime="{today.isoformat()}">' in html
    found = client.get(f"/api/articles/{article['id']}").get_json()
    assert found["revisions"] == 1 and found["updated"] == today.isoformat()


def test_images_refused_links_and_strikethrough_read_cleanly(client, ingest, tmp_path):
    body = (
        "A [javascript link](javascript:alert(1)) and an ![image](https://example.com/i.png)"
        " and ~~strike~~."
    )
    write(tmp_path, "a.txt", article_text("Tricky", url="https://x.org/t", body=body))
    ingest(tmp_path)
    article = first_article(client)
    html = client.get(article["url"]).get_data(as_text=True)
    assert (
        '<p>A javascript link and an <a href="https://example.com/i.png" '
        'rel="nofollow noopener noreferrer">image</a> and <s>strike</s>.</p>'
    ) in html
    found = client.get(f"/api/articles/{article['id']}").get_json()
    assert found["paragraphs"][0] == "A javascript link and an image and strike."

"""Every page's status codes, the pages that help after a 404 or a 400, and no 500s."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import article_text, write

ROUTES_200 = [
    "/",
    "/articles",
    "/articles?per_page=1",
    "/articles?source=reuters",
    "/archive",
    "/archive/2019",
    "/archive/2019/04",
    "/archive/2019/09",
    "/sources",
    "/sources/reuters",
    "/sources/the-moscow-times",
    "/feed.atom",
    "/healthz",
    "/static/style.css",
    "/static/reader.js",
    "/static/favicon.svg",
]


@pytest.mark.parametrize("url", ROUTES_200)
def test_every_page_answers_200(client, seeded, url):
    with client.get(url) as response:
        assert response.status_code == 200


def test_article_pages_answer_200_and_301(client, seeded):
    for summary in client.get("/api/articles").get_json()["articles"]:
        assert client.get(summary["url"]).status_code == 200
        assert client.get(f"/articles/{summary['id']}").status_code == 301


@pytest.mark.parametrize(
    "url",
    ["/nowhere", "/articles/0", "/articles/9", "/sources/nobody", "/archive/1999",
     "/archive/2019/02", "/topics/nothing/feed.atom", "/static/nothing.css", "/articles/x"],
)  # fmt: skip
def test_unknown_things_answer_404_with_a_page_that_helps(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "<h1>Not found</h1>" in html
    assert (
        '<form class="search big" role="search" aria-label="Search the archive"'
        ' action="/search" method="get">' in html
    )
    assert 'href="/">The front page</a>' in html and 'href="/archive">' in html
    assert "<title>404 Not Found · Foreign Desk</title>" in html


def test_a_bad_parameter_answers_400_with_the_reason(client, seeded):
    response = client.get("/articles?per_page=many")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "per_page must be a whole number from 1 to 100." in html
    assert 'href="/articles">the latest articles</a>' in html


def test_two_topics_on_a_list_answer_400_with_a_link_to_the_search_that_takes_them(client, seeded):
    response = client.get("/articles?topic=venezuela&topic=russia")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    search = "/search?topic=venezuela&amp;topic=russia"
    assert f'Give one topic; search takes several: <a href="{search}">{search}</a>.' in html


def test_other_methods_answer_405_not_500(client, seeded):
    assert client.post("/articles").status_code == 405
    assert client.delete("/").status_code == 405


def test_every_page_has_its_own_title_and_description(client, seeded):
    seen = set()
    urls = [
        u for u in ROUTES_200 if not u.startswith(("/static", "/feed", "/healthz", "/articles?"))
    ]
    urls += [a["url"] for a in client.get("/api/articles").get_json()["articles"]]
    for url in urls:
        html = client.get(url).get_data(as_text=True)
        title = html.partition("<title>")[2].partition("</title>")[0]
        assert title and title not in seen, url
        seen.add(title)
        assert '<meta name="description" content="' in html
        assert '<html lang="en">' in html and 'href="#main">Skip to content</a>' in html


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(["/articles", "/archive/2019/04", "/sources/reuters", "/", "/feed.atom"]),
    name=st.sampled_from(["after", "before", "per_page", "topic", "source", "from", "to", "q"]),
    value=TEXT,
)
def test_no_query_string_makes_a_500(client, seeded, path, name, value):
    assert client.get(f"{path}?{name}={quote(value)}").status_code < 500


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(["/articles/", "/sources/", "/archive/", "/topics/"]), rest=TEXT)
def test_no_path_makes_a_500(client, seeded, prefix, rest):
    assert client.get(prefix + quote(rest, safe="/")).status_code < 500


def test_pagers_read_in_time_order_like_the_article_and_month_neighbours(client, ingest, tmp_path):
    for day in (1, 2, 3):
        text = article_text(f"Day {day}", url=f"https://x.org/{day}", date_line=f"2020-01-0{day}")
        write(tmp_path, f"{day}.txt", text)
    ingest(tmp_path)
    second = client.get("/articles?per_page=1").get_data(as_text=True)
    older = second.split('rel="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    pager = client.get(older).get_data(as_text=True).split('<nav class="pager"', 1)[1]
    pager = pager.split("</nav>", 1)[0]
    assert pager.index("← Older articles") < pager.index("Newer articles →")

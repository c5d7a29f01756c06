"""One address per page: near misses redirect to it, and only ASCII digits make an id."""

from __future__ import annotations

import pytest

from tests.conftest import article_text, write


@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("/articles/", "/articles"),
        ("/topics/", "/topics"),
        ("/topics/russia/", "/topics/russia"),
        ("/archive/2019/", "/archive/2019"),
        ("/archive/2019/4", "/archive/2019/04"),
        ("/archive/2019/4/", "/archive/2019/04"),
        ("/topics/RUSSIA", "/topics/russia"),
        ("/topics/Russia?per_page=1", "/topics/russia?per_page=1"),
        ("/sources/THE-MOSCOW-TIMES", "/sources/the-moscow-times"),
        ("/api/topics/Russia", "/api/topics/russia"),
        ("/articles/?topic=russia", "/articles?topic=russia"),
    ],
)
def test_near_miss_addresses_redirect_to_the_page(client, seeded, asked, canonical):
    response = client.get(asked)
    assert response.status_code == 308
    assert response.headers["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_an_articles_address_with_a_trailing_slash_redirects(client, seeded):
    url = client.get("/api/articles").get_json()["articles"][0]["url"]
    response = client.get(url + "/")
    assert response.status_code == 308 and response.headers["Location"] == url


def test_an_id_with_leading_zeros_redirects_in_the_api_as_on_the_pages(client, seeded):
    article = client.get("/api/articles").get_json()["articles"][0]
    padded = f"/api/articles/{article['id']:04d}"
    for asked, canonical in (
        (padded, f"/api/articles/{article['id']}"),
        (padded + "/revisions?x=1", f"/api/articles/{article['id']}/revisions?x=1"),
        (f"/articles/{article['id']:04d}/{article['url'].rsplit('/', 1)[1]}", article["url"]),
    ):
        response = client.get(asked)
        assert response.status_code == 308 and response.headers["Location"] == canonical
    assert client.get(padded, follow_redirects=True).get_json()["id"] == article["id"]


@pytest.mark.parametrize(
    "url",
    [
        "/nowhere/",
        "/archive/2019/13",
        "/archive/1999/4",
        "/topics/ATLANTIS",
    ],
)
def test_what_is_not_there_stays_404_after_any_redirect(client, seeded, url):
    assert client.get(url, follow_redirects=True).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/%D9%A1",  # Arabic-Indic 1
        "/articles/%D9%A1",
        "/archive/%D9%A2%D9%A0%D9%A1%D9%A9",  # Arabic-Indic 2019
        "/archive/2019/%D9%A0%D9%A4",
        "/articles/%E0%A5%A7/x",  # Devanagari 1
    ],
)
def test_only_ascii_digits_make_an_id_or_a_year(client, seeded, url):
    assert client.get(url).status_code == 404
    assert client.get(url.replace("%D9%A1", "1")).status_code != 500


def test_an_unknown_address_posted_is_not_redirected(client, seeded):
    assert client.post("/articles/").status_code in (404, 405)


def test_archive_years_say_article_in_the_singular(client, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("Lonely", url="https://x.org/l", date_line="2021-03-04"))
    ingest(tmp_path)
    html = client.get("/archive").get_data(as_text=True)
    assert '<span class="count">1 article</span>' in html and "1 articles" not in html

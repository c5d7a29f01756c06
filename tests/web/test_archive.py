"""The date archive: years and months with counts, a month's articles day by day."""

from __future__ import annotations

import re

import pytest

from tests.conftest import article_text, write


def dated_files(folder, dates: list[str]) -> None:
    for k, day in enumerate(dates, 1):
        write(
            folder,
            f"{k:03d}.txt",
            article_text(f"On {day} #{k}", url=f"https://x.org/{k}", date_line=day),
        )


@pytest.fixture
def spread(ingest, tmp_path):
    dated_files(tmp_path, ["2019-04-02", "2019-04-02", "2019-04-20", "2019-09-25", "2021-01-05"])
    code, _ = ingest(tmp_path)
    assert code == 0


def test_archive_lists_years_and_months_with_counts(client, spread):
    html = client.get("/archive").get_data(as_text=True)
    assert "5 dated articles from 2019 to 2021" in html
    assert html.index('href="/archive/2021"') < html.index('href="/archive/2019"')
    assert re.search(r'href="/archive/2019">2019</a> <span class="count">4 articles', html)
    assert 'href="/archive/2019/04" title="April 2019: 3 articles">Apr<' in html
    assert 'href="/archive/2020"' not in html and 'href="/archive/2019/05"' not in html


def test_year_page_lists_its_months_and_the_years_around(client, spread):
    html = client.get("/archive/2019").get_data(as_text=True)
    # January to December, as /archive lists them.
    assert re.findall(r'href="/archive/2019/(\d\d)">(\w+)</a> <span class="count">(\d+)', html) == [
        ("04", "April", "3"),
        ("09", "September", "1"),
    ]
    assert 'class="newer" href="/archive/2021"' in html and 'class="older"' not in html


def test_year_page_leads_to_the_years_articles_and_a_search_within_it(client, spread):
    html = client.get("/archive/2019").get_data(as_text=True)
    listed = re.search(r'<a href="(/articles\?[^"]+)">Every article of 2019</a>', html)
    assert listed
    articles = client.get(listed.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert articles.count("data-item>On 2019-") == 4 and "On 2021-" not in articles
    form = html[html.index('aria-label="Search 2019"') :]
    form = form[: form.index("</form>")]
    assert 'action="/search"' in form and 'name="q"' in form
    assert '<input type="hidden" name="from" value="2019">' in form
    assert '<input type="hidden" name="to" value="2019">' in form


def test_an_archive_of_one_year_says_in_that_year(client, ingest, tmp_path):
    dated_files(tmp_path, ["2019-04-02", "2019-09-25"])
    ingest(tmp_path)
    html = client.get("/archive").get_data(as_text=True)
    assert "2 dated articles in 2019." in html


def test_month_page_groups_articles_by_day_newest_first(client, spread):
    html = client.get("/archive/2019/04").get_data(as_text=True)
    assert '<p class="intro">3 articles.</p>' in html
    days = re.findall(r'<h2 id="day-([\d-]+)">', html)
    assert days == ["2019-04-20", "2019-04-02"]
    second_day = html.partition('id="day-2019-04-02"')[2]
    assert re.findall(r"data-item>([^<]+)<", second_day) == ["On 2019-04-02 #2", "On 2019-04-02 #1"]
    assert 'class="newer" href="/archive/2019/09"' in html and 'class="older"' not in html


def test_a_long_month_pages_by_cursor(client, ingest, tmp_path):
    dated_files(tmp_path, [f"2019-04-{1 + k % 28:02d}" for k in range(130)])
    ingest(tmp_path)
    first = client.get("/archive/2019/04").get_data(as_text=True)
    assert first.count("data-item") == 100
    assert '<p class="intro">130 articles, 100 on this page.</p>' in first
    older = re.search(r'rel="next" href="([^"]+)"', first)[1].replace("&amp;", "&")
    assert older.startswith("/archive/2019/04?after=")
    assert client.get(older).get_data(as_text=True).count("data-item") == 30


def test_counts_follow_new_ingests(client, spread, ingest, tmp_path):
    client.get("/archive")  # remembered now
    write(
        tmp_path / "more",
        "x.txt",
        article_text("Later", url="https://x.org/later", date_line="2022-03-01"),
    )
    ingest(tmp_path / "more")
    html = client.get("/archive").get_data(as_text=True)
    assert "6 dated articles from 2019 to 2022" in html and 'href="/archive/2022/03"' in html


@pytest.mark.parametrize(
    "url", ["/archive/2020", "/archive/1850", "/archive/0000", "/archive/2019/05",
            "/archive/2019/13", "/archive/2019/00", "/archive/19", "/archive/2019/5"],
)  # fmt: skip
def test_periods_without_articles_answer_404(client, spread, url):
    response = client.get(url, follow_redirects=True)  # /archive/2019/5 to /archive/2019/05
    assert response.status_code == 404
    assert 'action="/search"' in response.get_data(as_text=True)


def test_undated_articles_are_counted_apart(client, ingest, tmp_path):
    write(tmp_path, "u.txt", article_text("No date", url=None, date_line=""))
    ingest(tmp_path)
    html = client.get("/archive").get_data(as_text=True)
    assert 'No dated articles yet; <a href="/archive/undated">1 without a date</a>' in html


def test_undated_articles_have_their_own_page_paged_both_ways(client, spread, ingest, tmp_path):
    for k in range(5):
        write(tmp_path / "u", f"u{k}.txt", article_text(f"Undated {k}", url=None, date_line=""))
    ingest(tmp_path / "u")
    archive = client.get("/archive").get_data(as_text=True)
    assert 'and <a href="/archive/undated">5 without a date</a>' in archive
    first = client.get("/archive/undated?per_page=2").get_data(as_text=True)
    assert "5 articles without a date" in first and 'aria-current="page">Without a date' in first
    assert re.findall(r"data-item>([^<]+)<", first) == ["Undated 4", "Undated 3"]
    seen, html, url = [], first, None
    while True:
        seen += re.findall(r"data-item>([^<]+)<", html)
        found = re.search(r'rel="next" href="([^"]+)"', html)
        if not found:
            break
        url = found[1].replace("&amp;", "&")
        html = client.get(url).get_data(as_text=True)
    assert seen == [f"Undated {k}" for k in (4, 3, 2, 1, 0)]  # no dated article among them
    back = re.search(r'rel="prev" href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert re.findall(r"data-item>([^<]+)<", client.get(back).get_data(as_text=True)) == [
        "Undated 2",
        "Undated 1",
    ]


def test_no_undated_articles_is_said_plainly(client, spread):
    html = client.get("/archive/undated").get_data(as_text=True)
    assert "Every article has a date." in html and "0 articles" not in html  # said once

"""Sources: every credited name by kind, and one source's articles."""

from __future__ import annotations

import re

from tests.conftest import article_text, write


def by(names: str, title: str, url: str) -> str:
    return article_text(title, url=url).replace("By [Reuters](#)", f"By {names}")


def test_sources_lists_names_by_kind_with_counts(client, ingest, tmp_path):
    write(tmp_path, "a.txt", by("[Reuters](#)", "One", "https://www.reuters.com/a"))
    write(tmp_path, "b.txt", by("[Reuters](#) and [Anna Ivanova](#)", "Two", "https://x.org/b"))
    ingest(tmp_path)
    html = client.get("/sources").get_data(as_text=True)
    organisations = html.partition('id="kind-organization"')[2].partition("</section>")[0]
    assert re.search(
        r'href="/sources/reuters">Reuters</a>\s*<span class="count">2 bylines, 1 published',
        organisations,
    )
    people = html.partition('id="kind-person"')[2].partition("</section>")[0]
    assert re.search(
        r'href="/sources/anna-ivanova">Anna Ivanova</a>\s*<span class="count">1 byline<', people
    )
    publishers = html.partition('id="kind-publisher"')[2].partition("</section>")[0]
    assert 'href="/sources/x-org">x.org</a>' in publishers


def test_source_page_lists_what_it_wrote_or_published(client, ingest, tmp_path):
    write(tmp_path, "a.txt", by("[AFP](#)", "Theirs", "https://www.reuters.com/a"))
    write(tmp_path, "b.txt", by("[Reuters](#)", "Ours", "https://x.org/b"))
    write(tmp_path, "c.txt", by("[AFP](#)", "Not ours", "https://x.org/c"))
    ingest(tmp_path)
    html = client.get("/sources/reuters").get_data(as_text=True)
    assert "<h1>Reuters</h1>" in html
    assert re.findall(r"data-item>([^<]+)<", html) == ["Ours", "Theirs"]
    assert "1 byline" in html and "1 article published" in html


def test_source_page_pages_by_cursor(client, ingest, tmp_path):
    for k in range(25):
        write(tmp_path, f"{k:02d}.txt", by("[AFP](#)", f"Story {k}", f"https://x.org/{k}"))
    ingest(tmp_path)
    html = client.get("/sources/afp").get_data(as_text=True)
    older = re.search(r'rel="next" href="([^"]+)"', html)[1]
    assert older.startswith("/sources/afp?after=")
    assert client.get(older).get_data(as_text=True).count("data-item") == 5


def test_unknown_source_answers_404(client, seeded):
    assert client.get("/sources/nobody").status_code == 404
    assert client.get("/sources/reuters?after=nonsense").status_code == 400


def listing(html: str) -> str:
    """The A to Z list of a /sources page, after its letters."""
    return html.partition('id="a-to-z"')[2].partition("</nav>")[2].partition("</section>")[0]


def test_many_authors_show_the_most_credited_then_every_source_a_to_z(client, ingest, tmp_path):
    for k in range(1, 106):
        write(tmp_path, f"{k}.txt", by(f"[Author {k:03d}](#)", f"Story {k}", f"https://x.org/{k}"))
    write(tmp_path, "again.txt", by("[Author 105](#)", "Again", "https://x.org/again"))
    ingest(tmp_path)
    html = client.get("/sources").get_data(as_text=True)
    people = html.partition('id="kind-person"')[2].partition("</section>")[0]
    assert "The 60 most credited of 105" in people
    assert people.count("<li>") == 60 and people.index("author-105") < people.index("author-001")
    a_to_z = listing(html)
    assert a_to_z.count("<li>") == 100 and "/sources/ap" in a_to_z  # the photo agency of every one
    later = re.search(r'rel="next" href="([^"]+)"', a_to_z)[1]
    rest = client.get(later).get_data(as_text=True)
    assert 'id="kind-person"' not in rest
    listed = listing(rest)
    assert re.findall(r'href="/sources/([a-z0-9-]+)">', listed) == [
        "author-100", "author-101", "author-102", "author-103", "author-104", "author-105", "x-org"
    ]  # fmt: skip
    earlier = re.search(r'rel="prev" href="([^"]+)"', rest)[1]
    assert listing(client.get(earlier).get_data(as_text=True)).count("<li>") == 100
    assert client.get("/sources?after=Not%20a%20slug").status_code == 400
    assert client.get("/sources?after=a&before=b").status_code == 400


def photo(credit: str, title: str, url: str, names: str = "[Reuters](#)") -> str:
    return by(names, title, url).replace("**A. Photographer / AP**", f"**{credit}**")


def test_an_agency_page_lists_the_articles_it_supplied_photos_for(client, ingest, tmp_path):
    write(tmp_path, "a.txt", photo("Polina Zhukova / TASS", "First", "https://x.org/a"))
    write(tmp_path, "b.txt", photo("Ivan Petrov / TASS", "Second", "https://x.org/b"))
    write(tmp_path, "c.txt", photo("Someone / EPA", "Third", "https://x.org/c"))
    ingest(tmp_path)
    html = client.get("/sources/tass").get_data(as_text=True)
    assert "No article names" not in html and "2 photos credited" in html
    assert "Articles with photos credited to TASS" in html
    assert sorted(re.findall(r"data-item>([^<]+)<", html)) == ["First", "Second"]
    assert client.get("/sources/tass/photos").get_data(as_text=True).count("data-item") == 2
    assert client.get("/sources/nobody/photos").status_code == 404
    # The source filter still means authors and publisher: photo credits are their own list.
    assert client.get("/api/articles?source=tass").get_json()["total"] == 0


def test_a_photo_credit_links_to_its_agencys_photos(client, ingest, tmp_path):
    write(tmp_path, "a.txt", photo("Polina Zhukova / TASS", "First", "https://x.org/a"))
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    html = client.get(article["url"]).get_data(as_text=True)
    assert (
        '<p class="photo-credit">Photo: Polina Zhukova / <a href="/sources/tass/photos">TASS</a>'
        in html
    )
    found = client.get(f"/api/articles/{article['id']}").get_json()
    assert found["photo_source"] == {"slug": "tass", "name": "TASS"}


def test_a_source_that_also_wrote_links_to_its_photos(client, ingest, tmp_path):
    write(tmp_path, "a.txt", photo("Staff / Reuters", "Pictured", "https://x.org/a", "[AFP](#)"))
    write(tmp_path, "b.txt", photo("Staff / AP", "Written", "https://x.org/b"))
    ingest(tmp_path)
    html = client.get("/sources/reuters").get_data(as_text=True)
    assert re.findall(r"data-item>([^<]+)<", html) == ["Written"]
    assert '<a href="/sources/reuters/photos">1 photo credited</a>' in html
    photos = client.get("/sources/reuters/photos").get_data(as_text=True)
    assert re.findall(r"data-item>([^<]+)<", photos) == ["Pictured"]
    assert '<a href="/sources/reuters">Articles by or from Reuters</a>' in photos


def test_an_agencys_photos_page_by_cursor_both_ways(client, ingest, tmp_path):
    for k in range(23):
        write(tmp_path, f"{k:02d}.txt", photo("X / TASS", f"Story {k}", f"https://x.org/{k}"))
    ingest(tmp_path)
    html = client.get("/sources/tass/photos").get_data(as_text=True)
    older = re.search(r'rel="next" href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert older.startswith("/sources/tass/photos?after=")
    second = client.get(older).get_data(as_text=True)
    assert second.count("data-item") == 3
    newer = re.search(r'rel="prev" href="([^"]+)"', second)[1].replace("&amp;", "&")
    assert client.get(newer).get_data(as_text=True).count("data-item") == 20


def test_the_a_to_z_list_jumps_to_a_letter(client, ingest, tmp_path):
    for k, name in enumerate(("Anna Ivanova", "Boris Petrov", "Tatiana Volkova", "Yuri Orlov")):
        write(tmp_path, f"{k}.txt", by(f"[{name}](#)", f"Story {k}", f"https://x.org/{k}"))
    ingest(tmp_path)
    html = client.get("/sources").get_data(as_text=True)
    letters = html.partition('aria-label="Sources by first letter"')[2].partition("</nav>")[0]
    assert re.findall(r">([^<]+)</a>", letters) == ["0–9", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    t = re.search(r'href="([^"]+)">T</a>', letters)[1]
    assert t == "/sources?after=t#a-to-z"
    listed = re.findall(
        r'href="/sources/([a-z0-9-]+)">', listing(client.get(t).get_data(as_text=True))
    )
    assert listed == ["tatiana-volkova", "x-org", "yuri-orlov"]


def test_agencies_are_ranked_by_bylines_and_photo_credits(client, ingest, tmp_path):
    for k in range(3):
        write(tmp_path, f"t{k}.txt", photo("Someone / TASS", f"T{k}", f"https://x.org/t{k}"))
    write(tmp_path, "e.txt", photo("Someone / EPA", "E", "https://x.org/e"))
    write(tmp_path, "a.txt", by("[AP](#)", "Written by AP", "https://x.org/a"))
    ingest(tmp_path)
    html = client.get("/sources").get_data(as_text=True)
    agencies = html.partition('id="kind-agency"')[2].partition("</section>")[0]
    assert "bylines or for photos" in agencies
    ranked = re.findall(
        r'href="/sources/([a-z-]+)">[^<]+</a>\s*<span class="count">([^<]*)<', agencies
    )
    assert ranked == [("tass", "3 photos"), ("epa", "1 photo")]
    # AP, a news organisation, wrote one and took its photo (the fixture's credit)
    assert re.search(r'/sources/ap">AP</a>\s*<span class="count">1 byline, 1 photo<', html)
    assert re.search(
        r'href="/sources/tass">TASS</a>\s*<span class="count">3 photos<', listing(html)
    )

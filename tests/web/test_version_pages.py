"""An article's versions: the Updated link, the list of what changed, one earlier version, JSON."""

from __future__ import annotations

import re

import pytest

from app import db
from app.models import Revision
from tests.conftest import article_text, write
from tests.web.test_page_queries import plan, statements

URL = "https://x.org/changing"
KEPT = ["Paragraph one stays.", "Paragraph two stays.", "Paragraph three stays."]


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


# Three versions of one article (one URL): a word changed, a script added, a title changed,
# a date moved, a paragraph added and one removed.
FIRST = article_text("Talks resume", url=URL, body=body("Talks resume on Monday in Geneva.", *KEPT))
SECOND = article_text(
    "Talks resume",
    url=URL,
    body=body("Talks resume on Tuesday in Geneva <script>alert(1)</script>.", *KEPT),
)
THIRD = article_text(
    "Talks resume in Vienna",
    url=URL,
    date_line="January 03, 2020",
    body=body("Talks resume on Tuesday in Geneva <script>alert(1)</script>.", *KEPT[:2], "New."),
)


@pytest.fixture
def revised(client, ingest, tmp_path):
    """Ingest FIRST, then SECOND and THIRD over it; return the article's JSON."""
    path = tmp_path / "story.txt"
    for text in (FIRST, SECOND, THIRD):
        write(tmp_path, "story.txt", text)
        code, report = ingest(path)
        assert code == 0, report
    article = client.get("/api/articles").get_json()["articles"][0]
    return client.get(f"/api/articles/{article['id']}").get_json()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def section(html: str, n: int) -> str:
    """The list item of version n on the versions page."""
    return html.split(f'<li id="v{n}">', 1)[1].split("</li>\n", 1)[0]


def test_the_updated_line_links_to_the_versions_page(client, revised):
    html = page(client, revised["url"])
    assert f'<a class="updated" href="{revised["url"]}/versions">Updated <time' in html


def test_an_article_never_changed_has_no_versions_link(client, ingest, tmp_path):
    write(tmp_path, "a.txt", FIRST)
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    assert "/versions" not in page(client, article["url"])


def test_the_versions_page_lists_every_version_newest_first(client, revised):
    html = page(client, revised["url"] + "/versions")
    assert revised["revisions"] == 2
    assert [int(n) for n in re.findall(r'<li id="v(\d+)">', html)] == [3, 2, 1]
    assert "<title>Versions of Talks resume in Vienna · Foreign Desk</title>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<a href="{revised["url"]}">Talks resume in Vienna</a>' in html  # breadcrumbs
    assert '<span aria-current="page">Versions</span>' in html
    assert "(current)" in section(html, 3) and "replaced" in section(html, 2)
    assert f'href="{revised["url"]}/versions/1">Read version 1</a>' in section(html, 1)
    assert "The first version archived." in section(html, 1)
    assert "This article changed 2 times after it was first archived." in html


def test_an_article_changed_once_says_once(client, ingest, tmp_path):
    for text in (FIRST, SECOND):
        write(tmp_path, "story.txt", text)
        ingest(tmp_path / "story.txt")
    article = client.get("/api/articles").get_json()["articles"][0]
    assert "This article changed once after" in page(client, article["url"] + "/versions")


def test_the_versions_page_marks_inserted_and_deleted_words(client, revised):
    second = section(page(client, revised["url"] + "/versions"), 2)
    assert (
        'Talks resume on <del><span class="visually-hidden">deleted: </span>Monday</del> '
        '<ins><span class="visually-hidden">inserted: </span>Tuesday</ins> in Geneva '
        '<ins><span class="visually-hidden">inserted: </span>&lt;script&gt;alert(1)&lt;/script&gt;'
        "</ins>."
    ) in second
    assert "<summary>4 unchanged paragraphs</summary>" in second


def test_unchanged_paragraphs_are_collapsed_not_shown_in_full(client, revised):
    second = section(page(client, revised["url"] + "/versions"), 2)
    assert second.count("Paragraph two stays.") == 1  # once, inside the closed disclosure
    unchanged = second.split('<details class="unchanged">', 1)[1].split("</details>", 1)[0]
    assert all(p in unchanged for p in KEPT)


def test_changed_details_and_paragraphs_added_and_removed_are_listed(client, revised):
    third = section(page(client, revised["url"] + "/versions"), 3)
    assert "<dt>Title</dt>" in third and "<dt>Date</dt>" in third
    assert "deleted: </span>Talks resume</del>" in third
    assert "inserted: </span>Talks resume in Vienna</ins>" in third
    assert "deleted: </span>2 January 2020</del>" in third
    assert "inserted: </span>3 January 2020</ins>" in third
    assert (
        '<p class="removed"><del><span class="visually-hidden">deleted: </span>Paragraph three'
        in third
    )
    assert (
        '<p class="added"><ins><span class="visually-hidden">inserted: </span>New.</ins>' in third
    )
    assert "<summary>1 unchanged paragraph</summary>" in third
    assert "<dt>Byline</dt>" not in third and "<dt>Photo credit</dt>" not in third


def test_no_article_text_is_ever_markup(client, revised):
    for url in (revised["url"] + "/versions", revised["url"] + "/versions/2"):
        html = page(client, url)
        assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_one_earlier_version_reads_as_it_was_with_a_banner(client, revised):
    html = page(client, revised["url"] + "/versions/1")
    assert "<h1>Talks resume</h1>" in html and "Monday" in html and "Tuesday" not in html
    assert "This is an earlier version of this article, replaced on <time" in html
    assert f'<a href="{revised["url"]}">Read the current version</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Version 1 of Talks resume in Vienna · Foreign Desk</title>" in html
    assert f'<a href="{revised["url"]}/versions">Versions</a>' in html  # breadcrumbs
    assert "<p>Paragraph three stays.</p>" in html  # rendered as the article page renders text
    assert "Version 1 of 3" in html


def test_an_earlier_version_links_its_original_url_only_if_it_is_a_web_address(
    client, ingest, tmp_path
):
    for body in ("Old text.", "New text."):
        write(tmp_path, "o.txt", article_text("Odd", url="javascript:alert(1)", body=body))
        ingest(tmp_path / "o.txt")
    article = client.get("/api/articles").get_json()["articles"][0]
    html = page(client, article["url"] + "/versions/1")
    assert "Old text." in html and 'href="javascript:' not in html


def test_an_earlier_version_renders_its_markdown_and_related_lines(client, ingest, tmp_path):
    old = article_text("Marked", url=URL, body="Said *loudly* here.", related="Older story")
    for text in (old, article_text("Marked", url=URL, body="Said quietly here.")):
        write(tmp_path, "m.txt", text)
        ingest(tmp_path / "m.txt")
    article = client.get("/api/articles").get_json()["articles"][0]
    html = page(client, article["url"] + "/versions/1")
    assert "<p>Said <em>loudly</em> here.</p>" in html and "Related article" in html
    assert "Older story" in html


def test_versions_numbers_stay_as_versions_are_added(client, revised, tmp_path, ingest):
    before = page(client, revised["url"] + "/versions/1")
    write(tmp_path, "story.txt", article_text("Talks resume in Vienna", url=URL, body="Fourth."))
    ingest(tmp_path / "story.txt")
    current = client.get(f"/api/articles/{revised['id']}").get_json()["url"]
    assert page(client, current + "/versions/1").split("<main", 1)[1] == before.split("<main", 1)[
        1
    ].replace("Version 1 of 3", "Version 1 of 4")


def test_short_and_misspelt_addresses_redirect_to_the_versions_page(client, revised):
    url = revised["url"]
    response = client.get(f"/api/articles/{revised['id']}".replace("/api", "") + "/versions")
    assert response.status_code == 301 and response.location == url + "/versions"
    response = client.get(f"/articles/{revised['id']}/wrong-slug/versions/2")
    assert response.status_code == 301 and response.location == url + "/versions/2"
    response = client.get(url.upper().replace("/ARTICLES", "/articles") + "/versions")
    assert response.status_code == 308 and response.location == url + "/versions"


def test_the_current_version_number_sends_to_the_article(client, revised):
    response = client.get(revised["url"] + "/versions/3")
    assert response.status_code == 302 and response.location == revised["url"]


@pytest.mark.parametrize(
    "path", ["/versions/0", "/versions/4", "/versions/99999999999999999999999", "/versions/x"]
)
def test_versions_that_do_not_exist_answer_404(client, revised, path):
    response = client.get(revised["url"] + path)
    assert response.status_code == 404 and "Not found" in response.get_data(as_text=True)


def test_unknown_articles_have_no_versions(client, revised):
    for url in (
        "/articles/424242/versions",
        "/articles/424242/x/versions",
        "/articles/424242/x/versions/1",
    ):
        response = client.get(url)
        assert response.status_code == 404 and "Not found" in response.get_data(as_text=True)


def test_an_article_never_changed_has_a_versions_page_saying_so(client, ingest, tmp_path):
    write(tmp_path, "a.txt", FIRST)
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    html = page(client, article["url"] + "/versions")
    assert "This article has not changed since it was archived on <time" in html
    assert client.get(article["url"] + "/versions/1").status_code == 302
    assert client.get(article["url"] + "/versions/2").status_code == 404


def test_an_article_whose_slug_is_versions_keeps_its_own_page(client, ingest, tmp_path):
    write(tmp_path, "v.txt", article_text("Versions", url="https://x.org/versions"))
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    assert article["url"].endswith("/versions")
    html = page(client, article["url"])
    assert "<h1>Versions</h1>" in html
    assert "This article has not changed" in page(client, article["url"] + "/versions")


def test_a_version_todays_parser_refuses_is_shown_as_written(app, client, revised):
    with app.app_context():
        first = db.session().query(Revision).order_by(Revision.id).first()
        first.raw_text = "\x00 not an article <b>any more</b>"
        db.session().commit()
    html = page(client, revised["url"] + "/versions/1")
    assert "cannot read this version" in html and "&lt;b&gt;any more&lt;/b&gt;" in html
    assert "cannot read this version" in page(client, revised["url"] + "/versions")


def test_the_json_lists_earlier_versions_oldest_first(client, revised):
    response = client.get(f"/api/articles/{revised['id']}/revisions")
    assert response.status_code == 200
    found = response.get_json()
    assert found["article_id"] == revised["id"] and found["url"] == revised["url"] + "/versions"
    first, second = found["revisions"]
    assert [first["n"], second["n"]] == [1, 2]
    assert first["title"] == second["title"] == "Talks resume"
    assert first["published"] == "2020-01-02"
    assert first["paragraphs"][0] == "Talks resume on Monday in Geneva."
    assert second["paragraphs"][0] == "Talks resume on Tuesday in Geneva <script>alert(1)</script>."
    assert first["superseded_at"] == second["ingested_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["superseded_at"])
    assert first["url"] == revised["url"] + "/versions/1"


def test_the_json_of_an_unknown_or_unchanged_article(client, ingest, tmp_path):
    response = client.get("/api/articles/424242/revisions")
    assert response.status_code == 404 and "error" in response.get_json()
    write(tmp_path, "a.txt", FIRST)
    ingest(tmp_path)
    article = client.get("/api/articles").get_json()["articles"][0]
    found = client.get(f"/api/articles/{article['id']}/revisions").get_json()
    assert found == {
        "article_id": article["id"],
        "url": article["url"] + "/versions",
        "revisions": [],
    }


def test_the_versions_pages_ask_two_questions_each_on_an_index(app, client, revised):
    article = revised["url"]
    for url in (article + "/versions", article + "/versions/1"):
        client.get(url)  # the article itself is remembered from here on
        with statements(app) as seen:
            assert client.get(url).status_code == 200
        assert len(seen) <= 2, seen
        for sql, parameters in seen:
            steps = plan(app, sql, parameters)
            assert not re.search(r"SCAN (article|revision)(?! USING)", steps), (sql, steps)
            assert "TEMP B-TREE" not in steps, (sql, steps)

"""The HTML article page and list: correct, redirecting and escaping raw HTML."""

from __future__ import annotations

from tests.conftest import article_text, write


def first_article(client) -> dict:
    return client.get("/api/articles").get_json()["articles"][0]


def test_short_article_address_redirects_to_the_full_one(client, seeded):
    summary = first_article(client)
    response = client.get(f"/articles/{summary['id']}")
    assert response.status_code == 301 and response.location.endswith(summary["url"])
    assert client.get(f"/articles/{summary['id']}/wrong-slug").location.endswith(summary["url"])


def test_article_page_shows_paragraphs_and_related_block_in_place(client, seeded):
    summary = first_article(client)
    html = client.get(summary["url"]).get_data(as_text=True)
    assert "<h1>Russian Military Specialists Arrive in Venezuela</h1>" in html
    before, _, after = html.partition('class="related"')
    assert before.count("<p>") == 2  # the two body paragraphs before the link
    assert "Russia Backs Talks Between Venezuela" in after


def test_markdown_is_rendered_and_raw_html_is_escaped(client, ingest, tmp_path):
    body = "\n\n".join(
        [
            "Some *emphasis* here.",
            "> A quoted line.",
            "- one\n- two",
            "<script>alert(1)</script> <b>x</b>",
        ]
    )
    ingest(write(tmp_path, "a.txt", article_text("Markup", body=body)))
    html = client.get(client.get("/articles/1").location).get_data(as_text=True)
    assert "<em>emphasis</em>" in html and "<blockquote>" in html and "<li>one</li>" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>x</b>" not in html


def test_list_pages_older(client, ingest, tmp_path):
    for day in range(1, 26):
        write(tmp_path, f"{day}.txt", article_text(f"Story {day}", url=f"https://x.org/{day}"))
    ingest(tmp_path)
    page = client.get("/articles").get_data(as_text=True)
    assert page.count('class="summary"') == 20 and 'rel="next"' in page


def test_healthz_and_unknown_pages(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/articles/424242").status_code == 404
    assert client.get("/nowhere").status_code == 404
    assert client.get("/articles?per_page=-1").status_code == 400

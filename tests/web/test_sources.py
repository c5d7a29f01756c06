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

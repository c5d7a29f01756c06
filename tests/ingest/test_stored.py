"""What a file's front matter and body become once ingested: the article's JSON and page."""

from __future__ import annotations

import pytest

from tests.conftest import write

HEAD = "# {title}\n\nBy Reuters\n\nApril 2, 2019\n\n"


def stored(client, ingest, tmp_path, text: str, name: str = "a.txt") -> dict:
    """Ingest one file and return its article JSON."""
    write(tmp_path, name, text)
    code, report = ingest(tmp_path / name)
    assert code == 0 and report["added"], report
    summary = client.get("/api/articles").get_json()["articles"][0]
    return client.get(f"/api/articles/{summary['id']}").get_json()


def related(article: dict) -> list[tuple]:
    return [(r["title"], r["href"], r["after_paragraph"]) for r in article["related"]]


# B3: a "Related article" line with several links, or words after its link


def test_a_related_line_with_two_links_gives_two_resolved_links(client, ingest, tmp_path):
    for n, title in enumerate(("Lavrov Meets Blinken in Geneva", "Troops Arrive in Caracas")):
        stored(client, ingest, tmp_path, HEAD.format(title=title) + "Text.\n", f"t{n}.txt")
    line = "**Related article:** [Troops Arrive in Caracas](#), [Lavrov Meets Blinken in Geneva](#)"
    text = HEAD.format(title="Citing Both") + f"First.\n\n{line}\n\nSecond.\n"
    article = stored(client, ingest, tmp_path, text)
    assert related(article) == [
        ("Troops Arrive in Caracas", None, 1),
        ("Lavrov Meets Blinken in Geneva", None, 1),
    ]
    assert all(r["article_id"] for r in article["related"])
    page = client.get(article["url"]).get_data(as_text=True)
    assert "](#)" not in page and page.count('class="related') == 2


@pytest.mark.parametrize(
    ("line", "refs"),
    [
        ("[A B](#) (in Russian)", [("A B", None)]),
        ("[A](https://x.org/a) and [C](#)", [("A", "https://x.org/a"), ("C", None)]),
        ("[A](#), [B](https://x.org/b", [("A", None), ("B", "https://x.org/b")]),
        ("[Putin's [sic] Plan](#)", [("Putin's [sic] Plan", None)]),
        ("Just a Title", [("Just a Title", None)]),
    ],
)
def test_words_after_a_related_link_are_not_its_title(client, ingest, tmp_path, line, refs):
    text = HEAD.format(title="Citing") + f"First.\n\nRelated article: {line}\n\nSecond.\n"
    article = stored(client, ingest, tmp_path, text)
    assert related(article) == [(title, href, 1) for title, href in refs]

"""Who cites whom, in the JSON and on the page, whichever article arrived first."""

from __future__ import annotations

import pytest

from tests.links.helpers import story


def article_by_title(client, title: str) -> dict:
    listing = client.get("/api/articles?per_page=100").get_json()["articles"]
    found = next(a for a in listing if a["title"] == title)
    return client.get(f"/api/articles/{found['id']}").get_json()


@pytest.mark.parametrize("target_first", [True, False], ids=["target first", "citing first"])
def test_related_and_cited_by_point_at_each_other(client, ingest, tmp_path, target_first):
    target = story(tmp_path / "t", "t.txt", "The Target", "https://x.org/t", day="May 1, 2020")
    citing = story(tmp_path / "c", "c.txt", "The Citing", "https://x.org/c", [("the target", "#")])
    for path in (target, citing) if target_first else (citing, target):
        ingest(path)
    cited, citing_json = (
        article_by_title(client, "The Target"),
        article_by_title(client, "The Citing"),
    )
    assert citing_json["related"][0]["article_id"] == cited["id"]
    assert cited["cited_by"] == [{"id": citing_json["id"], "title": "The Citing"}]
    assert citing_json["cited_by"] == []


def test_the_page_links_the_target_with_its_date_and_lists_who_cites(client, ingest, tmp_path):
    story(tmp_path, "t.txt", "The Target", "https://x.org/t", day="May 1, 2020")
    story(tmp_path, "c.txt", "The Citing", "https://x.org/c", [("The Target", "#")])
    story(tmp_path, "m.txt", "Another", "https://x.org/m", [("A Story Nobody Has", "#")])
    ingest(tmp_path)
    cited, citing = article_by_title(client, "The Target"), article_by_title(client, "The Citing")
    page = client.get(citing["url"]).get_data(as_text=True)
    block = page.split('class="related"')[1].split("</aside>")[0]
    assert f'href="{cited["url"]}">The Target</a>' in block
    assert '<time datetime="2020-05-01">1 May 2020</time>' in block
    target_page = client.get(cited["url"]).get_data(as_text=True)
    section = target_page.split('class="cited-by"')[1].split("</section>")[0]
    assert f'<a href="{citing["url"]}">The Citing</a>' in section
    missing = client.get(article_by_title(client, "Another")["url"]).get_data(as_text=True)
    assert "not in the archive" in missing.lower()


@pytest.mark.parametrize(
    "cited, href, shown",
    [
        ("Target By Url", "https://www.x.org/t/?utm_source=x", "Something Else Entirely"),
        ("Somethng Else Entirely", "#", "Something Else Entirely"),  # a typo, corrected
        ("SOMETHING ELSE — ENTIRELY", "#", None),  # the same title, written otherwise
    ],
)
def test_a_target_titled_otherwise_shows_its_title_too(
    client, ingest, tmp_path, cited, href, shown
):
    story(tmp_path, "t.txt", "Something Else Entirely", "https://x.org/t")
    story(tmp_path, "c.txt", "The Citing", "https://x.org/c", [(cited, href)])
    ingest(tmp_path)
    page = client.get(article_by_title(client, "The Citing")["url"]).get_data(as_text=True)
    block = page.split('class="related"')[1].split("</aside>")[0]
    assert f">{cited}</a>" in block
    if shown:
        assert f'<span class="archived">in the archive as: {shown}</span>' in block
    else:
        assert "in the archive as" not in block

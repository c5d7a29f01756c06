"""`foreign-desk links`: what resolved, and which titles to add, most cited first."""

from __future__ import annotations

import json

from tests.links.helpers import links, story

WANTED = "The Summit Everyone Cites"


def archive(folder):
    """Three citing articles: one link resolves, four point at two titles the archive lacks."""
    story(folder, "t.txt", "The Target", "https://x.org/t")
    story(folder, "a.txt", "A", "https://x.org/a", [("The Target", "#"), (WANTED, "#")])
    story(folder, "b.txt", "B", "https://x.org/b", [("the summit everyone cites", "#")])
    story(
        folder,
        "c.txt",
        "C",
        "https://x.org/c",
        [(WANTED, "https://example.org/summit"), ("A Lonely Story", "#")],
    )


def test_the_report_counts_links_and_lists_missing_titles_most_cited_first(
    runner, ingest, tmp_path
):
    archive(tmp_path)
    ingest(tmp_path)
    result = runner.invoke(args=["links", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "links": 5,
        "resolved": 1,
        "unresolved": 4,
        "own": 0,
        "resolved_by": {"url": 0, "title": 1, "spelling": 0, "fuzzy": 0},
        "missing_titles": 2,
        "missing": [
            {"title": WANTED, "cited": 3, "href": "https://example.org/summit"},
            {"title": "A Lonely Story", "cited": 1, "href": None},
        ],
    }


def test_the_report_as_text_and_limited(runner, ingest, tmp_path):
    archive(tmp_path)
    ingest(tmp_path)
    lines = runner.invoke(args=["links", "--limit", "1"]).output.splitlines()
    assert lines == [
        "5 links: 1 resolved (url 0 · title 1 · spelling 0 · fuzzy 0), 4 unresolved",
        "2 titles the archive lacks; the most cited (--limit 0 lists all):",
        f"     3  {WANTED}",
    ]
    every = runner.invoke(args=["links"]).output.splitlines()
    assert every[1] == "2 titles the archive lacks, most cited first:" and len(every) == 4


def test_adding_the_most_cited_title_resolves_its_links(app, runner, ingest, tmp_path):
    archive(tmp_path / "1")
    ingest(tmp_path / "1")
    ingest(story(tmp_path / "2", "s.txt", WANTED, "https://x.org/s"))
    report = json.loads(runner.invoke(args=["links", "--json"]).output)
    assert report["resolved"] == 4 and report["missing"][0]["title"] == "A Lonely Story"


def test_resolve_recomputes_every_link_the_same_way(app, runner, ingest, tmp_path):
    archive(tmp_path)
    story(tmp_path, "typo.txt", "D", "https://x.org/d", [("The Tagret Again", "#")])
    story(tmp_path, "t2.txt", "The Target Again", "https://x.org/t2")
    ingest(tmp_path)
    before = links(app)
    result = runner.invoke(args=["links", "--resolve", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["resolved"] == 2
    assert links(app) == before
    assert ("The Target Again", "fuzzy") in before


def test_an_empty_archive_reports_nothing_missing(runner):
    result = runner.invoke(args=["links"])
    assert result.exit_code == 0
    assert (
        result.output
        == "0 links: 0 resolved (url 0 · title 0 · spelling 0 · fuzzy 0), 0 unresolved\n"
    )


def test_a_link_naming_its_own_article_is_not_missing(client, runner, ingest, tmp_path):
    """It stays unresolved (a page never links to itself) but the archive holds what it
    names: the page says so, and the report does not ask for the title."""
    title = "Alpha Article About Belarus Links"
    cites = [(title.upper(), "#"), ("By Its Address", "https://www.x.org/alpha/"), (WANTED, "#")]
    ingest(story(tmp_path, "alpha.txt", title, "https://x.org/alpha", cites))
    report = json.loads(runner.invoke(args=["links", "--json"]).output)
    assert (report["unresolved"], report["own"], report["missing_titles"]) == (3, 2, 1)
    assert [m["title"] for m in report["missing"]] == [WANTED]
    text = runner.invoke(args=["links"]).output.splitlines()[0]
    assert text.endswith("3 unresolved (2 naming their own article)")
    page = client.get("/articles/1", follow_redirects=True).get_data(as_text=True)
    assert page.count("This article</span>") == 2 and page.count("Not in the archive") == 1

"""An article whose title changes in an update takes the links naming its new title and lets go
of those naming its old one, at once: the archive is the one `links --resolve` leaves."""

from __future__ import annotations

import json

import pytest

from app.ingest import load
from tests.links.helpers import links, story

CITED = "Iran Tests New Missile Near Border"
TYPO = "Iran Tests New Misssile Near Border"


def resolved_afresh(app, runner) -> list:
    """The links as a full re-resolution leaves them (the reference for any order of ingest)."""
    result = runner.invoke(args=["links", "--resolve", "--json"])
    assert result.exit_code == 0, result.output
    return links(app)


def link_of(client, article_id: int = 1) -> dict:
    return client.get(f"/api/articles/{article_id}").get_json()["related"][0]


def test_a_retitled_article_lets_go_and_another_takes_the_link(
    app, client, runner, ingest, tmp_path
):
    story(
        tmp_path / "1", "a.txt", "Citing", "https://x.org/a", [(CITED, "#")], day="March 10, 2020"
    )
    story(tmp_path / "1", "b.txt", CITED, "https://x.org/b", day="March 4, 2020")
    story(tmp_path / "1", "c.txt", "Iraq Tests New Missile", "https://x.org/c", day="March 1, 2020")
    ingest(tmp_path / "1")
    assert links(app) == [(CITED, "title")]

    ingest(story(tmp_path / "2", "b.txt", "Talks Collapse in Istanbul", "https://x.org/b"))
    assert links(app) == [(None, None)]
    assert link_of(client)["article_id"] is None
    assert links(app) == resolved_afresh(app, runner)

    ingest(story(tmp_path / "3", "c.txt", CITED, "https://x.org/c", day="March 1, 2020"))
    assert links(app) == [(CITED, "title")]
    assert link_of(client)["article_id"] == 3
    assert links(app) == resolved_afresh(app, runner)


def test_a_link_moves_from_the_retitled_article_to_the_next_nearest(app, runner, ingest, tmp_path):
    citing = [(CITED, "#")]
    story(tmp_path / "1", "a.txt", "Citing", "https://x.org/a", citing, day="March 10, 2020")
    story(tmp_path / "1", "near.txt", CITED, "https://x.org/near", day="March 9, 2020")
    story(tmp_path / "1", "far.txt", CITED, "https://x.org/far", day="March 1, 2018")
    ingest(tmp_path / "1")
    ingest(story(tmp_path / "2", "near.txt", "Something Else", "https://x.org/near"))
    assert links(app) == [(CITED, "title")]
    report = json.loads(runner.invoke(args=["links", "--json"]).output)
    assert report["resolved_by"]["title"] == 1
    assert links(app) == resolved_afresh(app, runner)


def test_typo_links_follow_a_retitled_article(app, runner, ingest, tmp_path):
    """A link one typo from the new title finds it; one that named the old title by a typo
    finds the next article one typo away."""
    old = "Kremlin Hosts Belarus Delegation in Moscow"
    story(
        tmp_path / "1",
        "a.txt",
        "Citing",
        "https://x.org/a",
        [(TYPO, "#"), ("Kremlin Hosts Belarus Delegatoin in Moscow", "#")],
        day="March 10, 2020",
    )
    story(tmp_path / "1", "b.txt", old, "https://x.org/b", day="March 9, 2020")
    story(tmp_path / "1", "c.txt", old, "https://x.org/c", day="March 1, 2010")
    ingest(tmp_path / "1")
    assert links(app) == [(None, None), (old, "fuzzy")]

    ingest(story(tmp_path / "2", "b.txt", CITED, "https://x.org/b", day="March 9, 2020"))
    assert links(app) == [(CITED, "fuzzy"), (old, "fuzzy")]
    assert links(app) == resolved_afresh(app, runner)


@pytest.mark.parametrize("chunk", [500, 1])
def test_a_title_changed_within_one_run_resolves_as_a_full_pass_would(
    app, runner, ingest, tmp_path, monkeypatch, chunk
):
    monkeypatch.setattr(load, "CHUNK", chunk)
    story(tmp_path, "1a.txt", "Citing", "https://x.org/a", [(CITED, "#")], day="March 10, 2020")
    story(tmp_path, "1b.txt", CITED, "https://x.org/b", day="March 4, 2020")
    story(tmp_path, "1c.txt", "Iraq Tests New Missile", "https://x.org/c", day="March 1, 2020")
    story(tmp_path, "2b.txt", "Talks Collapse in Istanbul", "https://x.org/b")
    story(tmp_path, "2c.txt", TYPO, "https://x.org/c", day="March 1, 2020")
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["updated"]) == 2
    assert links(app) == [(TYPO, "fuzzy")]
    assert links(app) == resolved_afresh(app, runner)

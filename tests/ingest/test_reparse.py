"""`reparse`: an archive an older parser filled is read again from its raw text, and ends up
holding what a fresh ingest of the same files stores today."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app import db
from app.ingest import bulk
from app.ingest import reparse as reparse_module
from tests.conftest import article_text, fresh_app, write

URLS = [f"https://www.themoscowtimes.com/2020/01/0{n}/article-{n}" for n in (1, 2, 3)]


@pytest.fixture
def folder(tmp_path) -> Path:
    """Three articles, the second citing the first by its title."""
    folder = tmp_path / "articles"
    write(folder, "a1.md", article_text("Talks Resume in Geneva", url=URLS[0]))
    body = "Ministers met again about sanctions and gas."
    text = article_text("Gas Deal Signed", url=URLS[1], body=body, related="Talks Resume in Geneva")
    write(folder, "a2.md", text)
    write(folder, "a3.md", article_text("Troops Leave the Border", url=URLS[2]))
    return folder


@pytest.fixture
def archive(app, ingest, folder) -> Path:
    """The archive of `app`, holding the folder: its file, for SQL."""
    code, report = ingest(folder)
    assert code == 0 and len(report["added"]) == 3, report
    return Path(app.config["DATABASE_URL"].removeprefix("sqlite:///"))


@pytest.fixture
def fresh(migrated_db, tmp_path_factory, folder):
    """A client of a second archive that ingested the same folder with today's parser."""
    for other in fresh_app(migrated_db, tmp_path_factory.mktemp("fresh")):
        code = other.test_cli_runner().invoke(args=["ingest", str(folder)]).exit_code
        assert code == 0
        yield other.test_client()


def as_an_older_parser_stored(archive: Path, *statements: str) -> None:
    """Change stored rows, as a parser with the bugs of an earlier release would have."""
    with sqlite3.connect(archive) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def articles(client) -> list[dict]:
    """Every article's JSON, in id order."""
    ids = sorted(a["id"] for a in client.get("/api/articles").get_json()["articles"])
    return [client.get(f"/api/articles/{n}").get_json() for n in ids]


def summaries(client) -> list[dict]:
    return sorted(client.get("/api/articles").get_json()["articles"], key=lambda a: a["id"])


def reparse(runner, *options: str) -> tuple[int, dict]:
    result = runner.invoke(args=["reparse", "--json", *options])
    return result.exit_code, json.loads(result.output)


DAMAGE = (
    "UPDATE article SET lead = 'An old lead', byline = 'By By Reuters' WHERE id = 1",
    "DELETE FROM article_author WHERE article_id = 1",
    "UPDATE related_link SET title = 'Talks Resume in Geneva](#)', title_key = 'x', "
    "target_id = NULL WHERE article_id = 2",
)


def test_reparse_stores_what_a_fresh_ingest_of_the_same_files_stores(
    archive, client, runner, fresh
):
    before = articles(client)
    as_an_older_parser_stored(archive, *DAMAGE)
    assert articles(client) != before
    code, report = reparse(runner)
    assert (code, report) == (0, {"articles": 3, "reparsed": 2, "unchanged": 1, "kept": []})
    assert articles(client) == articles(fresh) == before
    assert summaries(client) == summaries(fresh)
    page = client.get(before[1]["url"]).get_data(as_text=True)
    assert "Talks Resume in Geneva](#)" not in page and 'href="/articles/1' in page


def test_a_second_reparse_finds_every_article_unchanged(archive, runner):
    as_an_older_parser_stored(archive, *DAMAGE)
    runner.invoke(args=["reparse"])
    result = runner.invoke(args=["reparse"])
    assert (result.exit_code, result.output) == (0, "3 articles: 0 reparsed, 3 unchanged\n")


def test_reparse_adds_no_revision_and_keeps_ids_and_urls(archive, client, runner):
    before = {a["id"]: (a["url"], a["revisions"]) for a in articles(client)}
    as_an_older_parser_stored(archive, *DAMAGE)
    assert runner.invoke(args=["reparse"]).output == "3 articles: 2 reparsed, 1 unchanged\n"
    assert {a["id"]: (a["url"], a["revisions"]) for a in articles(client)} == before
    assert client.get(f"{before[1][0]}/versions").status_code == 200
    assert "has not changed since" in client.get(f"{before[1][0]}/versions").get_data(True)


def test_search_finds_the_reparsed_text_and_no_longer_the_old(archive, client, runner):
    as_an_older_parser_stored(
        archive,
        "UPDATE article SET body = 'Ministers discussed oranges.', "
        "body_text = 'Ministers discussed oranges.' WHERE id = 2",
    )
    assert client.get("/api/search?q=oranges").get_json()["total"] == 1
    assert reparse(runner)[1]["reparsed"] == 1
    assert client.get("/api/search?q=oranges").get_json()["total"] == 0
    found = client.get("/api/search?q=sanctions").get_json()["results"]
    assert [r["id"] for r in found] == [2]


def test_a_changed_identity_is_updated_in_place(archive, client, runner, fresh):
    as_an_older_parser_stored(
        archive,
        "UPDATE article SET canonical_url = 'https://old.example/a3', "
        "identity = 'https://old.example/a3', original_url = 'https://old.example/a3' "
        "WHERE id = 3",
    )
    assert reparse(runner)[1]["reparsed"] == 1
    assert articles(client) == articles(fresh)
    assert [a["id"] for a in summaries(client)] == [1, 2, 3]


def test_an_article_that_would_become_another_is_kept_and_named(archive, client, runner):
    before = articles(client)
    with sqlite3.connect(archive) as conn:  # the raw text of the first, under the third's id
        conn.execute("UPDATE article SET raw_text = (SELECT raw_text FROM article WHERE id = 1) "
                     "WHERE id = 3")  # fmt: skip
    conn.close()
    result = runner.invoke(args=["reparse"])
    assert result.exit_code == 3
    summary, kept = result.output.splitlines()
    assert summary == "3 articles: 0 reparsed, 2 unchanged, 1 kept (1 same as another article)"
    assert kept.startswith("kept article 3 (")
    assert kept.endswith("a3.md): today's parser gives it the identity of article 1")
    assert articles(client) == before


def test_an_article_the_parser_no_longer_reads_is_kept(archive, client, runner):
    before = articles(client)
    as_an_older_parser_stored(archive, "UPDATE article SET raw_text = '   ' WHERE id = 2")
    code, report = reparse(runner)
    assert code == 3
    assert report["kept"] == [
        {
            "id": 2,
            "path": report["kept"][0]["path"],
            "kind": "no longer read",
            "reason": "empty file",
        }
    ]
    assert report["kept"][0]["path"].endswith("a2.md")
    assert articles(client) == before


def test_a_stopped_reparse_keeps_the_chunks_it_committed(archive, client, runner, monkeypatch):
    before = articles(client)
    as_an_older_parser_stored(
        archive, "UPDATE article SET lead = 'An old lead', title = 'Old title'"
    )
    monkeypatch.setattr(reparse_module, "CHUNK", 1)
    real, written = reparse_module._write, []

    def stopped_after_one(*args):
        if written:
            raise KeyboardInterrupt  # as Ctrl-C or SIGTERM
        written.append(real(*args))

    monkeypatch.setattr(reparse_module, "_write", stopped_after_one)
    result = runner.invoke(args=["reparse"])
    assert result.exit_code == 1
    assert "stopped: 1 of 3 articles read again; run `foreign-desk reparse` again" in (
        result.stderr
    )
    assert [a["title"] for a in articles(client)] == [before[0]["title"], *["Old title"] * 2]
    monkeypatch.setattr(reparse_module, "_write", real)
    assert runner.invoke(args=["reparse"]).output == "3 articles: 2 reparsed, 1 unchanged\n"
    assert articles(client) == before


def test_reparse_first_finishes_a_bulk_load_stopped_halfway(app, archive, client, runner):
    before = articles(client)
    with app.app_context():
        session = db.session()
        bulk.begin(session.connection())  # as a first run stopped before its end
        session.commit()
    as_an_older_parser_stored(archive, *DAMAGE)
    assert reparse(runner)[1]["reparsed"] == 2
    with app.app_context():
        assert not bulk.unfinished(db.session().connection())
    assert articles(client) == before
    assert client.get("/api/search?q=sanctions").get_json()["total"] == 1

"""The FTS5 index follows the article table: insert, update, delete, and the rebuild."""

from __future__ import annotations

import sqlite3

from sqlalchemy import delete, select, text, update

from app import create_app, db
from app.migrate import upgrade
from app.models import Article
from tests.conftest import SEEDS, article_text, write


def ids(client, q: str) -> list[int]:
    return [r["id"] for r in client.get(f"/api/search?q={q}").get_json()["results"]]


def test_update_and_delete_keep_the_index_in_step(app, client, archive):
    kremlin = archive["kremlin"]
    with app.app_context():
        session = db.session()
        session.execute(
            update(Article).where(Article.id == kremlin).values(title="Kremlin Denies Spying")
        )
        session.commit()
    assert ids(client, "title:spying") == [kremlin] and ids(client, "title:hacking") == []
    with app.app_context():
        session = db.session()
        session.execute(delete(Article).where(Article.id == kremlin))
        session.commit()
    assert ids(client, "spying") == [] and ids(client, "kremlin") == []


def test_reingesting_a_changed_file_updates_the_index(client, ingest, tmp_path):
    url = "https://example.org/one"
    write(tmp_path, "a.txt", article_text("Old Words", url=url, body="Zeppelins everywhere."))
    ingest(tmp_path)
    assert len(ids(client, "zeppelins")) == 1
    write(tmp_path, "a.txt", article_text("New Words", url=url, body="Dirigibles instead."))
    ingest(tmp_path)
    assert ids(client, "zeppelins") == [] and len(ids(client, "dirigibles")) == 1


def test_a_rebuild_indexes_the_articles_already_there(tmp_path, unremembered):
    # Later migrations need today's code, so an archive from before 0002 is simulated by
    # emptying the index; 0002 runs this same rebuild over the rows it finds.
    path = tmp_path / "old.db"
    upgrade(f"sqlite:///{path}")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{path}"})
    result = app.test_cli_runner().invoke(args=["ingest", "--json", str(SEEDS)])
    assert result.exit_code == 0
    app.extensions["engine"].dispose()
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
    connection.commit()
    assert len(ids(app.test_client(), "helicopters")) == 0
    connection.execute("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
    connection.commit()
    assert len(ids(app.test_client(), "helicopters")) == 1
    check = "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)"
    connection.execute(check)  # raises if the index and the articles disagree
    connection.close()
    app.extensions["engine"].dispose()


def test_rank_is_bm25_with_the_title_weighted(app, archive):
    with app.app_context():
        rows = db.session().execute(
            text("SELECT rowid FROM article_fts WHERE article_fts MATCH 'exports' ORDER BY rank")
        )
        assert [r[0] for r in rows] == [archive["undated"], archive["sanctions"]]
        config = db.session().scalar(
            select(text("v")).select_from(text("article_fts_config")).where(text("k = 'rank'"))
        )
        assert config == "bm25(10.0, 1.0)"


def test_a_search_asked_again_after_an_ingest_finds_the_new_article(client, ingest, tmp_path):
    # Results are remembered per search until the archive changes: an ingest must show.
    write(tmp_path / "one", "a.txt", article_text("Zeppelin Talks", url="https://example.org/1"))
    ingest(tmp_path / "one")
    assert len(ids(client, "zeppelin")) == 1
    assert len(ids(client, "zeppelin")) == 1  # asked again: the same answer
    write(tmp_path / "two", "b.txt", article_text("Zeppelin Deal", url="https://example.org/2"))
    ingest(tmp_path / "two")
    assert len(ids(client, "zeppelin")) == 2

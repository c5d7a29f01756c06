"""The memory behind cached counts, facets and "More like this": bounded, and fresh after any
commit."""

from __future__ import annotations

import sqlite3

from app import db
from app.counts import Memory
from tests.conftest import article_text, write


def test_memory_keeps_the_most_recently_used_answers_and_forgets_them_when_the_archive_changes(
    app, ingest, tmp_path
):
    memory, computed = Memory(2), []

    def answer(key):
        with app.app_context():
            return memory.get(db.session(), key, lambda: computed.append(key) or key)

    for key in ("a", "b", "a", "c", "a", "b"):
        answer(key)
    assert computed == ["a", "b", "c", "b"]  # "b" was the least recently used when "c" came

    ingest(write(tmp_path, "new.txt", article_text("A New Article")))
    answer("a")
    assert computed[-1] == "a"  # the archive changed: asked again


def test_a_commit_by_another_process_that_adds_no_article_is_seen_at_once(client, seeded, app):
    first = client.get("/api/articles").get_json()["articles"][0]
    assert client.get(f"/api/articles/{first['id']}").get_json()["title"] == first["title"]
    # As a hand correction or `links --resolve` in another process would: no new article.
    with sqlite3.connect(app.config["DATABASE_URL"].removeprefix("sqlite:///")) as other:
        other.execute("UPDATE article SET title = 'Corrected' WHERE id = ?", (first["id"],))
    assert client.get("/api/articles").get_json()["articles"][0]["title"] == "Corrected"
    assert client.get(f"/api/articles/{first['id']}").get_json()["title"] == "Corrected"

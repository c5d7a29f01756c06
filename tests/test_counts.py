"""The memory behind cached counts, facets and "More like this": bounded, and fresh after ingest."""

from __future__ import annotations

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

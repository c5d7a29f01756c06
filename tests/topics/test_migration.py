"""Migration 0003 fills in what tags written before it lack: their dates and topic counts."""

from __future__ import annotations

import sqlite3

from app.migrate import upgrade


def test_upgrade_dates_existing_tags_and_counts_topics(tmp_path):
    path = tmp_path / "old.db"
    upgrade(f"sqlite:///{path}", "0001")
    with sqlite3.connect(path) as old:
        old.execute(
            "INSERT INTO topic (id, slug, name, kind) VALUES (1, 'russia', 'Russia', 'country')"
        )
        for i, day in ((1, "2019-04-02"), (2, None)):
            old.execute(
                "INSERT INTO article (id, slug, title, title_key, published, body, body_text, "
                "lead, word_count, identity, raw_text, raw_sha256, content_hash, encoding, format, "
                "source_path, ingested_at, updated_at) VALUES (?, 's', 't', 't', ?, 'b', 'b', 'l', "
                "1, ?, 'r', 'h', 'c', 'utf-8', 'markdown', 'p', '2020-01-01', '2020-01-01')",
                (i, day, f"id{i}"),
            )
            old.execute("INSERT INTO article_topic VALUES (?, 1, 0.5, '[]')", (i,))
    upgrade(f"sqlite:///{path}")
    with sqlite3.connect(path) as new:
        dates = new.execute("SELECT article_id, published FROM article_topic ORDER BY 1").fetchall()
        assert dates == [(1, "2019-04-02"), (2, None)]
        assert new.execute("SELECT article_count FROM topic").fetchone() == (2,)

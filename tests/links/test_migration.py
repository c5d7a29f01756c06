"""Migration 0004 indexes the articles an archive already holds."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import create_engine, insert, select, text

from app.migrate import upgrade
from app.models import Article, ArticleTerm, TermCount, TitleSkeleton
from app.title_match import skeletons


def test_an_archive_from_before_0004_gets_its_title_index_and_terms(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    engine = create_engine(url)
    now = datetime(2020, 1, 2)
    with engine.begin() as connection:
        connection.execute(
            insert(Article.__table__).values(
                id=7,
                slug="drills",
                title="Drills Near Krasnogorsk",
                title_key="drills near krasnogorsk",
                published=date(2020, 1, 2),
                body="Troops held drills near Krasnogorsk.",
                body_text="Troops held drills near Krasnogorsk.",
                lead="",
                word_count=5,
                identity="x",
                raw_text="",
                raw_sha256="0" * 64,
                content_hash="0" * 64,
                encoding="utf-8",
                format="markdown",
                source_path="a.txt",
                ingested_at=now,
                updated_at=now,
            )
        )
    upgrade(url, "0004")
    with engine.connect() as connection:
        words = connection.execute(text("SELECT word, article_id FROM title_word")).all()
    upgrade(url)
    with engine.connect() as connection:
        found = connection.execute(select(TitleSkeleton.skeleton, TitleSkeleton.article_id)).all()
        terms = connection.execute(select(ArticleTerm.term, ArticleTerm.published)).all()
        counts = dict(connection.execute(select(TermCount.term, TermCount.articles)).all())
    engine.dispose()
    assert sorted(words) == [("drills", 7), ("krasnogorsk", 7), ("near", 7)]
    # 0006 replaced the title words with the title's skeletons, one a word.
    assert sorted(found) == [(s, 7) for s in skeletons("drills near krasnogorsk")]
    assert len(found) == 3
    assert ("krasnogorsk", date(2020, 1, 2)) in terms and counts["krasnogorsk"] == 1

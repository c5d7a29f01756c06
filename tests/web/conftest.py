"""Helpers for the page tests: topics put in through the ORM, fixture articles by date."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app import db
from app.models import ArticleTopic, Topic
from tests.conftest import article_text, write


@pytest.fixture
def tag(app):
    """tag(article_id, slug, name, weight=1.0): give an article a topic, creating the topic."""

    def add(article_id: int, slug: str, name: str, weight: float = 1.0, kind="country") -> None:
        with app.app_context():
            session = db.session()
            topic = session.scalar(select(Topic).where(Topic.slug == slug))
            if topic is None:
                topic = Topic(slug=slug, name=name, kind=kind)
                session.add(topic)
                session.flush()
            session.merge(ArticleTopic(article_id=article_id, topic_id=topic.id, weight=weight))
            session.commit()

    return add


@pytest.fixture
def dated(ingest, tmp_path):
    """dated(n, …): ingest n articles "Story 1" … dated 1, 2, … January 2020 (one a day)."""

    def make(n: int, first: int = 1, folder: str = "dated") -> dict:
        for k in range(first, first + n):
            day = f"2020-01-{k:02d}" if k <= 31 else f"2020-02-{k - 31:02d}"
            write(
                Path(tmp_path) / folder,
                f"{k:03d}.txt",
                article_text(f"Story {k}", url=f"https://x.org/story-{k}", date_line=day),
            )
        code, report = ingest(Path(tmp_path) / folder)
        assert code == 0, report
        return report

    return make

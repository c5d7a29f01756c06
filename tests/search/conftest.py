"""A small archive for the search tests: five articles with known words, dates and sources."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import app.search as app_search
from app import counts, db
from app.models import Article, ArticleTopic, Topic
from tests.conftest import write

ARTICLES = {
    "helicopter": (
        "Russia Opens Helicopter Training Center",
        "Reuters",
        "April 02, 2019",
        "Pilots from Cúcuta will learn to fly military aircraft at the new center.",
    ),
    "sanctions": (
        "Washington Widens Sanctions on Oil Exports",
        "TASS",
        "September 25, 2019",
        "The United States announced sanctions against the oil industry of Venezuela.",
    ),
    "talks": (
        "Ukraine Talks Stall in Minsk",
        "AFP",
        "January 15, 2020",
        "Negotiators failed to agree on a ceasefire, and helicopter flights were halted.",
    ),
    "kremlin": (
        "Kremlin Denies Hacking Claims",
        "Reuters",
        "June 01, 2021",
        "<script>alert('x')</script> The Kremlin denied the claims & called them absurd.",
    ),
    "undated": (
        "Undated Note on Grain Exports",
        "Reuters",
        "",
        "A note about grain exports and shipping through the straits.",
    ),
}


def seed_text(title: str, byline: str, date_line: str, body: str, slug: str) -> str:
    """An article in the seed layout; no date line and no date in the URL when undated."""
    parts = [f"# {title}", f"By [{byline}](#)"]
    if date_line:
        parts.append(date_line)
    parts += [body, "A second paragraph with nothing special in it."]
    parts += ["Original url:", f"<https://www.example.org/news/{slug}>"]
    return "\n\n".join(parts) + "\n"


def tag(app, slug: str, name: str, *keys: str) -> None:
    """Give articles (by their key in ARTICLES) a topic, as the tagger would."""
    with app.app_context():
        session = db.session()
        topic = session.scalar(select(Topic).where(Topic.slug == slug))
        if topic is None:
            topic = Topic(slug=slug, name=name, kind="country")
            session.add(topic)
            session.flush()
        for key in keys:
            article_id = session.scalar(select(Article.id).where(Article.title == ARTICLES[key][0]))
            # The tagger may already have given it this topic: merge rather than add.
            session.merge(ArticleTopic(article_id=article_id, topic_id=topic.id, weight=1.0))
        session.commit()


@pytest.fixture
def unremembered(monkeypatch):
    """Searches worked out anew each time: for tests that change what a search finds behind
    the app's back (bounds, the index by hand), which a running server sees within a minute."""
    monkeypatch.setattr(app_search, "RESULTS", counts.Memory(0))


@pytest.fixture
def archive(app, ingest, tmp_path):
    """The five articles, ingested; topics venezuela (2) and ukraine (1); returns ids by key."""
    for key, (title, byline, date_line, body) in ARTICLES.items():
        write(tmp_path, f"{key}.txt", seed_text(title, byline, date_line, body, key))
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["added"]) == len(ARTICLES), report
    tag(app, "venezuela", "Venezuela", "helicopter", "sanctions")
    tag(app, "ukraine", "Ukraine", "talks")
    with app.app_context():
        rows = db.session().execute(select(Article.title, Article.id)).all()
    ids = dict(rows)
    return {key: ids[value[0]] for key, value in ARTICLES.items()}

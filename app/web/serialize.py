"""Articles as the JSON of DESIGN §4."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from markupsafe import escape

from app.details import Detail
from app.history import Version
from app.models import Article, Source
from app.search.backend import Hit
from app.search.backend import Summary as SearchSummary
from app.similar import Similar
from app.summaries import SourceName, Summary
from app.topic_queries import Counted


def _source(source: Source | SourceName | None) -> dict[str, str] | None:
    return {"slug": source.slug, "name": source.name} if source else None


def summary(article: Summary) -> dict[str, Any]:
    """A list's article; its topics come strongest first (`summaries.from_topic_rows`)."""
    return _listed(article, [t.topic.slug for t in article.topics])


def _listed(article: Article | Summary | SearchSummary, topics: list[str]) -> dict[str, Any]:
    """An article as lists give it, with its topic slugs heaviest first."""
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source.slug if article.source else None,
        "topics": topics,
        "lead": article.lead,
    }


def _similar(other: Similar) -> dict[str, Any]:
    published = other.published.isoformat() if other.published else None
    return {"id": other.id, "title": other.title, "url": other.url, "published": published}


def detail(
    article: Detail, cited_by: list[Summary], similar: Sequence[Similar] = ()
) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "byline": article.byline,
        "authors": [a.source.name for a in article.authors],
        "source": _source(article.source),
        "publisher": _source(article.publisher),
        "photo_credit": article.photo_credit,
        "photo_source": _source(article.photo_source),
        "original_url": article.original_url,
        "paragraphs": article.plain_paragraphs,
        "related": [
            {
                "title": link.title,
                "href": link.href,
                "after_paragraph": link.after_paragraph,
                "article_id": link.target_id,
            }
            for link in article.related
        ],
        "cited_by": [{"id": a.id, "title": a.title} for a in cited_by],
        "topics": [
            {"slug": t.topic.slug, "name": t.topic.name, "kind": t.topic.kind}
            for t in sorted(article.topics, key=lambda t: -t.weight)
        ],
        "word_count": article.word_count,
        "revisions": article.revisions,
        "updated": article.updated_at.date().isoformat() if article.updated_at else None,
        "similar": [_similar(s) for s in similar],
    }


def search_result(hit: Hit) -> dict[str, Any]:
    """A summary and its snippet: HTML whose only markup is <mark> around matched words."""
    article = hit.article
    snippet = hit.snippet if hit.snippet is not None else escape(article.lead)
    return {**_listed(article, list(article.topics)), "snippet": str(snippet)}


def topic(row: Counted) -> dict[str, Any]:
    """A topic as /api/topics lists it."""
    return {
        "slug": row.topic.slug,
        "name": row.topic.name,
        "kind": row.topic.kind,
        "count": row.count,
        "parent": row.parent_slug,
    }


def _utc(moment: datetime) -> str:
    """A stored (UTC) time as ISO 8601: 2020-05-04T10:02:03Z."""
    return moment.isoformat(timespec="seconds") + "Z"


def revision(article: Detail, version: Version) -> dict[str, Any]:
    """One earlier version of an article, read again from its raw text."""
    text = version.text
    return {
        "n": version.n,
        "url": f"{article.url}/versions/{version.n}",
        "superseded_at": _utc(version.superseded_at) if version.superseded_at else None,
        "ingested_at": _utc(version.ingested_at),
        "title": text.title,
        "published": text.published.isoformat() if text.published else None,
        "byline": text.byline,
        "photo_credit": text.photo_credit,
        "original_url": text.original_url,
        "paragraphs": list(text.plain),
        "related": [
            {"title": r.title, "href": r.href, "after_paragraph": r.after_paragraph}
            for r in text.related
        ],
    }

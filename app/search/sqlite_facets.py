"""Facets on SQLite: counts by year, source and topic over the newest matches of a search.

A search's facets count the `n` most recently added of its matches, articles scattered over
the whole archive. Their dates and publishers are read from the covering index
`ix_article_id_published_publisher_id` (migration 0009), a few megabytes, instead of a seek
into each article's row, kilobytes long and on its own pages; their authors from
article_author's primary key, their topics from article_topic's. A source counts the articles
it wrote or published, each once: what the `source=` filter matches. SQLite hands the values
over as JSON arrays and Python counts them: grouping some 4,000 topic rows in SQLite's
temporary B-trees cost more than reading them. A bulk load drops the index until its end
(`app.ingest.bulk`); meanwhile the rows are read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.prepared import Prepared
from app.search.backend import Facets, FacetValue

INDEX = "ix_article_id_published_publisher_id"
FACET_VALUES = 10  # sources and topics shown per facet, the most frequent first

_HAS_INDEX = Prepared(
    text("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = :name")
)
_VALUES = """
WITH m AS MATERIALIZED (SELECT value FROM json_each(:ids) ORDER BY value DESC LIMIT :n),
a AS MATERIALIZED (
    SELECT a.id, a.published, a.publisher_id FROM m JOIN article AS a {hint} ON a.id = m.value
),
credited AS (
    SELECT id, publisher_id AS source_id FROM a WHERE publisher_id IS NOT NULL
    UNION SELECT w.article_id, w.source_id FROM m JOIN article_author AS w ON w.article_id = m.value
)
SELECT (SELECT json_group_array(published) FROM a),
    (SELECT json_group_array(source_id) FROM credited),
    (SELECT json_group_array(t.topic_id) FROM m JOIN article_topic AS t ON t.article_id = m.value)
"""
# The sampled articles' dates, their sources (each once per article: the publisher and the
# authors), and topics, as three JSON arrays: from the index, or from the article rows when
# the database lacks it.
_FROM_INDEX = Prepared(text(_VALUES.format(hint=f"INDEXED BY {INDEX}")))
_FROM_ROWS = Prepared(text(_VALUES.format(hint="")))
_NAMES = Prepared(
    text(
        "SELECT 'source', id, slug, name FROM source"
        " WHERE id IN (SELECT value FROM json_each(:sources))"
        " UNION ALL SELECT 'topic', id, slug, name FROM topic"
        " WHERE id IN (SELECT value FROM json_each(:topics))"
    )
)


def facets(db: Connection, ids_json: str, n: int, sampled: int | None) -> Facets:
    """Counts by year, source and topic over the newest `n` of the ids (a JSON array)."""
    values = values_statement(db).first(db, {"ids": ids_json, "n": n})
    dates, sources, topics = values  # type: ignore[misc]
    years = Counter(day[:4] for day in json.loads(dates) if day is not None)
    top_sources = most_frequent(json.loads(sources), FACET_VALUES)
    top_topics = most_frequent(json.loads(topics), FACET_VALUES)
    names = {
        (facet, key): (slug, name)
        for facet, key, slug, name in _NAMES.rows(
            db,
            {"sources": json.dumps(list(top_sources)), "topics": json.dumps(list(top_topics))},
        )
    }
    return Facets(
        years=[FacetValue(year, year, years[year]) for year in sorted(years, reverse=True)],
        sources=_named(top_sources, "source", names),
        topics=_named(top_topics, "topic", names),
        sample=sampled,
    )


def values_statement(db: Connection) -> Prepared:
    """What reads the sampled values: the index, or the article rows if the index is missing."""
    return _FROM_INDEX if _HAS_INDEX.scalar(db, {"name": INDEX}) else _FROM_ROWS


def most_frequent(keys: Iterable[int | None], n: int) -> dict[int, int]:
    """The n most frequent keys and their counts, most frequent first.

    Of keys equally frequent at the cut, the larger are kept: the ones SQLite's `GROUP BY key
    ORDER BY count(*) DESC LIMIT n` kept when it counted them, so the facets stay as they were.
    """
    counted = Counter(keys)
    counted.pop(None, None)
    return dict(sorted(counted.items(), key=lambda kv: (-kv[1], -kv[0]))[:n])


def _named(counted: dict[int, int], facet: str, names: dict) -> list[FacetValue]:
    """The counted keys as facet values, most frequent first, then A–Z."""
    found = []
    for key, n in counted.items():
        if (facet, key) in names:  # a key with no row was left out by the join it replaces
            slug, name = names[facet, key]
            found.append(FacetValue(slug, name or slug, n))
    return sorted(found, key=lambda v: (-v.count, v.label))

"""A bulk load: what a large ingest into a small archive defers to its end, and does there.

Loading many files, it costs less to build an index once over the loaded rows than to keep it
in step row by row: the search index (its triggers are suspended, `app.search.fill`) and the
secondary indexes the loader itself never reads are built at the end; every link is resolved
there in one pass, and every term counted. The missing triggers mark a bulk load begun and not
finished: the next ingest finishes it, whatever it is given.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.engine import Connection

from app import links, similar
from app.models import (
    Article,
    ArticleAuthor,
    ArticleTerm,
    ArticleTopic,
    RelatedLink,
    TitleSkeleton,
)
from app.search import fill

# Indexes for readers (pages, link look-ups, More like this); the loader's own look-ups (by
# hash and identity, and an article's rows by article id) keep theirs.
DEFERRED = (
    "ix_article_published_id",
    "ix_article_id_published_publisher_id",
    "ix_article_photo_source_id_published_id",
    "ix_article_title_key",
    "ix_article_source_id",
    "ix_article_publisher_id",
    "ix_article_author_source_id",
    "ix_article_topic_topic_id_published",
    "ix_related_link_title_key",
    "ix_related_link_canonical_href",
    "ix_related_link_target_id",
    "ix_article_term_term_published",
    "ix_title_skeleton_skeleton",
)


def deferred_indexes() -> list[Index]:
    """The deferred indexes, as the models define them."""
    models = (Article, ArticleAuthor, ArticleTerm, ArticleTopic, RelatedLink, TitleSkeleton)
    found = {index.name: index for model in models for index in model.__table__.indexes}
    return [found[name] for name in DEFERRED]


def unfinished(conn: Connection) -> bool:
    """Whether a bulk load began and has not finished."""
    return fill.suspended(conn)


def begin(conn: Connection) -> None:
    """Stop keeping the search index and the deferred indexes row by row."""
    fill.suspend(conn)
    for index in deferred_indexes():
        index.drop(conn, checkfirst=True)


def finish(conn: Connection) -> None:
    """Build the deferred indexes, resolve every link, count every term, fill the search
    index and resume its triggers (last: until then, `unfinished` tells)."""
    for index in deferred_indexes():
        index.create(conn, checkfirst=True)
    links.resolve_all(conn)
    similar.recount_terms(conn)
    fill.resume(conn)

"""Time `retag` on an existing archive, and the topic pages that read what it wrote.

    python -m bench.retag DATABASE_URL [--pages]

Retags every article (in one transaction, like the command) and reports articles a second
and the split between reading, tagging and writing; with --pages, also times the queries
behind /topics and the page of the largest topic.
"""

from __future__ import annotations

import argparse
import resource
import time

from sqlalchemy import func, select

from app import create_app, db, lists, topic_queries, topics_store
from app.models import ArticleTopic, Topic


def cpu() -> float:
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, work):
    started = time.perf_counter()
    result = work()
    print(f"{label}: {(time.perf_counter() - started) * 1e3:.0f} ms")
    return result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("database_url")
    options.add_argument("--pages", action="store_true")
    args = options.parse_args()
    app = create_app({"DATABASE_URL": args.database_url})
    with app.app_context():
        session = db.session()
        started, cpu_before = time.perf_counter(), cpu()
        report = topics_store.retag(session.connection())
        session.commit()
        wall, used = time.perf_counter() - started, cpu() - cpu_before
        print(report.summary())
        print(
            f"retag: {wall:.1f} s wall, {used:.1f} s CPU, {report.articles / wall:,.0f} articles/s"
        )
        if args.pages:
            pages(session)


def pages(session) -> None:
    largest = session.execute(
        select(ArticleTopic.topic_id, func.count()).group_by(ArticleTopic.topic_id)
        .order_by(func.count().desc()).limit(1)
    ).one()  # fmt: skip
    topic = topic_queries.topic(session, session.get(Topic, largest[0]).slug)
    print(f"largest topic: {topic.slug}, {largest[1]} articles")
    timed("/topics counts", lambda: topic_queries.counted(session, "size", with_empty=False))
    timed("topic timeline", lambda: topic_queries.timeline(session, topic))
    timed("topic timeline, again", lambda: topic_queries.timeline(session, topic))
    timed("topic companions", lambda: topic_queries.companions(session, topic.id))
    filters = lists.Filters(topic=topic.slug)
    timed("topic newest page", lambda: lists.newest(session, filters, 20))
    rare = session.execute(
        select(ArticleTopic.topic_id).group_by(ArticleTopic.topic_id)
        .order_by(func.count()).limit(1)
    ).scalar_one()  # fmt: skip
    slug = session.get(Topic, rare).slug
    timed(
        f"rarest topic ({slug}) newest page",
        lambda: lists.newest(session, lists.Filters(topic=slug), 20),
    )


if __name__ == "__main__":
    main()

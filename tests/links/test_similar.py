""" "More like this": what it offers, in what order, and never the article itself."""

from __future__ import annotations

from sqlalchemy import select

from app import db, title_index
from app import similar as similar_module
from app.ingest.terms import terms
from app.models import Article, ArticleTerm, ArticleTopic, TermCount, TitleSkeleton, Topic
from tests.links.helpers import story

DRILLS = (
    "Troops held drills near Krasnogorsk on Tuesday. The Krasnogorsk garrison said the drills "
    "involved artillery. Residents of Krasnogorsk reported explosions."
)
SUMMIT = "Leaders met in Geneva for a summit on trade. The Geneva summit ended without a deal."


def ids_by_title(app) -> dict[str, int]:
    with app.app_context():
        return dict(db.session().execute(select(Article.title, Article.id)).all())


def similar(client, article_id: int) -> list[dict]:
    return client.get(f"/api/articles/{article_id}").get_json()["similar"]


def test_terms_favour_names_and_title_words_over_common_words():
    found = terms("Drills Near Krasnogorsk", DRILLS)
    assert list(found)[0] == "krasnogorsk" and found["krasnogorsk"] == 1.0
    assert "drills" in found and "the" not in found and "said" not in found
    assert terms("Defence Centre", "The defence centre.") == terms("Defense Center", "")


def test_similar_shares_terms_and_never_holds_the_article_itself(app, client, ingest, tmp_path):
    for i in range(8):
        story(
            tmp_path,
            f"d{i}.txt",
            f"Drills Near Krasnogorsk, Day {i}",
            f"https://x.org/d{i}",
            day=f"May {i + 1}, 2020",
            body=DRILLS,
        )
    story(
        tmp_path,
        "s.txt",
        "Geneva Summit",
        "https://x.org/s",
        day="May 3, 2020",
        body=SUMMIT,
        tail="Trade ministers will meet again.",
    )
    ingest(tmp_path)
    ids = ids_by_title(app)
    for title, article_id in ids.items():
        found = similar(client, article_id)
        assert article_id not in [s["id"] for s in found]
        assert len(found) <= 5
        if title.startswith("Drills"):
            assert len(found) == 5 and all(s["title"].startswith("Drills") for s in found)
    assert similar(client, ids["Geneva Summit"]) == []


def test_similar_is_shaped_as_the_api_says_and_nearest_in_time_first(app, client, ingest, tmp_path):
    for day, slug in [("May 2, 2020", "near"), ("May 2, 2023", "far"), ("May 1, 2020", "me")]:
        story(
            tmp_path,
            f"{slug}.txt",
            f"Drills Near Krasnogorsk ({slug})",
            f"https://x.org/{slug}",
            day=day,
            body=DRILLS,
        )
    ingest(tmp_path)
    ids = ids_by_title(app)
    found = similar(client, ids["Drills Near Krasnogorsk (me)"])
    near = ids["Drills Near Krasnogorsk (near)"]
    assert found[0] == {
        "id": near,
        "title": "Drills Near Krasnogorsk (near)",
        "url": f"/articles/{near}/drills-near-krasnogorsk-near",
        "published": "2020-05-02",
    }
    assert [s["title"] for s in found][1:] == ["Drills Near Krasnogorsk (far)"]


def test_a_shared_topic_lifts_an_article(app, client, ingest, tmp_path):
    for slug in ("me", "plain", "tagged"):
        story(
            tmp_path,
            f"{slug}.txt",
            f"Drills Near Krasnogorsk ({slug})",
            f"https://x.org/{slug}",
            body=DRILLS,
        )
    ingest(tmp_path)
    ids = ids_by_title(app)
    with app.app_context():
        session = db.session()
        topic = Topic(slug="krasnogorsk", name="Krasnogorsk", kind="theme")
        session.add(topic)
        session.flush()
        for slug in ("me", "tagged"):
            article_id = ids[f"Drills Near Krasnogorsk ({slug})"]
            session.add(ArticleTopic(article_id=article_id, topic_id=topic.id, weight=1.0))
        session.commit()
    found = similar(client, ids["Drills Near Krasnogorsk (me)"])
    assert [s["title"] for s in found] == [
        "Drills Near Krasnogorsk (tagged)",
        "Drills Near Krasnogorsk (plain)",
    ]


def test_the_page_shows_more_like_this(app, client, ingest, tmp_path):
    for i in range(2):
        story(
            tmp_path,
            f"d{i}.txt",
            f"Drills Near Krasnogorsk, Day {i}",
            f"https://x.org/d{i}",
            body=DRILLS,
        )
    ingest(tmp_path)
    ids = ids_by_title(app)
    page = client.get(f"/articles/{ids['Drills Near Krasnogorsk, Day 0']}", follow_redirects=True)
    section = page.get_data(as_text=True).split('class="similar"')[1].split("</section>")[0]
    assert "More like this" in section
    assert f'href="/articles/{ids["Drills Near Krasnogorsk, Day 1"]}/' in section


def test_term_counts_follow_new_and_changed_articles(app, ingest, tmp_path):
    for i in range(3):
        story(tmp_path, f"d{i}.txt", f"Drills {i}", f"https://x.org/d{i}", body=DRILLS)
    ingest(tmp_path)
    assert term_counts(app, "krasnogorsk", "geneva") == [3, None]
    story(tmp_path, "d0.txt", "Drills 0", "https://x.org/d0", body=SUMMIT)
    ingest(tmp_path / "d0.txt")
    assert term_counts(app, "krasnogorsk", "geneva") == [2, 1]


def term_counts(app, *terms: str) -> list[int | None]:
    with app.app_context():
        found = dict(db.session().execute(select(TermCount.term, TermCount.articles)).all())
    return [found.get(t) for t in terms]


def indexes(app) -> tuple[list, list, list]:
    """The title skeletons, terms and term counts, in a comparable order."""
    with app.app_context():
        conn = db.session().connection()
        return tuple(
            sorted(map(tuple, conn.execute(select(*table.__table__.columns)).all()))
            for table in (TitleSkeleton, ArticleTerm, TermCount)
        )


def test_an_article_changed_within_one_run_is_indexed_as_a_rebuild_would(app, ingest, tmp_path):
    first, later = tmp_path / "first", tmp_path / "later"
    story(first, "a.txt", "Drills Near Krasnogorsk", "https://x.org/a", body=DRILLS)
    story(first, "b.txt", "Summit in Geneva", "https://x.org/a", body=SUMMIT)
    story(later, "c.txt", "Summit in Geneva Ends", "https://x.org/a", body=SUMMIT + " Again.")
    for folder in (first, later):
        code, report = ingest(folder)
        assert code == 0, report
        built = indexes(app)
        with app.app_context():
            conn = db.session().connection()
            title_index.rebuild(conn)
            similar_module.rebuild(conn)
            db.session().commit()
        assert built == indexes(app)


def test_more_like_this_leaves_out_what_the_page_links_already(app, client, ingest, tmp_path):
    """The articles the text links as related, and those citing it, are on the page already:
    "More like this" offers five others, as many as there are."""
    day = "Drills Near Krasnogorsk, Day {}"
    cites = [(day.format(1), "#"), (day.format(2), "https://x.org/d2")]
    for i in range(1, 10):
        cited = [(day.format(0), "#")] if i == 3 else []
        story(tmp_path, f"d{i}.txt", day.format(i), f"https://x.org/d{i}", cited, body=DRILLS)
    story(tmp_path, "d0.txt", day.format(0), "https://x.org/d0", cites, body=DRILLS)
    ingest(tmp_path)
    ids = ids_by_title(app)
    me = ids[day.format(0)]
    article = client.get(f"/api/articles/{me}").get_json()
    linked = {ids[day.format(i)] for i in (1, 2, 3)}
    assert {r["article_id"] for r in article["related"]} | {
        c["id"] for c in article["cited_by"]
    } == linked
    offered = {s["id"] for s in article["similar"]}
    assert len(offered) == 5 and not offered & linked

"""Each chunk of an ingest is committed whole: a run stopped halfway leaves a consistent archive
that a re-run completes."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app import db, similar
from app.ingest import load
from tests.conftest import article_text, write

# Three chunks of two files: links resolve within a chunk, across chunks, and by a typo.
FILES = {
    "a1.txt": ("Alpha Talks in Moscow", "Gamma Summit in Beijing"),
    "a2.txt": ("Beta Deal With Ukraine", "Alpha Talkss in Moscow"),
    "a3.txt": ("Gamma Summit in Beijing", "Zeta Pact With Turkey"),
    "a4.txt": ("Delta Vote in Georgia", "Beta Deal With Ukraine"),
    "a5.txt": ("Zeta Pact With Turkey", "Delta Vote in Georgia"),
    "a6.txt": ("Epsilon Talks in Iran", "Alpha Talks in Moscow"),
}
BODY = "Russia and Ukraine met in {title} as China watched; Turkey and Iran sent envoys."


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "CHUNK", 2)
    for i, (name, (title, cited)) in enumerate(FILES.items()):
        body = BODY.format(title=title)
        write(tmp_path, name, article_text(title, f"https://x.org/{i}", body, related=cited))
    return tmp_path


def archive(app) -> dict:
    """What the archive holds, and whether its derived counts agree with its rows."""
    with app.app_context():
        conn = db.session().connection()
        rows = conn.execute(
            text(
                "SELECT l.title, l.resolved_by FROM related_link l "
                "JOIN article a ON a.id = l.article_id ORDER BY a.title"
            )
        ).all()
        topics_off = conn.scalar(
            text(
                "SELECT count(*) FROM topic WHERE article_count != "
                "(SELECT count(*) FROM article_topic t WHERE t.topic_id = topic.id)"
            )
        )
        terms_off = conn.scalar(
            text(
                "SELECT count(*) FROM (SELECT term, count(*) AS n FROM article_term "
                "GROUP BY term) AS t LEFT JOIN term_count c USING (term) "
                "WHERE c.articles IS NOT t.n"
            )
        )
        return {
            "links": dict(rows),
            "tags": conn.scalar(text("SELECT count(*) FROM article_topic")),
            "title_words": conn.scalar(
                text("SELECT count(DISTINCT article_id) FROM title_skeleton")
            ),
            "counts_agree": topics_off == 0 and terms_off == 0,
        }


def test_a_run_stopped_in_its_third_chunk_keeps_the_first_two_whole(
    app, runner, ingest, corpus, monkeypatch
):
    counted = similar.count_terms
    calls = []

    def crash_in_third_chunk(conn, after):
        calls.append(after)
        if len(calls) >= 3:
            raise RuntimeError("the machine went down")
        counted(conn, after)

    monkeypatch.setattr(similar, "count_terms", crash_in_third_chunk)
    result = runner.invoke(args=["ingest", "--json", str(corpus)])
    assert isinstance(result.exception, RuntimeError)
    stopped = archive(app)
    assert stopped["links"] == {
        "Alpha Talkss in Moscow": "fuzzy",
        "Gamma Summit in Beijing": "title",
        "Beta Deal With Ukraine": "title",
        "Zeta Pact With Turkey": None,
    }
    assert stopped["tags"] > 0 and stopped["title_words"] == 4 and stopped["counts_agree"]

    monkeypatch.setattr(similar, "count_terms", counted)
    code, report = ingest(corpus)
    assert code == 0
    assert sorted(p.rsplit("/", 1)[1] for p in report["added"]) == ["a5.txt", "a6.txt"]
    assert len(report["unchanged"]) == 4
    completed = archive(app)
    assert completed["links"]["Zeta Pact With Turkey"] == "title"
    assert completed["title_words"] == 6 and completed["counts_agree"]


def test_a_run_in_small_chunks_ends_as_one_in_a_single_chunk(app, ingest, corpus, monkeypatch):
    code, _ = ingest(corpus)
    assert code == 0
    in_chunks = archive(app)
    with app.app_context():
        conn = db.session().connection()
        for table in ("article_term", "term_count", "title_skeleton", "article_topic", "article"):
            conn.execute(text(f"DELETE FROM {table}"))  # noqa: S608 — our own table names
        conn.execute(text("UPDATE topic SET article_count = 0"))
        db.session().commit()
    monkeypatch.setattr(load, "CHUNK", 500)
    code, _ = ingest(corpus)
    assert code == 0
    assert archive(app) == in_chunks


def test_a_title_changed_in_a_later_chunk_is_the_one_a_typo_finds(
    app, ingest, tmp_path, monkeypatch
):
    monkeypatch.setattr(load, "CHUNK", 1)
    old, new = "Minsk Hosts Border Commission", "Kremlin Rejects Ceasefire Offer"
    write(tmp_path, "a.txt", article_text(old, "https://x.org/a"))
    write(tmp_path, "b.txt", article_text(new, "https://x.org/a", body="Corrected."))
    write(
        tmp_path,
        "c.txt",
        article_text("Later", "https://x.org/c", related="Kremlin Rejects Ceasefire Offfer"),
    )
    write(
        tmp_path,
        "d.txt",
        article_text("Last", "https://x.org/d", related="Minsk Hosts Border Comission"),
    )
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["updated"]) == 1
    assert archive(app)["links"] == {
        "Kremlin Rejects Ceasefire Offfer": "fuzzy",
        "Minsk Hosts Border Comission": None,
    }

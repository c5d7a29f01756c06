"""A large first run loads in bulk: the archive it leaves is the one a run chunk by chunk
leaves, and a bulk run stopped halfway is finished by the next run."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import text

from app import db, topics_store
from app.ingest import bulk, load
from tests.conftest import SEEDS, article_text, fresh_app, write

BODY = "Russia and Ukraine met in {title} as China watched; Turkey and Iran sent envoys."
# Links resolved by title, spelling and typo, one never; within a chunk and across chunks.
FILES = {
    "a01.txt": ("Alpha Talks in Moscow", "Gamma Summit in Beijing", "January 02, 2020"),
    "a02.txt": ("Beta Deal With Ukraine", "Alpha Talkss in Moscow", "January 03, 2020"),
    "a03.txt": ("Gamma Summit in Beijing", "Zeta Pact With Turkey", "January 04, 2020"),
    "a04.txt": ("Delta Vote in Georgia", "Beta Deal With Ukraine", "January 05, 2020"),
    "a05.txt": ("Zeta Pact With Turkey", "Delta Vote in Georgia", "January 06, 2020"),
    "a06.txt": ("Epsilon Talks in Iran", "Alpha Talks in Moscow", "January 07, 2020"),
    "a07.txt": ("Theta Defence Review", "Iota Rally in Paris", "January 08, 2020"),
    "a08.txt": ("Iota Rally in Paris", "Theta Defense Review", "January 09, 2020"),
    "a09.txt": ("Kappa Talks in Moscow", "A Title Nobody Wrote", "January 10, 2020"),
}
QUERIES = ("moscow", "ukraine", '"summit in beijing"', "envoys", "corrected")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Nine articles, one of them changed by a later file, a copy, a bad file and the seeds."""
    monkeypatch.setattr(load, "CHUNK", 3)
    folder = tmp_path / "corpus"
    for i, (name, (title, cited, day)) in enumerate(FILES.items()):
        body = BODY.format(title=title)
        write(folder, name, article_text(title, f"https://x.org/{i}", body, cited, day))
    changed = article_text("Alpha Talks in Moscow", "https://x.org/0", "Corrected text.")
    write(folder, "b01.txt", changed)
    write(folder, "b02.txt", (folder / "a03.txt").read_text())
    write(folder, "b03.txt", b"\x00\x01binary")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def other_app(migrated_db, tmp_path_factory):
    """A second archive, to ingest the same files the other way."""
    yield from fresh_app(migrated_db, tmp_path_factory.mktemp("other"))


def run(app, *paths) -> tuple[int, dict]:
    result = app.test_cli_runner().invoke(args=["ingest", "--json", *map(str, paths)])
    report = json.loads(result.output) if result.output.startswith("{") else {}
    return result.exit_code, report


def contents(app) -> dict:
    """Everything a reader can see of the archive, and its schema."""
    queries = {
        "articles": "SELECT id, identity, title, content_hash FROM article ORDER BY id",
        "revisions": "SELECT article_id, raw_sha256 FROM revision ORDER BY id",
        "links": "SELECT l.article_id, l.position, t.title, l.resolved_by FROM related_link l "
        "LEFT JOIN article t ON t.id = l.target_id ORDER BY l.article_id, l.position",
        "topics": "SELECT slug, article_count FROM topic WHERE article_count > 0 ORDER BY slug",
        "tags": "SELECT article_id, topic_id, weight FROM article_topic ORDER BY 1, 2",
        "terms": "SELECT article_id, term, weight FROM article_term ORDER BY 1, 2",
        "counts": "SELECT term, articles FROM term_count ORDER BY term",
        "skeletons": "SELECT article_id, skeleton FROM title_skeleton ORDER BY 1, 2",
        "schema": "SELECT type, name, sql FROM sqlite_master ORDER BY name",
    }
    with app.app_context():
        conn = db.session().connection()
        found = {name: conn.execute(text(sql)).all() for name, sql in queries.items()}
    client = app.test_client()
    for query in QUERIES:
        answer = client.get("/api/search", query_string={"q": query, "sort": "newest"}).json
        found[f"search {query}"] = [(a["id"], a["title"]) for a in answer["results"]]
    return found


def paths_as_names(report: dict) -> dict:
    return {
        kind: sorted(e["path"].rsplit("/", 1)[1] if isinstance(e, dict) else e.rsplit("/", 1)[1]
                     for e in entries)
        for kind, entries in report.items()
    }  # fmt: skip


def test_a_bulk_run_leaves_the_archive_a_run_chunk_by_chunk_leaves(
    app, other_app, corpus, monkeypatch
):
    monkeypatch.setattr(load, "BULK_FROM", 10**9)
    chunked = run(app, corpus)
    monkeypatch.setattr(load, "BULK_FROM", 1)
    in_bulk = run(other_app, corpus)
    assert chunked[0] == in_bulk[0] == 3
    assert paths_as_names(chunked[1]) == paths_as_names(in_bulk[1])
    assert len(chunked[1]["updated"]) == 1 and len(chunked[1]["duplicates"]) == 1
    expected, found = contents(app), contents(other_app)
    assert found == expected
    assert found["search moscow"] and found["search corrected"]
    resolved = {step for *_, step in found["links"]}
    assert resolved == {"title", "spelling", "fuzzy", None}


def test_links_resolve_afresh_to_what_a_bulk_run_found(app, runner, corpus, monkeypatch):
    monkeypatch.setattr(load, "BULK_FROM", 1)
    assert run(app, corpus)[0] == 3
    loaded = contents(app)["links"]
    assert runner.invoke(args=["links", "--resolve"]).exit_code == 0
    assert contents(app)["links"] == loaded


@pytest.mark.parametrize("where", ["loading", "finishing"])
def test_a_bulk_run_stopped_halfway_is_finished_by_the_next_run(
    app, other_app, corpus, monkeypatch, where
):
    monkeypatch.setattr(load, "BULK_FROM", 10**9)
    run(other_app, corpus)
    expected = contents(other_app)

    monkeypatch.setattr(load, "BULK_FROM", 1)
    flush, finish = topics_store.TopicWriter.flush, bulk.finish
    calls = []

    def crash(*args):
        calls.append(1)
        if where == "finishing" or len(calls) >= 3:
            raise RuntimeError("the machine went down")
        return flush(*args)

    if where == "loading":
        monkeypatch.setattr(topics_store.TopicWriter, "flush", crash)
    else:
        monkeypatch.setattr(bulk, "finish", crash)
    result = app.test_cli_runner().invoke(args=["ingest", "--json", str(corpus)])
    assert isinstance(result.exception, RuntimeError)
    with app.app_context():
        assert bulk.unfinished(db.session().connection())
    monkeypatch.setattr(topics_store.TopicWriter, "flush", flush)
    monkeypatch.setattr(bulk, "finish", finish)

    code, report = run(app, corpus)
    assert code == 3
    assert len(report["added"]) + len(report["unchanged"]) >= len(FILES)
    assert contents(app) == expected


def test_a_run_that_finds_nothing_new_finishes_a_stopped_bulk_run(app, ingest, corpus, monkeypatch):
    monkeypatch.setattr(load, "BULK_FROM", 1)
    monkeypatch.setattr(bulk, "finish", lambda conn: None)
    run(app, corpus)
    assert contents(app)["search moscow"] == []  # the search index waits for the end
    monkeypatch.undo()
    code, report = ingest(SEEDS)
    assert code == 0 and len(report["duplicates"]) == 2
    assert contents(app)["search moscow"]


def test_a_small_run_into_a_larger_archive_is_not_loaded_in_bulk(
    app, ingest, corpus, monkeypatch, tmp_path
):
    monkeypatch.setattr(load, "BULK_FROM", 1)
    run(app, corpus)
    write(tmp_path / "new", "n.txt", article_text("Lambda Talks in Moscow", "https://x.org/n"))
    began = []
    monkeypatch.setattr(bulk, "begin", began.append)
    code, report = ingest(tmp_path / "new")
    assert code == 0 and len(report["added"]) == 1 and not began
    assert "Lambda Talks in Moscow" in {t for _, t in contents(app)["search moscow"]}

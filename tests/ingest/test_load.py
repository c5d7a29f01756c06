"""Ingest through the command line: outcomes, idempotence, duplicates and revisions."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, text

from app import db
from app.models import Article, RelatedLink, Revision
from tests.conftest import SEEDS, article_text, write

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def count(app, model) -> int:
    with app.app_context():
        return db.session().scalar(select(func.count()).select_from(model))


def test_seeds_are_added_then_unchanged(app, ingest):
    code, first = ingest(SEEDS)
    assert code == 0
    assert len(first["added"]) == 2
    code, second = ingest(SEEDS)
    assert code == 0
    assert second["added"] == [] and sorted(second["unchanged"]) == sorted(first["added"])
    assert count(app, Article) == 2


def test_summary_line_and_rejections_are_printed(runner, tmp_path):
    write(tmp_path, "good.txt", article_text("A Good Article"))
    write(tmp_path, "empty.txt", "")
    result = runner.invoke(args=["ingest", str(tmp_path)])
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[0] == "2 files: 1 added, 0 updated, 0 unchanged, 0 duplicates, 1 rejected"
    assert lines[1].startswith(f"rejected {tmp_path / 'empty.txt'}: ")


def test_bad_files_are_rejected_and_the_rest_ingested(app, ingest, tmp_path):
    for i in range(3):
        write(tmp_path, f"good{i}.txt", article_text(f"Good Article {i}", url=f"https://x.org/{i}"))
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "binary.bin", bytes(range(256)) * 8)
    write(tmp_path, "untitled.txt", "\n\n\n")
    code, report = ingest(tmp_path)
    assert code == 3
    assert len(report["added"]) == 3
    reasons = {r["path"].rsplit("/", 1)[1]: r["reason"] for r in report["rejected"]}
    assert set(reasons) == {"empty.txt", "binary.bin", "untitled.txt"}
    assert all(len(reason) > 5 for reason in reasons.values())
    assert count(app, Article) == 3


def test_a_small_binary_file_is_rejected_and_a_stray_nul_byte_dropped(app, ingest, tmp_path):
    photo = write(tmp_path, "photo.jpg", (FIXTURES / "small_binary.jpg").read_bytes())
    write(tmp_path, "nul.txt", (FIXTURES / "one_nul.txt").read_bytes())
    code, report = ingest(tmp_path)
    assert code == 3 and report["added"] == [str(tmp_path / "nul.txt")]
    assert report["rejected"] == [{"path": str(photo), "reason": "binary data, not text"}]


def test_a_copy_whose_url_lacks_its_closing_bracket_is_a_duplicate(ingest, tmp_path):
    url = "https://www.themoscowtimes.com/2020/01/02/an-article-a1"
    write(tmp_path, "a.txt", article_text("One Story", url=url))
    write(tmp_path, "b.txt", article_text("One Story", url=url).replace(f"<{url}>", f"<{url}"))
    code, report = ingest(tmp_path)
    assert code == 0 and report["duplicates"] == [str(tmp_path / "b.txt")]


def test_the_same_article_in_another_file_or_url_form_is_one_article(app, ingest, tmp_path):
    text = article_text("One Story", url="https://www.themoscowtimes.com/2020/01/02/one-a1")
    write(tmp_path, "a.txt", text)
    write(tmp_path, "b.txt", text)
    write(tmp_path, "c.txt", text.replace("https://www.", "http://").replace("\n", "\r\n"))
    write(tmp_path, "d.txt", text.replace("one-a1>", "one-a1?utm_source=twitter&fbclid=x>"))
    code, report = ingest(tmp_path)
    assert code == 0
    assert len(report["added"]) == 1 and len(report["duplicates"]) == 3
    assert count(app, Article) == 1
    code, again = ingest(tmp_path)
    assert again["added"] == [] and again["updated"] == []


def test_a_changed_file_updates_the_article_and_keeps_a_revision(app, ingest, tmp_path):
    path = write(tmp_path, "story.txt", article_text("A Story", body="First version."))
    ingest(path)
    write(tmp_path, "story.txt", article_text("A Story", body="Second, corrected version."))
    code, report = ingest(path)
    assert code == 0 and report["updated"] == [str(path)]
    with app.app_context():
        article = db.session().scalars(select(Article)).one()
        revision = db.session().scalars(select(Revision)).one()
    assert "Second, corrected version." in article.body_text
    assert "First version." in revision.raw_text
    # Ingesting the old copy again does not undo the correction.
    write(tmp_path, "old-copy.txt", article_text("A Story", body="First version."))
    code, report = ingest(tmp_path / "old-copy.txt")
    assert report["duplicates"] and count(app, Revision) == 1


def test_articles_without_url_are_identified_by_title_and_date(app, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("No Address", url=None))
    write(tmp_path, "b.txt", article_text("No Address", url=None))
    write(tmp_path, "c.txt", article_text("No Address", url=None, date_line="March 3, 2021"))
    code, report = ingest(tmp_path)
    assert len(report["added"]) == 2 and len(report["duplicates"]) == 1


def test_a_link_ingested_before_its_target_resolves_when_it_arrives(app, ingest, tmp_path):
    citing = write(
        tmp_path, "citing.txt", article_text("Citing", url="https://x.org/a", related="The Target")
    )
    ingest(citing)
    with app.app_context():
        assert db.session().scalars(select(RelatedLink)).one().target_id is None
    ingest(write(tmp_path, "target.txt", article_text("The Target", url="https://x.org/b")))
    with app.app_context():
        link = db.session().scalars(select(RelatedLink)).one()
        assert link.target.title == "The Target"


def test_ingest_before_the_schema_exists_is_a_fatal_error(tmp_path):
    from app import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"})
    result = app.test_cli_runner().invoke(args=["ingest", str(SEEDS)])
    assert result.exit_code == 1
    assert "db upgrade" in result.output


def test_a_database_file_in_a_folder_that_does_not_exist_is_named_as_such(tmp_path):
    from app import create_app

    path = tmp_path / "nowhere" / "archive.db"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}"})
    result = app.test_cli_runner().invoke(args=["ingest", str(SEEDS)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the database file {path} cannot be opened: "
        f"its folder {path.parent} does not exist\n"
    )


def test_ingest_into_no_database_file_leaves_none_behind(tmp_path):
    from app import create_app

    path = tmp_path / "archive.db"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}"})
    result = app.test_cli_runner().invoke(args=["ingest", str(SEEDS)])
    assert result.exit_code == 1 and "db upgrade" in result.output
    assert not path.exists()


def test_a_missing_path_is_a_fatal_error(runner, tmp_path):
    result = runner.invoke(args=["ingest", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such file" in result.output


def test_a_large_batch_is_parsed_in_worker_processes_with_the_same_result(app, ingest, tmp_path):
    from app.ingest.load import PARALLEL_FROM
    from bench.corpus import write_corpus

    write_corpus(PARALLEL_FROM + 6, tmp_path, jobs=1)
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["added"]) == PARALLEL_FROM + 6
    assert count(app, Article) == PARALLEL_FROM + 6
    code, again = ingest(tmp_path)
    assert len(again["unchanged"]) == PARALLEL_FROM + 6


def test_copies_in_later_chunks_are_duplicates_while_earlier_chunks_are_written(
    app, ingest, tmp_path
):
    """A chunk is parsed while the one before it is written: copies across them still count."""
    from app.ingest.load import CHUNK, PARALLEL_FROM
    from bench.corpus import write_corpus

    n = CHUNK + PARALLEL_FROM
    paths = write_corpus(n, tmp_path / "corpus", jobs=1)
    copies = [write(tmp_path / "corpus" / "zz", p.name, p.read_bytes()) for p in paths[:3]]
    copies.append(write(tmp_path / "corpus" / "zz", "edited.txt", paths[3].read_text() + "\n"))
    code, report = ingest(tmp_path / "corpus")
    assert code == 0 and len(report["added"]) == n
    assert sorted(report["duplicates"]) == sorted(map(str, copies))
    assert count(app, Article) == n


def test_a_file_the_database_refuses_is_rejected_and_the_rest_of_its_chunk_stored(
    app, ingest, tmp_path
):
    with app.app_context():
        db.session().execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON article WHEN NEW.title = 'Refused' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
            )
        )
        db.session().commit()
    write(tmp_path, "a.txt", article_text("Before", url="https://x.org/a", related="After"))
    write(tmp_path, "b.txt", article_text("Refused", url="https://x.org/b", related="Before"))
    write(tmp_path, "c.txt", article_text("After", url="https://x.org/c", related="Before"))
    code, report = ingest(tmp_path)
    assert code == 3
    assert [r["path"].rsplit("/", 1)[1] for r in report["rejected"]] == ["b.txt"]
    assert "refused by the database" in report["rejected"][0]["reason"]
    assert len(report["added"]) == 2
    with app.app_context():
        links = db.session().execute(select(RelatedLink.title, RelatedLink.target_id)).all()
    assert sorted(title for title, target in links if target) == ["After", "Before"]


def test_a_refusal_in_a_later_chunk_rejects_that_file_only(app, ingest, tmp_path):
    from app.ingest.load import CHUNK
    from bench.corpus import write_corpus

    paths = write_corpus(CHUNK + 10, tmp_path / "corpus", jobs=1)
    refused = paths[CHUNK + 5]
    title = refused.read_text().split("# ", 1)[1].split("\n", 1)[0].replace("'", "''")
    with app.app_context():
        db.session().execute(
            text(
                f"CREATE TRIGGER refuse BEFORE INSERT ON article WHEN NEW.title = '{title}' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
            )
        )
        db.session().commit()
    code, report = ingest(tmp_path / "corpus")
    assert code == 3
    assert [r["path"] for r in report["rejected"]] == [str(refused)]
    assert len(report["added"]) == CHUNK + 9
    assert count(app, Article) == CHUNK + 9

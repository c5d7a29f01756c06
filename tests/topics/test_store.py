"""Topics written at ingest and rewritten by `retag`, seen through the CLI and the API."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import text

from app import db, topics_store
from app.taxonomy import DATA
from tests.conftest import SEEDS, article_text, write

ESTONIA = "Estonia said on Monday it would act. Estonian officials agreed, and Tallinn said so."


def topics_of(client, title_word: str) -> list[str]:
    listing = client.get("/api/articles?per_page=100").get_json()["articles"]
    return next(a["topics"] for a in listing if title_word in a["title"])


def topic_count(client, slug: str) -> int | None:
    found = client.get(f"/api/topics/{slug}")
    return found.get_json()["count"] if found.status_code == 200 else None


def test_the_seeds_carry_their_countries_and_people(client, seeded):
    helicopters = topics_of(client, "Helicopter")
    specialists = topics_of(client, "Specialists Arrive")
    assert {"russia", "venezuela", "united-states"} <= set(helicopters)
    assert {"russia", "venezuela", "vladimir-putin", "nicolas-maduro"} <= set(specialists)
    assert helicopters[:2] == ["russia", "venezuela"]  # strongest first


def test_bylines_and_photo_credits_never_give_topics(client, ingest, tmp_path):
    text = (
        "# Brazil and Argentina Cut Tariffs\n\nBy [Vladimir Putin](#) and [Georgia Moscow](#)\n\n"
        "March 03, 2025\n\n**Mikhail Metzel / TASS / Kremlin.ru**\n\n"
        "Brazil and Argentina agreed to cut tariffs. Brazilian and Argentine officials said so.\n\n"
        "Original url:\n\n<https://example.org/mercosur>\n"
    )
    write(tmp_path, "a.txt", text)
    assert ingest(tmp_path)[0] == 0
    found = topics_of(client, "Tariffs")
    assert {"brazil", "argentina"} <= set(found)
    assert not {"russia", "vladimir-putin", "georgia"} & set(found)


def test_an_updated_article_gets_the_topics_of_its_new_text(client, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("Baltic News", url="https://x.org/1", body=ESTONIA))
    ingest(tmp_path)
    assert "estonia" in topics_of(client, "Baltic News")
    latvia = ESTONIA.replace("Estonia", "Latvia").replace("Tallinn", "Riga")
    write(tmp_path, "a.txt", article_text("Baltic News", url="https://x.org/1", body=latvia))
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["updated"]) == 1
    found = topics_of(client, "Baltic News")
    assert "latvia" in found and "estonia" not in found
    assert topic_count(client, "estonia") == 0


def test_articles_parsed_in_worker_processes_are_tagged_too(client, ingest, tmp_path):
    for i in range(70):  # enough for ingest to parse (and tag) in worker processes
        write(
            tmp_path, f"{i}.txt", article_text(f"Story {i}", url=f"https://x.org/{i}", body=ESTONIA)
        )
    assert ingest(tmp_path)[0] == 0
    assert topic_count(client, "estonia") == 70


def a_taxonomy_with(tmp_path, file: str, old: str, new: str) -> str:
    folder = tmp_path / "taxonomy"
    shutil.copytree(DATA, folder)
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return str(folder)


def test_retag_applies_a_changed_taxonomy_to_every_article(app, client, runner, seeded, tmp_path):
    assert topic_count(client, "rostec") is None
    app.config["TAXONOMY_PATH"] = a_taxonomy_with(
        tmp_path, "organizations.toml", "[hamas]", '[rostec]\nname = "Rostec"\n\n[hamas]'
    )
    result = runner.invoke(args=["retag"])
    assert result.exit_code == 0, result.output
    said = re.match(
        r"2 articles retagged: (\d+) tags, using (\d+) of the taxonomy's (\d+) ", result.output
    )
    tags, used, topics = map(int, said.groups())
    assert 0 < used <= tags and used < topics  # the topics the two articles got, not all
    assert "rostec" in topics_of(client, "Helicopter")
    assert topic_count(client, "rostec") == 1


def test_pages_shown_before_a_retag_show_its_topics_straight_after(
    app, client, runner, seeded, tmp_path
):
    helicopter = client.get("/api/articles?per_page=100").get_json()["articles"][-1]
    assert "rostec" not in client.get(f"/api/articles/{helicopter['id']}").get_json()["topics"]
    app.config["TAXONOMY_PATH"] = a_taxonomy_with(
        tmp_path, "organizations.toml", "[hamas]", '[rostec]\nname = "Rostec"\n\n[hamas]'
    )
    assert runner.invoke(args=["retag"]).exit_code == 0
    # Retag adds no article: the pages remembered before it are stale all the same.
    article = client.get(f"/api/articles/{helicopter['id']}").get_json()
    assert "rostec" in [t["slug"] for t in article["topics"]]
    assert "rostec" in topics_of(client, "Helicopter")


def test_retag_removes_topics_the_taxonomy_no_longer_has(app, client, runner, seeded, tmp_path):
    app.config["TAXONOMY_PATH"] = a_taxonomy_with(
        tmp_path, "people.toml", "[nicolas-maduro]", "[nicolas-maduro-moros]"
    )
    result = runner.invoke(args=["retag"])
    assert result.output.rstrip().endswith("; 1 topic no longer in the taxonomy removed")
    assert topic_count(client, "nicolas-maduro") is None
    assert "nicolas-maduro-moros" in topics_of(client, "Helicopter")


def test_retag_twice_changes_nothing(client, runner, seeded):
    before = [topics_of(client, "Helicopter"), topics_of(client, "Specialists")]
    first, second = runner.invoke(args=["retag"]), runner.invoke(args=["retag"])
    assert first.output == second.output
    assert [topics_of(client, "Helicopter"), topics_of(client, "Specialists")] == before


def test_retag_in_worker_processes_gives_the_same_tags(client, runner, seeded, monkeypatch):
    before = [topics_of(client, "Helicopter"), topics_of(client, "Specialists")]
    monkeypatch.setattr(topics_store, "PARALLEL_FROM", 1)
    assert runner.invoke(args=["retag"]).exit_code == 0
    assert [topics_of(client, "Helicopter"), topics_of(client, "Specialists")] == before


@pytest.mark.parametrize("command", [["retag"], ["ingest", str(SEEDS)]])
def test_a_broken_taxonomy_is_reported_not_crashed_on(app, runner, tmp_path, command):
    app.config["TAXONOMY_PATH"] = a_taxonomy_with(
        tmp_path, "regions.toml", 'parent = "latin-america"', 'parent = "atlantis"'
    )
    result = runner.invoke(args=command)
    assert result.exit_code == 1
    assert "the taxonomy cannot be used" in result.output and "atlantis" in result.output


def test_a_broken_taxonomy_stops_only_a_run_with_files_to_tag(
    app, client, ingest, seeded, tmp_path
):
    app.config["TAXONOMY_PATH"] = a_taxonomy_with(
        tmp_path, "regions.toml", 'parent = "latin-america"', 'parent = "atlantis"'
    )
    code, report = ingest(SEEDS)  # nothing new: the taxonomy is not needed, nor read
    assert code == 0 and len(report["unchanged"]) == 2
    write(tmp_path, "a.txt", article_text("Baltic News", url="https://x.org/1", body=ESTONIA))
    assert ingest(tmp_path / "a.txt")[0] == 1
    assert client.get("/api/articles").get_json()["total"] == 2  # nothing of it written


def test_two_versions_in_one_run_keep_the_tags_of_the_later(client, ingest, tmp_path):
    latvia = ESTONIA.replace("Estonia", "Latvia").replace("Tallinn", "Riga")
    write(tmp_path, "1.txt", article_text("Baltic News", url="https://x.org/1", body=ESTONIA))
    write(tmp_path, "2.txt", article_text("Baltic News", url="https://x.org/1", body=latvia))
    code, report = ingest(tmp_path)
    assert code == 0 and len(report["added"]) == 1 and len(report["updated"]) == 1, report
    found = topics_of(client, "Baltic News")
    assert "latvia" in found and "estonia" not in found


def test_a_file_that_cannot_be_stored_leaves_no_tags_behind(app, client, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("Estonian News", url="https://x.org/a", body=ESTONIA))
    write(tmp_path, "b.txt", article_text("Latvian News", url="https://x.org/b", body=ESTONIA))
    with app.app_context():  # make the second file's article row fail inside its savepoint
        db.session().execute(text(
            "CREATE TRIGGER no_latvia BEFORE INSERT ON article WHEN NEW.title LIKE 'Latvian%' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        ))  # fmt: skip
        db.session().commit()
    code, report = ingest(tmp_path)
    assert code == 3 and report["rejected"][0]["path"].endswith("b.txt")
    assert topic_count(client, "estonia") == 1

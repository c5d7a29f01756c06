"""A re-run through the console script: what it finds in the archive already is reported as
the loader reports it, and a run that finds nothing new never loads the loader."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS, article_text, write
from tests.test_commands import BIN, run


@pytest.fixture
def archive(tmp_path) -> dict:
    """An archive holding the seeds and two articles of a folder: the environment naming it."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    assert run("db", "upgrade", env=env).returncode == 0
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    for n in (1, 2):
        url = f"https://www.themoscowtimes.com/2020/01/0{n}/article-a{n}"
        write(folder, f"extra-{n}.txt", article_text(f"Article {n}", url=url))
    assert run("ingest", str(folder), env=env).returncode == 0
    return env


def console_ingest(env: dict, *paths: Path) -> tuple[int, dict]:
    done = run("ingest", "--json", *map(str, paths), env=env)
    return done.returncode, json.loads(done.stdout)


def outcomes(report: dict) -> dict[str, list[str]]:
    return {
        kind: sorted(Path(p if isinstance(p, str) else p["path"]).name for p in paths)
        for kind, paths in report.items()
        if paths
    }


def test_a_rerun_of_the_same_folder_reports_every_file_unchanged(archive, tmp_path):
    code, report = console_ingest(archive, tmp_path / "articles")
    names = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert (code, outcomes(report)) == (0, {"unchanged": names})


def test_a_copy_under_another_name_is_a_duplicate_and_a_new_file_is_added(archive, tmp_path):
    folder = tmp_path / "articles"
    shutil.copy(folder / "extra-1.txt", folder / "copy-of-1.txt")
    write(folder, "zz-new.txt", article_text("A new one", url="https://example.org/new"))
    code, report = console_ingest(archive, folder)
    assert code == 0
    assert outcomes(report)["duplicates"] == ["copy-of-1.txt"]
    assert outcomes(report)["added"] == ["zz-new.txt"]
    assert len(report["unchanged"]) == 4


def test_a_file_changed_in_place_is_updated_among_unchanged_ones(archive, tmp_path):
    folder = tmp_path / "articles"
    url = "https://www.themoscowtimes.com/2020/01/02/article-a2"
    write(folder, "extra-2.txt", article_text("Article 2, corrected", url=url))
    code, report = console_ingest(archive, folder)
    assert (code, outcomes(report)["updated"], len(report["unchanged"])) == (0, ["extra-2.txt"], 3)


def test_a_known_file_in_a_run_with_an_empty_one_is_unchanged_and_the_empty_one_rejected(
    archive, tmp_path
):
    empty = write(tmp_path, "empty.txt", "")
    code, report = console_ingest(archive, tmp_path / "articles" / "extra-1.txt", empty)
    assert code == 3
    assert outcomes(report) == {"unchanged": ["extra-1.txt"], "rejected": ["empty.txt"]}


def test_a_run_that_finds_nothing_new_loads_neither_flask_nor_sqlalchemy(archive, tmp_path):
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        f"try: main(['ingest', '--json', {str(tmp_path / 'articles')!r}])\n"
        "except SystemExit as done: assert done.code == 0, done.code\n"
        "print(sorted({'flask', 'sqlalchemy', 'app.ingest.load'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [BIN / "python", "-c", probe], env=archive, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"
    assert json.loads(done.stdout.splitlines()[0])["unchanged"]


def test_a_rerun_on_an_archive_without_a_schema_says_to_upgrade(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'blank.db'}"}
    (tmp_path / "blank.db").touch()
    done = run("ingest", str(SEEDS), env=env)
    assert done.returncode == 1
    assert "run `foreign-desk db upgrade` first" in done.stderr


def test_the_version_is_the_archive_s_own(tmp_path):
    done = subprocess.run(
        [BIN / "foreign-desk", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("foreign-desk, version ")
    assert "Flask" not in done.stdout and sys.version.split()[0] not in done.stdout


def test_files_known_before_the_first_new_one_are_reported_and_the_rest_loaded(
    ingest, tmp_path, monkeypatch
):
    from app.ingest import rerun

    folder = tmp_path / "articles"
    for n in range(1, 6):
        url = f"https://www.themoscowtimes.com/2020/01/0{n}/article-a{n}"
        write(folder, f"{n}.txt", article_text(f"Article {n}", url=url))
    assert ingest(folder)[0] == 0
    write(folder, "4.txt", article_text("Article 4, corrected", url="https://example.org/4"))
    monkeypatch.setattr(rerun, "CHUNK", 2)  # 1-2 known, then 3-4 holds a new file: the loader's
    code, report = ingest(folder)
    assert code == 0
    assert outcomes(report) == {
        "added": ["4.txt"],
        "unchanged": ["1.txt", "2.txt", "3.txt", "5.txt"],
    }


def test_an_empty_database_url_means_the_default_archive(monkeypatch):
    from app import create_app, settings

    monkeypatch.setenv("DATABASE_URL", "")
    default = f"sqlite:///{settings.instance_path() / 'foreign-desk.db'}"
    assert settings.database_url() == default
    assert create_app(web=False).config["DATABASE_URL"] == default

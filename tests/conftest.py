"""Each test gets its own real SQLite file, migrated with Alembic (copied from one template)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


def fresh_app(migrated_db: Path, folder: Path) -> Iterator[Flask]:
    """An app on its own copy of the migrated archive, its engine closed afterwards."""
    db_path = folder / "archive.db"
    shutil.copy(migrated_db, db_path)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{db_path}"})
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def app(migrated_db, tmp_path_factory):
    yield from fresh_app(migrated_db, tmp_path_factory.mktemp("db"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def ingest(runner):
    """Run `ingest --json` on paths; return (exit code, report)."""

    def run(*paths) -> tuple[int, dict]:
        result = runner.invoke(args=["ingest", "--json", *map(str, paths)])
        report = json.loads(result.output) if result.output.startswith("{") else {}
        return result.exit_code, report

    return run


@pytest.fixture
def seeded(ingest):
    code, report = ingest(SEEDS)
    assert code == 0, report
    return report


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write one article file for a test."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def article_text(
    title: str,
    url: str | None = "https://www.themoscowtimes.com/2020/01/02/an-article-a1",
    body: str = "A paragraph about foreign affairs.",
    related: str = "",
    date_line: str = "January 02, 2020",
) -> str:
    """An article in the seed layout."""
    parts = [f"# {title}", "By [Reuters](#)", date_line, "**A. Photographer / AP**", body]
    if related:
        parts.append(f"**Related article:** [{related}](#)")
    parts.append("More text follows here.")
    if url:
        parts += ["Original url:", f"<{url}>"]
    return "\n\n".join(parts) + "\n"

"""Setup mistakes read as one line and exit 1, never a traceback: the real CLI, real files."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest

from app.migrate import newest, upgrade
from tests.test_commands import BIN, free_port, run


def with_url(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url}


def refused(done: subprocess.CompletedProcess, message: str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error: ") and message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "command", [["db", "upgrade"], ["links"], ["retag"], ["reparse"], ["ingest"]]
)
def test_a_missing_folder_is_named(tmp_path, command):
    done = run(*command, env=with_url(f"sqlite:///{tmp_path}/nowhere/x.db"))
    refused(done, f"its folder {tmp_path}/nowhere does not exist")


def test_a_relative_path_is_read_from_the_current_folder_and_the_error_says_so(tmp_path):
    done = subprocess.run(
        [BIN / "foreign-desk", "db", "upgrade"],
        env=with_url("sqlite:///instance/foreign-desk.db"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    refused(done, f"its folder {tmp_path}/instance does not exist (a relative path is read")


@pytest.mark.parametrize("command", [["links"], ["links", "--resolve"], ["retag"], ["reparse"]])
def test_an_unmigrated_file_asks_for_db_upgrade(tmp_path, command):
    (tmp_path / "empty.db").touch()
    done = run(*command, env=with_url(f"sqlite:///{tmp_path}/empty.db"))
    refused(done, "run `foreign-desk db upgrade` first")


def test_a_postgresql_url_without_its_driver_says_what_to_install():
    done = run("db", "upgrade", env=with_url("postgresql+psycopg://user@localhost/archive"))
    refused(done, "PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'")


def test_db_upgrade_says_what_it_did(tmp_path):
    url, head = f"sqlite:///{tmp_path}/archive.db", newest()
    assert run("db", "upgrade", env=with_url(url)).stdout == f"Created the schema ({head}).\n"
    again = run("db", "upgrade", env=with_url(url)).stdout
    assert again == f"Already at the newest revision ({head}).\n"
    older = f"sqlite:///{tmp_path}/older.db"
    upgrade(older, "0007")
    assert run("db", "upgrade", env=with_url(older)).stdout == f"Upgraded from 0007 to {head}.\n"


def serve(url: str) -> subprocess.CompletedProcess:
    return run("serve", "--port", str(free_port()), env=with_url(url))


def test_serve_refuses_a_missing_archive_and_creates_no_file(tmp_path):
    refused(serve(f"sqlite:///{tmp_path}/x.db"), "run `foreign-desk db upgrade` first")
    assert list(tmp_path.iterdir()) == []


def test_serve_refuses_an_archive_without_a_schema(tmp_path):
    (tmp_path / "empty.db").touch()
    done = serve(f"sqlite:///{tmp_path}/empty.db")
    refused(done, f"the archive at {tmp_path}/empty.db has no schema; run `foreign-desk db")
    assert (tmp_path / "empty.db").stat().st_size == 0


def test_serve_refuses_an_archive_behind_the_code(tmp_path):
    upgrade(f"sqlite:///{tmp_path}/older.db", "0007")
    done = serve(f"sqlite:///{tmp_path}/older.db")
    refused(done, f"is at revision 0007 (the code needs {newest()}); run `foreign-desk db upgrade`")


def test_serve_says_at_once_that_its_port_is_taken(tmp_path):
    url = f"sqlite:///{tmp_path}/archive.db"
    assert run("db", "upgrade", env=with_url(url)).returncode == 0
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = run("serve", "--port", str(port), env=with_url(url))
    refused(done, f"port {port} is in use; try --port {port + 1} (make run PORT={port + 1})")


def test_help_offers_the_archive_commands_not_flasks_development_ones():
    shown = run("--help", env=dict(os.environ)).stdout
    assert "serve" in shown and "ingest" in shown
    assert "--debug" not in shown and " run " not in shown and "routes" not in shown
    flask = subprocess.run(
        [BIN / "flask", "--app", "app", "--help"], capture_output=True, text=True, timeout=60
    )
    assert " run " in flask.stdout and "ingest" in flask.stdout  # still there for development


def test_help_says_which_archive_and_lists_every_command_untruncated(tmp_path):
    url = f"sqlite:///{tmp_path / 'mine.db'}"
    shown = run("--help", env={**os.environ, "DATABASE_URL": url}).stdout
    assert "DATABASE_URL" in " ".join(shown.split())
    assert url in shown
    unset = run("--help", env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"})
    assert "foreign-desk.db" in unset.stdout
    assert "DATABASE_URL" in run("ingest", "--help", env=dict(os.environ)).stdout
    assert ",..." not in shown and "(after..." not in shown  # click cut them short

"""The console script as a user runs it: upgrade, ingest, serve; and which files a folder gives."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.ingest.walk import article_files
from tests.conftest import SEEDS, article_text, write

BIN = Path(sys.executable).parent


def run(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "foreign-desk", *args], env=env, capture_output=True, text=True, timeout=120
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict) -> Iterator[str]:
    """`foreign-desk serve` (gunicorn, one worker) on a free port; its address once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [BIN / "foreign-desk", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{address}/healthz").close()
                break
            except OSError:
                time.sleep(0.1)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_upgrade_ingest_and_serve(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    assert run("db", "upgrade", env=env).returncode == 0
    ingested = run("ingest", "--json", str(SEEDS), env=env)
    assert ingested.returncode == 0 and len(json.loads(ingested.stdout)["added"]) == 2
    with serving(env) as address, urllib.request.urlopen(f"{address}/api/articles") as answer:
        assert json.load(answer)["total"] == 2


def test_serve_binds_no_control_socket_in_the_users_home(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    env["HOME"] = str(tmp_path / "home")
    env.pop("XDG_RUNTIME_DIR", None)
    assert run("db", "upgrade", env=env).returncode == 0
    with serving(env) as address, urllib.request.urlopen(f"{address}/healthz") as answer:
        assert answer.status == 200
        assert not (tmp_path / "home" / ".gunicorn").exists()


def test_the_same_commands_work_through_flask(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    flask = [BIN / "flask", "--app", "app"]
    assert subprocess.run([*flask, "db", "upgrade"], env=env, capture_output=True).returncode == 0
    done = subprocess.run([*flask, "ingest", str(SEEDS)], env=env, capture_output=True, text=True)
    assert done.returncode == 0
    assert (
        done.stdout.strip() == "2 files: 2 added, 0 updated, 0 unchanged, 0 duplicates, 0 rejected"
    )


def test_a_folder_gives_its_files_sorted_by_path_without_hidden_ones(tmp_path):
    for name in ("b/2.txt", "a-b/1.txt", "a/z.txt", "a/b/c.txt", "top.txt"):
        write(tmp_path, name, "x")
    write(tmp_path, ".git/HEAD", "x")
    write(tmp_path, "a/.notes.txt", "x")
    files = article_files((str(tmp_path),)).files
    found = [Path(p).relative_to(tmp_path).as_posix() for p in files]
    assert found == ["a/b/c.txt", "a/z.txt", "a-b/1.txt", "b/2.txt", "top.txt"]


def test_a_folder_inside_a_hidden_folder_is_still_read(ingest, tmp_path):
    folder = tmp_path / ".cache" / "articles"
    write(folder, "one.txt", article_text("One Story", url="https://x.org/one"))
    code, report = ingest(folder)
    assert code == 0 and len(report["added"]) == 1


def test_files_named_one_by_one_keep_their_order(tmp_path):
    paths = [str(write(tmp_path, name, "x")) for name in ("z.txt", "a.txt")]
    assert article_files(tuple(paths)).files == paths


def test_a_linked_file_is_read_and_a_linked_folder_is_not_followed(tmp_path):
    target = write(tmp_path / "elsewhere", "story.txt", "x")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "story-link.txt").symlink_to(target)
    (tmp_path / "archive" / "loop").symlink_to(tmp_path / "archive")
    found = article_files((str(tmp_path / "archive"),)).files
    assert [Path(p).name for p in found] == ["story-link.txt"]


def test_a_link_that_leads_back_to_itself_is_rejected_and_the_rest_ingested(ingest, tmp_path):
    write(tmp_path, "story.txt", article_text("One Story"))
    (tmp_path / "selfloop.txt").symlink_to("selfloop.txt")
    code, report = ingest(tmp_path)
    assert code == 3 and report["added"] == [str(tmp_path / "story.txt")]
    assert report["rejected"] == [
        {
            "path": str(tmp_path / "selfloop.txt"),
            "reason": "a link that leads back to itself (a loop of links), not a file",
        }
    ]


def test_a_broken_link_in_a_folder_is_rejected_not_skipped_silently(ingest, tmp_path):
    write(tmp_path, "story.txt", article_text("One Story"))
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, report = ingest(tmp_path)
    assert code == 3 and len(report["added"]) == 1
    assert report["rejected"] == [
        {"path": str(tmp_path / "gone.txt"), "reason": "a link to a file that does not exist"}
    ]


def test_a_mistyped_path_among_others_is_rejected_and_the_rest_ingested(runner, tmp_path):
    folder = tmp_path / "in"
    write(folder, "story.txt", article_text("One Story"))
    missing = str(tmp_path / "nonexist")
    result = runner.invoke(args=["ingest", str(folder), missing])
    assert result.exit_code == 3
    assert result.output.splitlines() == [
        "2 files: 1 added, 0 updated, 0 unchanged, 0 duplicates, 1 rejected",
        f"rejected {missing}: no such file or folder",
    ]


def test_no_path_that_exists_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(args=["ingest", str(tmp_path / "a"), str(tmp_path / "b")])
    assert result.exit_code == 1
    assert result.output == f"Error: no such file or folder: {tmp_path / 'a'}, {tmp_path / 'b'}\n"


def test_a_subfolder_that_cannot_be_listed_is_rejected_and_the_rest_ingested(ingest, tmp_path):
    write(tmp_path, "story.txt", article_text("One Story"))
    # Folders nested past the longest path the system takes: the deepest cannot be listed
    # (tests run as root here, so a folder without permissions would still be listed).
    name, depth = "n" * 200, 25
    parent = os.open(tmp_path, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir(name, dir_fd=parent)
        child = os.open(name, os.O_RDONLY, dir_fd=parent)
        os.close(parent)
        parent = child
    os.close(parent)
    code, report = ingest(tmp_path)
    assert code == 3 and report["added"] == [str(tmp_path / "story.txt")]
    [rejected] = report["rejected"]
    assert rejected["reason"] == "cannot list the folder: File name too long"
    assert rejected["path"].startswith(f"{tmp_path}/{name}/{name}/")


def test_a_file_named_or_reached_several_times_is_ingested_and_reported_once(ingest, tmp_path):
    story = write(tmp_path / "dir", "f.txt", article_text("One Story"))
    (tmp_path / "dir" / "link.txt").symlink_to(story)
    code, report = ingest(story, story, tmp_path / "dir", f"{tmp_path}/dir/../dir/f.txt")
    assert code == 0 and report["added"] == [str(story)]
    assert report["unchanged"] == report["duplicates"] == report["rejected"] == []


def test_a_folder_inside_another_named_is_walked_once(ingest, tmp_path):
    inner = write(tmp_path / "a" / "b", "f.txt", article_text("One Story"))
    code, report = ingest(tmp_path / "a" / "b", tmp_path / "a")
    assert code == 0 and report["added"] == [str(inner)] and report["unchanged"] == []


def test_a_hidden_file_named_is_read_though_its_folder_is_walked_too(ingest, tmp_path):
    hidden = write(tmp_path, ".draft.txt", article_text("One Story"))
    code, report = ingest(tmp_path, hidden)
    assert code == 0 and report["added"] == [str(hidden)]


def test_ingest_without_arguments_and_no_seeds_folder_says_so(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["ingest"])
    assert result.exit_code == 1
    assert result.output == "Error: no such file or folder: seeds\n"


def test_ingest_names_the_files_dated_after_tomorrow_on_stderr(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    assert run("db", "upgrade", env=env).returncode == 0
    folder = tmp_path / "in"
    write(folder, "typo.txt", article_text("Year Typo", url=None, date_line="January 1, 2091"))
    write(folder, "fine.txt", article_text("Fine Story", url=None))
    done = run("ingest", str(folder), env=env)
    assert done.returncode == 0 and done.stdout.startswith("2 files: 2 added")
    assert "note: 1 file is dated after tomorrow; check its date line:" in done.stderr
    assert f"{folder / 'typo.txt'}: 2091-01-01" in done.stderr and "fine.txt" not in done.stderr
    as_json = run("ingest", "--json", str(folder), env=env)  # unchanged now: nothing to say
    assert json.loads(as_json.stdout)["unchanged"] and as_json.stderr == ""

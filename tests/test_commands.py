"""The command line's file discovery: which files a folder gives ingest, and in what order."""

from __future__ import annotations

from pathlib import Path

from app.commands import article_files
from tests.conftest import article_text, write


def test_a_folder_gives_its_files_sorted_by_path_without_hidden_ones(tmp_path):
    for name in ("b/2.txt", "a-b/1.txt", "a/z.txt", "a/b/c.txt", "top.txt"):
        write(tmp_path, name, "x")
    write(tmp_path, ".git/HEAD", "x")
    write(tmp_path, "a/.notes.txt", "x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in article_files((str(tmp_path),))]
    assert found == ["a/b/c.txt", "a/z.txt", "a-b/1.txt", "b/2.txt", "top.txt"]


def test_a_folder_inside_a_hidden_folder_is_still_read(ingest, tmp_path):
    folder = tmp_path / ".cache" / "articles"
    write(folder, "one.txt", article_text("One Story", url="https://x.org/one"))
    code, report = ingest(folder)
    assert code == 0 and len(report["added"]) == 1


def test_files_named_one_by_one_keep_their_order(tmp_path):
    paths = [str(write(tmp_path, name, "x")) for name in ("z.txt", "a.txt")]
    assert article_files(tuple(paths)) == paths


def test_a_linked_file_is_read_and_a_linked_folder_is_not_followed(tmp_path):
    target = write(tmp_path / "elsewhere", "story.txt", "x")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "story-link.txt").symlink_to(target)
    (tmp_path / "archive" / "loop").symlink_to(tmp_path / "archive")
    found = article_files((str(tmp_path / "archive"),))
    assert [Path(p).name for p in found] == ["story-link.txt"]

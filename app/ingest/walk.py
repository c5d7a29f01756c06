"""Which files an ingest reads: the files and folders named, folders searched recursively."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field


@dataclass
class Found:
    """The files to read, each once, and the entries that could not be looked at, with why."""

    files: list[str] = field(default_factory=list)
    unreadable: list[dict[str, str]] = field(default_factory=list)
    # Real paths of the folders walked, and of the files that are links or were named
    # one by one: few, so a million files in a folder cost no set of a million paths.
    _folders: set[str] = field(default_factory=set)
    _singles: set[str] = field(default_factory=set)

    def first_visit(self, folder: str) -> bool:
        """Note a folder's real path; tell whether it was not walked before."""
        if folder in self._folders:
            return False
        self._folders.add(folder)
        return True

    def add_walked(self, path: str, folder: str, name: str) -> None:
        """Keep a file met in a folder (its real path folder/name) unless already kept."""
        # Only a file named or linked to before could make this one a second copy.
        if not self._singles or f"{folder}/{name}" not in self._singles:
            self.files.append(path)

    def add_single(self, path: str, real: str) -> None:
        """Keep a file named or linked to, unless the file it is (real) is already kept."""
        head, name = os.path.split(real)
        if real in self._singles or (head in self._folders and not name.startswith(".")):
            return  # named before, or a visible file of a folder already walked
        self._singles.add(real)
        self.files.append(path)

    def reject(self, path: str, exc: OSError, what: str = "cannot be read") -> None:
        self.unreadable.append({"path": path, "reason": _reason(exc, what)})


def article_files(paths: tuple[str, ...]) -> Found:
    """Every file under the given files and folders, each once, in the order given.

    A folder gives its files in path order, searching its subfolders but not following
    links to folders. Hidden files and folders (a name starting with ".") inside a folder
    are left out. A path that does not exist is rejected. A file named twice, or reached
    twice (`f.txt dir/ dir/../f.txt`, a link to a file also in the run) is read once, under
    the first name met. Paths are kept as strings: a million Path objects would take 400 MB.
    """
    found = Found()
    for name in paths:
        if not os.path.exists(name):  # a mistyped name among others: the rest still go in
            found.unreadable.append({"path": name, "reason": "no such file or folder"})
        elif os.path.isdir(name):
            _walk(name, os.path.realpath(name), found)
        else:
            found.add_single(name, os.path.realpath(name))
    return found


def _walk(folder: str, real: str, found: Found) -> None:
    """Add the files under a folder in path order: its files and subfolders sorted together."""
    if not found.first_visit(real):
        return  # named twice, or inside a folder already walked
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
            )
    except OSError as exc:
        found.reject(folder, exc, "cannot list the folder")
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, f"{real}/{entry.name}", found)
            elif entry.is_symlink():
                _add_link(entry.path, found)
            elif entry.is_file(follow_symlinks=False):
                found.add_walked(entry.path, real, entry.name)
        except OSError as exc:
            found.reject(entry.path, exc)


def _add_link(path: str, found: Found) -> None:
    """Add the file a link in a folder leads to; a link to a folder is not followed."""
    try:
        if os.path.isdir(path):
            return
        os.stat(path)  # a broken link, or one that leads back to itself, raises
    except OSError as exc:
        found.reject(path, exc)
        return
    found.add_single(path, os.path.realpath(path))


def _reason(exc: OSError, what: str) -> str:
    """Say in words why an entry of a folder cannot be read."""
    if exc.errno == errno.ELOOP:
        return "a link that leads back to itself (a loop of links), not a file"
    if exc.errno == errno.ENOENT:
        return "a link to a file that does not exist"
    return f"{what}: {exc.strerror or exc}"

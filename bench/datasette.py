"""Datasette, the peer: installed from PyPI into an environment of its own, serving our file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from bench import process

VENV = Path(__file__).resolve().parent / ".venv-datasette"
REQUIREMENT = "datasette>=0.65,<2"


def install(venv: Path = VENV) -> Path:
    """Create the environment and install Datasette the first time; return its command."""
    command = venv / "bin" / "datasette"
    if not command.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, REQUIREMENT], check=True)
    return command


def version(command: Path) -> str:
    out = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip().rsplit(" ", 1)[-1]


@contextmanager
def serve(command: Path, database: Path, port: int, log: Path) -> Iterator[subprocess.Popen]:
    """Serve the database file read-only (immutable, as Datasette serves published data)."""
    args = [
        str(command), "serve", "-i", str(database), "--port", str(port),
        "--setting", "sql_time_limit_ms", "10000", "--setting", "default_page_size", "20",
    ]  # fmt: skip
    with process.server(args, port, "/-/versions.json", log) as proc:
        yield proc


def query_path(database: Path, sql: str, params: dict[str, object]) -> str:
    """The URL path that has Datasette run sql with named parameters, rows as a JSON array."""
    return f"/{database.stem}.json?" + urlencode({"sql": sql, **params, "_shape": "array"})

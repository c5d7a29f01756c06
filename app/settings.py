"""Where the archive is, read from the environment without loading the web app.

Commands read it before anything else: a re-run that finds nothing new answers from these and
the standard library alone (`app.ingest.rerun`), and `create_app` takes the same values.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def instance_path() -> Path:
    """The instance folder, by Flask's rule: beside the package in a checkout or an editable
    install (`<repo>/instance`), `<prefix>/var/app-instance` when installed into a prefix."""
    parent = PACKAGE.parent
    prefix = Path(os.path.abspath(sys.prefix))
    if parent.is_relative_to(prefix):
        return prefix / "var" / "app-instance"
    if parent.name.lower() == "site-packages":  # a virtual environment's prefix/lib/pythonX.Y/
        return parent.parent.parent.parent / "var" / "app-instance"
    return parent / "instance"


def database_url() -> str:
    """DATABASE_URL, or the SQLite file in the instance folder."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path() / 'foreign-desk.db'}"


def taxonomy_path() -> str | None:
    """TAXONOMY_PATH; None: the package's own app/data/taxonomy."""
    return os.environ.get("TAXONOMY_PATH")

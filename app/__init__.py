"""Foreign Desk: an archive and reader for tagged foreign-affairs news."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from app.web.json import JSONProvider


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, database, blueprints and commands."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    default_db = "sqlite:///" + os.path.join(app.instance_path, "foreign-desk.db")
    app.config.from_mapping(
        DATABASE_URL=os.environ.get("DATABASE_URL", default_db),
        JSON_SORT_KEYS=False,
        PER_PAGE=20,
        MAX_PER_PAGE=100,
        TAXONOMY_PATH=os.environ.get("TAXONOMY_PATH"),  # None: the package's app/data/taxonomy
    )
    app.json = JSONProvider(app)
    if config:
        app.config.update(config)

    from app import db, errors, security
    from app.commands import register_commands
    from app.web import register_blueprints

    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    register_blueprints(app)
    register_commands(app)
    return app

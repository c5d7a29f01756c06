"""Foreign Desk: an archive and reader for tagged foreign-affairs news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app import settings

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: dict[str, Any] | None = None, *, web: bool = True) -> Flask:
    """Build the app: configuration, database, commands and (unless `web` is false, as for
    the console script's commands, which serve no page) the blueprints."""
    # Imported here, not above: importing the package must not load the web framework, so
    # that a command which needs none (a re-run of ingest) starts in a tenth of the time.
    from flask import Flask

    from app import db, errors, security
    from app.commands import register_commands
    from app.web import register_blueprints
    from app.web.json import JSONProvider

    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_path=str(settings.instance_path()),
        instance_relative_config=True,
    )
    settings.instance_path().mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        DATABASE_URL=settings.database_url(),
        JSON_SORT_KEYS=False,
        PER_PAGE=20,
        MAX_PER_PAGE=100,
        TAXONOMY_PATH=settings.taxonomy_path(),  # None: the package's app/data/taxonomy
    )
    app.json = JSONProvider(app)
    if config:
        app.config.update(config)

    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    if web:
        register_blueprints(app)
    register_commands(app)
    return app

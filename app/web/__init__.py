"""The web side: one blueprint per area."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from app.markup import to_html
    from app.web import (
        api,
        archive,
        canonical,
        delivery,
        display,
        feeds,
        reader,
        search,
        sources,
        topics,
        versions,
    )

    app.jinja_env.filters["markdown"] = to_html
    display.init_app(app)
    delivery.init_app(app)
    canonical.init_app(app)  # before the blueprints: it changes how their routes read ids

    app.register_blueprint(reader.bp)
    app.register_blueprint(archive.bp)
    app.register_blueprint(sources.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(topics.bp)
    app.register_blueprint(versions.bp)

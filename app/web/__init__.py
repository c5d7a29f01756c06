"""The web side: one blueprint per area."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from app.markup import to_html
    from app.web import api, reader, topics

    app.jinja_env.filters["markdown"] = to_html

    app.register_blueprint(reader.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(topics.bp)

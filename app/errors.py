"""Error answers: JSON under /api, a page that helps everywhere else."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException


def _handle(error: HTTPException):
    # The error's own headers stay (a 405's Allow, a 429's Retry-After); the body is ours.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if request.path.startswith("/api/") or request.path == "/api":
        return {"error": error.description}, error.code, headers
    return render_template("error.html", error=error), error.code, headers


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle)

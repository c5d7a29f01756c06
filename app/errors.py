"""Error answers: JSON under /api, a page that helps everywhere else."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException


def _handle(error: HTTPException):
    if request.path.startswith("/api/") or request.path == "/api":
        return {"error": error.description}, error.code
    return render_template("error.html", error=error), error.code


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle)

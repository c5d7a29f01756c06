"""The cursors of a paged list: `after` for older articles, `before` for newer ones."""

from __future__ import annotations

from flask import abort, request

from app.lists import Cursor
from app.web import params


def cursors() -> tuple[Cursor | None, Cursor | None]:
    """(after, before); asking for both at once answers 400."""
    if request.args.get("after") and request.args.get("before"):
        abort(400, "a page is either after or before a cursor, not both")
    return params.cursor("after"), params.cursor("before")

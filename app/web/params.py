"""Reading query-string parameters; anything unreadable answers 400 with the reason."""

from __future__ import annotations

from flask import abort, current_app, request

from app.dates import DateError, date_range
from app.queries import Cursor, CursorError, Filters


def per_page() -> int:
    """`per_page`, 1 to MAX_PER_PAGE; the default page size when absent."""
    raw = request.args.get("per_page", "")
    if not raw:
        return current_app.config["PER_PAGE"]
    highest = current_app.config["MAX_PER_PAGE"]
    if not raw.isdigit() or not 1 <= int(raw) <= highest:
        abort(400, f"per_page must be a whole number from 1 to {highest}")
    return int(raw)


def cursor(name: str = "after") -> Cursor | None:
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return Cursor.parse(raw)
    except CursorError as exc:
        abort(400, str(exc))


def filters() -> Filters:
    """`topic`, `source`, `from` and `to` (a year, a month or a day)."""
    start = end = None
    try:
        if request.args.get("from"):
            start = date_range(request.args["from"])[0]
        if request.args.get("to"):
            end = date_range(request.args["to"])[1]
    except DateError as exc:
        abort(400, str(exc))
    return Filters(
        topic=request.args.get("topic") or None,
        source=request.args.get("source") or None,
        start=start,
        end=end,
    )

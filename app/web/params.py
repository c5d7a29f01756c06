"""Reading query-string parameters; anything unreadable answers 400 with the reason."""

from __future__ import annotations

from flask import abort, current_app, request

from app.dates import DateError, date_range
from app.queries import Cursor, CursorError, Filters


def whole_number(name: str, highest: int, default: int, advice: str = "") -> int:
    """A parameter that must be a whole number from 1 to `highest` (ASCII digits only)."""
    raw = request.args.get(name) or ""
    if not raw:
        return default
    # str.isdigit() also admits '²' and other digits int() refuses: ask for plain 0–9.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= highest:
        abort(400, f"{name} must be a whole number from 1 to {highest}{advice}")
    return int(raw)


def per_page() -> int:
    """`per_page`, 1 to MAX_PER_PAGE; the default page size when absent."""
    config = current_app.config
    return whole_number("per_page", config["MAX_PER_PAGE"], config["PER_PAGE"])


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

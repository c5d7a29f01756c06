"""Reading query-string parameters; anything unreadable answers 400 with the reason."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from flask import abort, current_app, request
from slugify import slugify
from werkzeug.exceptions import BadRequest

from app.dates import DateError, date_range
from app.lists import Cursor, CursorError, Filters


class BadParameter(BadRequest):
    """A 400 for one parameter: the same answer as `abort(400, reason)`, and which one it was."""

    def __init__(self, name: str, reason: str, link: str | None = None) -> None:
        super().__init__(f"{reason}: {link}" if link else reason)
        self.parameter = name
        self.reason, self.link = reason, link  # a page shows the link as one


def whole_number(name: str, highest: int, default: int, advice: str = "") -> int:
    """A parameter that must be a whole number from 1 to `highest` (ASCII digits only)."""
    raw = request.args.get(name) or ""
    if not raw:
        return default
    # str.isdigit() also admits '²' and other digits int() refuses: ask for plain 0–9.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= highest:
        raise BadParameter(name, f"{name} must be a whole number from 1 to {highest}{advice}")
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


def day(name: str, end: bool) -> date | None:
    """A date parameter (a year, a month or a day): its first day, or with `end` its last."""
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return date_range(raw)[end]
    except DateError as exc:
        raise BadParameter(name, str(exc)) from None


def filters() -> Filters:
    """`topic`, `source`, `from` and `to` (a year, a month or a day)."""
    start, end = day("from", end=False), day("to", end=True)
    return Filters(topic=one_slug("topic"), source=one_slug("source"), start=start, end=end)


def one_slug(name: str) -> str | None:
    """A topic or source that lists filter by: one only, else 400 pointing to the search.

    Lists page and count by one topic and one source; the search intersects several, so a
    second value is sent there rather than dropped without a word.
    """
    given = dict.fromkeys(filter(None, map(slug, request.args.getlist(name))))
    if len(given) > 1:
        several = urlencode([(name, value) for value in given])
        raise BadParameter(name, f"give one {name}; search takes several", f"/search?{several}")
    return next(iter(given), None)


def slug(value: str | None) -> str | None:
    """A topic or source as given, a slug or a name ("United States" → united-states)."""
    return slugify(value, max_length=200) or None if value else None

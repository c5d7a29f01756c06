"""How dates, counts and lengths read on a page: Jinja filters and globals."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from flask import Flask, request, url_for

from app.search.like import like_title

WORDS_PER_MINUTE = 230
# calendar.month_name would call strftime on every look-up: pages show hundreds of dates.
MONTHS = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Characters XML 1.0 forbids even escaped; a feed carrying one would not parse at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def long_date(day: date | None) -> str:
    """2 April 2019."""
    return f"{day.day} {MONTHS[day.month]} {day.year}" if day else "Undated"


def month_name(month: int) -> str:
    return MONTHS[month]


def archive_url(year: int, month: int | None = None) -> str:
    """/archive/2019 or /archive/2019/04, built without the router: pages link hundreds."""
    return f"/archive/{year:04d}" + (f"/{month:02d}" if month else "")


def reading_time(words: int) -> str:
    """ "4 min read", never less than one minute."""
    return f"{max(1, math.ceil(words / WORDS_PER_MINUTE))} min read"


def number(value: int) -> str:
    """1,234."""
    return f"{value:,}"


def rfc3339(moment: date | datetime) -> str:
    """The UTC timestamp Atom wants; a date is read as its midnight."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def xml_safe(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def web_address(url: str | None) -> str | None:
    """A web page's address as given, or None for any other scheme (javascript:, data:…):
    an article's "Original url:" line is whatever its file says."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def page_url(**cursor: str) -> str:
    """This page's address with its filters kept and its cursor replaced."""
    args = {k: v for k, v in request.args.items() if k not in ("after", "before")}
    return url_for(
        request.endpoint or "reader.front", **(request.view_args or {}), **args, **cursor
    )


def init_app(app: Flask) -> None:
    for name, function in (
        ("long_date", long_date),
        ("month_name", month_name),
        ("reading_time", reading_time),
        ("number", number),
        ("rfc3339", rfc3339),
        ("xml_safe", xml_safe),
        ("web_address", web_address),
        ("like_title", like_title),
    ):
        app.jinja_env.filters[name] = function
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["archive_url"] = archive_url

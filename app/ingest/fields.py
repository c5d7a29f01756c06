"""Reading the fields every layout has: bylines, authors and dates. Pure functions."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from dateutil import parser as dateparser

from app.markup import to_plain

HAS_LETTER = re.compile(r"[^\W\d_]")
BYLINE = re.compile(r"by:?\s+(.+)", re.I)
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\||\band\b)\s*")
# What follows a name in a byline without being one: "Jane Doe, Moscow correspondent" (a role,
# dropped), "Reuters staff" (the organisation's staff: Reuters), "Jane Doe in Moscow" (a place).
_ROLE = re.compile(
    r".*\b(?:correspondents?|reporters?|editors?|writers?|columnists?|contributors?|bureau|chief"
    r"|desk|staff)",
    re.I,
)
_STAFF = re.compile(r"(.+?)\s+staff(?:\s+(?:writers?|reporters?))?", re.I)
_IN_PLACE = re.compile(r"(.+?)\s+in\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*")
_LINK_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|$)")
YMD_DATE = re.compile(r"\s*(\d{4})[-/.](\d\d?)[-/.](\d\d?)(?!\d)")
_DATE_SHAPE = re.compile(r"(?=.*\d)[\w ,./:+-]{6,40}")
# Parsing a line with two different defaults shows which parts dateutil filled in itself.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))
# The forms nearly every date line takes, "April 02, 2019", "Sept. 25, 2019", "2 March 2020",
# are read here directly: dateutil took a third of the time it takes to parse an article.
# dateutil's own month names, so both read a line alike.
_MONTHS = {
    name.casefold(): number
    for number, names in enumerate(dateparser.parserinfo.MONTHS, 1)
    for name in names
}
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d\d?),? ((?:19|20)\d\d)")
_DAY_MONTH_YEAR = re.compile(r"(\d\d?) ([A-Za-z]+)\.?,? ((?:19|20)\d\d)")
# What news sites print around a date: "Published April 2, 2019", "Updated: April 2, 2019",
# "April 2, 2019 | 10:35 AM", "April 2, 2019 (Updated April 3, 2019)".
_DATE_LABEL = re.compile(
    r"^\s*(?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s+",
    re.I,
)
# What a line needs before those are looked for: most lines are bylines and first paragraphs.
_MAY_BE_LABELLED = re.compile(
    r"[|·•(]|^\s*(?:first|last|originally|published|updated|posted|modified)\b", re.I
)
_DATE_AFTER = re.compile(r"\s*(?:[|·•]\s*(.+)|\((.+)\))\s*$")
_TIME = re.compile(
    r"(?:at\s+)?\d\d?(?:[:.]\d\d){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d))?",
    re.I,
)


def byline(line: str) -> str | None:
    """Return the names of a "By …" line as written, without link markup, or None.

    A sentence that merely starts with "By" ("By the end of the year, …") is not a byline.
    """
    match = BYLINE.fullmatch(line)
    if not match or line.endswith((".", "!", "?")):
        return None
    names = to_plain(_LINK_MARKUP.sub(r"\1", match[1]), inline=True)
    return names if names[:1].isalpha() and not names[:1].islower() else None


def split_authors(byline: str | None) -> tuple[str, ...]:
    """Return each name a byline credits: "A, B and C" → ("A", "B", "C").

    Roles and places are no names: "Jane Doe, Moscow correspondent" and "Jane Doe in Moscow"
    credit Jane Doe; "Jane Doe and Reuters staff" and "Jane Doe | Reuters" credit Reuters too.
    """
    if not byline:
        return ()
    names = (_credited(part) for part in _AUTHOR_SEPARATOR.split(byline) if part)
    return tuple(name for name in names if name)


def _credited(part: str) -> str | None:
    """Return who one part of a byline names, or None when it is only a role."""
    if staff := _STAFF.fullmatch(part):
        return staff[1]
    if _ROLE.fullmatch(part):
        return None
    if place := _IN_PLACE.fullmatch(part):
        return place[1]
    return part


def read_date_line(line: str) -> tuple[bool, date | None]:
    """Tell whether line is a date line, and return its date if it is complete.

    A date line is a date, perhaps labelled ("Published …") and followed by a time or a
    second date ("| 10:35 AM", "(Updated …)"): the first date is the date published.
    "April 2019" is a date line but not a date; so is "04/02/2019", which could be either
    2 April or 4 February, and so is "February 30, 2019", a date line with no such day.
    None is guessed: the caller falls back to the URL's date.
    """
    found = _read_date(line)
    if found[0] or not _MAY_BE_LABELLED.search(line):
        return found
    core = _DATE_LABEL.sub("", line, count=1)
    if after := _DATE_AFTER.search(core):
        if not _is_time_or_date(after[1] or after[2]):
            return False, None
        core = core[: after.start()]
    return _read_date(core) if core != line else (False, None)


def _is_time_or_date(text: str) -> bool:
    """Tell whether what follows a date is a time or another (perhaps labelled) date line."""
    text = _DATE_LABEL.sub("", text.strip(), count=1)
    return bool(_TIME.fullmatch(text)) or _read_date(text)[0]


def _read_date(line: str) -> tuple[bool, date | None]:
    """Tell whether line is wholly a date, and return the date if it is complete."""
    if ymd := YMD_DATE.fullmatch(line):
        return True, valid_date(*ymd.groups())
    if common := _common_date(line):
        return True, valid_date(*common)
    if not _DATE_SHAPE.fullmatch(line):
        return False, None
    return _parse_date_line(line)


def _common_date(line: str) -> tuple[str, str, str] | None:
    """Return the year, month and day of "Month day, year" or "day Month year", else None.

    The numbers need not make a date: "February 30, 2019" is still a date line.
    """
    if match := _MONTH_DAY_YEAR.fullmatch(line):
        month, day, year = match.groups()
    elif match := _DAY_MONTH_YEAR.fullmatch(line):
        day, month, year = match.groups()
    else:
        return None
    number = _MONTHS.get(month.casefold())
    return (year, str(number), day) if number else None


@functools.lru_cache(maxsize=16384)  # a day's articles share a date line; dateutil is slow
def _parse_date_line(line: str) -> tuple[bool, date | None]:
    """Read a date-shaped line with dateutil, as _read_date_line describes."""
    dayfirsts = (False,) if HAS_LETTER.search(line) else (False, True)
    try:
        readings = {
            dateparser.parse(line, default=default, dayfirst=dayfirst, ignoretz=True).date()
            for default in _DEFAULTS
            for dayfirst in dayfirsts
        }
    except (ValueError, OverflowError):
        return False, None
    return True, readings.pop() if len(readings) == 1 else None


def url_date(url: str | None) -> date | None:
    """Return the date in a URL path such as /2019/04/02/, or None."""
    match = _URL_DATE.search(url or "")
    return valid_date(*match.groups()) if match else None


def valid_date(year: str, month: str, day: str) -> date | None:
    """Return the date, or None when the numbers make no calendar date."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_from_text(value: str) -> date | None:
    """Read an ISO timestamp's date as written (no time-zone shift) or an English date."""
    if ymd := YMD_DATE.match(value):
        return valid_date(*ymd.groups())
    return read_date_line(" ".join(value.split()))[1]

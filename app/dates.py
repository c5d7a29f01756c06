"""Dates as people type them, read as inclusive day ranges."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

HINT = "try 2019, 2019-04, 2019-04-02, April 2019 or 2 April 2019"
_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
# 03/12/2019: 3 December to most of the world, March 12 to the United States.
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
# Two different defaults tell which parts the text gave: a part it gave is the same in both.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))


class DateError(ValueError):
    """A date a person typed that cannot be read."""


class AmbiguousDate(DateError):
    """A date written in numbers that is a different day read day-first or month-first."""


def date_range(text: str) -> tuple[date, date]:
    """`2019` → the year, `2019-04` or `April 2019` → the month, `2019-04-02` → the day."""
    value = text.strip()
    try:
        return _read(value)
    except DateError:
        raise
    except (ValueError, OverflowError) as exc:
        raise DateError(f"cannot read {value!r} as a date; {HINT}") from exc


def _read(value: str) -> tuple[date, date]:
    if _YEAR.match(value):
        year = int(value)
        return date(year, 1, 1), date(year, 12, 31)
    if m := _YEAR_MONTH.match(value):
        return _month(int(m[1]), int(m[2]))
    if (m := _DAY_MONTH_YEAR.match(value)) and _ambiguous(int(m[1]), int(m[3]), int(m[4])):
        raise AmbiguousDate(
            f"{value!r} could be {_long(int(m[1]), int(m[3]), int(m[4]))} or "
            f"{_long(int(m[3]), int(m[1]), int(m[4]))}; write the year first "
            f"({m[4]}-{int(m[3]):02}-{int(m[1]):02}) or the month's name"
        )
    first, second = (dateutil_parser.parse(value, default=d).date() for d in _DEFAULTS)
    if first.year != second.year:
        raise DateError(f"{value!r} has no year; {HINT}")
    if first.month != second.month:
        return date(first.year, 1, 1), date(first.year, 12, 31)
    if first.day != second.day:
        return _month(first.year, first.month)
    return first, first


def _ambiguous(first: int, second: int, year: int) -> bool:
    """Both numbers could be the month, and they differ: two real days."""
    return first != second and 1 <= first <= 12 and 1 <= second <= 12 and year >= 1


def _long(day: int, month: int, year: int) -> str:
    return f"{day} {calendar.month_name[month]} {year}"


def _month(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}; months run from 1 to 12")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])

"""The date archive: years, the months of a year, the articles of a month by day."""

from __future__ import annotations

import calendar
from datetime import date
from itertools import groupby
from operator import attrgetter

from flask import Blueprint, abort, render_template

from app import counts, db, lists, queries
from app.web import paging, params

bp = Blueprint("archive", __name__, url_prefix="/archive")

MONTH_PAGE_ARTICLES = 100


@bp.get("")
def years():
    """Show every year and its months, with their numbers of articles."""
    session = db.session()
    return render_template(
        "archive.html", calendar=counts.calendar(session), undated=counts.undated(session)
    )


@bp.get("/undated")
def undated():
    """Show the articles without a date, the most recently added first, a page at a time."""
    session = db.session()
    after, before = paging.cursors()
    found = lists.page(session, lists.Filters(undated=True), params.per_page(), after, before)
    return render_template("archive_undated.html", page=found, total=counts.undated(session))


@bp.get("/<int(fixed_digits=4):year>")
def year(year: int):
    """Show the months of one year with their numbers of articles, January first (as /archive)."""
    session = db.session()
    months = sorted(counts.months(session, year)) if year >= 1 else []
    if not months:
        abort(404, f"the archive holds no articles from {year}")
    known = [y for y, _ in counts.years(session)]
    older = next((y for y in known if y < year), None)
    newer = next((y for y in reversed(known) if y > year), None)
    return render_template("archive_year.html", year=year, months=months, older=older, newer=newer)


@bp.get("/<int(fixed_digits=4):year>/<int(fixed_digits=2):month>")
def month(year: int, month: int):
    """Show the articles of one month, newest first, grouped by day."""
    if year < 1 or not 1 <= month <= 12:
        abort(404, "there is no such month")
    session = db.session()
    start = date(year, month, 1)
    end = date(year, month, calendar.monthrange(year, month)[1])
    after, before = paging.cursors()
    filters = lists.Filters(start=start, end=end)
    found = lists.page(session, filters, MONTH_PAGE_ARTICLES, after, before, lists.HEADLINE)
    if not found.articles and not (after or before):
        abort(404, f"the archive holds no articles from {calendar.month_name[month]} {year}")
    days = [(day, list(group)) for day, group in groupby(found.articles, attrgetter("published"))]
    return render_template(
        "archive_month.html",
        start=start,
        count=dict(counts.months(session, year)).get(month, 0),
        page=found,
        days=days,
        older=queries.date_before(session, start),
        newer=queries.date_after(session, end),
    )

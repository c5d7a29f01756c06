"""Date lines: the common forms are read directly, to the same date as dateutil reads."""

from __future__ import annotations

from datetime import date

from dateutil import parser as dateparser
from hypothesis import given
from hypothesis import strategies as st

from app.ingest import fields

MONTH_NAMES = [name for names in dateparser.parserinfo.MONTHS for name in names]


@st.composite
def common_date_lines(draw) -> str:
    """Lines shaped like "April 02, 2019" or "2 March 2020", days out of range included."""
    month = draw(st.sampled_from(MONTH_NAMES))
    month = draw(st.sampled_from([month, month.upper(), month.lower()]))
    month += draw(st.sampled_from(["", "."]))
    day = draw(st.integers(1, 32))
    day_text = draw(st.sampled_from([str(day), f"{day:02d}"]))
    year = str(draw(st.integers(1900, 2099)))
    comma = draw(st.sampled_from(["", ","]))
    if draw(st.booleans()):
        return f"{month} {day_text}{comma} {year}"
    return f"{day_text} {month}{comma} {year}"


@given(common_date_lines())
def test_common_date_lines_read_as_dateutil_reads_them(line):
    # The same date; a day out of range still makes a date line (with no date).
    assert fields.read_date_line(line) == (True, fields._parse_date_line.__wrapped__(line)[1])


def test_the_seed_forms_are_read():
    assert fields.read_date_line("April 02, 2019") == (True, date(2019, 4, 2))
    assert fields.read_date_line("Sept. 25, 2019") == (True, date(2019, 9, 25))
    assert fields.read_date_line("2 March 2020") == (True, date(2020, 3, 2))
    assert fields.read_date_line("April 31, 2019") == (True, None)

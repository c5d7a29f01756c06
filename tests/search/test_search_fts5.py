"""The FTS5 compiler: exact expressions, and SQLite accepts whatever any text compiles to."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.search.fts5 import compile_query, quote
from app.search.parse import parse

FAST = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=300)


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, body_text, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO t (rowid, title, body_text) VALUES (?, ?, ?)",
        [
            (1, "Helicopter Training Center", "Russia opened it in Cúcuta near NEAR."),
            (2, "Sanctions", "The U.S. announced sanctions against Russia's oil."),
            (3, "Oil prices", "Venezuela sells oil; helicopters fly."),
        ],
    )
    return db


def rows(db, text: str) -> list[int]:
    match = compile_query(parse(text))
    if match.include is None:
        return []
    sql = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid"
    return [r[0] for r in db.execute(sql, (match.include,))]


def test_quote_doubles_inner_quotes():
    assert quote('a"b') == '"a""b"'


def test_expressions():
    assert compile_query(parse("russia")).include == '"russia"'
    assert compile_query(parse('"oil prices" U.S.')).include == '"oil" + "prices" AND "U" + "S"'
    assert compile_query(parse("a OR b c")).include == '("a" OR "b") AND "c"'
    assert compile_query(parse("title:heli*")).include == 'title : ("heli"*)'
    assert compile_query(parse("oil -russia -title:x")).include == (
        '("oil") NOT ("russia" OR title : ("x"))'
    )


def test_only_exclusions_have_no_include():
    match = compile_query(parse("-russia -oil"))
    assert match.include is None and match.exclude == '"russia" OR "oil"'


def test_no_words_no_match():
    assert compile_query(parse("source:reuters on:2019")) == compile_query(parse(""))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("helicopters", [1, 3]),
        ("cucuta", [1]),
        ('"training center"', [1]),
        ('"center training"', []),
        ("helicop*", [1, 3]),
        ("oil -russia", [3]),
        ("sanctions OR venezuela", [2, 3]),
        ("title:oil", [3]),
        ("NEAR", [1]),
        ("u.s.", [2]),
        ("russia's", [2]),
    ],
)
def test_matches_on_a_real_fts5_table(fts, text, found):
    assert rows(fts, text) == found


@FAST
@given(st.text(max_size=200))
def test_any_text_compiles_to_an_expression_sqlite_accepts(fts, text):
    match = compile_query(parse(text))
    for expression in (match.include, match.exclude):
        if expression is not None:
            fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


SYNTAX = st.sampled_from(['"', "(", ")", "-", "*", ":", "^", "+", "{", "}", " OR ", " NEAR", " "])


@FAST
@given(st.lists(st.one_of(SYNTAX, st.sampled_from(["oil", "title:", "x"])), max_size=30))
def test_fts5_syntax_soup_is_accepted(fts, parts):
    match = compile_query(parse("".join(parts)))
    for expression in (match.include, match.exclude):
        if expression is not None:
            fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()

"""The query parser on its own: every operator, the odd inputs, and any string at all."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.search.like import like_title
from app.search.parse import MAX_CHARS, MAX_TERMS, parse
from app.search.query import AnyOf, Chosen, Query, Term

FAST = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=300)


def t(*tokens: str, prefix=False, field=None) -> Term:
    return Term(tokens, prefix, field)


def test_words_must_all_match():
    assert parse("russia venezuela").must == (t("russia"), t("venezuela"))


def test_phrase_keeps_its_words_together():
    assert parse('"training center" russia').must == (t("training", "center"), t("russia"))


def test_a_word_with_punctuation_is_a_phrase_of_its_parts():
    assert parse("U.S. Mi-35M").must == (t("U", "S"), t("Mi", "35M"))


def test_or_joins_the_words_beside_it():
    query = parse("russia OR ukraine sanctions")
    assert query.must == (AnyOf((t("russia"), t("ukraine"))), t("sanctions"))
    assert parse("a OR b OR c").must == (AnyOf((t("a"), t("b"), t("c"))),)


def test_lower_case_or_and_are_words():
    assert parse("war or peace").must == (t("war"), t("or"), t("peace"))


def test_minus_and_not_exclude():
    query = parse('russia -ukraine NOT "gas deal" -title:oil')
    assert query.must == (t("russia"),)
    assert query.exclude == (t("ukraine"), t("gas", "deal"), t("oil", field="title"))


def test_and_is_what_words_do_anyway():
    assert parse("russia AND venezuela") == parse("russia venezuela")


def test_prefix():
    assert parse("helicop*").must == (t("helicop", prefix=True),)
    assert parse('"training cent"*').must == (t("training", "cent", prefix=True),)


def test_too_short_prefix_is_a_word():
    query = parse("a*")
    assert query.must == (t("a"),) and query.notes


def test_title_field():
    assert parse("title:helicopter").must == (t("helicopter", field="title"),)
    assert parse('Title:"training center"').must == (t("training", "center", field="title"),)
    assert parse("title: helicopter").must == (t("helicopter", field="title"),)


def test_source_and_topic_are_slugs():
    query = parse('source:Reuters topic:"United States" source:the-moscow-times')
    assert query.sources == ("reuters", "the-moscow-times")
    assert query.topics == ("united-states",)
    assert not query.must


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on:2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("on:2019-04", date(2019, 4, 1), date(2019, 4, 30)),
        ("on:2019-04-02", date(2019, 4, 2), date(2019, 4, 2)),
        ('on:"April 2019"', date(2019, 4, 1), date(2019, 4, 30)),
        ("on:April 2019", date(2019, 4, 1), date(2019, 4, 30)),
        ("on:2 April 2019", date(2019, 4, 2), date(2019, 4, 2)),
        ("after:2019", date(2020, 1, 1), None),
        ("after:2019-04-02", date(2019, 4, 3), None),
        ("before:2019", None, date(2018, 12, 31)),
        ("before:April 2019", None, date(2019, 3, 31)),
        ("after:2018 before:2020", date(2019, 1, 1), date(2019, 12, 31)),
        ("from:2019-04 to:2019-06", date(2019, 4, 1), date(2019, 6, 30)),
        ("on: 2019", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_dates(text, start, end):
    query = parse(text)
    assert (query.start, query.end) == (start, end) and not query.must


def test_date_running_on_stops_at_the_first_word_that_is_not_a_date():
    query = parse("on:April 2019 sanctions")
    assert (query.start, query.end) == (date(2019, 4, 1), date(2019, 4, 30))
    assert query.must == (t("sanctions"),)


def test_unreadable_date_is_left_out_with_a_note():
    query = parse("russia after:someday")
    assert query.must == (t("russia"),) and query.start is None
    assert any("someday" in note for note in query.notes)


@pytest.mark.parametrize(
    ("text", "day"),
    [("on:25/12/2019", date(2019, 12, 25)), ("on:12/25/2019", date(2019, 12, 25)),
     ("on:05/05/2019", date(2019, 5, 5))],
)  # fmt: skip
def test_a_numeric_date_with_only_one_reading_is_read(text, day):
    assert (parse(text).start, parse(text).end) == (day, day)


@pytest.mark.parametrize("text", ["on:03/12/2019", "after:3.12.2019", "before:03-12-2019"])
def test_a_numeric_date_that_is_two_different_days_is_not_guessed(text):
    query = parse(f"sanctions {text}")
    assert (query.start, query.end) == (None, None) and query.must == (t("sanctions"),)
    assert any("3 December 2019 or 12 March 2019" in note for note in query.notes)


def test_extreme_dates_do_not_overflow():
    assert parse("after:9999-12-31").start == date(9999, 12, 31)
    assert parse("before:0001").end == date(1, 1, 1)


@pytest.mark.parametrize(
    "text",
    ["OR russia", "russia OR", "russia OR -ukraine", "russia OR source:reuters", "OR", "- -"],
)
def test_dangling_operators_are_left_out(text):
    query = parse(text)
    assert all(isinstance(c, Term) for c in query.must)


def test_sql_and_fts_syntax_are_only_words():
    query = parse("'; DROP TABLE article; -- NEAR(a b, 5) {title}: x^ col:y")
    assert query.must == (
        t("DROP"),
        t("TABLE"),
        t("article"),
        t("NEAR"),
        t("a"),
        t("b"),
        t("5"),
        t("title"),
        t("x"),
        t("col", "y"),
    )


def test_stray_quotes_and_parentheses():
    assert parse('"russia (venezuela').must == (t("russia", "venezuela"),)
    assert parse('russia" venezuela)').must == (t("russia"), t("venezuela"))


def test_control_and_invisible_characters_separate_words():
    assert parse("rus\x00sia\u200fven\u202eezuela").must == (
        t("rus"),
        t("sia"),
        t("ven"),
        t("ezuela"),
    )


def test_full_width_and_decomposed_letters_are_normalised():
    assert parse("ｒｕｓｓｉａ Cu\u0301cuta").must == (t("russia"), t("Cúcuta"))


def test_emoji_alone_has_nothing_to_search_for():
    query = parse("🚁 🇷🇺")
    assert query.is_empty and query.notes


def test_long_text_is_cut():
    query = parse("word " * 5000)
    assert len(query.must) == MAX_TERMS and query.notes
    assert parse("x" * (MAX_CHARS * 10)).notes


def test_right_to_left_text_is_searched():
    assert parse("روسيا שלום").must == (t("روسيا"), t("שלום"))


def test_empty_and_blank():
    assert parse("").is_empty and parse("   \t\n").is_empty


def test_only_exclusions_still_have_text():
    query = parse("-russia")
    assert query.has_text and not query.must


def test_narrowed_by_the_form_filters():
    query = parse("russia after:2018 source:reuters").narrowed(
        Chosen(("russia",), ("tass",), start=date(2019, 6, 1), end=date(2020, 1, 1))
    )
    assert query.sources == ("reuters", "tass") and query.topics == ("russia",)
    assert (query.start, query.end) == (date(2019, 6, 1), date(2020, 1, 1))


def test_canonical_text():
    query = parse('russia OR ukraine "gas deal" -oil title:Putin* source:Reuters on:2019-04')
    assert str(query) == (
        'russia OR ukraine "gas deal" title:Putin* -oil source:reuters '
        "from:2019-04-01 to:2019-04-30"
    )


@FAST
@given(st.text(max_size=300))
def test_any_text_gives_a_query(text):
    query = parse(text)
    assert isinstance(query, Query)
    assert len(query.must) + len(query.exclude) <= MAX_TERMS
    for clause in query.must:
        for term in clause.terms if isinstance(clause, AnyOf) else (clause,):
            assert term.tokens and all(term.tokens)


SYNTAX = st.sampled_from(
    ['"', "(", ")", "-", "*", ":", " OR ", " AND ", " NOT ", "title:", "source:", "on:", " "]
)


@FAST
@given(st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=30))
def test_syntax_soup_reads_back_the_same(parts):
    query = parse("".join(parts))
    assert parse(str(query)) == query


def test_a_similar_titles_search_leaves_out_one_letter_words():
    assert like_title("Venezuela's Government Falls, Says U.S.") == (
        "title:venezuela OR title:government OR title:falls OR title:says"
    )

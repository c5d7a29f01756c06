"""The typo rule and its threshold: typos resolve, titles of other events never do."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from app.ingest.identity import fold_title, title_key
from app.title_match import THRESHOLD, close_titles, is_typo, one_typo_apart, skeletons

SEED = "Russia Says It Has Opened Helicopter Training Center in Venezuela"


def key(title: str) -> str:
    return title_key(title)


def typo_score(cited: str, title: str) -> float | None:
    """The ratio of two folded titles the resolver takes for one typo apart, else None."""
    if close_titles(cited, [title]) and one_typo_apart(cited, title):
        return fuzz.ratio(cited, title)
    return None


@pytest.mark.parametrize(
    "typo",
    [
        "Russia Says It Has Opened Helicopter Trainnig Center in Venezuela",  # swapped
        "Russia Says It Has Opened Helicopter Traning Center in Venezuela",  # dropped
        "Russia Says It Has Opened Helicoptter Training Center in Venezuela",  # doubled
        "Russia Says It Has Opened Helicopter Training Center in Venezuella",  # added
        "NATO Suspnds Ukrainian Delegation Over Ceasefire",
        "Turkey Eyes Chnese Electricity as Talks Stall",
    ],
)
def test_one_typo_in_a_long_word_scores_above_the_threshold(typo):
    fixed = {
        "NATO Suspnds Ukrainian Delegation Over Ceasefire": (
            "NATO Suspends Ukrainian Delegation Over Ceasefire"
        ),
        "Turkey Eyes Chnese Electricity as Talks Stall": (
            "Turkey Eyes Chinese Electricity as Talks Stall"
        ),
    }.get(typo, SEED)
    score = typo_score(key(typo), key(fixed))
    assert score is not None and score >= THRESHOLD


@pytest.mark.parametrize(
    ("cited", "title"),
    [
        (
            "Russia Expels 12 Polish Diplomats Over Espionage",
            "Russia Expels 13 Polish Diplomats Over Espionage",
        ),
        (
            "Russia Warns Iran Against Hosting NATO Troops",
            "Russia Warns Iraq Against Hosting NATO Troops",
        ),
        ("Blast Near Krasnogorsk Kills Three", "Blast Near Krasnoborsk Kills Three"),
        ("Court Jails Anna Ivanova for Spying", "Court Jails Anna Ivanov for Spying"),
        ("Russian Troops Leave Syria for Good", "Russia Troops Leave Syria for Good"),
        ("Russia Opens Training Center in Caracas", "Russia Opens Training Center in Havana"),
        ("Russia and China Sign Gas Deal in Moscow", "Russia and China Sign Oil Deal in Moscow"),
        ("Russia Backs Talks, Putin Tells Maduro", "Russia Backs Talks, Putin Tells Maduro Again"),
    ],
)
def test_titles_of_other_events_are_refused_though_their_ratio_is_high(cited, title):
    # The near misses news titles make score like typos: the ratio alone cannot refuse them.
    assert fuzz.ratio(key(cited), key(title)) >= 80
    assert typo_score(key(cited), key(title)) is None


def test_the_threshold_forgives_a_typo_from_ten_letters_on():
    # A swap costs two points of Indel distance: 90 forgives it in a title of ten letters or
    # more, where the rest of the title still says which article it is.
    assert typo_score(key("Kremlin Vtoes"), key("Kremlin Votes")) >= THRESHOLD
    # In a shorter title the one word left is all there is to go on: no guess.
    assert is_typo("vtoes", "votes")
    assert fuzz.ratio(key("Vtoes"), key("Votes")) < THRESHOLD
    assert typo_score(key("Vtoes"), key("Votes")) is None


@pytest.mark.parametrize(
    ("word", "other", "typo"),
    [
        ("venezuela", "venzeuela", True),
        ("venezuela", "veneuela", True),
        ("venezuela", "venezzuela", True),
        ("first", "frst", True),
        ("iran", "iraq", False),  # too short
        ("iran", "irn", False),
        ("krasnogorsk", "krasnoborsk", False),  # a substitution names another town
        ("ivanov", "ivanova", False),  # a changed ending is grammar or another name
        ("russia", "prussia", False),  # a changed first letter too
        ("austria", "australia", False),  # two letters
        ("2019", "2018", False),
    ],
)
def test_what_counts_as_a_typo(word, other, typo):
    assert is_typo(word, other) is typo


@pytest.mark.parametrize(
    ("variant", "title"),
    [
        ("RUSSIA SAYS it has opened helicopter training center in venezuela", SEED),
        (
            "Russia Dismisses Speculation About Its \u2018Specialists\u2019 in Venezuela",
            "Russia Dismisses Speculation About Its 'Specialists' in Venezuela",
        ),
        (
            "Russia Dismisses Speculation About Its \u201cSpecialists\u201d in Venezuela",
            'Russia Dismisses Speculation About Its "Specialists" in Venezuela',
        ),
        ("Venezuela\u2019s Government and Opposition", "Venezuela's Government and Opposition"),
        ("Pro-Kremlin Party \u2014 Wins  Again!", "Pro Kremlin Party \u2013 Wins Again"),
        ("Sanctions Hit Caf\u00e9s in Bogot\u00e1", "Sanctions Hit Cafes in Bogota"),
    ],
)
def test_form_is_folded_before_spelling(variant, title):
    assert fold_title(variant) == fold_title(title)


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Helicopter Training Centre", "Helicopter Training Center"),
        ("Air Defence Systems", "Air Defense Systems"),
        ("Russia Criticises the Organisation", "Russia Criticizes the Organization"),
        ("Neighbouring Countries Honour Labour Deal", "Neighboring Countries Honor Labor Deal"),
        ("Programme Travelled Kilometres", "Program Traveled Kilometers"),
        (
            "Sabre-Rattling Over the Finlandisation of Ukraine",
            "Saber-Rattling Over the Finlandization of Ukraine",
        ),
        ("Analyse the Manoeuvres", "Analyze the Maneuvers"),
    ],
)
def test_british_spelling_is_folded_to_american(british, american):
    assert fold_title(british) != fold_title(american)
    assert title_key(british) == title_key(american)


def test_spelling_folding_does_not_touch_words_spelt_alike():
    assert (
        title_key("Advise, Promise, Surprise and Uprising")
        == "advise promise surprise and uprising"
    )


def test_titles_one_word_apart_share_one_skeleton_and_no_more():
    drills = set(skeletons("drills near krasnogorsk"))
    assert len(drills) == 3
    assert len(drills & set(skeletons("drills near krasnogorrsk"))) == 1
    assert len(drills & set(skeletons("drills in krasnogorrsk"))) == 0  # two words apart
    assert len(drills & set(skeletons("drills near krasnogorsk today"))) == 0  # a word more

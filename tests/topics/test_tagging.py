"""The tagger on its own: text in, topics out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ingest.tagging import fold, tagger

FILLER = " ".join(["The talks went on for hours and ended late in the evening."] * 12)


def slugs(title: str, body: str) -> list[str]:
    return [t.slug for t in tagger().tag(title, body)]


def tag_of(title: str, body: str, slug: str):
    return next(t for t in tagger().tag(title, body) if t.slug == slug)


def test_a_title_mention_is_enough_but_one_passing_mention_in_a_long_article_is_not():
    body = f"{FILLER} Officials in Lithuania said nothing. {FILLER}"
    assert "lithuania" not in slugs("Markets Calm After Long Talks", body)
    assert "lithuania" in slugs("Lithuania Calls Snap Vote", body)


def test_one_mention_is_enough_in_a_brief():
    assert "estonia" in slugs("Gas Prices", "Estonia raised gas prices on Monday.")


def test_repeated_mentions_in_the_body_tag_an_article():
    body = f"Estonia said on Monday that it would act. {FILLER} Estonia's prime minister agreed."
    assert "estonia" in slugs("Baltic Ministers Meet", body)


def test_names_match_in_any_case_with_possessives_and_curly_apostrophes():
    body = "VENEZUELA'S oil exports fell. Venezuela’s government blamed sanctions on Venezuela."
    tag = tag_of("Oil Output Falls", body, "venezuela")
    assert set(tag.matches) == {"VENEZUELA", "Venezuela"}


def test_matches_fill_whole_words():
    body = "Romanian and Nigerian officials met. Romania and Nigeria signed. " * 2
    found = slugs("Talks", body)
    assert {"romania", "nigeria"} <= set(found)
    assert "oman" not in found and "niger" not in found


def test_the_longest_name_at_a_place_wins():
    body = "Papua New Guinea and Guinea-Bissau and South Sudan signed. " * 3
    found = slugs("Pacific Pact", body)
    assert {"papua-new-guinea", "guinea-bissau", "south-sudan"} <= set(found)
    assert not {"guinea", "sudan"} & set(found)


def test_acronyms_must_be_in_capitals():
    assert "united-states" in slugs("US Warns", "The US said the US would act.")
    assert "united-states" not in slugs("Warning", "Let us say that one of us would act. " * 3)
    assert "world-health-organization" not in slugs("Who Knows", "Who said who? " * 5)


def test_accents_are_optional():
    body = "Nicolás Maduro spoke. Later Nicolas Maduro spoke again, and Maduro left."
    assert tag_of("Speech", body, "nicolas-maduro").matches == (
        "Nicolás Maduro", "Nicolas Maduro", "Maduro"
    )  # fmt: skip


def test_weights_are_between_zero_and_one_strongest_first():
    tags = tagger().tag("Russia and Venezuela", "Russia, Russia, Russia and Venezuela. " * 3)
    assert [t.slug for t in tags][:2] == ["russia", "venezuela"]
    assert all(0 < t.weight <= 1 for t in tags)
    assert tags[0].weight > tags[1].weight


def test_georgia_the_country_needs_a_georgian_word_beside_it():
    state = "Voters in Georgia chose a senator. Georgia's governor said Georgia would count fast."
    country = state + " Thousands protested in Tbilisi."
    assert "georgia" not in slugs("Georgia Votes", state)
    assert "georgia" in slugs("Georgia Votes", country)


def test_a_turkey_recipe_is_not_about_turkey():
    body = (
        "Turkey is best brined overnight. Roast the turkey in a Dutch oven with Brussels sprouts."
    )
    found = slugs("How to Roast a Turkey", body)
    assert not {"turkey", "netherlands", "european-union"} & set(found)


def test_turkey_the_country_at_the_start_of_sentences_is_confirmed_by_ankara():
    body = "Turkey said on Monday it would act. Turkey also asked for jets. Ankara confirmed it."
    assert "turkey" in slugs("Turkey Approves Bid", body)


def test_chad_as_a_first_name_is_not_the_country():
    body = "Chad Morrison, a trader, said prices rose. Chad Morrison expects more. " * 2
    assert "chad" not in slugs("Lumber Prices", body)
    country = "Chad ordered French troops out. Chadian officials in N'Djamena agreed."
    assert "chad" in slugs("Troops Leave", country)


def test_a_capital_that_only_hosts_a_meeting_does_not_tag_its_country():
    body = (
        "Iranian and American diplomats met in Vienna on Monday. The talks in Vienna will go on "
        "for a week, Iran said, and a third round could be held at a hotel in Vienna in May."
    )
    assert "austria" not in slugs("Nuclear Talks Resume", body)


def test_a_capital_as_a_stand_in_tags_its_country():
    body = "Moscow said the move was hostile. The Kremlin agreed, and Moscow recalled its envoy."
    assert "russia" in slugs("Envoy Recalled", body)


def test_a_dateline_places_the_story_without_tagging_the_country():
    body = "NAIROBI (Reuters) - Ethiopia and Eritrea traded accusations. Ethiopia denied it."
    assert "kenya" not in slugs("Border Clash", body)


def test_phrases_that_only_contain_a_name_are_ignored():
    body = "The Washington Post reported it, citing The Moscow Times. " * 3
    assert not {"united-states", "russia"} & set(slugs("Report", body))


def test_a_person_confirms_the_ambiguous_name_of_their_country():
    body = "Georgia's prime minister Irakli Kobakhidze said Georgia would not back down. " * 2
    assert "georgia" in slugs("Law Passed", body)


def test_themes_match_their_phrases():
    body = "New sanctions target the oil trade. The sanctions freeze assets under an embargo."
    assert "sanctions" in slugs("Sanctions Widened", body)


def test_empty_text_has_no_topics():
    assert tagger().tag("", "") == []


@given(st.text())
def test_folding_keeps_every_position(text):
    assert len(fold(text)) == len(text)


@given(st.text(), st.text())
def test_any_text_can_be_tagged(title, body):
    for tag in tagger().tag(title, body):
        assert 0 < tag.weight <= 1 and tag.matches


@pytest.mark.parametrize(
    ("text", "folded"),
    [("U.S.-backed", "u s  backed"), ("Côte d’Ivoire", "côte d ivoire"), ("Nato's", "nato s")],
)
def test_folding_lowers_and_blanks_punctuation(text, folded):
    assert fold(text) == folded

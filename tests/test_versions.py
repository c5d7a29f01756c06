"""Reading a version again and comparing two: details, paragraphs and words."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.versions import Change, Text, Words, compare, read
from tests.conftest import article_text

URL = "https://x.org/a"


def text(*paragraphs: str, title: str = "T", **details) -> Text:
    """A version with these paragraphs (plain text is its own Markdown here)."""
    fields = {"published": None, "byline": None, "photo_credit": None, "original_url": None}
    return Text(title, **{**fields, **details}, paragraphs=paragraphs, plain=paragraphs, related=())


def kinds(comparison) -> list[str]:
    return [block.kind for block in comparison.blocks]


def test_read_parses_the_raw_text_with_todays_parser():
    raw = article_text("Old title", url=URL, body="Some *emphasis* here.", related="Another")
    found = read(raw, "a.txt")
    assert found.title == "Old title" and found.published == date(2020, 1, 2)
    assert found.byline == "Reuters" and found.photo_credit == "A. Photographer / AP"
    assert found.original_url == URL and found.problem is None
    assert found.paragraphs == ("Some *emphasis* here.", "More text follows here.")
    assert found.plain == ("Some emphasis here.", "More text follows here.")
    assert [(r.title, r.after_paragraph) for r in found.related] == [("Another", 1)]


def test_raw_text_the_parser_now_refuses_is_kept_as_its_text():
    found = read("no title here, just a line that goes on far too long " * 10, "a.txt")
    assert found.title is None and found.problem and found.plain
    assert found.paragraphs[0].startswith("no title here")
    # Its details are not compared: they were not read, not removed.
    assert compare(found, text("Other")).details == ()


def test_identical_versions_have_nothing_changed():
    same = text("One.", "Two.")
    found = compare(same, same)
    assert found.details == () and kinds(found) == ["same"] and not found.body_changed
    assert found.blocks[0].unchanged == ("One.", "Two.")


def test_changed_details_are_listed_with_before_and_after():
    old = text("P.", title="Old", published=date(2020, 1, 2), byline="A", original_url=URL)
    new = text("P.", title="New", published=date(2020, 1, 3), byline="A", photo_credit="AP")
    assert compare(old, new).details == (
        Change("Title", "Old", "New"),
        Change("Date", date(2020, 1, 2), date(2020, 1, 3)),
        Change("Original URL", URL, None),
        Change("Photo credit", None, "AP"),
    )


def test_a_changed_paragraph_is_compared_word_by_word():
    old = text("Keep.", "Rostec said on Monday, Moscow's latest gesture.", "End.")
    new = text("Keep.", "Rostec said on Tuesday, in Moscow's latest gesture.", "End.")
    found = compare(old, new)
    assert kinds(found) == ["same", "changed", "same"]
    assert found.blocks[1].words == (
        Words("same", "Rostec said on "),
        Words("del", "Monday"),
        Words("ins", "Tuesday"),
        Words("same", ", "),
        Words("ins", "in"),
        Words("same", " Moscow's latest gesture."),
    )


def test_words_keep_their_spacing_and_changes_leave_spaces_out():
    found = compare(text("a b c d e"), text("a x c d e"))
    assert found.blocks[0].words == (
        Words("same", "a "),
        Words("del", "b"),
        Words("same", " "),
        Words("ins", "x"),
        Words("same", " c d e"),
    )


def test_paragraphs_added_and_removed_stand_whole_between_unchanged_runs():
    old = text("One.", "Two.", "Three.", "A paragraph that goes entirely.", "Four.")
    new = text("One.", "Two.", "Three.", "Four.", "A brand new closing paragraph.")
    found = compare(old, new)
    assert kinds(found) == ["same", "removed", "same", "added"]
    assert found.blocks[0].unchanged == ("One.", "Two.", "Three.")
    assert found.blocks[1].words == (Words("del", "A paragraph that goes entirely."),)
    assert found.blocks[3].words == (Words("ins", "A brand new closing paragraph."),)


def test_a_changed_paragraph_is_paired_with_the_one_it_became_not_its_neighbour():
    body = "the minister said the talks would resume next week in Geneva"
    old = text("Intro.", body + ".", "Outro.")
    new = text(
        "Intro.", "A new paragraph on another subject entirely.", body + " or Vienna.", "Outro."
    )
    found = compare(old, new)
    assert kinds(found) == ["same", "added", "changed", "same"]
    assert Words("ins", "or Vienna") in found.blocks[2].words


def sides(comparison) -> tuple[list[str], list[str]]:
    """The old and the new paragraphs as the comparison shows them, spaces collapsed."""
    old: list[str] = []
    new: list[str] = []
    for block in comparison.blocks:
        if block.kind == "same":
            old += block.unchanged
            new += block.unchanged
            continue
        for side, dropped in ((old, "ins"), (new, "del")):
            if shown := "".join(w.text for w in block.words if w.kind != dropped):
                side.append(" ".join(shown.split()))
    return old, new


_WORD = st.sampled_from(["Moscow", "said", "on", "Monday", ",", ".", "<b>", "talks", "a"])
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)


@given(st.lists(_PARAGRAPH, max_size=6), st.lists(_PARAGRAPH, max_size=6))
def test_a_comparison_shows_both_versions_whole_and_in_order(old, new):
    assert sides(compare(text(*old), text(*new))) == (old, new)

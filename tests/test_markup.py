"""Rendering one stored paragraph's Markdown as safe HTML and as plain text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from app.markup import (
    _MD,
    MAX_MARKDOWN_CHARS,
    escape_markdown,
    to_html,
    to_plain,
)

# Text as files hold it: NUL never gets past decoding, so it is left out.
TEXT = st.text(st.characters(blacklist_characters="\x00"))


def test_plain_paragraph_renders_as_its_text():
    html = to_html("Rostec said the centre opened on Thursday.")
    assert isinstance(html, Markup)
    assert html == "<p>Rostec said the centre opened on Thursday.</p>\n"


def test_emphasis_quote_and_lists_keep_their_meaning():
    assert to_html("*a* and **b**") == "<p><em>a</em> and <strong>b</strong></p>\n"
    assert "<blockquote>" in to_html("> We will respond,\n> the ministry said.")
    assert to_html("- one\n- two").startswith("<ul>\n<li>one</li>")
    assert to_html("1. one\n2. two").startswith("<ol>\n<li>one</li>")


def test_raw_html_is_escaped_never_markup():
    html = to_html("Hacked: <script>alert(1)</script> and <b>bold</b> & more")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_links_get_rel_and_javascript_urls_are_not_links():
    html = to_html("See [Interfax](https://www.interfax.ru/) or [x](javascript:alert(1))")
    assert '<a href="https://www.interfax.ru/" rel="nofollow noopener noreferrer">' in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
    assert '<a href="javascript' not in html


def test_images_are_shown_as_links_not_loaded():
    html = to_html("![map](https://example.com/map.png)")
    assert "<img" not in html
    assert '<a href="https://example.com/map.png"' in html


def test_to_plain_removes_markup():
    assert to_plain("The *irresponsible* and **dangerous** plan") == (
        "The irresponsible and dangerous plan"
    )
    assert to_plain("according to [Interfax](https://www.interfax.ru/)") == "according to Interfax"
    assert to_plain("> We will respond,\n> the ministry said.") == (
        "We will respond, the ministry said."
    )
    assert to_plain("- Sanctions on banks\n- Sanctions on *energy*") == (
        "Sanctions on banks\nSanctions on energy"
    )
    assert to_plain("1. First\n2. Second") == "First\nSecond"


def test_to_plain_keeps_html_looking_text_and_decodes_entities():
    assert to_plain("posted <script>alert(1)</script> as <b>bold</b>") == (
        "posted <script>alert(1)</script> as <b>bold</b>"
    )
    assert to_plain("AT&amp;T &copy; 2019") == "AT&T © 2019"


def test_to_plain_collapses_whitespace_on_both_paths():
    assert to_plain("  plain   text\there  ") == "plain text here"
    assert to_plain("  *em*   text  ") == "em text"


def test_to_plain_inline_reads_one_line():
    assert to_plain("1. A Numbered Title", inline=True) == "1. A Numbered Title"
    assert to_plain("- Dash Title", inline=True) == "- Dash Title"
    assert to_plain("The *Real* [Title](#)", inline=True) == "The Real Title"


def test_very_long_text_is_shown_as_is():
    text = "[" * (MAX_MARKDOWN_CHARS + 1)
    assert to_plain(text) == text
    assert to_html(text) == f"<p>{text}</p>\n"


@given(TEXT)
def test_fast_path_renders_exactly_like_markdown_it(text):
    assert to_html(text) == to_html(text + "\n") == _MD.render(text)


@given(TEXT)
def test_plain_text_escaped_as_markdown_reads_back_unchanged(text):
    source = escape_markdown(text)
    assert "\n" not in source
    assert to_plain(source) == " ".join(text.split())
    assert to_plain(source, inline=True) == " ".join(text.split())


@given(TEXT)
def test_escaped_text_renders_as_one_plain_paragraph(text):
    html = to_html(escape_markdown(text))
    assert html == "" or (html.startswith("<p>") and html.count("<") == 2)


def test_escape_markdown_neutralises_syntax():
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("1. not a list") == "1\\. not a list"
    assert escape_markdown("2 * 3 = 6 and snake_case") == "2 \\* 3 = 6 and snake\\_case"
    assert escape_markdown("plain words") == "plain words"


def test_images_show_their_alt_text_linked_without_the_bang():
    html = to_html("an ![image](https://example.com/i.png) here")
    assert html == (
        '<p>an <a href="https://example.com/i.png" rel="nofollow noopener noreferrer">'
        "image</a> here</p>\n"
    )
    assert to_plain("an ![image](https://example.com/i.png) here") == "an image here"
    linked = to_html("[![logo](https://x.org/l.png)](https://x.org/)")
    assert linked.count("<a ") == 1 and ">logo</a>" in linked  # never a link inside a link


def test_refused_links_and_images_show_their_text_only():
    line = "A [javascript link](javascript:alert(1)) and ![pic](javascript:alert(2))."
    assert to_html(line) == "<p>A javascript link and pic.</p>\n"
    assert to_plain(line) == "A javascript link and pic."


def test_strikethrough_renders_as_s_and_reads_as_its_text():
    assert to_html("was ~~wrong~~ right") == "<p>was <s>wrong</s> right</p>\n"
    assert to_plain("was ~~wrong~~ right") == "was wrong right"
    assert to_plain("*was* ~~wrong~~") == "was wrong"  # past the plain-emphasis shortcut
    assert escape_markdown("~~kept~~") == "\\~\\~kept\\~\\~"


@pytest.mark.parametrize("href", ["#", "", "#top", " # "])
def test_a_link_to_no_address_is_its_text(href):
    line = f"**Read more:** [Iran Tests New Missile]({href}) today."
    assert to_html(line) == "<p><strong>Read more:</strong> Iran Tests New Missile today.</p>\n"
    assert to_plain(line) == "Read more: Iran Tests New Missile today."

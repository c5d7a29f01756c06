"""Parsing article files: bytes in, a ParsedArticle or a Rejection out."""

import random
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ingest.parse import MAX_BYTES, parse
from app.ingest.parsed import ParsedArticle, Rejection, RelatedRef
from app.markup import to_html, to_plain

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SEED_000 = ROOT / "seeds" / "000_f9cdb5b825fae99c.txt"
SEED_004 = ROOT / "seeds" / "004_3495f687b9b743c2.txt"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every control but tab, line feed
REJECTED_FIXTURES = {"empty.txt", "binary.bin", "small_binary.jpg", "untitled.txt", "no_body.txt"}
ARTICLE_FILES = [SEED_000, SEED_004] + sorted(
    p for p in FIXTURES.iterdir() if p.name not in REJECTED_FIXTURES
)


def parsed(path: Path) -> ParsedArticle:
    """Parse a file that must be an article."""
    result = parse(path.read_bytes(), path.name)
    assert isinstance(result, ParsedArticle), result
    return result


def fixture(name: str) -> ParsedArticle:
    return parsed(FIXTURES / name)


def text_article(text: str, name: str = "article.txt") -> ParsedArticle:
    result = parse(text.encode(), name)
    assert isinstance(result, ParsedArticle), result
    return result


# The shipped seeds, exactly


def test_seed_000():
    article = parsed(SEED_000)
    assert article.title == "Russia Says It Has Opened Helicopter Training Center in Venezuela"
    assert article.published == date(2019, 4, 2)
    assert article.byline == "Reuters"
    assert article.authors == ("Reuters",)
    assert article.photo_credit == "Yuri Smityuk / TASS"
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith("Russia has opened a training center in Venezuela")
    assert article.paragraphs[-1].endswith(
        "raising the prospect of new U.S. sanctions against Moscow."
    )
    assert article.related == (
        RelatedRef(
            title="Russia Dismisses Speculation About Its 'Specialists' in Venezuela",
            href=None,
            after_paragraph=3,
        ),
    )
    assert article.original_url == (
        "https://www.themoscowtimes.com/2019/04/02/"
        "russia-says-it-has-opened-helicopter-training-centre-in-venezuela-a65063"
    )
    assert article.raw_text == SEED_000.read_text(encoding="utf-8")
    assert (article.encoding, article.format) == ("utf-8", "markdown")


def test_seed_004():
    article = parsed(SEED_004)
    assert article.title == "Russian Military Specialists Arrive in Venezuela"
    assert article.published == date(2019, 9, 25)
    assert article.byline == "Reuters"
    assert article.authors == ("Reuters",)
    assert article.photo_credit == "Sergei Kiselyov / Moskva News Agency"
    assert len(article.paragraphs) == 9
    assert article.paragraphs[2] == (
        "The Russian government has dispatched troops to Venezuela several times already this "
        "year to service military equipment, despite the U.S. government repeatedly warning "
        "Putin against sending Maduro military assistance."
    )
    assert article.related == (
        RelatedRef(
            title="Russia Backs Talks Between Venezuela's Government and Opposition, "
            "Putin Tells Maduro",
            href=None,
            after_paragraph=2,
        ),
    )
    assert article.original_url == (
        "https://www.themoscowtimes.com/2019/09/25/russian-military-specialists-arrive-in-venezuela-a67432"
    )


# Encodings and line ends


def test_bom_crlf_and_trailing_spaces():
    article = fixture("bom_crlf.txt")
    assert article.title == "Kremlin Denies Troop Buildup"
    assert article.byline == "Reuters"
    assert article.published == date(2019, 4, 2)
    assert article.photo_credit == "Yuri Smityuk / TASS"
    assert article.paragraphs == (
        "The Kremlin on Tuesday denied reports of a troop buildup near the border.",
        "“There is no buildup,” Peskov said.",
    )
    assert article.encoding == "utf-8-sig"
    assert article.raw_text.startswith("\r\n\r\n# Kremlin")  # the decoded file, BOM gone


def test_windows_1251():
    article = fixture("cp1251.txt")
    assert article.encoding == "cp1251"
    assert article.title == "Россия открыла вертолётный центр в Венесуэле"
    assert article.photo_credit == "Юрий Смитюк / ТАСС"
    assert article.paragraphs[0].endswith("сообщил «Ростех».")


def test_latin1():
    article = fixture("latin1.txt")
    assert article.encoding == "cp1252"  # Latin-1's superset: the same text
    assert article.title == "El presidente Maduro se reúne con Putin en Moscú"
    assert article.published == date(2019, 9, 25)
    assert "Nicolás Maduro se reunió el miércoles" in article.paragraphs[0]


# Bylines, dates, photo credits


@pytest.mark.parametrize(
    ("name", "byline", "authors"),
    [
        ("byline_two_authors.txt", "Anna Ivanova and John Smith", ("Anna Ivanova", "John Smith")),
        (
            "byline_commas.txt",
            "Anna Ivanova, John Smith and Pyotr Petrov",
            ("Anna Ivanova", "John Smith", "Pyotr Petrov"),
        ),
        ("byline_plain.txt", "Reuters", ("Reuters",)),
        ("no_byline.txt", None, ()),
    ],
)
def test_bylines(name, byline, authors):
    article = fixture(name)
    assert (article.byline, article.authors) == (byline, authors)
    assert not any(p.startswith("By ") for p in article.paragraphs)


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("date_april_2.txt", date(2019, 4, 2)),
        ("date_sept_abbrev.txt", date(2019, 9, 25)),
        ("date_day_month_year.txt", date(2020, 3, 2)),
        ("date_iso.txt", date(2019, 12, 3)),
        ("no_date_url_date.txt", date(2019, 4, 2)),
        ("date_month_year.txt", date(2019, 4, 9)),  # "April 2019" has no day: the URL's date
        ("no_date_no_url.txt", None),
    ],
)
def test_dates(name, published):
    article = fixture(name)
    assert article.published == published
    assert len(article.paragraphs) in (1, 2)  # the date line is never a paragraph


@pytest.mark.parametrize(
    "line", ["Tuesday, April 2, 2019", "April 2, 2019 at 10:15", "Tue, 02 Apr 2019 10:00:00 +0300"]
)
def test_date_lines_with_weekday_or_time(line):
    assert text_article(f"# Title\n\n{line}\n\nBody.\n").published == date(2019, 4, 2)


def test_partial_or_ambiguous_date_line_is_not_guessed():
    for line in ("April 2019", "04/02/2019"):
        article = text_article(f"# Title\n\n{line}\n\nBody text.\n")
        assert article.published is None
        assert article.paragraphs == ("Body text.",)


def test_ambiguous_date_line_defers_to_the_url():
    article = text_article(
        "# Title\n\n04/02/2019\n\nBody.\n\nOriginal url: https://example.com/2019/04/02/x\n"
    )
    assert article.published == date(2019, 4, 2)
    assert text_article("# Title\n\n25/09/2019\n\nBody.\n").published == date(2019, 9, 25)


@pytest.mark.parametrize(
    "line", ["February 30, 2019", "31 June 2019", "Sept. 31, 2019", "2019-02-30"]
)
def test_a_date_line_with_no_such_day_is_dropped_and_the_url_date_used(line):
    url = "Original url: https://example.com/2019/02/28/five"
    article = text_article(f"# Title\n\nBy Reuters\n\n{line}\n\nBody about Malta.\n\n{url}\n")
    assert (article.published, article.paragraphs) == (date(2019, 2, 28), ("Body about Malta.",))
    article = text_article(f"# Title\n\n{line}\n\nBody about Malta.\n")
    assert (article.published, article.paragraphs) == (None, ("Body about Malta.",))


@pytest.mark.parametrize("line", ["March 30, 2019 was the day.", "May 40 2019 protesters"])
def test_a_first_paragraph_starting_like_a_date_is_body(line):
    assert text_article(f"# Title\n\n{line}\n\nMore.\n").paragraphs == (line, "More.")


def test_dates_inside_sentences_are_not_date_lines():
    article = text_article("# Title\n\nOn April 2, 2019 the centre opened.\n")
    assert article.published is None
    assert article.paragraphs == ("On April 2, 2019 the centre opened.",)


def test_sentence_starting_with_by_is_not_a_byline():
    article = text_article("# Title\n\nBy the end of the year, Russia had sent troops.\n")
    assert article.byline is None
    assert article.paragraphs == ("By the end of the year, Russia had sent troops.",)


def test_front_matter_lines_without_blank_lines_between():
    article = text_article("# Title\nBy Reuters\nApril 2, 2019\n\nBody.\n")
    assert (article.title, article.byline, article.published) == (
        "Title",
        "Reuters",
        date(2019, 4, 2),
    )
    assert article.paragraphs[-1] == "Body."


def test_no_photo_credit():
    article = fixture("no_photo.txt")
    assert article.photo_credit is None
    assert article.paragraphs[0].startswith("The first paragraph follows the date line")


def test_title_is_plain_text():
    article = text_article("#   The *Real*   [Title](#)  \n\nBody.\n")
    assert article.title == "The Real Title"


# Body paragraphs and related links


def test_split_paragraph_is_rejoined_only_mid_sentence():
    assert fixture("split_paragraph.txt").paragraphs == (
        "The government has dispatched troops several times already this year to service "
        "military equipment, officials said.",
        "This paragraph ends with a full stop.",
        "and this one starts in lower case, but the full stop above ends the paragraph.",
    )


def test_several_related_links():
    article = fixture("several_related.txt")
    assert article.paragraphs == ("First paragraph.", "Second paragraph.", "Third paragraph.")
    assert article.related == (
        RelatedRef("Before Any Paragraph", None, 0),
        RelatedRef(
            "A Linked Story",
            "https://www.themoscowtimes.com/2019/03/29/a-linked-story-a65000",
            1,
        ),
        RelatedRef("Without Bold", None, 2),
        RelatedRef("Capital A", None, 2),
        RelatedRef("At the End", None, 3),
    )


def test_related_link_counts_paragraphs_after_rejoining():
    article = text_article(
        "# Title\n\nOne sentence split\n\nin two.\n\n**Related article:** [Next](#)\n\nTwo.\n"
    )
    assert article.paragraphs == ("One sentence split in two.", "Two.")
    assert article.related == (RelatedRef("Next", None, 1),)


def test_related_line_inside_a_paragraph_block():
    article = text_article("# Title\n\nOne.\nRelated article: [Inside](#)\nTwo.\n")
    assert article.paragraphs == ("One.", "Two.")
    assert article.related == (RelatedRef("Inside", None, 1),)


def test_related_href_in_angle_brackets_and_with_a_link_title():
    article = text_article(
        "# T\n\nRelated article: [A](<https://e.com/a b>)\n\n"
        '**Related article:** [B]( https://e.com/b "B" )\n\nBody.\n'
    )
    assert article.related == (
        RelatedRef("A", "https://e.com/a b", 0),
        RelatedRef("B", "https://e.com/b", 0),
    )


@pytest.mark.parametrize(
    "line, ref",
    [
        ("[Unclosed link](#", RelatedRef("Unclosed link", None, 0)),
        ("[Unclosed](https://e.com/u", RelatedRef("Unclosed", "https://e.com/u", 0)),
        ("[Unclosed](<https://e.com/u>", RelatedRef("Unclosed", "https://e.com/u", 0)),
        ("[No bracket", RelatedRef("No bracket", None, 0)),
        ("[Only bracket]", RelatedRef("Only bracket", None, 0)),
    ],
)
def test_an_unclosed_related_link_keeps_its_title_not_its_markdown(line, ref):
    article = text_article(f"# T\n\n**Related article:** {line}\n\nBody.\n")
    assert article.related == (ref,)


def test_pathological_related_line_is_read():
    # A backtracking pattern took seconds here; the bench, not this test, watches the speed.
    article = text_article("# T\n\nRelated article: " + "[a](" * 4000 + "\n\nBody.\n")
    assert article.paragraphs[-1] == "Body."


def test_prose_about_related_articles_is_body():
    text = "Related articles in the state press said the same."
    assert text_article(f"# Title\n\n{text}\n").paragraphs == (text,)


def test_inline_markdown_is_kept_as_source():
    article = fixture("inline_markdown.txt")
    assert article.paragraphs == (
        "The minister called the plan *irresponsible* and **dangerous**, according to "
        "[Interfax](https://www.interfax.ru/).",
        "> We will respond to any threat,\n> the ministry said.",
        "- Sanctions on banks\n- Sanctions on energy companies",
        "1. First step\n2. Second step",
    )
    assert "<em>irresponsible</em>" in to_html(article.paragraphs[0])
    assert to_plain(article.paragraphs[2]) == "Sanctions on banks\nSanctions on energy companies"


def test_raw_html_is_text():
    article = fixture("raw_html.txt")
    assert article.paragraphs == (
        "A hacker posted <script>alert(1)</script> on the ministry's website, which showed it "
        "as <b>bold</b> text.",
    )
    html = to_html(article.paragraphs[0])
    assert "<script>" not in html and "<b>" not in html


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("url_same_line.txt", "https://www.themoscowtimes.com/2019/04/02/url-same-line-a65082"),
        (
            "url_bare_next_line.txt",
            "https://www.themoscowtimes.com/2019/04/02/url-bare-next-line-a65083",
        ),
    ],
)
def test_original_url_footer(name, url):
    article = fixture(name)
    assert article.original_url == url
    assert len(article.paragraphs) == 1
    assert "Original url" not in article.paragraphs[0]


def test_indented_footer():
    article = text_article("# Title\n\nBody.\n\n   Original url:   \n   <https://e.com/x>  \n")
    assert (article.original_url, article.paragraphs) == ("https://e.com/x", ("Body.",))


@pytest.mark.parametrize(
    "footer",
    [
        "Original url:\n\n<https://example.com/a/9",
        "Original url: <https://example.com/a/9",
        "Original url:\n\nhttps://example.com/a/9>",
    ],
)
def test_an_unclosed_angle_bracket_still_gives_the_url(footer):
    article = text_article(f"# Title\n\nBody.\n\n{footer}\n")
    assert (article.original_url, article.paragraphs) == ("https://example.com/a/9", ("Body.",))


def test_original_url_label_without_url():
    article = text_article("# Title\n\nBody.\n\nOriginal url:\n\nnot a link\n")
    assert article.original_url is None
    assert article.paragraphs == ("Body.", "not a link")


# Other layouts


def test_html_page_with_json_ld():
    article = fixture("article.html")
    assert article.format == "html"
    assert article.title == "Putin Meets Maduro in Moscow"
    assert article.published == date(2019, 9, 25)  # as written, not shifted to UTC
    assert article.authors == ("Anna Ivanova", "John Smith")
    assert article.original_url == (
        "https://www.themoscowtimes.com/2019/09/25/putin-meets-maduro-a67440"
    )
    assert [to_plain(p) for p in article.paragraphs] == [
        "President Vladimir Putin met Venezuelan leader Nicolas Maduro in the Kremlin on "
        "Wednesday.",
        "Putin said Russia backed talks between Venezuela's government and the opposition.",
        "Figures: 2 * 3 = 6 and snake_case_words stay as written.",
    ]


def test_html_page_with_open_graph_meta():
    article = fixture("og_meta.html")
    assert article.title == "Ruble Hits New Low"
    assert article.published == date(2019, 4, 2)
    assert article.byline == "Anna Ivanova and John Smith"
    assert article.authors == ("Anna Ivanova", "John Smith")
    assert article.original_url == (
        "https://www.themoscowtimes.com/2019/04/02/ruble-hits-new-low-a65090"
    )
    assert article.paragraphs == (
        "The ruble fell to a new low against the dollar on Tuesday.",
        "Traders blamed falling oil prices. More losses are expected.",
    )


def test_html_article_body_and_canonical_fallbacks():
    page = (
        '<!doctype html><html><head><link rel="canonical" href="https://e.com/2020/01/05/x">'
        '<script type="application/ld+json">{"@type": ["NewsArticle"], "name": "n",'
        ' "headline": "Headline", "author": "Jane Doe", "articleBody": "One.\\n\\nTwo."}'
        "</script><script type='application/ld+json'>{broken</script></head><body></body></html>"
    )
    article = text_article(page, "page.html")
    assert article.paragraphs == ("One.", "Two.")
    assert (article.byline, article.authors) == ("Jane Doe", ("Jane Doe",))
    assert article.original_url == "https://e.com/2020/01/05/x"
    assert article.published == date(2020, 1, 5)


def test_html_time_tag_and_main_entity_of_page():
    page = (
        '<html><script type="application/ld+json">[{"@type": "NewsArticle", "headline": "H",'
        ' "mainEntityOfPage": {"@id": "https://e.com/h"}}]</script>'
        '<time datetime="2021-06-07T23:30:00-04:00">7 June</time><p>Text.</p></html>'
    )
    article = text_article(page)
    assert (article.original_url, article.published) == ("https://e.com/h", date(2021, 6, 7))


def test_html_page_without_an_article_keeps_its_lists_but_not_its_menus():
    page = (
        "<html><title>T</title><body><header><p>Site name</p></header>"
        '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul>'
        '<p>1. Not a list: <a href="javascript:alert(1)">a link</a> stays text.</p>'
        "<ol start='3'><li>three<ul><li>inner</li></ul></li><li><p>four</p></li></ol>"
        "<footer><p>Copyright</p></footer></body></html>"
    )
    article = text_article(page, "page.html")
    assert article.paragraphs == (
        "1\\. Not a list: a link stays text.",
        "3. three\n   - inner\n4. four",
    )
    assert to_plain(article.paragraphs[1]) == "three\ninner\nfour"


def test_plain_text():
    article = fixture("plain.txt")
    assert article.format == "text"
    assert article.title == "Russia and China Hold Joint Naval Drills"
    assert article.published is None
    assert len(article.paragraphs) == 2
    assert to_plain(article.paragraphs[1]).endswith("Officials called them a *routine* exercise.")


def test_an_article_with_one_stray_nul_byte_is_read_without_it():
    article = fixture("one_nul.txt")
    assert article.title == "NUL Inside" and article.published == date(2019, 4, 3)
    assert article.paragraphs == ("Text with a  NUL byte in it about Iran.",)
    assert "\x00" not in article.raw_text


# Rejections


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("binary.bin", "binary data, not text"),
        ("small_binary.jpg", "binary data, not text"),
        ("untitled.txt", "no title: the first line should be a '# Title' heading"),
        ("no_body.txt", "no body text"),
    ],
)
def test_rejected_fixtures(name, reason):
    result = parse((FIXTURES / name).read_bytes(), name)
    assert isinstance(result, Rejection)
    assert result.reason.startswith(reason)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \r\n\t\n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"#\n\nBody.", "no title"),
        (b"x" * 300 + b"\n\nBody.", "no title"),
        (b"<html><body><p>No title anywhere.</p></body></html>", "no title"),
        (b"<html><head><title>T</title></head><body></body></html>", "no body text"),
        (b"# " + b"x" * MAX_BYTES, "too large: 5,000,002 bytes, the limit is 5 MB"),
    ],
)
def test_rejections(data, reason):
    result = parse(data)
    assert isinstance(result, Rejection)
    assert result.reason.startswith(reason)


# Properties


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.name)
def test_parsing_the_raw_text_again_gives_the_same_article(path):
    article = parsed(path)
    again = parse(article.raw_text.encode(), path.name)
    assert isinstance(again, ParsedArticle)
    assert again.paragraphs == article.paragraphs
    assert (again.title, again.published, again.related) == (
        article.title,
        article.published,
        article.related,
    )
    assert all(p and "\n\n" not in p for p in article.paragraphs)


def seed_lines() -> list[str]:
    return [line for p in (SEED_000, SEED_004) for line in p.read_text().splitlines()]


ODD_LINES = [
    "<html>",
    "<article><p>",
    '<script type="application/ld+json">',
    '{"@type": "NewsArticle", "headline": 1, "author": [null, {"name": 5}]}',
    '{"@graph": [{"@type": {}}], "datePublished": "2019-02-30"}',
    "</script>",
    "Original url: <>",
    "By ",
    "**",
    "# ",
    "Related article: [](#)",
    "04/02/2019",
    "99/99/9999",
    "2019-02-30",
]
LINES = st.sampled_from(seed_lines() + ODD_LINES + ["", "   "])
ANY_RESULT = (ParsedArticle, Rejection)
FAST = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@FAST
@given(st.binary(max_size=4096), st.sampled_from(["", "a.txt", "a.html"]))
def test_any_bytes_never_raise(data, name):
    assert isinstance(parse(data, name), ANY_RESULT)


@FAST
@given(st.text(max_size=4096), st.sampled_from(["", "a.txt"]))
def test_no_control_character_reaches_an_article(text, name):
    result = parse(f"# Title {text}\n\n{text} body".encode(), name)
    if isinstance(result, ParsedArticle):
        fields = [result.title, result.byline or "", result.photo_credit or "", *result.paragraphs]
        assert not any(RAW_CONTROLS.search(field) for field in fields)


@FAST
@given(st.text(max_size=4096), st.sampled_from(["", "a.html"]))
def test_any_text_never_raises(text, name):
    assert isinstance(parse(text.encode(), name), ANY_RESULT)


@FAST
@given(
    st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
    st.sampled_from(["utf-8", "cp1251", "latin-1", "utf-16"]),
    st.randoms(use_true_random=False),
)
def test_shuffled_seed_lines_never_raise(lines, newline, encoding, rnd: random.Random):
    rnd.shuffle(lines)
    data = newline.join(lines).encode(encoding, "replace")
    assert isinstance(parse(data, rnd.choice(["a.txt", "a.html"])), ANY_RESULT)

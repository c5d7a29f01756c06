"""What a file's front matter and body become once ingested: the article's JSON and page."""

from __future__ import annotations

import pytest

from tests.conftest import write

HEAD = "# {title}\n\nBy Reuters\n\nApril 2, 2019\n\n"


def stored(client, ingest, tmp_path, text: str, name: str = "a.txt") -> dict:
    """Ingest one file and return its article JSON."""
    write(tmp_path, name, text)
    code, report = ingest(tmp_path / name)
    assert code == 0 and report["added"], report
    summary = client.get("/api/articles").get_json()["articles"][0]
    return client.get(f"/api/articles/{summary['id']}").get_json()


def related(article: dict) -> list[tuple]:
    return [(r["title"], r["href"], r["after_paragraph"]) for r in article["related"]]


# B3: a "Related article" line with several links, or words after its link


def test_a_related_line_with_two_links_gives_two_resolved_links(client, ingest, tmp_path):
    for n, title in enumerate(("Lavrov Meets Blinken in Geneva", "Troops Arrive in Caracas")):
        stored(client, ingest, tmp_path, HEAD.format(title=title) + "Text.\n", f"t{n}.txt")
    line = "**Related article:** [Troops Arrive in Caracas](#), [Lavrov Meets Blinken in Geneva](#)"
    text = HEAD.format(title="Citing Both") + f"First.\n\n{line}\n\nSecond.\n"
    article = stored(client, ingest, tmp_path, text)
    assert related(article) == [
        ("Troops Arrive in Caracas", None, 1),
        ("Lavrov Meets Blinken in Geneva", None, 1),
    ]
    assert all(r["article_id"] for r in article["related"])
    page = client.get(article["url"]).get_data(as_text=True)
    assert "](#)" not in page and page.count('class="related') == 2


@pytest.mark.parametrize(
    ("line", "refs"),
    [
        ("[A B](#) (in Russian)", [("A B", None)]),
        ("[A](https://x.org/a) and [C](#)", [("A", "https://x.org/a"), ("C", None)]),
        ("[A](#), [B](https://x.org/b", [("A", None), ("B", "https://x.org/b")]),
        ("[Putin's [sic] Plan](#)", [("Putin's [sic] Plan", None)]),
        ("Just a Title", [("Just a Title", None)]),
    ],
)
def test_words_after_a_related_link_are_not_its_title(client, ingest, tmp_path, line, refs):
    text = HEAD.format(title="Citing") + f"First.\n\nRelated article: {line}\n\nSecond.\n"
    article = stored(client, ingest, tmp_path, text)
    assert related(article) == [(title, href, 1) for title, href in refs]


# B6: date lines with a label, a time or a second date; R4: a date line that cannot be read


@pytest.mark.parametrize(
    "line",
    [
        "Published April 2, 2019",
        "Updated: April 2, 2019",
        "April 2, 2019 | 10:35 AM",
        "April 2, 2019 (Updated April 3, 2019)",
        "Posted on 2 April 2019 · 10:35 MSK",
    ],
)
def test_a_labelled_or_timed_date_line_gives_the_date_and_is_not_body(
    client, ingest, tmp_path, line
):
    text = f"# Dated\n\nBy Reuters\n\n{line}\n\nThe first paragraph.\n"
    article = stored(client, ingest, tmp_path, text)
    assert article["published"] == "2019-04-02"
    assert article["paragraphs"] == ["The first paragraph."]


@pytest.mark.parametrize(
    "line", ["Published April 2, 2019 by the ministry.", "April 2, 2019 | Moscow"]
)
def test_a_sentence_or_a_place_after_a_date_is_body(client, ingest, tmp_path, line):
    article = stored(client, ingest, tmp_path, f"# Not Dated\n\n{line}\n\nMore.\n")
    assert article["published"] is None and article["paragraphs"] == [line, "More."]


def test_an_unread_date_line_is_named_in_a_note_and_never_guessed(client, runner, tmp_path):
    for name, line in (("a.txt", "Published 03/12/2019"), ("b.txt", "Updated: February 30, 2019")):
        write(tmp_path, name, f"# Story {name}\n\n{line}\n\nBody.\n")
    write(tmp_path, "c.txt", "# Dated Story\n\nApril 2, 2019 | 10:35 AM\n\nBody.\n")
    result = runner.invoke(args=["ingest", str(tmp_path)])
    assert result.exit_code == 0
    assert "note: 2 files have a date line that could not be read as one day" in result.stderr
    assert f"{tmp_path / 'a.txt'}: Published 03/12/2019" in result.stderr
    assert "c.txt" not in result.stderr
    articles = client.get("/api/articles").get_json()["articles"]
    assert sorted(a["published"] or "" for a in articles) == ["", "", "2019-04-02"]
    again = runner.invoke(args=["ingest", str(tmp_path)])  # unchanged now: nothing to say
    assert again.stderr == ""


# B5: bylines with a role, a place or a desk


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("By [Jane Doe](#), Moscow correspondent", ["Jane Doe"], "jane-doe"),
        ("By Jane Doe in Moscow", ["Jane Doe"], "jane-doe"),
        ("By Jane Doe and Reuters staff", ["Jane Doe", "Reuters"], "reuters"),
        ("By Jane Doe | Reuters", ["Jane Doe", "Reuters"], "reuters"),
        ("By Jane Doe, Staff Writer, and John Roe in Kyiv", ["Jane Doe", "John Roe"], "jane-doe"),
        ("By Reuters, AFP and AP", ["Reuters", "AFP", "AP"], "reuters"),
        ("By Anna Ivanova, John Smith and Pyotr Petrov", ["Anna Ivanova", "John Smith",
                                                         "Pyotr Petrov"], "anna-ivanova"),
    ],
)  # fmt: skip
def test_roles_and_places_in_a_byline_are_not_authors(
    client, ingest, tmp_path, line, authors, source
):
    article = stored(client, ingest, tmp_path, f"# Bylined\n\n{line}\n\nApril 2, 2019\n\nText.\n")
    assert article["authors"] == authors
    assert article["byline"] == line.removeprefix("By ").replace("[Jane Doe](#)", "Jane Doe")
    assert article["source"]["slug"] == source
    assert client.get("/sources/moscow-correspondent").status_code == 404
    page = client.get(article["url"]).get_data(as_text=True)
    assert "correspondent</a>" not in page and "Staff Writer</a>" not in page


# B4: photo credits: the file's "Photo:" label, the agency's place, an italic credit


@pytest.mark.parametrize(
    ("line", "credit", "agency"),
    [
        ("**Photo: Yuri Smityuk / TASS**", "Yuri Smityuk / TASS", "tass"),
        ("**Photo by Yuri Smityuk / TASS**", "Yuri Smityuk / TASS", "tass"),
        ("**AP Photo/Alexander Zemlianichenko**", "AP Photo/Alexander Zemlianichenko", "ap"),
        ("**EPA-EFE/Maxim Shipenkov**", "EPA-EFE/Maxim Shipenkov", "epa"),
        ("**Yuri Smityuk / TASS / Handout**", "Yuri Smityuk / TASS / Handout", "tass"),
        ("**Jane Roe / Handout**", "Jane Roe / Handout", None),
        ("*Yuri Smityuk / TASS*", "Yuri Smityuk / TASS", "tass"),
    ],
)
def test_a_photo_credit_names_its_agency_and_is_shown_once(
    client, ingest, tmp_path, line, credit, agency
):
    text = HEAD.format(title="Pictured") + f"{line}\n\nThe first paragraph.\n"
    article = stored(client, ingest, tmp_path, text)
    assert article["photo_credit"] == credit
    assert (article["photo_source"] or {}).get("slug") == agency
    assert article["paragraphs"] == ["The first paragraph."]
    summary = client.get("/api/articles").get_json()["articles"][0]
    assert summary["lead"] == "The first paragraph."
    page = client.get(article["url"]).get_data(as_text=True)
    assert page.count("Photo:") == 1
    if agency:  # the agency's name in the credit links to its photos
        name = article["photo_source"]["name"]
        assert f'<a href="/sources/{agency}/photos">{name}</a>' in page
        assert f'(<a href="/sources/{agency}/photos">' not in page  # named twice
    for name in ("alexander-zemlianichenko", "maxim-shipenkov", "handout"):
        assert client.get(f"/sources/{name}/photos").status_code == 404


def test_an_italic_sentence_where_a_credit_could_stand_is_body(client, ingest, tmp_path):
    line = "*Editor's note: this story was updated with the ministry's answer.*"
    article = stored(client, ingest, tmp_path, HEAD.format(title="Noted") + f"{line}\n\nMore.\n")
    assert article["photo_credit"] is None and len(article["paragraphs"]) == 2


# R7: the lead is the first real paragraph


@pytest.mark.parametrize(
    "first", ["## Key points", "- first item\n- second item", "1. first step\n2. second step"]
)
def test_a_subheading_or_a_list_first_is_not_the_lead(client, ingest, tmp_path, first):
    text = HEAD.format(title="Led") + f"{first}\n\nActual first paragraph.\n\nMore.\n"
    article = stored(client, ingest, tmp_path, text)
    assert len(article["paragraphs"]) == 3
    summary = client.get("/api/articles").get_json()["articles"][0]
    assert summary["lead"] == "Actual first paragraph."


def test_an_article_of_only_a_list_leads_with_it(client, ingest, tmp_path):
    stored(client, ingest, tmp_path, HEAD.format(title="Listed") + "- one\n- two\n")
    assert client.get("/api/articles").get_json()["articles"][0]["lead"] == "one\ntwo"


# B7: a saved page keeps its lists, quotes, subheadings, emphasis and links

PAGE = """<!doctype html><html><head><title>Lukashenko Meets Putin in Sochi</title>
<link rel="canonical" href="https://meduza.io/en/news/2021/05/03/lukashenko-meets-putin"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Lukashenko Meets Putin in Sochi</h1>
<figure><img src="x.jpg"><figcaption>Photo: Mikhail Klimentyev / TASS</figcaption></figure>
<p>The leaders met in Sochi on <a href="https://e.com/monday">Monday</a>.</p>
<aside>Read also: <a href="/other">Another story</a></aside>
<h2>Gas &amp; <i>integration</i></h2>
<p>They discussed <em>integration</em> and <strong>gas prices</strong>
&lt;script&gt;x&lt;/script&gt;.</p>
<blockquote><p>"We are brothers," Lukashenko said.</p></blockquote>
<ul><li>item one</li><li>item <b>two</b></li></ul>
<ol><li>first step</li><li>second step</li></ol>
</article></body></html>"""


def test_a_saved_page_keeps_lists_quotes_subheadings_emphasis_and_links(client, ingest, tmp_path):
    article = stored(client, ingest, tmp_path, PAGE, "page.html")
    assert article["paragraphs"] == [
        "The leaders met in Sochi on Monday.",
        "Gas & integration",
        "They discussed integration and gas prices <script>x</script>.",
        '"We are brothers," Lukashenko said.',
        "item one\nitem two",
        "first step\nsecond step",
    ]
    page = client.get(article["url"]).get_data(as_text=True)
    assert '<a href="https://e.com/monday" rel="nofollow noopener noreferrer">Monday</a>' in page
    assert "<h2>Gas &amp; <em>integration</em></h2>" in page
    assert "<em>integration</em> and <strong>gas prices</strong> &lt;script&gt;" in page
    assert "<blockquote>\n<p>&quot;We are brothers,&quot; Lukashenko said.</p>" in page
    assert "<ul>\n<li>item one</li>\n<li>item <strong>two</strong></li>\n</ul>" in page
    assert "<ol>\n<li>first step</li>" in page
    assert "Another story" not in page and "Home" not in article["paragraphs"]
    found = client.get("/api/search?q=item").get_json()
    assert [r["id"] for r in found["results"]] == [article["id"]]

"""The benchmark corpus: deterministic, written in small folders, shaped like the seed files."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import corpus, vocab
from tests.conftest import SEEDS

# The layout of seeds/*.txt: title, byline, date line, photo credit (each but the title
# optional), body, then the original URL, whose path carries the date.
LAYOUT = re.compile(
    r"\n\n# (?P<title>[^\n]+)\n\n"
    r"(?:By [^\n]+\n\n)?"
    r"(?:(?P<date>[^\n*]+)\n\n\n\n)?"
    r"(?:\*\*[^*\n]+\*\*\n\n)?"
    r"(?P<body>[^*\n].*)\n\n"
    r"Original url:\n\n"
    r"<(?P<url>https://www\.themoscowtimes\.com/(?P<day>\d{4}/\d\d/\d\d)/[a-z0-9-]+-a\d+)>",
    re.DOTALL,
)
RELATED = re.compile(r"^\*\*Related article:\*\* \[(?P<title>[^\n]+)\]\((?P<href>[^)\s]+)\)$", re.M)
MONTHS = {name: number for number, name in enumerate(vocab.MONTHS, 1)}
MONTHS |= {name: number for number, name in enumerate(vocab.AP_MONTHS, 1)}
DATE_FORMS = {
    "April 02, 2019": r"(?P<month>[A-Z][a-z]+) (?P<day>\d\d), (?P<year>\d{4})",
    "April 2, 2019": r"(?P<month>[A-Z][a-z]+) (?P<day>\d), (?P<year>\d{4})",
    "Sept. 25, 2019": r"(?P<month>[A-Z][a-z]+\.) (?P<day>\d\d?), (?P<year>\d{4})",
    "2 March 2020": r"(?P<day>\d\d?) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})",
    "2019-12-03": r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)",
}
SAMPLE_SIZE = 500


def date_line(line: str) -> tuple[str, date]:
    """Return the form of a date line and the date it says."""
    for form, pattern in DATE_FORMS.items():
        if match := re.fullmatch(pattern, line):
            month = match["month"]
            number = int(month) if month.isdigit() else MONTHS[month]
            return form, date(int(match["year"]), number, int(match["day"]))
    raise AssertionError(f"not a date line: {line!r}")


@pytest.fixture(scope="module")
def sample() -> list[str]:
    return [text for _, text in corpus.generate(SAMPLE_SIZE, seed=0)]


@pytest.fixture(scope="module")
def links(sample) -> list[tuple[int, re.Match]]:
    return [(k, link) for k, text in enumerate(sample) for link in RELATED.finditer(text)]


def test_same_seed_gives_the_same_corpus():
    assert list(corpus.generate(60, seed=7)) == list(corpus.generate(60, seed=7))
    assert list(corpus.generate(60, seed=7)) != list(corpus.generate(60, seed=8))


def test_write_corpus_puts_at_most_a_thousand_files_in_each_folder(tmp_path):
    paths = corpus.write_corpus(2100, tmp_path, seed=3, jobs=1)

    assert len(paths) == 2100 and all(path.is_file() for path in paths)
    per_folder = Counter(path.parent.name for path in tmp_path.glob("*/*.txt"))
    assert per_folder == {"000": 1000, "001": 1000, "002": 100}
    assert paths[1234] == tmp_path / "001" / "001234.txt"
    assert paths[1234].read_text(encoding="utf-8") == corpus.render(3, 1234, 2100)


def test_parallel_writing_writes_the_same_files(tmp_path):
    serial = corpus.write_corpus(1100, tmp_path / "serial", seed=5, jobs=1)
    parallel = corpus.write_corpus(1100, tmp_path / "parallel", seed=5, jobs=2)

    assert [path.read_bytes() for path in serial] == [path.read_bytes() for path in parallel]


def test_command_line_writes_the_files_and_reports_their_size(tmp_path, capsys):
    corpus.main(["25", str(tmp_path), "--seed", "4", "--jobs", "1"])

    assert len(list(tmp_path.glob("000/*.txt"))) == 25
    assert re.search(r"^25 files, [\d,]+ bytes each on average", capsys.readouterr().out)


@pytest.mark.parametrize("seed_file", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_the_layout_describes_the_seed_files(seed_file):
    assert LAYOUT.fullmatch(seed_file.read_text(encoding="utf-8"))


def test_articles_are_laid_out_like_the_seeds(sample):
    for text in sample:
        article = LAYOUT.fullmatch(text)
        assert article, text[:300]
        if article["date"]:
            assert date_line(article["date"])[1].strftime("%Y/%m/%d") == article["day"]


def test_original_urls_are_unique_and_numbered(sample):
    urls = [LAYOUT.fullmatch(text)["url"] for text in sample]

    assert [url.rsplit("-a", 1)[1] for url in urls] == [str(10000 + k) for k in range(SAMPLE_SIZE)]


def test_date_lines_take_several_forms(sample):
    lines = [LAYOUT.fullmatch(text)["date"] for text in sample]
    forms = Counter(date_line(line)[0] if line else None for line in lines)

    assert forms.most_common(1)[0][0] == "April 02, 2019"
    assert forms["April 02, 2019"] > SAMPLE_SIZE / 2
    assert all(forms[form] > 0 for form in DATE_FORMS)
    assert 0 < forms[None] < SAMPLE_SIZE / 10  # no date line: the date is only in the URL


def test_years_run_from_2010_to_2025_with_more_recent_articles(sample):
    years = Counter(int(LAYOUT.fullmatch(text)["day"][:4]) for text in sample)

    assert min(years) == 2010 and max(years) == 2025
    assert years[2023] + years[2024] > 2 * (years[2011] + years[2012])


def test_about_half_a_related_link_per_article(sample, links):
    with_links = sum(bool(RELATED.search(text)) for text in sample)

    assert 0.4 < len(links) / SAMPLE_SIZE < 0.6
    assert 0.3 < with_links / SAMPLE_SIZE < 0.55


def test_related_links_point_at_other_articles_in_realistic_variants(sample, links):
    titles = {LAYOUT.fullmatch(text)["title"]: k for k, text in enumerate(sample)}
    lower = {title.lower() for title in titles}
    urls = {LAYOUT.fullmatch(text)["url"] for text in sample}
    exact = [(k, titles[link["title"]]) for k, link in links if link["title"] in titles]
    unknown = [link for _, link in links if link["title"].lower() not in lower]

    assert 0.55 < len(exact) / len(links) < 0.85
    assert all(source != target for source, target in exact)
    assert any(target > source for source, target in exact)  # a link may come before its target
    assert sum(target < source for source, target in exact) > len(exact) / 2
    assert 0.1 < len(unknown) / len(links) < 0.3  # not in the corpus, or with a typo
    assert any(link["title"] not in titles and link["title"].lower() in lower for _, link in links)
    assert any(link["href"] in urls for _, link in links)


def test_some_paragraphs_are_split_mid_sentence(sample):
    split = [text for text in sample if re.search(r"[a-z]\n\n[a-z]", text)]

    assert 0 < len(split) < SAMPLE_SIZE / 20


def test_common_places_are_frequent_and_small_states_rare(sample):
    def articles_naming(name: str) -> int:
        return sum(name in text for text in sample)

    assert articles_naming("Russia") > SAMPLE_SIZE / 2
    assert articles_naming("Ukraine") > 5 * articles_naming("Tuvalu")


@pytest.mark.parametrize("k", range(0, 4000, 400))
def test_every_template_fills_in(k):
    cast = corpus.headline(0, k).cast
    for template in (*vocab.TITLES, *vocab.LEADS, *vocab.BODY):
        text = template.format_map(cast)
        assert "{" not in text and "}" not in text, template


@settings(max_examples=150)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(0, 10**6), extra=st.integers(1, 10**6))
def test_any_article_of_any_corpus_is_laid_out_like_the_seeds(seed, k, extra):
    text = corpus.render(seed, k, k + extra)

    assert LAYOUT.fullmatch(text)
    assert text == corpus.render(seed, k, k + extra)

"""The tagger against an editor on 50 labelled articles: countries must be right."""

from __future__ import annotations

from tests.topics.labelled import FIXTURES, evaluate, labels, table


def test_the_labelled_set_is_big_and_varied():
    expected = labels()
    assert len(expected) >= 40
    assert all((FIXTURES / name).is_file() for name in expected)
    countries = {slug for slugs in expected.values() for slug in slugs}
    assert len(countries) >= 80


def test_countries_are_tagged_with_high_precision_and_recall(capsys):
    scores = evaluate()
    with capsys.disabled():
        print("\nTagger against the labelled set (micro-averaged over 50 articles):")
        print(table(scores))
    countries = scores["country"]
    assert countries.precision >= 0.95, countries.extra
    assert countries.recall >= 0.90, countries.missed

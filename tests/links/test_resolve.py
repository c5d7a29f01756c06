"""Each resolution step on pairs of articles, in both orders of arrival."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import db
from app.models import Article, RelatedLink
from tests.conftest import SEEDS
from tests.links.helpers import links, story

TARGET = "Russia Dismisses Speculation About Its 'Specialists' in Venezuela"
TARGET_URL = "https://www.themoscowtimes.com/2019/03/29/russia-dismisses-speculation-a65020"

# (how the citing article writes the link, the step that must resolve it)
VARIANTS = {
    "same title": ((TARGET, "#"), "title"),
    "case": (("RUSSIA DISMISSES speculation about its 'specialists' in venezuela", "#"), "title"),
    "curly quotes": (
        ("Russia Dismisses Speculation About Its \u2018Specialists\u2019 in Venezuela", "#"),
        "title",
    ),
    "double quotes and a dash": (
        ('Russia Dismisses Speculation \u2014 About Its "Specialists" in Venezuela', "#"),
        "title",
    ),
    "spacing and punctuation": (
        ("Russia  Dismisses Speculation About Its Specialists in Venezuela.", "#"),
        "title",
    ),
    "url form": (
        (
            "Specialists",
            "http://themoscowtimes.com/2019/03/29/russia-dismisses-speculation-a65020/?utm_source=x",
        ),
        "url",
    ),
    "typo": (("Russia Dismisses Speculaiton About Its 'Specialists' in Venezuela", "#"), "fuzzy"),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("target_first", [True, False], ids=["target first", "citing first"])
def test_each_step_resolves_in_either_order(app, ingest, tmp_path, variant, target_first):
    cited, step = VARIANTS[variant]
    target = story(tmp_path / "t", "target.txt", TARGET, TARGET_URL, day="March 29, 2019")
    citing = story(tmp_path / "c", "citing.txt", "Citing", "https://x.org/citing", [cited])
    first, second = (target, citing) if target_first else (citing, target)
    ingest(first)
    ingest(second)
    assert links(app) == [(TARGET, step)]


def test_a_typo_in_a_british_spelling_resolves(app, ingest, tmp_path):
    title = "Russia Says It Has Opened Defence Liaison Office in Norway"
    story(tmp_path, "target.txt", title, "https://x.org/t")
    cited = title.replace("Defence", "Defeence")  # a typo of "defence", not of "defense"
    story(tmp_path, "citing.txt", "Citing", "https://x.org/c", [(cited, "#")])
    ingest(tmp_path)
    assert links(app) == [(title, "fuzzy")]


def test_a_spelling_variant_resolves_to_the_seed(app, ingest, seeded, tmp_path):
    cited = "Russia Says It Has Opened Helicopter Training Centre in Venezuela"
    ingest(story(tmp_path, "citing.txt", "Citing", "https://x.org/c", [(cited, "#")]))
    seed_title = cited.replace("Centre", "Center")
    assert (seed_title, "spelling") in links(app)


def test_a_spelling_variant_cited_before_the_seed_arrives(app, ingest, tmp_path):
    cited = "Russia Says It Has Opened Helicopter Training Centre in Venezuela"
    ingest(story(tmp_path, "citing.txt", "Citing", "https://x.org/c", [(cited, "#")]))
    assert links(app) == [(None, None)]
    ingest(SEEDS)
    assert (cited.replace("Centre", "Center"), "spelling") in links(app)


@pytest.mark.parametrize(
    "near_miss",
    [
        "Russia Dismisses Speculation About Its 'Specialists' in Venezuelan",
        "Russia Dismisses Speculation About Its 'Advisers' in Venezuela",
        "Russia Dismisses Speculation About Its 'Specialists' in Venezuela Again",
        "Russia Dismisses Speculation About Its 'Specialists' in Cuba",
        "Russia Dismisses Speculation",
    ],
)
def test_a_near_miss_title_does_not_resolve(app, ingest, tmp_path, near_miss):
    story(tmp_path, "target.txt", TARGET, TARGET_URL)
    story(tmp_path, "citing.txt", "Citing", "https://x.org/c", [(near_miss, "#")])
    ingest(tmp_path)
    assert links(app) == [(None, None)]


def test_a_link_never_resolves_to_the_citing_article(app, ingest, tmp_path):
    ingest(story(tmp_path, "self.txt", TARGET, TARGET_URL, [(TARGET, TARGET_URL)]))
    assert links(app) == [(None, None)]


def test_same_title_resolves_to_the_one_nearest_in_date(app, ingest, tmp_path):
    for day, slug in [("March 1, 2019", "a1"), ("June 1, 2020", "a2"), ("March 1, 2023", "a3")]:
        story(tmp_path, f"{slug}.txt", "Weekly Briefing", f"https://x.org/{slug}", day=day)
    story(
        tmp_path,
        "c.txt",
        "Citing",
        "https://x.org/c",
        [("Weekly Briefing", "#")],
        day="July 1, 2020",
    )
    ingest(tmp_path)

    with app.app_context():
        target = db.session().scalar(
            select(Article).join(RelatedLink, RelatedLink.target_id == Article.id)
        )
        assert target.original_url == "https://x.org/a2"


def test_a_later_article_nearer_in_date_takes_the_link(app, ingest, tmp_path):
    citing = [("Weekly Briefing", "#")]
    story(tmp_path / "1", "far.txt", "Weekly Briefing", "https://x.org/far", day="May 1, 2018")
    story(tmp_path / "1", "c.txt", "Citing", "https://x.org/c", citing, day="July 1, 2020")
    ingest(tmp_path / "1")
    story(tmp_path / "2", "near.txt", "Weekly Briefing", "https://x.org/near", day="June 1, 2020")
    story(tmp_path / "2", "farther.txt", "Weekly Briefing", "https://x.org/x", day="May 1, 2016")
    ingest(tmp_path / "2")
    with app.app_context():
        target = db.session().scalar(
            select(Article).join(RelatedLink, RelatedLink.target_id == Article.id)
        )
        assert target.original_url == "https://x.org/near"


def test_a_later_typo_match_nearer_in_date_takes_the_link(app, ingest, tmp_path):
    cited = [("Russia Dismisses Speculaiton About Its 'Specialists' in Venezuela", "#")]
    story(tmp_path / "1", "far.txt", TARGET, "https://x.org/far", day="May 1, 2015")
    story(tmp_path / "1", "c.txt", "Citing", "https://x.org/c", cited, day="July 1, 2020")
    ingest(tmp_path / "1")
    ingest(story(tmp_path / "2", "near.txt", TARGET, "https://x.org/near", day="June 1, 2020"))
    with app.app_context():
        target = db.session().scalar(
            select(Article).join(RelatedLink, RelatedLink.target_id == Article.id)
        )
        assert target.original_url == "https://x.org/near"
    assert links(app) == [(TARGET, "fuzzy")]


def test_an_exact_match_wins_over_a_typo_match_whatever_the_order(app, ingest, tmp_path):
    typo_twin = "Russia Dismisses Speculaiton About Its 'Specialists' in Venezuela"
    story(tmp_path / "1", "twin.txt", typo_twin, "https://x.org/twin")
    story(tmp_path / "1", "citing.txt", "Citing", "https://x.org/c", [(TARGET, "#")])
    ingest(tmp_path / "1")
    assert links(app) == [(typo_twin, "fuzzy")]
    ingest(story(tmp_path / "2", "target.txt", TARGET, TARGET_URL))
    assert links(app) == [(TARGET, "title")]


def test_a_batch_prefers_an_exact_match_that_arrives_after_a_typo_twin(app, ingest, tmp_path):
    typo_twin = "Russia Dismisses Speculaiton About Its 'Specialists' in Venezuela"
    story(tmp_path, "a-citing.txt", "Citing", "https://x.org/c", [(TARGET, "#")])
    story(tmp_path, "b-twin.txt", typo_twin, "https://x.org/twin")
    story(tmp_path, "c-target.txt", TARGET, TARGET_URL)
    ingest(tmp_path)
    assert links(app) == [(TARGET, "title")]


def test_a_url_beats_a_title(app, ingest, tmp_path):
    story(tmp_path / "1", "same-title.txt", TARGET, "https://x.org/same-title")
    story(tmp_path / "1", "citing.txt", "Citing", "https://x.org/c", [(TARGET, TARGET_URL)])
    ingest(tmp_path / "1")
    assert links(app) == [(TARGET, "title")]
    ingest(story(tmp_path / "2", "by-url.txt", "Speculation, Dismissed", TARGET_URL))
    assert links(app) == [("Speculation, Dismissed", "url")]

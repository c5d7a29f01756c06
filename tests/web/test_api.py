"""The JSON API, field for field as DESIGN §4 says, on the two seed articles."""

from __future__ import annotations

import pytest

from tests.conftest import article_text, write


def by_title(client, word: str) -> dict:
    listing = client.get("/api/articles").get_json()
    summary = next(a for a in listing["articles"] if word in a["title"])
    return client.get(f"/api/articles/{summary['id']}").get_json()


def test_seed_000_field_for_field(client, seeded):
    article = by_title(client, "Helicopter")
    assert article["title"] == "Russia Says It Has Opened Helicopter Training Center in Venezuela"
    assert article["published"] == "2019-04-02"
    assert article["byline"] == "Reuters"
    assert article["authors"] == ["Reuters"]
    assert article["source"] == {"slug": "reuters", "name": "Reuters"}
    assert article["publisher"] == {"slug": "the-moscow-times", "name": "The Moscow Times"}
    assert article["photo_credit"] == "Yuri Smityuk / TASS"
    assert len(article["paragraphs"]) == 7
    assert article["paragraphs"][0].startswith("Russia has opened a training center")
    assert article["related"] == [
        {
            "title": "Russia Dismisses Speculation About Its 'Specialists' in Venezuela",
            "href": None,
            "after_paragraph": 3,
            "article_id": None,
        }
    ]
    assert article["original_url"].endswith("training-centre-in-venezuela-a65063")
    assert article["url"] == f"/articles/{article['id']}/" + (
        "russia-says-it-has-opened-helicopter-training-center-in-venezuela"
    )
    assert article["revisions"] == 0 and article["cited_by"] == []
    assert article["word_count"] > 200


def test_seed_004_split_paragraph_is_rejoined(client, seeded):
    article = by_title(client, "Specialists Arrive")
    assert article["published"] == "2019-09-25"
    assert len(article["paragraphs"]) == 9
    assert any(
        "several times already this year to service military equipment" in p
        for p in article["paragraphs"]
    )
    assert [r["after_paragraph"] for r in article["related"]] == [2]
    assert article["photo_credit"] == "Sergei Kiselyov / Moskva News Agency"


def test_list_is_newest_first_and_pages_with_next(client, ingest, tmp_path):
    for day in range(1, 6):
        write(
            tmp_path,
            f"{day}.txt",
            article_text(f"Story {day}", url=f"https://x.org/{day}", date_line=f"May {day}, 2020"),
        )
    ingest(tmp_path)
    seen = []
    url = "/api/articles?per_page=2"
    while url:
        page = client.get(url).get_json()
        assert page["total"] == 5
        seen += [a["title"] for a in page["articles"]]
        url = page["next"]
    assert seen == [f"Story {d}" for d in range(5, 0, -1)]


def test_list_summary_shape(client, seeded):
    summary = client.get("/api/articles").get_json()["articles"][0]
    assert set(summary) == {"id", "url", "title", "published", "source", "topics", "lead"}
    assert summary["published"] == "2019-09-25" and summary["source"] == "reuters"


def test_filters_by_date_and_source(client, seeded):
    assert client.get("/api/articles?from=2019-05&to=2019").get_json()["total"] == 1
    assert client.get("/api/articles?from=April 2019&to=2019-04-02").get_json()["total"] == 1
    assert client.get("/api/articles?source=reuters").get_json()["total"] == 2
    assert client.get("/api/articles?source=the-moscow-times").get_json()["total"] == 2
    assert client.get("/api/articles?source=nobody").get_json()["total"] == 0


def test_dates_that_exclude_each_other_are_explained_as_search_does(client, seeded):
    body = client.get("/api/articles?from=2020&to=2019").get_json()
    assert body["total"] == 0 and body["articles"] == []
    assert body["notes"] == [
        "no day is both on or after 1 January 2020 and on or before 31 December 2019"
    ]
    assert client.get("/api/search?from=2020&to=2019").get_json()["notes"] == body["notes"]
    assert client.get("/api/articles?from=2019&to=2020").get_json()["notes"] == []


def test_a_source_or_topic_may_be_named_as_search_accepts(client, seeded):
    by_slug = client.get("/api/articles?source=the-moscow-times&topic=venezuela").get_json()
    by_name = client.get("/api/articles?source=The Moscow Times&topic=Venezuela").get_json()
    assert by_name["total"] == by_slug["total"] == 2
    assert by_name["articles"] == by_slug["articles"]
    page = client.get("/articles?source=The%20Moscow%20Times")
    assert page.status_code == 200 and "Helicopter" in page.get_data(as_text=True)


@pytest.mark.parametrize("name", ["topic", "source"])
def test_a_second_topic_or_source_is_refused_not_dropped(client, seeded, name):
    response = client.get(f"/api/articles?{name}=venezuela&{name}=Russia")
    assert response.status_code == 400
    assert response.get_json()["error"] == (
        f"give one {name}; search takes several: /search?{name}=venezuela&{name}=russia"
    )
    page = client.get(f"/articles?{name}=venezuela&{name}=russia")
    assert page.status_code == 400
    assert f"/search?{name}=venezuela&amp;{name}=russia" in page.get_data(as_text=True)
    # The same one twice, or an empty second, is one.
    same = client.get(f"/api/articles?{name}=venezuela&{name}=Venezuela&{name}=")
    assert same.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "per_page=0",
        "per_page=abc",
        "per_page=100000",
        "per_page=%C2%B2",  # '²' passes str.isdigit() but not int()
        "from=2019-13",
        "to=someday",
        "after=zzz",
    ],
)
def test_bad_parameters_answer_400_with_a_reason(client, seeded, query):
    response = client.get(f"/api/articles?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]


def test_unknown_article_is_a_json_404(client, seeded):
    response = client.get("/api/articles/999999")
    assert response.status_code == 404 and "error" in response.get_json()


def test_json_is_utf8_in_the_documented_key_order(client, ingest, tmp_path):
    write(tmp_path, "a.txt", article_text("Talks in Cúcuta", url="https://example.org/c"))
    ingest(tmp_path)
    response = client.get("/api/articles")
    assert response.mimetype == "application/json" and response.data.endswith(b"}\n")
    assert "Talks in Cúcuta".encode() in response.data  # not escaped as \u00fa
    assert list(response.get_json()) == ["total", "articles", "next", "notes"]
    assert list(response.get_json()["articles"][0])[:3] == ["id", "url", "title"]

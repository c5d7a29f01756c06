"""Whatever a person types answers 200 with the best reading of it, on the page and in JSON."""

from __future__ import annotations

import pytest

HOSTILE = [
    '"',
    '"""',
    '"unclosed phrase',
    'closed phrase"',
    "(",
    ")",
    "((((russia",
    "russia))))",
    "(russia OR) AND (",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "russia AND",
    "OR russia OR",
    "NOT NOT NOT russia",
    "NEAR(russia venezuela, 2)",
    "russia NEAR venezuela",
    "russia NEAR/2 venezuela",
    "title:",
    "title:title:title:",
    "title:(russia OR",
    "source:",
    'topic:""',
    "source:!!!",
    "on:",
    "after:someday",
    "before:0000",
    "on:2019-13-45",
    "after:9999-12-31 before:0001",
    "on:99999999999999999999",
    "{title body_text}: russia",
    "body_text: russia",
    "article_fts: russia",
    "russia^ ^",
    "col:val +x",
    "*",
    "***",
    "a*",
    "*russia",
    "-",
    "--",
    "-russia",
    "- - -",
    "'; DROP TABLE article; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "russia'); DELETE FROM article_fts; --",
    "UNION SELECT * FROM article",
    "%",
    "%%%%",
    "_",
    "\\",
    '\\\\"\\',
    "\x00",
    "russia\x00venezuela",
    "\x00\x01\x02\x03\x1f",
    "\x02mark\x03",
    "🚁🇷🇺🔥",
    "helicopter 🚁",
    "روسيا فنزويلا",
    "שלום עולם",
    "\u202eaissur\u202c",
    "\u200b\u200c\u200d\ufeff",
    "Ｒｕｓｓｉａ",
    "Cu\u0301cuta",
    "ß ﬁ Ⅻ ①",
    "𝔯𝔲𝔰𝔰𝔦𝔞",
    "<script>alert(1)</script>",
    "<mark>russia</mark>",
    "&lt;b&gt; &amp; &#0;",
    "{{ 7*7 }} {% raw %}",
    "${jndi:ldap://x}",
    "russia " * 2000,
    "x" * 10_000,
    '"' * 5000,
    "(" * 5000,
    "-" * 5000,
    "title:" * 2000,
    "a OR " * 1000,
    " ".join(f"word{i}" for i in range(500)),
    "on:April on:2019 on:2",
    "after:2019 after:2018 before:2017",
    "\t\n\r\v\f",
]


def test_there_are_at_least_forty(archive):
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_query_on_the_page(client, archive, q):
    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    if "<" in q:
        assert q not in page  # what was typed is shown escaped, never as markup


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_query_in_json(client, archive, q):
    response = client.get("/api/search", query_string={"q": q, "sort": "newest"})
    assert response.status_code == 200
    body = response.get_json()
    assert isinstance(body["total"], int) and isinstance(body["results"], list)
    assert isinstance(body["query"], str)


@pytest.mark.parametrize("q", HOSTILE[:20])
def test_hostile_query_as_a_feed(client, archive, q):
    assert client.get("/search/feed.atom", query_string={"q": q}).status_code == 200


def test_the_archive_survives_them(client, archive):
    for q in HOSTILE:
        client.get("/api/search", query_string={"q": q})
    assert client.get("/api/search?q=helicopter").get_json()["total"] == 2


def test_raw_percent_encoded_bytes(client, archive):
    for raw in ("%00", "%FF%FE", "%ED%A0%80", "%C0%AF", "%22%28NEAR%28", "%E2%80%AE"):
        assert client.get(f"/search?q={raw}").status_code == 200
        assert client.get(f"/api/search?q={raw}").status_code == 200


@pytest.mark.parametrize("page", ["0", "-1", "²", "٣", "1e3", "99999"])
def test_a_page_number_out_of_reach_answers_400_with_a_reason(client, archive, page):
    response = client.get("/api/search", query_string={"q": "helicopter", "page": page})
    assert response.status_code == 400
    assert "page must be a whole number" in response.get_json()["error"]

"""HTTP as clients use it: error answers keep their headers, feeds answer conditional requests,
and the production server takes the longest search the form allows."""

from __future__ import annotations

import os
import urllib.parse
import urllib.request

from tests.conftest import SEEDS
from tests.test_commands import run, serving


def test_a_wrong_method_says_which_methods_are_allowed(client):
    for path in ("/articles", "/api/articles"):
        answer = client.post(path)
        assert answer.status_code == 405
        assert "GET" in answer.headers["Allow"]
    assert client.post("/api/articles").get_json()["error"]


def test_a_feed_reader_polling_an_unchanged_feed_gets_not_modified(client, seeded):
    first = client.get("/feed.atom")
    assert first.status_code == 200 and first.headers["ETag"] and first.headers["Last-Modified"]
    again = client.get("/feed.atom", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get("/feed.atom", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    other = client.get("/feed.atom", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == first.data


def test_the_server_answers_the_longest_search_the_form_allows(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.db'}"}
    assert run("db", "upgrade", env=env).returncode == 0
    assert run("ingest", str(SEEDS), env=env).returncode == 0
    words = urllib.parse.quote("Россия " * 142 + "Россия")  # 1,000 characters, 6,000 encoded
    with serving(env) as address, urllib.request.urlopen(f"{address}/search?q={words}") as got:
        assert got.status == 200


def test_a_saved_search_feed_also_answers_not_modified(client, seeded):
    first = client.get("/search/feed.atom?q=helicopters")
    assert first.status_code == 200 and b"<entry>" in first.data
    again = client.get(
        "/search/feed.atom?q=helicopters", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304

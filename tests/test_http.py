"""HTTP as clients use it: error answers keep their headers, feeds answer conditional requests,
and the production server takes the longest search the form allows."""

from __future__ import annotations

import gzip
import os
import re
import urllib.parse
import urllib.request

import pytest

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


GZIP = {"Accept-Encoding": "gzip"}


@pytest.mark.parametrize(
    "path", ["/", "/articles", "/api/articles", "/feed.atom", "/topics", "/search?q=venezuela"]
)
def test_text_answers_are_gzipped_for_a_client_that_accepts_it(client, seeded, path):
    plain = client.get(path)
    packed = client.get(path, headers=GZIP)
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data)
    assert "Content-Encoding" not in plain.headers


def test_a_gzipped_feed_still_answers_not_modified(client, seeded):
    first = client.get("/feed.atom", headers=GZIP)
    again = client.get("/feed.atom", headers={**GZIP, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    plain = client.get("/feed.atom")  # the gzipped copy has an ETag of its own
    assert plain.headers["ETag"] != first.headers["ETag"]


def test_pages_ask_for_static_files_by_version_and_browsers_keep_those_a_year(client, seeded):
    page = client.get("/").get_data(as_text=True)
    addresses = re.findall(r'"(/static/[^"]+)"', page)
    assert {a.split("?")[0] for a in addresses} >= {"/static/style.css", "/static/reader.js"}
    for address in addresses:
        assert re.search(r"\?v=[0-9a-f]{10}$", address)
        with client.get(address) as kept:
            assert kept.status_code == 200
            assert kept.cache_control.max_age == 365 * 24 * 3600 and kept.cache_control.immutable
        with client.get(address, headers={"If-None-Match": kept.headers["ETag"]}) as again:
            assert again.status_code == 304 and again.cache_control.max_age == 365 * 24 * 3600
    with client.get("/static/style.css?v=stale") as stale:  # an old page's address
        assert stale.cache_control.no_cache and not stale.cache_control.max_age

"""A search's links: its address with a parameter changed, the others kept in their places."""

from __future__ import annotations

import re
from html import unescape

import pytest

from app.web.search import Links

PAIRS = [
    {},
    {"q": "q=second"},
    {"q": "q=second", "source": "source=afp", "sort": "sort=newest"},
]


@pytest.mark.parametrize("pairs", PAIRS)
@pytest.mark.parametrize(
    "name, value",
    [("source", "reuters"), ("sort", "oldest"), ("topic", "war & peace"), ("q", ""), ("page", 2)],
)
def test_one_parameter_set_gives_the_address_a_change_gives(pairs, name, value):
    links = Links("/search", pairs)
    assert links.to(name, value) == links(**{name: value})
    assert links.to(name, value) == links.to(name, value)  # and again, from what it kept


def test_a_result_links_its_source_with_the_other_parameters_in_place(client, archive):
    page = client.get("/search?q=second&source=AFP&sort=newest").get_data(as_text=True)
    assert [unescape(href) for href in re.findall(r'href="([^"]+)" title="Search only', page)] == [
        "/search?q=second&source=afp&sort=newest"
    ]
    page = client.get("/search?q=kremlin&page=1").get_data(as_text=True)
    assert 'href="/search?q=kremlin&amp;source=reuters" title="Search only Reuters"' in page

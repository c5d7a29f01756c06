"""Every answer carries headers that keep it to our own origin and out of frames."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "url", ["/", "/articles", "/nowhere", "/articles?after=x", "/static/style.css", "/api/articles",
            "/feed.atom", "/healthz"],
)  # fmt: skip
def test_security_headers_on_every_answer(client, url):
    with client.get(url) as response:
        headers = response.headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_hold_no_inline_script_or_style(client, seeded):
    for url in ("/", "/articles", "/archive", "/sources", "/nowhere"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and "style=" not in html and "<style" not in html
        assert " on" + "click=" not in html

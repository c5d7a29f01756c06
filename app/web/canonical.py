"""One address per page: ids and years in ASCII digits, near-miss addresses redirected."""

from __future__ import annotations

import re
from urllib.parse import unquote

from flask import Flask, current_app, redirect, request, url_for
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import IntegerConverter

# /archive/2019/4 names the month /archive/2019/04 does.
_UNPADDED_MONTH = re.compile(r"(/archive/[0-9]{4})/([1-9])")


class AsciiInteger(IntegerConverter):
    """`int` in routes, ASCII digits only: Python's \\d and int() also take '٧' or '७',
    which made a second address for every article and year."""

    regex = r"[0-9]+"


def candidates(path: str) -> list[str]:
    """The canonical forms an unknown path may be a near miss of, best first."""
    found = []
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
        found.append(path)
    padded = _UNPADDED_MONTH.fullmatch(path)
    if padded:
        found.append(f"{padded[1]}/0{padded[2]}")
    return found


def redirect_near_miss():
    """Send an address to the page it nearly names (308, query kept): a slug in capitals
    (slugs are lower case), or a path no route matched with a trailing slash or month
    unpadded."""
    if request.method not in ("GET", "HEAD"):
        return None
    slug = (request.view_args or {}).get("slug")
    if isinstance(slug, str) and slug != slug.lower():
        return _to(
            url_for(request.endpoint or "", **{**(request.view_args or {}), "slug": slug.lower()})
        )
    numbered = _numbered_canonically(request.view_args or {})
    if numbered:
        return _to(numbered)
    if not isinstance(request.routing_exception, NotFound):
        return None
    adapter = current_app.url_map.bind("")
    for path in reversed(candidates(request.path)):  # the most corrected first
        try:
            adapter.match(path, method=request.method)
        except HTTPException:  # not found there either
            continue
        return _to(path)
    return None


def _numbered_canonically(args: dict) -> str | None:
    """The address with its numbers written plainly, if they were not: /api/articles/0107
    names article 107, as /articles/0107 does, and is sent to the one address of each."""
    if "/0" not in request.path or not any(isinstance(v, int) for v in args.values()):
        return None  # a leading zero is rare: most requests skip building the address
    canonical = url_for(request.endpoint or "", **args)
    return canonical if unquote(canonical) != request.path else None


def _to(path: str):
    query = request.query_string.decode("latin-1")
    return redirect(path + (f"?{query}" if query else ""), 308)


def init_app(app: Flask) -> None:
    """Before any route is added: the converter is read as each route is compiled."""
    app.url_map.converters["int"] = AsciiInteger
    app.before_request(redirect_near_miss)

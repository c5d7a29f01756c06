"""Real Chromium driven by Playwright against the app served on a free port.

Chromium comes from the system (CHROMIUM_PATH, default /usr/bin/chromium) and axe-core from
npm (`make install-test` runs `npm ci`). Where either is missing the tests skip with the
reason, except under FOREIGN_DESK_REQUIRE_BROWSER=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound
from werkzeug.serving import make_server

from app import create_app, db
from app.migrate import upgrade
from app.models import Article
from tests.conftest import SEEDS, article_text, write

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("FOREIGN_DESK_REQUIRE_BROWSER") == "1"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# The related article seed 000 names, so its link resolves in the browser tests.
TARGET_TITLE = "Russia Dismisses Speculation About Its 'Specialists' in Venezuela"
REVISED_TITLE = "Filler story 1"  # changed after it was archived
OUTSIDE_LINK = "https://www.un.org/en/"  # in the target's text, with a link inside the site


def need(present: bool, what: str) -> None:
    """Skip without a prerequisite, or fail when CI requires the browser tests to run."""
    if present:
        return
    if REQUIRED:
        pytest.fail(f"{what}, and FOREIGN_DESK_REQUIRE_BROWSER=1 says browser tests must run")
    pytest.skip(what)


def _fill(app, folder: Path) -> None:
    """The seeds, the article seed 000 cites, 45 more to page through, and some topics."""
    write(
        folder,
        "target.txt",
        article_text(
            TARGET_TITLE,
            url="https://x.org/specialists",
            date_line="March 28, 2019",
            body=f"The statement is on [the UN site]({OUTSIDE_LINK}), as [one](/archive) said.",
        ),
    )
    for k in range(1, 46):
        day = f"2019-0{1 + k % 3}-{1 + k % 27:02d}"
        write(
            folder,
            f"fill-{k:02d}.txt",
            article_text(f"Filler story {k}", url=f"https://x.org/{k}", date_line=day),
        )
    runner = app.test_cli_runner()
    for path in (SEEDS, folder):
        result = runner.invoke(args=["ingest", "--json", str(path)])
        assert result.exit_code == 0, result.output
    # A changed copy of one filler: it gains an earlier version, for the versions pages.
    changed = article_text(
        REVISED_TITLE,
        url="https://x.org/1",
        date_line="2019-02-02",
        body="A paragraph about foreign affairs, revised.",
    )
    result = runner.invoke(args=["ingest", "--json", str(write(folder, "fill-01.txt", changed))])
    assert result.exit_code == 0, result.output


@dataclass
class Site:
    url: str
    app: Flask

    def has_route(self, path: str) -> bool:
        """Whether some view answers this path (the search and topics pages arrive later)."""
        adapter = self.app.url_map.bind("localhost")
        try:
            adapter.match(path)
        except NotFound:
            return False
        return True

    def article_url(self, title: str) -> str:
        with self.app.app_context():
            found = db.session().query(Article).filter(Article.title == title).one()
            return self.url + found.url


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[Site]:
    """The app, served by a real HTTP server thread over a temp SQLite file."""
    folder = tmp_path_factory.mktemp("site")
    url = f"sqlite:///{folder / 'archive.db'}"
    upgrade(url)
    app = create_app({"DATABASE_URL": url})
    _fill(app, folder / "articles")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(f"http://127.0.0.1:{server.server_port}", app)
    server.shutdown()
    thread.join()
    server.server_close()
    app.extensions["engine"].dispose()


@pytest.fixture(scope="session")
def browser():
    need(
        CHROMIUM.exists(),
        f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_source() -> str:
    need(AXE.exists(), f"no axe-core at {AXE} (run `make install-test`, which runs `npm ci`)")
    return AXE.read_text(encoding="utf-8")

"""The hostile fixture set in a real browser: no author text runs, redirects or calls out.

tests/fixtures/hostile/escaped/ holds a brand file, own pages and a scan whose
every text tries to become a script, a refresh or an event handler. Built as
a site and visited page by page, nothing may run: the document title stays
the page's own, no dialog opens, the visitor stays on the site (the
``context`` fixture also fails on any request that leaves 127.0.0.1).
"""
from __future__ import annotations

import pytest

from support import FIXTURES
from scanflow import fill, show_result

from conftest import Served

HOSTILE_BRAND = FIXTURES / "hostile" / "escaped" / "brand.yml"
SCAN_TITLE = "Teamfase: hoe staan we ervoor? {hidden} [x] #1 <script>document.title='PWNED'</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    served = Served(tmp_path_factory.mktemp("hostile") / "site", brand_file=HOSTILE_BRAND)
    yield served
    served.server.shutdown()
    served.server.server_close()


def pages_of(served) -> list[str]:
    return sorted(p.relative_to(served.dir).as_posix()[: -len("index.html")]
                  for p in served.dir.rglob("index.html") if not p.relative_to(served.dir).as_posix().startswith("pyodide"))


def test_no_page_of_the_hostile_site_runs_author_text(context, page, hostile_site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = 0
    for path in pages_of(hostile_site):
        page.goto(hostile_site(path), wait_until="load")
        page.wait_for_timeout(100)  # a zero-second refresh or a late handler would have fired by now
        assert page.url.startswith(hostile_site.url), path
        assert page.evaluate("document.title") != "PWNED", path
        visited += 1
    assert visited >= 40
    assert dialogs == []
    assert not [e for e in context.recorder.errors if "Content Security Policy" in e], context.recorder.errors


def test_the_hostile_scan_shows_its_title_and_labels_as_text_and_scores_normally(page, hostile_site):
    page.goto(hostile_site("scans/vijandig/"))
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == SCAN_TITLE
    assert page.locator(".sw-option span").first.inner_text() == \
        "Oneens <img src=x onerror=\"document.title='PWNED'\">"
    fill(page, {"een": 3, "twee": 3, "drie": 2})
    show_result(page)
    result = page.locator("[data-sw-result]")
    assert "Samen \"><script>document.title='PWNED'</script>" in result.inner_text()
    assert page.evaluate("document.title") != "PWNED"
    assert page.locator("[data-sw-result] script").count() == 0

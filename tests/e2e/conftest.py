"""End-to-end fixtures: the real built site, served on 127.0.0.1, in a real Chromium.

The site is built once per test session into a temp folder with the same
``build_site`` the command uses. Every page a test opens records its requests,
and every test fails if one of them left 127.0.0.1.
"""
from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from builder.serve import make_server
from builder.site import Project, build_site
from support import BROWSER_ARGS, ROOT, find_browser

class Served:
    """A built site on a local port. The server starts first so the build can know its address:
    mkdocs-material's instant navigation only works when ``site_url`` is the address it is served at."""

    def __init__(self, folder: Path, prefix: str = "/", **project):
        self.dir = folder
        self.server = make_server(folder, port=0, prefix=prefix)
        self.url = f"http://127.0.0.1:{self.server.server_port}{prefix}"
        build_site(Project(root=ROOT, site_url=self.url, **project), folder, log=lambda line: None)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def __call__(self, path: str = "") -> str:
        return self.url + path.lstrip("/")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    served = Served(tmp_path_factory.mktemp("site") / "site")
    yield served
    served.server.shutdown()
    served.server.server_close()


@pytest.fixture(scope="session")
def built_site(site) -> Path:
    return site.dir


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = find_browser()
        launched = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS) if executable \
            else playwright.chromium.launch(args=BROWSER_ARGS)
        yield launched
        launched.close()


class Recorder:
    """Every request and every console error of a browser context."""

    def __init__(self, context):
        self.requests: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        context.on("weberror", lambda error: self.errors.append(str(error.error)))

    def external(self) -> list[str]:
        return [u for u in self.requests
                if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def context(browser):
    # Service workers are kept out of the ordinary tests (they would answer from their cache);
    # tests/e2e/test_offline.py tests them on their own.
    context = browser.new_context(service_workers="block")
    context.recorder = Recorder(context)
    yield context
    external = context.recorder.external()
    context.close()
    assert external == [], f"requests left 127.0.0.1: {external}"


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(30000)
    return page

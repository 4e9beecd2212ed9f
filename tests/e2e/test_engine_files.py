"""The engine's runtime files in the browser (issue 16): all that is shipped is used, the wasm comes once.

- A scan page fetches exactly the files in site/pyodide/ and site/assets/engine/:
  no python_stdlib.zip, no pyodide-lock.json (given inline), nothing shipped unused.
- With the service worker on, two visits in one profile make the server send the
  9.6 MB wasm once, and Chromium keeps the compiled code in its cache.
"""
import threading
from pathlib import Path
from urllib.parse import urlsplit

from builder.serve import SiteHandler, _QuietServer
from support import BROWSER_ARGS, find_browser

READY = "() => document.querySelector('#sw-form')?.dataset.swEngine === 'ready'"


def runtime_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for folder in ("pyodide", "assets/engine")
            for p in (site / folder).iterdir() if p.is_file()}


def test_a_scan_page_fetches_every_runtime_file_and_nothing_else(page, site, built_site):
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page.goto(site("scans/teamfase/"))
    page.wait_for_function(READY, timeout=60000)
    page.wait_for_load_state("networkidle")
    used = {p.lstrip("/") for p in fetched if p.startswith(("/pyodide/", "/assets/engine/"))}
    assert used == runtime_files(built_site)
    assert not any(name in p for p in fetched for name in ("python_stdlib.zip", "pyodide-lock.json"))
    assert sum(p.endswith(".wasm") for p in fetched) == 1


def test_with_the_service_worker_two_visits_send_the_wasm_once(browser, built_site, tmp_path):
    sent = []

    class Logging(SiteHandler):
        def log_request(self, code="-", size="-"):
            sent.append((urlsplit(self.path).path, str(code)))

    server = _QuietServer(("127.0.0.1", 0),
                          lambda *a, **k: Logging(*a, directory=str(built_site), prefix="/", quiet=True, **k))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/scans/teamfase/"
    try:
        # a persistent profile: Playwright's ordinary contexts never keep the wasm in the HTTP cache
        executable = find_browser()
        options = {"args": BROWSER_ARGS, "service_workers": "allow",
                   **({"executable_path": executable} if executable else {})}
        context = browser.browser_type.launch_persistent_context(str(tmp_path / "profile"), **options)
        page = context.pages[0] if context.pages else context.new_page()
        for _ in range(2):
            page.goto(url)
            page.wait_for_function(READY, timeout=60000)
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
            page.wait_for_load_state("networkidle")
        # Chromium writes the compiled code once enough of it has been optimised, a moment after
        # the start (V8's caching threshold): wait for it with the page open, as a visitor would stay
        code_cache = tmp_path / "profile" / "Default" / "Code Cache" / "wasm"
        cached = 0
        for _ in range(60):
            cached = sum(f.stat().st_size for f in code_cache.rglob("*") if f.is_file())
            if cached > 500_000:
                break
            page.wait_for_timeout(500)
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    wasm = [code for path, code in sent if path.endswith("/pyodide.asm.wasm")]
    assert wasm.count("200") == 1, wasm  # later requests are revalidations (304) at most
    assert cached > 500_000

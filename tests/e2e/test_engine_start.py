"""How a scan page starts (issue 16): one worker from the head, the search index after the engine.

- engine-start.js (a classic script in the head) makes the worker while the page
  is still coming in; the page's own engine-client.js takes that worker over, so
  there is exactly one, and the progress it reported meanwhile is not lost; and
  Pyodide's files are fetched only after the page's own scripts (the go-ahead).
- search-later.js holds mkdocs-material's search index back on pages that start
  the engine, until the engine is ready or someone opens the search; guide pages
  load it at once as before, and the search works everywhere.
"""
import re
from urllib.parse import urlsplit

READY = "() => document.querySelector('#sw-form')?.dataset.swEngine === 'ready'"

# Counts the engine workers a page makes, and notes when the engine said ready (page time).
WATCH = """(() => {
  const Native = window.Worker;
  window.__engineWorkers = 0;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (String(url).includes("engine-worker.js")) {
        window.__engineWorkers += 1;
        this.addEventListener("message", (event) => {
          if (event.data && event.data.type === "engine:ready") window.__engineReadyAt = performance.now();
        });
      }
    }
  };
})();"""

INDEX_REQUESTED_AT = """() => {
  const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/search/search_index.json"));
  return entry ? entry.startTime : null;
}"""


def search(page, words: str) -> int:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("input.md-search__input").click()
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    return page.locator(".md-search-result__item").count()


def test_the_scan_page_starts_one_worker_from_the_head_and_the_page_takes_it_over(page, site, context):
    context.add_init_script(WATCH)
    page.goto(site("scans/teamfase/"))
    page.wait_for_function(READY, timeout=60000)
    assert page.evaluate("window.__engineWorkers") == 1
    assert page.evaluate("window.__supportwijzerEarlyEngine") is None  # taken over, not left lying around
    # Pyodide's files came only after the page's own scripts had arrived (the go-ahead, START)
    timing = page.evaluate("""() => {
      const entries = performance.getEntriesByType("resource");
      const end = (name) => Math.max(...entries.filter((e) => e.name.includes(name)).map((e) => e.responseEnd));
      const start = (name) => Math.min(...entries.filter((e) => e.name.includes(name)).map((e) => e.startTime));
      return { page: end("/assets/js/scan-page.js"), wasm: start("pyodide.asm.wasm") };
    }""")
    assert timing["page"] <= timing["wasm"], timing
    # the page shows what the worker reported before it was taken over: it is ready, with its time
    assert int(page.locator("#sw-form").get_attribute("data-sw-engine-ms")) > 0
    # and it answers: a filled-in scan gives its result
    for fieldset in page.locator("fieldset[data-sw-question]").all():
        fieldset.locator("input[value='4']").check()
    page.click("[data-sw-submit]")
    page.wait_for_selector("[data-result-code]", timeout=30000)
    assert page.evaluate("window.__engineWorkers") == 1
    assert context.recorder.errors == []


def test_the_search_index_waits_for_the_engine_on_a_scan_page(page, site, context):
    context.add_init_script(WATCH)
    page.goto(site("scans/teamfase/"))
    page.wait_for_function(READY, timeout=60000)
    page.wait_for_function(f"() => ({INDEX_REQUESTED_AT})() !== null", timeout=30000)
    assert page.evaluate(INDEX_REQUESTED_AT) >= page.evaluate("window.__engineReadyAt")
    assert search(page, "teamfase") > 0
    assert context.recorder.errors == []


def test_a_guide_page_loads_the_search_index_at_once(page, site, context):
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page.goto(site("werken-vanuit-support/"))
    page.wait_for_function(f"() => ({INDEX_REQUESTED_AT})() !== null", timeout=30000)
    assert not any("engine-worker.js" in p or "/pyodide/" in p for p in fetched)
    assert search(page, "werksoort") > 0


def test_opening_the_search_releases_the_index_where_no_engine_starts(page, site, context):
    # a member's QR code opens the team page: the code is stored without the engine
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page.goto(site("scans/teamfase/team/#code=ABCDEFGHJK&team=Rood"))
    page.wait_for_selector("[data-sw-team-page][data-sw-ready]", state="attached")
    page.wait_for_timeout(1500)
    assert page.evaluate(INDEX_REQUESTED_AT) is None  # held: the engine may still be needed soon
    assert not any("/pyodide/" in p for p in fetched)
    assert search(page, "werksoort") > 0


def test_a_wasm_that_cannot_be_fetched_fails_the_start_at_once(page, site, context):
    # Pyodide only logs a failed wasm download and waits for ever; the worker says so instead
    context.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: route.abort())
    page.goto(site("scans/teamfase/"))
    settled = page.evaluate("""async (base) => {
      const client = await import(new URL("assets/js/engine-client.js", base).href);
      while (!["ready", "failed"].includes(client.engineState().status) && performance.now() < 40000) {
        await new Promise((done) => setTimeout(done, 100));
      }
      return { ...client.engineState(), at: performance.now() };
    }""", site(""))
    assert settled["status"] == "failed" and settled["reason"] == "error", settled
    assert "pyodide.asm.wasm" in settled["message"]
    assert settled["at"] < 15000  # at once, not after the 45 s of silence

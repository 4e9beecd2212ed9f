"""Site figures, measured with Playwright in Chromium against the built site on 127.0.0.1; prints JSON.

- first_question_ms: navigation start until the first answer can be clicked
- pyodide_ready_cold_ms / _warm_ms: navigation start until the engine says ready
  (warm: same persistent browser profile, so the HTTP cache holds the 9.6 MB wasm)
- submit_to_result_ms: click on "Bekijk resultaat" until the result is on screen (engine ready)
- bytes per page: guide page and scan page, the scan page split into Pyodide and the rest;
  raw (this server does not compress) and gzip -6 as a static host would send them
- team_200_codes_to_picture_ms: on the team page (engine ready), 200 pasted codes until the picture shows
- build_s: a full `build_site`
Aims (2 cores): first question < 1 s, result < 300 ms after submit, guide page < 500 KB,
Pyodide ready < 3 s cold and < 2 s warm.
"""
from __future__ import annotations

import gzip
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builder.serve import make_server  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

SCAN = "teamfase"


def page_bytes(site_dir: Path, urls: list[str]) -> dict:
    raw = {"pyodide": 0, "rest": 0}
    packed = {"pyodide": 0, "rest": 0}
    for url in set(urls):
        path = urlsplit(url).path.lstrip("/")
        file = site_dir / path
        if file.is_dir() or path == "" or path.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            continue
        data = file.read_bytes()
        kind = "pyodide" if "/pyodide/" in url or url.endswith(".whl") else "rest"
        raw[kind] += len(data)
        packed[kind] += len(gzip.compress(data, 6))
    return {"raw": raw, "gzip": packed}


def main() -> None:
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    site_dir = scratch / "site"
    server = make_server(site_dir, port=0)
    base = f"http://127.0.0.1:{server.server_port}/"
    started = time.perf_counter()
    build_site(Project(root=ROOT, site_url=base), site_dir, log=lambda line: None)
    build_s = time.perf_counter() - started
    threading.Thread(target=server.serve_forever, daemon=True).start()
    figures = {"bench": "site", "build_s": round(build_s, 2)}

    executable = find_browser()
    with sync_playwright() as playwright:
        def launch(profile):
            options = {"args": BROWSER_ARGS}
            if executable:
                options["executable_path"] = executable
            return playwright.chromium.launch_persistent_context(str(profile), **options)

        # -- guide page bytes ---------------------------------------------------------
        context = launch(scratch / "profile-guide")
        page = context.pages[0] if context.pages else context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base + "werken-vanuit-support/")
        page.wait_for_load_state("networkidle")
        figures["guide_page_bytes"] = page_bytes(site_dir, urls)
        context.close()

        # -- scan page: cold, then warm, several rounds ------------------------------------
        first, cold, warm, submit, worker_cold, worker_warm = [], [], [], [], [], []
        scan_urls: list[str] = []
        for round_ in range(5):
            context = launch(scratch / f"profile-{round_}")
            page = context.pages[0] if context.pages else context.new_page()
            page.on("request", lambda r: scan_urls.append(r.url))
            for temperature in ("cold", "warm"):
                t0 = time.perf_counter()
                page.goto(base + f"scans/{SCAN}/", wait_until="commit")
                page.locator("fieldset[data-sw-question] input").first.click()
                first.append((time.perf_counter() - t0) * 1000)
                page.wait_for_function("() => document.querySelector('#sw-form')?.dataset.swEngine === 'ready'",
                                       timeout=60000, polling=10)
                (cold if temperature == "cold" else warm).append((time.perf_counter() - t0) * 1000)
                (worker_cold if temperature == "cold" else worker_warm).append(
                    int(page.locator("#sw-form").get_attribute("data-sw-engine-ms")))
                for fieldset in page.locator("fieldset[data-sw-question]").all():
                    fieldset.locator("input[value='4']").check()
                t1 = time.perf_counter()
                page.click("[data-sw-submit]")
                page.wait_for_selector("[data-result-code]", timeout=60000)
                submit.append((time.perf_counter() - t1) * 1000)
                page.click("[data-sw-clear]")
            context.close()
        figures["scan_page_bytes"] = page_bytes(site_dir, scan_urls)
        figures["first_question_ms"] = round(statistics.median(first))
        figures["pyodide_ready_cold_ms"] = round(statistics.median(cold))
        figures["pyodide_ready_warm_ms"] = round(statistics.median(warm))
        figures["submit_to_result_ms"] = round(statistics.median(submit))
        figures["worker_start_to_ready_ms"] = {"cold": round(statistics.median(worker_cold)),
                                               "warm": round(statistics.median(worker_warm))}
        figures["pyodide_ready_ms_all"] = {"cold": [round(v) for v in cold], "warm": [round(v) for v in warm]}
        figures["rounds"] = 5

        # -- team page: 200 pasted codes until the team picture is on screen ----------------
        import engine
        from engine.loader import load_assessment
        a = load_assessment(ROOT / "assessments" / f"{SCAN}.yml")
        codes = "\n".join(engine.encode(a, {q.id: (i * 7 + j) % 5 + 1 for j, q in enumerate(a.questions)})
                          for i in range(200))
        context = launch(scratch / "profile-team")
        page = context.pages[0] if context.pages else context.new_page()
        team = []
        for _ in range(3):
            page.goto(base + f"scans/{SCAN}/team/")
            page.evaluate("localStorage.clear()")
            page.goto(base + f"scans/{SCAN}/team/")
            page.fill("[data-sw-codes]", "X")  # a first request waits for the engine to be ready
            page.click("[data-sw-check]")
            page.wait_for_selector("tr[data-sw-line-status]", timeout=60000)
            t0 = time.perf_counter()
            page.fill("[data-sw-codes]", codes)
            page.click("[data-sw-check]")
            page.wait_for_function("() => document.querySelector('[data-sw-team-n]')?.dataset.swTeamN === '200'"
                                   " && document.querySelectorAll('[data-sw-strip]').length > 0", timeout=60000,
                                   polling=5)
            team.append((time.perf_counter() - t0) * 1000)
        context.close()
        figures["team_200_codes_to_picture_ms"] = round(statistics.median(team))
    server.shutdown()
    shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

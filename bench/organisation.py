"""The organisation page at scale (issue 17): 200 team files of one scan, read and drawn in Chromium.

Makes ``--teams`` team result files from real result codes (``engine.encode``, then
``engine.organisation.team_file``; 3-8 members a team, spread over departments), then
measures:

- cpython.overview_ms / per_file_ms: ``engine.organisation.overview`` on all files in CPython;
- page.import_to_drawn_ms: in Chromium on the built site, from the file input's change event
  (the files chosen) until the heatmap with every team is in the page and a frame is painted
  (reading the files, the engine in the worker, drawing); the engine is started and ready first,
  as it is a moment after the page opens;
- page.engine_ms / per_file_ms: the "organisation" request alone, through the worker
  (postMessage, Pyodide, the reply), asked from the page's own engine-client.js;
- page.draw_ms: what the page reports for request plus drawing (``data-sw-org-drawn-ms``).

Each figure is the median of ``--runs`` runs. The aim: import_to_drawn_ms under 2000 for 200
files. Prints one JSON line.

    python bench/organisation.py [--teams 200] [--scan teamfase] [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import engine  # noqa: E402
from builder.serve import make_server  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from engine.loader import load_assessment  # noqa: E402
from engine.organisation import overview, team_file  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

AIM_MS = 2000
DEPARTMENTS = ["Zorg", "Wonen", "Ondersteuning", "Financiën", "ICT", None]


def team_files(assessment, teams: int, seed: int) -> list[dict]:
    """``{"name", "text"}`` per team: a team file made from real codes, as the team page saves it."""
    rng = random.Random(seed)
    scale = assessment.scale
    perspectives = assessment.perspective.ids if assessment.perspective else [None]
    out = []
    for t in range(teams):
        levels = {d.id: rng.randint(scale.min + 1, scale.max - 1) for d in assessment.dimensions}
        codes = []
        for _ in range(rng.randint(3, 8)):
            answers = {}
            for q in assessment.questions:
                value = min(scale.max, max(scale.min, levels[q.dimension] + rng.choice((-1, 0, 0, 1))))
                answers[q.id] = scale.min + scale.max - value if q.reverse else value
            codes.append(engine.encode(assessment, answers, perspectives[t % len(perspectives)]))
        data = team_file(assessment, codes, f"Team {t + 1}", DEPARTMENTS[t % len(DEPARTMENTS)], "Voorjaar", "2027-03-14")
        out.append({"name": f"team-{t + 1}.json", "text": json.dumps(data, ensure_ascii=False, indent=2)})
    return out


# Set up in the page before the files are chosen: the moment of the change event, and the first
# frame after the heatmap holds every team.
WATCH = """(teams) => {
  window.__orgStart = null; window.__orgDrawn = null;
  document.addEventListener("change", () => { window.__orgStart = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll("tr[data-sw-org-team]").length !== teams) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__orgDrawn = performance.now(); }, 0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
}"""

ENGINE_READY = """async () => {
  const client = await import(new URL("assets/js/engine-client.js", document.baseURI.replace(/scans\\/.*$/, "")).href);
  return client.engineState().status;
}"""

# The request alone, from the page's own engine client (the same module instance as the page's).
ASK = """async ([files]) => {
  const client = await import(new URL("assets/js/engine-client.js", document.baseURI.replace(/scans\\/.*$/, "")).href);
  const definition = document.querySelector("[data-sw-org-page]").dataset.swDefinition;
  const start = performance.now();
  const reply = await client.ask("organisation", definition, { files });
  return [performance.now() - start, reply.teams.length];
}"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--scan", default="teamfase")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    assessment = load_assessment(ROOT / "assessments" / f"{args.scan}.yml")
    files = team_files(assessment, args.teams, args.seed)
    cpython = []
    for _ in range(max(3, args.runs)):
        start = time.perf_counter()
        result = overview(assessment, files)
        cpython.append((time.perf_counter() - start) * 1000)
    assert len(result["teams"]) == args.teams, "every team file must be accepted"

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "files"
        folder.mkdir()
        paths = []
        for entry in files:
            path = folder / entry["name"]
            path.write_text(entry["text"], encoding="utf-8")
            paths.append(str(path))
        site = Path(scratch) / "site"
        server = make_server(site, port=0)
        url = f"http://127.0.0.1:{server.server_port}/"
        print(f"building the site into {site} ...", file=sys.stderr)
        build_site(Project(root=ROOT, site_url=url), site, log=lambda line: None)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        drawn, engine_ms, page_ms = [], [], []
        with sync_playwright() as playwright:
            executable = find_browser()
            browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS) if executable \
                else playwright.chromium.launch(args=BROWSER_ARGS)
            context = browser.new_context(service_workers="block", viewport={"width": 1366, "height": 900})
            page = context.new_page()
            for run in range(args.runs):
                page.goto(url + f"scans/{args.scan}/organisatie/")
                page.evaluate("localStorage.clear()")
                page.reload()
                page.wait_for_selector("[data-sw-org-page][data-sw-ready]")
                deadline = time.time() + 90
                while page.evaluate(ENGINE_READY) != "ready":
                    if time.time() > deadline:
                        raise SystemExit("the engine did not start")
                    time.sleep(0.1)
                if run == 0:  # the first request parses the definition: once per page, not per import
                    page.evaluate(ASK, [files[:1]])
                page.evaluate(WATCH, args.teams)
                page.set_input_files("[data-sw-org-files-input]", paths)
                page.wait_for_function("() => window.__orgDrawn !== null", timeout=120000)
                drawn.append(page.evaluate("window.__orgDrawn - window.__orgStart"))
                page_ms.append(float(page.locator("[data-sw-org-page]").get_attribute("data-sw-org-drawn-ms")))
                took, teams = page.evaluate(ASK, [files])
                assert teams == args.teams
                engine_ms.append(took)
            browser.close()
        server.shutdown()
        server.server_close()

    median = statistics.median
    report = {
        "scan": args.scan, "teams": args.teams, "runs": args.runs,
        "bytes_per_file": round(statistics.mean(len(f["text"].encode()) for f in files)),
        "cpython": {"overview_ms": round(median(cpython), 1), "per_file_ms": round(median(cpython) / args.teams, 3)},
        "page": {"import_to_drawn_ms": round(median(drawn)), "engine_ms": round(median(engine_ms)),
                 "per_file_ms": round(median(engine_ms) / args.teams, 2), "request_and_draw_ms": round(median(page_ms)),
                 "all_import_to_drawn_ms": [round(v) for v in drawn]},
        "aim_ms": AIM_MS, "aim_met": median(drawn) < AIM_MS,
    }
    print(json.dumps(report))
    return 0 if report["aim_met"] else 1


if __name__ == "__main__":
    sys.exit(main())

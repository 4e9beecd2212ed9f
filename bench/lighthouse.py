"""Lighthouse scores (accessibility, best practices, performance) of the built site, phone and desktop.

Builds the site into a temp folder (or takes ``--site DIR``), serves it on 127.0.0.1 and runs
Lighthouse (the pinned npm devDependency, ``node_modules/.bin/lighthouse``) in the system
Chromium, headless. Pages:

- home, guide (``wendbaar-werken/``), scan (``scans/teamfase/``), team (``scans/teamfase/team/``)
  and organisation (``scans/teamfase/organisatie/``): a normal Lighthouse navigation each;
- result, team-result and organisation-result: states a page reaches only after clicks, which a
  navigation cannot do. A Lighthouse user flow (its Node API ``startFlow`` with puppeteer-core,
  which comes with Lighthouse) opens the page, fills the scan and asks for the result (or pastes
  five members' codes on the team page and shows the team result, or chooses six team result
  files on the organisation page), then takes a Lighthouse *snapshot*. A
  snapshot scores accessibility and best practices of the page as it is; it has no page load, so
  its performance score is ``null``.

``--dark``: the same pages with the browser preferring a dark colour scheme, all as snapshots
(a navigation cannot ask for it), so accessibility (contrast) and best practices only.

Phone is Lighthouse's default mobile emulation (simulated slow 4G and a 4x slower CPU); desktop
is ``--preset=desktop``. The server here does not compress, so phone performance comes out lower
than on a gzipping static host (bench/site.py has such a server; pass its URL to
``lighthouse_scores``).

Prints one JSON line per page and form factor: the three scores (0-100) and the ids of the audits
that fail (score below 1) in accessibility and best practices, and the performance metrics that
score below 0.9; then a summary line. Exit 1 when an accessibility or best-practices score is
below 100 (the aim in issue 15).

    python bench/lighthouse.py [--pages home,guide,scan,result,team,team-result,organisation,organisation-result]
                               [--form-factors mobile,desktop] [--dark] [--site DIR] [--keep DIR]

For another script (bench/site.py): ``lighthouse_scores(url, form_factor, chrome)`` runs one
navigation and returns ``{"scores": {...}, "failing": {...}}`` as in a JSON line here.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "performance")
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"]
SCAN = "teamfase"
PAGES = {  # name -> path on the site; the flow pages name the page they start from
    "home": "",
    "guide": "wendbaar-werken/",
    "scan": f"scans/{SCAN}/",
    "result": f"scans/{SCAN}/",
    "team": f"scans/{SCAN}/team/",
    "team-result": f"scans/{SCAN}/team/#team=Lighthouse",
    "organisation": f"scans/{SCAN}/organisatie/",
    "organisation-result": f"scans/{SCAN}/organisatie/",
}
FLOW_PAGES = ("result", "team-result", "organisation-result")
AIM = 100


def chrome_path() -> str:
    """The system Chromium (tests/support.py's choice), else the error that says what to install."""
    from support import find_browser

    found = find_browser()
    if not found:
        raise SystemExit("No Chromium found: install it (Debian/Ubuntu: apt-get install chromium) "
                         "or set SUPPORTWIJZER_BROWSER to its path.")
    return found


def summarise(lhr: dict) -> dict:
    """Scores 0-100 per category (``None`` where Lighthouse gives none) and the failing audit ids."""
    categories = lhr["categories"]
    scores = {c: None if categories.get(c, {}).get("score") is None else round(categories[c]["score"] * 100)
              for c in CATEGORIES}
    if lhr.get("gatherMode") != "navigation":  # a snapshot has no page load to time
        scores["performance"] = None
    failing = {}
    for category in CATEGORIES:
        if scores[category] is None:
            failing[category] = []
            continue
        ids = []
        for ref in categories.get(category, {}).get("auditRefs", []):
            audit = lhr["audits"].get(ref["id"], {})
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative", "error") \
                    or audit.get("score") is None:
                continue
            if category == "performance":  # only the weighted metrics, not every opportunity
                if ref.get("weight", 0) > 0 and audit["score"] < 0.9:
                    ids.append(ref["id"])
            elif audit["score"] < 1:
                ids.append(ref["id"])
        failing[category] = ids
    errors = [a["id"] for a in lhr["audits"].values() if a.get("scoreDisplayMode") == "error"]
    out = {"scores": scores, "failing": failing}
    if errors:
        out["audit_errors"] = errors
    if lhr.get("runtimeError"):
        out["runtime_error"] = lhr["runtimeError"].get("message")
    return out


def lighthouse_scores(url: str, form_factor: str = "mobile", chrome: str | None = None,
                      timeout: float = 300, keep: Path | None = None) -> dict:
    """One Lighthouse navigation of ``url``: ``{"scores": {category: 0-100}, "failing": {category: [ids]}}``.

    ``form_factor`` is ``"mobile"`` (Lighthouse's default emulation) or ``"desktop"`` (``--preset=desktop``).
    ``keep``: a path to write the full Lighthouse JSON report to.
    """
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (it is a devDependency in package.json).")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--chrome-path={chrome or chrome_path()}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
                   f"--only-categories={','.join(CATEGORIES)}"]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        run = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        if not report.exists():
            raise RuntimeError(f"lighthouse failed on {url} ({form_factor}): {run.stderr.strip()[-2000:]}")
        lhr = json.loads(report.read_text(encoding="utf-8"))
        if keep:
            shutil.copy(report, keep)
    return summarise(lhr)


# A user flow for the states a navigation cannot reach: puppeteer opens the page and clicks, then
# Lighthouse takes a snapshot. Run with `node --input-type=module`, cwd the project root, so that
# 'lighthouse' and 'puppeteer-core' resolve from node_modules. The job comes as JSON in argv[1].
FLOW_SCRIPT = r"""
import puppeteer from 'puppeteer-core';
import {startFlow, desktopConfig} from 'lighthouse';

const job = JSON.parse(process.argv[1]);
const desktop = job.formFactor === 'desktop';
// A snapshot does not emulate a device: the page gets the same screen a navigation would.
const viewport = desktop ? {width: 1350, height: 940, deviceScaleFactor: 1}
  : {width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};
const browser = await puppeteer.launch({executablePath: job.chrome, headless: true,
  args: job.chromeFlags.filter(f => !f.startsWith('--headless')), defaultViewport: viewport});
try {
  const page = await browser.newPage();
  const settings = {onlyCategories: job.categories};
  const config = desktop ? {...desktopConfig, settings: {...desktopConfig.settings, ...settings}}
    : {extends: 'lighthouse:default', settings};
  const flow = await startFlow(page, {config, name: job.name});
  if (job.dark) await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}]);
  await page.goto(job.url, {waitUntil: 'load'});
  if (job.kind === 'result') {
    await page.waitForSelector('[data-sw-submit]');
    await page.evaluate((answers) => {
      for (const [question, value] of Object.entries(answers)) {
        const input = document.querySelector(`input[name="${question}"][value="${value}"]`);
        if (!input) throw new Error(`no answer ${value} for ${question}`);
        input.checked = true;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        input.dispatchEvent(new Event('change', {bubbles: true}));
      }
    }, job.answers);
    await page.evaluate(() => document.querySelector('[data-sw-submit]').click());
    await page.waitForSelector('[data-result-code]', {timeout: 90000});
    await page.waitForFunction(() => !document.querySelector("[data-sw-fallback='slow']"), {timeout: 90000});
  } else if (job.kind === 'team-result') {
    await page.waitForSelector('[data-sw-codes]');
    await page.type('[data-sw-codes]', job.codes.join('\n'));
    await page.click('[data-sw-check]');
    await page.waitForSelector('[data-sw-team-n], [data-sw-withheld], [data-sw-show-result]', {timeout: 90000});
    const show = await page.$('[data-sw-show-result]');
    if (show) await page.evaluate(b => b.click(), show);
    await page.waitForSelector(`[data-sw-team-n='${job.codes.length}']`, {timeout: 90000});
  } else if (job.kind === 'organisation-result') {
    const input = await page.waitForSelector('[data-sw-org-files-input]');
    await input.uploadFile(...job.files);
    await page.waitForFunction(n => document.querySelectorAll('tr[data-sw-org-team]').length === n,
      {timeout: 90000}, job.files.length);
  }
  await new Promise(r => setTimeout(r, job.kind === 'page' ? 1500 : 500));  // let the last frame settle (charts, focus)
  await flow.snapshot({name: job.name});
  const result = await flow.createFlowResult();
  // The palette the page showed (mkdocs-material: "default" light, "slate" dark), to prove --dark took.
  const palette = await page.evaluate(() => document.body.getAttribute('data-md-color-scheme'));
  process.stdout.write(JSON.stringify({palette, lhr: result.steps[0].lhr}));
} finally {
  await browser.close();
}
"""


def flow_scores(url: str, kind: str, form_factor: str = "mobile", chrome: str | None = None,
                answers: dict | None = None, codes: list[str] | None = None, files: list[str] | None = None,
                dark: bool = False, timeout: float = 300, keep: Path | None = None) -> dict:
    """A Lighthouse snapshot after the clicks ``kind`` names ("page": none; see FLOW_PAGES).

    ``dark``: the browser prefers a dark colour scheme (the site then shows its dark palette).
    A snapshot has no page load, so performance is None.
    """
    job = {"url": url, "kind": kind, "formFactor": form_factor, "chrome": chrome or chrome_path(),
           "chromeFlags": CHROME_FLAGS, "categories": list(CATEGORIES), "name": kind,
           "answers": answers or {}, "codes": codes or [], "files": files or [], "dark": dark}
    run = subprocess.run(["node", "--input-type=module", "-e", FLOW_SCRIPT, json.dumps(job)], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=timeout)
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"lighthouse flow failed on {url} ({kind}, {form_factor}): {run.stderr.strip()[-2000:]}")
    output = json.loads(run.stdout)
    if keep:
        keep.write_text(json.dumps(output["lhr"]), encoding="utf-8")
    return {**summarise(output["lhr"]), "palette": output["palette"]}


def sample_answers(scan: str = SCAN) -> tuple[dict, list[str], list[dict]]:
    """One respondent's answers, five members' codes and six team result files, from the real engine."""
    import engine
    from engine.loader import load_assessment
    from engine.organisation import team_file

    assessment = load_assessment(ROOT / "assessments" / f"{scan}.yml")
    scale = assessment.scale

    def answers_for(seed: int) -> dict:
        return {q.id: scale.min + (i + seed) % (scale.max - scale.min + 1) for i, q in enumerate(assessment.questions)}

    codes = [engine.encode(assessment, answers_for(seed)) for seed in range(5)]
    files = [team_file(assessment, [engine.encode(assessment, answers_for(team + seed)) for seed in range(4)],
                       f"Team {team + 1}", ("Zorg", "Wonen", None)[team % 3], "Voorjaar", "2027-03-14")
             for team in range(6)]
    return answers_for(0), codes, files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of: {', '.join(PAGES)}")
    parser.add_argument("--form-factors", default="mobile,desktop")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one")
    parser.add_argument("--keep", type=Path, help="write each full Lighthouse JSON report into this folder")
    parser.add_argument("--dark", action="store_true",
                        help="the dark palette: every page as a snapshot (a navigation cannot ask for dark)")
    args = parser.parse_args(argv)
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in pages if p not in PAGES]
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}; expected some of: {', '.join(PAGES)}")
    form_factors = [f.strip() for f in args.form_factors.split(",") if f.strip()]
    if any(f not in ("mobile", "desktop") for f in form_factors):
        parser.error("--form-factors takes mobile and/or desktop")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    from builder.serve import make_server
    from builder.site import Project, build_site

    chrome = chrome_path()
    answers, codes, team_files = sample_answers()
    lines = []
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for number, data in enumerate(team_files, 1):
            path = Path(scratch) / f"team-{number}.json"
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            files.append(str(path))
        site = args.site or Path(scratch) / "site"
        server = make_server(site, port=0)
        base = f"http://127.0.0.1:{server.server_port}/"
        if not args.site:
            print(f"building the site into {site} ...", file=sys.stderr)
            build_site(Project(root=ROOT, site_url=base), site, log=lambda line: None)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for page in pages:
                for form_factor in form_factors:
                    url = base + PAGES[page]
                    scheme = "dark" if args.dark else "light"
                    keep = args.keep / f"{page}-{form_factor}-{scheme}.json" if args.keep else None
                    started = time.perf_counter()
                    print(f"lighthouse {page} ({form_factor}) ...", file=sys.stderr)
                    try:
                        if page in FLOW_PAGES or args.dark:
                            found = flow_scores(url, page if page in FLOW_PAGES else "page", form_factor, chrome,
                                                answers=answers, codes=codes, files=files, dark=args.dark, keep=keep)
                        else:
                            found = lighthouse_scores(url, form_factor, chrome, keep=keep)
                    except (RuntimeError, subprocess.TimeoutExpired) as error:
                        found = {"scores": dict.fromkeys(CATEGORIES), "failing": {}, "error": str(error)[-500:]}
                    line = {"page": page, "path": PAGES[page], "form_factor": form_factor, "scheme": scheme, **found,
                            "seconds": round(time.perf_counter() - started, 1)}
                    lines.append(line)
                    print(json.dumps(line), flush=True)
        finally:
            server.shutdown()
            server.server_close()

    below = [f"{l['page']}/{l['form_factor']}" for l in lines
             if any((l["scores"][c] is None or l["scores"][c] < AIM) for c in ("accessibility", "best-practices"))]
    performance = {f"{l['page']}/{l['form_factor']}": l["scores"]["performance"] for l in lines
                   if l["scores"]["performance"] is not None}
    summary = {"summary": True, "lighthouse": json.loads((ROOT / "node_modules" / "lighthouse" / "package.json")
                                                          .read_text())["version"],
               "runs": len(lines), "aim": {"accessibility": AIM, "best-practices": AIM},
               "min_accessibility": min((l["scores"]["accessibility"] for l in lines
                                         if l["scores"]["accessibility"] is not None), default=None),
               "min_best_practices": min((l["scores"]["best-practices"] for l in lines
                                          if l["scores"]["best-practices"] is not None), default=None),
               "performance": performance, "below_aim": below, "aim_met": not below}
    print(json.dumps(summary))
    return 0 if summary["aim_met"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of built pages on a phone-sized and a laptop-sized viewport, to look at what we build.

    .venv/bin/python bench/screens.py [--brand FILE] [--out DIR] [--dark] PATH ...
    .venv/bin/python bench/screens.py --views [--both-schemes]

PATH is a site path such as ``scans/teamfase/`` or ``privacy/``; append ``@full``
for a full-page shot. ``--views`` takes every key view instead, each as a full page:
home, a guide page, a scan, a result (answered through the page), the team result
(five codes pasted and shown), the presentation mode, the organisation overview
(team files imported) and the result as printed (print media). ``--both-schemes``
takes each in light and dark. The site is built into a temp folder and served on
127.0.0.1, exactly as the tests do. Prints one JSON line per picture.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "e2e")]

from builder.serve import make_server  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--views", action="store_true", help="every key view, scripted (see above)")
    parser.add_argument("--both-schemes", action="store_true", help="light and dark")
    parser.add_argument("--brand", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "supportwijzer-screens")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args(argv)
    if not args.paths and not args.views:
        parser.error("give one or more paths, or --views")
    args.out.mkdir(parents=True, exist_ok=True)
    schemes = (False, True) if args.both_schemes else (args.dark,)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        server = make_server(site, port=0)
        url = f"http://127.0.0.1:{server.server_port}/"
        build_site(Project(root=ROOT, site_url=url, brand_file=args.brand), site, log=lambda line: None)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            executable = find_browser()
            browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS) if executable \
                else playwright.chromium.launch(args=BROWSER_ARGS)
            for dark in schemes:
                for name, viewport in VIEWPORTS.items():
                    context = browser.new_context(viewport=viewport, service_workers="block",
                                                  color_scheme="dark" if dark else "light",
                                                  device_scale_factor=1, is_mobile=name == "phone")
                    page = context.new_page()
                    scheme = "-dark" if dark else ""
                    for raw in args.paths:
                        path, _, mode = raw.partition("@")
                        page.goto(url + path.lstrip("/"))
                        page.wait_for_load_state("networkidle")
                        file = args.out / f"{path.strip('/').replace('/', '_') or 'home'}-{name}{scheme}.png"
                        page.screenshot(path=str(file), full_page=mode == "full")
                        print(json.dumps({"path": path, "viewport": name, "file": str(file)}))
                    if args.views:
                        for view, take in key_views(url, Path(scratch)):
                            page = context.new_page()
                            take(page)
                            file = args.out / f"view-{view}-{name}{scheme}.png"
                            page.screenshot(path=str(file), full_page=view != "presentation")
                            print(json.dumps({"view": view, "viewport": name, "file": str(file)}))
                            page.close()
                    context.close()
            browser.close()
        server.shutdown()
        server.server_close()
    return 0


def key_views(url: str, scratch: Path):
    """(name, function that brings a fresh page into that view), for every view a reviewer should see."""
    import engine
    from engine.loader import load_assessment
    from engine.organisation import team_file
    from scanflow import fill, show_result, show_team

    scan = load_assessment(ROOT / "assessments" / "teamfase.yml")
    codes = [engine.encode(scan, {q.id: value for q in scan.questions}) for value in (2, 3, 4, 4, 5)]
    files = []
    for i, (department, label) in enumerate([("Zorg", "Team Noord"), ("Zorg", "Wijkteam 3"),
                                             ("Bedrijfsvoering", "Financiën"), (None, "Klantcontact")]):
        path = scratch / f"team{i}.json"
        path.write_text(json.dumps(team_file(scan, codes[i % 2:], label, department, date="2026-10-01")))
        files.append(str(path))

    def go(path):
        def take(page):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
        return take

    def result(page, printed=False):
        page.goto(url + "scans/teamfase/")
        fill(page, {q.id: (2 + i % 3) for i, q in enumerate(scan.questions)})
        show_result(page)
        if printed:
            page.emulate_media(media="print")

    def team(page, present=False):
        page.goto(url + "scans/teamfase/team/#team=Blauw")
        page.fill("[data-sw-codes]", "\n".join(codes))
        page.click("[data-sw-check]")
        show_team(page, 5)
        if present:
            page.click("[data-sw-present-open]")
            page.wait_for_selector("[data-sw-presentation][open]")

    def organisation(page):
        page.goto(url + "scans/teamfase/organisatie/")
        page.set_input_files("[data-sw-org-files-input]", files)
        page.wait_for_selector("[data-sw-org-result]:not([hidden])", timeout=90000)

    return [("home", go("")), ("guide", go("wendbaar-werken/")), ("scan", go("scans/teamfase/")),
            ("result", result), ("team-result", team), ("presentation", lambda page: team(page, present=True)),
            ("organisation", organisation), ("print", lambda page: result(page, printed=True))]


if __name__ == "__main__":
    sys.exit(main())

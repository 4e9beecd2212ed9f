"""Screenshots of built pages on a phone-sized and a laptop-sized viewport, to look at what we build.

    .venv/bin/python bench/screens.py [--brand FILE] [--out DIR] [--dark] PATH ...

PATH is a site path such as ``scans/teamfase/`` or ``privacy/``; append ``@full``
for a full-page shot. The site is built into a temp folder and served on
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builder.serve import make_server  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--brand", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "supportwijzer-screens")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

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
            for name, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, service_workers="block",
                                              color_scheme="dark" if args.dark else "light",
                                              device_scale_factor=1, is_mobile=name == "phone")
                page = context.new_page()
                for raw in args.paths:
                    path, _, mode = raw.partition("@")
                    page.goto(url + path.lstrip("/"))
                    page.wait_for_load_state("networkidle")
                    scheme = "-dark" if args.dark else ""
                    file = args.out / f"{path.strip('/').replace('/', '_') or 'home'}-{name}{scheme}.png"
                    page.screenshot(path=str(file), full_page=mode == "full")
                    print(json.dumps({"path": path, "viewport": name, "file": str(file)}))
                context.close()
            browser.close()
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

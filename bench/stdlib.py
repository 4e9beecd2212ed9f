"""Engine start with the precompiled, trimmed standard library against Pyodide's own; prints JSON.

Builds the site once, then serves two variants of it on 127.0.0.1:

- ``shipped``: the site as built (stdlib-<hash>.zip of .pyc via ``stdLibURL``,
  the QR-only modules after ready, the lock file inline);
- ``full``: the same site with Pyodide's python_stdlib.zip (.py sources of the whole
  standard library) put back and the zips left out of the worker's file list: the
  start as it was before builder/stdlib.py.

Rounds alternate between the variants. Per round a fresh persistent profile loads
the scan page twice: cold (empty cache), then warm (HTTP cache and Chromium's
compiled-wasm cache filled). Reported: medians of navigation start until the page
says the engine is ready, the worker's own start-to-ready time, the gzip bytes of the
engine files a scan page fetches (after ready included), how often the server sent
the wasm per profile, and the size of the profile's wasm code cache.

    .venv/bin/python bench/stdlib.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
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

from builder.serve import SiteHandler, _QuietServer  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

SCAN = "teamfase"
ZIP_NAMES = re.compile(r"(?:stdlib(?:-later)?-[0-9a-f]{12}\.zip ?)")


def full_variant(site: Path, target: Path) -> None:
    """The built site as it started before: Pyodide's whole python_stdlib.zip, no precompiled zips."""
    shutil.copytree(site, target)
    shutil.copyfile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip", target / "pyodide" / "python_stdlib.zip")
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "stdlib-" in text:
            page.write_text(re.sub(r'((?:content|data-sw-wheel)=")([^"]*)"',
                                   lambda m: m.group(1) + ZIP_NAMES.sub("", m.group(2)).strip() + '"', text),
                            encoding="utf-8")


def serve(site: Path, log: list):
    class Logging(SiteHandler):
        def log_request(self, code="-", size="-"):
            log.append((urlsplit(self.path).path, int(code) if str(code).isdigit() else code))

    def handler(*args, **kwargs):
        return Logging(*args, directory=str(site), prefix="/", quiet=True, **kwargs)

    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def engine_bytes(site: Path, paths: set[str]) -> dict:
    raw = packed = 0
    files = {}
    for path in sorted(paths):
        file = site / path.lstrip("/")
        if ("/pyodide/" in path or path.endswith(".whl")) and file.is_file():
            data = file.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
            files[file.name] = len(gzip.compress(data, 6))
    return {"raw": raw, "gzip": packed, "gzip_per_file": files}


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="sw-bench-stdlib-"))
    sites = {"shipped": scratch / "shipped", "full": scratch / "full"}
    started = time.perf_counter()
    build_site(Project(root=ROOT, site_url="http://127.0.0.1:8000/"), sites["shipped"], log=lambda line: None)
    build_s = time.perf_counter() - started
    full_variant(sites["shipped"], sites["full"])
    logs = {name: [] for name in sites}
    servers = {name: serve(site, logs[name]) for name, site in sites.items()}
    figures = {name: {"cold": [], "warm": [], "worker_cold": [], "worker_warm": [], "wasm_sent": [],
                      "wasm_code_cache_bytes": []} for name in sites}
    paths = {name: set() for name in sites}
    executable = find_browser()
    with sync_playwright() as playwright:
        for round_ in range(rounds):
            for name in (("full", "shipped") if round_ % 2 == 0 else ("shipped", "full")):
                base = f"http://127.0.0.1:{servers[name].server_port}/"
                profile = scratch / f"profile-{name}-{round_}"
                options = {"args": BROWSER_ARGS, **({"executable_path": executable} if executable else {})}
                context = playwright.chromium.launch_persistent_context(str(profile), **options)
                page = context.pages[0] if context.pages else context.new_page()
                page.on("request", lambda r, name=name: paths[name].add(urlsplit(r.url).path))
                before = len(logs[name])
                for temperature in ("cold", "warm"):
                    t0 = time.perf_counter()
                    page.goto(base + f"scans/{SCAN}/", wait_until="commit")
                    page.wait_for_function("() => document.querySelector('#sw-form')?.dataset.swEngine === 'ready'",
                                           timeout=60000, polling=10)
                    figures[name][temperature].append((time.perf_counter() - t0) * 1000)
                    figures[name][f"worker_{temperature}"].append(
                        int(page.locator("#sw-form").get_attribute("data-sw-engine-ms")))
                    page.wait_for_load_state("networkidle")
                    time.sleep(0.5)  # the later zip and wheel, and the service worker's offline copy
                sent = [p for p, code in logs[name][before:] if p.endswith("pyodide.asm.wasm") and code == 200]
                figures[name]["wasm_sent"].append(len(sent))
                context.close()
                figures[name]["wasm_code_cache_bytes"].append(folder_bytes(profile / "Default" / "Code Cache" / "wasm"))
    out = {"bench": "stdlib", "build_s": round(build_s, 1), "rounds": rounds}
    for name in sites:
        f = figures[name]
        out[name] = {
            "engine_ready_cold_ms": round(statistics.median(f["cold"])),
            "engine_ready_warm_ms": round(statistics.median(f["warm"])),
            "worker_start_to_ready_ms": {"cold": round(statistics.median(f["worker_cold"])),
                                         "warm": round(statistics.median(f["worker_warm"]))},
            "all_ms": {"cold": [round(v) for v in f["cold"]], "warm": [round(v) for v in f["warm"]]},
            "engine_bytes": engine_bytes(sites[name], paths[name]),
            "wasm_sent_per_profile": f["wasm_sent"],
            "wasm_code_cache_bytes": f["wasm_code_cache_bytes"],
        }
    print(json.dumps(out, indent=1))
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

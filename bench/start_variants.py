"""The scan page's start on a slow device, for several builds of the site side by side; prints JSON.

bench/site.py measures one build once per setting: fine for the shape of the figures,
too noisy to choose between two ways of starting the engine (a quarter core through a
cgroup does not slow every run alike). This one takes two or more built sites (folders
with the output of ``build.py build``, changed as the experiment needs), and runs rounds
in which every site gets the same treatment, in rotating order:

- a fresh persistent profile, a first visit of the scan page, staying until the service
  worker has its offline copy; then the browser restarted and a second visit;
- throttled like bench/site.py's slow device (network 4/1 Mbps and 150 ms through DevTools,
  the whole browser in a cgroup at ``--cpu-share`` of one core), files sent gzip-compressed
  (``--plain``: as they are, as hosts do that leave .wasm uncompressed);
  or, with ``--fast``, unthrottled on this machine;
- per visit: navigation start until the first answer can be clicked, and until the engine
  says ready.

Medians per site, and every value, go to stdout as JSON; a table to stderr.

    .venv/bin/python bench/start_variants.py SITE_A SITE_B [--rounds 3] [--fast]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_site", HERE / "site.py")
bench_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_site)


def visit(playwright, executable, base: str, profile: Path, throttle: bool, first: bool) -> dict:
    options = {"args": bench_site.BROWSER_ARGS, "timeout": 180000}
    if executable:
        options["executable_path"] = executable
    context = playwright.chromium.launch_persistent_context(str(profile), **options)
    try:
        context.add_init_script(bench_site.MARKS)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(180000)
        if throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", bench_site.NETWORK)
        page.goto(base + f"scans/{bench_site.SCAN}/", wait_until="commit")
        page.locator("fieldset[data-sw-question] input").first.click()
        page.wait_for_function("() => window.__swBench.engine_ready !== undefined", polling=20)
        marks = page.evaluate("({...window.__swBench})")
        if first:
            bench_site.Visits.wait_for_offline_copy(None, page)
        page.evaluate("localStorage.clear()")
        return {"first_question_ms": round(marks["first_answer"]), "engine_ready_ms": round(marks["engine_ready"])}
    finally:
        context.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fast", action="store_true", help="unthrottled, on this machine")
    parser.add_argument("--cpu-share", type=float, default=0.25)
    parser.add_argument("--plain", action="store_true", help="files sent as they are, not gzip-compressed")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="sw-bench-variants-"))
    servers, bases = [], {}
    for site in args.sites:
        server = bench_site.make_bench_server(site.resolve(), compress=not args.plain, wire=bench_site.Wire())
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        bases[str(site)] = f"http://127.0.0.1:{server.server_port}/"
    executable = bench_site.find_browser()
    figures = {str(site): {"first": [], "second": []} for site in args.sites}
    slow_cpu = None
    try:
        with sync_playwright() as playwright:
            browser = executable or playwright.chromium.executable_path
            if not args.fast:
                slow_cpu = bench_site.SlowCpu(browser, args.cpu_share, scratch)
                if slow_cpu.executable is None:
                    print(f"NOTE: the CPU is NOT slowed down ({slow_cpu.method})", file=sys.stderr)
            run_with = (slow_cpu.executable if slow_cpu and slow_cpu.executable else executable)
            names = [str(site) for site in args.sites]
            for round_ in range(args.rounds):
                order = names[round_ % len(names):] + names[:round_ % len(names)]
                for name in order:
                    profile = scratch / f"profile-{round_}-{names.index(name)}"
                    for which in ("first", "second"):
                        result = visit(playwright, run_with, bases[name], profile, not args.fast, which == "first")
                        figures[name][which].append(result)
                        print(f"round {round_ + 1} {name} {which}: {result}", file=sys.stderr)
    finally:
        if slow_cpu is not None:
            slow_cpu.close()
        for server in servers:
            server.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
    out = {"bench": "start_variants", "throttled": not args.fast, "gzip": not args.plain, "rounds": args.rounds,
           "cpu": slow_cpu and {"method": slow_cpu.method, "calibration": slow_cpu.calibration}, "sites": {}}
    print(f"\n{'site':40} {'visit':7} {'first question':>15} {'engine ready':>13}  (medians, ms)", file=sys.stderr)
    for name, visits in figures.items():
        out["sites"][name] = {}
        for which, rows in visits.items():
            medians = {key: round(statistics.median(r[key] for r in rows)) for key in rows[0]}
            out["sites"][name][which] = {"median": medians, "all": rows}
            print(f"{name[-40:]:40} {which:7} {medians['first_question_ms']:>15} {medians['engine_ready_ms']:>13}",
                  file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""Site figures, measured with Playwright in Chromium against the built site on 127.0.0.1; prints JSON.

Unthrottled, on this machine (``--profile fast``; medians of ``--rounds`` rounds):

- first_question_ms: navigation start until the first answer can be clicked
- pyodide_ready_cold_ms / _warm_ms: navigation start until the engine says ready
  (warm: same persistent browser profile, so the HTTP cache holds the 9.6 MB wasm)
- submit_to_result_ms: click on "Bekijk resultaat" until the result is on screen (engine ready)
- bytes per page: guide page and scan page, the scan page split into Pyodide and the rest;
  raw (this server does not compress) and gzip -6 as a static host would send them
- team_200_codes_to_picture_ms: on the team page (engine ready), 200 pasted codes until the picture shows
  (the result shown as soon as it is offered)
- build_s: a full `build_site`

A slow device (``--profile slow``; one run of each, so read them as rough figures), beside the
same visits unthrottled in the same run (key ``slow_device``, and a table on stderr):

- network 4 Mbps down, 1 Mbps up, 150 ms round trip (DevTools ``Network.emulateNetworkConditions``
  on the page; it also holds back the engine worker's requests, the bench checks that);
- two local servers: one that gzips like a compressing static host (text, .js, .mjs, .json,
  .wasm, .zip), one that sends every file as it is (as hosts do that leave .wasm uncompressed);
- a slow CPU for the whole browser, workers included: every browser process runs in a cgroup
  limited to ``--cpu-share`` of one core (DevTools' CPU throttling does not reach workers). The
  output says which method was used, or that none could be.

For a first visit (fresh profile) and a second one (the same profile, browser restarted) it reports:

- scan page: first question answerable, engine ready, and for a respondent who submits
  ``--submit-after`` seconds after arriving: the time from the click until a result code is on
  screen (the scored result, or the code without a score that the page shows while the engine
  is slow, marked "fallback"), and until the scored result is;
- team page: the picture for 12 pasted codes (pasted as soon as the page's script runs, and
  "show the result" clicked as soon as it is offered), from navigation start;
- a QR arrival on the team page (``scans/<id>/team/#code=...&team=...``, as the result's QR
  code holds it): time until the code is stored and said, and whether the engine started;
- bytes over the wire per visit (counted by the server), and the size of the browser's
  compiled-code cache (``Code Cache/wasm`` and ``js``) after each visit.

Aims (2 cores): first question < 1 s, result < 300 ms after submit, guide page < 500 KB,
Pyodide ready < 3 s cold and < 2 s warm. Slow device (issue 16): engine ready <= 11 s on a first
visit with gzip, <= 2 s on a second visit; result within 0.5 s of a submit at 12 s; first
question <= 1.5 s.

Usage: ``bench/site.py [--profile both|fast|slow] [--quick] [--site DIR] [--servers gzip,plain]``.
``--quick`` takes 2 rounds unthrottled and only the gzip server on the slow device.
"""
from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builder.serve import SiteHandler, _QuietServer, make_server  # noqa: E402
from builder.site import Project, build_site  # noqa: E402
from support import BROWSER_ARGS, find_browser  # noqa: E402

SCAN = "teamfase"

# -- the slow device ------------------------------------------------------------------------------
DOWN_BYTES_PER_S = 4_000_000 // 8
UP_BYTES_PER_S = 1_000_000 // 8
ROUND_TRIP_MS = 150
NETWORK = {"offline": False, "latency": ROUND_TRIP_MS, "downloadThroughput": DOWN_BYTES_PER_S,
           "uploadThroughput": UP_BYTES_PER_S}
CPU_PERIOD_US = 20_000  # short periods: a steady slow CPU rather than bursts and 75 ms stalls
TEAM_CODES = 12

# What a compressing static host gzips (by type); wheels are zip files of deflated members already.
GZIP_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt",
                 ".webmanifest", ".map"}


# -- local servers: counted, and optionally gzipping ----------------------------------------------

class Wire:
    """What the servers sent, per request: (visit tag, path, status, body bytes). Thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tag = ""
        self.sent: list[tuple[str, str, int, int]] = []

    def add(self, path: str, status: int, size: int) -> None:
        with self.lock:
            self.sent.append((self.tag, path, status, size))

    def of(self, tag: str) -> list[tuple[str, str, int, int]]:
        with self.lock:
            return [row for row in self.sent if row[0] == tag]


_PLAIN = object()  # "not for gzip": the plain handler answers


class BenchHandler(SiteHandler):
    """The project's own handler (same headers, MIME types, no-cache), counting what it sends.

    With ``compress`` it answers like a compressing static host: a file of a type in
    GZIP_SUFFIXES goes out gzip-compressed (level 6) to a browser that accepts it, with an ETag
    and ``Vary: Accept-Encoding``; a conditional request for an unchanged file gets a 304.
    """

    compress = False
    wire: Wire | None = None
    _packed: dict = {}
    _packed_lock = threading.Lock()

    def __init__(self, *args, compress=False, wire=None, **kwargs):
        self.compress = compress
        self.wire = wire
        self._status = 0
        super().__init__(*args, **kwargs)

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def copyfile(self, source, outputfile):
        counted = _Counting(outputfile)
        try:
            super().copyfile(source, counted)
        finally:
            if self.wire is not None:
                self.wire.add(urlsplit(self.path).path, self._status, counted.count)

    def send_head(self):
        result = self._gzip_head() if self.compress else _PLAIN
        if result is _PLAIN:
            result = super().send_head()
        if result is None and self.wire is not None:  # 304, 404 or a redirect: headers only
            self.wire.add(urlsplit(self.path).path, self._status, 0)
        return result

    def _gzip_head(self):
        """The gzip answer (a stream, or None after a 304), or _PLAIN for the plain handler to answer."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return _PLAIN
        url_path = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return _PLAIN  # the redirect of the plain handler
            path = path / "index.html"
        if path.suffix not in GZIP_SUFFIXES or not path.is_file():
            return _PLAIN
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}-gz"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        body = self._packed_body(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.end_headers()
        return io.BytesIO(body)

    @classmethod
    def _packed_body(cls, path: Path, stamp: int) -> bytes:
        with cls._packed_lock:  # packed once per file, so the server's own CPU is not measured
            key = (str(path), stamp)
            if key not in cls._packed:
                cls._packed[key] = gzip.compress(path.read_bytes(), 6, mtime=0)
            return cls._packed[key]


class _Counting:
    def __init__(self, stream):
        self.stream = stream
        self.count = 0

    def write(self, data):
        self.count += len(data)
        return self.stream.write(data)


def make_bench_server(site_dir: Path, compress: bool, wire: Wire | None = None) -> http.server.ThreadingHTTPServer:
    """A server like builder.serve's on a free port of 127.0.0.1, gzipping when ``compress``."""

    def handler(*args, **kwargs):
        return BenchHandler(*args, directory=str(site_dir), compress=compress, wire=wire, **kwargs)

    return _QuietServer(("127.0.0.1", 0), handler)


# -- a slow CPU for the whole browser --------------------------------------------------------------

class SlowCpu:
    """Puts every process of a browser in a cgroup limited to ``share`` of one core.

    ``executable`` is a small shell script that moves itself into the cgroup and then starts the
    browser, so every process and thread the browser ever makes (renderers, workers, the GPU and
    network processes) is inside the limit, and nothing else is: the bench, Playwright and the
    local servers run at full speed. ``method`` says what was used, or why nothing could be.
    """

    def __init__(self, browser: str, share: float, scratch: Path):
        self.group: Path | None = None
        self.executable: str | None = None
        self.method = ""
        self.calibration = None
        quota = max(1000, round(CPU_PERIOD_US * share))
        try:
            self.group, procs = self._make_group(quota)
        except OSError as error:
            self.method = f"none: no cgroup with a cpu controller could be made here ({error})"
            return
        if self.group is None:
            self.method = "none: this machine has no writable cgroup cpu controller"
            return
        script = scratch / "slow-browser.sh"
        script.write_text(f'#!/bin/sh\necho $$ > "{procs}" || exit 97\nexec "{browser}" "$@"\n', encoding="utf-8")
        script.chmod(0o755)
        self.executable = str(script)
        self.calibration = self._calibrate(procs)

    def _make_group(self, quota: int):
        name = f"supportwijzer-bench-{os.getpid()}"
        unified = next((p for p in (Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/unified"))
                        if (p / "cgroup.controllers").is_file()), None)
        if unified and "cpu" in (unified / "cgroup.controllers").read_text().split():
            if "cpu" not in (unified / "cgroup.subtree_control").read_text().split():
                (unified / "cgroup.subtree_control").write_text("+cpu")
            group = unified / name
            group.mkdir()
            (group / "cpu.max").write_text(f"{quota} {CPU_PERIOD_US}")
            self.method = f"cgroup v2 cpu.max {quota} {CPU_PERIOD_US} ({quota / CPU_PERIOD_US:.2f} of one core)"
            return group, group / "cgroup.procs"
        for v1 in (Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup/cpu,cpuacct")):
            if (v1 / "cpu.cfs_quota_us").is_file():
                group = v1 / name
                group.mkdir()
                (group / "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
                (group / "cpu.cfs_quota_us").write_text(str(quota))
                self.method = (f"cgroup v1 cpu.cfs_quota_us {quota} per {CPU_PERIOD_US} us "
                               f"({quota / CPU_PERIOD_US:.2f} of one core)")
                return group, group / "cgroup.procs"
        return None, None

    @staticmethod
    def _calibrate(procs: Path) -> dict:
        """The same busy loop outside and inside the cgroup: how much slower the limit makes it."""
        loop = "import time\nt=time.perf_counter()\ns=0\nfor i in range(3_000_000): s+=i\nprint(time.perf_counter()-t)"
        free = float(subprocess.run([sys.executable, "-c", loop], capture_output=True, text=True, check=True).stdout)
        limited = float(subprocess.run(["sh", "-c", f'echo $$ > "{procs}" && exec "$0" -c "$1"', sys.executable, loop],
                                       capture_output=True, text=True, check=True).stdout)
        return {"busy_loop_free_s": round(free, 2), "busy_loop_limited_s": round(limited, 2),
                "slowdown": round(limited / free, 1)}

    def close(self) -> str | None:
        if self.group is None:
            return None
        for _ in range(50):
            try:
                self.group.rmdir()
                return None
            except OSError:
                time.sleep(0.2)  # the last browser processes are still going
        return f"could not remove {self.group}"


# -- marks the page keeps itself (relative to navigation start) --------------------------------------

MARKS = """(() => {
  const marks = {};
  Object.defineProperty(window, "__swBench", { value: marks });
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest("fieldset[data-sw-question]")) mark("first_answer");
    if (target?.closest("[data-sw-submit]")) mark("submit");
    if (target?.closest("[data-sw-check]")) mark("check");
    if (target?.closest("[data-sw-show-result]")) mark("show");
  }, true);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes("engine-worker")) return;
      mark("engine_worker");
      this.addEventListener("message", (event) => {
        if (event.data?.type === "engine:ready") { mark("engine_ready"); marks.worker_ms = event.data.ms; }
        if (event.data?.type === "engine:error") mark("engine_error");
      });
    }
  };
  const look = () => {
    if (document.querySelector("[data-result-code]")) {
      mark("result");  // a code on screen: the scored result, or the code without a score
      if (document.querySelector("[data-sw-fallback]")) mark("fallback");
      else mark("scored");
    }
    if (document.querySelector("tr[data-sw-line-status]")) mark("lines");
    const n = document.querySelector("[data-sw-team-n]");
    if (n && n.dataset.swTeamN === String(%d) && document.querySelector("[data-sw-strip]")) mark("picture");
    const status = document.querySelector("[data-sw-team-status]");
    if (status && status.textContent.trim()) { mark("team_status"); marks.team_status_text ??= status.textContent; }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true,
                                                 characterData: true });
})();""" % TEAM_CODES


# The engine's state as engine-client.js keeps it (the page's own module instance): wait until it
# is ready or has failed (engine-client gives up after its own start time-out), at most 3 minutes.
ENGINE_SETTLED = """async (base) => {
  const client = await import(new URL("assets/js/engine-client.js", base).href);
  for (let waited = 0; waited < 180000; waited += 100) {
    const state = client.engineState();
    if (state.status === "ready" || state.status === "failed") return state.status + (state.reason ? `: ${state.reason}` : "");
    await new Promise((done) => setTimeout(done, 100));
  }
  return client.engineState().status;
}"""


def code_cache_kb(profile: Path) -> dict:
    sizes = {}
    for kind in ("wasm", "js"):
        folder = profile / "Default" / "Code Cache" / kind
        total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0
        sizes[kind] = round(total / 1024)
    return sizes


def wire_summary(rows) -> dict:
    full = [r for r in rows if r[2] == 200]
    pyodide = [r for r in full if "/pyodide/" in r[1] or r[1].endswith(".whl")]
    wasm = [r for r in full if r[1].endswith(".wasm")]
    return {"kb": round(sum(r[3] for r in rows) / 1024), "pyodide_kb": round(sum(r[3] for r in pyodide) / 1024),
            "wasm_downloads": len(wasm), "requests": len(rows), "revalidated_304": sum(r[2] == 304 for r in rows)}


# -- the visits -----------------------------------------------------------------------------------

class Visits:
    """First and second visits of the scan page, the team page and a QR arrival, in one setting."""

    def __init__(self, playwright, base: str, wire: Wire, scratch: Path, name: str, executable: str | None,
                 throttle: bool, submit_after_s: float, codes: list[str]):
        self.playwright, self.base, self.wire, self.scratch = playwright, base, wire, scratch
        self.name, self.executable, self.throttle = name, executable, throttle
        self.submit_after_s, self.codes = submit_after_s, codes

    def launch(self, profile: Path):
        options = {"args": BROWSER_ARGS, "timeout": 180000}
        if self.executable:
            options["executable_path"] = self.executable
        context = self.playwright.chromium.launch_persistent_context(str(profile), **options)
        context.add_init_script(MARKS)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(180000)
        if self.throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", NETWORK)
        return context, page

    def run(self) -> dict:
        figures = {}
        for kind in ("scan", "team", "qr"):
            profile = self.scratch / f"profile-{self.name}-{kind}"
            for visit in ("first", "second"):
                self.wire.tag = f"{self.name}:{kind}:{visit}"
                context, page = self.launch(profile)
                try:
                    result = getattr(self, kind)(page, first=visit == "first")
                except Exception as error:  # noqa: BLE001 - one failed visit must not lose a long run
                    result = {"error": str(error).splitlines()[0][:200]}
                    print(f"NOTE: {self.wire.tag} failed: {result['error']}", file=sys.stderr)
                finally:
                    context.close()
                result["wire"] = wire_summary(self.wire.of(self.wire.tag))
                result["code_cache_kb"] = code_cache_kb(profile)
                figures[f"{kind}_{visit}"] = result
        return figures

    @staticmethod
    def marks(page) -> dict:
        return page.evaluate("({...window.__swBench})")

    def wait_for_offline_copy(self, page) -> None:
        """A respondent stays on the page a while: the service worker installs before the next visit."""
        page.evaluate("""() => new Promise((done) => {
          if (!navigator.serviceWorker) return done();
          const timer = setTimeout(done, 120000);
          navigator.serviceWorker.ready.then(() => { clearTimeout(timer); done(); });
        })""")
        page.wait_for_timeout(1000)

    def scan(self, page, first: bool) -> dict:
        page.goto(self.base + f"scans/{SCAN}/", wait_until="commit")
        page.locator("fieldset[data-sw-question] input").first.click()
        page.evaluate("""() => document.querySelectorAll("fieldset[data-sw-question]").forEach(
          (f) => f.querySelector("input[value='4']").click())""")
        waited = self.submit_after_s * 1000 - page.evaluate("performance.now()")
        if waited > 0:
            page.wait_for_timeout(waited)
        page.click("[data-sw-submit]")
        page.wait_for_function("() => window.__swBench.result !== undefined", polling=20)
        engine = page.evaluate(ENGINE_SETTLED, self.base)
        if engine == "ready":
            page.wait_for_function("() => window.__swBench.scored !== undefined", polling=20, timeout=30000)
        marks = self.marks(page)
        if first:
            self.wait_for_offline_copy(page)
        page.evaluate("localStorage.clear()")  # the next visit starts with an empty scan
        return {"first_question_ms": round(marks["first_answer"]),
                "engine_ready_ms": round(marks["engine_ready"]) if "engine_ready" in marks else None,
                "engine_state": engine,
                "worker_start_to_ready_ms": marks.get("worker_ms") and round(marks["worker_ms"]),
                "submit_at_ms": round(marks["submit"]),
                "result_after_submit_ms": round(marks["result"] - marks["submit"]),
                "result_was_fallback": "fallback" in marks and marks["fallback"] <= marks["result"],
                "scored_after_submit_ms": round(marks["scored"] - marks["submit"]) if "scored" in marks else None}

    def team(self, page, first: bool) -> dict:
        page.goto(self.base + f"scans/{SCAN}/team/", wait_until="commit")
        page.wait_for_selector("[data-sw-team-page][data-sw-ready]", state="attached")  # its script runs
        page.fill("[data-sw-codes]", "\n".join(self.codes))
        page.click("[data-sw-check]")
        if not show_team_picture(page):
            engine = page.evaluate(ENGINE_SETTLED, self.base)
            return {"codes_pasted_at_ms": round(self.marks(page)["check"]), "engine_ready_ms": None,
                    "engine_state": engine, "picture_ms": None}
        page.wait_for_function("() => window.__swBench.picture !== undefined", polling=20)
        marks = self.marks(page)
        if first:
            self.wait_for_offline_copy(page)
        page.evaluate("localStorage.clear()")
        return {"codes_pasted_at_ms": round(marks["check"]),
                "engine_ready_ms": round(marks["engine_ready"]) if "engine_ready" in marks else None,
                "lines_checked_ms": round(marks["lines"]),
                "picture_ms": round(marks["picture"]),
                "check_to_picture_ms": round(marks["picture"] - marks["check"])}

    def qr(self, page, first: bool) -> dict:
        code = self.codes[0 if first else 1]
        key = f"supportwijzer:teamronde:{SCAN}:Rood"
        page.goto(self.base + f"scans/{SCAN}/team/#code={code}&team=Rood", wait_until="commit")
        page.wait_for_function("() => window.__swBench.team_status !== undefined", polling=20)
        stored = page.evaluate(f"localStorage.getItem({json.dumps(key)}) || ''")
        page.wait_for_timeout(3000)  # time enough for an engine to show that it started
        marks = self.marks(page)
        pyodide = [r for r in self.wire.of(self.wire.tag) if "/pyodide/" in r[1] or "engine-worker" in r[1]]
        return {"stored_and_said_ms": round(marks["team_status"]),
                "said": marks.get("team_status_text", "").strip()[:80],
                "code_stored": code in stored,
                "engine_started": "engine_worker" in marks or bool(pyodide)}


# -- the unthrottled figures of before (medians) --------------------------------------------------

def page_bytes(site_dir: Path, urls: list[str]) -> dict:
    raw = {"pyodide": 0, "rest": 0}
    packed = {"pyodide": 0, "rest": 0}
    for url in set(urls):
        path = unquote(urlsplit(url).path).lstrip("/")
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


def unthrottled(playwright, executable, base, site_dir, scratch, rounds: int) -> dict:
    figures = {}

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
    for round_ in range(rounds):
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
    figures["rounds"] = rounds

    # -- team page: 200 pasted codes until the team picture is on screen ----------------
    codes = "\n".join(team_codes(200))
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
        if not show_team_picture(page, timeout=60000):
            raise RuntimeError("the engine did not start on the team page")
        page.wait_for_function("() => document.querySelector('[data-sw-team-n]')?.dataset.swTeamN === '200'"
                               " && document.querySelectorAll('[data-sw-strip]').length > 0", timeout=60000,
                               polling=5)
        team.append((time.perf_counter() - t0) * 1000)
    context.close()
    figures["team_200_codes_to_picture_ms"] = round(statistics.median(team))
    return figures


def show_team_picture(page, timeout=180000) -> bool:
    """The first result of a round appears when the facilitator asks for it: ask as soon as it can be.

    False when the engine could not start (the page offers "Opnieuw proberen" instead).
    """
    page.wait_for_selector("[data-sw-show-result], [data-sw-strip], [data-sw-team-status] .sw-retry", timeout=timeout)
    if page.locator("[data-sw-team-status] .sw-retry").count():
        return False
    button = page.locator("[data-sw-show-result]")
    if button.count():
        button.first.click()
    return True


def team_codes(n: int) -> list[str]:
    import engine
    from engine.loader import load_assessment
    a = load_assessment(ROOT / "assessments" / f"{SCAN}.yml")
    return [engine.encode(a, {q.id: (i * 7 + j) % 5 + 1 for j, q in enumerate(a.questions)}) for i in range(n)]


# -- the table on stderr --------------------------------------------------------------------------

ROWS = [
    ("scan", "first question answerable", "first_question_ms"),
    ("scan", "engine ready", "engine_ready_ms"),
    ("scan", "a code on screen, submit at 12 s", "result_after_submit_ms"),
    ("scan", "the scored result, submit at 12 s", "scored_after_submit_ms"),
    ("team", f"team picture, {TEAM_CODES} codes pasted", "picture_ms"),
    ("qr", "QR arrival stored and said", "stored_and_said_ms"),
]


def table(settings: dict) -> str:
    names = list(settings)
    lines = ["", "Slow device vs. unthrottled (ms from navigation start; one run each)",
             f"{'':44}" + "".join(f"{name:>22}" for name in names)]
    for visit in ("first", "second"):
        lines.append(f"-- {visit} visit")
        for kind, label, key in ROWS:
            cells = []
            for name in names:
                figure = settings[name][f"{kind}_{visit}"]
                value = figure.get(key)
                extra = ""
                if key == "result_after_submit_ms" and figure.get("result_was_fallback"):
                    extra = " (fallback)"
                if kind == "qr" and figure.get("engine_started"):
                    extra = " (engine started)"
                if value is None and key in ("engine_ready_ms", "picture_ms") and figure.get("engine_state"):
                    value = figure["engine_state"]  # e.g. "failed: timeout"
                cells.append(("error" if "error" in figure else "-") if value is None else f"{value}{extra}")
            lines.append(f"  {label:42}" + "".join(f"{cell:>22}" for cell in cells))
        cells = [f"{settings[n][f'scan_{visit}']['wire']['kb']} KB" for n in names]
        lines.append(f"  {'scan page: bytes over the wire':42}" + "".join(f"{c:>22}" for c in cells))
        cells = [f"{settings[n][f'scan_{visit}']['code_cache_kb']['wasm']} KB" for n in names]
        lines.append(f"  {'code cache (wasm) in the profile after':42}" + "".join(f"{c:>22}" for c in cells))
    return "\n".join(lines)


# -- main -----------------------------------------------------------------------------------------

def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=("both", "fast", "slow"), default="both")
    parser.add_argument("--quick", action="store_true", help="2 unthrottled rounds, slow device with gzip only")
    parser.add_argument("--rounds", type=int, default=None, help="unthrottled rounds (default 5, 2 with --quick)")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one")
    parser.add_argument("--servers", default=None, help="slow-device servers, comma-separated: gzip,plain")
    parser.add_argument("--cpu-share", type=float, default=0.25, help="share of one core for the slow browser")
    parser.add_argument("--submit-after", type=float, default=12.0, help="seconds after arriving the respondent submits")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false",
                        help="leave out Lighthouse's performance scores (about 2 minutes)")
    args = parser.parse_args(argv)
    rounds = args.rounds or (2 if args.quick else 5)
    servers = (args.servers or ("gzip" if args.quick else "gzip,plain")).split(",")
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    wire = Wire()
    figures = {"bench": "site", "load_average_at_start": [round(v, 2) for v in os.getloadavg()]}
    if args.site:
        site_dir = args.site.resolve()
        server = make_server(site_dir, port=0)
        base = f"http://127.0.0.1:{server.server_port}/"
    else:
        site_dir = scratch / "site"
        server = make_server(site_dir, port=0)
        base = f"http://127.0.0.1:{server.server_port}/"
        started = time.perf_counter()
        build_site(Project(root=ROOT, site_url=base), site_dir, log=lambda line: None)
        figures["build_s"] = round(time.perf_counter() - started, 2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers_up = [server]

    executable = find_browser()
    slow_cpu = None
    try:
        with sync_playwright() as playwright:
            if args.profile in ("both", "fast"):
                figures.update(unthrottled(playwright, executable, base, site_dir, scratch, rounds))
                if args.lighthouse:
                    # Lighthouse's performance score (issue 15), on a server that compresses like a static host
                    from lighthouse import lighthouse_scores  # bench/lighthouse.py; bench/ is sys.path[0]
                    lh = make_bench_server(site_dir, compress=True, wire=Wire())
                    servers_up.append(lh)
                    threading.Thread(target=lh.serve_forever, daemon=True).start()
                    lh_base = f"http://127.0.0.1:{lh.server_port}/"
                    figures["lighthouse_performance"] = {
                        f"{name}/{form}": lighthouse_scores(lh_base + path, form, executable)["scores"]["performance"]
                        for name, path in (("home", ""), ("guide", "wendbaar-werken/"), ("scan", "scans/teamfase/"),
                                           ("team", "scans/teamfase/team/"))
                        for form in ("mobile", "desktop")}
            if args.profile in ("both", "slow"):
                codes = team_codes(TEAM_CODES)
                settings = {}
                plain = make_bench_server(site_dir, compress=False, wire=wire)
                servers_up.append(plain)
                threading.Thread(target=plain.serve_forever, daemon=True).start()
                plain_base = f"http://127.0.0.1:{plain.server_port}/"
                settings["unthrottled"] = Visits(playwright, plain_base, wire, scratch, "unthrottled", executable,
                                                 False, args.submit_after, codes).run()
                browser = executable or playwright.chromium.executable_path
                slow_cpu = SlowCpu(browser, args.cpu_share, scratch)
                if slow_cpu.executable is None:
                    print(f"NOTE: the CPU is NOT slowed down ({slow_cpu.method}); only the network is.",
                          file=sys.stderr)
                for kind in servers:
                    if kind == "gzip":
                        gz = make_bench_server(site_dir, compress=True, wire=wire)
                        servers_up.append(gz)
                        threading.Thread(target=gz.serve_forever, daemon=True).start()
                        kind_base = f"http://127.0.0.1:{gz.server_port}/"
                    else:
                        kind_base = plain_base
                    settings[f"slow-{kind}"] = Visits(playwright, kind_base, wire, scratch, f"slow-{kind}",
                                                      slow_cpu.executable or executable, True, args.submit_after,
                                                      codes).run()
                figures["slow_device"] = {
                    "network": {"down_mbps": DOWN_BYTES_PER_S * 8 / 1e6, "up_mbps": UP_BYTES_PER_S * 8 / 1e6,
                                "round_trip_ms": ROUND_TRIP_MS, "method": "CDP Network.emulateNetworkConditions"},
                    "cpu": {"method": slow_cpu.method, "calibration": slow_cpu.calibration},
                    "submit_after_s": args.submit_after,
                    "settings": settings,
                }
                check_network_reached_worker(figures["slow_device"])
                print(table(settings), file=sys.stderr)
                print(f"CPU: {slow_cpu.method}; calibration {slow_cpu.calibration}", file=sys.stderr)
    finally:
        if slow_cpu is not None:
            problem = slow_cpu.close()
            if problem:
                print(f"NOTE: {problem}", file=sys.stderr)
        for running in servers_up:
            running.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
    figures["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    print(json.dumps(figures))


def check_network_reached_worker(slow: dict) -> None:
    """The worker fetches the wasm; on the emulated line it cannot be ready before the wasm is in."""
    for name, setting in slow["settings"].items():
        if name == "unthrottled":
            continue
        first = setting["scan_first"]
        if not first.get("worker_start_to_ready_ms"):
            continue  # the engine never got ready: nothing to check against
        wasm = first["wire"]["pyodide_kb"] * 1024
        floor_ms = wasm / DOWN_BYTES_PER_S * 1000 * 0.8
        reached = first["worker_start_to_ready_ms"] >= floor_ms
        setting["network_reached_worker"] = reached
        if not reached:
            print(f"NOTE: {name}: the engine was ready before its {wasm / 1e6:.1f} MB could have come over the"
                  " emulated line: the throttling did not reach the worker.", file=sys.stderr)


if __name__ == "__main__":
    main()

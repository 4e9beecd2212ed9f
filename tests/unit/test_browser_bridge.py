"""The browser side of the engine: standard library only, and a bridge that never raises."""
import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import engine
from support import ROOT, load_example
from engine.browser import handle

BROWSER_MODULES = ["__init__", "browser", "codes", "errors", "model", "organisation", "scoring", "team", "text"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_browser_modules_import_only_the_standard_library():
    for name in BROWSER_MODULES:
        outside = imported_modules(ROOT / "engine" / f"{name}.py") - set(sys.stdlib_module_names) - {"__future__"}
        assert outside == set(), f"engine/{name}.py imports {outside}"


def test_relative_imports_of_browser_modules_stay_inside_the_browser_set():
    # engine/qr.py (segno, for QR codes) is the one exception, imported lazily by the bridge only
    for name in BROWSER_MODULES:
        tree = ast.parse((ROOT / "engine" / f"{name}.py").read_text(encoding="utf-8"))
        local = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
        allowed = set(BROWSER_MODULES) | ({"qr"} if name == "browser" else set())
        assert local <= allowed, f"engine/{name}.py reaches {local - allowed}"


def test_the_qr_module_needs_only_segno_beside_the_standard_library():
    outside = imported_modules(ROOT / "engine" / "qr.py") - set(sys.stdlib_module_names) - {"__future__"}
    assert outside == {"segno"}


def test_qr_path_draws_one_square_per_dark_module():
    import segno
    text = "https://example.org/scans/teamfase/team/#code=ABCD-EFGH"
    drawn = json.loads(handle(json.dumps({"op": "qr", "definition": json.dumps(engine.to_data(load_example())),
                                          "text": text})))["value"]
    dark = sum(sum(row) for row in segno.make(text, error="m", micro=False).matrix)
    widths = [int(w) for w in __import__("re").findall(r"h(\d+)v1", drawn["path"])]
    assert sum(widths) == dark
    assert drawn["size"] == len(segno.make(text, error="m", micro=False).matrix) + 8


def test_handle_scores_like_the_library():
    definition = json.dumps(engine.to_data(load_example()))
    answers = {"rollen-helder": 4, "fout-melden": 5}
    reply = json.loads(handle(json.dumps({"op": "score", "definition": definition, "answers": answers})))
    assert reply == {"ok": True, "value": engine.score(load_example(), answers)}


def test_handle_turns_bad_input_into_an_error_reply():
    definition = json.dumps(engine.to_data(load_example()))
    cases = [
        ({"op": "score", "definition": definition, "answers": {"rollen-helder": 0}}, "AnswerError"),
        ({"op": "vliegen", "definition": definition}, "ValueError"),
        ({"op": "score", "definition": "{niet json", "answers": {}}, "JSONDecodeError"),
        ({"op": "score", "definition": json.dumps({"id": "x"}), "answers": {}}, "AssessmentError"),
        ({"op": "score", "definition": definition}, "BadRequest"),
    ]
    for request, kind in cases:
        reply = json.loads(handle(json.dumps(request)))
        assert reply["ok"] is False and reply["error"]["kind"] == kind and reply["error"]["message"]


def test_decode_reports_each_code_separately():
    example = load_example()
    definition = json.dumps(engine.to_data(example))
    good = engine.encode(example, {"fout-melden": 3})
    reply = json.loads(handle(json.dumps({"op": "decode", "definition": definition, "codes": [good, "AB"]})))
    first, second = reply["value"]
    assert first["ok"] and first["answers"]["fout-melden"] == 3
    assert second == {"ok": False, "reason": "short", "message": second["message"]}
    assert second["message"].startswith("Deze code is te kort")


def deep_request(op: str, field: str, depth: int) -> str:
    """A request with one field nested `depth` deep, written by hand: json.dumps would itself refuse it."""
    definition = json.dumps(json.dumps(engine.to_data(load_example())))
    return '{"op": "%s", "definition": %s, "%s": %s%s}' % (op, definition, field, "[" * depth, "]" * depth)


def test_a_deeply_nested_request_gets_exactly_one_error_reply():
    for op, field in [("compare", "previous"), ("score", "answers"), ("aggregate", "members")]:
        for depth in (1_500, 100_000):
            reply = json.loads(handle(deep_request(op, field, depth)))
            assert reply["ok"] is False, (op, depth)
            assert reply["error"]["kind"] == "TooDeep" and reply["error"]["message"] == "Dit verzoek is te diep genest om te lezen."


def test_any_unexpected_failure_still_gets_an_error_reply(monkeypatch):
    from engine import browser

    def out_of_memory(assessment, request):
        raise MemoryError()

    def broken(assessment, request):
        raise ZeroDivisionError("oeps")

    definition = json.dumps(engine.to_data(load_example()))
    monkeypatch.setitem(browser.OPERATIONS, "score", out_of_memory)
    reply = json.loads(handle(json.dumps({"op": "score", "definition": definition, "answers": {}})))
    assert reply == {"ok": False, "error": {"kind": "TooBig", "message": "Dit verzoek is te groot om te verwerken."}}
    monkeypatch.setitem(browser.OPERATIONS, "score", broken)
    reply = json.loads(handle(json.dumps({"op": "score", "definition": definition, "answers": {}})))
    assert reply["ok"] is False and reply["error"]["kind"] == "ZeroDivisionError"
    assert reply["error"]["message"] == "Er ging iets mis in de rekenmodule (ZeroDivisionError: oeps)."


def run_runtime_check(script: str):
    """Run a Node script against the real engine-runtime.js; returns the JSON it prints."""
    runtime = (ROOT / "theme" / "overrides" / "assets" / "js" / "engine-runtime.js").as_uri()
    run = subprocess.run(["node", "--input-type=module", "-e", script % {"runtime": runtime}],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


RUNTIME_CHECK = r"""
import { createEngineRuntime } from "%(runtime)s";
const posted = [];
let calls = 0;
const pyodide = {  // a stand-in for Pyodide: handle() answers, or fails like a WebAssembly stack overflow
  unpackArchive() {},
  runPython() { return "3.14"; },
  pyimport() {
    return { handle(json) {
      calls += 1;
      if (JSON.parse(json).op === "encode") throw Object.assign(new Error("Maximum call stack size exceeded"), { pyodide_fatal_error: true });
      return '{"ok":true,"value":1}';
    } };
  },
};
const runtime = createEngineRuntime({ loadPyodide: async () => pyodide, wheelUrls: ["engine.whl"],
  fetchBytes: async () => new Uint8Array(), post: (message) => posted.push(message) });
await runtime.ready;
let deep = 1;
for (let i = 0; i < 100000; i++) deep = { a: deep };
const requests = [
  { type: "compare:request", id: 1, definition: "{}", previous: deep, current: {} },
  { type: "score:request", id: 2, definition: "{}", answers: {} },
  { type: "encode:request", id: 3, definition: "{}", answers: {} },
  { type: "score:request", id: 4, definition: "{}", answers: {} },
];
for (const request of requests) await runtime.onMessage(request);
console.log(JSON.stringify({ posted: posted.filter((m) => m.type !== "engine:progress"), calls }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (./run.sh installs it)")
def test_the_worker_runtime_gives_every_request_exactly_one_reply():
    """engine-runtime.js: a request too deep never reaches Python; a Pyodide failure is a reply and an event."""
    out = run_runtime_check(RUNTIME_CHECK)
    assert out["calls"] == 2  # the deep request and the one after the failure never reach Python
    events = [m["type"] for m in out["posted"]]
    assert events == ["engine:ready", "compare:result", "score:result", "engine:error", "encode:result", "score:result"]
    replies = {m["id"]: json.loads(m["json"]) for m in out["posted"] if "id" in m}
    assert replies[1] == {"ok": False, "error": {"kind": "TooDeep", "message": "Dit verzoek is te diep genest om te lezen."}}
    assert replies[2] == {"ok": True, "value": 1}
    assert replies[3]["error"]["kind"] == "EngineError"
    assert replies[4]["error"]["kind"] == "EngineUnavailable"


def test_the_perspective_passes_through_score_result_encode_and_decode():
    from support import load_nearest
    nearest = load_nearest()
    definition = json.dumps(engine.to_data(nearest))
    answers = {"doel-bekend": 1, "doel-gedeeld": 2, "doel-zoek": 5, "zelf-budget": "n/a"}

    def ask(op, **args):
        return json.loads(handle(json.dumps({"op": op, "definition": definition, **args})))
    score = ask("score", answers=answers, perspective="leider")["value"]
    assert score == engine.score(nearest, answers, perspective="leider")
    result = ask("result", answers=answers, perspective="lid", nonce=5)["value"]
    assert result == {"score": engine.score(nearest, answers, perspective="lid"),
                      "code": engine.encode(nearest, answers, "lid", nonce=5)}
    code = ask("encode", answers=answers, perspective="lid", nonce=5)["value"]
    assert code == result["code"]
    [entry] = ask("decode", codes=[code])["value"]
    assert (entry["ok"], entry["perspective"], entry["answers"]["zelf-budget"]) == (True, "lid", "n/a")
    assert ask("score", answers=answers)["value"]["perspective"] is None
    wrong = ask("score", answers=answers, perspective="baas")
    assert wrong == {"ok": False, "error": {"kind": "AnswerError", "reason": None,
                                            "message": "onbekend perspectief 'baas' voor 'dichtstbij'; "
                                                       "kies uit: leider, lid"}}


WAIT_FOR_START_CHECK = r"""
import { createEngineRuntime } from "%(runtime)s";
const log = [];
const pyodide = { unpackArchive() {}, runPython() { return "3.14"; },
  pyimport() { return { handle() { return '{"ok":true,"value":1}'; } }; } };
const runtime = createEngineRuntime({ waitForStart: true, wheelUrls: ["engine.whl"],
  loadPyodide: async () => { log.push("loadPyodide"); return pyodide; },
  fetchBytes: async (url) => { log.push(`fetch ${url}`); return new Uint8Array(); },
  post: (message) => log.push(message.type) });
const reply = runtime.onMessage({ type: "score:request", id: 1, definition: "{}", answers: {} });
for (let i = 0; i < 20; i++) await new Promise((done) => setTimeout(done, 5));
log.push("start");
runtime.start();
await reply;
console.log(JSON.stringify(log));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (./run.sh installs it)")
def test_the_browser_worker_loads_nothing_before_the_pages_go_ahead():
    """engine-runtime.js with waitForStart (engine-worker.js): Pyodide and the wheel wait for start(); a request waits too."""
    log = run_runtime_check(WAIT_FOR_START_CHECK)
    assert log[0] == "start"  # nothing was loaded, posted or answered before it
    assert log[1:] == ["engine:progress", "loadPyodide", "fetch engine.whl", "engine:progress", "engine:ready",
                       "score:result"]


ALIVE_CHECK = r"""
import { createEngineRuntime } from "%(runtime)s";
const posted = [];
let arrive;
const files = new Promise((resolve) => { arrive = resolve; });  // Pyodide's files on a slow line
const pyodide = { unpackArchive() {}, runPython() { return "3.14"; },
  pyimport() { return { handle() { return '{"ok":true,"value":1}'; } }; } };
const runtime = createEngineRuntime({ wheelUrls: ["engine.whl"], aliveEveryMs: 20,
  loadPyodide: async () => { await files; return pyodide; },
  fetchBytes: async () => new Uint8Array(), post: (message) => posted.push(message) });
await new Promise((done) => setTimeout(done, 150));
const whileWaiting = posted.length;
arrive();
await runtime.ready;
await new Promise((done) => setTimeout(done, 100));
console.log(JSON.stringify({ whileWaiting, posted }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (./run.sh installs it)")
def test_a_starting_worker_keeps_saying_its_stage_and_stops_once_ready():
    """engine-runtime.js: the page gives up only on a silent worker, so a slow download must not look silent."""
    out = run_runtime_check(ALIVE_CHECK)
    waiting = out["posted"][:out["whileWaiting"]]
    assert len(waiting) >= 3 and {(m["type"], m["stage"]) for m in waiting} == {("engine:progress", "pyodide")}
    after = [m["type"] for m in out["posted"][out["whileWaiting"]:]]
    assert after[-1] == "engine:ready" and after.count("engine:ready") == 1  # and nothing after it

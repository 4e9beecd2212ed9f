"""The engine gives byte-identical replies in CPython and in Pyodide (Python 3.14, WebAssembly).

Test vectors (the example and random assessments, every operation of the
browser bridge, good and bad input) run through ``engine.browser.handle`` here
and through the real worker runtime with real Pyodide under Node. This proves
the standard-library-only claim instead of assuming it.
"""
import json
import random
import shutil
import subprocess

import pytest

import engine
from builder.wheel import build_wheel, pack_installed
from support import ROOT, load_example
from engine.browser import handle

pytestmark = pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").is_dir(),
                                reason="needs Node and `npm ci` (the README's test command sets both up)")


def random_definition(rng: random.Random) -> dict:
    dims = [f"d{i}" for i in range(rng.randint(1, 5))]
    low = rng.randint(0, 2)
    high = low + rng.randint(2, 6)
    return {
        "id": f"scan-{rng.randint(0, 999)}", "version": rng.randint(1, 300), "title": {"nl": "Scan", "en": "Scan"},
        "audience": "team", "min_group": rng.randint(1, 4),
        "scale": {"min": low, "max": high, "labels": {str(v): f"w{v}" for v in range(low, high + 1)}},
        "dimensions": [{"id": d, "title": d, "bands": [{"upto": 33.3, "label": "laag", "advice": "a"},
                                                        {"upto": 66.7, "label": "midden"},
                                                        {"upto": 100, "label": "hoog", "links": ["x.md"]}]}
                       for d in dims],
        "questions": [{"id": f"q{i}", "text": f"Vraag {i}", "dimension": dims[i % len(dims)],
                       "reverse": rng.random() < 0.3, "weight": rng.choice([1, 1, 2, 0.5, 1.5])}
                      for i in range(rng.randint(len(dims), 40))],
        "profiles": [{"id": "p1", "title": "P1", "when": {dims[0]: {"min": 50}}},
                     {"id": "p2", "title": "P2", "when": {dims[-1]: {"max": 49.9}}, "text": "t"}],
    }


def random_answers(rng, definition):
    scale = definition["scale"]
    return {q["id"]: rng.choice([None, "unknown", *range(scale["min"], scale["max"] + 1)])
            for q in definition["questions"]}


def vectors() -> list[dict]:
    rng = random.Random(20261125)
    example = json.dumps(engine.to_data(load_example()))
    definitions = [example] + [json.dumps(random_definition(rng)) for _ in range(25)]
    requests = []
    for text in definitions:
        definition = json.loads(text)
        for _ in range(4):
            answers = random_answers(rng, definition)
            nonce = rng.randint(0, 65535)
            requests.append({"type": "score:request", "definition": text, "answers": answers, "lang": "en"})
            requests.append({"type": "result:request", "definition": text, "answers": answers, "nonce": nonce})
        members = [random_answers(rng, definition) for _ in range(rng.randint(0, 12))]
        codes = [engine.encode(engine.parse_assessment(definition), m) for m in members]
        requests.append({"type": "aggregate:request", "definition": text, "members": codes + codes[:2]})
        requests.append({"type": "aggregate:request", "definition": text, "members": members})
        typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1") if codes else "ABC"
        requests.append({"type": "decode:request", "definition": text, "codes": codes[:3] + [typo, "UUU", ""]})
        lines = codes + codes[:1] + [typo, "X" * 120]
        requests.append({"type": "team:request", "definition": text, "codes": lines,
                         "order": list(range(len(codes)))[::-1]})
    requests.append({"type": "qr:request", "definition": example,
                     "text": "https://example.org/sw/scans/voorbeeld/team/#code=19GN-TC02-YS54-3BJ6&team=Blauw"})
    # bad input must come back as error replies, identically
    requests.append({"type": "score:request", "definition": example, "answers": {"rollen-helder": 9}})
    requests.append({"type": "score:request", "definition": example, "answers": {"nope": 1}})
    requests.append({"type": "score:request", "definition": json.dumps({"id": "x"}), "answers": {}})
    for i, request in enumerate(requests):
        request["id"] = i
    return requests


def test_pyodide_replies_are_byte_identical_to_cpython(tmp_path):
    requests = vectors()
    (tmp_path / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    wheels = [build_wheel(tmp_path / "wheel"), pack_installed("segno", tmp_path / "wheel")]
    run = subprocess.run(["node", str(ROOT / "tests" / "node" / "run-engine.mjs"),
                          str(tmp_path / "requests.json"), *map(str, wheels)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    messages = [json.loads(line) for line in run.stdout.splitlines()]
    ready = [m for m in messages if m["type"] == "engine:ready"]
    assert ready and ready[0]["python"].startswith("3.14"), messages[:3]
    replies = {m["id"]: m for m in messages if m["type"].endswith(":result")}
    assert len(replies) == len(requests)
    mismatches = []
    for request in requests:
        args = {k: v for k, v in request.items() if k not in ("type", "id")}
        expected = handle(json.dumps({"op": request["type"].split(":")[0], **args}))
        reply = replies[request["id"]]
        assert reply["type"] == request["type"].replace(":request", ":result")
        if reply["json"] != expected:
            mismatches.append((request["id"], expected[:200], reply["json"][:200]))
    assert mismatches == []
    # the vectors really exercise both outcomes
    outcomes = [json.loads(r["json"])["ok"] for r in replies.values()]
    assert outcomes.count(True) > 100 and outcomes.count(False) >= 3

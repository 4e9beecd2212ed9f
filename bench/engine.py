"""Engine throughput in CPython and in Pyodide (via Node); prints one JSON line.

Figures: scores per second for a 40-question assessment, encodes and decodes
per second, and milliseconds to aggregate 1,000 members. Aims on a 2-core
machine: 20,000 scores/s in CPython, aggregation of 1,000 members under 50 ms.
Usage: python bench/engine.py [--no-pyodide]
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402
from builder.wheel import build_wheel  # noqa: E402


def forty_questions() -> dict:
    dims = ["a", "b", "c", "d", "e"]
    return {
        "id": "bench", "version": 1, "title": "Bench", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {str(v): str(v) for v in range(1, 6)}},
        "dimensions": [{"id": d, "title": d, "bands": [{"upto": 40, "label": "l", "advice": "x"},
                                                        {"upto": 70, "label": "m"}, {"upto": 100, "label": "h"}]}
                       for d in dims],
        "questions": [{"id": f"q{i}", "text": "?", "dimension": dims[i % 5], "reverse": i % 4 == 0}
                      for i in range(40)],
        "profiles": [{"id": "p", "when": {"a": {"min": 60}, "b": {"max": 40}}}, {"id": "rest", "when": {}}],
    }


def per_second(fn, seconds=1.0) -> float:
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(100):
            fn()
        count += 100
    return count / elapsed


def cpython(definition, answer_sets, codes) -> dict:
    a = engine.parse_assessment(definition)
    answers = answer_sets[0]
    code = codes[0]
    members = codes[:1000]
    timings = []
    for _ in range(7):
        start = time.perf_counter()
        engine.aggregate(a, members)
        timings.append((time.perf_counter() - start) * 1000)
    return {
        "scores_per_s": round(per_second(lambda: engine.score(a, answers))),
        "encodes_per_s": round(per_second(lambda: engine.encode(a, answers))),
        "decodes_per_s": round(per_second(lambda: engine.decode(a, code))),
        "aggregate_1000_ms": round(sorted(timings)[len(timings) // 2], 1),
    }


def pyodide(definition, answer_sets, codes) -> dict:
    """The same work through the real worker runtime under Node, timed per kind of request."""
    text = json.dumps(definition)
    kinds = {
        "score": [{"type": "score:request", "definition": text, "answers": answer_sets[i % 50]} for i in range(2000)],
        "encode": [{"type": "encode:request", "definition": text, "answers": answer_sets[i % 50]} for i in range(2000)],
        "decode": [{"type": "decode:request", "definition": text, "codes": [codes[i % 1000]]} for i in range(2000)],
        "aggregate": [{"type": "aggregate:request", "definition": text, "members": codes[:1000]} for _ in range(5)],
    }
    out = {}
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(Path(scratch) / "wheel")
        for kind, requests in kinds.items():
            for i, request in enumerate(requests):
                request["id"] = i
            path = Path(scratch) / f"{kind}.json"
            path.write_text(json.dumps(requests))
            run = subprocess.run(["node", str(ROOT / "tests/node/run-engine.mjs"), str(path), str(wheel)],
                                 capture_output=True, text=True, cwd=ROOT, check=True)
            lines = [json.loads(line) for line in run.stdout.splitlines()]
            done = lines[-1]
            if kind == "score":
                out["ready_ms"] = round(next(m["ms"] for m in lines if m["type"] == "engine:ready"))
            if kind == "aggregate":
                out["aggregate_1000_ms"] = round(done["ms"] / done["requests"], 1)
            else:
                out[f"{kind}s_per_s"] = round(done["requests"] / (done["ms"] / 1000))
    return out


def main() -> None:
    rng = random.Random(1)
    definition = forty_questions()
    a = engine.parse_assessment(definition)
    answer_sets = [{f"q{i}": rng.choice([None, 1, 2, 3, 4, 5]) for i in range(40)} for _ in range(1000)]
    codes = [engine.encode(a, answers) for answers in answer_sets]
    figures = {"bench": "engine", "questions": 40, "cpython": cpython(definition, answer_sets, codes)}
    if "--no-pyodide" not in sys.argv:
        figures["pyodide_node"] = pyodide(definition, answer_sets, codes)
        figures["pyodide_node"]["note"] = "per request through the worker protocol, JSON included"
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

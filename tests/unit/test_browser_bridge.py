"""The browser side of the engine: standard library only, and a bridge that never raises."""
import ast
import json
import sys
from pathlib import Path

import engine
from support import ROOT, load_example
from engine.browser import handle

BROWSER_MODULES = ["__init__", "browser", "codes", "errors", "model", "scoring", "team", "text"]


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

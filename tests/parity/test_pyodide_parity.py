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
from builder.stdlib import build_stdlib, with_bytecode
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
        "id": f"scan-{rng.randint(0, 999)}", "version": rng.randint(1, 255), "title": {"nl": "Scan", "en": "Scan"},
        "audience": "team", "min_group": rng.randint(3, 6),
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


def random_definition_v2(rng: random.Random) -> dict:
    """Format v2: nearest prototypes, a perspective, "n/a" questions, text per perspective."""
    definition = random_definition(rng)
    dims = [d["id"] for d in definition["dimensions"]]
    options = [f"plek-{i}" for i in range(rng.randint(2, 8))]
    definition["perspective"] = {"text": "Waar sta je?", "options": [{"id": o, "label": o} for o in options]}
    for question in definition["questions"]:
        if rng.random() < 0.25:
            question["not_applicable"] = {"nl": "Niet van toepassing", "en": "Not applicable"}
    definition["dimensions"][0]["bands"][0]["advice_by_perspective"] = {options[0]: "voor de eerste plek"}
    used = rng.sample(dims, rng.randint(1, len(dims)))
    definition["profile_rule"] = "nearest"
    definition["borderline_margin"] = rng.choice([5, 10, 12.5, 30])
    definition["profiles"] = [{"id": f"p{i}", "title": f"P{i}", "text": f"t{i}",
                               "prototype": {d: rng.choice([0, 12.5, 25, 50, 62.5, 75, 100]) for d in used},
                               **({"text_by_perspective": {options[-1]: "voor de laatste plek"}} if i == 0 else {})}
                              for i in range(rng.randint(1, 5))]
    definition["reflection"] = [{"id": "trots", "text": "Waar ben je trots op?"}]
    return definition


def random_answers(rng, definition):
    scale = definition["scale"]
    values = [None, "unknown", *range(scale["min"], scale["max"] + 1)]
    return {q["id"]: rng.choice(values + (["n/a"] if q.get("not_applicable") else [])) for q in definition["questions"]}


def random_perspective(rng, definition):
    options = [o["id"] for o in (definition.get("perspective") or {}).get("options", [])]
    return rng.choice([None, *options]) if options else None


def v2_vectors() -> list[dict]:
    """One request per new behaviour, on the v2 example (tests/fixtures/dichtstbij) and the example."""
    from support import load_nearest
    nearest = load_nearest()
    text = json.dumps(engine.to_data(nearest))
    example = json.dumps(engine.to_data(load_example()))
    missie = {"doel-bekend": 5, "doel-gedeeld": 4, "doel-zoek": 2, "zelf-plannen": 4, "zelf-budget": 4,
              "toestemming": 2}
    between = {"doel-bekend": 4, "doel-gedeeld": 3, "doel-zoek": 3, "zelf-plannen": 3, "zelf-budget": 3,
               "toestemming": 4}
    cases = {
        "nearest": {"answers": missie},
        "borderline": {"answers": between, "perspective": "leider"},
        "tie-and-straightlining": {"answers": {q.id: 3 for q in nearest.questions}},
        "inconsistent": {"answers": {"doel-bekend": 5, "doel-gedeeld": 5, "doel-zoek": 4, "zelf-plannen": 4,
                                     "zelf-budget": 4, "toestemming": 4}},
        "many-unknown": {"answers": dict(missie, **{"doel-zoek": "unknown", "toestemming": None})},
        "incomplete": {"answers": {"doel-bekend": 5, "zelf-plannen": 4}},
        "n/a": {"answers": dict(missie, **{"zelf-budget": "n/a"}), "perspective": "lid"},
    }
    requests = [{"type": "score:request", "definition": text, "case": name, **case} for name, case in cases.items()]
    codes = [engine.encode(nearest, case["answers"], case.get("perspective"), nonce=i)
             for i, case in enumerate(cases.values())]
    requests += [
        {"type": "result:request", "definition": text, "answers": between, "perspective": "lid", "nonce": 9},
        {"type": "encode:request", "definition": text, "answers": dict(missie, **{"zelf-budget": "n/a"}),
         "perspective": "leider", "nonce": 1},
        {"type": "decode:request", "definition": text, "codes": codes, "case": "perspective-and-n/a"},
        {"type": "aggregate:request", "definition": text, "members": codes, "case": "team-nearest"},
        {"type": "team:request", "definition": text, "codes": codes, "order": list(range(len(codes)))},
        # a code of format 1, made before "n/a" and the perspective (see tests/unit/test_codes.py)
        {"type": "decode:request", "definition": example, "codes": ["19GH-14G2-YS54-3S7J"], "case": "format-1"},
        {"type": "score:request", "definition": text, "answers": missie, "perspective": "baas", "case": "error"},
        {"type": "score:request", "definition": text, "answers": {"doel-bekend": "n/a"}, "case": "error"},
    ]
    return requests


def random_definition_relative(rng: random.Random) -> dict:
    """profile_rule: relative with random cut-offs and levels, a profile per outcome (some per level)."""
    definition = random_definition(rng)
    dims = [d["id"] for d in definition["dimensions"]]
    if len(dims) < 2:
        dims.append("d9")
        definition["dimensions"].append(dict(definition["dimensions"][0], id="d9"))
        definition["questions"].append({"id": "q99", "text": "Vraag", "dimension": "d9"})
    cuts = sorted(rng.sample([20, 33.3, 35, 50, 65, 70], rng.randint(1, 3)))
    levels = [{"id": f"niveau-{i}", "upto": upto, "label": f"N{i}"} for i, upto in enumerate(cuts + [100])]
    definition["profile_rule"] = "relative"
    definition["relative"] = {"behind": rng.choice([10, 12.5, 15, 20]), "balanced_range": rng.choice([15, 20, 25.5]),
                              "margin": rng.choice([2.5, 5, 10]), "levels": levels}
    balanced = [{"id": f"balans-{lv['id']}", "outcome": {"balanced": True, "level": lv["id"]}} for lv in levels]
    # (one in three: a single profile for "none behind", outcome {}, as in Supportlijnen v4)
    rest = [{"id": "geen-achter", "outcome": {}}] if rng.random() < 1 / 3 else \
        balanced + [{"id": "ongelijk", "outcome": {"balanced": False}}]
    definition["profiles"] = [{"id": f"achter-{d}", "title": d, "outcome": {"behind": d}} for d in dims] + rest
    return definition


def relative_vectors(rng: random.Random) -> list[dict]:
    """profile_rule: relative on the real Supportlijnen-scan (named cases) and on random relative definitions."""
    from support import scan
    lines = scan("supportlijnen")
    text = json.dumps(engine.to_data(lines))

    def levels(**by_dimension):
        return {q.id: (6 - by_dimension.get(q.dimension, 3) if q.reverse else by_dimension.get(q.dimension, 3))
                for q in lines.questions}
    cases = {
        "relative-balanced": levels(),
        "relative-behind": dict(levels(**{d.id: 4 for d in lines.dimensions}), **levels(concernsupport=2)),
        "relative-two-behind": levels(**{"persoonlijk-leiderschap": 4, "samenwerking": 2, "leiderschap": 2,
                                          "concernsupport": 4, "lerende-organisatie": 4}),
        "relative-uneven": levels(**{"lerende-organisatie": 5}),
        "relative-incomplete": {q.id: 4 for q in lines.questions if q.dimension != "samenwerking"},
    }
    requests = [{"type": "score:request", "definition": text, "answers": answers, "case": name}
                for name, answers in cases.items()]
    codes = [engine.encode(lines, answers, nonce=i) for i, answers in enumerate(cases.values())]
    requests.append({"type": "aggregate:request", "definition": text, "members": codes[:4], "case": "relative-team"})
    for _ in range(6):
        definition = random_definition_relative(rng)
        dtext = json.dumps(definition)
        for _ in range(4):
            requests.append({"type": "score:request", "definition": dtext, "answers": random_answers(rng, definition),
                             "lang": "en"})
        members = [random_answers(rng, definition) for _ in range(rng.randint(3, 8))]
        requests.append({"type": "aggregate:request", "definition": dtext, "members": members})
    return requests


def as_js(value):
    """``value`` as it arrives after a trip through JavaScript, where 50.0 is the number 50."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: as_js(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_js(v) for v in value]
    return value


def round_and_organisation_vectors() -> list[dict]:
    """The team page's other requests (a round from pasted text, a comparison) and the organisation overview."""
    from engine.organisation import team_file
    from support import load_nearest
    requests = []
    for a in (load_example(), load_nearest()):
        text = json.dumps(engine.to_data(a))
        members = [{q.id: a.scale.min + (i * 3 + j) % (a.scale.max - a.scale.min + 1)
                    for j, q in enumerate(a.questions)} for i in range(6)]
        codes = [engine.encode(a, m, nonce=i) for i, m in enumerate(members)]
        team = as_js(engine.aggregate(a, codes))
        files = [{"name": "blauw.json", "text": json.dumps(team_file(a, codes, "Blauw", "Zorg", "1", "2026-11-01"))},
                 {"name": "groen.json", "text": json.dumps([team_file(a, codes[2:], "Groen", None, "2", "2026-11-02")])},
                 {"name": "kapot.json", "text": "{"}]
        requests += [
            {"type": "team:request", "definition": text, "text": "\n".join(codes), "order": [5, 4, 3, 2, 1, 0],
             "shown": [codes[:3]], "show": True},
            {"type": "compare:request", "definition": text, "previous": {"scan": a.id, "team": team}, "current": team},
            {"type": "compare:request", "definition": text, "previous": {"scan": "anders", "team": team},
             "current": team},
            {"type": "team-file:request", "definition": text, "codes": codes, "label": "Blauw", "department": "Zorg",
             "round": "1", "date": "2026-11-01"},
            {"type": "team-file:request", "definition": text, "codes": codes[:1], "label": "Klein",
             "date": "2026-11-01"},
            {"type": "organisation:request", "definition": text, "files": files},
        ]
    return requests


def vectors() -> list[dict]:
    rng = random.Random(20261125)
    example = json.dumps(engine.to_data(load_example()))
    definitions = [example] + [json.dumps(random_definition(rng)) for _ in range(25)]
    definitions += [json.dumps(random_definition_v2(rng)) for _ in range(25)]
    requests = []
    for text in definitions:
        definition = json.loads(text)
        for _ in range(4):
            answers = random_answers(rng, definition)
            nonce = rng.randint(0, 65535)
            perspective = random_perspective(rng, definition)
            requests.append({"type": "score:request", "definition": text, "answers": answers, "lang": "en",
                             "perspective": perspective})
            requests.append({"type": "result:request", "definition": text, "answers": answers, "nonce": nonce,
                             "perspective": perspective})
        members = [random_answers(rng, definition) for _ in range(rng.randint(0, 12))]
        codes = [engine.encode(engine.parse_assessment(definition), m, random_perspective(rng, definition))
                 for m in members]
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
    requests += v2_vectors()
    requests += relative_vectors(rng)
    requests += round_and_organisation_vectors()
    for i, request in enumerate(requests):
        request["id"] = i
    return requests


def test_pyodide_replies_are_byte_identical_to_cpython(tmp_path):
    """On the runtime the site ships: the precompiled, trimmed standard library and the wheels with
    their bytecode (builder/stdlib.py)."""
    requests = vectors()
    (tmp_path / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    built = [build_wheel(tmp_path / "wheel"), pack_installed("segno", tmp_path / "wheel")]
    stdlib = build_stdlib(built, log=lambda line: None)
    wheels = [with_bytecode(wheel, stdlib, tmp_path / "shipped") for wheel in built]
    run = subprocess.run(["node", str(ROOT / "tests" / "node" / "run-engine.mjs"), str(tmp_path / "requests.json"),
                          "--stdlib", str(stdlib.main), "--stdlib", str(stdlib.later), *map(str, wheels)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    messages = [json.loads(line) for line in run.stdout.splitlines()]
    ready = [m for m in messages if m["type"] == "engine:ready"]
    assert ready and ready[0]["python"].startswith("3.14"), messages[:3]
    replies = {m["id"]: m for m in messages if m["type"].endswith(":result")}
    assert len(replies) == len(requests)
    mismatches = []
    for request in requests:
        args = {k: v for k, v in request.items() if k not in ("type", "id", "case")}
        expected = handle(json.dumps({"op": request["type"].split(":")[0], **args}))
        reply = replies[request["id"]]
        assert reply["type"] == request["type"].replace(":request", ":result")
        if reply["json"] != expected:
            mismatches.append((request["id"], expected[:200], reply["json"][:200]))
    assert mismatches == []
    # the vectors really exercise both outcomes
    outcomes = [json.loads(r["json"])["ok"] for r in replies.values()]
    assert outcomes.count(True) > 100 and outcomes.count(False) >= 3
    # ... and every new behaviour of format v2, as intended
    case = {r["case"]: json.loads(replies[r["id"]]["json"]) for r in requests if "case" in r and r["case"] != "error"}
    assert (case["nearest"]["value"]["profile"]["distance"], case["nearest"]["value"]["runner_up"]["id"]) == \
        (6.0, "gericht")
    assert case["borderline"]["value"]["borderline"] is True
    assert case["borderline"]["value"]["perspective"] == "leider"
    assert case["tie-and-straightlining"]["value"]["flags"] == ["straightlining"]
    assert case["inconsistent"]["value"]["flags"] == ["inconsistent"]
    assert case["many-unknown"]["value"]["flags"] == ["many-unknown"]
    assert case["incomplete"]["value"]["flags"][0] == "incomplete"
    assert case["n/a"]["value"]["dimensions"]["ruimte"]["answered"] == 2
    decoded = case["perspective-and-n/a"]["value"]
    assert [d["perspective"] for d in decoded][:2] == [None, "leider"] and decoded[-1]["answers"]["zelf-budget"] == "n/a"
    assert case["team-nearest"]["value"]["runner_up"] is not None
    assert case["format-1"]["value"][0]["ok"] is True
    # ... and profile_rule: relative (issue 12, item 5)
    value = {name: case[name]["value"] for name in case if name.startswith("relative-")}
    assert (value["relative-balanced"]["profile"]["id"], value["relative-balanced"]["relative"]["level"]["id"],
            value["relative-balanced"]["relative"]["balanced"]) == ("geen-lijn-achter", "midden", True)
    assert value["relative-behind"]["profile"]["id"] == "achter-concernsupport"
    assert (value["relative-two-behind"]["relative"]["behind"], value["relative-two-behind"]["runner_up"]["gap"],
            value["relative-two-behind"]["borderline"]) == (["samenwerking", "leiderschap"], 0.0, True)
    assert (value["relative-uneven"]["profile"]["id"], value["relative-uneven"]["relative"]["balanced"]) == \
        ("geen-lijn-achter", False)
    assert (value["relative-incomplete"]["profile"], value["relative-incomplete"]["relative"]) == (None, None)
    assert value["relative-team"]["profile"] is not None
    errors = [json.loads(replies[r["id"]]["json"]) for r in requests if r.get("case") == "error"]
    assert [e["error"]["kind"] for e in errors] == ["AnswerError", "AnswerError"]

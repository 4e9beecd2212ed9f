"""The page's code check without the engine (code-fallback.js checkCode, splitCodes) agrees with engine.codes.

A QR arrival and the camera store a code before the engine runs, on this check alone; the engine
reads it later. So for every kind of mistake a person or a damaged link makes, the check must say
what the engine would: the same characters refused, the same checksum failures, the same scan.
"""
import json
import random
import shutil
import subprocess

import pytest

import engine
from engine.codes import (ALPHABET, ASSESSMENT_BITS, CRC_BITS, FORMAT_BITS, MAX_SYMBOLS, READABLE_FORMATS,
                          _crc_remainder, assessment_tag, canonical)
from engine.errors import CodeError
from engine.team import split_codes
from support import ROOT, load_example, scan
from test_pyodide_parity import random_answers, random_definition, random_definition_v2, random_perspective

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (the README's setup has it)")

FALLBACK = (ROOT / "theme" / "overrides" / "assets" / "js" / "code-fallback.js").as_uri()
# Reads [[text, scanId], ...] and [text, ...] from the file named, prints
# {"checks": [checkCode results], "splits": [splitCodes results]} as JSON.
RUNNER = f"""
import {{ readFile }} from "node:fs/promises";
import {{ checkCode, splitCodes }} from {json.dumps(FALLBACK)};
const input = JSON.parse(await readFile(process.argv[1], "utf-8"));
process.stdout.write(JSON.stringify({{
  checks: input.checks.map(([text, scanId]) => checkCode(text, {{ scanId }})),
  splits: input.splits.map((text) => splitCodes(text)),
}}));
"""


def run_js(tmp_path, checks, splits):
    (tmp_path / "input.json").write_text(json.dumps({"checks": checks, "splits": splits}))
    run = subprocess.run(["node", "--input-type=module", "-e", RUNNER, str(tmp_path / "input.json")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def expected_check(text, scan_id):
    """What checkCode should answer, from the engine's own pieces in the order engine.codes.read uses them."""
    try:
        symbols = canonical(text)
    except CodeError:
        return {"ok": False, "reason": "characters"}
    if not symbols:
        return {"ok": False, "reason": "empty"}
    if len(symbols) > MAX_SYMBOLS:
        return {"ok": False, "reason": "long"}
    codeword = 0
    for char in symbols:
        codeword = codeword << 5 | ALPHABET.index(char)
    if _crc_remainder(codeword):
        return {"ok": False, "reason": "checksum"}
    if codeword >> CRC_BITS & ((1 << FORMAT_BITS) - 1) not in READABLE_FORMATS:
        return {"ok": False, "reason": "format"}
    tag = codeword >> (CRC_BITS + FORMAT_BITS) & ((1 << ASSESSMENT_BITS) - 1)
    if scan_id is not None and tag != assessment_tag(scan_id):
        return {"ok": False, "reason": "other-scan"}
    return {"ok": True, "canonical": symbols}


def mistakes(rng, code):
    """The ways a code goes wrong on its way from one person to another, and the ways it stays right."""
    plain = code.replace("-", "")
    i = rng.randrange(len(plain))
    j = rng.randrange(len(plain) - 1)
    changed = plain[:i] + rng.choice(ALPHABET.replace(plain[i], "")) + plain[i + 1:]
    swapped = plain[:j] + plain[j + 1] + plain[j] + plain[j + 2:] if plain[j] != plain[j + 1] else plain + "0"
    return [
        code, code.lower(), code.replace("-", " "), " " + code + "\n", plain,
        code.replace("1", "I").replace("0", "O"), code.replace("1", "l"),
        changed, swapped, plain[:i] + plain[i + 1:], plain[:i] + rng.choice(ALPHABET) + plain[i:],
        code + "U", code.replace(code[-1], "!"), code + "é", code + "\u00a0", code + "ß",
        "", "---", " \t ", rng.choice(ALPHABET) * rng.randint(1, 30),
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(101, 140))),
        "".join(rng.choice(ALPHABET + "-") for _ in range(rng.randint(5, 40))),
    ]


def test_the_check_agrees_with_the_engine_for_every_kind_of_mistake(tmp_path):
    rng = random.Random(13)
    definitions = [engine.to_data(load_example()), engine.to_data(scan("teamfase")), engine.to_data(scan("werksoort"))]
    definitions += [random_definition(rng) for _ in range(20)] + [random_definition_v2(rng) for _ in range(20)]
    cases = []  # (text, scan id asked for, definition the code was meant for)
    for definition in definitions:
        parsed = engine.parse_assessment(definition)
        for _ in range(4):
            code = engine.encode(parsed, random_answers(rng, definition), random_perspective(rng, definition))
            for text in mistakes(rng, code):
                cases.append((text, rng.choice([None, definition["id"]]), parsed))
        # a sound code of another scan
        other = rng.choice([d for d in definitions if d["id"] != definition["id"]])
        cases.append((engine.encode(engine.parse_assessment(other), {}), definition["id"], parsed))
    result = run_js(tmp_path, [[text, scan_id] for text, scan_id, _ in cases], [])
    reasons = set()
    for (text, scan_id, parsed), got in zip(cases, result["checks"]):
        assert got == expected_check(text, scan_id), (text, scan_id)
        reasons.add(got.get("reason", "ok"))
        # and what the engine itself then says of the code, for the scan it was meant for
        try:
            engine.read(parsed, text)
            engine_reason = None
        except CodeError as error:
            engine_reason = error.reason
        if got["ok"]:
            assert engine_reason not in ("characters", "empty", "typo", "assessment") or (engine_reason, scan_id) == ("assessment", None), (text, scan_id, engine_reason)
        else:
            allowed = {"characters": {"characters"}, "empty": {"empty"}, "long": {"long"},
                       "checksum": {"short", "long", "typo"}, "format": {"format"}, "other-scan": {"assessment"}}[got["reason"]]
            assert engine_reason in allowed, (text, got, engine_reason)
    assert reasons == {"ok", "characters", "empty", "long", "checksum", "format", "other-scan"}  # every branch was tried


def test_the_split_agrees_with_the_engine(tmp_path):
    rng = random.Random(5)
    code = engine.encode(load_example(), {})
    pieces = [code, code.replace("-", " "), code.lower(), "ABCD", "AB", "ÅÄÖÉ", "x" * 9, "𝟘𝟙𝟚𝟛",
              "Jan:", "[10:32] Els:", "hoi allemaal", "ABCDEFGHIJK", "A1B2C3D4E5", "1234 5678 90"]
    separators = [" ", "  ", "\t", ",", ";", ", ", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85",
                  "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff", "\u200b"]
    texts = ["", "\n\n", " , ; "]
    for _ in range(300):
        texts.append("".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 8))))
    result = run_js(tmp_path, [], texts)
    for text, got in zip(texts, result["splits"]):
        assert got == split_codes(text), repr(text)

"""The page's fallback encoder (for when Pyodide cannot start) makes exactly the engine's codes."""
import json
import random
import shutil
import subprocess

import pytest

import engine
from support import ROOT, load_example
from test_pyodide_parity import random_answers, random_definition, random_definition_v2, random_perspective

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (the README's setup has it)")


def test_fallback_codes_are_byte_identical_and_decode_in_the_engine(tmp_path):
    rng = random.Random(7)
    definitions = [engine.to_data(load_example())] + [random_definition(rng) for _ in range(60)]
    definitions.append({**random_definition(rng), "id": "een-heel-lange-scan-naam-" + "x" * 40, "version": 255})
    definitions += [random_definition_v2(rng) for _ in range(40)]  # "n/a" and the perspective in the code
    vectors = []
    for definition in definitions:
        for _ in range(5):
            vectors.append({"definition": definition, "answers": random_answers(rng, definition),
                            "perspective": random_perspective(rng, definition), "nonce": rng.randint(0, 65535)})
    (tmp_path / "vectors.json").write_text(json.dumps(vectors))
    run = subprocess.run(["node", str(ROOT / "tests" / "node" / "encode-fallback.mjs"), str(tmp_path / "vectors.json")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    codes = run.stdout.split()
    assert len(codes) == len(vectors)
    for vector, code in zip(vectors, codes):
        definition = engine.parse_assessment(vector["definition"])
        assert code == engine.encode(definition, vector["answers"], vector["perspective"], nonce=vector["nonce"])
        assert engine.decode(definition, code) == {
            "answers": {k: (None if v == "unknown" else v) for k, v in vector["answers"].items()},
            "perspective": vector["perspective"]}

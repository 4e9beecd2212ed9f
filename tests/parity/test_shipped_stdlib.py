"""The standard library the site ships (builder/stdlib.py) holds every module the engine imports.

The build records the imports of its own requests; this records those of the
whole parity suite, on Pyodide's full standard library, and fails on any module
the shipped zips lack. (test_pyodide_parity.py then runs the suite on the
shipped zips themselves.) The shipped wheels carry their modules' bytecode, and
Pyodide runs it instead of compiling the sources.
"""
import json
import shutil
import subprocess
import zipfile

import pytest

from builder.stdlib import COMPILER, LATER_OPERATIONS, build_stdlib, with_bytecode
from builder.wheel import build_wheel, pack_installed
from engine.browser import handle
from support import ROOT
from test_pyodide_parity import vectors

pytestmark = pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").is_dir(),
                                reason="needs Node and `npm ci` (the README's test command sets both up)")


@pytest.fixture(scope="module")
def shipped_and_wheels(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheels")
    wheels = [build_wheel(folder), pack_installed("segno", folder)]
    return build_stdlib(wheels, log=lambda line: None), wheels


def test_every_module_the_parity_suite_imports_is_shipped(shipped_and_wheels, tmp_path):
    shipped, wheels = shipped_and_wheels
    requests = vectors()
    split = {"engine": [r for r in requests if r["type"].split(":")[0] not in LATER_OPERATIONS],
             "later": [r for r in requests if r["type"].split(":")[0] in LATER_OPERATIONS]}
    assert split["engine"] and split["later"]
    (tmp_path / "requests.json").write_text(json.dumps(split), encoding="utf-8")
    run = subprocess.run(["node", str(COMPILER), str(tmp_path / "requests.json"), str(tmp_path), *map(str, wheels)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    recorded = json.loads((tmp_path / "modules.json").read_text(encoding="utf-8"))
    # what a page needs before "ready" must be in the first zip; QR's modules may come later
    assert sorted(set(recorded["engine"]) - set(shipped.modules["engine"])) == []
    assert sorted(set(recorded["engine"] + recorded["later"])
                  - set(shipped.modules["engine"] + shipped.modules["later"])) == []


def test_the_zips_hold_stored_pyc_of_pyodides_python_only(shipped_and_wheels):
    shipped, _ = shipped_and_wheels
    assert shipped.modules["python"].startswith("3.14")
    magic = bytes.fromhex(shipped.modules["magic"])
    for path, listed in ((shipped.main, shipped.modules["engine"]), (shipped.later, shipped.modules["later"])):
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            assert sorted(i.filename for i in infos) == sorted(m[:-3] + ".pyc" for m in listed)
            assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}  # the web server compresses
            assert {archive.read(i)[:4] for i in infos} == {magic}
    assert {"json/__init__.py", "dataclasses.py", "fractions.py", "csv.py"} <= set(shipped.modules["engine"])
    assert "email/message.py" in shipped.modules["later"]  # segno's imports wait until after ready
    assert "unittest/__init__.py" not in shipped.modules["engine"] + shipped.modules["later"]


def test_the_shipped_wheels_carry_bytecode_that_pyodide_runs_without_the_sources(shipped_and_wheels, tmp_path):
    shipped, wheels = shipped_and_wheels
    engine_wheel = with_bytecode(wheels[0], shipped, tmp_path / "shipped")
    magic = bytes.fromhex(shipped.modules["magic"])
    imported = [m for m in shipped.modules["wheels"] if m.startswith("engine/")]
    assert {"engine/__init__.py", "engine/browser.py", "engine/model.py", "engine/scoring.py"} <= set(imported)
    assert "engine/cli.py" not in imported  # the browser never imports it, so it gets no bytecode
    with zipfile.ZipFile(engine_wheel) as archive, zipfile.ZipFile(wheels[0]) as built:
        names = archive.namelist()
        assert set(built.namelist()) <= set(names)  # every source stays: another Pyodide compiles those
        for module in imported:
            folder, file = module.rsplit("/", 1)
            assert archive.read(f"{folder}/__pycache__/{file[:-3]}.cpython-314.pyc")[:4] == magic
        # Pyodide really runs the bytecode: with every source replaced by one that fails, the engine answers
        broken = tmp_path / "broken" / engine_wheel.name
        broken.parent.mkdir()
        with zipfile.ZipFile(broken, "w") as out:
            for info in archive.infolist():
                source = info.filename.startswith("engine/") and info.filename.endswith(".py")
                out.writestr(info, b"raise ImportError('the source was compiled')\n" if source else archive.read(info))
    request = next(r for r in vectors() if r["type"] == "score:request")
    (tmp_path / "requests.json").write_text(json.dumps([request]), encoding="utf-8")
    run = subprocess.run(["node", str(ROOT / "tests" / "node" / "run-engine.mjs"), str(tmp_path / "requests.json"),
                          "--stdlib", str(shipped.main), "--stdlib", str(shipped.later), str(broken)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    replies = [json.loads(line) for line in run.stdout.splitlines()]
    reply = next(m for m in replies if m["type"] == "score:result")
    args = {k: v for k, v in request.items() if k not in ("type", "id", "case")}
    assert reply["json"] == handle(json.dumps({"op": "score", **args}))
    assert json.loads(reply["json"])["ok"] is True

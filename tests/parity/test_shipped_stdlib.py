"""The standard library the site ships (builder/stdlib.py) holds every module the engine imports.

The build records the imports of its own requests; this records those of the
whole parity suite, on Pyodide's full standard library, and fails on any module
the shipped zips lack. (test_pyodide_parity.py then runs the suite on the
shipped zips themselves.)
"""
import json
import shutil
import subprocess
import zipfile

import pytest

from builder.stdlib import COMPILER, LATER_OPERATIONS, build_stdlib
from builder.wheel import build_wheel, pack_installed
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

"""builder/stdlib.py: its requests reach every operation, the worker's inline lock file is checked, the cache is shared."""
import concurrent.futures
import hashlib
import re
import shutil

import pytest

from builder import stdlib
from engine.browser import OPERATIONS


def test_the_recorded_requests_cover_every_operation_of_the_engine():
    requests = stdlib.requests()
    engine_ops = {r["type"].split(":")[0] for r in requests["engine"]}
    later_ops = {r["type"].split(":")[0] for r in requests["later"]}
    assert engine_ops | later_ops == set(OPERATIONS)
    assert later_ops == set(stdlib.LATER_OPERATIONS)
    # the page never sends a nonce or a fixed order: codes and shuffles take the random path
    assert not any("nonce" in r or "order" in r for r in requests["engine"])
    ids = [r["id"] for r in requests["engine"] + requests["later"]]
    assert ids == list(range(len(ids)))


def test_the_requests_are_the_same_every_time_so_the_cache_key_is_stable():
    assert stdlib.requests() == stdlib.requests()


def test_the_worker_lock_file_has_the_abi_of_the_installed_pyodide():
    stdlib.check_worker_abi()
    assert f'abi_version: "{stdlib.lock_abi()}"' in stdlib.WORKER.read_text(encoding="utf-8")


@pytest.mark.parametrize("line, shown", [('const LOCK_FILE = { info: { abi_version: "1999_0" }, packages: {} };', '1999_0'),
                                         ("const LOCK_FILE = null;", "nothing")])
def test_a_worker_with_another_abi_stops_the_build_with_file_and_line(tmp_path, line, shown):
    worker = tmp_path / "engine-worker.js"
    worker.write_text(f"// a worker\n{line}\n", encoding="utf-8")
    with pytest.raises(stdlib.StdlibError) as error:
        stdlib.check_worker_abi(worker)
    where = "2" if shown != "nothing" else "1"
    assert str(error.value) == (f'{worker}:{where}: expected abi_version '
                                f'"{stdlib.lock_abi()}" (node_modules/pyodide/pyodide-lock.json), received {shown}')


FAKE_COMPILER = """
import { appendFileSync, writeFileSync } from "node:fs";
const [, , , out] = process.argv;
appendFileSync(process.env.SW_FAKE_RUNS, "run\\n");
await new Promise((done) => setTimeout(done, 500));
writeFileSync(`${out}/stdlib.zip`, "main");
writeFileSync(`${out}/stdlib-later.zip`, "later");
writeFileSync(`${out}/bytecode.zip`, "bytecode");
writeFileSync(`${out}/modules.json`, JSON.stringify({ engine: ["json/__init__.py"], later: [] }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_two_builds_at_once_compile_once_and_a_third_reuses_the_cache(tmp_path, monkeypatch):
    compiler = tmp_path / "fake-compile.mjs"
    compiler.write_text(FAKE_COMPILER, encoding="utf-8")
    runs = tmp_path / "runs.txt"
    runs.write_text("", encoding="utf-8")
    monkeypatch.setenv("SW_FAKE_RUNS", str(runs))
    monkeypatch.setattr(stdlib, "COMPILER", compiler)
    monkeypatch.setattr(stdlib, "CACHE", tmp_path / "cache")
    wheel = tmp_path / "engine.whl"
    wheel.write_bytes(b"wheel")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda _: stdlib.build_stdlib([wheel], log=lambda line: None), range(2))
    assert first == second and first.main.read_text() == "main"
    assert first.main_name == f"stdlib-{hashlib.sha256(b'main').hexdigest()[:12]}.zip"
    assert sorted(p.name for p in (tmp_path / "cache").iterdir() if not p.name.startswith(".lock-")) == \
        [first.main.parent.name]  # no half-written folder left
    assert stdlib.build_stdlib([wheel], log=lambda line: None) == first
    assert runs.read_text().count("run") == 1  # the second waited for the first; the third found the cache


def test_the_later_operations_are_the_ones_the_worker_lets_wait_for_the_later_files():
    runtime = (stdlib.ROOT / "theme" / "overrides" / "assets" / "js" / "engine-runtime.js").read_text(encoding="utf-8")
    [listed] = re.findall(r"const NEEDS_LATER = new Set\(\[([^\]]*)\]\)", runtime)
    assert sorted(name.strip().strip('"') for name in listed.split(",") if name.strip()) == \
        sorted(stdlib.LATER_OPERATIONS)

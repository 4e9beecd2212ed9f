"""The standard library the browser boots from: only what the engine imports, precompiled.

Pyodide ships ``python_stdlib.zip`` with the ``.py`` sources of the whole
standard library (2.5 MB, already deflated). zipimport never caches bytecode,
so every start compiled about 130 modules again: most of the engine's start
time. This step, at build time:

    1. runs the engine's requests (every operation, good and bad input) through
       the real worker runtime on Pyodide in Node (builder/stdlib-compile.mjs);
    2. records the modules they imported from the standard library;
    3. compiles those modules with Pyodide's own Python (the host's Python writes
       another ``.pyc`` magic number) into a stored zip, ``stdlib-<hash>.zip``,
       which the worker passes to ``loadPyodide`` as ``stdLibURL``; what only the
       QR code needs (segno imports email, urllib, xml) goes into
       ``stdlib-later-<hash>.zip``, loaded after the engine is ready;
    4. compiles the engine's modules the start imports the same way, and
       ``with_bytecode`` adds them to the engine wheel as ``__pycache__`` files, so
       importing the engine in the browser compiles nothing either.

Running Pyodide takes seconds, so the zips are kept in ``.build/stdlib/<key>/``,
the key hashing all that decides them (Pyodide, the wheels, the requests and
this code). Parallel builds share it safely: one builds while the others wait
on a lock file, and it writes a folder of its own and renames it into place,
so nobody ever reads half a result.

tests/parity runs the parity suite on the shipped zips and fails when an import
is missing from them.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
# Hidden, so `build.py check` still writes nothing a person sees; .gitignore has it.
CACHE = ROOT / ".build" / "stdlib"
COMPILER = Path(__file__).with_name("stdlib-compile.mjs")
WORKER = ROOT / "theme" / "overrides" / "assets" / "js" / "engine-worker.js"
# Everything that decides the zips besides the wheels and the requests.
INPUTS = (Path(__file__), COMPILER, Path(__file__).with_name("stdlib_pack.py"),
          ROOT / "theme" / "overrides" / "assets" / "js" / "engine-runtime.js",
          PYODIDE / "package.json", PYODIDE / "python_stdlib.zip", PYODIDE / "pyodide-lock.json")
# Operations whose modules may arrive after the engine is ready (engine-runtime.js: NEEDS_LATER).
LATER_OPERATIONS = ("qr",)
UNUSED_CACHE_SECONDS = 24 * 3600


class StdlibError(RuntimeError):
    """The standard library could not be built; the message says what to do.

    ``located``: the message starts with ``file:line:`` already (else the build names package.json).
    """

    def __init__(self, message: str, located: bool = False):
        super().__init__(message)
        self.located = located


@dataclass(frozen=True)
class Stdlib:
    """The two zips, under the names the site serves them by, and what is in them.

    ``bytecode``: the engine modules the start imports, compiled by Pyodide, for ``with_bytecode``.
    """

    main: Path
    later: Path
    bytecode: Path
    modules: dict

    @property
    def main_name(self) -> str:
        return _hashed(self.main, "stdlib")

    @property
    def later_name(self) -> str:
        return _hashed(self.later, "stdlib-later")


def _hashed(path: Path, stem: str) -> str:
    return f"{stem}-{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}.zip"


# -- 1. the requests: every operation of engine.browser, on every real scan ------------------------

def requests() -> dict[str, list[dict]]:
    """Protocol requests for every operation, good and bad input: ``{"engine": [...], "later": [...]}``.

    The page never sends ``nonce`` or ``order``, so neither do these: codes and
    shuffles go the random way the browser goes. tests/unit/test_stdlib_requests.py
    fails when an operation of ``engine.browser.OPERATIONS`` is missing here.
    """
    import engine
    from engine.loader import load_all
    from engine.organisation import team_file

    assessments, problems = load_all([ROOT / "assessments"])
    if problems or not assessments:
        raise StdlibError("the scans in assessments/ must be valid to build the standard library: "
                          + "; ".join(problems[:3]))
    out: list[dict] = []
    for a in assessments:
        definition = json.dumps(engine.to_data(a))
        options = [o.id for o in a.perspective.options] if a.perspective else [None]
        low, high = a.scale.min, a.scale.max
        members = [{q.id: low + (i + j) % (high - low + 1) for j, q in enumerate(a.questions)} for i in range(6)]
        members[1] = dict(members[1], **{a.questions[0].id: "unknown"})
        for question in a.questions:
            if question.not_applicable:
                members[2][question.id] = "n/a"
        codes = [engine.encode(a, m, options[i % len(options)], nonce=i) for i, m in enumerate(members)]
        typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1")
        team = engine.aggregate(a, codes)
        shared = {"definition": definition}
        out += [
            dict(shared, type="score:request", answers=members[0], perspective=options[-1]),
            dict(shared, type="score:request", answers=members[1], lang="en"),
            dict(shared, type="score:request", answers={a.questions[0].id: high + 1}),
            dict(shared, type="score:request", answers={"geen-vraag": low}),
            dict(shared, type="result:request", answers=members[2], perspective=options[0]),
            dict(shared, type="result:request", answers={}),
            dict(shared, type="encode:request", answers=members[3]),
            dict(shared, type="decode:request", codes=codes[:3] + [typo, "UUU", ""]),
            dict(shared, type="aggregate:request", members=codes + codes[:1]),
            dict(shared, type="aggregate:request", members=members, lang="en"),
            dict(shared, type="team:request", codes=codes + [typo, "X" * 120]),
            dict(shared, type="team:request", text="\n".join(codes), shown=[codes[:4]], show=True),
            dict(shared, type="team:request", text=" ; ".join(codes[:2])),
            dict(shared, type="compare:request", previous={"scan": a.id, "team": team}, current=team),
            dict(shared, type="compare:request", previous={"scan": "anders", "team": team}, current=team),
            dict(shared, type="team-file:request", codes=codes, label="Blauw", department="Zorg", round="1"),
            dict(shared, type="team-file:request", codes=codes[:1], label="Klein"),
            dict(shared, type="organisation:request", files=[
                {"name": "blauw.json", "text": json.dumps(team_file(a, codes, "Blauw", "Zorg", "1", "2026-11-01"))},
                {"name": "groen.json", "text": json.dumps([team_file(a, codes[1:], "Groen", None, None, "2026-11-02")])},
                {"name": "kapot.json", "text": "{"}, {"name": "diep.json", "text": "[" * 5000}]),
        ]
    example = json.dumps(engine.to_data(assessments[0]))
    out += [
        {"type": "score:request", "definition": json.dumps({"id": "x", "titel": "Scan"}), "answers": {}},
        {"type": "score:request", "definition": "{", "answers": {}},
        {"type": "aggregate:request", "definition": example, "members": [[[[]]]] * 3},
    ]
    later = [{"type": "qr:request", "definition": example, "text": "https://example.org/scans/x/team/#code=ABCD"},
             {"type": "qr:request", "definition": example, "text": ""}]
    for i, request in enumerate(out + later):
        request["id"] = i
    return {"engine": out, "later": later}


# -- 2. and 3.: record and compile under Pyodide, cached -------------------------------------------

def _key(wheels: list[Path], request_text: str) -> str:
    digest = hashlib.sha256(request_text.encode())
    for path in [*INPUTS, *wheels]:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def _cached(folder: Path) -> Stdlib | None:
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    main, later, bytecode = folder / "stdlib.zip", folder / "stdlib-later.zip", folder / "bytecode.zip"
    if not (main.is_file() and later.is_file() and bytecode.is_file()):
        return None
    os.utime(folder)  # recently used: kept by _prune
    return Stdlib(main, later, bytecode, modules)


def _prune(keep: Path) -> None:
    """Forget cache folders nobody used for a day (older engines), and half-written ones of builds that died."""
    now = time.time()
    for folder in CACHE.iterdir():
        try:
            idle = now - folder.stat().st_mtime
        except OSError:  # another build renamed or removed it just now
            continue
        if folder != keep and idle > UNUSED_CACHE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def build_stdlib(wheels: list[Path], log=print) -> Stdlib:
    """The shipped standard library for these wheels (engine first, then segno), from cache or built now."""
    missing = [path.name for path in INPUTS if not path.is_file()]
    if missing:
        raise StdlibError(f"Pyodide is not installed (missing {', '.join(missing)}); run `npm ci` first")
    check_worker_abi()
    request_text = json.dumps(requests(), sort_keys=True)
    key = _key(wheels, request_text)
    folder = CACHE / key
    found = _cached(folder)
    if found:
        return found
    node = shutil.which("node")
    if node is None:
        raise StdlibError("Node.js is needed to build the standard library for the browser; install Node 18+")
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f".lock-{key}", "w") as lock:
        # Parallel builds (the test suite's workers) wait for the first one and use its result. The
        # lock only saves work: correctness comes from the rename, which never exposes half a folder.
        fcntl.flock(lock, fcntl.LOCK_EX)
        found = _cached(folder)
        if found:
            return found
        started = time.perf_counter()
        scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=CACHE))
        try:
            (scratch / "requests.json").write_text(request_text, encoding="utf-8")
            run = subprocess.run([node, str(COMPILER), str(scratch / "requests.json"), str(scratch),
                                  *map(str, wheels)], capture_output=True, text=True, cwd=ROOT, timeout=600)
            if run.returncode != 0:
                raise StdlibError(f"building the standard library under Pyodide failed:\n{run.stderr.strip()[-2000:]}")
            (scratch / "requests.json").unlink()
            try:
                os.rename(scratch, folder)  # atomic; if another build was first, its folder stays
            except OSError:
                pass
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    found = _cached(folder)
    if found is None:
        raise StdlibError(f"the standard library was built but {folder} is incomplete")
    log(f"  standard library: {len(found.modules['engine'])} + {len(found.modules['later'])} modules "
        f"precompiled under Pyodide in {time.perf_counter() - started:.1f} s")
    _prune(folder)
    return found


def with_bytecode(wheel: Path, stdlib: Stdlib, out_dir: Path) -> Path:
    """A copy of ``wheel`` in ``out_dir`` with the ``__pycache__`` files of its own packages added.

    The wheel is the one the zips were built for (``build_stdlib``), so each
    ``.pyc`` belongs to exactly the source beside it. A wheel nobody imported
    from comes back unchanged. CPython on this machine ignores the files: their
    name carries Pyodide's cache tag (``cpython-314``).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stdlib.bytecode) as bytecode, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        names = source.namelist()
        tops = {name.split("/", 1)[0] for name in names if "/" in name and ".dist-info/" not in name}
        for info in source.infolist():
            out.writestr(info, source.read(info))
        for info in bytecode.infolist():
            if info.filename.split("/", 1)[0] in tops and info.filename not in names:
                added = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                added.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(added, bytecode.read(info))
    return target


# -- the lock file, inlined in the worker ----------------------------------------------------------

def lock_abi() -> str:
    return json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]["abi_version"]


def check_worker_abi(worker: Path = WORKER) -> None:
    """engine-worker.js passes Pyodide an empty lock file (no packages, no request); its ABI must match."""
    text = worker.read_text(encoding="utf-8")
    found = re.search(r'abi_version: "([^"]*)"', text)
    expected = lock_abi()
    if found is None or found.group(1) != expected:
        line = text[: found.start()].count("\n") + 1 if found else 1
        shown = found.group(1) if found else "nothing"
        shown_path = worker.relative_to(ROOT) if worker.is_relative_to(ROOT) else worker
        raise StdlibError(f"{shown_path}:{line}: expected abi_version \"{expected}\" "
                          f"(node_modules/pyodide/pyodide-lock.json), received {shown}", located=True)

"""Runs inside Pyodide (builder/stdlib-compile.mjs): packs the recorded stdlib modules as .pyc.

Never imported by the host's Python: a ``.pyc`` carries the magic number of the
interpreter that wrote it, and Pyodide's Python refuses any other. The zips are
stored (not deflated), so a compressing web server can compress them, and
reproducible: sorted names, one fixed date, hash-based ``.pyc`` that zipimport
loads without looking for a source.
"""
import importlib.util
import json
import os
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# Docstrings and asserts go (python -OO), also from the wheels' modules (the engine and segno use
# neither); the parity suite checks the replies stay identical. An unchecked .pyc is used as found, so
# the wheels' files take the name Pyodide's Python looks for at its own level (no ".opt-2").
OPTIMIZE = 2


def _stdlib_zip() -> str:
    """The zip Pyodide boots from, e.g. /lib/python314.zip (the python_stdlib.zip it was given)."""
    return next(entry for entry in sys.path if entry.startswith("/lib/") and entry.endswith(".zip"))


def _members(modules, prefix: str) -> dict[str, str]:
    """Zip member (``json/decoder.py``) -> its path, for the modules that were loaded from the stdlib zip."""
    found = {}
    for module in list(modules.values()):
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if isinstance(origin, str) and origin.startswith(prefix) and origin.endswith(".py"):
            found[origin[len(prefix):]] = origin
    return found


def _write(path: str, members: dict[str, str], read, name) -> int:
    """A stored zip of ``members`` (zip member -> path) compiled: ``read(member)`` gives the source,
    ``name(member)`` the name of its ``.pyc`` in the zip. Returns the zip's size."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for member in sorted(members):
            data = read(member)
            code = compile(data, members[member], "exec", dont_inherit=True, optimize=OPTIMIZE)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            archive.writestr(zipfile.ZipInfo(name(member), date_time=(1980, 1, 1, 0, 0, 0)), pyc)
    return os.path.getsize(path)


def _read_file(path: str) -> bytes:
    with open(path, "rb") as source:
        return source.read()


def pack(after_engine, after_later, out_dir: str) -> str:
    """Write stdlib.zip, stdlib-later.zip, bytecode.zip and modules.json into ``out_dir``; return a JSON summary."""
    zip_path = _stdlib_zip()
    prefix = zip_path + "/"
    first = _members(after_engine, prefix)
    later = {m: o for m, o in _members(after_later, prefix).items() if m not in first}
    # The wheels are unpacked into the working directory (engine-runtime.js: unpackArchive). Their
    # modules the start imports become bytecode.zip: ``__pycache__`` files (model.cpython-314.pyc)
    # for builder/stdlib.py's with_bytecode to add to the engine wheel. Unpacked beside their
    # sources they are found where Python looks and, unchecked hash-based, used without the source.
    wheels = _members(after_engine, os.getcwd().rstrip("/") + "/")
    in_zip = lambda member: member[:-3] + ".pyc"  # noqa: E731
    in_pycache = lambda member: importlib.util.cache_from_source(member, optimization="")  # noqa: E731
    with zipfile.ZipFile(zip_path) as stdlib:
        sizes = {"stdlib.zip": _write(f"{out_dir}/stdlib.zip", first, stdlib.read, in_zip),
                 "stdlib-later.zip": _write(f"{out_dir}/stdlib-later.zip", later, stdlib.read, in_zip),
                 "bytecode.zip": _write(f"{out_dir}/bytecode.zip", wheels,
                                        lambda member: _read_file(wheels[member]), in_pycache)}
    summary = {"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(),
               "engine": sorted(first), "later": sorted(later), "wheels": sorted(wheels), "bytes": sizes}
    with open(f"{out_dir}/modules.json", "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=1)
    return json.dumps({"engine": len(first), "later": len(later), "bytes": sizes})

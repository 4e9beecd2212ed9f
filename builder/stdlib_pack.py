"""Runs inside Pyodide (builder/stdlib-compile.mjs): packs the recorded stdlib modules as .pyc.

Never imported by the host's Python: a ``.pyc`` carries the magic number of the
interpreter that wrote it, and Pyodide's Python refuses any other. The zips are
stored (not deflated), so a compressing web server can compress them, and
reproducible: sorted names, one fixed date, hash-based ``.pyc`` that zipimport
loads without looking for a source.
"""
import importlib.util
import json
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# Docstrings and asserts of the standard library go (python -OO); the engine's own modules are
# compiled in the browser as usual (about 60 ms). The parity suite checks the replies stay identical.
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


def _write(path: str, members: dict[str, str], stdlib: zipfile.ZipFile) -> int:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for member in sorted(members):
            data = stdlib.read(member)
            code = compile(data, members[member], "exec", dont_inherit=True, optimize=OPTIMIZE)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            archive.writestr(zipfile.ZipInfo(member[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0)), pyc)
    with open(path, "rb") as written:
        return len(written.read())


def pack(after_engine, after_later, out_dir: str) -> str:
    """Write stdlib.zip, stdlib-later.zip and modules.json into ``out_dir``; return a JSON summary."""
    zip_path = _stdlib_zip()
    prefix = zip_path + "/"
    first = _members(after_engine, prefix)
    later = {m: o for m, o in _members(after_later, prefix).items() if m not in first}
    with zipfile.ZipFile(zip_path) as stdlib:
        sizes = {"stdlib.zip": _write(f"{out_dir}/stdlib.zip", first, stdlib),
                 "stdlib-later.zip": _write(f"{out_dir}/stdlib-later.zip", later, stdlib)}
    summary = {"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(),
               "engine": sorted(first), "later": sorted(later), "bytes": sizes}
    with open(f"{out_dir}/modules.json", "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=1)
    return json.dumps({"engine": len(first), "later": len(later), "bytes": sizes})

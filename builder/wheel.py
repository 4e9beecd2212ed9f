"""The engine as a pure-Python wheel, the artefact the browser installs into Pyodide.

Built with the standard build backend (``pip wheel``), which for a pure
package gives the same ``py3-none-any`` wheel that ``pyodide build`` would;
``pyodide build`` itself cannot run here (it downloads a cross-build
environment). ``SOURCE_DATE_EPOCH`` makes the zip reproducible, so the
content hash in the served name only changes when the engine does.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class WheelError(RuntimeError):
    """The wheel could not be built; the message carries pip's own words."""


def build_wheel(out_dir: Path) -> Path:
    """Build the engine wheel into ``out_dir`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="315532800", PIP_DISABLE_PIP_VERSION_CHECK="1")
    with tempfile.TemporaryDirectory() as scratch:
        # Built from a copy of what goes into the wheel: setuptools writes build/ and *.egg-info
        # next to the sources, and two builds at once (parallel tests) must not share those.
        source = Path(scratch) / "source"
        source.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copyfile(ROOT / name, source / name)
        shutil.copytree(ROOT / "engine", source / "engine", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        wheel_dir = Path(scratch) / "wheel"
        run = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
             "--wheel-dir", str(wheel_dir), str(source)],
            capture_output=True, text=True, env=env, cwd=source)
        wheels = list(wheel_dir.glob("*.whl"))
        if run.returncode != 0 or len(wheels) != 1:
            raise WheelError(f"building the engine wheel failed:\n{run.stderr.strip() or run.stdout.strip()}")
        target = out_dir / wheels[0].name
        target.write_bytes(wheels[0].read_bytes())
    return target


def hashed_name(path: Path, stem: str = "engine") -> str:
    """``<stem>-<12 hex of sha256>.whl``: a name that changes exactly when the content does."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"{stem}-{digest}.whl"


def pack_installed(distribution: str, out_dir: Path) -> Path:
    """Re-pack an installed pure-Python distribution (segno) as a wheel, without the network.

    The files are the ones its own wheel installed (its RECORD), minus
    compiled caches and scripts outside the package, so the result is that
    wheel again, whatever machine builds the site.
    """
    import importlib.metadata
    import zipfile

    dist = importlib.metadata.distribution(distribution)
    files = sorted(f for f in dist.files or []
                   if not str(f).startswith("..") and "__pycache__" not in str(f) and not str(f).endswith(".pyc"))
    if not files:
        raise WheelError(f"{distribution} is not installed; run the setup (pip install -e .[dev])")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{dist.metadata['Name'].lower()}-{dist.version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            info = zipfile.ZipInfo(str(name), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, Path(dist.locate_file(name)).read_bytes())
    return target

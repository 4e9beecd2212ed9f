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
        run = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
             "--wheel-dir", scratch, str(ROOT)],
            capture_output=True, text=True, env=env, cwd=ROOT)
        wheels = list(Path(scratch).glob("*.whl"))
        if run.returncode != 0 or len(wheels) != 1:
            raise WheelError(f"building the engine wheel failed:\n{run.stderr.strip() or run.stdout.strip()}")
        target = out_dir / wheels[0].name
        target.write_bytes(wheels[0].read_bytes())
    return target


def hashed_name(path: Path) -> str:
    """``engine-<12 hex of sha256>.whl``: a name that changes exactly when the content does."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"engine-{digest}.whl"

"""Hostile YAML files against the readers of author YAML; prints one JSON line per file and reader.

Each file is read in a fresh process, as an author would run it: ``python -m
engine validate FILE`` for assessments and ``load_brand(FILE)`` for brand
files, with the address space capped (``--limit-mb``) and a time-out, so a
file that would eat the machine ends as a crash instead. Figures: wall and
CPU seconds (interpreter start included; CPU seconds hold still on a busy
machine, wall seconds do not) and peak resident MB of that process
(``wait4``), the same for a one-line file (the baseline), and the outcome:
``accepted``, ``refused`` (every stderr line is ``file:line: message``) or
``crashed`` (a traceback, a signal or the time-out). The aim (issue 11): any
file up to 1 MB is accepted or refused in under 1 s and under 100 MB above
the baseline.
Usage: python bench/yaml_limits.py [--sizes 100000,1000000] [--limit-mb 2048] [--timeout 60]
The unit test ``tests/unit/test_yaml_limits.py`` runs the same files.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

BRAND_READER = """
import sys
from pathlib import Path
from builder.brand import BrandError, load_brand
try:
    load_brand(Path(sys.argv[1]))
except BrandError as error:
    print(error, file=sys.stderr)
    sys.exit(1)
"""
READERS = {
    "validate": [sys.executable, "-m", "engine", "validate"],
    "load_brand": [sys.executable, "-c", BRAND_READER],
}


# -- the files ------------------------------------------------------------------------

def billion_laughs(depth: int) -> str:
    """Nine aliases per level: ``depth`` levels stand for 9**(depth + 1) strings."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth + 1)]
    return "\n".join(lines) + "\n"


def legit_assessment(size: int, ident: str) -> str:
    """A valid assessment of about ``size`` bytes: many questions, in the style of the real ones."""
    head = (f"id: {ident}\nversion: 1\ntitle: Een grote scan\naudience: team\n"
            "scale:\n  min: 1\n  max: 5\n  labels: {1: Oneens, 2: Beetje oneens, 3: Neutraal, 4: Eens, 5: Helemaal eens}\n"
            "dimensions:\n"
            + "".join(f"  - id: d{d}\n    title: Onderdeel {d}\n    bands:\n"
                      f"      - {{upto: 50, label: Laag, advice: Praat erover met het team.}}\n"
                      f"      - {{upto: 100, label: Hoog}}\n" for d in range(5))
            + "questions:\n")
    question = ("  - id: q{i}\n    text: Ik weet bij vraag {i} wie in ons team waarvoor zorgt, wie ik kan vragen "
                "als het niet lukt en waar de afspraken staan die we daarover samen hebben gemaakt.\n"
                "    dimension: d{d}\n")
    parts, used, i = [head], len(head), 0
    while used < size - 200:
        part = question.format(i=i, d=i % 5)
        parts.append(part)
        used += len(part)
        i += 1
    return "".join(parts)


def hostile_files(size: int = MB) -> dict[str, bytes]:
    """Name (also the file's stem) to content; the sized ones are at most ``size`` bytes."""
    files = {
        "laughs-6": billion_laughs(6),
        "laughs-7": billion_laughs(7),
        "laughs-8": billion_laughs(8),
        "self-list": "&r [*r]\n",
        "self-map": "&r {a: *r}\n",
        "merge-key": "base: &b {id: x}\nother:\n  <<: *b\n",
        "deep-flow-5000": "[" * 5000 + "]" * 5000 + "\n",
        "deep-block-1000": "".join("  " * i + "a:\n" for i in range(1000)) + "  " * 1000 + "b\n",
        "nul-char": "id: x\x00y\nversion: 1\n",
        "escape-char": "id: x\nversion: 1\ntitle: \x1b[31mrood\n",
        "long-number": "id: x\nversion: " + "9" * 5000 + "\n",
        f"deep-flow-{size}": "[" * (size // 2) + "]" * (size // 2),
        f"flow-one-line-{size}": "x: [" + ",".join(["1"] * (size // 2 - 4)) + "]\n",
        f"flow-lines-{size}": "".join(f"- [{','.join(['1'] * 20)}]\n" for _ in range(size // 44)),
        f"long-line-{size}": "title: " + "a" * (size - 9) + "\n",
        f"long-lines-{size}": "".join(f"k{i}: {'b' * 9990}\n" for i in range(size // 10_000)),
        f"many-keys-{size}": "".join(f"k{i}: v\n" for i in range(size // 10)),
        # just under the limits of engine.loader (50,000 values, 100 keys a mapping): all for the checker
        f"unknown-keys-{size}": "questions:\n" + "".join(
            f"  - id: q{q}\n" + "".join(f"    x{k}: 1\n" for k in range(98)) for q in range(min(size // 2000, 250))),
        f"unknown-dimensions-{size}": "dimensions:\n" + "".join(
            f"  - {{id: d{d}, title: D, bands: [{{upto: 100, label: L}}]}}\n" for d in range(size // 450))
        + "questions:\n" + "".join(f"  - {{id: q{q}, text: T, dimension: x{q}}}\n" for q in range(size // 450)),
        f"legit-{size}": legit_assessment(size, f"legit-{size}"),
    }
    out = {name: text.encode("utf-8") for name, text in files.items()}
    out["latin-1"] = "organisation: Gemeente Café\nid: x\n".encode("latin-1")
    out[f"too-big-{size}"] = b"title: " + b"a" * (size + 100_000) + b"\n"
    return out


# -- measuring ------------------------------------------------------------------------

# The launcher starts the measured process and reports its peak. Linux carries a process's
# high-water mark over exec, so a child forked from a large process (pytest, say) would show
# at least that process's size; a small launcher in between keeps the figure the child's own.
LAUNCHER = """
import json, os, resource, signal, subprocess, sys, time
spec = json.loads(sys.argv[1])
def cap():
    limit = spec["limit_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
with open(spec["stdout"], "wb") as out, open(spec["stderr"], "wb") as err:
    started = time.perf_counter()
    child = subprocess.Popen(spec["argv"], cwd=spec["cwd"], stdout=out, stderr=err, preexec_fn=cap)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > spec["timeout"]:
            child.send_signal(signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            timed_out = True
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen does not wait again
print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
                  "peak_mb": round(usage.ru_maxrss / 1024, 1),
                  "returncode": child.returncode, "timed_out": timed_out}))
"""


def measure(argv: list[str], limit_mb: int = 2048, timeout: float = 60.0, cwd: Path = ROOT) -> dict:
    """Run ``argv`` in a fresh process under an address-space cap of ``limit_mb``.

    Returns its wall ``seconds``, ``cpu_seconds`` and ``peak_mb`` (its own peak
    resident size), all from ``wait4``, and ``returncode``, ``timed_out``,
    ``stdout`` and ``stderr``.
    """
    with tempfile.TemporaryDirectory() as scratch:
        spec = {"argv": argv, "limit_mb": limit_mb, "timeout": timeout, "cwd": str(cwd),
                "stdout": f"{scratch}/stdout", "stderr": f"{scratch}/stderr"}
        launched = subprocess.run([sys.executable, "-c", LAUNCHER, json.dumps(spec)], capture_output=True,
                                  text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        result = json.loads(launched.stdout)
        for stream in ("stdout", "stderr"):
            result[stream] = Path(spec[stream]).read_bytes().decode("utf-8", "replace")
    return result


FILE_LINE = re.compile(r"^\S.*?:\d+: \S")


def outcome(run: dict) -> str:
    """``accepted``, ``refused`` (only ``file:line: message`` lines) or ``crashed``."""
    if run["timed_out"] or run["returncode"] not in (0, 1) or "Traceback" in run["stderr"]:
        return "crashed"
    if run["returncode"] == 0:
        return "accepted"
    lines = [line for line in run["stderr"].splitlines() if not re.match(r"^\d+ problem\(s\) found$", line)]
    return "refused" if lines and all(FILE_LINE.match(line) for line in lines) else "crashed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="sizes in bytes of the sized files")
    parser.add_argument("--limit-mb", type=int, default=2048, help="address-space cap per process")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a process is killed")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "content").mkdir()
        files: dict[str, bytes] = {}
        for size in sizes:
            files.update(hostile_files(size))
        baseline_file = folder / "baseline.yml"
        baseline_file.write_text("id: baseline\n", encoding="utf-8")
        worst = {"seconds": 0.0, "cpu_seconds": 0.0, "extra_mb": 0.0, "crashed": []}
        for reader, argv in READERS.items():
            base = measure(argv + [str(baseline_file)], args.limit_mb, args.timeout, folder)
            for name, content in files.items():
                path = folder / f"{name}.yml"
                path.write_bytes(content)
                run = measure(argv + [str(path)], args.limit_mb, args.timeout, folder)
                result = outcome(run)
                first = (run["stderr"].strip().splitlines() or [""])[-1 if result == "crashed" else 0]
                extra = round(run["peak_mb"] - base["peak_mb"], 1)
                print(json.dumps({"reader": reader, "file": name, "bytes": len(content), "outcome": result,
                                  "seconds": run["seconds"], "cpu_seconds": run["cpu_seconds"],
                                  "peak_mb": run["peak_mb"], "extra_mb": extra, "baseline_seconds": base["seconds"],
                                  "baseline_cpu_seconds": base["cpu_seconds"], "baseline_mb": base["peak_mb"],
                                  "message": first.replace(str(folder) + "/", "")[:160]}), flush=True)
                worst["seconds"] = max(worst["seconds"], run["seconds"])
                worst["cpu_seconds"] = max(worst["cpu_seconds"], run["cpu_seconds"])
                worst["extra_mb"] = max(worst["extra_mb"], extra)
                if result == "crashed":
                    worst["crashed"].append(f"{reader}:{name}")
        print(json.dumps({"summary": "worst over all files", **worst,
                          "aim": "every file accepted or refused in under 1 s and 100 MB above the baseline"}))


if __name__ == "__main__":
    main()

"""The service worker: a precache list of this build, with content hashes, so the site works offline.

The list holds every page and asset except the engine (Pyodide and the
wheels, 13 MB), which the service worker stores the first time a scan page
loads it: a guide page never downloads Pyodide. The cache names carry a hash
of the files, so a new build replaces the old cache cleanly.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

from .scans import TEMPLATES

SKIPPED_SUFFIXES = (".map", ".gz")
# search segmenters for Thai and Japanese (0.7 MB) that a Dutch site never loads
SKIPPED_FILES = ("assets/javascripts/lunr/wordcut.js", "assets/javascripts/lunr/tinyseg.js")
RUNTIME_FOLDERS = ("pyodide/", "assets/engine/")


def precache_list(site_dir: Path) -> list[str]:
    """Site-relative URLs to store at install: pages as their folder URL, assets as files."""
    entries = []
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site_dir).as_posix()
        if rel == "sw.js" or rel.endswith(SKIPPED_SUFFIXES) or rel.startswith(RUNTIME_FOLDERS) or rel in SKIPPED_FILES:
            continue
        if rel.endswith("/index.html") or rel == "index.html":
            rel = rel[: -len("index.html")] or "./"
        entries.append(rel)
    return entries


def _digest(site_dir: Path, paths) -> str:
    h = hashlib.sha256()
    for rel in paths:
        h.update(rel.encode())
        h.update(hashlib.sha256((site_dir / rel).read_bytes()).digest())
    return h.hexdigest()[:16]


def write_service_worker(site_dir: Path) -> dict:
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    pages = [f for f in files if not f.startswith(RUNTIME_FOLDERS) and not f.endswith(SKIPPED_SUFFIXES)]
    runtime = [f for f in files if f.startswith(RUNTIME_FOLDERS)]
    precache = precache_list(site_dir)
    context = {"version": _digest(site_dir, pages), "runtime_version": _digest(site_dir, runtime),
               "precache": precache}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False)
    (site_dir / "sw.js").write_text(env.get_template("sw.js.j2").render(**context), encoding="utf-8")
    return context

"""Paths and loaders the tests share (a plain module, so every test folder can import it)."""
import functools
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_DIR = FIXTURES / "voorbeeld"
EXAMPLE = EXAMPLE_DIR / "assessments" / "voorbeeld.yml"
# The example of format v2 (nearest profiles, perspective, "n/a", reflection).
NEAREST_DIR = FIXTURES / "dichtstbij"
NEAREST = NEAREST_DIR / "assessments" / "dichtstbij.yml"


def load_example(path=EXAMPLE):
    """Load the example from inside its own little project, so its links resolve there."""
    from engine.loader import load_assessment
    here = os.getcwd()
    os.chdir(path.parent.parent)
    try:
        return load_assessment(path)
    finally:
        os.chdir(here)


def load_nearest():
    return load_example(NEAREST)


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


def find_browser() -> str | None:
    """The system Chromium/Chrome if there is one (the README's setup installs it); else Playwright's own."""
    for candidate in (os.environ.get("SUPPORTWIJZER_BROWSER"), "chromium", "chromium-browser",
                      "google-chrome-stable", "google-chrome"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def copy_project(tmp_path: Path, with_assessments: bool = True) -> Path:
    """A throwaway copy of the project's sources to break or change (theme and Pyodide linked, not copied)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    if with_assessments:
        shutil.copytree(ROOT / "assessments", root / "assessments")
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("theme", "node_modules"):
        (root / name).symlink_to(ROOT / name)
    return root


@functools.cache
def scan_data(scan: str) -> dict:
    """The raw YAML data of a real scan in assessments/ (what a content author wrote)."""
    import yaml
    return yaml.safe_load((ROOT / "assessments" / f"{scan}.yml").read_text(encoding="utf-8"))


@functools.cache
def scan(scan_id: str):
    """A real scan in assessments/, loaded and validated by the engine."""
    from engine.loader import load_assessment
    return load_assessment(ROOT / "assessments" / f"{scan_id}.yml")

"""One source of truth for what the site stores: the privacy page must list exactly the keys the code writes.

The keys are declared in ``theme/overrides/assets/js/storage.js`` (``KEY_PATTERNS``);
the privacy page lists them in a table between ``<!-- opslag:begin -->`` and
``<!-- opslag:end -->``. The build stops when the two differ, naming the line.
"""
from __future__ import annotations

import re
from pathlib import Path

STORAGE_JS = Path("theme") / "overrides" / "assets" / "js" / "storage.js"
PRIVACY_PAGE = "privacy.md"


def declared_keys(storage_js: Path) -> list[str]:
    text = storage_js.read_text(encoding="utf-8")
    match = re.search(r"export const KEY_PATTERNS = \[(.*?)\];", text, re.S)
    return re.findall(r'"([^"]+)"', match.group(1)) if match else []


def documented_keys(page: Path) -> tuple[list[str], int]:
    """The keys in the first column of the page's storage table, and the line where the table starts."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if "<!-- opslag:begin -->" in line), None)
    if start is None:
        return [], 1
    keys = []
    for line in lines[start + 1:]:
        if "<!-- opslag:end -->" in line:
            break
        match = re.match(r"^\|\s*`([^`]+)`\s*\|", line)
        if match:
            keys.append(match.group(1))
    return keys, start + 1


def check(root: Path, content_dir: Path) -> list[str]:
    """Problems as ``file:line: message``; empty when the page and the code agree."""
    page = content_dir / PRIVACY_PAGE
    code = root / STORAGE_JS
    if not page.is_file():
        return [f"{page}:1: the privacy page is missing; it must list what the site stores ({code})"]
    documented, line = documented_keys(page)
    declared = declared_keys(code)
    if sorted(documented) != sorted(declared):
        missing = [k for k in declared if k not in documented]
        extra = [k for k in documented if k not in declared]
        parts = []
        if missing:
            parts.append(f"not listed here but written by the site: {', '.join(missing)}")
        if extra:
            parts.append(f"listed here but not in KEY_PATTERNS of {STORAGE_JS.as_posix()}: {', '.join(extra)}")
        return [f"{page}:{line}: the storage table differs from the code; " + "; ".join(parts)]
    return []

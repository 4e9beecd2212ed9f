"""Only files of the project get published: no symbolic link may lead out of it.

The build copies ``content/``, a brand's own pages and its scans into the site
and into the offline cache list. A copy follows symbolic links, so a link such
as ``content/eigen/x.txt -> /etc/passwd`` would publish a file of the machine
that builds the site. Links that stay inside the project are fine (a shared
page, say); links that leave it, or loop, stop the build with ``file:1``.
"""
from __future__ import annotations

import os
from pathlib import Path


def _within(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def links_leaving(folder: Path, roots: list[Path], shown=str, _seen: set | None = None) -> list[str]:
    """``file:1: message`` for every symbolic link under ``folder`` that resolves outside ``roots``."""
    roots = [root.resolve() for root in roots]
    seen = set() if _seen is None else _seen
    problems = []
    if not folder.exists() or folder.resolve() in seen:
        return problems
    seen.add(folder.resolve())
    candidates = [folder] if folder.is_symlink() else []
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        candidates += [here / name for name in (*dirs, *files) if (here / name).is_symlink()]
    for link in sorted(candidates):
        try:
            target = link.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(f"{shown(link)}:1: symbolic link that leads nowhere or loops "
                            f"(-> {os.readlink(link)}); remove it or copy the file in")
            continue
        if not _within(target, roots):
            problems.append(f"{shown(link)}:1: symbolic link to {target}, outside the project; only files "
                            f"of the project are published: copy the file in instead")
        elif target.is_dir():
            problems += links_leaving(target, roots, shown, seen)
    return problems

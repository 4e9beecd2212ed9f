"""A Content-Security-Policy on every page, as a ``<meta http-equiv>``: static hosts cannot send headers.

Scripts may only come from the site itself. The theme's few inline scripts
are allowed by their SHA-256 hash, computed here per page (one of them holds
the page's depth, so the hashes differ between pages); any other inline script
would be refused by the browser. ``'wasm-unsafe-eval'`` is granted only to the
pages that run the engine (scan and team pages).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
ENGINE_MARKER = 'name="sw-engine-wheel"'

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    # the theme's CSS draws its icons as data: SVG masks
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def policy_for(html: str) -> str:
    """The policy of one page: the base policy, its inline scripts' hashes, wasm only where the engine runs."""
    directives = {name: list(values) for name, values in BASE_POLICY.items()}
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in directives["script-src"]:
            directives["script-src"].append(token)
    if ENGINE_MARKER in html:
        directives["script-src"].append("'wasm-unsafe-eval'")
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_policies(site_dir: Path) -> int:
    """Put the policy right after ``<meta charset>`` of every page, before any script; returns the page count."""
    count = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
        html, found = re.subn(r"(<meta charset=\"[^\"]*\">)", lambda m: m.group(1) + "\n    " + meta, html, count=1)
        if not found:
            html = html.replace("<head>", "<head>\n    " + meta, 1)
        page.write_text(html, encoding="utf-8")
        count += 1
    return count

"""A Content-Security-Policy on every page, as a ``<meta http-equiv>``: static hosts cannot send headers.

Scripts may only come from the site itself. The theme's few inline scripts
are allowed by their SHA-256 hash, computed per page (one of them holds the
page's depth, so the hashes differ between pages). Which inline scripts count
as the theme's is decided by the theme's *templates*, never by the output: each
inline ``<script>`` in mkdocs-material's templates and in our overrides becomes
a pattern, with every ``{{ ... }}`` as a value that cannot leave its string.
An inline script in a built page that matches none of them was put there by
content (a page, a title) and is refused: ``builder/output_check.py`` stops the
build on it, and ``policy_for`` never hashes it. ``'wasm-unsafe-eval'`` is
granted only to the pages that run the engine (scan and team pages).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

ENGINE_MARKER = 'name="sw-engine-wheel"'
OVERRIDES = Path(__file__).resolve().parent.parent / "theme" / "overrides"
# Theme templates whose inline script carries author data as code: a redirect page's target
# is page metadata, so it is not on the allow-list (the site has no redirect pages).
EXCLUDED_TEMPLATES = ("redirect.html",)
# A template value inside a theme script: the values mkdocs-material writes there are
# relative URLs and plain words, so they never need a quote, an angle bracket or a backslash.
TEMPLATE_VALUE = r"""[^"'`<>\\\n]*"""

_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)

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


def theme_template_dirs() -> list[Path]:
    import material

    return [Path(material.__file__).resolve().parent / "templates", OVERRIDES]


def _pattern(body: str) -> re.Pattern:
    parts = re.split(r"\{\{.*?\}\}", body, flags=re.S)
    return re.compile(TEMPLATE_VALUE.join(re.escape(part) for part in parts), re.S)


@functools.cache
def theme_scripts() -> tuple[re.Pattern, ...]:
    """The allow-list: one pattern per inline script in the theme's templates."""
    patterns = []
    for folder in theme_template_dirs():
        for template in sorted(folder.rglob("*.html")):
            if template.name in EXCLUDED_TEMPLATES:
                continue
            for body in _TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                if "{%" not in body:  # a script built by template logic is never ours to trust
                    patterns.append(_pattern(body))
    return tuple(patterns)


def is_json_block(attributes: str) -> bool:
    """A ``<script type="application/json">`` holds data; browsers never run it."""
    return re.search(r"""\btype\s*=\s*["']?application/json["']?(\s|$)""", attributes, re.I) is not None


def is_theme_script(body: str) -> bool:
    return any(pattern.fullmatch(body) for pattern in theme_scripts())


def inline_scripts(html: str):
    """(attributes, body, offset) of every inline script that a browser would run."""
    for match in _INLINE_SCRIPT.finditer(html):
        attributes, body = match.groups()
        if re.search(r"\bsrc\s*=", attributes, re.I) or is_json_block(attributes):
            continue
        yield attributes, body, match.start()


def _hash(body: str) -> str:
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def policy_for(html: str) -> str:
    """The policy of one page: the base policy, its theme scripts' hashes, wasm only where the engine runs.

    Only inline scripts that the theme's templates account for are hashed; any
    other is left out, so the browser refuses it even if a check upstream missed it.
    """
    directives = {name: list(values) for name, values in BASE_POLICY.items()}
    for _, body, _ in inline_scripts(html):
        token = _hash(body)
        if is_theme_script(body) and token not in directives["script-src"]:
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

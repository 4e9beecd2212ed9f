"""What may be in a built site: the last gate before it is published.

Escaping keeps author text out of the markup; this check makes sure nothing
got past it. Every built HTML file is parsed as a browser would, and anything
that can run code, leave the site or rewrite links is refused unless the theme
itself put it there:

- an inline ``<script>`` that no theme template accounts for (``builder/csp.py``),
- a ``<script src>`` that is not a theme file, byte for byte,
- ``<meta http-equiv>`` (a refresh sends visitors elsewhere), ``<base>``,
  frames, ``<object>``/``<embed>``,
- event attributes (``onclick=``), ``srcdoc``, and ``javascript:``-like URLs.

SVG files get their own check: a browser runs an SVG's scripts in the site's
origin when the file is opened directly, so an SVG may draw, not act.
``builder/site.py`` turns findings into ``file:line`` of the source they came from.
"""
from __future__ import annotations

import functools
import html
import html.parser
import posixpath
import re
from pathlib import Path

from . import csp

BLOCKED_TAGS = {"base": "a <base> element changes where every link of the page goes",
                "iframe": "frames are not allowed", "frame": "frames are not allowed",
                "frameset": "frames are not allowed", "object": "<object> is not allowed",
                "embed": "<embed> is not allowed", "applet": "<applet> is not allowed",
                "portal": "<portal> is not allowed"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background")
_CODE_URL = re.compile(r"^(javascript|vbscript|data\s*:\s*text/html|data\s*:\s*image/svg)", re.I)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def _is_code_url(value: str) -> bool:
    stripped = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value))
    return _CODE_URL.match(stripped) is not None


class _PageScanner(html.parser.HTMLParser):
    def __init__(self, page_dir: str, site_dir: Path, base_path: str, theme_copies: dict[str, bool]):
        super().__init__(convert_charrefs=False)
        self.theme_copies = theme_copies  # site path -> is a byte copy of a theme script (shared by all pages)
        self.page_dir = page_dir
        self.base_path = base_path
        self.site_dir = site_dir
        self.findings: list[tuple[int, str, str]] = []
        self._script: tuple[int, dict] | None = None
        self._script_body: list[str] = []

    def _add(self, message: str, needle: str) -> None:
        self.findings.append((self.getpos()[0], message, needle))

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag == "script":
            self._script = (self.getpos()[0], dict(attrs))
            self._script_body = []

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        values = dict(attrs)
        if tag in BLOCKED_TAGS:
            self._add(BLOCKED_TAGS[tag], f"<{tag}")
        if tag == "meta" and "http-equiv" in values:
            self._add(f"<meta http-equiv=\"{values['http-equiv']}\"> is not allowed (a refresh can send "
                      f"visitors to another site)", "http-equiv")
        for name, value in attrs:
            if re.fullmatch(r"on[a-z]+", name):
                self._add(f"event attribute '{name}' on <{tag}> is not allowed: it runs code", name)
            elif name == "srcdoc":
                self._add(f"'srcdoc' on <{tag}> is not allowed", "srcdoc")
            elif name in URL_ATTRIBUTES and value and _is_code_url(value):
                self._add(f"{name}=\"{value[:40]}\" on <{tag}> is not allowed: use a page of the site or an "
                          f"http(s) address", f"{name}=")
        if tag == "script" and values.get("src"):
            self._check_script_src(values["src"])

    def _check_script_src(self, src: str) -> None:
        if re.match(r"^([a-z][a-z0-9+.-]*:|//)", src, re.I):
            self._add(f"script from '{src}' is not allowed: scripts come only from the theme", src)
            return
        src_path = src.split("?", 1)[0].split("#", 1)[0]
        if src_path.startswith("/"):  # the 404 page links from the site root, as it may be shown anywhere
            src_path = src_path[len(self.base_path):] if src_path.startswith(self.base_path) else src_path
            path = posixpath.normpath(src_path)
        else:
            path = posixpath.normpath(posixpath.join(self.page_dir, src_path))
        if path not in self.theme_copies:
            theme_file = theme_script_files().get(path)
            built = self.site_dir / path
            self.theme_copies[path] = (theme_file is not None and built.is_file()
                                       and built.read_bytes() == theme_file.read_bytes())
        if not self.theme_copies[path]:
            self._add(f"script '{src}' is not one of the theme's scripts; pages may not bring their own", src)

    def handle_data(self, data):
        if self._script is not None:
            self._script_body.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        line, attributes = self._script
        self._script = None
        if attributes.get("src") or csp.is_json_block(" ".join(f'{k}="{v}"' for k, v in attributes.items())):
            return
        body = "".join(self._script_body)
        if not csp.is_theme_script(body):
            self.findings.append((line, "inline <script> is not allowed: only the theme's own scripts run "
                                        "(write text, or ask a developer for a theme change)", "<script"))


@functools.cache
def theme_script_files() -> dict[str, Path]:
    """Site path -> theme file of every script the theme ships (mkdocs-material's and ours)."""
    files = {}
    for folder in csp.theme_template_dirs():
        for file in folder.rglob("*.js"):
            rel = file.relative_to(folder).as_posix()
            if rel.startswith("assets/"):
                files[rel] = file
    return files


def page_findings(text: str, page_dir: str, site_dir: Path, base_path: str = "/",
                  theme_copies: dict[str, bool] | None = None) -> list[tuple[int, str, str]]:
    """Everything in one built HTML page that could run code or send visitors away.

    Each finding is (line, message, needle): the needle is the text to look for in the
    page's source, so the build can point the author at the source line.
    """
    scanner = _PageScanner(page_dir, site_dir, base_path, {} if theme_copies is None else theme_copies)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


_SVG_RULES = (
    (re.compile(r"<!(DOCTYPE|ENTITY)", re.I), "a DOCTYPE or ENTITY declaration is not allowed in an SVG"),
    (re.compile(r"<\s*(\w+:)?script\b", re.I), "an SVG may not contain <script>"),
    (re.compile(r"<\s*(\w+:)?(foreignObject|iframe|embed|object|handler|listener)\b", re.I),
     "an SVG may not contain foreignObject, frames, objects or handlers"),
    (re.compile(r"\son\w+\s*=", re.I), "an SVG may not contain event attributes (onload=, onclick=, ...)"),
    (re.compile(r"""\b(xlink:)?href\s*=\s*["']?\s*(?!#)[^"'\s>]""", re.I),
     "an SVG may only link inside itself (href=\"#...\"); external references and links are not allowed"),
    (re.compile(r"url\(\s*['\"]?\s*(?!#)", re.I), "an SVG may only use url(#...) inside itself"),
    (re.compile(r"@import", re.I), "an SVG may not import style sheets"),
    (re.compile(r"<\?xml-stylesheet", re.I), "an SVG may not load a style sheet"),
)


def svg_findings(data: bytes) -> list[tuple[int, str]]:
    """Why an SVG file may not be published, as (line, message); empty when it only draws.

    Pattern checks, not a parser: an SVG is refused for anything that looks like code or a
    reference, which errs on the safe side (a logo needs neither).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [(1, "the SVG is not UTF-8 text")]
    findings = []
    for pattern, message in _SVG_RULES:
        for match in pattern.finditer(text):
            findings.append((text.count("\n", 0, match.start()) + 1, message))
            break
    return sorted(findings)


def site_findings(site_dir: Path, base_path: str = "/") -> dict[str, list[tuple[int, str, str]]]:
    """Site-relative path -> findings, for every HTML and SVG file of a built site."""
    found = {}
    theme_copies: dict[str, bool] = {}  # each script file is compared with the theme's once, not once a page
    for file in sorted(site_dir.rglob("*")):
        rel = file.relative_to(site_dir).as_posix()
        suffix = file.suffix.lower()
        if rel.startswith("pyodide/") or not file.is_file():
            continue
        if suffix in HTML_SUFFIXES:
            findings = page_findings(file.read_text(encoding="utf-8", errors="replace"), posixpath.dirname(rel),
                                     site_dir, base_path, theme_copies)
        elif suffix == ".svg":
            findings = [(line, message, "") for line, message in svg_findings(file.read_bytes())]
        else:
            continue
        if findings:
            found[rel] = findings
    return found

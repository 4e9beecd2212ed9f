"""Markdown from YAML (questions, advice, brand texts) to HTML that cannot carry code.

Authors write Markdown in assessment and brand files; the site shows it as
HTML. Raw HTML is not part of that Markdown: tags come out as visible text.
Links may only point at pages of the site or at http(s)/mailto addresses; a
``javascript:`` or ``data:`` URL is refused so the build can name the file and
line. Links to guide pages (``wendbaar-werken/teamfasen.md``) become URLs
relative to the page that shows them.
"""
from __future__ import annotations

import html
import posixpath
import re
from xml.etree import ElementTree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class UnsafeMarkup(ValueError):
    """Text that asks for something the site refuses to render (a script URL, for one)."""


def page_url(page: str) -> str:
    """The site URL (relative to the site root) of a content page, with directory URLs."""
    page, _, anchor = page.partition("#")
    if page.endswith("index.md"):
        url = page[: -len("index.md")]
    else:
        url = page[: -len(".md")] + "/" if page.endswith(".md") else page
    return url + (f"#{anchor}" if anchor else "")


def relative_url(page: str, from_dir: str) -> str:
    """URL of content page ``page`` seen from the site folder ``from_dir`` (e.g. ``scans/teamfase/``)."""
    target = page_url(page)
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path or ".", from_dir or ".")
    rel = "" if rel == "." else rel
    if path.endswith("/") and rel and not rel.endswith("/"):
        rel += "/"
    return (rel or "./") + (f"#{anchor}" if anchor else "")


class _LinkRewriter(Treeprocessor):
    def __init__(self, md, from_dir):
        super().__init__(md)
        self.from_dir = from_dir

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                # what a browser would make of it: entities decoded, whitespace and control characters gone
                stripped = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value))
                if _SCHEME.match(stripped) and not stripped.lower().startswith(SAFE_SCHEMES):
                    raise UnsafeMarkup(f"link '{value}' is not allowed: use a page of the site or an "
                                       f"http(s) address")
                if element.tag == "img":
                    raise UnsafeMarkup("images are not allowed in this text; put figures on a guide page")
                if not _SCHEME.match(stripped) and ".md" in stripped:
                    element.set(attribute, relative_url(stripped.lstrip("./"), self.from_dir))
                if _SCHEME.match(stripped) and element.tag == "a":
                    element.set("rel", "noopener noreferrer")


class _SafeExtension(Extension):
    def __init__(self, from_dir: str):
        super().__init__()
        self.from_dir = from_dir

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        # Without these two, raw HTML is escaped and shown as text instead of passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkRewriter(md, self.from_dir), "sw_links", 1)


def render(text: str | None, from_dir: str = "", inline: bool = False) -> str:
    """Render author Markdown to safe HTML; ``inline`` drops the wrapping paragraph of a one-liner."""
    if not text:
        return ""
    md = markdown.Markdown(extensions=[_SafeExtension(from_dir), "sane_lists"])
    html = md.convert(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


MARKDOWN_FIELDS = {("intro",), ("dimensions", "*", "description"), ("dimensions", "*", "bands", "*", "advice"),
                   ("dimensions", "*", "bands", "*", "advice_by_perspective", "*"),
                   ("questions", "*", "text"), ("profiles", "*", "text"), ("profiles", "*", "text_by_perspective", "*"),
                   ("perspective", "text"), ("perspective", "options", "*", "label"), ("reflection", "*", "text")}
# A text per perspective is keyed by the perspective's option id; its shape uses "*" for it.
PER_PERSPECTIVE = ("advice_by_perspective", "text_by_perspective")


def _text_fields(data, path=()):
    """Every (path, text) of the Markdown fields of an assessment's data, one per language."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _text_fields(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _text_fields(value, path + (index,))
    elif isinstance(data, str):
        shape = tuple("*" if isinstance(p, int) or (i and path[i - 1] in PER_PERSPECTIVE) else p
                      for i, p in enumerate(path))
        if shape in MARKDOWN_FIELDS or (len(shape) > 1 and shape[:-1] in MARKDOWN_FIELDS):
            yield path, data


def problems_in_file(path) -> list[str]:
    """``file:line: message`` for every Markdown text in an assessment file that the site would refuse.

    A file that cannot be read as YAML at all gives no problems here: the engine's
    validation reports it (unreadable, not UTF-8, invalid YAML, over a limit).
    """
    from engine.loader import line_map, line_of, read_yaml

    node, data, refused = read_yaml(path)
    if refused or node is None:
        return []
    lines, _ = line_map(node)
    problems = []
    for field_path, value in _text_fields(data):
        try:
            render(value)
        except UnsafeMarkup as error:
            problems.append(f"{path}:{line_of(lines, field_path)}: {error}")
    return problems

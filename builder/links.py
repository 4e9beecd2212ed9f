"""Link check over a built site: every internal link and anchor must land on something that exists.

mkdocs checks the links it knows (Markdown to Markdown); this checks what the
browser will follow, including the links the build wrote into scan pages and
the anchors of every link. External links are not fetched (no network here).
"""
from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self._in_template = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs and attrs["id"]:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "img", "script", "link", "iframe", "source"):
                self.links.append((self.getpos()[0], attrs[name]))


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_links(site_dir: Path, base_path: str = "/") -> list[str]:
    """Every broken internal link or anchor as ``page.html:line: message``.

    ``base_path`` is the path part of ``site_url``: absolute links (mkdocs writes
    them on the 404 page, which can be shown at any address) start with it.
    """
    pages = {p: _parse(p) for p in site_dir.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        rel_page = page.relative_to(site_dir).as_posix()
        for line, link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
                continue
            if not parts.path:
                target = page
            else:
                path = unquote(parts.path)
                if path.startswith("/"):
                    if not path.startswith(base_path):
                        problems.append(f"{rel_page}:{line}: link '{link}' is outside the site's address {base_path}")
                        continue
                    joined = posixpath.normpath(path[len(base_path):] or ".")
                else:
                    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), path))
                if joined.startswith(".."):
                    problems.append(f"{rel_page}:{line}: link '{link}' points outside the site")
                    continue
                target = site_dir / joined
                if target.is_dir() or parts.path.endswith("/"):
                    target = target / "index.html"
            if not target.is_file():
                problems.append(f"{rel_page}:{line}: link '{link}' points at a file that does not exist")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids and parts.fragment != "__skip":
                    problems.append(f"{rel_page}:{line}: link '{link}' points at an anchor that does not exist")
    return sorted(problems)

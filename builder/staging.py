"""The staged docs folder: our content, shaped by the brand, before mkdocs sees it.

What a brand changes here: its own pages join the guide, hidden sections and
the facilitator pages of hidden scans leave it (and links to them become plain
text, so no page links into nothing), the home page gets the brand's intro,
and the logo, favicon and colours land where the theme looks for them.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from .brand import ALWAYS_SHOWN, Brand, suggest
from .colors import parse_color, readable_on, to_hex

OWN_FOLDER = "eigen"
SLATE_BACKGROUND = (30, 33, 41)  # mkdocs-material's dark ("slate") background
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)(\s+\"[^\"]*\")?\)")


class PythonTag(str):
    """A ``!!python/name:...`` value of mkdocs.yml (an extension's function), kept as written."""

    def __new__(cls, suffix: str, value: str):
        tag = super().__new__(cls, value)
        tag.suffix = suffix
        return tag


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: ``!!python/...`` tags become ``PythonTag`` values."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                    lambda loader, suffix, node: PythonTag(suffix, loader.construct_scalar(node)))


class _ConfigDumper(yaml.SafeDumper):
    """Writes the staged config; ``PythonTag`` values go back out with their tag."""


_ConfigDumper.add_representer(PythonTag, lambda dumper, tag: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/{tag.suffix}", str(tag)))


def read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def write_config(config: dict, path: Path) -> None:
    """One flat config file (no ``INHERIT``): Zensical's inheritance merges lists, mkdocs' replaces them."""
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
ESCAPED_META = ("title", "description")


def escape_front_matter(docs_dir: Path) -> None:
    """HTML-escape ``title`` and ``description`` in every page's front matter.

    The theme writes them into ``<title>`` and ``<meta content="...">`` as they are, so a
    quote in a description would end the attribute. Escaped here, a page shows exactly
    what its author wrote. Front matter that is not valid YAML is left to the generator.
    """
    import html

    for page in docs_dir.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        if not match:
            continue
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            continue
        if not isinstance(meta, dict):
            continue
        changed = {key: html.escape(value, quote=True) for key, value in meta.items()
                   if key in ESCAPED_META and isinstance(value, str) and html.escape(value, quote=True) != value}
        if changed:
            meta.update(changed)
            dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
            page.write_text(f"---\n{dumped}---\n" + text[match.end():], encoding="utf-8")


def _entry(item):
    """(title, value) of a nav entry: value is a page path or a list of entries."""
    if isinstance(item, dict):
        return next(iter(item.items()))
    return None, item


def nav_pages(items) -> list[str]:
    pages = []
    for item in items:
        _, value = _entry(item)
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def section_titles(nav) -> list[str]:
    return [title for title, value in map(_entry, nav) if title and isinstance(value, list)]


def without_pages(items, hidden: set[str]) -> list:
    """The nav with hidden pages removed, and sections that became empty dropped."""
    kept = []
    for item in items:
        title, value = _entry(item)
        if isinstance(value, list):
            inner = without_pages(value, hidden)
            if inner:
                kept.append({title: inner})
        elif value not in hidden:
            kept.append(item)
    return kept


def hidden_pages(brand: Brand, nav, hidden_scans: set[str], docs_dir: Path) -> tuple[set[str], list[str]]:
    """The pages a brand hides, and problems (``file:line: message``) with its section names."""
    problems = []
    hidden = {f"begeleiden/{scan}.md" for scan in hidden_scans} | {f"teamkit/sessie-{scan}.md" for scan in hidden_scans}
    if brand.sections is not None:
        titles = section_titles(nav)
        for wanted in brand.sections:
            if wanted not in titles:
                problems.append(f"{brand.where('sections')}: unknown section '{wanted}'{suggest(wanted, titles)} "
                                f"(sections: {', '.join(titles)})")
        for title, value in map(_entry, nav):
            if title in titles and title not in brand.sections and title not in ALWAYS_SHOWN:
                hidden |= set(nav_pages(value))
    hidden = {page for page in hidden if (docs_dir / page).is_file()}
    return hidden, problems


def _resolve(rel_page: str, target: str) -> str:
    path = target.split("#", 1)[0]
    resolved = Path(rel_page).parent.joinpath(path).as_posix() if path else rel_page
    resolved = re.sub(r"(^|/)\./", r"\1", resolved)
    while re.search(r"[^/]+/\.\./", resolved):
        resolved = re.sub(r"[^/.][^/]*/\.\./", "", resolved, count=1)
    return resolved


def unlink(docs_dir: Path, hidden: set[str]) -> None:
    """Remove the way into hidden pages from the pages that stay.

    A line that exists to point at a hidden page (a list item, a table row, a
    line inside a tip, or a line of one sentence such as "Doe de
    Concernsupport-scan.") goes; in running text the sentence with the link
    goes. A list item goes whole: with its first line go the lines that continue
    it (indented deeper; after a blank line, a later paragraph of the item, 4 spaces
    deeper), so no half of an explanation about a hidden scan stays behind. A tip
    left empty goes too.
    """
    for page in docs_dir.rglob("*.md"):
        rel = page.relative_to(docs_dir).as_posix()
        text = page.read_text(encoding="utf-8")
        lines = []
        item_indent = None  # while dropping a list item: the indent of its marker
        blanks = []         # blank lines met while dropping: kept only if the item ends there
        for line in text.split("\n"):
            indent_width = len(line) - len(line.lstrip())
            if item_indent is not None:
                if not line.strip():
                    blanks.append(line)
                    continue
                # a line of the item that went: indented deeper; after a blank line, by the 4
                # spaces Python-Markdown wants for a later paragraph of a list item
                if indent_width >= item_indent + (4 if blanks else 1):
                    blanks = []
                    continue
                lines.extend(blanks)
                item_indent, blanks = None, []
            targets = [m for m in _LINK.finditer(line)
                       if not m.group(1) and "://" not in m.group(3) and _resolve(rel, m.group(3)) in hidden]
            if not targets:
                lines.append(line)
                continue
            stripped = line.strip()
            list_item = re.match(r"^([-*+]|\d+\.)\s", stripped)
            own_line = (list_item or line.startswith("    ")
                        or len(re.findall(r"[.!?](\s|$)", stripped)) <= 1)
            if own_line:
                if list_item:
                    item_indent = indent_width
                continue
            # running text: the sentences that point at a hidden page go, the rest of the line stays
            indent = line[:indent_width]
            sentences = [part for part in re.split(r"(?<=[.!?])\s+", stripped) if part]
            kept_sentences = [part for part in sentences
                              if not any(m.group(0) in part for m in targets)]
            if kept_sentences:
                lines.append(indent + " ".join(kept_sentences))
        lines.extend(blanks)  # the page ended inside an item that went
        kept = []
        for i, line in enumerate(lines):
            if re.match(r"^\s*(!!!|\?\?\?\+?)\s", line):
                indent = len(line) - len(line.lstrip())
                following = next((l for l in lines[i + 1:] if l.strip()), "")
                if len(following) - len(following.lstrip()) <= indent:
                    continue  # an admonition whose body is gone
            kept.append(line)
        changed = "\n".join(kept)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def own_pages_nav(docs_dir: Path) -> list:
    folder = docs_dir / OWN_FOLDER
    if not folder.is_dir():
        return []
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md"))
    pages.sort(key=lambda p: not p.endswith("/index.md") and p != f"{OWN_FOLDER}/index.md")
    return pages


SOURCE_MARK = "<!-- sw:broncode -->"


def add_source_link(docs_dir: Path, source_url: str | None) -> None:
    """Where this copy's source code is, on the page for IT people (zelf-hosten.md, at its marker).

    The brand's ``source_url``, or the repository the Pages workflow builds from; a copy
    without either says so, instead of pointing at nothing.
    """
    page = docs_dir / "zelf-hosten.md"
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if SOURCE_MARK not in text:
        return
    if source_url:
        sentence = (f"De broncode van deze site staat op <{source_url}>. "
                    "Daar vind je ook het bestand `brand.yml` van deze versie.")
    else:
        sentence = ("Deze versie van de site noemt geen adres van haar broncode. "
                    "Vraag de beheerder van de site waar die staat, of zet het adres in `brand.yml` bij `source_url`.")
    page.write_text(text.replace(SOURCE_MARK, sentence), encoding="utf-8")


def add_home_intro(docs_dir: Path, html: str) -> None:
    """The brand's own words on the home page, right under its title (HTML our renderer made safe)."""
    if not html:
        return
    home = docs_dir / "index.md"
    text = home.read_text(encoding="utf-8")
    block = f'\n<div class="sw-brand-intro">\n{html}\n</div>\n'
    match = re.search(r"^# .*$", text, flags=re.MULTILINE)
    at = match.end() if match else 0
    home.write_text(text[:at] + "\n" + block + text[at:], encoding="utf-8")


def brand_css(brand: Brand) -> str:
    """CSS variables for the theme's custom palette, plus a dark-mode link colour that stays readable.

    The accent keeps its colour in dark mode: buttons use it as the background of white
    text when they have focus, which the brand check (4.5:1 with white) covers.
    """
    primary = parse_color(brand.primary)
    dark_link = to_hex(readable_on(primary, SLATE_BACKGROUND))
    return f"""/* Made by the build from the brand file ({brand.path.name if brand.path else 'defaults'}). */
:root,
[data-md-color-primary="custom"] {{
  --md-primary-fg-color: {brand.primary};
  --md-primary-fg-color--light: {brand.primary};
  --md-primary-fg-color--dark: {brand.primary};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffd9;
  --md-primary-fg-color--transparent: {brand.primary}1a;
}}
[data-md-color-accent="custom"] {{
  --md-accent-fg-color: {brand.accent};
  --md-accent-fg-color--transparent: {brand.accent}1a;
  --md-accent-bg-color: #ffffff;
}}
[data-md-color-scheme="slate"] {{
  --md-typeset-a-color: {dark_link};
}}
"""


def footer_html(brand: Brand, credit_url: str) -> str:
    """The footer line: the brand's contact and link, its source code, then (unless hidden) the toolkit's credit."""
    from html import escape

    parts = []
    if brand.footer_contact:
        parts.append(f'<span class="sw-footer-contact">{escape(brand.footer_contact)}</span>')
    if brand.footer_link_url:
        parts.append(f'<a href="{escape(brand.footer_link_url)}" rel="noopener">{escape(brand.footer_link_text)}</a>')
    if brand.source_url:
        parts.append(f'<a class="sw-source" href="{escape(brand.source_url)}" rel="noopener">Broncode</a>')
    if not brand.hide_credit:
        parts.append(f'<span class="sw-credit">Gemaakt met Supportwijzer, naar het boek '
                     f'<a href="{credit_url}">De Supportorganisatie</a></span>')
    return " · ".join(parts)


def copy_brand_files(brand: Brand, docs_dir: Path) -> dict:
    """Logo and favicon into the docs; returns the theme settings that point at them."""
    theme = {}
    target = docs_dir / "assets" / "brand"
    for key in ("logo", "favicon"):
        source = getattr(brand, key)
        if source is None:
            continue
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / f"{key}{source.suffix.lower()}")
        theme[key] = f"assets/brand/{key}{source.suffix.lower()}"
    return theme

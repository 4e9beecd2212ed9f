"""The brand file: one YAML file with which an organisation makes the site its own.

Settings are declared here, apart from what the build does with them
(``builder/site.py``). Every problem is collected and reported as
``brand.yml:line: message``; paths in the file are relative to the file's own
folder.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from engine.loader import line_map, line_of, read_yaml

from .colors import ColorError, RGB, contrast, parse_color, to_hex
from .markup import UnsafeMarkup, render
from .output_check import svg_findings

WHITE: RGB = (255, 255, 255)
MIN_CONTRAST = 4.5
LANGUAGES = ("nl", "en", "de", "fr", "fy")
IMAGE_TYPES = (".svg", ".png")
MAX_IMAGE_BYTES = 1_000_000
KEYS = ("organisation", "site_title", "logo", "favicon", "colors", "language", "footer", "scans", "sections",
        "home_intro", "site_url", "source_url", "hide_credit", "own_pages", "own_pages_title", "own_scans")
COLOR_KEYS = ("primary", "accent")
FOOTER_KEYS = ("contact", "link_text", "link_url")
# Sections of the guide (top-level navigation titles) that a brand may hide; "Over" holds the
# credit to the book and the privacy statement, and always stays.
ALWAYS_SHOWN = ("Home", "Over", "Scans")


@dataclass
class Brand:
    """A validated brand; the defaults are Supportwijzer's own."""

    path: Path | None = None
    organisation: str = "Supportwijzer"
    site_title: str = "Supportwijzer"
    logo: Path | None = None
    favicon: Path | None = None
    primary: str = "#3949ab"
    accent: str = "#b3400a"
    language: str = "nl"
    footer_contact: str | None = None
    footer_link_text: str | None = None
    footer_link_url: str | None = None
    scans: list[str] | None = None        # None: every scan
    sections: list[str] | None = None     # None: every section
    home_intro_html: str = ""
    site_url: str | None = None
    source_url: str | None = None         # where the site's source code is: "Broncode" in the footer
    hide_credit: bool = False
    own_pages: Path | None = None
    own_pages_title: str = "Van onze organisatie"
    own_scans: Path | None = None
    lines: dict = field(default_factory=dict, repr=False)

    def line(self, *path) -> int:
        return line_of(self.lines, path) if self.lines else 1

    def where(self, *path) -> str:
        """``file:line`` of a setting, for messages the build raises later (unknown scan, section)."""
        return f"{self.path}:{self.line(*path)}" if self.path else "brand.yml:1"


class BrandError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def suggest(word, options) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _inside(folder: Path, value: str) -> Path | None:
    """``value`` resolved against ``folder``, or ``None`` when it is absolute or leads out of it.

    A brand file is often copied from another organisation; its paths may only name
    files beside it, never ``/etc/...`` or a link out of the repository.
    """
    if Path(value).is_absolute() or "\\" in value or re.match(r"^[a-zA-Z]:", value):
        return None
    base = folder.resolve()
    try:
        resolved = (base / value).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None
    return resolved if resolved == base or base in resolved.parents else None


def load_brand(path: Path | None) -> Brand:
    """Read and check a brand file; ``None`` or a missing default file gives the default brand."""
    if path is None:
        return Brand()
    name = str(path)
    node, data, refused = read_yaml(path)
    if refused:
        raise BrandError(refused)
    if data is None:
        return Brand(path=path)
    lines, _ = line_map(node)
    problems: list[str] = []
    brand = Brand(path=path, lines=lines)
    folder = path.parent

    def problem(message, *where):
        problems.append(f"{name}:{line_of(lines, where)}: {message}")

    if not isinstance(data, dict):
        raise BrandError([f"{name}:1: expected settings as 'key: value' lines"])
    for key in data:
        if key not in KEYS:
            problem(f"unknown setting '{key}'{suggest(key, KEYS)} (allowed: {', '.join(KEYS)})", key)

    def text(key, *, required=False, limit=200):
        value = data.get(key)
        if value is None:
            if required:
                problem(f"'{key}' is required", key)
            return None
        if not isinstance(value, str) or not value.strip():
            problem(f"expected text for '{key}', received {value!r}", key)
            return None
        if len(value) > limit:
            problem(f"'{key}' is {len(value)} characters; keep it under {limit}", key)
        if re.search(r"<\s*/?\s*[a-zA-Z]", value):
            problem(f"'{key}' may not contain HTML tags; write plain text", key)
            return None
        return value.strip()

    brand.organisation = text("organisation") or brand.organisation
    brand.site_title = text("site_title") or brand.organisation

    for key in ("logo", "favicon"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problem(f"expected a file path for '{key}', received {value!r}", key)
            continue
        file = _inside(folder, value)
        if file is None:
            problem(f"'{key}' must be a path inside the folder of {path.name}, received '{value}' "
                    f"(no absolute paths, no '..' out of the folder, no links that lead outside it)", key)
        elif file.suffix.lower() not in IMAGE_TYPES:
            problem(f"'{key}' must be an SVG or PNG file, received '{value}'", key)
        elif not file.is_file():
            problem(f"{key} file not found: {value} (paths are relative to the folder of {path.name})", key)
        elif file.stat().st_size > MAX_IMAGE_BYTES:
            problem(f"the {key} file is {file.stat().st_size:,} bytes; keep it under {MAX_IMAGE_BYTES:,}", key)
        else:
            unsafe = svg_findings(file.read_bytes()) if file.suffix.lower() == ".svg" else []
            for svg_line, message in unsafe:
                problem(f"{key} {value}:{svg_line}: {message}; export the image again as a plain drawing", key)
            if not unsafe:
                setattr(brand, key, file)

    colors = data.get("colors")
    if colors is not None:
        if not isinstance(colors, dict):
            problem("expected 'colors' with 'primary' and 'accent'", "colors")
        else:
            for key in colors:
                if key not in COLOR_KEYS:
                    problem(f"unknown colour '{key}'{suggest(key, COLOR_KEYS)} (allowed: primary, accent)",
                            "colors", key)
            for key in COLOR_KEYS:
                if key not in colors:
                    continue
                try:
                    rgb = parse_color(colors[key])
                except ColorError as error:
                    problem(str(error), "colors", key)
                    continue
                ratio = contrast(rgb, WHITE)
                if ratio < MIN_CONTRAST:
                    use = "white text on it (the header)" if key == "primary" else "it as text on white (links, buttons)"
                    problem(f"the {key} colour {colors[key]} has a contrast of {ratio:.2f}:1 with white; WCAG AA "
                            f"needs {MIN_CONTRAST}:1 for {use}. Choose a darker colour", "colors", key)
                    continue
                setattr(brand, key, to_hex(rgb))

    language = data.get("language")
    if language is not None:
        if language not in LANGUAGES:
            problem(f"expected a language of: {', '.join(LANGUAGES)}, received {language!r}{suggest(language, LANGUAGES)}",
                    "language")
        else:
            brand.language = language

    footer = data.get("footer")
    if footer is not None:
        if not isinstance(footer, dict):
            problem("expected 'footer' with contact, link_text and link_url", "footer")
        else:
            for key in footer:
                if key not in FOOTER_KEYS:
                    problem(f"unknown footer setting '{key}'{suggest(key, FOOTER_KEYS)} "
                            f"(allowed: {', '.join(FOOTER_KEYS)})", "footer", key)
            for key in FOOTER_KEYS:
                value = footer.get(key)
                if value is None:
                    continue
                if not isinstance(value, str) or re.search(r"<\s*/?\s*[a-zA-Z]", value):
                    problem(f"expected plain text for footer.{key}", "footer", key)
                    continue
                if key == "link_url" and not re.match(r"^(https?://|mailto:)", value.strip()):
                    problem(f"footer.link_url must start with https://, http:// or mailto:, received '{value}'",
                            "footer", key)
                    continue
                setattr(brand, f"footer_{key}", value.strip())
            if bool(brand.footer_link_text) != bool(brand.footer_link_url):
                problem("footer needs both link_text and link_url, or neither", "footer")

    for key in ("scans", "sections"):
        value = data.get(key)
        if value is None or value == "all":
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(f"expected '{key}' as a list (or 'all'), received {value!r}", key)
        else:
            setattr(brand, key, value)

    intro = data.get("home_intro")
    if intro is not None:
        if not isinstance(intro, str):
            problem("expected Markdown text for 'home_intro'", "home_intro")
        else:
            try:
                brand.home_intro_html = render(intro, from_dir="")
            except UnsafeMarkup as error:
                problem(str(error), "home_intro")

    site_url = data.get("site_url")
    if site_url is not None:
        if not isinstance(site_url, str) or not re.match(r"^https?://[^\s/]+(/\S*)?$", site_url):
            problem(f"expected site_url as https://host/path/, received {site_url!r}", "site_url")
        else:
            brand.site_url = site_url if site_url.endswith("/") else site_url + "/"

    source_url = data.get("source_url")
    if source_url is not None:
        if not isinstance(source_url, str) or not re.match(r"^https://[^\s/<>\"']+(/[^\s<>\"']*)?$", source_url.strip()):
            problem(f"expected source_url as an https:// address, such as https://github.com/organisatie/supportwijzer, "
                    f"received {source_url!r}", "source_url")
        else:
            brand.source_url = source_url.strip()

    hide = data.get("hide_credit")
    if hide is not None:
        if not isinstance(hide, bool):
            problem(f"expected hide_credit: true or false, received {hide!r}", "hide_credit")
        else:
            brand.hide_credit = hide

    for key in ("own_pages", "own_scans"):
        value = data.get(key)
        if value is None:
            continue
        folder_path = _inside(folder, str(value))
        if folder_path is None:
            problem(f"'{key}' must be a folder inside the folder of {path.name}, received '{value}' "
                    f"(no absolute paths, no '..' out of the folder, no links that lead outside it)", key)
        elif not folder_path.is_dir():
            problem(f"{key} folder not found: {value} (paths are relative to the folder of {path.name})", key)
        else:
            setattr(brand, key, folder_path)
    brand.own_pages_title = text("own_pages_title") or brand.own_pages_title

    if problems:
        raise BrandError(problems)
    return brand

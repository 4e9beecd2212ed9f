"""The build pipeline: assessments, staged docs, mkdocs, runtime files, then an atomic swap.

    1. validate every assessment       (stop here on any problem: file:line: message)
    2. build the engine wheel          (its hashed name goes into the scan pages)
    3. stage content/ + scan pages     (a temp folder; content/ itself is never written)
    4. mkdocs build, strict            (warnings become file:line: message)
    5. add Pyodide and the wheels      (only the runtime files the browser needs), and a CSP per page
    6. check every link and anchor     (including those the build wrote into scan pages)
    7. swap the new site into place    (a failed build leaves the old site/ untouched)

The order matters: the wheel name must be known before the scan pages are
written, and nothing touches ``site/`` until everything else succeeded.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from engine.loader import assessment_files, load_all

from . import csp, markup, offline, privacy, scans, staging
from .brand import BrandError, load_brand
from .links import check_links
from .markup import UnsafeMarkup
from .wheel import WheelError, build_wheel, hashed_name, pack_installed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class BuildError(Exception):
    """The build stopped; ``problems`` are ``file:line: message`` lines for the author."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Project:
    """Where a build reads from; tests point it at sample projects."""

    root: Path = ROOT
    config_file: Path = field(default=None)
    content_dir: Path = field(default=None)
    assessments_dir: Path = field(default=None)
    # The address the site is served at; mkdocs-material's instant navigation needs it (it
    # reads the sitemap to know which links are internal). Set by `serve` and the tests.
    site_url: str | None = None
    # The brand file; brand.yml at the root when there is one, else Supportwijzer's defaults.
    brand_file: Path | None = field(default=None)

    def __post_init__(self):
        self.config_file = self.config_file or self.root / "mkdocs.yml"
        self.content_dir = self.content_dir or self.root / "content"
        self.assessments_dir = self.assessments_dir or self.root / "assessments"
        if self.brand_file is None and (self.root / "brand.yml").is_file():
            self.brand_file = self.root / "brand.yml"


def _nav_with_scans(nav: list, scan_pages: list[str], titles: dict[str, str]) -> list:
    """``nav`` with every scan page added under the entry that holds ``scans/index.md``."""
    extra = [{titles[p]: p} for p in scan_pages if p != "scans/index.md"]

    def walk(items):
        for i, item in enumerate(items):
            value = item if isinstance(item, str) else next(iter(item.values())) if isinstance(item, dict) else None
            if value == "scans/index.md":
                items[i + 1:i + 1] = extra
                return True
            if isinstance(value, list) and walk(value):
                return True
        return False

    if not walk(nav):
        nav.append({"Scans": ["scans/index.md", *extra]})
    return nav


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _locate(message: str, docs_dir: Path, project: Project) -> str:
    """Turn a mkdocs warning into ``file:line: message`` where the message names a page and a link."""
    match = re.search(r"Doc file '([^']+)' contains (?:a link|an unrecognized relative link) '([^']+)'", message)
    if match:
        page, link = match.groups()
        source = project.content_dir / page
        line = 1
        if source.is_file():
            for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                if link in text:
                    line = number
                    break
            return f"{_shown(source)}:{line}: {message}"
        return f"{_shown(docs_dir / page)}:1: {message} (a generated scan page)"
    return f"{_shown(project.config_file)}:1: {message}"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _run_mkdocs(config_file: Path, docs_dir: Path, project: Project) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(config_file=str(config_file))
        build(config)
    except (Abort, ConfigurationError, SystemExit) as error:
        problems = [_locate(m, docs_dir, project) for m in collector.messages]
        raise BuildError(problems or [f"{_shown(project.config_file)}:1: {error}"]) from None
    finally:
        logger.removeHandler(collector)


def _copy_runtime(site_dir: Path, wheels: dict[str, Path], project: Project) -> None:
    pyodide = project.root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (pyodide / name).is_file()]
    if missing:
        raise BuildError([f"{_shown(project.root / 'package.json')}:1: Pyodide is not installed "
                          f"(missing {', '.join(missing)}); run `npm ci` first (make setup does it)"])
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide / name, target / name)
    engine_dir = site_dir / "assets" / "engine"
    engine_dir.mkdir(parents=True, exist_ok=True)
    for name, wheel in wheels.items():
        shutil.copyfile(wheel, engine_dir / name)


def _swap(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with two renames, so readers never see half a site."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    shutil.move(str(new_site), str(site_dir))
    if old.exists():
        shutil.rmtree(old)


def build_site(project: Project, site_dir: Path | None, log=print) -> dict:
    """Build the whole site into ``site_dir`` (``None``: build and throw away, as ``check`` does)."""
    started = time.perf_counter()

    # -- 0. brand -------------------------------------------------------------------
    try:
        brand = load_brand(project.brand_file)
    except BrandError as error:
        raise BuildError(error.problems) from None

    # -- 1. assessments: ours, the brand's own, minus the ones the brand hides ---------
    folders = [f for f in (project.assessments_dir, brand.own_scans) if f is not None and f.is_dir()]
    assessments, problems = load_all(folders)
    known = [a.id for a in assessments]
    hidden_scans: set[str] = set()
    if brand.scans is not None:
        for wanted in brand.scans:
            if wanted not in known:
                problems.append(f"{brand.where('scans')}: unknown scan '{wanted}' (scans: {', '.join(known)})")
        hidden_scans = {a.id for a in assessments if a.id not in brand.scans}
        assessments = [a for a in assessments if a.id not in hidden_scans]
    for file in assessment_files(folders):
        problems += markup.problems_in_file(file)
    problems += privacy.check(project.root, project.content_dir)
    if problems:
        raise BuildError(problems)
    log(f"  {len(assessments)} scan(s) valid" + (f", {len(hidden_scans)} hidden by the brand" if hidden_scans else ""))
    # the caller's address wins (serve and the tests know where they serve), then the brand's,
    # then the one the Pages workflow passes in the environment
    site_url = project.site_url or brand.site_url or os.environ.get("SUPPORTWIJZER_SITE_URL") or DEFAULT_SITE_URL
    base_path = urlsplit(site_url).path or "/"

    with tempfile.TemporaryDirectory(prefix="supportwijzer-", dir=project.root) as scratch:
        scratch = Path(scratch)
        # -- 2. wheels: the engine, and segno for QR codes --------------------------------
        try:
            wheels = {hashed_name(w): w for w in (build_wheel(scratch / "wheel"),)}
            qr = pack_installed("segno", scratch / "wheel")
            wheels[hashed_name(qr, "segno")] = qr
        except WheelError as error:
            raise BuildError([f"{_shown(project.root / 'pyproject.toml')}:1: {error}"]) from None
        wheel_name = " ".join(wheels)  # the worker installs them in this order

        # -- 3. staged docs: content, brand, scan pages --------------------------------------
        docs_dir = scratch / "docs"
        shutil.copytree(project.content_dir, docs_dir)
        if brand.own_pages is not None:
            shutil.rmtree(docs_dir / staging.OWN_FOLDER, ignore_errors=True)
            shutil.copytree(brand.own_pages, docs_dir / staging.OWN_FOLDER)
        config = staging.read_config(project.config_file)
        nav = config.get("nav") or []
        hidden, problems = staging.hidden_pages(brand, nav, hidden_scans, docs_dir)
        if problems:
            raise BuildError(problems)
        for page in hidden:
            (docs_dir / page).unlink()
        staging.unlink(docs_dir, hidden | {f"scans/{scan}/index.md" for scan in hidden_scans}
                       | {f"scans/{scan}/team.md" for scan in hidden_scans})
        staging.add_home_intro(docs_dir, brand.home_intro_html)
        theme = staging.copy_brand_files(brand, docs_dir)
        (docs_dir / "assets" / "css").mkdir(parents=True, exist_ok=True)
        (docs_dir / "assets" / "css" / "brand.css").write_text(staging.brand_css(brand), encoding="utf-8")
        try:
            scan_pages = scans.write_scan_pages(assessments, docs_dir, wheel_name,
                                                lang=brand.language)
        except UnsafeMarkup as error:
            raise BuildError([f"{_shown(project.assessments_dir)}:1: {error}"]) from None

        titles = {f"scans/{a.id}/index.md": scans.localize(a.title, brand.language) for a in assessments}
        nav = _nav_with_scans(staging.without_pages(nav, hidden), scan_pages, titles)
        own = staging.own_pages_nav(docs_dir)
        if own:
            nav.insert(len(nav) - 1 if nav else 0, {brand.own_pages_title: own})
        palette = [dict(scheme, primary="custom", accent="custom")
                   for scheme in (config.get("theme") or {}).get("palette") or [{}]]
        staged_config = scratch / "mkdocs.yml"
        staged_config.write_text(yaml.safe_dump({
            "INHERIT": str(project.config_file.resolve()),
            "docs_dir": str(docs_dir),
            "site_dir": str(scratch / "site"),
            "site_name": brand.site_title,
            "site_url": site_url,
            "copyright": staging.footer_html(brand, f"{base_path}over/"),
            # mkdocs resolves custom_dir against the staged file; point it back at the project
            "theme": {"custom_dir": str((project.root / "theme" / "overrides").resolve()),
                      "language": brand.language, "palette": palette, **theme},
            "extra_css": [*(config.get("extra_css") or []), "assets/css/brand.css"],
            "nav": nav,
        }, allow_unicode=True, sort_keys=False), encoding="utf-8")

        # -- 4. mkdocs -----------------------------------------------------------------
        cwd = os.getcwd()
        os.chdir(project.root)  # relative paths in mkdocs.yml (snippets, theme) are the project's
        try:
            _run_mkdocs(staged_config, docs_dir, project)
        finally:
            os.chdir(cwd)

        # -- 5. runtime files, and a Content-Security-Policy on every page -------------
        _copy_runtime(scratch / "site", wheels, project)
        csp.add_policies(scratch / "site")
        offline.write_service_worker(scratch / "site")  # last: its cache names hash the final files

        # -- 6. links over the built pages (scan pages' links included) ----------------------
        broken = check_links(scratch / "site", base_path)
        if broken:
            raise BuildError([f"site/{problem}" for problem in broken])

        # -- 7. swap ---------------------------------------------------------------------
        if site_dir is not None:
            _swap(scratch / "site", site_dir)
    seconds = time.perf_counter() - started
    log(f"  built in {seconds:.1f} s" + (f" into {_shown(site_dir)}/" if site_dir else " (checked, nothing written)"))
    return {"scans": [a.id for a in assessments], "wheel": wheel_name, "seconds": seconds, "brand": brand}

"""The build pipeline: sources, assessments, staged docs, the generator, checks, then an atomic swap.

    0. read the brand file              (its paths may only name files beside it)
    1. check the sources, validate      (no symbolic link out of the project; every assessment
       every assessment                  valid; stop here on any problem: file:line: message)
    2. build the engine wheel           (then the standard library and the engine's bytecode,
                                         precompiled under Pyodide; the hashed names go into the scan pages)
    3. stage content/ + scan pages      (a temp folder; content/ itself is never written)
    4. the generator, strict            (mkdocs, through builder/generator.py; warnings become file:line)
    5. check the output, add runtime    (nothing that runs code unless the theme put it there;
       files and a CSP per page          then Pyodide, the wheels, the policy, the service worker)
    6. check every link and anchor      (including those the build wrote into scan pages)
    7. swap the new site into place     (a failed build leaves the old site/ untouched)

The order matters: the wheel name must be known before the scan pages are
written, the output check must see the pages before the policy trusts their
scripts, and nothing touches ``site/`` until everything else succeeded.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from engine.loader import assessment_files, load_all

from . import confine, csp, generator, markup, offline, output_check, privacy, scans, staging
from .brand import BrandError, load_brand
from .links import check_links
from .markup import UnsafeMarkup
from .stdlib import Stdlib, StdlibError, build_stdlib, with_bytecode
from .wheel import WheelError, build_wheel, hashed_name, pack_installed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
SOURCE_URL = re.compile(r"^https://[^\s/<>\"']+(/[^\s<>\"']*)?$")  # as builder/brand.py accepts source_url
# What the browser fetches of Pyodide itself. Not python_stdlib.zip: the build ships only the modules the
# engine imports, precompiled (builder/stdlib.py); not pyodide-lock.json: the worker gives it inline.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Vendored browser libraries, self-hosted like Pyodide: npm package -> {file in it: site path}.
# jsQR reads QR codes from camera frames where the browser has no BarcodeDetector (team-camera.js,
# in a worker: qr-reader-worker.js); its license travels with it.
VENDORED_FILES = {"jsqr": {"dist/jsQR.js": "assets/vendor/jsqr/jsQR.js", "LICENSE": "assets/vendor/jsqr/LICENSE.txt"}}


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


def _shown(path: Path) -> str:
    """A path as the author knows it: relative to where they ran the build, if it is under it."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass
class _Sources:
    """Where each staged docs page came from, so problems found later name the author's file."""

    project: Project
    docs_dir: Path
    own_pages: Path | None
    assessment_files: dict[str, Path]

    def of(self, page: str) -> tuple[Path, bool]:
        """(source file, generated?) of a docs page such as ``eigen/x.md`` or ``scans/teamfase/index.md``."""
        parts = page.split("/")
        if parts[0] == staging.OWN_FOLDER and self.own_pages is not None:
            return self.own_pages.joinpath(*parts[1:]), False
        if parts[0] == "scans":
            if len(parts) > 2 and parts[1] in self.assessment_files:
                return self.assessment_files[parts[1]], True
            if page == "scans/index.md":
                return scans.TEMPLATES / "scans-index.md.j2", True
        return self.project.content_dir / page, False

    def of_built(self, rel: str) -> tuple[Path, bool]:
        """The source of a built file: ``x/index.html`` comes from ``x.md`` or ``x/index.md``."""
        if rel.endswith("index.html"):
            folder = rel[: -len("index.html")]
            candidates = ([folder.rstrip("/") + ".md"] if folder else []) + [folder + "index.md", folder + "README.md"]
            for candidate in candidates:
                if (self.docs_dir / candidate).is_file():
                    return self.of(candidate)
        if (self.docs_dir / rel).is_file():
            return self.of(rel)
        return self.project.root / "theme" / "overrides" / "main.html", True


def _source_line(source: Path, needle: str) -> int:
    if not needle:
        return 1
    try:
        for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if needle.lower() in text.lower():
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def _output_problems(site: Path, base_path: str, sources: _Sources) -> list[str]:
    """``file:line: message`` for everything in the built site that could run code or send visitors away."""
    problems = []
    for rel, findings in output_check.site_findings(site, base_path).items():
        source, generated = sources.of_built(rel)
        for built_line, message, needle in findings:
            if generated:
                problems.append(f"{_shown(source)}:1: {message} (in the generated {rel}, line {built_line})")
            elif source.suffix != ".md":  # copied as it is: the built line is the source line
                problems.append(f"{_shown(source)}:{built_line}: {message}")
            else:
                problems.append(f"{_shown(source)}:{_source_line(source, needle)}: {message}")
    return problems


def _staged_config(config: dict, project: Project, scratch: Path, brand, nav, theme, site_url, base_path) -> dict:
    """The project's mkdocs.yml as one flat file beside the staged docs, with relative folders.

    Flat, not ``INHERIT``: Zensical's inheritance appends lists where mkdocs' replaces them.
    Paths in it are relative to its own folder (the scratch folder), as both generators read them.
    """
    def here(path) -> str:
        return os.path.relpath((project.root / path).resolve(), scratch.resolve())

    staged = dict(config)
    theme_config = dict(config.get("theme") or {})
    palette = [dict(scheme, primary="custom", accent="custom") for scheme in theme_config.get("palette") or [{}]]
    theme_config.update({"custom_dir": here(theme_config.get("custom_dir") or "theme/overrides"),
                         "language": brand.language, "palette": palette, **theme})
    extensions = []
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict) and "pymdownx.snippets" in item:
            options = dict(item["pymdownx.snippets"] or {})
            paths = options.get("base_path") or []
            options["base_path"] = [here(p) for p in ([paths] if isinstance(paths, str) else paths)]
            item = {"pymdownx.snippets": options}
        extensions.append(item)
    staged.update({
        "docs_dir": "docs",
        "site_dir": "site",
        # the theme writes the site name into <title> and attributes without escaping it
        "site_name": html.escape(brand.site_title, quote=True),
        "site_url": site_url,
        "copyright": staging.footer_html(brand, f"{base_path}over/"),
        "theme": theme_config,
        "extra_css": [*(config.get("extra_css") or []), "assets/css/brand.css"],
        "markdown_extensions": extensions,
        "nav": nav,
    })
    return staged


def _copy_runtime(site_dir: Path, wheels: dict[str, Path], stdlib: Stdlib, project: Project) -> None:
    pyodide = project.root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (pyodide / name).is_file()]
    if missing:
        raise BuildError([f"{_shown(project.root / 'package.json')}:1: Pyodide is not installed "
                          f"(missing {', '.join(missing)}); run `npm ci` first (make setup does it)"])
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide / name, target / name)
    shutil.copyfile(stdlib.main, target / stdlib.main_name)
    shutil.copyfile(stdlib.later, target / stdlib.later_name)
    for package, files in VENDORED_FILES.items():
        for source, site_path in files.items():
            if not (project.root / "node_modules" / package / source).is_file():
                raise BuildError([f"{_shown(project.root / 'package.json')}:1: {package} is not installed "
                                  f"(missing node_modules/{package}/{source}); run `npm ci` first"])
            (site_dir / site_path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project.root / "node_modules" / package / source, site_dir / site_path)
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

    # -- 1. sources: only the project's own files, then every assessment, ours and the brand's --
    allowed_roots = [project.root] + ([project.brand_file.parent] if project.brand_file else [])
    source_folders = [project.content_dir, project.assessments_dir, brand.own_pages, brand.own_scans]
    problems = [problem for folder in dict.fromkeys(f for f in source_folders if f is not None)
                for problem in confine.links_leaving(folder, allowed_roots, _shown)]
    if problems:
        raise BuildError(problems)
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
    files = assessment_files(folders)
    for file in files:
        problems += markup.problems_in_file(file)
    problems += privacy.check(project.root, project.content_dir)
    if problems:
        raise BuildError(problems)
    log(f"  {len(assessments)} scan(s) valid" + (f", {len(hidden_scans)} hidden by the brand" if hidden_scans else ""))
    # the caller's address wins (serve and the tests know where they serve), then the brand's,
    # then the one the Pages workflow passes in the environment
    site_url = project.site_url or brand.site_url or os.environ.get("SUPPORTWIJZER_SITE_URL") or DEFAULT_SITE_URL
    base_path = urlsplit(site_url).path or "/"
    # where the source code is: the brand's address, else the repository the Pages workflow builds from
    if not brand.source_url and SOURCE_URL.match(os.environ.get("SUPPORTWIJZER_SOURCE_URL", "")):
        brand.source_url = os.environ["SUPPORTWIJZER_SOURCE_URL"]

    with tempfile.TemporaryDirectory(prefix="supportwijzer-", dir=project.root) as scratch:
        scratch = Path(scratch)
        # -- 2. wheels: the engine, and segno for QR codes --------------------------------
        try:
            wheels = {hashed_name(w): w for w in (build_wheel(scratch / "wheel"),)}
            qr = pack_installed("segno", scratch / "wheel")
            wheels[hashed_name(qr, "segno")] = qr
        except WheelError as error:
            raise BuildError([f"{_shown(project.root / 'pyproject.toml')}:1: {error}"]) from None
        # the standard library compiled for them, then the names in the order the worker loads them
        try:
            stdlib = build_stdlib(list(wheels.values()), log)
        except StdlibError as error:
            raise BuildError([str(error) if error.located else f"{_shown(project.root / 'package.json')}:1: {error}"]) \
                from None
        # The engine wheel as shipped: with its modules precompiled by Pyodide (new content, so a new
        # name). Not segno's: it loads after "ready", for QR codes only, and its bytecode would add
        # 78 KB gzip to every first visit to save a moment on the first QR code.
        engine_name, engine_wheel = next(iter(wheels.items()))
        shipped = with_bytecode(engine_wheel, stdlib, scratch / "shipped")
        wheels = {hashed_name(shipped): shipped, **{n: w for n, w in wheels.items() if n != engine_name}}
        wheel_name = " ".join([stdlib.main_name, *wheels, stdlib.later_name])

        # -- 3. staged docs: content, brand, scan pages --------------------------------------
        docs_dir = scratch / "docs"
        shutil.copytree(project.content_dir, docs_dir)
        if brand.own_pages is not None:
            shutil.rmtree(docs_dir / staging.OWN_FOLDER, ignore_errors=True)
            shutil.copytree(brand.own_pages, docs_dir / staging.OWN_FOLDER)
        sources = _Sources(project, docs_dir, brand.own_pages, {file.stem: file for file in files})
        config = staging.read_config(project.config_file)
        nav = config.get("nav") or []
        hidden, problems = staging.hidden_pages(brand, nav, hidden_scans, docs_dir)
        if problems:
            raise BuildError(problems)
        for page in hidden:
            (docs_dir / page).unlink()
        staging.unlink(docs_dir, hidden | {f"scans/{scan}/index.md" for scan in hidden_scans}
                       | {f"scans/{scan}/team/index.md" for scan in hidden_scans}
                       | {f"scans/{scan}/papier/index.md" for scan in hidden_scans}
                       | {f"scans/{scan}/organisatie/index.md" for scan in hidden_scans})
        staging.add_home_intro(docs_dir, brand.home_intro_html)
        staging.add_source_link(docs_dir, brand.source_url)
        theme = staging.copy_brand_files(brand, docs_dir)
        (docs_dir / "assets" / "css").mkdir(parents=True, exist_ok=True)
        (docs_dir / "assets" / "css" / "brand.css").write_text(staging.brand_css(brand), encoding="utf-8")
        try:
            scan_pages = scans.write_scan_pages(assessments, docs_dir, wheel_name,
                                                lang=brand.language)
        except UnsafeMarkup as error:
            raise BuildError([f"{_shown(project.assessments_dir)}:1: {error}"]) from None

        staging.escape_front_matter(docs_dir)  # every page's title and description, generated ones included
        # nav titles go into the theme's HTML as they are: escape the authors' words
        titles = {f"scans/{a.id}/index.md": html.escape(scans.localize(a.title, brand.language), quote=True)
                  for a in assessments}
        nav = _nav_with_scans(staging.without_pages(nav, hidden), scan_pages, titles)
        own = staging.own_pages_nav(docs_dir)
        if own:
            nav.insert(len(nav) - 1 if nav else 0, {html.escape(brand.own_pages_title, quote=True): own})
        staged_config = scratch / "mkdocs.yml"
        staging.write_config(_staged_config(config, project, scratch, brand, nav, theme, site_url, base_path),
                             staged_config)

        # -- 4. the generator (mkdocs) --------------------------------------------------
        try:
            generator.build(staged_config, sources.of, _shown(project.config_file))
        except generator.GeneratorError as error:
            raise BuildError(error.problems) from None

        # -- 5. nothing that runs code or leaves the site, then runtime files and a CSP per page --
        problems = _output_problems(scratch / "site", base_path, sources)
        if problems:
            raise BuildError(problems)
        _copy_runtime(scratch / "site", wheels, stdlib, project)
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

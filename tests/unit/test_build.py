"""build.py: the same site from build and check, file:line problems, and a site/ that a failed build leaves alone."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.site import BuildError, Project, build_site
import support
from support import ROOT


def copy_project(tmp_path: Path) -> Project:
    return Project(root=support.copy_project(tmp_path))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("built")
    project = copy_project(tmp)
    site = tmp / "site"
    build_site(project, site, log=lambda line: None)
    return project, site


def test_the_build_writes_guide_pages_scan_pages_pyodide_and_the_hashed_wheel(built):
    _, site = built
    assert (site / "index.html").is_file() and (site / "teamfasenmodel" / "index.html").is_file()
    for scan in ("teamfase", "werksoort", "supportlijnen", "persoonlijk-leiderschap", "concernsupport"):
        assert (site / "scans" / scan / "index.html").is_file()
    # Pyodide without its python_stdlib.zip and lock file: the precompiled standard library instead
    pyodide_files = sorted(p.name for p in (site / "pyodide").iterdir())
    assert [name for name in pyodide_files if not name.startswith("stdlib-")] == \
        ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs"]
    [stdlib] = [name for name in pyodide_files if name.startswith("stdlib-") and not name.startswith("stdlib-later-")]
    [stdlib_later] = [name for name in pyodide_files if name.startswith("stdlib-later-")]
    engine_wheel, segno_wheel = sorted((site / "assets" / "engine").iterdir())
    assert engine_wheel.name.startswith("engine-") and segno_wheel.name.startswith("segno-")
    assert f'data-sw-wheel="{stdlib} {engine_wheel.name} {segno_wheel.name} {stdlib_later}"' in \
        (site / "scans" / "teamfase" / "index.html").read_text()
    assert (site / "scans" / "teamfase" / "team" / "index.html").is_file()
    assert not (site / "scans" / "persoonlijk-leiderschap" / "team").exists()  # a personal scan is not pooled


def test_the_overview_lists_every_scan_with_audience_questions_and_minutes(built):
    _, site = built
    text = (site / "scans" / "index.html").read_text()
    for title, audience in (("Teamfase-scan", "Voor een team"), ("Werksoort-scan", "Voor een team")):
        assert title in text and audience in text
    from builder.scans import minutes_for
    from engine.loader import load_assessment
    teamfase = load_assessment(ROOT / "assessments" / "teamfase.yml")
    # measured: an agree/disagree item takes 8-12 s; 10 s a question, plus a minute to read the intro
    assert f"ongeveer {minutes_for(teamfase)} minuten" in text
    assert minutes_for(teamfase) == 1 + -(-len(teamfase.questions) * 10 // 60)


def test_no_page_asks_a_third_party_host_for_fonts_or_scripts(built):
    _, site = built
    for page in site.rglob("*.html"):
        text = page.read_text()
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "api.github.com"):
            assert host not in text, f"{page} mentions {host}"


def previous_site(tmp_path: Path) -> Path:
    """A site/ from an earlier build, which a failed build must leave as it was."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    return site


def test_a_broken_link_fails_with_file_and_line_and_leaves_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    page = project.content_dir / "teamfasenmodel.md"
    page.write_text(page.read_text() + "\n\nZie ook [een pagina die er niet is](bestaat-niet.md).\n")
    line = len(page.read_text().splitlines())
    with pytest.raises(BuildError) as info:
        build_site(project, site, log=lambda line: None)
    assert any(p.startswith(f"{page}:{line}: ") or f"teamfasenmodel.md:{line}:" in p for p in info.value.problems), \
        info.value.problems
    assert (site / "index.html").read_text() == "the previous site"
    assert not list(tmp_path.glob("project/supportwijzer-*")), "the staging folder is cleaned up"


def test_a_bad_assessment_fails_with_file_and_line_and_leaves_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    scan = project.assessments_dir / "werksoort.yml"
    scan.write_text(scan.read_text().replace("audience: team", "audience: teams", 1))
    with pytest.raises(BuildError) as info:
        build_site(project, site, log=lambda line: None)
    [problem] = info.value.problems
    line = next(i for i, text in enumerate(scan.read_text().splitlines(), 1) if text.startswith("audience:"))
    assert problem.endswith(f"werksoort.yml:{line}: expected one of: individual, team, organisation, "
                            f"received text ('teams'); did you mean 'team'?")
    assert (site / "index.html").read_text() == "the previous site"


def test_check_writes_nothing_and_exits_0_on_the_real_project():
    # hidden folders (.pytest_cache, .hypothesis) and the scratch folders of builds (supportwijzer-*, removed
    # when a build ends) belong to tests that may run at the same time on another core
    def listing():
        return sorted(p.name for p in ROOT.iterdir() if not p.name.startswith((".", "supportwijzer-")))
    before = listing()
    run = subprocess.run([sys.executable, "build.py", "check"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "checked, nothing written" in run.stderr
    assert listing() == before


def test_build_command_reports_problems_without_a_traceback(tmp_path):
    project = copy_project(tmp_path)
    (project.assessments_dir / "kapot.yml").write_text("id: kapot\nversion: [\n")
    shutil.copyfile(ROOT / "build.py", project.root / "build.py")
    (project.root / "builder").symlink_to(ROOT / "builder")
    (project.root / "engine").symlink_to(ROOT / "engine")
    (project.root / "pyproject.toml").symlink_to(ROOT / "pyproject.toml")
    run = subprocess.run([sys.executable, "build.py", "build"], cwd=project.root, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(project.root)})
    assert run.returncode == 1
    assert "kapot.yml:3: invalid YAML" in run.stderr and "Traceback" not in run.stderr
    assert "site/ was left as it was" in run.stderr

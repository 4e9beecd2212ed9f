"""Hostile author input: a scan, a brand file, pages, a logo and links that try to run code or leak files.

The fixture set in tests/fixtures/hostile/ is built as a real site: ``escaped/``
must build, with every author text shown as text; ``refused/`` must stop the
build with one ``file:line`` per problem. The remaining cases change a copy of
the project (symbolic links, paths in the brand file, logos).
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from builder import csp, output_check
from builder.brand import BrandError, load_brand
from builder.site import BuildError, Project, build_site
from support import FIXTURES, ROOT, copy_project

HOSTILE = FIXTURES / "hostile"
SCAN_TITLE = "Teamfase: hoe staan we ervoor? {hidden} [x] #1 <script>document.title='PWNED'</script>"


def build(tmp_path, **project) -> Path:
    site = tmp_path / "site"
    build_site(Project(**{"root": ROOT, **project}), site, log=lambda line: None)
    return site


def problems_of(**project) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_site(Project(**{"root": ROOT, **project}), None, log=lambda line: None)
    return caught.value.problems


@pytest.fixture(scope="module")
def escaped_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("hostile"), brand_file=HOSTILE / "escaped" / "brand.yml")


def pages(site: Path):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


# -- escaped: the build succeeds and shows every text as text ------------------------------------

def test_no_built_page_holds_a_script_that_the_theme_did_not_write(escaped_site):
    built = pages(escaped_site)
    assert "scans/vijandig/index.html" in built
    for rel, text in built.items():
        for _, body, _ in csp.inline_scripts(text):
            assert csp.is_theme_script(body), (rel, body[:80])
        findings = [f for f in output_check.page_findings(text, str(Path(rel).parent), escaped_site)
                    if "Content-Security-Policy" not in f[1]]
        assert findings == [], rel
        assert "<script>document.title" not in text, rel


def test_the_hostile_scan_title_is_text_in_the_heading_the_title_the_navigation_and_the_overview(escaped_site):
    shown = html.escape(SCAN_TITLE, quote=False)
    scan = (escaped_site / "scans" / "vijandig" / "index.html").read_text()
    assert re.search(r"<h1[^>]*>" + re.escape(shown) + "<a", scan)
    assert f"<title>{html.escape(SCAN_TITLE)} - " in scan
    home = (escaped_site / "index.html").read_text()
    assert html.escape(SCAN_TITLE) in home or shown in home  # the navigation, on every page
    overview = (escaped_site / "scans" / "index.html").read_text()
    assert f">{shown}</a>" in overview  # the table's link text
    assert f"Start de {shown}</a>" in overview


def test_front_matter_survives_a_title_with_a_colon_braces_brackets_and_a_hash(escaped_site):
    for page in ("scans/vijandig/index.html", "scans/vijandig/team/index.html"):
        text = (escaped_site / page).read_text()
        assert 'name="sw-engine-wheel"' in text, page          # the engine still starts from the head
        assert re.search(r'data-md-type="toc"[^>]*hidden', text), page  # the table of contents stays hidden
        description = re.search(r'<meta name="description" content="([^"]*)">', text).group(1)
        assert description.startswith(("Een &quot;scan&quot; met &lt;meta", "Plak de resultaatcodes")), page


def test_quotes_in_the_brand_and_in_page_descriptions_stay_inside_their_attributes(escaped_site):
    own = (escaped_site / "eigen" / "index.html").read_text()
    assert ('<meta name="description" content="Over &quot;ons&quot;: &lt;script&gt;document.title=&quot;PWNED'
            '&quot;&lt;/script&gt; &amp; meer">') in own
    assert "<title>Over \"ons\" & {de rest} #1 - Onze &quot;site&quot; &amp; &#x27;de rest&#x27; {x}</title>" in own
    home = (escaped_site / "index.html").read_text()
    assert 'Van ons: &quot;wij&quot; &amp; {zij} [x] #1' in home
    assert "Mail &quot;ons&quot; &amp; vraag {x} #1" in home


def test_answer_labels_dimension_titles_and_advice_come_out_as_text(escaped_site):
    scan = (escaped_site / "scans" / "vijandig" / "index.html").read_text()
    assert "<span>Oneens &lt;img src=x onerror=&#34;document.title=&#39;PWNED&#39;&#34;&gt;</span>" in scan
    assert 'data-title="Samen &#34;&gt;&lt;script&gt;' in scan
    assert "&lt;details open ontoggle=" in scan
    assert "{: onclick=" in scan  # an attribute list in a question stays text


def test_the_team_page_lives_at_its_own_index(escaped_site, tmp_path):
    assert (escaped_site / "scans" / "vijandig" / "team" / "index.html").is_file()
    assert not (escaped_site / "scans" / "vijandig" / "team.html").exists()
    # the source layout is what both generators must agree on: team/index.md, not team.md
    from builder.scans import write_scan_pages
    from engine.loader import load_assessment
    write_scan_pages([load_assessment(HOSTILE / "escaped" / "scans" / "vijandig.yml")], tmp_path, "engine-x.whl")
    assert (tmp_path / "scans" / "vijandig" / "team" / "index.md").is_file()
    assert not (tmp_path / "scans" / "vijandig" / "team.md").exists()


# -- refused: one file:line per problem, all at once ------------------------------------------------

def test_pages_that_run_code_or_send_visitors_away_stop_the_build_at_their_line():
    folder = "tests/fixtures/hostile/refused/paginas"
    assert sorted(problems_of(brand_file=HOSTILE / "refused" / "brand.yml")) == sorted([
        f"{folder}/doorsturen.md:3: <meta http-equiv=\"refresh\"> is not allowed (a refresh can send visitors "
        f"to another site)",
        f"{folder}/eigen-script.md:3: script 'eigen.js' is not one of the theme's scripts; pages may not bring "
        f"their own",
        f"{folder}/gebeurtenis.md:5: event attribute 'onerror' on <img> is not allowed: it runs code",
        f"{folder}/gebeurtenis.md:7: href=\"javascript:document.title='PWNED'\" on <a> is not allowed: use a page "
        f"of the site or an http(s) address",
        f"{folder}/kader.md:5: frames are not allowed",
        f"{folder}/los.html:3: inline <script> is not allowed: only the theme's own scripts run (write text, or "
        f"ask a developer for a theme change)",
        f"{folder}/script.md:5: inline <script> is not allowed: only the theme's own scripts run (write text, or "
        f"ask a developer for a theme change)",
        f"{folder}/tekening.svg:3: an SVG may not contain <script>",
    ])


def test_a_guide_page_with_a_script_is_refused_too(tmp_path):
    root = copy_project(tmp_path)
    page = root / "content" / "over.md"
    page.write_text(page.read_text() + "\n<script>document.title='PWNED'</script>\n")
    line = len(page.read_text().splitlines())
    problems = problems_of(root=root)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{page}:{line}".replace(str(Path.cwd()) + "/", "")]


# -- files outside the project ---------------------------------------------------------------------

def test_a_symbolic_link_out_of_the_project_stops_the_build_and_ships_nothing(tmp_path):
    root = copy_project(tmp_path)
    (root / "content" / "eigen").mkdir()
    (root / "content" / "eigen" / "x.txt").symlink_to("/etc/passwd")
    problems = problems_of(root=root)
    assert len(problems) == 1
    assert problems[0].endswith("content/eigen/x.txt:1: symbolic link to /etc/passwd, outside the project; "
                                "only files of the project are published: copy the file in instead")


def test_a_symbolic_link_that_loops_is_refused_and_one_inside_the_project_is_fine(tmp_path):
    root = copy_project(tmp_path)
    (root / "content" / "lus.md").symlink_to(root / "content" / "lus.md")
    problems = problems_of(root=root)
    assert len(problems) == 1 and "content/lus.md:1: symbolic link that leads nowhere or loops" in problems[0]
    (root / "content" / "lus.md").unlink()
    (root / "content" / "kopie.md").symlink_to(root / "content" / "over.md")
    assert (build(tmp_path, root=root) / "kopie" / "index.html").is_file()


def brand_problems(folder: Path, text: str) -> list[str]:
    (folder / "brand.yml").write_text(text)
    with pytest.raises(BrandError) as caught:
        load_brand(folder / "brand.yml")
    return [p.split("brand.yml:", 1)[1] for p in caught.value.problems]


@pytest.mark.parametrize(("setting", "message"), [
    ("logo: /etc/passwd.svg", "1: 'logo' must be a path inside the folder of brand.yml, received '/etc/passwd.svg'"),
    ("favicon: ../../../../etc/x.png", "1: 'favicon' must be a path inside the folder of brand.yml"),
    ("own_pages: /etc", "1: 'own_pages' must be a folder inside the folder of brand.yml, received '/etc'"),
    ("own_scans: ../..", "1: 'own_scans' must be a folder inside the folder of brand.yml, received '../..'"),
    ("logo: buiten.svg", "1: 'logo' must be a path inside the folder of brand.yml, received 'buiten.svg'"),
])
def test_brand_paths_must_stay_beside_the_brand_file(tmp_path, setting, message):
    folder = tmp_path / "merk"
    folder.mkdir()
    (tmp_path / "elders.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (folder / "buiten.svg").symlink_to(tmp_path / "elders.svg")
    problems = brand_problems(folder, setting + "\n")
    assert len(problems) == 1 and problems[0].startswith(message)


@pytest.mark.parametrize(("svg", "message"), [
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', "2: an SVG may not contain <script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "1: an SVG may not contain event attributes"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
     '<image xlink:href="https://tracker.example/p.png"/></svg>', "2: an SVG may only link inside itself"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
     "1: an SVG may not contain foreignObject"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
     "1: a DOCTYPE or ENTITY declaration is not allowed"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>',
     "1: an SVG may only use url(#...) inside itself"),
])
def test_a_logo_that_can_run_code_or_call_out_is_refused_at_its_line(tmp_path, svg, message):
    (tmp_path / "logo.svg").write_text(svg)
    problems = brand_problems(tmp_path, "logo: logo.svg\n")
    assert any(p.startswith(f"1: logo logo.svg:{message}") for p in problems), problems
    assert all(p.endswith("; export the image again as a plain drawing") for p in problems)


def test_a_logo_that_only_draws_is_accepted(tmp_path):
    shutil.copyfile(HOSTILE / "escaped" / "logo.svg", tmp_path / "logo.svg")
    (tmp_path / "brand.yml").write_text("logo: logo.svg\n")
    assert load_brand(tmp_path / "brand.yml").logo.name == "logo.svg"


# -- the staged configuration: one flat file, relative folders ---------------------------------------

def test_the_staged_config_is_flat_with_relative_folders_and_keeps_python_tags(tmp_path):
    from builder import staging
    from builder.brand import Brand
    from builder.site import _staged_config

    config = staging.read_config(ROOT / "mkdocs.yml")
    scratch = ROOT / "supportwijzer-test-scratch"
    staged = _staged_config(config, Project(root=ROOT), scratch, Brand(), [], {}, "http://127.0.0.1:8000/", "/")
    assert "INHERIT" not in staged
    assert (staged["docs_dir"], staged["site_dir"]) == ("docs", "site")
    assert staged["theme"]["custom_dir"] == "../theme/overrides"
    assert staged["plugins"] == config["plugins"] and staged["extra_javascript"] == config["extra_javascript"]
    staging.write_config(staged, tmp_path / "mkdocs.yml")
    written = (tmp_path / "mkdocs.yml").read_text()
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in written
    snippets = next(e["pymdownx.snippets"] for e in yaml.load(written, Loader=staging._ConfigLoader)["markdown_extensions"]
                    if isinstance(e, dict) and "pymdownx.snippets" in e)
    assert snippets["base_path"] == ["../theme/snippets"]

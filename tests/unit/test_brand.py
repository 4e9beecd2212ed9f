"""Brand files: every setting has an effect, and every mistake a file:line message."""
import json
import subprocess
import sys

import pytest

from builder.brand import BrandError, load_brand
from builder.colors import ColorError, contrast, parse_color, readable_on
from builder.site import Project, build_site
from support import ROOT

EXAMPLE_BRAND = ROOT / "examples" / "brands" / "lindewaard" / "brand.yml"


@pytest.mark.parametrize("text, rgb", [
    ("#1d4f91", (29, 79, 145)), ("#FFF", (255, 255, 255)), ("navy", (0, 0, 128)),
    ("rgb(29 79 145)", (29, 79, 145)), ("rgb(29, 79, 145)", (29, 79, 145)), ("rgba(29,79,145,0.5)", (29, 79, 145)),
    ("hsl(0 100% 50%)", (255, 0, 0)), ("hsl(120, 100%, 25%)", (0, 128, 0)),
])
def test_css_colours_in_every_common_notation(text, rgb):
    assert parse_color(text) == rgb


@pytest.mark.parametrize("text", ["blauwig", "#12345", "rgb(1,2)", "", 12])
def test_unreadable_colours_say_which_notations_work(text):
    with pytest.raises(ColorError, match="#rrggbb|expected a CSS colour"):
        parse_color(text)


def test_contrast_follows_wcag():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54
    lighter = readable_on((57, 73, 171), (30, 33, 41))
    assert contrast(lighter, (30, 33, 41)) >= 4.5


def write_brand(tmp_path, text, files=()):
    folder = tmp_path / "merk"
    folder.mkdir(exist_ok=True)
    for name in files:
        (folder / name).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = folder / "brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, files, message", [
    ("organisation: X\nsite_titel: Y\n", (), "2: unknown setting 'site_titel'; did you mean 'site_title'?"),
    ("logo: logo.svg\n", (), "1: logo file not found: logo.svg"),
    ("logo: logo.gif\n", (), "1: 'logo' must be an SVG or PNG file"),
    ("colors:\n  primary: blauwig\n", (), "2: cannot read the colour 'blauwig'"),
    ("colors:\n  primary: '#777777'\n", (), "2: the primary colour #777777 has a contrast of 4.48:1 with white; WCAG AA needs 4.5:1"),
    ("colors:\n  accent: yellow\n", (), "2: the accent colour yellow has a contrast of 1.07:1 with white"),
    ("colors:\n  primair: navy\n", (), "2: unknown colour 'primair'; did you mean 'primary'?"),
    ("language: nederlands\n", (), "1: expected a language of: nl, en, de, fr, fy"),
    ("footer:\n  link_url: javascript:alert(1)\n  link_text: x\n", (), "2: footer.link_url must start with https://"),
    ("site_title: <b>Hoi</b>\n", (), "1: 'site_title' may not contain HTML tags"),
    ("home_intro: '[klik](javascript:alert(1))'\n", (), "1: link 'javascript:alert(1)' is not allowed"),
    ("hide_credit: ja\n", (), "1: expected hide_credit: true or false"),
    ("scans: teamfase\n", (), "1: expected 'scans' as a list"),
    ("own_pages: bestaat-niet\n", (), "1: own_pages folder not found: bestaat-niet"),
    ("organisation: [\n", (), "2: invalid YAML"),
])
def test_each_mistake_gives_its_message_and_line(tmp_path, text, files, message):
    path = write_brand(tmp_path, text, files)
    with pytest.raises(BrandError) as info:
        load_brand(path)
    assert any(p.startswith(f"{path}:") and message in p for p in info.value.problems), info.value.problems


def test_a_good_brand_file_reads_every_setting():
    brand = load_brand(EXAMPLE_BRAND)
    assert (brand.organisation, brand.site_title) == ("Gemeente Lindewaard", "Supportwijzer Lindewaard")
    assert (brand.primary, brand.accent) == ("#0b5d3b", "#7a2e8c")
    assert brand.logo.name == "logo.svg" and brand.favicon.name == "favicon.svg"
    assert brand.scans == ["teamfase", "werksoort", "persoonlijk-leiderschap", "lindewaard-overleg"]
    assert "<strong>Gemeente Lindewaard</strong>" in brand.home_intro_html


def test_the_projects_own_brand_file_is_valid():
    assert load_brand(ROOT / "brand.yml").site_title == "Supportwijzer"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("brand") / "site"
    build_site(Project(root=ROOT, brand_file=EXAMPLE_BRAND, site_url="https://lindewaard.example/gids/"), site,
               log=lambda line: None)
    return site


def test_the_example_brand_shows_its_title_logo_colours_and_footer(example_site):
    home = (example_site / "index.html").read_text()
    assert "<title>Supportwijzer Lindewaard</title>" in home
    assert 'src="assets/brand/logo.svg"' in home and 'href="assets/brand/favicon.svg"' in home
    assert "Vragen? Mail team Organisatieontwikkeling" in home and 'href="https://intranet.lindewaard.example/"' in home
    assert "Gemaakt met Supportwijzer" in home
    assert "--md-primary-fg-color: #0b5d3b" in (example_site / "assets" / "css" / "brand.css").read_text()
    assert "Welkom bij de Supportwijzer van <strong>Gemeente Lindewaard</strong>" in home


def test_a_hidden_scan_appears_nowhere(example_site):
    for hidden in ("concernsupport", "supportlijnen"):
        assert not (example_site / "scans" / hidden).exists()
        assert not (example_site / "begeleiden" / hidden).exists()
        assert f"scans/{hidden}/" not in (example_site / "sitemap.xml").read_text()
        index = json.loads((example_site / "search" / "search_index.json").read_text())
        assert not [d["location"] for d in index["docs"] if f"scans/{hidden}" in d["location"]]
        for page in example_site.rglob("*.html"):
            text = page.read_text()
            assert f"scans/{hidden}/" not in text, page
            title = {"concernsupport": "Concernsupport-scan", "supportlijnen": "Supportlijnen-scan"}[hidden]
            assert title not in text, page


def test_hidden_sections_are_gone_and_nothing_links_to_them(example_site):
    assert not (example_site / "praktijkvoorbeelden").exists()
    assert not (example_site / "zelf-hosten").exists()
    assert (example_site / "over" / "index.html").is_file()  # the credit to the book always stays


def test_own_page_and_own_scan_appear(example_site):
    own = (example_site / "eigen" / "index.html").read_text()
    assert "Zo doen wij het in Lindewaard" in own
    assert (example_site / "scans" / "lindewaard-overleg" / "index.html").is_file()
    assert "Overleg-check" in (example_site / "scans" / "index.html").read_text()
    assert "Zo doen wij het in Lindewaard" in (example_site / "index.html").read_text()  # in the navigation


def test_hide_credit_removes_the_footer_credit_but_not_the_source_page(tmp_path):
    path = write_brand(tmp_path, "hide_credit: true\nscans: [teamfase]\nsections: [Wendbaar werken]\n")
    site = tmp_path / "site"
    build_site(Project(root=ROOT, brand_file=path), site, log=lambda line: None)
    assert "Gemaakt met Supportwijzer" not in (site / "index.html").read_text()
    assert "De Supportorganisatie" in (site / "over" / "index.html").read_text()


@pytest.mark.parametrize("text, message", [
    ("scans: [teamfase, teamfaze]\n", "1: unknown scan 'teamfaze'"),
    ("sections: [Wendbaar werkn]\n", "1: unknown section 'Wendbaar werkn'; did you mean 'Wendbaar werken'?"),
    ("colors:\n  primary: '#ffcc00'\n", "2: the primary colour #ffcc00 has a contrast of 1.51:1"),
])
def test_a_bad_brand_fails_the_build_command_and_leaves_site_untouched(tmp_path, text, message):
    path = write_brand(tmp_path, text)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    run = subprocess.run([sys.executable, "build.py", "build", "--brand", str(path), "--site", str(site)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{path}:{message}" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert (site / "index.html").read_text() == "the previous site"

"""Text from YAML can carry no code: raw HTML comes out as text, script and data URLs stop the build."""
import html.parser

import pytest

from builder.markup import UnsafeMarkup, problems_in_file, render
from builder.site import BuildError, Project, build_site
from support import FIXTURES, copy_project

PAYLOADS = [line for line in (FIXTURES / "hostile" / "payloads.txt").read_text().splitlines() if line]
ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote", "pre", "hr",
                "h1", "h2", "h3", "h4", "h5", "h6"}
SCRIPT_LINKS = [
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](  javascript:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](java&#x09;script:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik][1]\n\n[1]: javascript:alert(1)",
    "![plaatje](data:image/svg+xml,abc)",
    "![plaatje](https://example.org/pixel.png)",
    "[klik](vbscript:msgbox(1))",
]


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, [name for name, _ in attrs]))


def elements(markup):
    parser = _Elements()
    parser.feed(markup)
    return parser.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_raw_html_comes_out_as_text(payload):
    out = render(payload)
    for tag, attributes in elements(out):
        assert tag in ALLOWED_TAGS, out
        assert not [a for a in attributes if a.startswith("on")], out


@pytest.mark.parametrize("payload", SCRIPT_LINKS)
def test_script_data_and_image_urls_are_refused(payload):
    with pytest.raises(UnsafeMarkup):
        render(payload)


@pytest.mark.parametrize("link, url", [
    ("[gids](wendbaar-werken/teamfasen.md)", "../../wendbaar-werken/teamfasen/"),
    ("[site](https://example.org/)", "https://example.org/"),
    ("[mail](mailto:oo@example.org)", "mailto:oo@example.org"),
])
def test_ordinary_links_still_work(link, url):
    assert f'href="{url}"' in render(link, from_dir="scans/teamfase/")


def hostile_project(tmp_path, intro):
    root = copy_project(tmp_path)
    text = (FIXTURES / "voorbeeld" / "assessments" / "voorbeeld.yml").read_text()
    text = text.replace("links: [samenwerken.md]", "links: [index.md]").replace(
        'links: ["samenwerken.md#samenwerken"]', "links: [index.md]")
    text = text.replace("intro: |\n  Een korte scan om de engine te testen. Je antwoorden blijven in je browser.",
                        f"intro: |\n  {intro}")
    text = text.replace("text: Ik weet wie in ons team waarvoor zorgt.",
                        "text: \"Ik weet <script>window.__pwned=1</script> wie <img src=x onerror=alert(1)> zorgt.\"")
    path = root / "assessments" / "voorbeeld.yml"
    path.write_text(text)
    return root, path


def test_a_script_link_in_an_assessment_stops_the_build_at_its_line(tmp_path):
    root, path = hostile_project(tmp_path, "Lees [dit](javascript:alert(document.cookie)).")
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1) if "javascript:" in l) - 1  # the key's line
    assert problems_in_file(path) == [f"{path}:{line}: link 'javascript:alert(document.cookie)' is not allowed: "
                                      f"use a page of the site or an http(s) address"]
    with pytest.raises(BuildError) as info:
        build_site(Project(root=root), tmp_path / "site", log=lambda line: None)
    assert info.value.problems == problems_in_file(path)


def test_raw_html_in_a_question_is_shown_as_text_in_the_built_page(tmp_path):
    root, _ = hostile_project(tmp_path, "Een gewone intro.")
    site = tmp_path / "site"
    build_site(Project(root=root), site, log=lambda line: None)
    page = (site / "scans" / "voorbeeld" / "index.html").read_text()
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "<script>window.__pwned" not in page and "<img src=x" not in page


@pytest.mark.parametrize("where", [
    "perspective:\n  text: Waar werk je?\n  options:\n    - {id: a, label: A}\n    - {id: b, label: '[B](javascript:alert(1))'}\n",
    "reflection:\n  - {id: trots, text: '[Trots](javascript:alert(1))?'}\n",
    "perspective:\n  text: Waar werk je?\n  options:\n    - {id: a, label: A}\n    - {id: b, label: B}\n"
    "profiles:\n  - id: p\n    when: {}\n    text: Tekst.\n    text_by_perspective:\n      b: '[x](javascript:alert(1))'\n",
])
def test_script_links_in_perspective_and_reflection_texts_are_found_at_their_line(tmp_path, where):
    path = tmp_path / "x.yml"
    path.write_text(where)
    line = next(i for i, l in enumerate(where.splitlines(), 1) if "javascript:" in l)
    assert problems_in_file(path) == [f"{path}:{line}: link 'javascript:alert(1)' is not allowed: "
                                      f"use a page of the site or an http(s) address"]

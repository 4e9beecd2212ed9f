"""Every built page is valid HTML (the Nu Html Checker, vnu.jar from npm, run with Java).

Three errors come from mkdocs-material's own partials, not from our templates or
content, and are listed here by name so that any other error fails the test.
"""
import json
import shutil
import subprocess

import pytest

from builder.site import Project, build_site
from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_ERRORS = (
    # <input class="md-toggle" type="checkbox" autocomplete="off"> (drawer, search, palette toggles)
    "Attribute “autocomplete” is only allowed when the input type is",
    # <label class="md-nav__link" tabindex=""> in the navigation of nested sections
    "Bad value “” for attribute “tabindex” on element “label”",
    # <label for="__toc"> on pages whose table of contents is hidden
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
)

pytestmark = pytest.mark.skipif(shutil.which("java") is None or not VNU.is_file(),
                                reason="needs Java and `npm ci` (vnu-jar)")


def test_every_built_page_is_valid_html_apart_from_known_theme_errors(tmp_path):
    site = tmp_path / "site"
    build_site(Project(root=ROOT), site, log=lambda line: None)
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]
    assert len(list(site.rglob("*.html"))) > 30
    ours = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages if not m["message"].startswith(THEME_ERRORS)]
    assert ours == []

"""The Content-Security-Policy the build writes into every page."""

import pytest

from builder.csp import policy_for


def directives(policy):
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_the_base_policy_has_every_required_directive():
    d = directives(policy_for("<html><head></head><body></body></html>"))
    assert d["default-src"] == ["'self'"]
    assert d["script-src"] == ["'self'"]
    assert d["connect-src"] == ["'self'"]
    assert d["object-src"] == ["'none'"]
    assert d["base-uri"] == ["'self'"]
    assert d["form-action"] == ["'none'"]


def test_inline_scripts_are_allowed_by_their_hash_and_json_blocks_are_not_counted():
    html = '<script>var a=1</script><script id="__config" type="application/json">{}</script><script src="x.js"></script>'
    d = directives(policy_for(html))
    # sha256 of "var a=1", base64
    import base64, hashlib
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode() + "'"
    assert d["script-src"] == ["'self'", expected]


def test_wasm_only_on_pages_that_run_the_engine():
    assert "'wasm-unsafe-eval'" not in policy_for("<p>gids</p>")
    assert "'wasm-unsafe-eval'" in policy_for('<meta name="sw-engine-wheel" content="engine-x.whl">')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from builder.site import Project, build_site
    from support import ROOT
    site = tmp_path_factory.mktemp("csp") / "site"
    build_site(Project(root=ROOT), site, log=lambda line: None)
    return site


def test_every_built_page_carries_the_policy_before_any_script(built):
    pages = list(built.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text()
        head = html[: html.index("</head>")]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, page
        assert head.index("Content-Security-Policy") < head.index("<script"), page
        engine_page = "/scans/" in page.as_posix() and page.parent.name != "scans"
        assert ("'wasm-unsafe-eval'" in head) == engine_page, page

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


def sha(body: str) -> str:
    import base64, hashlib
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


THEME_SCRIPT = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
DEPTH_SCRIPT = ('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def test_the_theme_s_inline_scripts_are_allowed_by_their_hash_and_json_blocks_are_not_counted():
    html = (f'<script>{THEME_SCRIPT}</script><script>{DEPTH_SCRIPT}</script>'
            '<script id="__config" type="application/json">{}</script><script src="x.js"></script>')
    assert directives(policy_for(html))["script-src"] == ["'self'", sha(THEME_SCRIPT), sha(DEPTH_SCRIPT)]


@pytest.mark.parametrize("body", [
    "document.title='PWNED'",
    # a theme script with something added, or with a template value that leaves its string
    THEME_SCRIPT + ";alert(1)",
    DEPTH_SCRIPT.replace('"../.."', '"",alert(1),""'),
])
def test_an_inline_script_the_theme_templates_do_not_account_for_is_never_hashed(body):
    policy = policy_for(f"<script>{body}</script><script>{THEME_SCRIPT}</script>")
    assert sha(body) not in policy
    assert directives(policy)["script-src"] == ["'self'", sha(THEME_SCRIPT)]


def test_the_allow_list_comes_from_the_theme_templates():
    from builder.csp import theme_scripts
    assert any(p.fullmatch(THEME_SCRIPT) for p in theme_scripts())
    assert any(p.fullmatch(DEPTH_SCRIPT) for p in theme_scripts())
    # the redirect template puts page metadata into code: not on the list
    assert not any(p.fullmatch('window.location.replace(["https://example.org",window.location.search,'
                               'window.location.hash].join(""))') for p in theme_scripts())


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
        # the scan and team pages run the engine; the scans overview and the paper sheets do not
        engine_page = "/scans/" in page.as_posix() and page.parent.name not in ("scans", "papier")
        assert ("'wasm-unsafe-eval'" in head) == engine_page, page

"""The whole built site: nothing leaves 127.0.0.1, accessibility, and a scan from a sub-path."""

import pytest

import engine
from conftest import Served
from support import ROOT
from scanflow import assessment, expected_result, fill, show_result, show_team, shown_result

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def all_pages(site_dir):
    return sorted(str(p.relative_to(site_dir).parent).replace(".", "") + "/"
                  for p in site_dir.rglob("index.html"))


CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`));
"""


def test_every_page_loads_with_no_request_off_127_0_0_1_no_script_error_and_no_csp_violation(
        context, page, site, built_site):
    context.add_init_script(CSP_WATCH)
    pages = all_pages(built_site)
    assert len(pages) >= 30
    violations = []
    for path in pages:
        page.goto(site(path.lstrip("/")))
        page.wait_for_load_state("networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        violations += page.evaluate("window.__cspViolations")
    # the `context` fixture fails the test on any request that left 127.0.0.1
    assert context.recorder.errors == []
    assert violations == []


def test_the_policy_is_enforced_an_injected_inline_script_is_refused(context, page, site):
    context.add_init_script(CSP_WATCH)
    page.goto(site("scans/teamfase/"))
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.__injected = true"; document.body.append(s); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__injected === undefined")
    assert page.evaluate("window.__cspViolations")[0].startswith("script-src")


def test_scan_result_and_team_flows_cause_no_csp_violation(context, page, site):
    context.add_init_script(CSP_WATCH)
    a = assessment("teamfase")
    page.goto(site("werken-vanuit-support/"))
    page.click("a.md-tabs__link:text('Scans')")  # instant navigation from a guide page into the scans
    page.goto(site("scans/teamfase/"))
    fill(page, {q.id: 4 for q in a.questions})
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    page.goto(site(f"scans/teamfase/team/#code={code}"))
    page.click("[data-sw-check]")  # an arrival is stored at once; the engine reads it when asked
    page.wait_for_selector("tr[data-sw-line-status]", timeout=90000)
    page.emulate_media(media="print")
    assert page.evaluate("window.__cspViolations") == []


AXE_SOURCE = AXE.read_text(encoding="utf-8") if AXE.is_file() else ""


def axe_violations(page, impacts=("serious", "critical")):
    # evaluated through the DevTools protocol: a <script> tag would be refused by the site's CSP
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in impacts]


ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page(page, site, built_site, scheme):
    page.emulate_media(color_scheme=scheme)
    found = []
    for path in all_pages(built_site):
        page.goto(site(path.lstrip("/")))
        page.wait_for_load_state("networkidle")
        found += [(path, *v) for v in axe_violations(page, ALL_IMPACTS)]
    assert found == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_a_result_and_a_team_view(page, site, scheme):
    import engine
    page.emulate_media(color_scheme=scheme)
    a = assessment("teamfase")
    page.goto(site("scans/teamfase/#team=Blauw"))
    assert page.locator(".sw-round").is_hidden()  # a member's page: no facilitator's panel (test_scan_glance.py opens it)
    fill(page, {q.id: 2 for q in a.questions[:12]})
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    assert axe_violations(page, ALL_IMPACTS) == []
    codes = [engine.encode(a, {q.id: 1 + (i * j) % 5 for j, q in enumerate(a.questions)}) for i in range(5)]
    page.goto(site("scans/teamfase/team/"))
    page.fill("[data-sw-codes]", "\n".join(codes + ["FOUT"]))
    page.click("[data-sw-check]")
    page.wait_for_selector("[data-sw-show-result]")
    assert axe_violations(page, ALL_IMPACTS) == []  # the round that waits for "Toon de uitslag"
    show_team(page)
    assert axe_violations(page, ALL_IMPACTS) == []


def test_a_scan_scores_when_the_site_is_served_from_a_sub_path(browser, tmp_path):
    served = Served(tmp_path / "site", prefix="/supportwijzer/")
    try:
        context = browser.new_context()
        page = context.new_page()
        a = assessment("werksoort")
        answers = {q.id: 1 + i % 5 for i, q in enumerate(a.questions)}
        page.goto(served("scans/werksoort/"))
        fill(page, answers)
        show_result(page)
        assert shown_result(page) == expected_result(engine.score(a, answers))
        page.goto(served(""))
        assert page.title()
        context.close()
    finally:
        served.server.shutdown()
        served.server.server_close()


def test_the_example_brand_from_a_sub_path_runs_its_own_scan(browser, tmp_path):
    from engine.loader import load_assessment
    brand = ROOT / "examples" / "brands" / "lindewaard" / "brand.yml"
    served = Served(tmp_path / "site", prefix="/lindewaard/", brand_file=brand)
    try:
        context = browser.new_context()
        requests = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.goto(served(""))
        assert page.title() == "Supportwijzer Lindewaard"
        page.goto(served("scans/"))
        page.click("a:text('Start de Overleg-check')")
        page.wait_for_selector("form[data-sw-scan='lindewaard-overleg']")
        own = load_assessment(ROOT / "examples" / "brands" / "lindewaard" / "scans" / "lindewaard-overleg.yml")
        answers = {q.id: 2 + i % 3 for i, q in enumerate(own.questions)}
        fill(page, answers)
        show_result(page)
        assert shown_result(page) == expected_result(engine.score(own, answers))
        assert [u for u in requests if not u.startswith(served.url)] == []
        context.close()
    finally:
        served.server.shutdown()
        served.server.server_close()


@pytest.mark.parametrize("term, page_path", [("bovenstroom", "teamfasenmodel/"), ("Ashby", "wendbaar-organiseren/"),
                                             ("vlieger", "wendbaar-organiseren/")])
def test_dutch_search_finds_pages_by_their_terms(page, site, term, page_path):
    page.goto(site(""))
    page.keyboard.press("/")
    page.keyboard.type(term)
    page.wait_for_selector(".md-search-result__item")
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(page_path in link for link in links), links


def test_glossary_terms_explain_themselves_on_hover_and_focus(page, site):
    page.goto(site("teamfasenmodel/"))
    term = page.locator("article abbr").first
    assert term.get_attribute("title")
    term.hover()
    page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active, [role=tooltip]", state="attached", timeout=5000)

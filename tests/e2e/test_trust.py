"""Trust, checked in the browser: no cookies, "Wis alles" leaves nothing, nothing lost, limits on pasted input."""
import engine
from scanflow import assessment, fill, show_result

SCAN = "teamfase"


def storage_lengths(page):
    return page.evaluate("[localStorage.length, sessionStorage.length]")


def test_no_cookies_and_wis_alles_removes_every_key_the_site_wrote(context, page, site):
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {q.id: 3 for q in a.questions[:6]})
    page.click("label.md-header__button[for='__palette_1'], form[data-md-component='palette'] label >> nth=0")
    show_result(page)
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    page.goto(site(f"scans/{SCAN}/team/#code={code}&team=Groen"))
    page.wait_for_selector("tr[data-sw-line-status]")
    keys = page.evaluate("Object.keys(localStorage)")
    assert any(k.startswith("supportwijzer:antwoorden:") for k in keys)
    assert any(k.startswith("supportwijzer:teamronde:") for k in keys)
    assert any(k.endswith(".__palette") for k in keys)
    page.goto(site("privacy/"))
    page.click("[data-sw-clear-all]")
    page.wait_for_selector("[data-sw-clear-all-status] >> text=Alles is gewist")  # clearing is async (caches)
    assert storage_lengths(page) == [0, 0]
    assert context.cookies() == []


def test_wis_alles_empties_storage_completely(page, site):
    page.goto(site("privacy/"))
    page.evaluate("""() => { localStorage.setItem("supportwijzer:antwoorden:x:v1", "{}");
                             localStorage.setItem("/.__palette", "{}"); sessionStorage.setItem("/.__tabs", "[]"); }""")
    page.click("[data-sw-clear-all]")
    page.wait_for_selector("[data-sw-clear-all-status] >> text=Alles is gewist")
    assert storage_lengths(page) == [0, 0]


def test_answers_survive_closing_the_tab(context, page, site):
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {a.questions[0].id: 5, a.questions[1].id: 1})
    page.close()
    again = context.new_page()
    again.goto(site(f"scans/{SCAN}/"))
    assert again.locator(f'input[name="{a.questions[0].id}"][value="5"]').is_checked()
    assert again.locator(f'input[name="{a.questions[1].id}"][value="1"]').is_checked()


def test_a_corrupted_or_foreign_saved_entry_is_ignored_with_a_notice(page, site):
    a = assessment(SCAN)
    key = f"supportwijzer:antwoorden:{SCAN}:v{a.version}"
    for value in ("{niet-json", '{"answers": {"bestaat-niet": 9}}', '"een tekst"', '{"answers": [1, 2]}'):
        page.goto(site("privacy/"))
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
        page.goto(site(f"scans/{SCAN}/"))
        assert page.locator("input[type=radio]:checked").count() == 0
        assert "onleesbaar en zijn genegeerd" in page.locator("[data-sw-status]").inner_text(), value
        fill(page, {a.questions[0].id: 4})  # the page still works, and saves over the bad entry
        assert page.evaluate(f"JSON.parse(localStorage.getItem('{key}')).answers")[a.questions[0].id] == 4


def test_storage_that_is_refused_degrades_to_this_tab_with_a_notice(context, page, site):
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException("QuotaExceededError", "QuotaExceededError"); };""")
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    assert "alleen bewaard zolang dit tabblad open is" in page.locator("[data-sw-status]").inner_text()
    answers = {q.id: 2 for q in a.questions}
    fill(page, answers)
    show_result(page)
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code) == answers


def test_pasted_input_is_text_only_and_limits_get_a_message(page, site):
    page.goto(site(f"scans/{SCAN}/team/"))
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    page.fill("[data-sw-codes]", hostile)
    page.click("[data-sw-check]")
    page.wait_for_selector("tr[data-sw-line-status]")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("[data-sw-lines] img, [data-sw-lines] script").count() == 0
    page.fill("[data-sw-codes]", "A" * 101)
    page.click("[data-sw-check]")
    page.wait_for_selector("tr[data-sw-line-status] >> text=langer dan 100 tekens")
    page.fill("[data-sw-codes]", "\n".join(["ABCD-EFGH"] * 1001))
    page.click("[data-sw-check]")
    page.wait_for_selector("[data-sw-team-status] >> text=hoogstens 1000")


def test_a_file_over_1_mb_is_refused_with_a_message(page, site, tmp_path):
    big = tmp_path / "codes.txt"
    big.write_text("ABCD-EFGH\n" * 120_000)
    page.goto(site(f"scans/{SCAN}/team/"))
    page.set_input_files("[data-sw-import-codes]", str(big))
    page.wait_for_selector("[data-sw-team-status] >> text=groter dan 1 MB")

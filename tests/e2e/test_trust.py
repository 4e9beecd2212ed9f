"""Trust, checked in the browser: no cookies, "Wis alles" leaves nothing, nothing lost, limits on pasted input."""
import engine
from scanflow import assessment, fill, show_result, show_team

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
    page.click("[data-sw-check]")  # an arrival is stored at once; the engine reads it when asked
    page.wait_for_selector("tr[data-sw-line-status]", timeout=90000)
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
    assert engine.decode(a, code)["answers"] == answers


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


def deep_files(tmp_path, depth=1500):
    """Earlier-round files nested `depth` deep: bare, and at two places inside the shape of a real export."""
    deep_list, deep_object = "[" * depth + "]" * depth, '{"a": ' * depth + "1" + "}" * depth
    files = {"diep.json": deep_object,
             "diep-scan.json": '{"scan": %s, "version": 1, "team": {"dimensions": {}}}' % deep_list,
             "diep-team.json": '{"scan": "%s", "version": 1, "team": {"dimensions": %s}}' % (SCAN, deep_object)}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [tmp_path / name for name in files]


def test_a_deeply_nested_earlier_round_gets_a_message_at_once_and_the_engine_keeps_working(page, site, tmp_path):
    a = assessment(SCAN)
    codes = [engine.encode(a, {q.id: 1 + (i + seed) % 5 for i, q in enumerate(a.questions)}) for seed in range(4)]
    page.goto(site(f"scans/{SCAN}/team/"))
    page.fill("[data-sw-codes]", "\n".join(codes[:3]))
    show_team(page, 3)
    for deep in deep_files(tmp_path):
        page.set_input_files("[data-sw-import-round]", str(deep))
        message = page.locator("[data-sw-compare] [role=status]")
        message.get_by_text("geen export van een teamuitslag").wait_for(timeout=3000)
        assert message.inner_text() == ("Dit bestand is geen export van een teamuitslag van Supportwijzer. "
                                        "Kies het JSON-bestand dat je bij een eerdere ronde met "
                                        "‘Download als JSON’ hebt bewaard.")
        assert page.locator("[data-sw-compare-row]").count() == 0
    page.fill("[data-sw-codes]", "\n".join(codes))  # the engine still answers (one code more: refused, see test_team_round)
    page.wait_for_selector("[data-sw-version-refused]", timeout=5000)


def test_the_engine_answers_a_deeply_nested_request_with_an_error_and_keeps_working(page, site):
    """The page's door to the engine (engine-client.js), for any caller that skips the team page's check.

    Chromium hands a worker a message nested 1,500 deep as null, without its id: before, such a request
    never got a reply. Now it gets exactly one, at once, and the engine answers the next request as usual."""
    page.goto(site(f"scans/{SCAN}/team/"))
    page.wait_for_function("() => document.querySelector('[data-sw-team-page]').dataset.swReady")
    replies = page.evaluate("""async (url) => {
        const { ask } = await import(url);
        const definition = document.querySelector("[data-sw-team-page]").dataset.swDefinition;
        const nest = (depth) => { let deep = []; for (let i = 0; i < depth; i++) deep = [deep]; return deep; };
        const outcome = (promise) => Promise.race([
          promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, message: error.message })),
          new Promise((resolve) => setTimeout(() => resolve({ ok: false, message: "no reply within 20 s" }), 20000))]);
        const deepList = await outcome(ask("compare", definition, { previous: { scan: nest(1500), team: {} }, current: {} }));
        let deepObject = 1;
        for (let i = 0; i < 1500; i++) deepObject = { a: deepObject };
        const deepMap = await outcome(ask("compare", definition, { previous: deepObject, current: {} }));
        const after = await outcome(ask("decode", definition, { codes: ["AB"] }));
        return { deepList, deepMap, after };
    }""", site("assets/js/engine-client.js"))
    too_deep = {"ok": False, "message": "Dit verzoek is te diep genest om te lezen."}
    assert replies["deepList"] == replies["deepMap"] == too_deep
    assert replies["after"]["ok"] is True and replies["after"]["value"][0]["reason"] == "short"

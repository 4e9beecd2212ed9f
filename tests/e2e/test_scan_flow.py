"""A person fills in a scan in a real browser; the result is the engine's, computed in Pyodide."""
import json
from pathlib import Path
import re

import pytest

import engine
from scanflow import assessment, clear_answers, expected_result, fill, show_result, shown_result, stored_keys

SCAN = "teamfase"


def pattern_answers(a, pick):
    return {q.id: pick(i, q) for i, q in enumerate(a.questions)}


def test_questionnaire_is_plain_html_answerable_without_script(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site(f"scans/{SCAN}/"))
    a = assessment(SCAN)
    fieldsets = page.locator("fieldset[data-sw-question]")
    assert fieldsets.count() == len(a.questions)
    first = a.questions[0]
    legend = fieldsets.first.locator("legend").inner_text()
    assert first.text.split()[0] in legend
    values = fieldsets.first.locator("input[type=radio]").evaluate_all("els => els.map(e => [e.name, e.value])")
    assert values == [[first.id, str(v)] for v in a.scale.values] + [[first.id, "unknown"]]
    labels = fieldsets.first.locator("label").all_inner_texts()
    assert labels == [a.scale.labels[v] for v in a.scale.values] + [a.scale.unknown]
    page.locator(f'input[name="{first.id}"][value="4"]').check()
    assert page.locator(f'input[name="{first.id}"][value="4"]').is_checked()
    assert "JavaScript staat uit" in page.content()
    context.close()


def test_complete_scan_shows_the_engines_result_and_a_code_that_decodes(page, site):
    a = assessment(SCAN)
    answers = pattern_answers(a, lambda i, q: a.scale.min + (i * 3) % (a.scale.max - a.scale.min + 1))
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    assert page.locator(".sw-progress-text").inner_text() == f"{len(answers)} van {len(answers)} beantwoord"
    show_result(page)
    assert shown_result(page) == expected_result(engine.score(a, answers))
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code)["answers"] == answers
    assert page.locator(".sw-open").count() == 0
    assert page.locator(".sw-chart svg title").text_content().startswith("Score per onderdeel")


def test_partial_scan_lists_the_open_questions_and_scores_what_it_can(page, site):
    a = assessment(SCAN)
    answers = {q.id: 5 for q in a.questions[: len(a.questions) // 2]}
    answers[a.questions[0].id] = "unknown"
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(engine.score(a, answers))
    open_count = len(a.questions) - len(answers) + 1
    assert page.locator(".sw-open li").count() == open_count
    assert page.locator(".sw-open .admonition-title").inner_text() == f"Nog {open_count} vragen open"
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code)["answers"] == {q.id: (None if answers.get(q.id) in (None, "unknown") else answers[q.id])
                                                 for q in a.questions}


def test_answers_survive_a_reload_and_clearing_removes_them(page, site):
    a = assessment(SCAN)
    answers = {q.id: 2 for q in a.questions[:5]}
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    page.reload()
    for question, value in answers.items():
        assert page.locator(f'input[name="{question}"][value="{value}"]').is_checked()
    assert page.locator(".sw-progress-text").inner_text() == f"5 van {len(a.questions)} beantwoord"
    assert "5 antwoorden van de vorige keer teruggezet." in page.locator("[data-sw-status]").inner_text()
    clear_answers(page)
    assert page.locator("input[type=radio]:checked").count() == 0
    assert stored_keys(page) == []
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0


def test_copy_button_says_gekopieerd_and_download_gives_the_json(context, page, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {q.id: 3 for q in a.questions})
    show_result(page)
    page.click("[data-sw-copy]")
    page.wait_for_selector(".sw-copied:text('Gekopieerd')")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert page.evaluate("navigator.clipboard.readText()") == code
    with page.expect_download() as download:
        page.click("[data-sw-download]")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["code"] == code and data["result"] == engine.score(a, {q.id: 3 for q in a.questions})


def test_keyboard_only_answering_and_result(page, site):
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    page.locator(f'input[name="{a.questions[0].id}"]').first.focus()
    page.keyboard.press("Space")            # selects the focused option (value min)
    page.keyboard.press("ArrowRight")       # radio group: next value
    assert page.locator(f'input[name="{a.questions[0].id}"][value="{a.scale.min + 1}"]').is_checked()
    page.keyboard.press("Tab")               # on to the next question
    page.keyboard.press("Space")
    assert page.locator(f'input[name="{a.questions[1].id}"][value="{a.scale.min}"]').is_checked()
    page.locator("[data-sw-submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-result-code]", timeout=60000)
    assert page.evaluate("document.activeElement.id") == "sw-result"


def test_print_layout_shows_the_result_without_form_or_navigation(page, site):
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {q.id: 4 for q in a.questions})
    show_result(page)
    page.emulate_media(media="print")
    assert page.locator("#sw-form").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("[data-result-code]").is_visible()


def test_engine_that_cannot_load_shows_a_retry_and_keeps_the_answers(context, page, site):
    blocked = re.compile(r".*/pyodide/pyodide\.mjs$")
    context.route(blocked, lambda route: route.abort())
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {a.questions[0].id: 5})
    page.click("[data-sw-submit]")
    page.wait_for_selector(".sw-retry", timeout=60000)
    assert "kon niet starten" in page.locator("[data-sw-status]").inner_text()
    assert page.locator(f'input[name="{a.questions[0].id}"][value="5"]').is_checked()
    # the engine is down, but the member still gets a code the engine reads back (code-fallback.js)
    page.wait_for_selector("[data-sw-fallback]")
    fallback = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, fallback)["answers"] == {q.id: (5 if q.id == a.questions[0].id else None) for q in a.questions}
    context.unroute(blocked)
    page.click(".sw-retry")
    page.click("[data-sw-submit]")
    page.wait_for_selector("[data-result-code]", timeout=60000)


@pytest.mark.parametrize("path", ["", "werken-vanuit-support/", "teamfasenmodel/"])
def test_a_guide_page_loads_no_pyodide_byte(context, page, site, path):
    page.goto(site(path))
    page.wait_for_load_state("networkidle")
    assert [u for u in context.recorder.requests if "pyodide" in u or u.endswith(".whl")] == []


def test_instant_navigation_keeps_one_engine_across_scan_pages(context, page, site):
    page.goto(site("scans/teamfase/"))
    page.wait_for_function("() => document.querySelector('#sw-form').dataset.swEngine === 'ready'", timeout=60000)
    page.click("a.md-nav__link[href$='werksoort/']")
    page.wait_for_selector("form[data-sw-scan='werksoort']")
    a = assessment("werksoort")
    fill(page, {q.id: 4 for q in a.questions})
    show_result(page)
    assert shown_result(page) == expected_result(engine.score(a, {q.id: 4 for q in a.questions}))
    wasm = [u for u in context.recorder.requests if u.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1


def test_a_personal_scan_speaks_to_you_and_has_no_team_round(page, site):
    a = assessment("persoonlijk-leiderschap")
    page.goto(site("scans/persoonlijk-leiderschap/"))
    assert page.locator(".sw-round").count() == 0
    fill(page, {q.id: 4 for q in a.questions})
    show_result(page)
    assert page.locator(".sw-profile .admonition-title").inner_text() == "Jouw uitslag"
    assert page.locator(".sw-qr").count() == 0


def test_a_slow_engine_keeps_the_answers_says_so_and_shows_the_result_when_ready(context, page, site):
    held = []  # the 9.6 MB wasm request, held back until the user has clicked
    context.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: held.append(route))
    a = assessment(SCAN)
    answers = {q.id: 3 + i % 3 for i, q in enumerate(a.questions)}
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    page.click("[data-sw-submit]")
    assert "Nog even geduld" in page.locator("[data-sw-status]").inner_text()
    assert page.locator("[data-sw-submit]").get_attribute("aria-busy") == "true"
    while not held:
        page.wait_for_timeout(50)
    assert page.locator("[data-result-code]").count() == 0
    held[0].continue_()
    page.wait_for_selector("[data-result-code]", timeout=60000)
    assert shown_result(page) == expected_result(engine.score(a, answers))

"""The scan page and its result at a glance (issue 15: defects 4-8, 11, and the result's top).

A wipe that asks first, no empty pill, a team member's code first, no facilitator's panel for
members, a busy button while the engine starts, one sentence and one first step at the top of a
result, a printout with title, date, scores and step, and the wayfinding fixes (title colour,
tag chip, home cards, the "Over" tab, the scans table on a phone, dark-mode contrast).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

import engine
from builder.colors import contrast
from scanflow import assessment, expected_result, fill, show_result, shown_result, stored_keys
from test_scan_results_v2 import search
from test_site import ALL_IMPACTS, axe_violations

TEAM_SCAN = "teamfase"
PERSONAL_SCAN = "persoonlijk-leiderschap"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


def rgba(text: str) -> tuple[float, float, float, float]:
    """A computed CSS colour ("rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)") as (r, g, b, alpha)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def over(top, bottom):
    """`top` painted over the opaque colour `bottom`."""
    r, g, b, alpha = top
    return tuple(round(alpha * c + (1 - alpha) * d) for c, d in zip((r, g, b), bottom[:3]))


def page_background(page) -> tuple:
    return rgba(page.evaluate("getComputedStyle(document.body).backgroundColor"))[:3]


def profile_first_step(page, profile_id: str) -> str:
    """The "Eerste stap" paragraph of a profile text the build made, without its label."""
    text = page.evaluate("""(id) => [...document.getElementById(id).content.querySelectorAll('p')]
        .find((p) => p.firstElementChild?.tagName === 'STRONG'
                     && p.firstElementChild.textContent.trim().toLowerCase().startsWith('eerste stap'))
        .textContent""", f"sw-profile-{profile_id}")
    rest = " ".join(text.split(":", 1)[1].split())
    return rest[0].upper() + rest[1:]


# -- defect 4: "Wis mijn antwoorden" asks first, apart from and weaker than "Bekijk resultaat" ------

def test_wis_mijn_antwoorden_asks_first_and_nee_keeps_everything(page, site):
    a = assessment(TEAM_SCAN)
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, {q.id: 4 for q in a.questions[:3]})
    clear, confirm = page.locator("[data-sw-clear]"), page.locator("[data-sw-clear-confirm]")
    submit = page.locator("[data-sw-submit]")

    # not beside "Bekijk resultaat", and smaller, without the button's frame
    assert page.locator(".sw-actions [data-sw-clear]").count() == 0
    assert clear.bounding_box()["y"] > submit.bounding_box()["y"] + submit.bounding_box()["height"] + 16
    size = "(e) => parseFloat(getComputedStyle(e).fontSize)"
    assert clear.evaluate(size) < submit.evaluate(size)
    assert clear.evaluate("(e) => getComputedStyle(e).borderTopStyle") == "none"

    # a click only asks; "Nee" keeps the answers
    assert confirm.is_hidden()
    clear.click()
    assert confirm.is_visible() and clear.get_attribute("aria-expanded") == "true"
    assert confirm.locator("[data-sw-clear-question]").inner_text() == \
        "Weet je het zeker? Al je antwoorden op deze scan worden gewist."
    assert page.evaluate("document.activeElement.hasAttribute('data-sw-clear-no')")
    assert page.locator("input[type=radio]:checked").count() == 3
    page.keyboard.press("Enter")  # on "Nee"
    assert confirm.is_hidden() and clear.get_attribute("aria-expanded") == "false"
    assert page.locator("[data-sw-status]").inner_text() == "Niets gewist. Je antwoorden staan er nog."
    assert page.locator("input[type=radio]:checked").count() == 3
    assert len(stored_keys(page)) == 1

    # Escape closes the question too; "Ja, wis alles" wipes
    clear.click()
    page.keyboard.press("Escape")
    assert confirm.is_hidden() and page.evaluate("document.activeElement.hasAttribute('data-sw-clear')")
    clear.click()
    page.click("[data-sw-clear-yes]")
    assert page.locator("input[type=radio]:checked").count() == 0
    assert stored_keys(page) == []
    assert page.locator("[data-sw-status]").inner_text() == "Je antwoorden zijn gewist."
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0


# -- defect 5: `hidden` hides, whatever a component's own display says -----------------------

def test_no_empty_pill_and_every_hidden_element_stays_hidden(page, site):
    for path in (f"scans/{TEAM_SCAN}/", f"scans/{TEAM_SCAN}/team/", f"scans/{PERSONAL_SCAN}/", ""):
        page.goto(site(path))
        page.wait_for_load_state("networkidle")
        shown = page.evaluate("""() => [...document.querySelectorAll('.md-typeset [hidden]')]
            .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.outerHTML.slice(0, 80))""")
        assert shown == [], path
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    label = page.locator("[data-sw-team-label]")
    assert label.is_hidden() and label.bounding_box() is None
    # a pill that is made visible again takes its own look back
    page.evaluate("document.querySelector('[data-sw-team-label]').hidden = false")
    assert label.evaluate("(e) => getComputedStyle(e).display") == "inline-block"


# -- defect 6 and "codes first": a member's code first, one person's view ----------------------

def test_a_team_member_gets_the_code_first_and_the_result_as_jouw_beeld(page, site):
    a = assessment(TEAM_SCAN)
    answers = {q.id: 1 + (i * 3) % 5 for i, q in enumerate(a.questions)}
    expected = engine.score(a, answers)
    page.goto(site(f"scans/{TEAM_SCAN}/#team=Rood"))
    fill(page, answers)
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    assert shown_result(page) == expected_result(expected)
    blocks = page.evaluate("""() => [...document.querySelectorAll('[data-sw-result-body] > *')]
        .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className.split(' ')[0])""")
    assert blocks[:3] == ["sw-code", "sw-hero", "sw-profile"]
    code = page.locator(".sw-code")
    assert code.locator("h3").inner_text() == "Geef deze code aan je begeleider"
    assert code.locator("[data-sw-result-round]").inner_text() == "Teamronde: Rood"
    assert code.locator(".sw-qr svg").is_visible()
    # the code is on the first screen of the result
    page.locator("#sw-result").evaluate("(e) => e.scrollIntoView()")
    assert code.locator("[data-result-code]").is_visible()
    assert code.locator("[data-result-code]").bounding_box()["y"] < 768
    assert page.locator(".sw-profile .admonition-title").inner_text() == "Jouw beeld"
    result_text = page.locator("#sw-result").inner_text()
    assert "Wat past bij jullie" not in result_text and "Jullie uitslag" not in result_text
    decoded = engine.decode(a, code.locator("[data-result-code]").get_attribute("data-result-code"))
    assert decoded["answers"] == answers


def test_a_personal_scan_shows_the_result_first_and_the_code_after_it(page, site):
    a = assessment(PERSONAL_SCAN)
    page.goto(site(f"scans/{PERSONAL_SCAN}/"))
    fill(page, {q.id: 2 + i % 3 for i, q in enumerate(a.questions)})
    show_result(page)
    blocks = page.evaluate("""() => [...document.querySelectorAll('[data-sw-result-body] > *')]
        .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className.split(' ')[0])""")
    assert blocks[:2] == ["sw-hero", "sw-profile"] and blocks.index("sw-code") > blocks.index("sw-profile")
    assert page.locator(".sw-code h3").inner_text() == "Jouw resultaatcode"
    assert page.locator(".sw-profile .admonition-title").inner_text() == "Jouw uitslag"


# -- the result's top: the profile in one sentence and one first step ---------------------------

def test_the_hero_gives_the_profile_in_one_sentence_and_the_profiles_first_step(page, site):
    a = assessment(TEAM_SCAN)
    answers = {q.id: 1 + (i * 3) % 5 for i, q in enumerate(a.questions)}
    expected = engine.score(a, answers)
    assert expected["profile"] and not expected["borderline"] and not expected["flags"]
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, answers)
    show_result(page)
    hero = page.locator("[data-sw-hero]")
    assert hero.get_attribute("data-sw-hero") == expected["profile"]["id"]
    assert hero.locator("[data-sw-hero-profile]").inner_text() == \
        f"Je antwoorden passen het best bij ‘{expected['profile']['title']}’."
    assert hero.locator("[data-sw-hero-state]").count() == 0
    assert page.locator("[data-sw-first-step]").count() == 1
    step = hero.locator("[data-sw-first-step]")
    assert step.locator("h4").inner_text() == "Je eerste stap"
    assert step.locator("p").inner_text() == profile_first_step(page, expected["profile"]["id"])


def test_the_hero_says_when_the_result_is_uncertain_or_borderline(page, site):
    a = assessment(TEAM_SCAN)
    flat = {q.id: 3 for q in a.questions}
    flagged = engine.score(a, flat)
    assert flagged["flags"] == ["straightlining"] and flagged["profile"] and not flagged["borderline"]
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, flat)
    show_result(page)
    assert page.locator("[data-sw-hero-profile]").inner_text() == \
        f"Je antwoorden passen mogelijk het best bij ‘{flagged['profile']['title']}’.", "a flagged profile is a maybe"
    state = page.locator("[data-sw-hero-state]")
    assert "onzeker" in state.get_attribute("data-sw-hero-state").split()
    assert state.inner_text() == "Uitslag onzeker: lees hieronder waarom."
    assert state.locator("a").get_attribute("href") == "#sw-flags"
    assert page.locator("#sw-flags[data-sw-flags]").count() == 1

    werk = assessment("werksoort")
    borderline, expected = search(werk, lambda r: r["borderline"] and not r["flags"])
    page.goto(site("scans/werksoort/"))
    fill(page, borderline)
    show_result(page)
    first, second = expected["profile"]["title"], expected["runner_up"]["title"]
    assert page.locator("[data-sw-hero-profile]").inner_text() == \
        f"Je antwoorden passen bijna even goed bij ‘{first}’ als bij ‘{second}’."
    assert page.locator("[data-sw-hero-state]").get_attribute("data-sw-hero-state") == "borderline"
    assert page.locator("[data-sw-first-step] p").inner_text() == profile_first_step(page, expected["profile"]["id"])


def test_without_a_profile_the_first_step_leads_to_the_first_open_question(page, site):
    a = assessment(TEAM_SCAN)
    answers = {q.id: 2 for q in a.questions if q.dimension in {"zelfstandigheid", "richting"}}
    assert engine.score(a, answers)["profile"] is None
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, answers)
    show_result(page)
    first_open = next(i for i, q in enumerate(a.questions) if q.id not in answers)
    assert page.locator("[data-sw-hero-profile]").inner_text() == "Er is nog te weinig ingevuld om een profiel te kiezen."
    link = page.locator("[data-sw-first-step] a")
    assert link.inner_text() == f"Beantwoord eerst de vragen die nog open staan. Begin bij vraag {first_open + 1}."
    assert link.get_attribute("href") == f"#vraag-{a.questions[first_open].id}"


# -- a clean personal printout: title, date, scores, first step ---------------------------------

def test_the_printout_has_the_title_the_date_the_scores_and_the_first_step(page, site):
    a = assessment(PERSONAL_SCAN)
    page.goto(site(f"scans/{PERSONAL_SCAN}/"))
    fill(page, {q.id: 2 + i % 3 for i, q in enumerate(a.questions)})
    show_result(page)
    dated = page.locator("[data-sw-print-date]")
    assert dated.is_hidden()  # on screen the page says enough
    page.emulate_media(media="print")
    assert page.locator("h1").first.inner_text() == a.title
    assert dated.is_visible() and dated.get_attribute("data-sw-print-date") == date.today().isoformat()
    assert dated.inner_text().startswith("Uitslag van ") and str(date.today().year) in dated.inner_text()
    assert page.locator(".sw-score-table").is_visible()
    assert page.locator("[data-sw-first-step]").is_visible()
    for gone in ("#sw-form", "[data-sw-clear-area]", ".sw-keep", ".md-sidebar--primary"):
        assert page.locator(gone).is_hidden(), gone


# -- defect 7: members never see the facilitator's panel; others find it below the questions -----

def test_members_do_not_see_the_facilitators_panel_others_find_it_below_the_questions(page, site):
    page.goto(site(f"scans/{TEAM_SCAN}/#team=Noord"))
    assert page.locator("[data-sw-team-label]").inner_text() == "Teamronde: Noord"
    assert page.locator("[data-sw-round]").is_hidden()
    assert page.locator("[data-sw-round-jump]").is_hidden()
    assert "Start een teamronde" not in page.locator(".md-content").inner_text()

    page.goto(site(f"scans/{TEAM_SCAN}/"))
    panel = page.locator("[data-sw-round]")
    assert panel.is_visible() and panel.get_attribute("open") is None
    below = page.evaluate("""() => Boolean(document.querySelector('#sw-form')
        .compareDocumentPosition(document.querySelector('[data-sw-round]')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    assert below
    # the short link in the line under the title opens it, by keyboard too
    page.locator("[data-sw-round-jump] a").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-sw-round][open]")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.fill("[data-sw-round-label]", "Team West")
    page.click("[data-sw-round-make]")
    assert page.locator("[data-sw-round-member]").inner_text() == site(f"scans/{TEAM_SCAN}/#team=Team+West")
    assert axe_violations(page, ALL_IMPACTS) == []


# -- defect 8: a slow engine start: a busy button, real progress, and the code after a while -------

def test_a_slow_engine_shows_a_busy_button_its_stage_and_the_code_after_a_while(context, page, site):
    held = []  # the wasm, held back: the engine stays in its first stage
    context.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: held.append(route))
    a = assessment(TEAM_SCAN)
    answers = {q.id: 1 + (i * 3) % 5 for i, q in enumerate(a.questions)}
    page.clock.install()
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, answers)
    submit, status = page.locator("[data-sw-submit]"), page.locator("[data-sw-status]")
    submit.click()
    assert submit.get_attribute("aria-busy") == "true"
    assert submit.inner_text() == "Even geduld: de rekenmodule laadt…"
    assert status.inner_text() == \
        "Nog even geduld: de rekenmodule wordt geladen (stap 1 van 2). Je resultaat komt zo."
    assert page.locator("[data-result-code]").count() == 0

    page.clock.fast_forward(13000)  # past the time limit: the code is there already
    page.wait_for_selector("[data-sw-fallback='slow']")
    assert status.inner_text().startswith("Het laden duurt langer dan normaal.")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code)["answers"] == answers
    assert submit.get_attribute("aria-busy") == "true"

    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    page.wait_for_selector("[data-sw-hero]", timeout=60000)  # the engine's own result replaces it
    assert page.locator("[data-sw-fallback]").count() == 0
    assert shown_result(page) == expected_result(engine.score(a, answers))
    assert submit.get_attribute("aria-busy") is None and submit.inner_text() == "Bekijk resultaat"


# -- defect 11: wayfinding ----------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_titles_have_the_body_texts_colour_and_no_basis_chip(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site(""))
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('.md-typeset h1')).color,
                                       getComputedStyle(document.querySelector('.md-typeset > p')).color]""")
    assert colours[0] == colours[1]
    chips = [tag for tag in page.locator(".md-tag").all() if tag.text_content().strip() == "basis"]
    assert chips and not any(tag.is_visible() for tag in chips)
    assert not page.locator(".md-content .md-tags").first.is_visible()  # its only tag: no empty row either


def test_the_home_cards_fill_whole_rows_and_over_opens_over_supportwijzer(page, site):
    page.set_viewport_size(LAPTOP)
    page.goto(site(""))
    cards = page.locator(".grid.cards > ul > li")
    assert cards.count() == 3
    tops = {round(card.bounding_box()["y"]) for card in cards.all()}
    assert len(tops) == 1  # one row of three
    page.set_viewport_size(PHONE)
    lefts = {round(card.bounding_box()["x"]) for card in cards.all()}
    assert len(lefts) == 1  # one column
    page.set_viewport_size(LAPTOP)
    page.click(".md-tabs__link:text-is('Over')")
    page.wait_for_url(re.compile(r".*/over/$"))
    # instant navigation changes the address before it swaps the content: wait for the new title
    page.wait_for_function("() => document.querySelector('.md-content h1')?.textContent.startsWith('Over Supportwijzer')")


def test_the_scans_table_fits_a_phone(page, site):
    page.set_viewport_size(PHONE)
    page.goto(site("scans/"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    table = page.locator("table").first
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert table.evaluate("(t) => t.scrollWidth <= t.clientWidth + 1")  # nothing cut off: all four columns show
    assert table.locator("th").all_inner_texts() == ["Scan", "Voor wie", "Vragen", "Duur"]


def test_dark_mode_chosen_answer_and_chart_bars_have_enough_contrast(page, site):
    page.emulate_media(color_scheme="dark")
    a = assessment(TEAM_SCAN)
    page.goto(site(f"scans/{TEAM_SCAN}/"))
    fill(page, {q.id: 1 + (i * 3) % 5 for i, q in enumerate(a.questions)})
    background = page_background(page)
    option = page.locator(".sw-option:has(input:checked)").first
    style = option.evaluate("(e) => { const s = getComputedStyle(e); return [s.borderTopColor, s.backgroundColor, s.color]; }")
    fill_colour = over(rgba(style[1]), background)
    assert contrast(over(rgba(style[0]), background), background) >= 3  # the chosen box's edge against the page
    assert contrast(over(rgba(style[2]), fill_colour), fill_colour) >= 4.5  # its text on its own fill
    show_result(page)
    bar = page.locator(".sw-chart-bar").first
    stroke, paint, opacity = bar.evaluate(
        "(e) => { const s = getComputedStyle(e); return [s.stroke, s.fill, parseFloat(s.fillOpacity)]; }")
    assert contrast(over(rgba(stroke), background), background) >= 3
    inside = over((*rgba(paint)[:3], opacity), background)
    label = page.locator(".sw-chart-label").first.evaluate("(e) => getComputedStyle(e).fill")
    assert contrast(over(rgba(label), inside), inside) >= 4.5

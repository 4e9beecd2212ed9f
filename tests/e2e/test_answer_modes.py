"""Answering on a phone (issue 15): one question per screen, and no dead ends.

On a narrow screen the scan page offers "Eén vraag per scherm": one question at a time, the
next one after a tap or Enter / Space (never after arrow keys), "Vorige" / "Volgende", and the
line "Vraag 7 van 22". The whole form stays the fallback. Either way "Naar de eerste open
vraag" leads to what is still open, and asking for the result with nothing answered brings
the first question into view and says how many are open.
"""
from __future__ import annotations

import json
import math
import re

import pytest

from conftest import Recorder
from scanflow import assessment, fill, show_result

SCAN = "teamfase"  # no perspective question: the first step is question 1
WITH_PERSPECTIVE = "concernsupport"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def phone(browser):
    """A phone: narrow, with touch."""
    context = browser.new_context(viewport=PHONE, has_touch=True, service_workers="block")
    context.recorder = Recorder(context)
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    external = context.recorder.external()
    context.close()
    assert external == [], f"requests left 127.0.0.1: {external}"


def saved_answers(page, scan_id: str = SCAN) -> dict:
    a = assessment(scan_id)
    raw = page.evaluate("(key) => localStorage.getItem(key)", f"supportwijzer:antwoorden:{scan_id}:v{a.version}")
    return json.loads(raw)["answers"] if raw else {}


def step_line(page) -> str:
    return page.locator("[data-sw-step-line]").inner_text()


def shown_questions(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('fieldset[data-sw-question], fieldset[data-sw-perspective]')]
        .filter((f) => f.getClientRects().length).map((f) => f.dataset.swQuestion || 'perspective')""")


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has the focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def one_per_screen(page) -> None:
    page.click("[data-sw-mode-toggle]")
    assert page.locator("#sw-form").get_attribute("data-sw-mode") == "een"


def test_one_question_per_screen_by_keyboard_only(phone, site):
    page = phone
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    toggle = page.locator("[data-sw-mode-toggle]")
    assert toggle.inner_text() == "Eén vraag per scherm" and toggle.get_attribute("aria-pressed") == "false"
    assert len(shown_questions(page)) == len(a.questions)  # the whole form until asked

    tab_to(page, "[data-sw-mode-toggle]")
    page.keyboard.press("Enter")
    assert toggle.inner_text() == "Alle vragen onder elkaar" and toggle.get_attribute("aria-pressed") == "true"
    assert shown_questions(page) == [a.questions[0].id]
    line = page.locator("[data-sw-step-line]")
    assert line.get_attribute("role") == "status" and line.get_attribute("aria-live") == "polite"
    assert step_line(page) == f"Vraag 1 van {len(a.questions)}"
    assert page.locator("[data-sw-step-previous]").is_hidden()
    assert page.locator("[data-sw-submit]").is_hidden()  # "Bekijk resultaat" waits on the end screen

    # arrow keys only change the choice: no next question
    tab_to(page, f'input[name="{a.questions[0].id}"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(900)
    assert step_line(page) == f"Vraag 1 van {len(a.questions)}"
    chosen = page.locator(f'input[name="{a.questions[0].id}"]:checked').get_attribute("value")
    assert saved_answers(page) == {a.questions[0].id: int(chosen)}

    # Space confirms: the next question comes, with the focus on it
    page.keyboard.press("Space")
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[1].id)
    assert step_line(page) == f"Vraag 2 van {len(a.questions)}"
    assert shown_questions(page) == [a.questions[1].id]

    # Enter chooses and confirms in one go
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == a.questions[1].id
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[2].id)
    assert saved_answers(page)[a.questions[1].id] == 1

    # "Vorige" by keyboard: back to question 2, its answer still chosen
    tab_to(page, "[data-sw-step-previous]")
    page.keyboard.press("Enter")
    assert focused(page) == f"vraag-{a.questions[1].id}"
    assert step_line(page) == f"Vraag 2 van {len(a.questions)}"
    assert page.locator(f'input[name="{a.questions[1].id}"][value="1"]').is_checked()
    tab_to(page, "[data-sw-step-next]")
    page.keyboard.press("Enter")
    assert focused(page) == f"vraag-{a.questions[2].id}"

    # nothing sideways on the phone in this view
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_one_question_per_screen_by_tap_advances_and_ends_with_the_result_button(phone, site):
    page = phone
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    page.locator("[data-sw-mode-toggle]").tap()
    for i, question in enumerate(a.questions):
        assert step_line(page) == f"Vraag {i + 1} van {len(a.questions)}"
        page.locator(f'fieldset#vraag-{question.id} label.sw-option:has(input[value="{1 + i % 5}"])').tap()
        page.wait_for_function("(line) => document.querySelector('[data-sw-step-line]').textContent !== line",
                               arg=f"Vraag {i + 1} van {len(a.questions)}")
    assert step_line(page) == "Dat waren alle vragen"
    assert shown_questions(page) == []
    assert focused(page) == "DIV" and page.evaluate("document.activeElement.hasAttribute('data-sw-step-end')")
    assert "alle vragen beantwoord" in page.locator("[data-sw-step-end]").inner_text()
    assert page.locator("[data-sw-submit]").is_visible() and page.locator("[data-sw-step-next]").is_hidden()
    assert saved_answers(page) == {q.id: 1 + i % 5 for i, q in enumerate(a.questions)}
    assert page.locator("[data-sw-first-open]:visible").count() == 0
    show_result(page)
    assert page.locator("[data-sw-open-note]").inner_text() == ""


def test_tapping_a_chosen_answer_again_moves_on_and_a_wide_screen_shows_every_question(phone, site):
    page = phone
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    one_per_screen(page)
    option = page.locator(f'fieldset#vraag-{a.questions[0].id} label.sw-option:has(input[value="3"])')
    option.tap()
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[1].id)
    page.click("[data-sw-step-previous]")
    option.tap()  # the same answer: no change, still the next question
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[1].id)
    # the same device turned wide (or a laptop): the whole form, no toggle, the answers kept
    page.set_viewport_size(LAPTOP)
    page.wait_for_function("document.querySelector('#sw-form').dataset.swMode === 'alle'")
    assert page.locator("[data-sw-mode-toggle]").is_hidden()
    assert len(shown_questions(page)) == len(a.questions)
    assert page.locator("[data-sw-step-line]").is_hidden() and page.locator("[data-sw-step-nav]").is_hidden()
    assert page.locator(f'input[name="{a.questions[0].id}"][value="3"]').is_checked()
    page.set_viewport_size(PHONE)
    page.wait_for_function("document.querySelector('#sw-form').dataset.swMode === 'een'")


def test_switching_views_and_reloading_keep_answers_and_view(phone, site):
    page = phone
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {a.questions[0].id: 2, a.questions[1].id: 5})
    one_per_screen(page)
    assert step_line(page) == f"Vraag 3 van {len(a.questions)}"  # it starts at the first open question
    page.locator(f'fieldset#vraag-{a.questions[2].id} label.sw-option:has(input[value="4"])').tap()
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[3].id)
    expected = {a.questions[0].id: 2, a.questions[1].id: 5, a.questions[2].id: 4}
    assert saved_answers(page) == expected
    assert page.evaluate("localStorage.getItem('supportwijzer:weergave')") == '"een"'

    page.click("[data-sw-mode-toggle]")  # back to all questions
    assert len(shown_questions(page)) == len(a.questions)
    assert {i.get_attribute("name"): int(i.get_attribute("value"))
            for i in page.locator("fieldset[data-sw-question] input:checked").all()} == expected
    page.click("[data-sw-mode-toggle]")

    page.reload()
    page.wait_for_selector("#sw-form[data-sw-mode='een']")
    assert step_line(page) == f"Vraag 4 van {len(a.questions)}"
    assert page.locator("fieldset[data-sw-question] input:checked").count() == 3
    assert page.locator("#sw-progress-text").inner_text() == f"3 van {len(a.questions)} beantwoord"
    assert saved_answers(page) == expected


def test_a_scan_with_a_perspective_asks_it_first_in_one_per_screen(phone, site):
    page = phone
    a = assessment(WITH_PERSPECTIVE)
    page.goto(site(f"scans/{WITH_PERSPECTIVE}/"))
    one_per_screen(page)
    assert shown_questions(page) == ["perspective"]
    assert step_line(page) == "Eerst: jouw plek in de organisatie"
    page.locator("fieldset[data-sw-perspective] label.sw-option").first.tap()
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[0].id)
    assert step_line(page) == f"Vraag 1 van {len(a.questions)}"


def test_the_jump_to_the_first_open_question(page, site):
    a = assessment(SCAN)
    page.set_viewport_size(LAPTOP)
    page.goto(site(f"scans/{SCAN}/"))
    jump = page.locator("[data-sw-answer-tools] [data-sw-first-open]")
    assert jump.is_hidden()  # nothing answered: the first open question is simply the first
    assert page.locator("[data-sw-mode-toggle]").is_hidden()  # a wide screen shows every question
    fill(page, {q.id: 3 for q in a.questions[:2]} | {a.questions[3].id: 3})
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert jump.is_visible() and jump.inner_text() == "Naar de eerste open vraag"
    jump.click()
    target = page.locator(f"#vraag-{a.questions[2].id}")
    assert focused(page) == f"vraag-{a.questions[2].id}"
    box = target.bounding_box()
    assert 0 <= box["y"] < LAPTOP["height"] / 2
    fill(page, {q.id: 3 for q in a.questions})
    assert jump.is_hidden()


def test_asking_for_the_result_with_nothing_answered_brings_the_first_question(page, site):
    a = assessment(SCAN)
    page.set_viewport_size(PHONE)
    page.goto(site(f"scans/{SCAN}/"))
    page.click("[data-sw-submit]")
    status = page.locator("[data-sw-status]")
    assert status.inner_text() == (f"Je hebt nog geen vragen beantwoord. Er staan {len(a.questions)} vragen open. "
                                   "We beginnen bij de eerste.")
    assert focused(page) == f"vraag-{a.questions[0].id}"
    assert 0 <= page.locator(f"#vraag-{a.questions[0].id}").bounding_box()["y"] < PHONE["height"] / 2
    assert page.locator("#sw-result").is_hidden()


def test_a_result_with_open_questions_says_how_many_and_offers_the_jump(page, site):
    a = assessment(SCAN)
    page.set_viewport_size(PHONE)
    page.goto(site(f"scans/{SCAN}/"))
    answered = {q.id: 4 for q in a.questions if q.id != a.questions[5].id and q.id != a.questions[9].id}
    fill(page, answered)
    show_result(page)  # a result with open questions is still allowed
    note = page.locator("[data-sw-open-note]")
    assert note.get_attribute("role") == "status"
    assert note.inner_text().startswith("Nog 2 vragen open. Je resultaat staat hieronder, maar het is minder zeker.")
    note.locator("[data-sw-first-open]").click()
    assert focused(page) == f"vraag-{a.questions[5].id}"
    # the list of open questions in the result has the jump too
    page.locator(".sw-open [data-sw-first-open]").click()
    assert focused(page) == f"vraag-{a.questions[5].id}"
    fill(page, {a.questions[5].id: 2})
    assert note.inner_text().startswith("Nog 1 vraag open.")
    fill(page, {a.questions[9].id: 2})
    assert note.inner_text() == ""


def test_the_end_screen_in_one_per_screen_leads_to_the_open_questions(phone, site):
    page = phone
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, {q.id: 3 for q in a.questions[1:]})
    one_per_screen(page)
    assert step_line(page) == f"Vraag 1 van {len(a.questions)}"
    for _ in a.questions:
        page.click("[data-sw-step-next]")
    assert step_line(page) == "Dat waren alle vragen"
    end = page.locator("[data-sw-step-end]")
    assert end.locator("h2").inner_text() == "Dat waren alle vragen"
    assert end.locator("[data-sw-step-end-text]").inner_text() == \
        "Er staat nog 1 vraag open. Je kunt nu nog antwoorden, of toch je resultaat bekijken."
    end.locator("[data-sw-first-open]").click()
    assert focused(page) == f"vraag-{a.questions[0].id}"
    assert step_line(page) == f"Vraag 1 van {len(a.questions)}"


# -- one scale per dimension on the result ------------------------------------------------------

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP])
def test_each_dimension_is_a_scale_with_zones_ends_in_words_and_a_marker(page, site, viewport):
    import engine
    from scanflow import expected_result, shown_result

    a = assessment(SCAN)
    answers = {q.id: 1 + (i * 3) % 5 for i, q in enumerate(a.questions)}
    answers[a.questions[0].id] = "unknown"
    expected = engine.score(a, answers)
    assert any(d["score"] != int(d["score"]) for d in expected["dimensions"].values())  # decimals to round
    page.set_viewport_size(viewport)
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(expected)  # the table is still there, with the same numbers
    scales = page.locator("[data-sw-scales] [data-sw-scale]")
    assert scales.count() == len(a.dimensions)
    for dimension in a.dimensions:
        d = expected["dimensions"][dimension.id]
        item = page.locator(f'[data-sw-scale="{dimension.id}"]')
        labels = [b.label if isinstance(b.label, str) else b.label["nl"] for b in dimension.bands]
        # the zones are the band limits of the definition, shaded like the team page's strips
        zones = item.locator("rect.sw-zone")
        assert [z.get_attribute("data-sw-zone") for z in zones.all()] == [f"{b.upto:g}" for b in dimension.bands]
        assert [z.get_attribute("class").split()[-1] for z in zones.all()] == \
            [f"sw-zone-{min(i, 2)}" for i in range(len(dimension.bands))]
        assert item.locator(".sw-scale-ticks").inner_text().split() == \
            ["0", *[f"{b.upto:g}" for b in dimension.bands[:-1]], "100"]
        # both ends in words, the band as text, the number whole
        ends = item.locator(".sw-scale-ends span").all_inner_texts()
        assert ends == [f"← {labels[0]}", f"{labels[-1]} →"]
        assert item.locator(".sw-scale-band").inner_text() == d["band"]["label"]
        whole = str(math.floor(d["score"] + 0.5))  # as the page rounds (Math.round), not Python's round
        assert item.locator(".sw-scale-number").inner_text() == f"Jij: {whole}"
        assert item.locator(".sw-chart-label").inner_text() == f"{dimension.title}: {whole}"
        assert item.locator(".sw-visually-hidden").text_content() == (
            f"{dimension.title}: {whole} van 100, uitkomst ‘{d['band']['label']}’. "
            f"De schaal loopt van ‘{labels[0]}’ bij 0 tot ‘{labels[-1]}’ bij 100.")
        assert item.locator("svg").get_attribute("aria-hidden") == "true"
        # the marker sits at the score on the bar
        track = item.locator(".sw-scale-track svg").bounding_box()
        marker = item.locator("[data-sw-scale-marker]").bounding_box()
        at = track["x"] + track["width"] * d["score"] / 100
        assert abs(marker["x"] - at) <= 3, (dimension.id, marker, at)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert not re.search(r"\d[,.]\d", page.locator("[data-sw-scales]").inner_text())  # no decimals on screen


def test_a_dimension_without_a_score_has_no_marker(page, site):
    a = assessment(SCAN)
    first = a.dimensions[0]
    answers = {q.id: 4 for q in a.questions if q.dimension != first.id}
    page.goto(site(f"scans/{SCAN}/"))
    fill(page, answers)
    show_result(page)
    item = page.locator(f'[data-sw-scale="{first.id}"]')
    assert item.locator("[data-sw-scale-marker]").count() == 0
    assert item.locator(".sw-chart-label").inner_text() == f"{first.title}: Nog geen score"
    assert item.locator(".sw-scale-band").inner_text() == "–"


# -- the home page: a promise, three roads, the scan chooser --------------------------------------

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP])
def test_the_home_page_has_a_promise_three_roads_and_the_scan_chooser(page, site, viewport):
    page.set_viewport_size(viewport)
    page.goto(site(""))
    hero = page.locator(".sw-home-hero")
    assert hero.locator(".sw-home-promise").inner_text() == \
        "Ontdek wat jouw team nodig heeft om het werk zelf goed te regelen."
    assert hero.bounding_box()["y"] < viewport["height"]  # on the first screen
    roads = page.locator(".sw-roads > ul > li")
    assert [r.locator("strong").first.inner_text() for r in roads.all()] == \
        ["Lezen", "Een scan doen", "In je organisatie gebruiken"]
    # the chooser: one question, five answers, each leading to one scan
    page.wait_for_selector(".sw-home-chooser [data-sw-chooser-form]")
    assert page.locator(".sw-home-chooser .sw-chooser-list").is_hidden()
    labels = page.locator(".sw-home-chooser [data-sw-chooser-form] label")
    assert labels.count() == 5
    hero.get_by_role("link", name="Kies een scan").click()
    page.wait_for_url("**#welke-scan-past-bij-jou")
    labels.nth(2).click()
    result = page.locator(".sw-home-chooser [data-sw-chooser-result]")
    assert result.locator("[data-sw-chooser-scan]").get_attribute("data-sw-chooser-scan") == "werksoort"
    result.get_by_role("link").click()
    page.wait_for_url("**/scans/werksoort/")
    page.go_back()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_home_chooser_works_by_keyboard(page, site):
    page.goto(site(""))
    page.wait_for_selector(".sw-home-chooser [data-sw-chooser-form]")
    page.locator(".sw-home-chooser input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # "Over ons team: hoe zelfstandig ..."
    result = page.locator(".sw-home-chooser [data-sw-chooser-result]")
    assert result.get_attribute("role") == "status"
    assert result.locator("[data-sw-chooser-scan]").get_attribute("data-sw-chooser-scan") == "teamfase"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_one_per_screen_the_scales_and_the_home_page(phone, site, scheme):
    from test_site import ALL_IMPACTS, axe_violations

    page = phone
    page.emulate_media(color_scheme=scheme)
    page.goto(site(""))
    page.wait_for_selector(".sw-home-chooser [data-sw-chooser-form]")
    page.locator(".sw-home-chooser [data-sw-chooser-form] label").first.click()
    assert axe_violations(page, ALL_IMPACTS) == []
    a = assessment(WITH_PERSPECTIVE)
    page.goto(site(f"scans/{WITH_PERSPECTIVE}/"))
    one_per_screen(page)
    assert axe_violations(page, ALL_IMPACTS) == []
    page.locator("fieldset[data-sw-perspective] label.sw-option").first.tap()
    page.wait_for_function("(id) => document.activeElement.id === 'vraag-' + id", arg=a.questions[0].id)
    page.click("[data-sw-mode-toggle]")
    fill(page, {q.id: 1 + i % 5 for i, q in enumerate(a.questions[:-3])})
    page.click("[data-sw-mode-toggle]")  # one per screen again: it opens at the first open question
    assert step_line(page) == f"Vraag {len(a.questions) - 2} van {len(a.questions)}"
    for _ in range(3):
        page.click("[data-sw-step-next]")
    show_result(page)
    page.wait_for_selector("[data-sw-scales] [data-sw-scale]")
    assert axe_violations(page, ALL_IMPACTS) == []

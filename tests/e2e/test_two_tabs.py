"""The same scan open in two tabs of one browser: answers merge, nothing is lost, and the page says so."""
import re

from scanflow import assessment, clear_answers, fill, show_result

SCAN = "teamfase"
MERGED = "Je hebt deze scan ook in een ander tabblad open. De antwoorden van beide tabbladen zijn samengevoegd."


def open_tabs(context, site, first="", second=""):
    tabs = []
    for fragment in (first, second):
        tab = context.new_page()
        tab.set_default_timeout(30000)
        tab.goto(site(f"scans/{SCAN}/{fragment}"))
        tab.wait_for_selector("form[data-sw-ready]")
        tabs.append(tab)
    return tabs


def checked(tab) -> dict:
    return dict(tab.locator("#sw-form input[type=radio]:checked").evaluate_all("els => els.map(e => [e.name, e.value])"))


def wait_for_checked(tab, count):
    tab.wait_for_function("(n) => document.querySelectorAll('#sw-form input[type=radio]:checked').length === n", arg=count)


def status(tab) -> str:
    return tab.locator("[data-sw-status][role=status]").inner_text()


def test_six_answers_in_one_tab_and_one_in_the_other_are_all_kept(context, site):
    a = assessment(SCAN)
    one, other = open_tabs(context, site, first="#team=Rood")
    six = {q.id: 1 + i % 5 for i, q in enumerate(a.questions[:6])}
    fill(one, six)
    wait_for_checked(other, 6)  # the other tab follows live
    assert status(other) == MERGED
    fill(other, {a.questions[6].id: 4})
    wait_for_checked(one, 7)
    assert status(one) == MERGED
    expected = {**{k: str(v) for k, v in six.items()}, a.questions[6].id: "4"}
    assert checked(one) == checked(other) == expected
    assert one.locator(".sw-progress-text").inner_text() == f"7 van {len(a.questions)} beantwoord"
    # the team round belongs to the address of each tab, not to the answers
    assert one.locator("[data-sw-team-label]").inner_text() == "Teamronde: Rood"
    assert other.locator("[data-sw-team-label]").is_hidden()
    for tab in (one, other):
        tab.reload()
        tab.wait_for_selector("form[data-sw-ready]")
        assert checked(tab) == expected
    # a result on screen that the other tab's answers make out of date says so
    show_result(one)
    fill(other, {a.questions[7].id: 2})
    wait_for_checked(one, 8)
    assert status(one) == f"{MERGED} Klik nog een keer op ‘Bekijk resultaat’ voor je nieuwe resultaat."


def test_the_same_question_answered_differently_keeps_the_last_answer_and_says_so(context, site):
    a = assessment(SCAN)
    one, other = open_tabs(context, site)
    question = a.questions[2]
    fill(one, {question.id: 2, a.questions[0].id: 5})
    wait_for_checked(other, 2)
    fill(other, {question.id: 4})
    one.wait_for_function("(id) => document.querySelector(`input[name='${id}'][value='4']`).checked", arg=question.id)
    assert status(one) == (f"{MERGED} Vraag 3 is in een ander tabblad anders beantwoord. "
                           "Het laatst gekozen antwoord telt.")
    fill(one, {a.questions[1].id: 3})  # writing again in the first tab does not bring the old answer back
    one.reload()
    assert checked(one) == {a.questions[0].id: "5", question.id: "4", a.questions[1].id: "3"}


def test_wis_mijn_antwoorden_in_one_tab_clears_the_other_tab_too(context, site):
    held = []  # the engine starts only after the clear: its start must not wipe the message
    context.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: held.append(route))
    a = assessment(SCAN)
    one, other = open_tabs(context, site)
    fill(one, {q.id: 3 for q in a.questions[:4]})
    wait_for_checked(other, 4)
    clear_answers(other)
    wait_for_checked(one, 0)
    cleared_here = "Je antwoorden zijn gewist in een ander tabblad. Daarom zijn ze hier ook gewist."
    assert status(one) == cleared_here
    assert one.locator(".sw-progress-text").inner_text() == f"0 van {len(a.questions)} beantwoord"
    while len(held) < 2:
        one.wait_for_timeout(50)
    for route in held:
        route.continue_()
    one.wait_for_function("() => document.querySelector('#sw-form').dataset.swEngine === 'ready'", timeout=60000)
    assert status(one) == cleared_here
    fill(one, {a.questions[5].id: 1})  # a new answer after the clear does not bring the cleared ones back
    wait_for_checked(other, 1)
    other.reload()
    assert checked(other) == {a.questions[5].id: "1"}


def test_a_tab_that_missed_the_other_tabs_answers_merges_them_when_it_writes(context, site):
    """A tab can miss a storage event (frozen in the background, or restored from the back/forward cache)."""
    a = assessment(SCAN)
    one, other = open_tabs(context, site)
    key = f"supportwijzer:antwoorden:{SCAN}:v{a.version}"
    # a write the page itself makes gets no storage event: as if another tab wrote while this one slept
    one.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, '{"answers": {"%s": 2}}' % a.questions[0].id])
    fill(one, {a.questions[1].id: 5})
    wait_for_checked(one, 2)
    assert MERGED in status(one)
    one.reload()
    assert checked(one) == {a.questions[0].id: "2", a.questions[1].id: "5"}
    other.close()

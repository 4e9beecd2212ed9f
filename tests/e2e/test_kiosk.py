"""One device for the whole team (issue 13, "Eén apparaat"): members answer in turn in one tab.

The kiosk is the scan page at #kiosk=1&team=<round>. After each member's "Klaar" the form is
empty and nothing of theirs is on screen; their code sits at a random place among the round's
codes, which the team page reads. The browser's random source is replaced by one that always
says 0 (every new code goes first), so the order the codes are stored in is known: the reverse
of the order the members answered in.
"""
import json
import re

import pytest

import engine
from scanflow import assessment, fill
from test_site import ALL_IMPACTS, axe_violations

SCAN = "teamfase"
ROUND = "Kiosk Noord"
ROUND_KEY = f"supportwijzer:teamronde:{SCAN}:{ROUND}"
KIOSK_KEY_PREFIX = f"supportwijzer:kiosk:{SCAN}:"
THANKS = "Dank je. Geef het apparaat door aan het volgende teamlid."
ZERO_RANDOM = "crypto.getRandomValues = (array) => array.fill(0);"


def member_answers(a, seed):
    """A different answer set per member (seed 0, 1, 2), every question answered."""
    return {q.id: (seed * 2 + i) % 5 + 1 for i, q in enumerate(a.questions)}


def stored(page) -> dict:
    return json.loads(page.evaluate("JSON.stringify(localStorage)"))


def round_codes(page) -> list[str]:
    record = json.loads(stored(page).get(ROUND_KEY, "{}"))
    return [line for line in record.get("codes", "").split("\n") if line.strip()]


def finish(page):
    """Klaar, and wait for the thanks (the first time the engine may still be starting)."""
    page.click("[data-sw-kiosk-finish]")
    page.wait_for_selector(f"[data-sw-kiosk-message]:has-text('{THANKS}')", timeout=60000)


def assert_blank(page, a, member):
    """Nothing of the member before on screen: the kiosk is ready for member `member`."""
    assert page.locator("form[data-sw-scan] input:checked").count() == 0
    assert page.locator(".sw-progress-text").inner_text() == f"0 van {len(a.questions)} beantwoord"
    assert all(value == "" for value in page.locator("form[data-sw-scan] textarea").evaluate_all("els => els.map(e => e.value)"))
    assert page.locator("[data-sw-result]").is_hidden()
    assert page.locator("[data-sw-result-body]").inner_html() == ""
    assert page.locator("[data-result-code]").count() == 0
    assert page.locator("[data-sw-status]").inner_text() == ""
    assert page.locator("[data-sw-kiosk] h2").inner_text() == f"Teamronde {ROUND} op één apparaat: lid {member}"
    body = page.locator("body").inner_text()
    assert not any(code in body for code in round_codes(page))
    assert not any(key.startswith(KIOSK_KEY_PREFIX) for key in stored(page))


def test_three_members_in_turn_on_one_device(context, site):
    context.add_init_script(ZERO_RANDOM)
    page = context.new_page()
    page.set_default_timeout(30000)
    a = assessment(SCAN)
    members = [member_answers(a, seed) for seed in range(3)]

    # -- the facilitator has answers of their own on this device, and a note at an open question
    page.goto(site(f"scans/{SCAN}/"))
    own = a.questions[0].id
    fill(page, {own: 5})
    page.locator("textarea[data-sw-reflection-prompt]").first.fill("mijn eigen notitie")

    # -- and starts the kiosk from the team-round panel
    page.click("[data-sw-round] summary")
    page.fill("[data-sw-round-label]", ROUND)
    page.click("[data-sw-round-kiosk]")
    banner = page.locator("[data-sw-kiosk]")
    assert banner.is_visible()
    assert page.evaluate("location.hash") == "#kiosk=1&team=Kiosk+Noord"
    assert page.evaluate("document.activeElement.hasAttribute('data-sw-kiosk')")
    # no personal result, no open questions, no facilitator's panel, none of the facilitator's answers
    assert page.locator("[data-sw-submit]").is_hidden()
    assert page.locator("[data-sw-reflection]").is_hidden()
    assert page.locator("[data-sw-round]").is_hidden()
    assert_blank(page, a, 1)
    assert "mijn eigen notitie" not in page.content()
    assert page.locator("[data-sw-kiosk-count]").inner_text() == "Nog niemand is klaar. De teamuitslag komt vanaf 3 teamleden."

    # -- member 1
    fill(page, members[0])
    assert any(key.startswith(KIOSK_KEY_PREFIX) for key in stored(page))  # kept while answering
    finish(page)
    assert_blank(page, a, 2)
    assert page.evaluate("document.activeElement.hasAttribute('data-sw-kiosk')")
    assert page.evaluate("window.scrollY") == 0
    assert page.locator("[data-sw-kiosk-count]").inner_text() == "1 teamlid is klaar. De teamuitslag komt vanaf 3 teamleden."
    assert page.locator("[data-sw-kiosk-team]").is_hidden()
    assert len(round_codes(page)) == 1
    # a reload never brings member 1's answers back
    page.reload()
    assert_blank(page, a, 2)

    # -- member 2 answers half, the tab is reloaded, the half is still there
    half = dict(list(members[1].items())[:10])
    fill(page, half)
    page.reload()
    for question, value in half.items():
        assert page.locator(f'input[name="{question}"][value="{value}"]').is_checked()
    assert page.locator("form[data-sw-scan] input:checked").count() == len(half)
    assert banner.is_visible() and page.locator("[data-sw-kiosk] h2").inner_text().endswith("lid 2")
    fill(page, members[1])
    # Klaar with the keyboard
    page.focus("[data-sw-kiosk-finish]")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"[data-sw-kiosk-message]:has-text('{THANKS}')", timeout=60000)
    assert_blank(page, a, 3)
    assert page.locator("[data-sw-kiosk-team]").is_hidden()

    # -- member 3 forgets one question: asked first, and nothing is lost when they go back to it
    last = a.questions[-1].id
    fill(page, {q: v for q, v in members[2].items() if q != last})
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("[data-sw-kiosk-finish]")
    assert asked == ["Er staat nog 1 vraag open. Weet je het antwoord niet, kies dan ‘Weet ik niet’. Toch klaar?"]
    assert page.locator("form[data-sw-scan] input:checked").count() == len(a.questions) - 1
    assert len(round_codes(page)) == 2
    fill(page, {last: members[2][last]})
    finish(page)
    assert_blank(page, a, 4)
    assert page.locator("[data-sw-kiosk-count]").inner_text() == "3 teamleden zijn klaar. Dat is genoeg voor een teamuitslag."

    # -- the round holds the three answer sets, in the order the random source chose (not answer order)
    codes = round_codes(page)
    assert len(codes) == 3
    decoded = [engine.decode(a, code)["answers"] for code in codes]
    assert decoded == list(reversed(members))

    # -- the team page shows the round's result, n = 3
    link = page.locator("[data-sw-kiosk-team]")
    assert link.get_attribute("href") == site(f"scans/{SCAN}/team/#team=Kiosk+Noord")
    link.click()
    # the facilitator shows the round's first result when every code is in
    page.wait_for_selector("[data-sw-team-n], [data-sw-show-result]", timeout=60000)
    if page.locator("[data-sw-show-result]").count():
        page.click("[data-sw-show-result]")
    page.wait_for_selector("[data-sw-team-n]", timeout=60000)
    assert page.locator("[data-sw-team-n]").get_attribute("data-sw-team-n") == "3"
    assert page.locator("[data-sw-team-label-input]").input_value() == ROUND

    # -- back at the kiosk: "Stop de kiosk" asks first, then the facilitator's own page is back
    page.goto(site(f"scans/{SCAN}/#kiosk=1&team=Kiosk+Noord"))
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-sw-kiosk-stop]")
    assert banner.is_visible()
    fill(page, {own: 1})  # someone started answering; stopping throws that away
    page.once("dialog", lambda dialog: dialog.accept())
    page.focus("[data-sw-kiosk-stop]")
    page.keyboard.press("Enter")
    assert banner.is_hidden()
    assert page.evaluate("location.hash") == ""
    assert page.locator(f'input[name="{own}"][value="5"]').is_checked()  # the facilitator's own answer
    assert page.locator("textarea[data-sw-reflection-prompt]").first.input_value() == "mijn eigen notitie"
    assert page.locator("[data-sw-submit]").is_visible()
    assert page.locator("[data-sw-round-status]").inner_text() == \
        f"De kiosk is gestopt. De codes van teamronde {ROUND} staan op de teampagina."
    assert not any(key.startswith(KIOSK_KEY_PREFIX) for key in stored(page))
    assert len(round_codes(page)) == 3

    assert context.recorder.errors == []


def test_the_team_page_leads_to_the_kiosk(page, context, site):
    page.goto(site(f"scans/{SCAN}/team/"))
    page.click("[data-sw-kiosk-offer] a")
    page.wait_for_selector("[data-sw-round][open]")
    assert page.locator("[data-sw-round-status]").inner_text() == \
        "Geef de teamronde een naam. Kies daarna ‘Start de kiosk op dit apparaat’."
    assert page.evaluate("document.activeElement.id") == "sw-round-label"
    # by keyboard: type the name, Tab to the kiosk button, Enter
    page.keyboard.type("Zuid")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-sw-round-kiosk')"):
            break
    page.keyboard.press("Enter")
    assert page.locator("[data-sw-kiosk] h2").inner_text() == "Teamronde Zuid op één apparaat: lid 1"
    assert page.evaluate("location.hash") == "#kiosk=1&team=Zuid"
    # a kiosk address without a name does not start one: it asks for the name
    page.goto(site(f"scans/{SCAN}/"))
    page.goto(site(f"scans/{SCAN}/#kiosk=1"))
    page.reload()
    assert page.locator("[data-sw-kiosk]").is_hidden()
    assert page.locator("[data-sw-round][open]").count() == 1
    assert page.evaluate("document.activeElement.id") == "sw-round-label"
    assert context.recorder.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_kiosk_on_a_phone_is_accessible_and_fits(browser, site, scheme):
    context = browser.new_context(service_workers="block", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  color_scheme=scheme)
    page = context.new_page()
    page.goto(site(f"scans/{SCAN}/"))
    # three codes in the round already (what they are does not matter to the kiosk: it counts them)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [ROUND_KEY, json.dumps({"codes": "A\nB\nC"})])
    page.goto(site(f"scans/{SCAN}/#kiosk=1&team=Kiosk+Noord"))
    page.reload()
    assert page.locator("[data-sw-kiosk] h2").inner_text() == f"Teamronde {ROUND} op één apparaat: lid 4"
    assert page.locator("[data-sw-kiosk-team]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page, ALL_IMPACTS) == []
    # the facilitator's panel, as the team page's link opens it (outside the kiosk)
    page.goto(site(f"scans/{SCAN}/"))
    page.goto(site(f"scans/{SCAN}/#sw-kiosk-start"))
    page.wait_for_selector("[data-sw-round][open]")
    assert page.locator("[data-sw-round-kiosk]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page, ALL_IMPACTS) == []
    context.close()


def test_without_the_engine_the_kiosk_still_keeps_the_code(context, site):
    """Pyodide cannot load (a blocked download): the code is made in JavaScript, nothing is lost."""
    context.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: route.abort())
    page = context.new_page()
    a = assessment(SCAN)
    answers = member_answers(a, 1)
    page.goto(site(f"scans/{SCAN}/#kiosk=1&team=Kiosk+Noord"))
    fill(page, answers)
    finish(page)
    assert_blank(page, a, 2)
    [code] = round_codes(page)
    assert engine.decode(a, code)["answers"] == answers

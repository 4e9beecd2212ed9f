"""The team meeting on the team page: presentation mode, agreements kept with the round, and the next round."""
import json
from pathlib import Path

import pytest

import engine
from scanflow import assessment
from test_site import ALL_IMPACTS, axe_violations
from test_team_round import cli_aggregate

SCAN = "teamfase"
KEY = f"supportwijzer:teamronde:{SCAN}:"


def split_answers(a, seed):
    """Five members who split on the first dimension (two low, three high, after keying) and roughly agree on the rest."""
    first = a.dimensions[0].id
    low = seed < 2
    return {q.id: (1 if low != q.reverse else 5) if q.dimension == first else 3 + (seed + i) % 2
            for i, q in enumerate(a.questions)}


@pytest.fixture(scope="module")
def codes():
    a = assessment(SCAN)
    return [engine.encode(a, split_answers(a, seed)) for seed in range(5)]


def open_round(page, site, name, codes):
    page.goto(site(f"scans/{SCAN}/team/#team={name}"))
    page.fill("[data-sw-codes]", "\n".join(codes))
    page.click("[data-sw-check]")
    team_shown(page, len(codes))


def team_shown(page, n):
    """Wait for the result of n codes; once every code is in, the facilitator asks for it when the page asks."""
    page.wait_for_selector("[data-sw-team-n], [data-sw-withheld]", timeout=90000)  # the engine starts first
    if page.locator("[data-sw-show-result]").count():
        page.click("[data-sw-show-result]")
    page.wait_for_selector(f"[data-sw-team-n='{n}']", timeout=90000)


def slide(page):
    layer = page.locator("[data-sw-presentation]")
    return layer.get_attribute("data-sw-slide"), int(layer.get_attribute("data-sw-step"))


def focus_inside(page):
    return page.evaluate("document.querySelector('[data-sw-presentation]').contains(document.activeElement)")


def record(page, name):
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY + name)})") or "{}")


def test_the_meeting_step_by_step_with_the_keyboard_and_an_agreement_that_is_kept(page, site, codes, tmp_path):
    a = assessment(SCAN)
    first = a.dimensions[0].id
    team = cli_aggregate(codes)
    dimension_of = {q.id: q.dimension for q in a.questions}
    questions = [item for item in team["discuss"] if dimension_of[item["id"]] == first]
    assert questions, "the split on the first dimension should give it questions to discuss"

    open_round(page, site, "Voorjaar", codes)
    opener = page.locator("[data-sw-present-open]")
    opener.click()
    layer = page.locator("dialog[data-sw-presentation]")
    assert layer.is_visible()
    assert page.locator("[data-sw-slide-count]").inner_text() == f"Dia 1 van {len(a.dimensions) + 2}"
    assert page.evaluate("document.activeElement.id") == "sw-slide-title"  # the title is read out
    assert page.locator("[data-sw-slide-announce]").inner_text().startswith("Dia 1 van")
    assert page.locator("[data-sw-previous]").count() == 0  # no earlier round on this device

    # a clicker's PageDown: the first dimension, only its axis
    page.keyboard.press("PageDown")
    assert slide(page) == (first, 0)
    assert page.locator("#sw-slide-title").inner_text() == a.dimensions[0].title
    assert "Dia 2 van" in page.locator("[data-sw-slide-announce]").inner_text()
    strip = page.locator("[data-sw-present-strip]")
    assert strip.locator("circle").count() == 0 and strip.locator(".sw-present-mean").count() == 0
    page.keyboard.press("ArrowRight")  # the members' dots
    assert slide(page) == (first, 1)
    assert strip.locator("circle").count() == 5 and strip.locator(".sw-present-mean").count() == 0
    page.keyboard.press(" ")  # then the mean
    assert slide(page) == (first, 2)
    assert strip.locator(".sw-present-mean").count() == 1
    mean = round(team["dimensions"][first]["mean"])
    assert f"Het gemiddelde is {mean}." in strip.get_attribute("aria-label")
    page.keyboard.press("ArrowRight")  # the first question to discuss, with its answers
    assert slide(page) == (first, 3)
    assert page.locator("[data-sw-slide-question]").get_attribute("data-sw-slide-question") == questions[0]["id"]
    assert page.locator(".sw-slide-question-text").inner_text() == questions[0]["text"]
    assert page.locator(".sw-slide-question").inner_text().count("×") == len(questions[0]["counts"]) + 1
    if len(questions) > 1:
        page.keyboard.press("PageDown")
        assert page.locator("[data-sw-slide-question]").get_attribute("data-sw-slide-question") == questions[1]["id"]
        page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    assert slide(page) == (first, 2)
    page.keyboard.press("ArrowRight")

    # the timer of this part: minutes and seconds, start and pause
    assert page.locator("[data-sw-timer]").inner_text() in ("12:00", "11:59", "11:58")
    page.click("[data-sw-timer-toggle]")
    assert page.locator("[data-sw-timer-toggle]").get_attribute("aria-pressed") == "false"
    shown = page.locator("[data-sw-timer]").inner_text()
    page.wait_for_timeout(1200)
    assert page.locator("[data-sw-timer]").inner_text() == shown  # paused
    page.click("[data-sw-timer-reset]")
    assert page.locator("[data-sw-timer]").inner_text() == "12:00"
    assert page.locator("[data-sw-timer-announce]").inner_text() == ""  # nothing read out every second

    # an agreement on this slide: what, who, when; kept at once
    panel = page.locator(f"[data-sw-agreements='{first}']")
    panel.locator("[data-sw-agreement-add]").click()
    assert page.evaluate("document.activeElement.dataset.swAgreementField") == "what"
    page.keyboard.type("Planning samen maken; eerst uitproberen")
    panel.get_by_label("Wie").fill("=Anna")  # a spreadsheet must not run this
    panel.get_by_label("Wanneer").fill("2030-06-01")
    page.keyboard.press("ArrowRight")  # in a text field the arrow moves the cursor, not the slide
    assert slide(page) == (first, 3)
    kept = record(page, "Voorjaar")["agreements"]
    assert [(x["slide"], x["what"], x["who"], x["when"]) for x in kept] == [
        (first, "Planning samen maken; eerst uitproberen", "=Anna", "2030-06-01")]
    assert record(page, "Voorjaar")["codes"].split() == codes  # the other fields of the round are left alone

    # focus stays inside the presentation
    for _ in range(25):
        page.keyboard.press("Tab")
        assert focus_inside(page)
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert focus_inside(page)

    # End: the closing slide lists the agreement and how to follow it up
    page.focus("#sw-slide-title")
    page.keyboard.press("End")
    assert slide(page) == ("algemeen", 0)
    assert page.locator("[data-sw-closing-agreement]").inner_text().endswith(
        "Planning samen maken; eerst uitproberen · wie: =Anna · wanneer: 2030-06-01")
    page.keyboard.press("Home")
    assert slide(page) == ("algemeen", 0) and page.locator("[data-sw-slide-count]").inner_text().startswith("Dia 1 ")

    # Esc leaves, and focus is back on the button
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-sw-presentation]", state="detached")
    assert page.evaluate("document.activeElement.hasAttribute('data-sw-present-open')")
    assert page.evaluate("document.fullscreenElement") is None

    # after a reload the agreement is still there, and in both exports
    page.reload()
    team_shown(page, 5)
    assert "Planning samen maken" in page.locator("[data-sw-round-agreement]").inner_text()
    with page.expect_download() as json_file:
        page.click("[data-sw-download-json]")
    exported = json.loads(Path(json_file.value.path()).read_text(encoding="utf-8"))
    assert [(x["slide"], x["what"], x["who"], x["when"]) for x in exported["agreements"]] == [
        (first, "Planning samen maken; eerst uitproberen", "=Anna", "2030-06-01")]
    assert exported["team"] == team
    with page.expect_download() as csv_file:
        page.click("[data-sw-download-csv]")
    rows = Path(csv_file.value.path()).read_bytes().decode("utf-8-sig").split("\r\n")
    assert rows[-2:] == [f'afspraak;{first};"Planning samen maken; eerst uitproberen";\'=Anna;2030-06-01', ""]

    # the next round on this device opens with it: "Wat spraken we vorige keer af?"
    page.fill("[data-sw-team-label-input]", "Najaar")
    page.press("[data-sw-team-label-input]", "Tab")
    page.wait_for_function("() => window.location.hash === '#team=Najaar'")
    page.fill("[data-sw-codes]", "\n".join(codes[:4]))
    page.click("[data-sw-check]")
    team_shown(page, 4)
    page.click("[data-sw-present-open]")
    previous = page.locator("[data-sw-previous]")
    assert previous.get_attribute("data-sw-previous") == "Voorjaar"
    assert previous.locator("h3").inner_text() == "Wat spraken we vorige keer af?"
    assert "Planning samen maken; eerst uitproberen" in previous.inner_text()
    previous.get_by_label("gedaan").check()
    assert record(page, "Voorjaar")["agreements"][0]["done"] is True  # kept in that round's record
    assert "agreements" not in record(page, "Najaar")


def test_the_next_round_opens_with_last_rounds_agreements_to_tick_off(page, site, codes):
    first = assessment(SCAN).dimensions[0].id
    page.goto(site(""))  # the same site: the team page then opens in a fresh load
    page.evaluate(f"""localStorage.setItem({json.dumps(KEY + "Voorjaar")}, JSON.stringify({{
        codes: {json.dumps(chr(10).join(codes))},
        agreements: [{{id: "a1", slide: "{first}", what: "Planning samen maken", who: "Anna", when: "juni",
                       made: "2030-03-01T10:00:00Z"}}]}}))""")
    page.evaluate(f"""localStorage.setItem({json.dumps(KEY + "Winter")}, JSON.stringify({{
        codes: "", agreements: [{{id: "w1", slide: "algemeen", what: "Oude afspraak", who: "", when: "",
                                  made: "2029-12-01T10:00:00Z"}}]}}))""")
    open_round(page, site, "Najaar", codes[:4])
    page.click("[data-sw-present-open]")
    previous = page.locator("[data-sw-previous]")
    assert previous.get_attribute("data-sw-previous") == "Voorjaar"  # the most recent other round
    assert previous.locator("h3").inner_text() == "Wat spraken we vorige keer af?"
    assert "Planning samen maken" in previous.inner_text() and "Oude afspraak" not in previous.inner_text()
    previous.get_by_label("gedaan").check()
    assert record(page, "Voorjaar")["agreements"][0]["done"] is True
    assert record(page, "Voorjaar")["codes"].split() == codes  # only the agreement changed
    assert "agreements" not in record(page, "Najaar")
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-sw-presentation]", state="detached")
    page.click("[data-sw-present-open]")
    assert page.locator("[data-sw-previous] input[type=checkbox]").is_checked()


def test_three_members_get_dimensions_only_and_the_slide_says_why(page, site, codes):
    team = cli_aggregate(codes[:3])
    open_round(page, site, "Klein", codes[:3])
    page.clock.install()  # from here the page's clock moves only when the test says so (the engine has answered)
    page.click("[data-sw-present-open]")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    assert team["items_withheld"] is True and team["discuss"] == []
    assert slide(page) == (assessment(SCAN).dimensions[0].id, 3)
    note = page.locator("[data-sw-slide-note]")
    assert note.get_attribute("data-sw-slide-note") == "withheld"
    assert f"Cijfers per vraag verschijnen vanaf {team['min_group_items']} deelnemers." in note.inner_text()
    assert page.locator(".sw-slide-question-text, .sw-slide-answers").count() == 0

    # the timer of the part: read out at whole minutes only, and when the time is up
    announce = page.locator("[data-sw-timer-announce]")
    page.click("[data-sw-timer-reset]")
    page.click("[data-sw-timer-toggle]")
    page.clock.run_for(30_000)
    assert page.locator("[data-sw-timer]").inner_text() == "11:30" and announce.inner_text() == ""
    page.clock.run_for(30_000)
    assert page.locator("[data-sw-timer]").inner_text() == "11:00"
    assert announce.inner_text() == "Nog 11 minuten voor dit deel."
    page.clock.run_for(11 * 60_000 + 5_000)
    assert page.locator("[data-sw-timer]").inner_text() == "+00:05"
    assert announce.inner_text() == "De tijd voor dit deel is om."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_an_open_slide(page, site, codes, scheme):
    page.emulate_media(color_scheme=scheme)
    open_round(page, site, "Axe", codes)
    page.click("[data-sw-present-open]")
    assert axe_violations(page, ALL_IMPACTS) == []  # the opening slide
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.locator("[data-sw-agreement-add]").click()
    page.keyboard.type("Iets afspreken")
    assert slide(page)[1] == 3
    assert axe_violations(page, ALL_IMPACTS) == []

"""Paper answer sheets and the typing grid (issue 13), in Chromium against the built site.

The sheet (scans/<id>/papier/) prints on A4 with a box per scale point and "weet ik niet" and no
name field; on the team page, sheets typed in the grid become real result codes whose answers
are the keys typed, a wrong key is refused with a message, and three sheets give a team result.
"""
from __future__ import annotations

import json
import re

import pytest

from builder.scans import PAPER_KEYS, has_team_page
from engine.codes import read
from scanflow import assessment
from support import ROOT

SCANS = sorted(p.stem for p in (ROOT / "assessments").glob("*.yml"))
TEAM_SCANS = [s for s in SCANS if has_team_page(assessment(s))]
ENGINE_TIMEOUT = 120_000


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_every_team_scan_has_a_sheet_and_its_team_page_links_to_it(site, page):
    assert TEAM_SCANS  # the project has team scans
    for scan in SCANS:
        response = page.goto(site(f"scans/{scan}/papier/"))
        if scan not in TEAM_SCANS:
            assert response.status == 404, scan
            continue
        assert response.ok, scan
        definition = assessment(scan)
        points = definition.scale.max - definition.scale.min + 1
        rows = page.locator("[data-sw-paper-question]")
        assert rows.count() == len(definition.questions), scan
        for i in range(rows.count()):
            row = rows.nth(i)
            assert row.locator("[data-sw-paper-box]").count() == points + 1
            assert row.locator('[data-sw-paper-box="unknown"]').inner_text() == PAPER_KEYS["unknown"]
            assert row.locator("[data-sw-paper-box]").first.inner_text() == "1"
        # nothing to write a name in: no text field at all, and no "Naam" on the sheet
        assert page.locator("[data-sw-paper] textarea, [data-sw-paper] input:not([type=checkbox]), "
                            "[data-sw-paper] select").count() == 0
        assert not re.search(r"\bnaam\s*:", page.locator("[data-sw-paper]").inner_text(), flags=re.I)
        assert page.locator(".sw-paper-round").inner_text().startswith("Teamronde")
        has_perspective = page.locator("[data-sw-paper-perspective]").count() == 1
        assert has_perspective == (definition.perspective is not None)

        page.goto(site(f"scans/{scan}/team/"))
        link = page.locator("[data-sw-paper-link]")
        link.click()
        page.wait_for_url(re.compile(rf"/scans/{scan}/papier/$"))


@pytest.mark.parametrize("scan", TEAM_SCANS)
def test_the_sheet_prints_on_a4_without_the_site_around_it(site, page, scan):
    page.goto(site(f"scans/{scan}/papier/"))
    pdf = page.pdf(format="A4", print_background=True)
    pages = pdf_pages(pdf)
    questions = len(assessment(scan).questions)
    assert 1 <= pages <= 2, (scan, pages)  # 20 to 30 questions: one or two sheets of paper
    sizes = {tuple(round(float(v)) for v in box) for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)}
    assert sizes == {(596, 843)}, sizes  # A4: 210 by 297 mm in points

    # the open questions print only where they fit: they never add a page by default
    toggle = page.locator("[data-sw-paper-open-toggle]")
    if toggle.count():
        if toggle.is_checked():
            toggle.uncheck()
            assert pdf_pages(page.pdf(format="A4")) == pages, scan
            toggle.check()
        else:
            toggle.check()
            assert page.locator("[data-sw-paper-open]").is_visible()
            assert pdf_pages(page.pdf(format="A4")) >= pages
            toggle.uncheck()
        assert questions

    # in print: no header, navigation, footer or the note for the facilitator; every box drawn in black
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-footer", ".md-sidebar", ".sw-paper-screen"):
        assert not page.locator(hidden).first.is_visible(), hidden
    box = page.locator("[data-sw-paper-box]").first
    style = box.evaluate("b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopColor, s.borderTopWidth]; }")
    assert style[0] == "solid" and style[1] == "rgb(0, 0, 0)" and float(style[2][:-2]) >= 1, style
    assert page.locator("[data-sw-paper-question]").first.evaluate("r => getComputedStyle(r).breakInside") == "avoid"
    page.emulate_media(media="screen")


def typed_rows(scan: str) -> list[str]:
    """Three sheets as typed: a key per question (the perspective first), with "weet ik niet" in one."""
    definition = assessment(scan)
    n = len(definition.questions)
    rows = []
    for k in range(3):
        answers = [str((i * (k + 1) + k) % 5 + 1) for i in range(n)]
        if k == 1:
            answers[n - 1] = PAPER_KEYS["unknown"]  # one question left blank on paper
        first = [str(k % (len(definition.perspective.options) + 1))] if definition.perspective else []
        rows.append("".join(first + answers))
    return rows


def answers_of(scan: str, row: str) -> tuple[dict, str | None]:
    """What a typed row means: answers by question id (None for weet ik niet) and the perspective."""
    definition = assessment(scan)
    keys = list(row)
    perspective = None
    if definition.perspective:
        first = int(keys.pop(0))
        perspective = definition.perspective.options[first - 1].id if first else None
    answers = {q.id: None if key == PAPER_KEYS["unknown"] else definition.scale.min + int(key) - 1
               for q, key in zip(definition.questions, keys)}
    return answers, perspective


@pytest.mark.parametrize("scan", ["concernsupport", "teamfase"])  # with and without a perspective question
def test_three_typed_sheets_become_three_codes_with_the_typed_answers_and_a_team_result(site, page, scan):
    page.goto(site(f"scans/{scan}/team/#team=Papier"))
    field = page.locator("[data-sw-grid-input]")
    expect_label = page.locator("label[for=sw-grid-input]")
    rows = typed_rows(scan)
    for number, row in enumerate(rows, 1):
        assert expect_label.inner_text() == f"Formulier {number}"
        field.press_sequentially(row, delay=3)
        assert field.input_value() == row
        assert page.locator("[data-sw-grid-where]").inner_text().startswith(f"{len(row)} van {len(row)} ingevuld.")
        field.press("Enter")
        assert field.input_value() == ""  # cleared at once for the next sheet, focus stays
        assert page.evaluate("document.activeElement.id") == "sw-grid-input"
    page.wait_for_selector("[data-sw-grid-sheet]:nth-child(3)", timeout=ENGINE_TIMEOUT)  # three codes added
    # the facilitator shows the result once all sheets are in ("Toon de uitslag", team-page.js)
    page.wait_for_selector("[data-sw-show-result], [data-sw-team-n='3']", timeout=ENGINE_TIMEOUT)
    if page.locator("[data-sw-show-result]").count():
        page.locator("[data-sw-show-result]").first.click()
    page.wait_for_selector("[data-sw-team-n='3']", timeout=ENGINE_TIMEOUT)
    assert page.locator("[data-sw-grid-count]").get_attribute("data-sw-grid-count") == "3"
    assert page.locator("[data-sw-grid-count]").inner_text() == "3 formulieren ingevoerd in deze teamronde."

    codes = page.locator("[data-sw-codes]").input_value().split()
    assert len(codes) == 3 and len(set(codes)) == 3
    definition = assessment(scan)
    for code, row in zip(codes, rows):
        decoded = read(definition, code)
        answers, perspective = answers_of(scan, row)
        assert decoded.answers == answers
        assert decoded.perspective == perspective
    # the grid's rows are kept with the round, in the grid's own field: the codes it added
    record = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:teamronde:{scan}:Papier')"))
    assert record["grid"]["sheets"] == codes and record["grid"]["pending"] == [] and record["grid"]["draft"] == ""


def test_a_wrong_key_is_refused_with_a_message_and_an_unfinished_row_survives_a_reload(site, page):
    page.goto(site("scans/teamfase/team/#team=Fouten"))
    field = page.locator("[data-sw-grid-input]")
    message = page.locator("[data-sw-grid-message]")
    field.press_sequentially("12", delay=3)
    for key, words in (("7", '"7" kan niet bij vraag 3. Typ 1 tot en met 5, 0 voor weet ik niet.'),
                       ("a", '"a" kan niet bij vraag 3.'),
                       (PAPER_KEYS["not_applicable"], 'Vraag 3 heeft geen vakje "niet van toepassing".')):
        field.press(key)
        assert field.input_value() == "12", key  # refused: the row is as it was
        assert message.inner_text().startswith(words), key
        assert field.get_attribute("aria-invalid") == "true"
    assert message.get_attribute("role") == "status"
    field.press("3")
    assert field.input_value() == "123" and field.get_attribute("aria-invalid") is None
    assert "Nu: vraag 4:" in page.locator("[data-sw-grid-where]").inner_text()
    field.press("Enter")  # not complete: nothing is added
    assert message.inner_text().startswith("Formulier 1 is nog niet af: 3 van 20 ingevuld.")
    assert page.locator("[data-sw-codes]").input_value() == ""
    # the cell of the next question is marked, by shape as well (a thicker frame)
    here = page.locator("[data-sw-grid-cells] .sw-grid-cell--here")
    assert here.count() == 1 and here.locator(".sw-grid-cell-name").inner_text() == "4"

    page.reload()
    field = page.locator("[data-sw-grid-input]")
    field.wait_for()
    assert field.input_value() == "123"
    record = json.loads(page.evaluate("localStorage.getItem('supportwijzer:teamronde:teamfase:Fouten')"))
    assert record["grid"]["draft"] == "123"
    # a pasted row with a space in it: the spaces go, the keys stay
    field.press("End")
    field.press_sequentially(" 45", delay=3)
    assert field.input_value() == "12345"
    # the number pad with NumLock on (sent as the browser gets it: Playwright's own numpad has NumLock off):
    # digits, its minus key is refused here too, its Enter is Enter, Backspace takes the last key back
    cdp = page.context.new_cdp_session(page)

    def numpad(key: str, code: str, key_code: int, text: str | None = None) -> None:
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code, "location": 3,
                "text": key if text is None else text}
        cdp.send("Input.dispatchKeyEvent", down)
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code,
                                            "windowsVirtualKeyCode": key_code, "location": 3})

    numpad("3", "Numpad3", 99)
    numpad("0", "Numpad0", 96)
    assert field.input_value() == "1234530"
    numpad("-", "NumpadSubtract", 109)
    assert field.input_value() == "1234530" and "geen vakje" in message.inner_text()
    numpad("Enter", "NumpadEnter", 13, "\r")
    assert message.inner_text().startswith("Formulier 1 is nog niet af: 7 van 20 ingevuld.")
    field.press("Backspace")
    assert field.input_value() == "123453"

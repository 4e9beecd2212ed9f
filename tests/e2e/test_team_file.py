"""The team result file (issue 17, item 1): saved from the team page, the same as the CLI makes.

A real round in Chromium: real codes pasted, the result shown, the file downloaded. The file must
equal what `python -m engine team-file` prints for the codes of the version on screen, hold no
code, and never be offered while the result is withheld.
"""
from __future__ import annotations

import functools
import json
import subprocess
import sys

import pytest
from playwright.sync_api import expect

import engine
from scanflow import assessment, show_team
from support import ROOT
from test_site import AXE_SOURCE

SCAN = "teamfase"
SCREENS = ROOT / "build" / "screens-team-file"


@functools.cache
def member_codes(scan: str, members: int, shift: int = 0) -> tuple[str, ...]:
    """Real codes: member i answers i % 5 + 1 (plus ``shift``) on every question, turned for reversed ones."""
    a = assessment(scan)
    codes = []
    for member in range(members):
        level = min(5, max(1, (member + shift) % 5 + 1))
        answers = {q.id: 6 - level if q.reverse else level for q in a.questions}
        option = a.perspective.options[0].id if a.perspective is not None else None
        codes.append(engine.encode(a, answers, option))
    return tuple(codes)


def cli_file(tmp_path, scan, codes, *options) -> dict:
    codes_file = tmp_path / "codes.txt"
    codes_file.write_text("\n".join(codes) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "engine", "team-file", str(ROOT / "assessments" / f"{scan}.yml"),
                           str(codes_file), *options], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def open_round(page, site, name, codes, scan=SCAN, show=True):
    page.goto("about:blank")
    page.goto(site(f"scans/{scan}/team/#team={name}"))
    page.fill("[data-sw-codes]", "\n".join(codes))
    page.click("[data-sw-check]")
    if show:
        show_team(page, n=len(codes))
    else:
        page.wait_for_selector("[data-sw-withheld]", timeout=90000)


def axe_in_block(page):
    """WCAG 2.1 A and AA problems that axe-core finds in the export block."""
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate("axe.run(document.querySelector('[data-sw-team-file]'), "
                           "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def save_file(page):
    with page.expect_download() as info:
        page.click("[data-sw-team-file-save]")
    download = info.value
    return download.suggested_filename, download.path().read_text(encoding="utf-8")


def test_the_saved_file_equals_the_cli_and_holds_no_code(page, site, tmp_path):
    codes = member_codes(SCAN, 5)
    open_round(page, site, "Voorjaar", codes)
    block = page.locator("[data-sw-team-file]")
    block.wait_for(state="visible")
    # prefilled: the round's name as the team name, the round's date
    assert page.input_value("[data-sw-team-file-label]") == "Voorjaar"
    assert page.input_value("[data-sw-team-file-department]") == ""
    kept_date = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:teamronde:{SCAN}:Voorjaar')"))["date"]
    assert page.input_value("[data-sw-team-file-date]") == kept_date

    page.fill("[data-sw-team-file-label]", "Team Noord-Oost")
    page.fill("[data-sw-team-file-department]", "Zorg")
    page.fill("[data-sw-team-file-date]", "2027-03-14")
    name, text = save_file(page)

    assert name == f"teamresultaat-{SCAN}-team-noord-oost-2027-03-14.json"
    saved = json.loads(text)
    expected = cli_file(tmp_path, SCAN, codes, "--label", "Team Noord-Oost", "--department", "Zorg",
                        "--round", "Voorjaar", "--date", "2027-03-14")
    assert saved == expected
    assert saved["n"] == 5 and saved["questions"] is not None  # five members: per-question figures too
    assert text.startswith("{\n  \"kind\"")  # pretty printed
    for code in codes:
        canonical = engine.read(assessment(SCAN), code).canonical
        assert code not in text and canonical not in text
    assert f"Team Noord-Oost is bewaard als {name}" in page.text_content("[data-sw-team-file-status]")

    # the team name and department are remembered in the round's record, and come back
    record = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:teamronde:{SCAN}:Voorjaar')"))
    assert record["team_file"] == {"label": "Team Noord-Oost", "department": "Zorg"}
    page.reload()
    page.click("[data-sw-check]")
    block.wait_for(state="visible", timeout=90000)
    assert page.input_value("[data-sw-team-file-label]") == "Team Noord-Oost"
    assert page.input_value("[data-sw-team-file-department]") == "Zorg"
    assert page.context.recorder.errors == []


def test_the_file_holds_the_version_on_screen_not_the_codes_in_the_list(page, site, tmp_path):
    first = member_codes(SCAN, 4)
    open_round(page, site, "Versies", first)
    # one more code: too small a change for a new version, so version 1 stays on screen
    page.fill("[data-sw-codes]", "\n".join(first + member_codes(SCAN, 5, shift=2)[-1:]))
    page.click("[data-sw-check]")
    page.wait_for_selector("[data-sw-version-refused]", timeout=90000)
    assert page.get_attribute("[data-sw-team-n]", "data-sw-team-n") == "4"
    page.fill("[data-sw-team-file-label]", "Team Zuid")
    page.fill("[data-sw-team-file-date]", "2027-04-01")
    _, text = save_file(page)
    saved = json.loads(text)
    assert saved["n"] == 4 and saved["questions"] is None  # four members: no per-question figures
    assert saved == cli_file(tmp_path, SCAN, first, "--label", "Team Zuid", "--round", "Versies", "--date", "2027-04-01")


def test_no_file_is_offered_while_the_result_is_withheld(page, site):
    open_round(page, site, "Klein", member_codes(SCAN, 2), show=False)
    assert page.locator("[data-sw-team-file]").is_hidden()
    # enough codes, but the facilitator has not shown the result yet
    page.fill("[data-sw-codes]", "\n".join(member_codes(SCAN, 3)))
    page.click("[data-sw-check]")
    page.wait_for_selector("[data-sw-withheld='ready']", timeout=90000)
    assert page.locator("[data-sw-team-file]").is_hidden()
    show_team(page, n=3)
    page.locator("[data-sw-team-file]").wait_for(state="visible")
    # the round cleared: the block goes with the result
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-sw-clear-round]")
    page.locator("[data-sw-team-file]").wait_for(state="hidden")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_missing_team_name_or_a_bad_date_gives_a_dutch_message_and_loses_nothing(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    codes = member_codes(SCAN, 3)
    open_round(page, site, "Herfst", codes)
    page.fill("[data-sw-team-file-label]", "  ")
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.click("[data-sw-team-file-save]")
    status = page.locator("[data-sw-team-file-status]")
    assert status.get_attribute("role") == "status"
    assert "Vul de naam van het team in" in status.text_content()
    assert page.get_attribute("[data-sw-team-file-label]", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "sw-team-file-label"
    assert axe_in_block(page) == []

    # the engine refuses a date that is not there: its Dutch message, and the round stays as it was
    page.fill("[data-sw-team-file-label]", "Team West")
    page.fill("[data-sw-team-file-date]", "")
    page.click("[data-sw-team-file-save]")
    expect(status).to_contain_text("datum", timeout=30000)  # the engine's message
    assert "Er is geen bestand bewaard" in status.text_content()
    assert downloads == []
    assert page.get_attribute("[data-sw-team-n]", "data-sw-team-n") == "3"
    assert page.input_value("[data-sw-codes]") == "\n".join(codes)
    assert not page.is_disabled("[data-sw-team-file-save]")


def test_a_scan_with_a_perspective_saves_it(page, site, tmp_path):
    codes = member_codes("concernsupport", 3)
    open_round(page, site, "Teams", codes, scan="concernsupport")
    page.fill("[data-sw-team-file-label]", "Inkoop")
    page.fill("[data-sw-team-file-date]", "2027-05-02")
    name, text = save_file(page)
    assert name == "teamresultaat-concernsupport-inkoop-2027-05-02.json"
    saved = json.loads(text)
    assert saved == cli_file(tmp_path, "concernsupport", codes, "--label", "Inkoop", "--round", "Teams",
                             "--date", "2027-05-02")
    assert saved["perspective"] == assessment("concernsupport").perspective.options[0].id


def test_screenshots_of_the_export_block(browser, site):
    """Pictures to look at (build/screens-team-file/): the block on a phone and on a laptop."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, size in {"phone": (390, 844), "laptop": (1366, 768)}.items():
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, service_workers="block")
        page = context.new_page()
        page.set_default_timeout(30000)
        open_round(page, site, "Voorjaar", member_codes(SCAN, 3))
        page.fill("[data-sw-team-file-label]", "")
        page.click("[data-sw-team-file-save]")
        block = page.locator("[data-sw-team-file]")
        block.scroll_into_view_if_needed()
        block.screenshot(path=str(SCREENS / f"team-file-{name}.png"))
        assert block.bounding_box()["width"] <= size[0]
        context.close()

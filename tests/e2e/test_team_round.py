"""The team round end to end: members fill in on their own devices, the facilitator pastes the codes."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import engine
from conftest import Recorder
from scanflow import assessment, fill, show_result, show_team, stored_keys
from support import ROOT

SCAN = "teamfase"


def member_answers(a, seed):
    return {q.id: (seed * 7 + i * (seed + 2)) % 5 + 1 for i, q in enumerate(a.questions)}


def member_code(browser, site, answers, fragment=""):
    """One member on their own device (a fresh browser context): fill in, read the code."""
    context = browser.new_context(service_workers="block")
    recorder = Recorder(context)
    page = context.new_page()
    page.goto(site(f"scans/{SCAN}/{fragment}"))
    fill(page, answers)
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    context.close()
    assert recorder.external() == [] and recorder.errors == []
    assert any("/pyodide/" in u for u in recorder.requests)  # the recorder saw the member's whole flow
    return code


def paste(page, site, codes, round_name=""):
    """The facilitator pastes the codes and, once they are all in, asks for the result."""
    page.goto("about:blank")  # a new load, also when only the round in the fragment differs
    page.goto(site(f"scans/{SCAN}/team/" + (f"#team={round_name}" if round_name else "")))
    page.fill("[data-sw-codes]", "\n".join(codes))
    page.click("[data-sw-check]")
    page.wait_for_selector("[data-sw-team-n], [data-sw-withheld]", timeout=90000)  # the engine starts first
    if page.locator("[data-sw-show-result]").count():
        show_team(page)


def cli_aggregate(codes):
    run = subprocess.run([sys.executable, "-m", "engine", "aggregate", f"assessments/{SCAN}.yml", "-"],
                         input="\n".join(codes), capture_output=True, text=True, cwd=ROOT)
    return json.loads(run.stdout)


def shown_team(page):
    dims = {}
    for row in page.locator("tr[data-sw-dimension]").all():
        mean = row.locator("[data-sw-mean]").get_attribute("data-sw-mean")
        stdev = row.locator("[data-sw-stdev]").get_attribute("data-sw-stdev")
        bands = row.locator("[data-sw-bands]").get_attribute("data-sw-bands")
        dims[row.get_attribute("data-sw-dimension")] = (float(mean) if mean else None, float(stdev) if stdev else None,
                                                         [int(b) for b in bands.split(",")])
    discuss = [(li.get_attribute("data-sw-discuss"),
                [int(c) for c in li.locator("[data-sw-counts]").get_attribute("data-sw-counts").split(",")])
               for li in page.locator("[data-sw-discuss]").all()]
    return {"n": int(page.locator("[data-sw-team-n]").get_attribute("data-sw-team-n")), "dimensions": dims,
            "profile": page.locator("[data-sw-profile]").get_attribute("data-sw-profile") or None, "discuss": discuss}


def expected_team(team):
    return {"n": team["n"],
            "dimensions": {d: (v["mean"], v["stdev"], [b["count"] for b in v["bands"]]) for d, v in team["dimensions"].items()},
            "profile": team["profile"]["id"] if team["profile"] else None,
            "discuss": [(d["id"], list(d["counts"].values())) for d in team["discuss"]]}


@pytest.fixture(scope="module")
def five_codes(browser, site):
    a = assessment(SCAN)
    return [member_code(browser, site, member_answers(a, seed)) for seed in range(5)]


def test_five_members_and_the_facilitator_see_what_the_cli_computes(page, site, five_codes):
    paste(page, site, five_codes)
    assert shown_team(page) == expected_team(cli_aggregate(five_codes))
    assert page.locator("[data-sw-strip]").count() == len(assessment(SCAN).dimensions)
    assert page.locator("[data-sw-strip] circle").count() == 5 * len(assessment(SCAN).dimensions)
    assert page.locator("[data-sw-team-status]").inner_text() == "5 geldige codes."


def test_two_codes_are_withheld_and_show_no_figure(page, site, five_codes):
    paste(page, site, five_codes[:2])
    assert page.locator("[data-sw-withheld]").inner_text().startswith("Nog 1 geldige code nodig.")
    assert page.locator("[data-sw-strip], tr[data-sw-dimension], [data-sw-discuss]").count() == 0


def test_a_typo_is_flagged_and_the_rest_counted(page, site, five_codes):
    typo = five_codes[0][:-1] + ("0" if five_codes[0][-1] != "0" else "1")
    paste(page, site, [typo] + five_codes[1:])
    rows = page.locator("tr[data-sw-line-status]")
    assert rows.nth(0).get_attribute("data-sw-line-status") == "typo"
    assert "Deze code klopt niet" in rows.nth(0).inner_text()
    assert shown_team(page)["n"] == 4
    assert shown_team(page) == expected_team(cli_aggregate(five_codes[1:]))


def test_the_same_code_twice_counts_once(page, site, five_codes):
    paste(page, site, five_codes[:3] + [five_codes[0].lower().replace("-", " ")])
    assert page.locator("tr[data-sw-line-status]").nth(3).get_attribute("data-sw-line-status") == "duplicate"
    assert shown_team(page)["n"] == 3
    assert "1 dubbel (telt één keer)" in page.locator("[data-sw-team-status]").inner_text()


def test_a_code_of_another_scan_is_flagged(page, site, five_codes):
    other = engine.encode(assessment("werksoort"), {})
    paste(page, site, five_codes[:3] + [other])
    row = page.locator("tr[data-sw-line-status]").nth(3)
    assert row.get_attribute("data-sw-line-status") == "other-scan"
    assert "Andere scan" in row.inner_text()
    assert shown_team(page)["n"] == 3


def test_codes_survive_a_reload_and_wis_deze_teamronde_removes_them(page, site, five_codes):
    paste(page, site, five_codes[:3])
    page.reload()
    page.wait_for_selector("[data-sw-team-n]")  # the version shown before comes back without asking
    assert page.locator("[data-sw-codes]").input_value().split() == five_codes[:3]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-sw-clear-round]")
    assert page.locator("[data-sw-codes]").input_value() == ""
    assert stored_keys(page) == []


def test_exports_and_comparing_with_an_earlier_round(page, site, five_codes, tmp_path):
    paste(page, site, five_codes[:3])
    with page.expect_download() as first:
        page.click("[data-sw-download-json]")
    earlier = tmp_path / "eerder.json"
    shutil.copyfile(first.value.path(), earlier)
    exported = json.loads(earlier.read_text(encoding="utf-8"))
    assert exported["scan"] == SCAN and exported["team"] == cli_aggregate(five_codes[:3])
    with page.expect_download() as csv_file:
        page.click("[data-sw-download-csv]")
    rows = Path(csv_file.value.path()).read_text(encoding="utf-8-sig").splitlines()
    a = assessment(SCAN)
    assert len(rows) == 1 + len(a.dimensions)  # three members: no per-question rows
    assert not any(code.replace("-", "") in json.dumps(exported).replace("-", "") for code in five_codes)

    paste(page, site, five_codes, round_name="Later")  # a later round of five
    with page.expect_download() as csv_file:
        page.click("[data-sw-download-csv]")
    rows = Path(csv_file.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert len([r for r in rows if r.startswith(("onderdeel;", "vraag;"))]) == len(a.dimensions) + len(a.questions)
    page.set_input_files("[data-sw-import-round]", str(earlier))
    page.wait_for_selector("[data-sw-compare-row]")
    now = cli_aggregate(five_codes)
    for dim in a.dimensions:
        change = page.locator(f"[data-sw-compare-row='{dim.id}'] [data-sw-mean-change]").get_attribute("data-sw-mean-change")
        expected = round(now["dimensions"][dim.id]["mean"] - exported["team"]["dimensions"][dim.id]["mean"], 1)
        assert float(change) == expected


def test_naming_the_round_after_pasting_keeps_the_codes_also_after_a_reload(page, site):
    a = assessment(SCAN)
    codes = [engine.encode(a, member_answers(a, seed)) for seed in range(3)]
    paste(page, site, codes)  # shown without a name: that version goes along with the name
    page.fill("[data-sw-team-label-input]", "Team Rood")
    page.press("[data-sw-team-label-input]", "Tab")
    page.wait_for_function("() => window.location.hash === '#team=Team+Rood'")
    assert page.locator("[data-sw-codes]").input_value().split() == codes
    page.wait_for_selector("[data-sw-team-n='3']")
    assert stored_keys(page) == [f"supportwijzer:teamronde:{SCAN}:Team Rood"]  # the unnamed draft got the name
    page.reload()
    page.wait_for_selector("[data-sw-team-n='3']")
    assert page.locator("[data-sw-team-label-input]").input_value() == "Team Rood"
    assert page.locator("[data-sw-codes]").input_value().split() == codes
    # another round name opens that round; the codes of Team Rood stay kept under their own name
    page.fill("[data-sw-team-label-input]", "Team Blauw")
    page.press("[data-sw-team-label-input]", "Enter")
    page.wait_for_function("() => window.location.hash === '#team=Team+Blauw'")
    assert page.locator("[data-sw-codes]").input_value() == ""
    assert page.url.endswith("#team=Team+Blauw")  # Enter did not submit the form
    page.fill("[data-sw-team-label-input]", "Team Rood")
    page.press("[data-sw-team-label-input]", "Tab")
    page.wait_for_selector("[data-sw-team-n='3']")
    assert page.locator("[data-sw-codes]").input_value().split() == codes


def test_pasted_codes_are_added_when_the_round_already_has_codes(page, site):
    a = assessment(SCAN)
    codes = [engine.encode(a, member_answers(a, seed)) for seed in range(4)]
    page.goto(site(f"scans/{SCAN}/team/#team=Groen"))
    page.fill("[data-sw-codes]", "\n".join(codes[:3]))
    show_team(page, 3)
    page.goto(site(f"scans/{SCAN}/team/"))
    page.fill("[data-sw-codes]", "\n".join(codes[2:]))  # a late code, and one that is already in the round
    page.fill("[data-sw-team-label-input]", "Groen")
    page.press("[data-sw-team-label-input]", "Tab")
    page.wait_for_selector("[data-sw-version-refused]")
    assert page.locator("[data-sw-codes]").input_value().split() == codes
    assert stored_keys(page) == [f"supportwijzer:teamronde:{SCAN}:Groen"]


def test_a_team_link_shows_the_round_to_members_and_on_their_result(page, site):
    page.goto(site(f"scans/{SCAN}/"))
    page.click(".sw-round summary")
    page.fill("[data-sw-round-label]", "Team Blauw")
    page.click("[data-sw-round-make]")
    link = page.locator("[data-sw-round-member]").inner_text()
    assert link.endswith("#team=Team+Blauw")
    page.goto(link)
    assert page.locator("[data-sw-team-label]").inner_text() == "Teamronde: Team Blauw"
    a = assessment(SCAN)
    fill(page, {q.id: 3 for q in a.questions})
    show_result(page)
    assert page.locator("[data-sw-result-round]").inner_text() == "Teamronde: Team Blauw"


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="needs zbarimg (zbar-tools); ./run.sh test installs it")
def test_the_qr_code_opens_the_team_page_with_the_code_filled_in(context, page, site, tmp_path):
    a = assessment(SCAN)
    page.goto(site(f"scans/{SCAN}/#team=Rood"))
    fill(page, member_answers(a, 3))
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    page.locator(".sw-qr svg").screenshot(path=str(tmp_path / "qr.png"))
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                             capture_output=True, text=True).stdout.strip()
    assert scanned == site(f"scans/{SCAN}/team/#code={code}&team=Rood")
    phone = context.new_page()
    phone.goto(scanned)
    phone.wait_for_selector("[data-sw-team-status]:has-text('Code ontvangen')")  # stored at once, no engine yet
    phone.click("[data-sw-check]")
    phone.wait_for_selector("tr[data-sw-line-status]", timeout=90000)
    assert phone.locator("[data-sw-codes]").input_value() == code
    assert phone.locator("[data-sw-team-label-input]").input_value() == "Rood"
    assert "#code=" not in phone.url  # the code leaves the address bar once it is in the list


# -- the anonymity rules in the browser (issue 13) ---------------------------------------------

def test_codes_of_only_weet_ik_niet_do_not_pad_the_group(page, site, five_codes):
    a = assessment(SCAN)
    padding = [engine.encode(a, {q.id: "unknown" for q in a.questions}) for _ in range(2)]
    paste(page, site, five_codes[:1] + padding)
    statuses = [row.get_attribute("data-sw-line-status") for row in page.locator("tr[data-sw-line-status]").all()]
    assert statuses == ["valid", "incomplete", "incomplete"]
    assert "Te weinig antwoorden" in page.locator("tr[data-sw-line-status]").nth(1).inner_text()
    assert page.locator("[data-sw-withheld]").inner_text().startswith("Nog 2 geldige codes nodig.")
    assert page.locator("[data-sw-strip], tr[data-sw-dimension], [data-sw-show-result]").count() == 0


def test_adding_or_removing_one_code_after_the_result_was_shown_changes_nothing(page, site, five_codes):
    paste(page, site, five_codes[:3], round_name="Verschil")
    shown = shown_team(page)
    with page.expect_download() as first:
        page.click("[data-sw-download-json]")
    before = json.loads(Path(first.value.path()).read_text(encoding="utf-8"))
    for codes in (five_codes[:4], five_codes[:2] + five_codes[3:4]):  # one added; one swapped for another
        page.fill("[data-sw-codes]", "\n".join(codes))
        page.click("[data-sw-check]")
        page.wait_for_selector("[data-sw-version-refused]")
        assert shown_team(page) == shown  # still the version that was shown
        assert page.locator("[data-sw-show-result]").count() == 0
        with page.expect_download() as later:
            page.click("[data-sw-download-json]")
        assert json.loads(Path(later.value.path()).read_text(encoding="utf-8"))["team"] == before["team"]
    # a reload does not forget the version that was shown
    page.reload()
    page.wait_for_selector("[data-sw-version-refused]")
    assert shown_team(page) == shown


def test_a_small_group_sees_dimensions_only(page, site, five_codes):
    paste(page, site, five_codes[:4], round_name="Klein")
    assert page.locator("[data-sw-strip]").count() == len(assessment(SCAN).dimensions)
    assert page.locator("[data-sw-discuss], [data-sw-counts]").count() == 0
    assert page.locator("[data-sw-items-withheld='5']").inner_text().startswith("Antwoorden per vraag zie je pas vanaf 5")


def test_codes_added_in_another_tab_reach_the_open_team_page(context, site, five_codes):
    """The kiosk (or a second team page) adds to the round: the open team page follows and loses nothing."""
    facilitator = context.new_page()
    facilitator.goto(site(f"scans/{SCAN}/team/#team=Twee"))
    facilitator.fill("[data-sw-codes]", "\n".join(five_codes[:2]))
    other = context.new_page()
    other.goto(site(f"scans/{SCAN}/team/#team=Twee"))
    assert other.locator("[data-sw-codes]").input_value().split() == five_codes[:2]
    other.fill("[data-sw-codes]", "\n".join(five_codes[:3]))
    facilitator.wait_for_function(
        "n => document.querySelector('[data-sw-codes]').value.trim().split(/\\s+/).length === n", arg=3)
    facilitator.wait_for_selector("[data-sw-team-status]:has-text('bijgewerkt in een ander tabblad')")
    facilitator.fill("[data-sw-codes]", "\n".join(five_codes[:4]))  # typing on: the third code stays
    other.wait_for_function(
        "n => document.querySelector('[data-sw-codes]').value.trim().split(/\\s+/).length === n", arg=4)
    assert other.locator("[data-sw-codes]").input_value().split() == five_codes[:4]

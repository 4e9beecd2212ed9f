"""The organisation page (issue 17): team result files in, the picture of many teams out, in Chromium.

Team files are made by the real engine from real result codes (``engine.encode``, then
``engine.organisation.team_file`` or the CLI's ``team-file``); the page's figures are compared
with the engine's overview in CPython and with the CLI's ``organisation``.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import engine
from engine.organisation import MESSAGES, overview, team_file
from scanflow import assessment
from support import ROOT
from test_site import AXE_SOURCE

SCAN = "teamfase"
DATE = "2027-03-14"
# per team: department, level of the answers per dimension (before each member's own shift), members
TEAMS = {
    "Team Noord": ("Zorg", {"zelfstandigheid": 2, "richting": 4, "bovenstroom": 2, "onderstroom": 3}, 5),
    "Team Zuid": ("Zorg", {"zelfstandigheid": 4, "richting": 2, "bovenstroom": 2, "onderstroom": 4}, 6),
    "Team 10": ("Wonen", {"zelfstandigheid": 3, "richting": 3, "bovenstroom": 2, "onderstroom": 2}, 5),
    "Team 2": ("Wonen", {"zelfstandigheid": 2, "richting": 2, "bovenstroom": 4, "onderstroom": 4}, 3),
    "Losse ploeg": (None, {"zelfstandigheid": 4, "richting": 4, "bovenstroom": 3, "onderstroom": 4}, 5),
}


def codes_for(scan: str, levels: dict, members: int, perspective=None) -> list[str]:
    """Real result codes: each member answers one step below, at, or above the level (turned for reversed questions)."""
    a = assessment(scan)
    codes = []
    for member in range(members):
        shift = (member % 3) - 1
        answers = {}
        for q in a.questions:
            level = min(a.scale.max, max(a.scale.min, levels.get(q.dimension, 3) + shift))
            answers[q.id] = a.scale.min + a.scale.max - level if q.reverse else level
        codes.append(engine.encode(a, answers, perspective))
    return codes


@functools.cache
def _team(scan: str, label: str, department, levels_items, members: int, date: str, round_name, perspective=None):
    data = team_file(assessment(scan), codes_for(scan, dict(levels_items), members, perspective), label, department,
                     round_name, date)
    return json.dumps(data, ensure_ascii=False, indent=2)


def team_text(label, department, levels, members, scan=SCAN, date=DATE, round_name="Voorjaar", perspective=None) -> str:
    return _team(scan, label, department, tuple(sorted(levels.items())), members, date, round_name, perspective)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_files(folder):
    return [write(folder, f"{label.lower().replace(' ', '-')}.json", team_text(label, *spec))
            for label, spec in TEAMS.items()]


def expected(scan, paths):
    """The engine's overview of these files, as the page sends them (name and text)."""
    return overview(assessment(scan), [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in paths])


def open_page(page, site, scan=SCAN):
    page.goto(site(f"scans/{scan}/organisatie/"))
    page.wait_for_selector("[data-sw-org-page][data-sw-ready]")


def import_files(page, paths, teams=None):
    page.evaluate("document.querySelector('[data-sw-org-status]').textContent = ''")
    page.set_input_files("[data-sw-org-files-input]", [str(p) for p in paths])
    page.wait_for_function("() => /Het beeld toont|niets veranderd|geen teamresultaat/.test("
                           "document.querySelector('[data-sw-org-status]').textContent)", timeout=90000)
    if teams is not None:
        assert page.locator("tr[data-sw-org-team]").count() == teams


def shown_cells(page):
    """{team key: {dimension: (mean, whole shown, band label shown, band index)}} from the heatmap."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('tr[data-sw-org-team]')].map((row) =>
        [row.dataset.swOrgTeam, Object.fromEntries([...row.querySelectorAll('td[data-sw-org-cell]')].map((td) =>
          [td.dataset.swOrgCell, [Number(td.dataset.swMean), td.querySelector('.sw-org-cell-number').textContent,
                                  td.querySelector('.sw-org-cell-band').textContent, Number(td.dataset.swBand)]]))]))""")


def shown_order(page):
    return page.evaluate("[...document.querySelectorAll('tr[data-sw-org-team]')].map((r) => r.dataset.swOrgTeam)")


def test_team_files_import_and_the_heatmap_shows_the_engines_figures(page, site, tmp_path):
    paths = good_files(tmp_path)
    # one more team made with the command line, as a facilitator without the site could
    codes = tmp_path / "codes.txt"
    codes.write_text("\n".join(codes_for(SCAN, {"zelfstandigheid": 3, "richting": 4, "bovenstroom": 4}, 4)), encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "engine", "team-file", str(ROOT / "assessments" / f"{SCAN}.yml"), str(codes),
                           "--label", "Team Oost", "--department", "Wonen", "--date", DATE],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    paths.append(write(tmp_path, "oost.json", made.stdout))
    want = expected(SCAN, paths)
    assert all(f["ok"] for f in want["files"])

    open_page(page, site)
    import_files(page, paths, teams=len(paths))
    assert page.locator("[data-sw-org-file-ok='true']").count() == len(paths)

    # every cell: the engine's mean, its whole number and its band label as text (not colour alone)
    cells = shown_cells(page)
    for team in want["teams"]:
        for dim, cell in team["cells"].items():
            assert cells[team["key"]][dim] == [cell["mean"], str(cell["whole"]), cell["band_label"], cell["band"]], (team["key"], dim)
            td = page.locator(f"tr[data-sw-org-team='{team['key']}'] td[data-sw-org-cell='{dim}']")
            assert td.get_attribute("title") == cell["band_label"]
    # the colour follows the band: one colour per band of a dimension, a different one per band
    colours = page.evaluate("""() => [...document.querySelectorAll('td[data-sw-org-cell="bovenstroom"]')].map((td) =>
        [td.dataset.swBand, getComputedStyle(td).backgroundColor])""")
    by_band = {band: {colour for b, colour in colours if b == band} for band, _ in colours}
    assert len(by_band) >= 2 and all(len(c) == 1 for c in by_band.values())
    assert len({next(iter(c)) for c in by_band.values()}) == len(by_band)
    # the same figures as the command line's overview
    cli = subprocess.run([sys.executable, "-m", "engine", "organisation", str(ROOT / "assessments" / f"{SCAN}.yml"),
                          *map(str, paths)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert {t["key"]: {d: c["mean"] for d, c in t["cells"].items()} for t in json.loads(cli.stdout)["teams"]} == \
        {key: {d: v[0] for d, v in dims.items()} for key, dims in cells.items()}

    # grouped by department (a header row per group), in department then name order: no ranking
    assert shown_order(page) == [t["key"] for t in want["teams"]]
    assert shown_order(page) == ["Wonen/Team 2", "Wonen/Team 10", "Wonen/Team Oost", "Zorg/Team Noord", "Zorg/Team Zuid",
                                 "Losse ploeg"]
    groups = page.locator("tbody[data-sw-org-department] tr.sw-org-group th").all_inner_texts()
    assert groups == ["Wonen (3 teams)", "Zorg (2 teams)", "Zonder afdeling (1 team)"]
    assert "geen ranglijst" in page.locator(".sw-org-no-rank").inner_text()
    org = page.locator("tr[data-sw-org-organisation-mean] td[data-sw-org-mean]")
    assert [float(v) for v in org.evaluate_all("(tds) => tds.map((td) => td.dataset.swOrgMean)")] == \
        [want["organisation"]["means"][d["id"]] for d in want["dimensions"]]
    assert page.locator("[data-sw-org-summary]").inner_text().startswith(
        f"{len(paths)} teams uit 2 afdelingen, samen {want['organisation']['members']} deelnemers.")

    # the spread of profiles, as counted by the engine
    counts = {row.get_attribute("data-sw-org-profile-count"): int(row.locator("[data-sw-count]").get_attribute("data-sw-count"))
              for row in page.locator("tr[data-sw-org-profile-count]").all()}
    assert counts == {(p["id"] or ""): p["count"] for p in want["profiles"]}

    # what plays broadly, with what the guide says and where to read on
    broad = page.locator(".sw-org-broad")
    assert "ligt het niet aan één team" in broad.inner_text()
    assert [li.get_attribute("data-sw-org-low") for li in page.locator("[data-sw-org-low]").all()] == \
        [item["dimension"] for item in want["broad"]["low"]]
    assert want["broad"]["low"], "the files are made so that one dimension is low in most teams"
    assert page.locator("[data-sw-org-low] .sw-org-guide a[href]").count() > 0

    # the CSV: the engine's, with a BOM for spreadsheets
    with page.expect_download() as download:
        page.click("[data-sw-org-csv]")
    assert Path(download.value.path()).read_bytes().decode("utf-8") == "\ufeff" + want["csv"]


def bad_files(folder):
    """One file for each way a file can be refused, with the engine's own message (or the page's, for size)."""
    good = json.loads(team_text("Team Noord", *TEAMS["Team Noord"]))
    files = {}

    def add(name, data):
        files[name] = write(folder, name, data if isinstance(data, str) else json.dumps(data, ensure_ascii=False))

    add("noord.json", good)
    add("zuid.json", json.loads(team_text("Team Zuid", *TEAMS["Team Zuid"])))
    add("andere-scan.json", json.loads(team_text("Team West", None, {}, 3, scan="werksoort")))
    add("oude-versie.json", {**good, "scan_version": good["scan_version"] - 1})
    broken = json.loads(json.dumps(good))
    broken["dimensions"]["richting"]["bands"] = [1, 1, 1]
    add("beschadigd.json", broken)
    add("geen-teamresultaat.json", {"scan": SCAN, "team": {"n": 5}})
    add("geen-json.json", "{ dit is geen json")
    add("nieuwer.json", {**good, "schema": 2})
    small = json.loads(json.dumps(good))
    small.update(label="Team Klein", n=2)
    add("te-klein.json", small)
    add("dubbel.json", good)
    files["te-groot.json"] = write(folder, "te-groot.json", json.dumps({"pad": "x" * (1024 * 1024)}))
    return files


def test_each_bad_file_is_refused_with_its_message_and_the_good_ones_still_load(page, site, tmp_path):
    files = bad_files(tmp_path)
    sent = [p for name, p in files.items() if name != "te-groot.json"]
    want = {v["name"]: v for v in expected(SCAN, sent)["files"]}
    reasons = {name: v.get("reason") for name, v in want.items()}
    assert reasons == {"noord.json": None, "zuid.json": None, "andere-scan.json": "other-scan",
                       "oude-versie.json": "other-version", "beschadigd.json": "malformed",
                       "geen-teamresultaat.json": "not-a-team-file", "geen-json.json": "not-a-team-file",
                       "nieuwer.json": "newer-schema", "te-klein.json": "too-small", "dubbel.json": "duplicate"}

    open_page(page, site)
    import_files(page, list(files.values()), teams=2)
    for name, verdict in want.items():
        item = page.locator(f"li[data-sw-org-file='{name}']")
        assert item.get_attribute("data-sw-org-file-ok") == ("true" if verdict["ok"] else "false"), name
        if not verdict["ok"]:
            assert item.get_attribute("data-sw-org-reason") == verdict["reason"]
            assert item.inner_text() == f"Geweigerd {name}: {verdict['message']}"
    too_big = page.locator("li[data-sw-org-file='te-groot.json']")
    assert too_big.inner_text().startswith("Geweigerd te-groot.json: Dit bestand is groter dan 1 MB.")
    assert page.locator("[data-sw-org-status]").inner_text().startswith("2 bestanden ingelezen, 9 geweigerd")
    # a team below min_group never appears, anywhere on the page
    assert MESSAGES["too-small"].format(n=2, min_group=3) in page.locator("li[data-sw-org-file='te-klein.json']").inner_text()
    assert shown_order(page) == ["Zorg/Team Noord", "Zorg/Team Zuid"]
    assert "Team Klein" not in page.locator("[data-sw-org-result]").inner_text()
    # only what was accepted is kept in this browser (written once the picture is on screen)
    page.wait_for_function(f"() => localStorage.getItem('supportwijzer:organisatie:{SCAN}') !== null")
    kept = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:organisatie:{SCAN}')"))
    assert [f["name"] for f in kept["files"]] == ["noord.json", "zuid.json"]


def test_pasted_text_loads_is_kept_over_a_reload_and_wis_alles_removes_it(page, site, tmp_path):
    texts = [json.loads(team_text(label, *TEAMS[label])) for label in ("Team Noord", "Team 10")]
    open_page(page, site)
    page.click(".sw-org-paste summary")
    page.fill("[data-sw-org-paste]", json.dumps(texts))
    page.click("[data-sw-org-paste-add]")
    page.wait_for_selector("tr[data-sw-org-team]", timeout=90000)
    assert shown_order(page) == ["Wonen/Team 10", "Zorg/Team Noord"]
    assert page.locator("li[data-sw-org-file='geplakte tekst'][data-sw-org-file-ok='true']").count() == 2
    assert page.locator("[data-sw-org-paste]").input_value() == ""
    want = overview(assessment(SCAN), [{"name": "geplakte tekst", "text": json.dumps(texts)}])
    assert {k: {d: v[0] for d, v in dims.items()} for k, dims in shown_cells(page).items()} == \
        {t["key"]: {d: c["mean"] for d, c in t["cells"].items()} for t in want["teams"]}

    # a second paste of one of them: a duplicate, and the picture stays as it was
    page.fill("[data-sw-org-paste]", json.dumps(texts[0]))
    page.click("[data-sw-org-paste-add]")
    page.wait_for_selector("li[data-sw-org-reason='duplicate']", timeout=90000)
    assert page.locator("[data-sw-org-paste]").input_value() != ""  # nothing taken: the text stays for a fix
    assert len(shown_order(page)) == 2

    page.wait_for_function(f"() => localStorage.getItem('supportwijzer:organisatie:{SCAN}') !== null")
    page.reload()
    page.wait_for_selector("tr[data-sw-org-team]", timeout=90000)
    assert shown_order(page) == ["Wonen/Team 10", "Zorg/Team Noord"]
    assert page.locator("[data-sw-org-status]").inner_text().startswith("2 teamresultaten van de vorige keer teruggezet.")

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-sw-org-clear]")
    assert page.locator("[data-sw-org-status]").inner_text() == "Alle teamresultaten zijn gewist uit deze browser."
    assert page.locator("tr[data-sw-org-team]").count() == 0
    assert page.locator("[data-sw-org-result]").is_hidden()
    assert page.evaluate(f"localStorage.getItem('supportwijzer:organisatie:{SCAN}')") is None


def test_sorting_by_any_dimension_works_from_the_keyboard(page, site, tmp_path):
    paths = good_files(tmp_path)
    want = expected(SCAN, paths)
    open_page(page, site)
    import_files(page, paths, teams=len(paths))
    dim = "bovenstroom"
    header = page.locator(f"th[data-sw-org-dimension='{dim}']")
    assert header.get_attribute("aria-sort") == "none"
    assert page.locator("th.sw-org-team-col").get_attribute("aria-sort") == "ascending"

    def by_department(direction):
        order = []
        for department in dict.fromkeys(t["department"] for t in want["teams"]):
            teams = [t for t in want["teams"] if t["department"] == department]
            order += [t["key"] for t in sorted(teams, key=lambda t: t["cells"][dim]["mean"], reverse=direction == "descending")]
        return order

    page.focus(f"[data-sw-org-sort='{dim}']")
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    assert shown_order(page) == by_department("ascending")
    assert "laag naar hoog" in page.locator("[data-sw-org-sort-status]").inner_text()
    page.keyboard.press("Space")
    assert header.get_attribute("aria-sort") == "descending"
    assert shown_order(page) == by_department("descending")
    # Tab to the team column's button is not needed: Shift+Tab goes back through the headers
    page.focus("[data-sw-org-sort='']")
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "none"
    assert shown_order(page) == [t["key"] for t in want["teams"]]
    # every dimension has its button, reachable with Tab from the one before
    page.focus("[data-sw-org-sort='']")
    reached = []
    for _ in assessment(SCAN).dimensions:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.dataset.swOrgSort"))
    assert reached == [d.id for d in assessment(SCAN).dimensions]


def kite_files(folder):
    lines = {"persoonlijk-leiderschap": 4, "samenwerking": 2, "leiderschap": 3, "concernsupport": 2, "lerende-organisatie": 4}
    out = []
    for i, (department, shift) in enumerate([("Zorg", 0), ("Zorg", 1), ("Wonen", -1), ("Wonen", 0)]):
        levels = {k: min(5, max(1, v + shift)) for k, v in lines.items()}
        out.append(write(folder, f"lijnen-{i}.json", team_text(f"Team {i + 1}", department, levels, 5, scan="supportlijnen")))
    return out


def perspective_files(folder):
    levels = {"informatie": 2, "faciliteiten": 4, "meedenken": 3, "controle": 4, "gezamenlijke-missie": 2}
    out = []
    for i, perspective in enumerate(["bedrijfsvoering", "bedrijfsvoering", "team", "team"]):
        shifted = {k: min(5, max(1, v + (1 if perspective == "team" else 0))) for k, v in levels.items()}
        out.append(write(folder, f"concern-{i}.json", team_text(f"Team {i + 1}", None, shifted, 4, scan="concernsupport",
                                                                perspective=perspective)))
    return out


def test_the_kite_for_supportlijnen_and_the_perspectives_for_concernsupport(page, site, tmp_path):
    paths = kite_files(tmp_path)
    want = expected("supportlijnen", paths)
    open_page(page, site, "supportlijnen")
    import_files(page, paths, teams=4)
    assert page.locator("figure[data-sw-org-kite]").count() == 3  # the organisation and two departments
    assert page.locator("figure[data-sw-org-kite] svg[role='img'] title").count() == 3
    for row in page.locator("tr[data-sw-org-kite-row]").all():
        dim = row.get_attribute("data-sw-org-kite-row")
        values = [float(v) for v in row.locator("td").evaluate_all("(tds) => tds.map((td) => td.dataset.swOrgMean)")]
        assert values == [want["kite"]["organisation"][dim]] + [d["means"][dim] for d in want["kite"]["departments"]]
    assert page.locator("[data-sw-org-verdict] strong").inner_text() == want["kite"]["verdict"]

    paths = perspective_files(tmp_path)
    want = expected("concernsupport", paths)
    open_page(page, site, "concernsupport")
    import_files(page, paths, teams=4)
    columns = page.locator("th[data-sw-org-perspective]").evaluate_all("(ths) => ths.map((th) => th.dataset.swOrgPerspective)")
    assert columns == [p["id"] for p in want["perspectives"] if p["teams"]] == ["bedrijfsvoering", "team"]
    for row in page.locator("tr[data-sw-org-perspective-row]").all():
        dim = row.get_attribute("data-sw-org-perspective-row")
        values = [float(v) for v in row.locator("td").evaluate_all("(tds) => tds.map((td) => td.dataset.swOrgMean)")]
        assert values == [p["means"][dim] for p in want["perspectives"] if p["teams"]]


def test_two_rounds_of_a_team_give_its_trend(page, site, tmp_path):
    spring = write(tmp_path, "voorjaar.json", team_text("Team Noord", "Zorg", TEAMS["Team Noord"][1], 5))
    autumn_levels = {**TEAMS["Team Noord"][1], "bovenstroom": 4}
    autumn = write(tmp_path, "najaar.json", team_text("Team Noord", "Zorg", autumn_levels, 6, date="2027-10-01",
                                                       round_name="Najaar"))
    other = write(tmp_path, "zuid.json", team_text("Team Zuid", *TEAMS["Team Zuid"]))
    want = expected(SCAN, [autumn, spring, other])
    open_page(page, site)
    import_files(page, [autumn, spring, other], teams=2)
    # the heatmap shows the latest round; the trend both, oldest first
    assert shown_cells(page)["Zorg/Team Noord"]["bovenstroom"][0] == want["teams"][0]["cells"]["bovenstroom"]["mean"]
    trend = page.locator("table[data-sw-org-trend='Zorg/Team Noord']")
    assert trend.locator("tr[data-sw-org-trend-date]").evaluate_all("(rows) => rows.map((r) => r.dataset.swOrgTrendDate)") == \
        [DATE, "2027-10-01"]
    means = trend.locator("tr[data-sw-org-trend-date] td[data-sw-org-mean]").evaluate_all(
        "(tds) => tds.map((td) => Number(td.dataset.swOrgMean))")
    assert means == [r["means"][d.id] for r in want["trends"][0]["rounds"] for d in assessment(SCAN).dimensions]
    assert page.locator("table[data-sw-org-trend]").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_light_and_dark(browser, site, tmp_path, scheme):
    context = browser.new_context(service_workers="block", color_scheme=scheme)
    try:
        page = context.new_page()
        for scan, paths in ((SCAN, good_files(tmp_path)), ("supportlijnen", kite_files(tmp_path)),
                            ("concernsupport", perspective_files(tmp_path))):
            open_page(page, site, scan)
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            import_files(page, [*paths, write(tmp_path, "kapot.json", "{")])
            if scan == SCAN:
                page.click(".sw-org-paste summary")
                page.click("[data-sw-org-sort='richting']")
            page.evaluate(AXE_SOURCE + "\n;undefined")
            result = page.evaluate("axe.run({include: ['.md-content']}, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            assert violations == [], (scan, scheme)
    finally:
        context.close()


def test_the_report_prints_on_a4_with_the_guide_links_as_text_and_the_action_sheet_alone(page, site, tmp_path):
    paths = good_files(tmp_path)
    open_page(page, site)
    import_files(page, paths, teams=len(paths))
    page.emulate_media(media="print")
    visible = lambda selector: page.locator(selector).first.is_visible()  # noqa: E731
    for shown in ["[data-sw-org-heatmap]", "[data-sw-org-report-meta]", ".sw-org-broad", "[data-sw-org-plan-table]",
                  ".sw-org-guide a"]:
        assert visible(shown), shown
    for hidden in [".sw-org-import", ".sw-org-intro", "[data-sw-org-csv]", ".md-header", ".md-sidebar"]:
        assert not visible(hidden), hidden
    after = page.evaluate("getComputedStyle(document.querySelector('.sw-org-guide a'), '::after').content")
    assert site("") in after  # the full address of the guide page, printed after the link
    # the action sheet: filled with the broad themes, blank rows to fill in
    themes = page.locator("tr[data-sw-org-plan-theme]").all_inner_texts()
    assert themes and themes[0].startswith(page.locator("[data-sw-org-low] strong").first.inner_text())
    assert page.locator("[data-sw-org-plan-table] tbody tr").count() >= len(themes) + 2

    pdf = tmp_path / "organisatie.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
    # "Actieblad afdrukken" prints the sheet alone
    page.evaluate("document.documentElement.classList.add('sw-org-print-plan')")
    assert visible("[data-sw-org-plan-table]") and not visible("[data-sw-org-heatmap]") and not visible("h1")
    sheet = tmp_path / "actieblad.pdf"
    page.pdf(path=str(sheet), format="A4")
    page.evaluate("document.documentElement.classList.remove('sw-org-print-plan')")
    page.emulate_media(media="screen")
    assert visible(".sw-org-import")
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo not installed: the PDFs were made but not measured")
    for path, most in ((pdf, 5), (sheet, 1)):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert "595.92 x 842.88" in info or "595 x 842" in info  # A4 in points
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 1 <= pages <= most, (path.name, pages)
    out = os.environ.get("SUPPORTWIJZER_PRINT_OUT")
    if out and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), os.path.join(out, "organisatierapport")], check=True)


def test_every_scan_with_a_team_page_has_an_organisation_page_out_of_the_nav(built_site):
    from builder.scans import has_team_page
    from engine.loader import load_assessment

    for path in sorted((ROOT / "assessments").glob("*.yml")):
        a = load_assessment(path)
        page = built_site / "scans" / a.id / "organisatie" / "index.html"
        assert page.is_file() == has_team_page(a), a.id
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            assert 'name="sw-engine-wheel"' in html and f'data-sw-org-page="{a.id}"' in html
            assert f'href="{a.id}/organisatie/"' in (built_site / "scans" / "index.html").read_text(encoding="utf-8")
    # like the team page: reached from the scan's pages, not from the navigation
    html = (built_site / "scans" / "teamfase" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-sidebar--primary"):html.index("md-sidebar--secondary")]
    assert "teamfase/" in nav and "/team/" not in nav and "/organisatie/" not in nav


def test_a_folder_and_dropped_files_load_too(page, site, tmp_path):
    folder = tmp_path / "teamresultaten"
    (folder / "zorg").mkdir(parents=True)
    write(folder / "zorg", "noord.json", team_text("Team Noord", *TEAMS["Team Noord"]))
    write(folder, "zuid.json", team_text("Team Zuid", *TEAMS["Team Zuid"]))
    write(folder, "lees-mij.txt", "Hier staan de teamresultaten.")
    open_page(page, site)
    assert page.locator("[data-sw-org-folder-button]").is_visible()  # Chromium can choose a folder
    page.set_input_files("[data-sw-org-folder-input]", str(folder))
    page.wait_for_selector("tr[data-sw-org-team]", timeout=90000)
    assert shown_order(page) == ["Zorg/Team Noord", "Zorg/Team Zuid"]
    status = page.locator("[data-sw-org-status]").inner_text()
    assert status.startswith("2 bestanden ingelezen.") and "1 bestand in de map is overgeslagen" in status

    # dropped on the drop zone (files the page makes itself: a drop from the desktop cannot be scripted)
    page.evaluate("""(text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], "tien.json", { type: "application/json" }));
        const zone = document.querySelector("[data-sw-org-drop]");
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }""", team_text("Team 10", *TEAMS["Team 10"]))
    page.wait_for_selector("li[data-sw-org-file='tien.json'][data-sw-org-file-ok='true']", timeout=90000)
    assert shown_order(page) == ["Wonen/Team 10", "Zorg/Team Noord", "Zorg/Team Zuid"]


def test_team_files_saved_on_the_team_page_give_the_same_figures_as_the_command_line(page, site, tmp_path):
    """The whole way: real rounds on the team page in Chromium, each saved as a team file, all read in here."""
    from scanflow import show_team

    saved = []
    for label in ("Team Noord", "Team 10"):
        department, levels, members = TEAMS[label]
        codes = codes_for(SCAN, levels, members)
        page.goto("about:blank")
        page.goto(site(f"scans/{SCAN}/team/#team={label.replace(' ', '+')}"))
        page.fill("[data-sw-codes]", "\n".join(codes))
        page.click("[data-sw-check]")
        show_team(page, n=members)
        page.wait_for_selector("[data-sw-team-file]:not([hidden])")
        page.fill("[data-sw-team-file-label]", label)
        page.fill("[data-sw-team-file-department]", department)
        page.fill("[data-sw-team-file-date]", DATE)
        with page.expect_download() as download:
            page.click("[data-sw-team-file-save]")
        path = tmp_path / download.value.suggested_filename
        shutil.copyfile(download.value.path(), path)
        saved.append(path)
    assert len({p.name for p in saved}) == 2

    open_page(page, site)
    import_files(page, saved, teams=2)
    cli = subprocess.run([sys.executable, "-m", "engine", "organisation", str(ROOT / "assessments" / f"{SCAN}.yml"),
                          *map(str, saved)], capture_output=True, text=True, cwd=ROOT, check=True)
    want = json.loads(cli.stdout)
    assert {t["key"]: {d: [c["mean"], str(c["whole"]), c["band_label"], c["band"]] for d, c in t["cells"].items()}
            for t in want["teams"]} == shown_cells(page)
    assert shown_order(page) == ["Wonen/Team 10", "Zorg/Team Noord"]

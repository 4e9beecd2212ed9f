"""Rounds kept on the device, trends over rounds, one file for the whole history, and the A4 report."""
import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import engine
from scanflow import assessment, show_team, stored_keys
from test_site import AXE_SOURCE

SCAN = "teamfase"
# per round, the answer level of each dimension's questions (before a member's own shift of -1, 0 or +1)
LEVELS = {
    "Ronde 1": {"zelfstandigheid": 2, "richting": 2, "bovenstroom": 4, "onderstroom": 3},
    "Ronde 2": {"zelfstandigheid": 3, "richting": 4, "bovenstroom": 2, "onderstroom": 3},
    "Ronde 3": {"zelfstandigheid": 4, "richting": 2, "bovenstroom": 4, "onderstroom": 3},
}


def round_codes(name, members=3):
    """Real result codes of a round: each member answers around the round's level for each dimension
    (one step lower, the level, one step higher), reversed questions the other way round. The same
    codes every time they are asked for (a code has a random part)."""
    return list(_round_codes(name, members))


@functools.cache
def _round_codes(name, members):
    a = assessment(SCAN)
    codes = []
    for member in range(members):
        levels = {q.id: min(5, max(1, LEVELS[name][q.dimension] + member - 1)) for q in a.questions}
        answers = {q.id: 6 - levels[q.id] if q.reverse else levels[q.id] for q in a.questions}  # meant the same way
        codes.append(engine.encode(a, answers))
    return tuple(codes)


def means(codes):
    team = engine.aggregate(assessment(SCAN), codes)
    return {d: v["mean"] for d, v in team["dimensions"].items()}


def open_round(page, site, name, codes):
    """Open a round by its address, paste its codes, wait for the page's answer."""
    page.goto("about:blank")  # from the team page, a new #team=... alone would not load the page again
    page.goto(site(f"scans/{SCAN}/team/#team={name.replace(' ', '+')}"))
    page.fill("[data-sw-codes]", "\n".join(codes))
    page.click("[data-sw-check]")
    if len(codes) >= 3:
        show_team(page, n=len(codes))  # the facilitator shows the result once all codes are in
    else:
        page.wait_for_selector("[data-sw-withheld='']", timeout=90000)


def three_rounds_and_a_withheld_one(page, site):
    for name in LEVELS:
        open_round(page, site, name, round_codes(name))
    open_round(page, site, "Te klein", round_codes("Ronde 1", members=2))


def axe_in_history(page):
    """WCAG 2.1 A and AA problems that axe-core finds inside this part of the page (the other parts have their own tests)."""
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate("axe.run(document.querySelector('[data-sw-history]'), "
                           "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def shown_rounds(page):
    return [(row.get_attribute("data-sw-round"), row.locator("[data-sw-round-n]").get_attribute("data-sw-round-n"))
            for row in page.locator("tr[data-sw-round]").all()]


def shown_trends(page):
    return {fig.get_attribute("data-sw-trend"): (
        fig.locator("[data-sw-trend-direction]").get_attribute("data-sw-trend-direction"),
        fig.locator("[data-sw-trend-direction]").inner_text())
        for fig in page.locator("figure[data-sw-trend]").all()}


def test_three_rounds_give_trends_with_arrows_and_the_withheld_round_is_left_out(page, site):
    three_rounds_and_a_withheld_one(page, site)
    # every round is on the device; the withheld one has no result and no figures in its record
    assert shown_rounds(page) == [("Ronde 1", "3"), ("Ronde 2", "3"), ("Ronde 3", "3"), ("Te klein", "")]
    small = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:teamronde:{SCAN}:Te klein')"))
    assert "result" not in small and "date" not in small
    kept = json.loads(page.evaluate(f"localStorage.getItem('supportwijzer:teamronde:{SCAN}:Ronde 3')"))
    assert set(kept["result"]) == {"date", "scan_version", "n", "min_group", "profile", "dimensions"}
    assert all(set(d) == {"n", "mean", "stdev"} for d in kept["result"]["dimensions"].values())  # no member scores
    assert kept["result"]["dimensions"] == {
        d: {"n": 3, "mean": v["mean"], "stdev": v["stdev"]}
        for d, v in engine.aggregate(assessment(SCAN), round_codes("Ronde 3"))["dimensions"].items()}

    # the open round is the withheld one, so the arrows compare the latest round with the one before
    assert page.locator("[data-sw-trend-pair]").inner_text() == "De pijlen vergelijken ‘Ronde 3’ met de ronde ervoor, ‘Ronde 2’."
    before, now = means(round_codes("Ronde 2")), means(round_codes("Ronde 3"))
    trends = shown_trends(page)
    assert set(trends) == {d.id for d in assessment(SCAN).dimensions}
    for dim, (direction, words) in trends.items():
        whole = round(abs(now[dim] - before[dim]))
        expected = "same" if whole == 0 else "up" if now[dim] > before[dim] else "down"
        assert direction == expected, dim
        assert words == {"up": f"↑ {whole} hoger dan vorige ronde", "down": f"↓ {whole} lager dan vorige ronde",
                         "same": "→ gelijk aan vorige ronde"}[direction]
    assert {"up", "down"} <= {direction for direction, _ in trends.values()}
    # three points per small multiple, an accessible name and a table with the same figures
    assert page.locator("figure[data-sw-trend] circle").count() == 3 * len(trends)
    svg_name = page.locator("figure[data-sw-trend='richting'] svg")
    assert svg_name.get_attribute("role") == "img"
    assert "Ronde 2" in page.locator("figure[data-sw-trend='richting'] desc").text_content()
    assert [r.get_attribute("data-sw-trend-round") for r in page.locator("tr[data-sw-trend-round]").all()] == \
        ["Ronde 1", "Ronde 2", "Ronde 3"]
    assert page.locator("[data-sw-trends-left-out]").inner_text().endswith(": Te klein.")
    page.click(".sw-trend-details summary")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert axe_in_history(page) == [], scheme

    # opening Ronde 2 from the list: the page loads that round, and its arrows compare it with Ronde 1
    page.click("[data-sw-open-round='Ronde 2']")
    show_team(page, n=3)
    assert page.locator("[data-sw-team-label-input]").input_value() == "Ronde 2"
    assert page.locator("[data-sw-codes]").input_value().split() == round_codes("Ronde 2")
    assert page.locator("[data-sw-trend-pair]").inner_text().endswith("‘Ronde 1’.")
    first = means(round_codes("Ronde 1"))
    for dim, (direction, _) in shown_trends(page).items():
        assert direction == ("up" if round(means(round_codes("Ronde 2"))[dim] - first[dim]) > 0 else
                             "down" if round(means(round_codes("Ronde 2"))[dim] - first[dim]) < 0 else "same")


def test_one_round_shows_no_trend_yet(page, site):
    open_round(page, site, "Ronde 1", round_codes("Ronde 1"))
    page.wait_for_selector("[data-sw-trends-none]")
    assert page.locator("figure[data-sw-trend]").count() == 0
    assert page.locator("[data-sw-history]").is_visible()


def test_export_clear_and_import_restores_the_rounds_and_the_trends(page, site, tmp_path):
    three_rounds_and_a_withheld_one(page, site)
    agreements = [{"id": "a1", "slide": "richting", "what": "Elke maandag 10 minuten doelen", "who": "Sam", "when": "2026-12-01"}]
    page.evaluate("""([key, agreements]) => {
        const record = JSON.parse(localStorage.getItem(key)); record.agreements = agreements;
        localStorage.setItem(key, JSON.stringify(record)); }""", [f"supportwijzer:teamronde:{SCAN}:Ronde 2", agreements])
    page.reload()
    page.wait_for_selector("figure[data-sw-trend]", timeout=90000)
    rounds_before, trends_before = shown_rounds(page), shown_trends(page)

    with page.expect_download() as download:
        page.click("[data-sw-history-export]")
    exported = tmp_path / "rondes.json"
    shutil.copyfile(download.value.path(), exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["scan"] == SCAN and data["codes_included"] is False
    assert [r["name"] for r in data["rounds"]] == ["Ronde 1", "Ronde 2", "Ronde 3"]  # "Te klein" has nothing to keep
    text = exported.read_text(encoding="utf-8")
    assert not any(code in text for name in LEVELS for code in round_codes(name))  # codes stay on this device
    assert data["rounds"][1]["agreements"] == agreements

    page.evaluate("localStorage.clear()")
    page.goto(site(f"scans/{SCAN}/team/"))
    page.wait_for_selector("[data-sw-rounds-none]")
    page.set_input_files("[data-sw-history-import]", str(exported))
    page.wait_for_selector("figure[data-sw-trend]", timeout=90000)
    assert page.locator("[data-sw-history-status]").inner_text() == "3 rondes toegevoegd."
    assert shown_rounds(page) == rounds_before[:3]
    assert shown_trends(page) == trends_before
    # a round from the file opens as a round without codes, and without a complaint about its record
    page.click("[data-sw-open-round='Ronde 2']")
    page.wait_for_selector("[data-sw-round='Ronde 2'] [aria-current]")
    assert page.locator("[data-sw-codes]").input_value() == ""
    assert page.locator("[data-sw-team-status]").inner_text() != "Eerder bewaarde antwoorden waren onleesbaar en zijn genegeerd."

    # the same file again doubles nothing
    page.set_input_files("[data-sw-history-import]", str(exported))
    page.wait_for_function("() => document.querySelector('[data-sw-history-status]').textContent.includes('stonden er al')")
    assert shown_rounds(page) == rounds_before[:3]
    assert sorted(stored_keys(page)) == [f"supportwijzer:teamronde:{SCAN}:{name}" for name in LEVELS]


def test_export_with_codes_only_when_ticked(page, site, tmp_path):
    open_round(page, site, "Ronde 1", round_codes("Ronde 1"))
    page.check("[data-sw-history-codes]")
    with page.expect_download() as download:
        page.click("[data-sw-history-export]")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["codes_included"] is True and data["rounds"][0]["codes"].split() == round_codes("Ronde 1")


BAD_FILES = {
    "not-json.json": ("{ dit is geen json", "Dit bestand kon niet gelezen worden als JSON."),
    "round-export.json": (json.dumps({"scan": SCAN, "team": {"n": 3}}), "Dit is de uitslag van één ronde"),
    "other-scan.json": (json.dumps({"format": "supportwijzer-teamrondes", "format_version": 1, "scan": "werksoort", "rounds": []}),
                        "Dit bestand hoort bij een andere scan (werksoort)."),
    "newer.json": (json.dumps({"format": "supportwijzer-teamrondes", "format_version": 9, "scan": SCAN, "rounds": []}),
                   "Dit bestand is gemaakt met een nieuwere versie"),
    "bad-round.json": (json.dumps({"format": "supportwijzer-teamrondes", "format_version": 1, "scan": SCAN, "rounds": [
        {"name": "Goed", "date": "2026-01-05", "result": None, "agreements": [{"id": "x", "what": "iets"}]},
        {"name": "Fout", "date": "2026-02-30", "result": None},
        {"name": "Raar", "date": "2026-03-01", "result": {"date": "2026-03-01", "n": 3, "min_group": 3, "profile": None,
                                                          "dimensions": {"richting": {"n": 3, "mean": 140, "stdev": 0}}}},
    ]}), "Dit bestand is niet ingelezen, want er klopt iets niet. Ronde 2 (‘Fout’): de datum ontbreekt of is geen datum als "
         "2026-03-31. Ronde 3 (‘Raar’): de cijfers van de uitslag zijn onvolledig of onmogelijk. Er is niets veranderd."),
    "deep.json": ('{"format": "supportwijzer-teamrondes", "format_version": 1, "scan": "teamfase", "rounds": ['
                  + "[" * 3000 + "]" * 3000 + "]}", "Dit is geen bestand met rondes van Supportwijzer."),
}


def test_a_bad_or_huge_file_gives_a_message_and_changes_nothing(page, site, tmp_path):
    open_round(page, site, "Ronde 1", round_codes("Ronde 1"))
    open_round(page, site, "Ronde 2", round_codes("Ronde 2"))
    page.wait_for_selector("figure[data-sw-trend]", timeout=90000)
    storage_before = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"format": "supportwijzer-teamrondes", "pad": "x" * (1024 * 1024)}), encoding="utf-8")
    files = {**{name: content for name, content in BAD_FILES.items()}, "huge.json": (None, "Dit bestand is groter dan 1 MB.")}
    for name, (content, message) in files.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content, encoding="utf-8")
        page.evaluate("document.querySelector('[data-sw-history-status]').textContent = ''")
        page.set_input_files("[data-sw-history-import]", str(path))
        page.wait_for_function("() => document.querySelector('[data-sw-history-status]').textContent !== ''")
        shown = page.locator("[data-sw-history-status]").inner_text()
        assert shown.startswith(message) or message in shown, (name, shown)
        assert shown.endswith("Er is niets veranderd."), (name, shown)
        assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == storage_before, name
    assert [r for r, _ in shown_rounds(page)] == ["Ronde 1", "Ronde 2"]
    assert page.locator("figure[data-sw-trend]").count() == len(assessment(SCAN).dimensions)


def test_the_print_view_is_the_team_report(page, site, tmp_path):
    three_rounds_and_a_withheld_one(page, site)
    agreements = [{"id": "a1", "slide": "richting", "what": "Elke maandag tien minuten over de doelen", "who": "Sam",
                   "when": "2026-12-01"},
                  {"id": "a2", "slide": "algemeen", "what": "Over drie maanden de scan opnieuw", "who": "Teamleider", "when": "maart"}]
    page.evaluate("""([key, agreements]) => {
        const record = JSON.parse(localStorage.getItem(key)); record.agreements = agreements;
        localStorage.setItem(key, JSON.stringify(record)); }""", [f"supportwijzer:teamronde:{SCAN}:Ronde 3", agreements])
    page.goto("about:blank")
    page.goto(site(f"scans/{SCAN}/team/#team=Ronde+3"))
    show_team(page, n=3)
    page.emulate_media(media="print")
    visible = lambda selector: page.locator(selector).first.is_visible()  # noqa: E731
    # the report: round, date, members, the figures, the questions to discuss, the agreements, the trends
    assert page.locator(".sw-report-title").inner_text() == "Teamronde: Ronde 3"
    assert page.locator("[data-sw-report-n]").inner_text() == "3"
    assert visible("[data-sw-report-date]") and visible("[data-sw-strip]") and visible("tr[data-sw-dimension]")
    assert visible("#sw-team-result-title") and page.get_by_text("Om te bespreken", exact=True).is_visible()
    assert page.locator("tr[data-sw-report-agreement]").count() == 2
    assert visible("tr[data-sw-report-agreement='a1']")
    assert "Richting" in page.locator("tr[data-sw-report-agreement='a1']").inner_text()
    assert visible("figure[data-sw-trend]")
    # not on paper: the forms, the code list, the buttons, the list of rounds and the site's chrome
    for hidden in ["[data-sw-team-form]", "[data-sw-codes]", "[data-sw-lines]", "[data-sw-check]", "[data-sw-download-csv]",
                   "[data-sw-history-export]", "tr[data-sw-round]", "[data-sw-camera]", ".md-header", ".md-sidebar",
                   "[data-sw-compare]"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    page.emulate_media(media="screen")
    assert not visible("[data-sw-report-head]") and not visible("[data-sw-report-agreements]")
    assert visible("[data-sw-codes]")

    # a real A4 PDF: rendered as pictures when pdftoppm is here, so a person can look at it
    pdf = tmp_path / "teamrapport.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10000
    if shutil.which("pdftoppm"):
        out = os.environ.get("SUPPORTWIJZER_PRINT_OUT")
        if out:
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), os.path.join(out, "teamrapport")], check=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "595.92 x 842.88" in info or "595 x 842" in info  # A4 in points
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages <= 4, pages
    else:
        pytest.skip("pdftoppm not installed: the PDF was made but not looked at")

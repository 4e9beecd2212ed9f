"""No page scrolls sideways on a 390 px phone (issue 15, "Measured"): every built page, and the result and team views."""
from __future__ import annotations

import pytest

import engine
from scanflow import assessment, fill, show_result, show_team

PHONE = {"width": 390, "height": 844}

# Wide content may scroll inside its own box (a table in a scroll container); the page itself may not.
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def built_pages(site_dir):
    """Every page of the built site, as a path the server answers (folder/index.html -> folder/)."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        relative = index.parent.relative_to(site_dir).as_posix()
        if relative.startswith(("assets", "pyodide", "search")):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.fixture
def phone(context):
    page = context.new_page()
    page.set_viewport_size(PHONE)
    return page


def test_no_built_page_scrolls_sideways_on_a_phone(site, phone):
    pages = built_pages(site.dir)
    assert len(pages) > 40  # the guide, the scans, their team, paper and organisation pages
    wide = {}
    for path in pages:
        phone.goto(site(path), wait_until="load")
        extra = phone.evaluate(SIDEWAYS)
        if extra > 0:
            wide[path] = extra
    assert wide == {}, f"pages wider than {PHONE['width']} px (extra px): {wide}"


def test_a_result_and_a_team_result_fit_a_phone(site, phone):
    scan = assessment("teamfase")
    phone.goto(site("scans/teamfase/"))
    fill(phone, {q.id: 4 for q in scan.questions})
    show_result(phone)
    assert phone.evaluate(SIDEWAYS) <= 0
    codes = [engine.encode(scan, {q.id: value for q in scan.questions}) for value in (2, 3, 4, 4, 5)]
    phone.goto(site("scans/teamfase/team/"))
    phone.fill("#sw-codes", "\n".join(codes))
    phone.click("[data-sw-check]")
    show_team(phone, 5)
    assert phone.evaluate(SIDEWAYS) <= 0


def test_the_organisation_overview_fits_a_phone(site, phone, tmp_path):
    import json

    from engine.organisation import team_file
    scan = assessment("teamfase")
    files = []
    for i, (department, label) in enumerate([("Zorg", "Team Noord"), ("Zorg", "Team Noord"), ("Zorg", "Wijkteam 3"),
                                             ("Bedrijfsvoering", "Financiën"), (None, "Klantcontact")]):
        codes = [engine.encode(scan, {q.id: value for q in scan.questions}) for value in (2, 3, 4, 5)[i % 2:]]
        path = tmp_path / f"team{i}.json"
        path.write_text(json.dumps(team_file(scan, codes, label, department, date=f"2026-0{i + 1}-01")))
        files.append(str(path))
    phone.goto(site("scans/teamfase/organisatie/"))
    phone.set_input_files("[data-sw-org-files-input]", files)
    phone.wait_for_selector("[data-sw-org-result]:not([hidden])", timeout=90000)
    assert phone.locator("[data-sw-org-trend]").count() == 1  # the trend table is drawn too
    assert phone.evaluate(SIDEWAYS) <= 0

"""The team result explains itself (issue 15): band zones on each strip, spread in words, a table that
scrolls in its own box, answer bars with "weet ik niet", the round and date in print, a dated
comparison, and codes pasted from a chat."""
from __future__ import annotations

import json

import engine
from scanflow import assessment, show_team

SCAN = "teamfase"


def codes_for(values):
    scan = assessment(SCAN)
    return [engine.encode(scan, {q.id: value for q in scan.questions}) for value in values]


def open_round(page, site, text, round_name="Blauw"):
    page.goto(site(f"scans/{SCAN}/team/#team={round_name}"))
    page.fill("[data-sw-codes]", text)
    page.click("[data-sw-check]")
    show_team(page)


def test_each_strip_shows_the_band_zones_and_the_spread_in_words(context, site):
    page = context.new_page()
    open_round(page, site, "\n".join(codes_for((2, 3, 4, 4, 5))))
    scan = assessment(SCAN)
    for dimension in scan.dimensions:
        strip = page.locator(f"[data-sw-strip='{dimension.id}']")
        zones = strip.locator("[data-sw-zone]").evaluate_all("(rects) => rects.map((r) => Number(r.dataset.swZone))")
        assert zones == [band.upto for band in dimension.bands]
        ends = strip.locator(".sw-strip-ends span").all_inner_texts()
        assert ends == [f"← {dimension.bands[0].label}", f"{dimension.bands[-1].label} →"]
        assert strip.locator("[data-sw-spread-words]").inner_text().startswith(" · jullie zien dit ")
        assert "van 100" in strip.locator("figcaption").inner_text()
    box = page.locator(".sw-scroll-box")
    assert box.get_attribute("role") == "region" and box.get_attribute("tabindex") == "0"
    assert box.locator("table.sw-team-table").count() == 1
    spread = page.locator("tr[data-sw-dimension] [data-sw-stdev]").first.inner_text()
    assert spread.startswith("jullie zien dit ")


def test_the_printout_names_the_round_and_the_date(context, site):
    page = context.new_page()
    open_round(page, site, "\n".join(codes_for((2, 3, 4))), round_name="Voorjaar")
    head = page.locator("[data-sw-print-head]")
    assert not head.is_visible()
    page.emulate_media(media="print")
    assert head.is_visible()
    assert head.inner_text().startswith("Teamronde ‘Voorjaar’ · ")


def test_a_comparison_names_the_date_of_the_earlier_round(context, site, tmp_path):
    page = context.new_page()
    open_round(page, site, "\n".join(codes_for((2, 3, 4))))
    earlier = {"scan": SCAN, "version": assessment(SCAN).version, "round": "Najaar", "date": "2026-10-05",
               "team": engine.aggregate(assessment(SCAN), codes_for((1, 2, 2)))}
    (tmp_path / "najaar.json").write_text(json.dumps(earlier))
    page.set_input_files("[data-sw-import-round]", str(tmp_path / "najaar.json"))
    page.wait_for_selector("[data-sw-compare-row]")
    headers = page.locator(".sw-compare th[scope='col']").all_inner_texts()
    assert "Gemiddelde op 05-10-2026" in headers and "Spreiding op 05-10-2026" in headers


def test_codes_pasted_from_a_chat_lose_the_names_and_the_chatter(context, site):
    page = context.new_page()
    first, second, third = codes_for((2, 3, 4))
    chat = f"[09:58] Anna: goedemorgen allemaal\n[10:01] Jan: {first}\nEls: hier is de mijne {second}\nKim: {third}"
    open_round(page, site, chat)
    page.wait_for_selector("[data-sw-team-n='3']")
    statuses = page.locator("[data-sw-lines-body] tbody tr").count()
    assert statuses == 3

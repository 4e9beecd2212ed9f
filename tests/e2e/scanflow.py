"""What the scan tests do again and again: fill a scan, ask for the result, read it back."""
from __future__ import annotations

import json

from engine.loader import load_assessment
from support import ROOT


def assessment(scan_id: str):
    return load_assessment(ROOT / "assessments" / f"{scan_id}.yml")


def fill(page, answers: dict) -> None:
    """Answer by clicking the labels, as a person would."""
    for question, value in answers.items():
        page.locator(f'input[name="{question}"][value="{value}"]').check()


def clear_answers(page) -> None:
    """"Wis mijn antwoorden", then "Ja, wis alles": wiping asks first."""
    page.click("[data-sw-clear]")
    page.click("[data-sw-clear-yes]")


def show_result(page) -> None:
    """Ask for the result and wait for the engine's (a slow engine shows the code first: not that one)."""
    page.click("[data-sw-submit]")
    page.wait_for_selector("[data-result-code]", timeout=60000)
    page.wait_for_selector("[data-sw-fallback='slow']", state="detached", timeout=60000)


def shown_result(page) -> dict:
    """The numbers on screen: {dimension: (score or None, band label or None)}, and the profile id."""
    rows = {}
    for row in page.locator("tr[data-sw-dimension]").all():
        score = row.locator("[data-sw-score]").get_attribute("data-sw-score")
        band = row.locator("[data-sw-band]").get_attribute("data-sw-band")
        rows[row.get_attribute("data-sw-dimension")] = (float(score) if score else None, band or None)
    profile = page.locator("[data-sw-profile]").get_attribute("data-sw-profile") or None
    return {"dimensions": rows, "profile": profile}


def expected_result(result: dict) -> dict:
    return {"dimensions": {d: (v["score"], v["band"]["label"] if v["band"] else None)
                           for d, v in result["dimensions"].items()},
            "profile": result["profile"]["id"] if result["profile"] else None}


def stored_keys(page) -> list[str]:
    """The keys Supportwijzer keeps in localStorage (the theme keeps its own palette choice)."""
    keys = json.loads(page.evaluate("JSON.stringify(Object.keys(localStorage))"))
    return [k for k in keys if k.startswith("supportwijzer:")]


def show_team(page, n: int | None = None, timeout: float = 90000) -> None:
    """On the team page after a check: ask for the result ("Toon de uitslag") when it waits for that.

    The facilitator decides when all codes are in; from then on the round keeps that version
    (engine/team.py round_version). With ``n``, waits until the result of ``n`` members shows.
    """
    page.wait_for_selector("[data-sw-team-n], [data-sw-withheld]", timeout=timeout)
    button = page.locator("[data-sw-show-result]")
    if button.count():
        button.first.click()
    page.wait_for_selector("[data-sw-team-n]" if n is None else f"[data-sw-team-n='{n}']", timeout=timeout)

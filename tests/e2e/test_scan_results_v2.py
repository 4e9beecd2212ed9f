"""What the result page says since scans v2 (issue 12), in Chromium against the built site.

Whole numbers on screen, "Uitslag onzeker" for the engine's answer-quality flags, "between two
profiles", the perspective before the questions, "niet van toepassing", and the open questions
at the end that never leave the device. The answers that trigger each case are found with the
engine itself (a seeded search), so the tests follow the scans when their wording or tuning changes.
"""
from __future__ import annotations

import json
import math
import re
import random

import pytest

import engine
from scanflow import assessment, clear_answers, expected_result, fill, show_result, show_team, shown_result, stored_keys
from test_site import AXE_SOURCE, ALL_IMPACTS, axe_violations

# Every message the page posts to the engine's worker, as JSON text (the page's side of the protocol).
RECORD_WORKER_MESSAGES = """
window.__toWorker = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  window.__toWorker.push(JSON.stringify(message));
  return post.call(this, message, ...rest);
};
"""

FLAG_SENTENCES = {
    "straightlining": "Je gaf bijna overal hetzelfde antwoord, dus de uitslag zegt misschien weinig over jouw situatie.",
    "inconsistent": "Je antwoorden op vragen over hetzelfde onderwerp lopen sterk uiteen, "
                    "bijvoorbeeld als je het eens bent met een stelling én met het omgekeerde ervan.",
    "many-unknown": "Je koos vaak ‘Weet ik niet’ of liet vragen open, dus de uitslag steunt op weinig antwoorden.",
}


def search(a, wanted, unknown=0.0, seed=12, tries=50_000):
    """The first seeded random answers whose engine result satisfies ``wanted``."""
    rng = random.Random(seed)
    for _ in range(tries):
        answers = {q.id: "unknown" if rng.random() < unknown else rng.randint(a.scale.min, a.scale.max)
                   for q in a.questions}
        result = engine.score(a, answers)
        if wanted(result):
            return answers, result
    raise AssertionError("no answers found for this case")


def dutch(value: float) -> str:
    """A one-decimal figure as the page writes it: 46,2; 20.0 as 20."""
    return f"{value:g}".replace(".", ",")


def whole(score):
    """A score as the page shows it: JavaScript's Math.round (half up), not Python's round (half to even)."""
    return str(math.floor(score + 0.5))


def template_text(page, template_id, selector):
    """The text of ``selector`` in a <template> the build made, as cloned into the page (textContent)."""
    return page.evaluate("([id, sel]) => document.getElementById(id).content.querySelector(sel).textContent",
                         [template_id, selector])


def advice_shown(page, dim):
    return page.locator(f"#sw-dim-{dim}").locator("xpath=..").locator(".sw-advice").text_content()


def axe_content_violations(page):
    """axe-core (WCAG 2.1 A/AA) on the page's content only: what this file adds, also on a phone.

    The theme's navigation drawer is left to tests/e2e/test_site.py."""
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate("axe.run({include: ['.md-content']}, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ALL_IMPACTS]


def result_request(page):
    return [json.loads(m) for m in page.evaluate("window.__toWorker") if '"result:request"' in m][-1]


# -- 1. whole numbers ------------------------------------------------------------------------

def test_scores_are_whole_numbers_on_screen_and_keep_their_decimals_in_the_data(page, site):
    a = assessment("teamfase")
    # one "weet ik niet" in each dimension: four answers of five give scores like 56.3
    first_per_dimension = {}
    for q in a.questions:
        first_per_dimension.setdefault(q.dimension, q.id)
    answers = {q.id: "unknown" if q.id in first_per_dimension.values() else 2 + i % 3
               for i, q in enumerate(a.questions)}
    expected = engine.score(a, answers)
    decimals = {d: v["score"] for d, v in expected["dimensions"].items() if v["score"] != int(v["score"])}
    assert decimals, "the case needs a score with decimals"
    page.goto(site("scans/teamfase/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(expected)  # data-sw-score: the engine's decimals
    for dim, score in decimals.items():
        row = page.locator(f'tr[data-sw-dimension="{dim}"]')
        assert row.locator("[data-sw-score]").inner_text() == whole(score)
        assert f"· {whole(score)} van 100" in page.locator(f"#sw-dim-{dim}").locator("xpath=..").inner_text()
    labels = page.locator(".sw-chart-label").all_text_contents()
    titles = {d.id: d.title for d in a.dimensions}
    assert labels == [f"{titles[d]}: {whole(v['score'])}" for d, v in expected["dimensions"].items()]


# -- 2. answer-quality flags -----------------------------------------------------------------

@pytest.mark.parametrize("flag", ["straightlining", "inconsistent", "many-unknown"])
def test_a_flag_shows_uitslag_onzeker_and_the_profile_as_mogelijk(page, site, flag):
    a = assessment("teamfase")
    if flag == "straightlining":
        answers = {q.id: 3 for q in a.questions}
        expected = engine.score(a, answers)
        assert expected["flags"] == ["straightlining"]
    else:
        answers, expected = search(a, lambda r: r["flags"] == [flag] and r["profile"],
                                   unknown=0.3 if flag == "many-unknown" else 0.0)
    page.goto(site("scans/teamfase/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(expected)
    box = page.locator("[data-sw-flags]")
    assert box.locator(".admonition-title").inner_text() == "Uitslag onzeker"
    assert box.get_attribute("data-sw-flags") == flag
    assert box.locator("[data-sw-flag]").all_inner_texts() == [FLAG_SENTENCES[flag]]
    # next to the scores: between the heading "Per onderdeel" and the chart
    order = page.evaluate("""() => [...document.querySelectorAll('[data-sw-result-body] > *')]
                              .map((e) => e.matches('[data-sw-flags]') ? 'flags' : e.matches('.sw-chart') ? 'chart'
                                   : e.matches('.sw-profile') ? 'profile' : e.matches('.sw-code') ? 'code'
                                   : e.matches('.sw-hero') ? 'hero' : e.matches('.sw-print-date') ? 'date'
                                   : e.tagName === 'H3' ? e.textContent : '')""")
    # a team scan: the code first, then the result at a glance (test_scan_glance.py), then the details
    assert order[:7] == ["date", "code", "hero", "profile", "Per onderdeel", "flags", "chart"]
    profile = page.locator(".sw-profile")
    title = expected["profile"]["title"]
    runner_up = expected["runner_up"]["title"]
    headline = f"Mogelijk: {title} of {runner_up}" if expected["borderline"] else f"Mogelijk: {title}"
    assert profile.locator(".sw-profile-title").inner_text() == headline
    assert profile.locator(".sw-profile-uncertain").inner_text() == FLAG_SENTENCES[flag]


def test_incomplete_answers_show_no_profile_and_name_the_parts_with_too_few_answers(page, site):
    a = assessment("teamfase")
    answered = {"zelfstandigheid", "richting"}
    answers = {q.id: 2 + i % 3 for i, q in enumerate(a.questions) if q.dimension in answered}
    expected = engine.score(a, answers)
    # half the questions open: "many-unknown" as well (an open question counts as "weet ik niet")
    assert expected["flags"] == ["incomplete", "many-unknown"] and expected["profile"] is None
    page.goto(site("scans/teamfase/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(expected)
    assert page.locator(".sw-profile-title").count() == 0
    assert page.locator(".sw-profile").inner_text().endswith("Er is nog te weinig ingevuld om een profiel te kiezen.")
    assert page.locator("[data-sw-flag]").all_inner_texts() == [
        "Bij de onderdelen Bovenstroom en Onderstroom zijn te weinig vragen beantwoord, dus je krijgt nog geen profiel.",
        FLAG_SENTENCES["many-unknown"]]


# -- 3. between two profiles -----------------------------------------------------------------

def test_borderline_says_between_which_two_and_offers_the_runner_ups_text(page, site):
    a = assessment("werksoort")
    answers, expected = search(a, lambda r: r["borderline"] and not r["flags"])
    first, second = expected["profile"], expected["runner_up"]
    page.goto(site("scans/werksoort/"))
    fill(page, answers)
    show_result(page)
    assert shown_result(page) == expected_result(expected)
    profile = page.locator(".sw-profile")
    assert profile.get_attribute("data-sw-runner-up") == second["id"]
    assert profile.locator(".sw-profile-title").inner_text() == f"Je zit tussen {first['title']} en {second['title']}"
    assert page.locator("[data-sw-flags]").count() == 0
    assert profile.locator(".sw-profile-name").inner_text() == first["title"]
    assert profile.locator(":scope > .sw-profile-text").inner_text().strip() != ""
    more = profile.locator("details.sw-runner-up")
    assert more.locator("summary").inner_text() == f"Lees ook over {second['title']}"
    assert not more.locator(".sw-profile-text").is_visible()
    more.locator("summary").click()
    assert more.locator(".sw-profile-text").text_content() == \
        template_text(page, f"sw-profile-{second['id']}", ".sw-profile-text")
    page.set_viewport_size({"width": 390, "height": 844})
    assert axe_content_violations(page) == []


# -- 4. perspective ------------------------------------------------------------------------

def test_perspective_is_asked_first_saved_sent_and_picks_the_advice(context, page, site):
    context.add_init_script(RECORD_WORKER_MESSAGES)
    a = assessment("concernsupport")
    page.goto(site("scans/concernsupport/"))
    group = page.locator("fieldset#sw-perspective")
    assert group.locator("legend").inner_text() == a.perspective.text
    assert group.locator("label").all_inner_texts() == [o.label for o in a.perspective.options]
    assert page.evaluate("""() => Boolean(document.querySelector('#sw-perspective')
        .compareDocumentPosition(document.querySelector('fieldset[data-sw-question]')) & 4)""")
    # the keyboard: Space picks the first option, an arrow key the next one
    group.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert group.locator('input[value="team"]').is_checked()
    assert page.locator(".sw-progress-text").inner_text() == f"0 van {len(a.questions)} beantwoord"
    answers = {q.id: 2 + i % 3 for i, q in enumerate(a.questions)}
    fill(page, answers)
    page.reload()
    assert page.locator('#sw-perspective input[value="team"]').is_checked()
    saved = json.loads(page.evaluate("localStorage.getItem('supportwijzer:antwoorden:concernsupport:v%d')" % a.version))
    assert saved["perspective"] == "team"
    show_result(page)
    assert result_request(page)["perspective"] == "team"
    expected = engine.score(a, answers, perspective="team")
    assert shown_result(page) == expected_result(expected)
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code) == {"answers": answers, "perspective": "team"}
    # the advice and the profile text written for this perspective, pre-rendered by the build
    shown_teamwise = 0
    for dim, d in expected["dimensions"].items():
        band = {x.id: x for x in a.dimensions}[dim].bands[d["band"]["index"]]
        if "team" in band.advice_by_perspective:
            template = f"sw-band-{dim}-{d['band']['index']}"
            assert advice_shown(page, dim) == template_text(page, f"{template}_team", ".sw-advice")
            assert advice_shown(page, dim) != template_text(page, template, ".sw-advice")
            shown_teamwise += 1
    assert shown_teamwise
    assert page.locator(".sw-profile > .sw-profile-text").text_content() == \
        template_text(page, f"sw-profile-{expected['profile']['id']}_team", ".sw-profile-text")


def test_without_a_perspective_the_general_texts_are_shown(context, page, site):
    context.add_init_script(RECORD_WORKER_MESSAGES)
    a = assessment("concernsupport")
    answers = {q.id: 2 + i % 3 for i, q in enumerate(a.questions)}
    page.goto(site("scans/concernsupport/"))
    fill(page, answers)
    show_result(page)
    assert result_request(page)["perspective"] is None
    expected = engine.score(a, answers)
    assert shown_result(page) == expected_result(expected)
    for dim, d in expected["dimensions"].items():
        assert advice_shown(page, dim) == template_text(page, f"sw-band-{dim}-{d['band']['index']}", ".sw-advice")
    assert page.locator(".sw-profile > .sw-profile-text").text_content() == \
        template_text(page, f"sw-profile-{expected['profile']['id']}", ".sw-profile-text")
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code)["perspective"] is None


def test_without_the_engine_the_fallback_code_still_carries_the_perspective(context, page, site):
    context.route(re.compile(r".*/pyodide/pyodide\.mjs$"), lambda route: route.abort())
    a = assessment("concernsupport")
    page.goto(site("scans/concernsupport/"))
    page.locator('#sw-perspective input[value="bedrijfsvoering"]').check()
    answers = {q.id: 4 for q in a.questions[:3]}
    fill(page, answers)
    page.click("[data-sw-submit]")
    page.wait_for_selector("[data-sw-fallback]", timeout=60000)
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    decoded = engine.decode(a, code)
    assert decoded["perspective"] == "bedrijfsvoering"
    assert {q: v for q, v in decoded["answers"].items() if v is not None} == answers


# -- 5. niet van toepassing ---------------------------------------------------------------

def test_niet_van_toepassing_is_an_answer_that_counts_for_progress_and_reaches_the_engine(page, site):
    a = assessment("persoonlijk-leiderschap")
    [question] = [q for q in a.questions if q.not_applicable]
    page.goto(site("scans/persoonlijk-leiderschap/"))
    option = page.locator(f'input[name="{question.id}"][value="n/a"]')
    assert option.locator("xpath=..").inner_text() == question.not_applicable
    others = [q for q in a.questions if not q.not_applicable]
    assert page.locator(f'input[name="{others[0].id}"][value="n/a"]').count() == 0
    answers = {q.id: 2 + i % 3 for i, q in enumerate(a.questions)}
    answers[question.id] = "n/a"
    fill(page, answers)
    assert page.locator(".sw-progress-text").inner_text() == f"{len(a.questions)} van {len(a.questions)} beantwoord"
    show_result(page)
    assert shown_result(page) == expected_result(engine.score(a, answers))
    assert page.locator(".sw-open").count() == 0
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code)["answers"] == answers
    page.reload()
    assert option.is_checked()


# -- 6. open questions at the end ---------------------------------------------------------

def test_open_questions_stay_on_the_device_are_printed_and_are_cleared(context, page, site):
    context.add_init_script(RECORD_WORKER_MESSAGES)
    a = assessment("teamfase")
    key = f"supportwijzer:reflectie:teamfase:v{a.version}"
    page.goto(site("scans/teamfase/"))
    fields = page.locator("textarea[data-sw-reflection-prompt]")
    assert [f.get_attribute("data-sw-reflection-prompt") for f in fields.all()] == [r.id for r in a.reflection]
    # at the end of the form, after the last question, with a note on where the text stays
    assert page.evaluate("""() => Boolean([...document.querySelectorAll('fieldset[data-sw-question]')].pop()
        .compareDocumentPosition(document.querySelector('[data-sw-reflection]')) & 4)""")
    assert "blijft op dit apparaat" in page.locator("#sw-reflection-note").inner_text()
    assert "niet in je resultaatcode" in page.locator("#sw-reflection-note").inner_text()
    secret = "Onze koffiepauzes\nen het overleg op maandag"
    fields.first.fill(secret)
    answers = {q.id: 2 + i % 3 for i, q in enumerate(a.questions)}
    fill(page, answers)
    assert json.loads(page.evaluate(f"localStorage.getItem('{key}')")) == {"texts": {a.reflection[0].id: secret}}
    page.reload()
    assert fields.first.input_value() == secret
    show_result(page)
    page.wait_for_selector(".sw-qr svg")
    sent = page.evaluate("window.__toWorker")
    assert sent and not any("koffiepauzes" in m for m in sent)
    assert result_request(page)["answers"] == answers
    code = page.locator("[data-result-code]").get_attribute("data-result-code")
    assert engine.decode(a, code) == {"answers": answers, "perspective": None}
    printed = page.locator("[data-sw-reflection-print]")
    assert not printed.is_visible()
    page.emulate_media(media="print")
    assert page.locator("#sw-form").is_hidden()
    assert printed.is_visible()
    assert printed.locator(".sw-reflection-prompt").all_inner_texts() == [a.reflection[0].text]
    assert printed.locator(".sw-reflection-text").inner_text() == secret
    # typed after the result: on paper too
    page.emulate_media(media="screen")
    fields.nth(1).fill("Minder vergaderen")
    page.emulate_media(media="print")
    assert printed.locator(".sw-reflection-text").all_inner_texts() == [secret, "Minder vergaderen"]
    page.emulate_media(media="screen")
    clear_answers(page)
    assert fields.first.input_value() == ""
    assert stored_keys(page) == []
    page.reload()
    assert fields.first.input_value() == ""


def test_wis_alles_removes_the_open_questions_too(page, site):
    page.goto(site("scans/werksoort/"))
    page.locator("textarea[data-sw-reflection-prompt]").first.fill("Trots op ons team")
    assert any(k.startswith("supportwijzer:reflectie:werksoort:") for k in stored_keys(page))
    page.goto(site("privacy/"))
    page.click("[data-sw-clear-all]")
    page.wait_for_selector("[data-sw-clear-all-status] >> text=Alles is gewist")
    assert stored_keys(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_result_with_flags_perspective_and_open_questions_passes_axe(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    a = assessment("concernsupport")
    page.goto(site("scans/concernsupport/"))
    page.locator('#sw-perspective input[value="bedrijfsvoering"]').check()
    fill(page, {q.id: 4 for q in a.questions})
    page.locator("textarea[data-sw-reflection-prompt]").first.fill("Samen de begroting maken")
    show_result(page)
    page.wait_for_selector("[data-sw-flags]")
    assert axe_violations(page, ALL_IMPACTS) == []


# -- 7. the team page ----------------------------------------------------------------------

def test_team_page_shows_between_two_profiles_and_whole_numbers(page, site):
    a = assessment("werksoort")
    answers, _ = search(a, lambda r: r["borderline"] and not r["flags"])
    members = [answers, answers, answers]
    team = engine.aggregate(a, members)
    assert team["borderline"]
    codes = [engine.encode(a, m) for m in members]
    page.goto(site("scans/werksoort/team/"))
    page.fill("[data-sw-codes]", "\n".join(codes))
    page.click("[data-sw-check]")
    show_team(page)
    profile = page.locator(".sw-profile")
    first, second = team["profile"], team["runner_up"]
    assert profile.get_attribute("data-sw-profile") == first["id"]
    assert profile.get_attribute("data-sw-runner-up") == second["id"]
    assert profile.locator(".sw-profile-title").inner_text() == f"Jullie zitten tussen {first['title']} en {second['title']}"
    assert profile.locator("details.sw-runner-up summary").inner_text() == f"Lees ook over {second['title']}"
    for dim, d in team["dimensions"].items():
        row = page.locator(f'tr[data-sw-dimension="{dim}"]')
        assert float(row.locator("[data-sw-mean]").get_attribute("data-sw-mean")) == d["mean"]
        assert row.locator("[data-sw-mean]").inner_text() == whole(d["mean"])
        count, mean, median, span, spread = row.locator("td").all_inner_texts()[:5]
        assert all(cell.isdigit() for cell in (count, mean, median)), (count, mean, median)
        assert all(end.isdigit() for end in span.split("–")), span  # lowest–highest
        assert re.fullmatch(r"jullie zien dit [a-z ]+ \(\d+\)", spread), spread  # the spread in words, then whole
    assert axe_violations(page, ALL_IMPACTS) == []


def test_supportlijnen_shows_the_level_the_range_and_every_line_behind(page, site):
    a = assessment("supportlijnen")
    answers, result = search(a, lambda r: r["profile"] and not r["flags"] and r["relative"]
                             and len(r["relative"]["behind"]) >= 2)
    relative = result["relative"]
    page.goto(site("scans/supportlijnen/"))
    fill(page, answers)
    show_result(page)
    line = page.locator(".sw-relative")
    assert line.get_attribute("data-sw-level") == relative["level"]["id"]
    titles = {d.id: engine.localize(d.title) for d in a.dimensions}
    text = line.inner_text()
    # the mean and range at one decimal, as the rule used them (a whole 35 could read "midden" at 35.4)
    assert text.startswith(f"Gemiddelde van de lijnen: {dutch(relative['mean'])} ({relative['level']['label'].lower()}).")
    assert f"Verschil tussen de hoogste en de laagste lijn: {dutch(relative['range'])} punten." in text
    assert "in balans" not in text, "with a line behind, the balance is not the point"
    assert text.endswith("Meer dan één lijn blijft achter: " + " en ".join(titles[i] for i in relative["behind"]) + ".")


def test_supportlijnen_without_a_line_behind_has_one_profile_that_explains_the_balance(page, site):
    """Version 4: one profile when no line is behind; the range on the page says whether the lines are in balance."""
    a = assessment("supportlijnen")
    answers, result = search(a, lambda r: r["profile"] and r["profile"]["id"] == "geen-lijn-achter"
                             and not r["flags"] and not r["borderline"] and not r["relative"]["balanced"])
    page.goto(site("scans/supportlijnen/"))
    fill(page, answers)
    show_result(page)
    box = page.locator(".sw-profile")
    assert box.get_attribute("data-sw-profile") == "geen-lijn-achter"
    assert box.locator(".sw-profile-title").inner_text() == "Geen lijn blijft achter"
    assert int(whole(result["relative"]["range"])) >= 20
    relative_line = box.locator(".sw-relative").inner_text()
    assert f"Verschil tussen de hoogste en de laagste lijn: {dutch(result['relative']['range'])} punten." in relative_line
    assert "De lijnen zijn dus niet in balans." in relative_line, "the page says the balance, not only the range"
    text = box.inner_text()
    assert "20 punten of meer: er loopt een lijn voorop." in text and "Meer dan één lijn blijft achter" not in text

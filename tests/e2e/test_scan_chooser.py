"""Issue 14: "Welke scan past bij mij?" on the scans page, in Chromium.

Without JavaScript it is a decision list with links; with JavaScript (scan-chooser.js) the same
list becomes questions with radio buttons, one at a time, and the scan in a status region.
"""
import pytest

CHOOSER = "[data-sw-scan-chooser]"
RESULT = "[data-sw-chooser-result]"

# Every path through the questions (labels as on the page) and the one scan it ends at.
PATHS = [
    (["Over mezelf"], "persoonlijk-leiderschap"),
    (["Over ons team", "Hoe zelfstandig we werken, en hoe de samenwerking gaat"], "teamfase"),
    (["Over ons team", "Wat voor werk we doen, en welke manier van organiseren daarbij past"], "werksoort"),
    (["Over de organisatie of de bedrijfsvoering", "Hoe de bedrijfsvoering de teams helpt, zoals HR, financiën en ICT"],
     "concernsupport"),
    (["Over de organisatie of de bedrijfsvoering", "Hoe sterk de vijf supportlijnen zijn in de hele organisatie"],
     "supportlijnen"),
]


def open_scans(page, site):
    page.goto(site("scans/"))
    page.wait_for_selector(f"{CHOOSER} [data-sw-chooser-form]")


def test_without_javascript_the_decision_list_links_to_every_scan(browser, site):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto(site("scans/"))
        lists = page.locator(f"{CHOOSER} .sw-chooser-list")
        assert lists.is_visible()
        links = page.locator(f"{CHOOSER} a[data-sw-scan]")
        assert sorted(links.evaluate_all("ls => ls.map(l => l.dataset.swScan)")) == sorted(s for _, s in PATHS)
        # "ga naar vraag 2" jumps to the question on the same page
        page.get_by_role("link", name="vraag 2").click()
        assert page.url.endswith("#kies-vraag-2")
        assert page.locator("#kies-vraag-2").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("answers,scan", PATHS, ids=[scan for _, scan in PATHS])
def test_each_path_leads_to_one_scan(page, site, answers, scan):
    open_scans(page, site)
    chooser = page.locator(CHOOSER)
    assert chooser.locator(".sw-chooser-list").is_hidden()
    assert chooser.locator("fieldset:visible").count() == 1
    assert page.locator(RESULT).inner_text() == ""
    for step, label in enumerate(answers):
        chooser.get_by_label(label, exact=True).check()
        last = step + 1 == len(answers)
        # the next question appears after each answer but the last
        assert chooser.locator("fieldset:visible").count() == (step + 1 if last else step + 2)
        assert (page.locator(RESULT).inner_text() != "") is last
    result = page.locator(RESULT)
    assert result.get_attribute("role") == "status"
    chosen = result.locator("[data-sw-chooser-scan]")
    assert chosen.count() == 1 and chosen.get_attribute("data-sw-chooser-scan") == scan
    start = result.get_by_role("link")
    assert start.count() == 1
    assert start.get_attribute("href").endswith(f"/scans/{scan}/")
    assert start.inner_text().startswith("Start de ")


def test_a_new_first_answer_drops_the_rest(page, site):
    open_scans(page, site)
    chooser = page.locator(CHOOSER)
    chooser.get_by_label("Over ons team", exact=True).check()
    chooser.get_by_label("Hoe zelfstandig we werken, en hoe de samenwerking gaat", exact=True).check()
    assert page.locator(f"{RESULT} [data-sw-chooser-scan]").get_attribute("data-sw-chooser-scan") == "teamfase"
    chooser.get_by_label("Over de organisatie of de bedrijfsvoering", exact=True).check()
    assert page.locator(RESULT).inner_text() == ""
    assert chooser.locator("fieldset:visible legend").all_inner_texts() == [
        "Vraag 1: Over wie gaat het?", "Vraag 3: Waar wil je naar kijken?"]
    # the team question went away with its choice: coming back, it starts empty
    chooser.get_by_label("Over ons team", exact=True).check()
    assert chooser.locator("[data-sw-chooser-question='kies-vraag-2'] input:checked").count() == 0


def test_the_chooser_works_with_the_keyboard_alone(page, site):
    open_scans(page, site)
    first = page.locator("input[name='sw-chooser-kies-vraag-1']").first
    first.focus()
    page.keyboard.press("Space")  # "Over mezelf"
    assert page.locator(f"{RESULT} [data-sw-chooser-scan]").get_attribute("data-sw-chooser-scan") == "persoonlijk-leiderschap"
    page.keyboard.press("ArrowDown")  # "Over ons team": the second question appears
    assert page.locator(RESULT).inner_text() == ""
    page.keyboard.press("Tab")  # into the second question
    focused = page.evaluate("document.activeElement.name")
    assert focused == "sw-chooser-kies-vraag-2"
    page.keyboard.press("Space")
    assert page.locator(f"{RESULT} [data-sw-chooser-scan]").get_attribute("data-sw-chooser-scan") == "teamfase"
    page.keyboard.press("Tab")  # on to the link in the result, and follow it
    assert page.evaluate("document.activeElement.textContent") == "Start de Teamfase-scan"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link shows where the focus is"
    page.keyboard.press("Enter")
    page.wait_for_url("**/scans/teamfase/")

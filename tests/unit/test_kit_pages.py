"""Issue 14, the practitioner's kit and the pages for organisations.

- every new page exists, is in the navigation and is linked from another page;
- every new page reads at B1 level (Flesch-Douma >= 60, sentences under 15 words on average);
- the worked example quotes the figures the engine computes (bench/worked_example.py);
- "Welke scan past bij mij?" on the scans page: every path through the decision list ends at
  exactly one scan, and with scans hidden by a brand it offers only the scans that are shown;
- the worksheets' print stylesheet is registered.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
sys.path.insert(0, str(ROOT / "bench"))

import readability  # noqa: E402
import worked_example  # noqa: E402

KIT = [
    "teamkit/index.md",
    "teamkit/hulp-per-situatie.md",
    "teamkit/route-drie-maanden.md",
    "teamkit/sessieplannen.md",
    "teamkit/sessie-teamfase.md",
    "teamkit/sessie-werksoort.md",
    "teamkit/sessie-persoonlijk-leiderschap.md",
    "teamkit/sessie-supportlijnen.md",
    "teamkit/sessie-concernsupport.md",
    "teamkit/zonder-schrijven.md",
    "teamkit/voorbeeld-teamuitslag.md",
    "teamkit/mandaatkaart.md",
    "teamkit/actielijst-en-verslag.md",
    "teamkit/gesprek-voorbereiden.md",
    "teamkit/organisatie-overzicht.md",
]
ORGANISATION = ["in-je-organisatie.md", "toegankelijkheid.md"]
NEW_PAGES = KIT + ORGANISATION
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !!python/name tags; read them as plain text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def nav_sections() -> dict[str, list[str]]:
    """Top-level section title -> every page under it."""
    def pages(items):
        out = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            out += pages(value) if isinstance(value, list) else [value]
        return out
    return {next(iter(item)): pages(next(iter(item.values())))
            for item in config()["nav"] if isinstance(item, dict) and isinstance(next(iter(item.values())), list)}


def links_into(target: str) -> list[str]:
    """The other guide pages with a relative link to ``target`` (a path under content/)."""
    found = []
    for page in CONTENT.rglob("*.md"):
        rel = page.relative_to(CONTENT).as_posix()
        if rel == target:
            continue
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            if (page.parent / link).resolve() == (CONTENT / target).resolve():
                found.append(rel)
                break
    return found


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_exists_with_one_title_and_a_description(page):
    path = CONTENT / page
    assert path.is_file(), page
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["description"].strip()
    assert len(re.findall(r"^# ", text, re.M)) == 1


def test_kit_pages_are_under_teamkit_and_organisation_pages_under_zelf_gebruiken():
    sections = nav_sections()
    assert sections["Teamkit"] == KIT
    assert "in-je-organisatie.md" in sections["Zelf gebruiken"]
    # a visitor's statement stays reachable on every brand: "Over" cannot be hidden (builder/brand.py)
    assert "toegankelijkheid.md" in sections["Over"]


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_is_linked_from_another_page(page):
    assert links_into(page), f"no page links to {page}"


def test_the_kit_index_links_to_every_kit_page():
    index = CONTENT / "teamkit" / "index.md"
    linked = {(index.parent / link).resolve() for link in LINK.findall(index.read_text(encoding="utf-8"))}
    direct = {CONTENT / page for page in KIT if not page.startswith("teamkit/sessie-") and page != "teamkit/index.md"}
    assert {p.resolve() for p in direct} <= linked
    plans = CONTENT / "teamkit" / "sessieplannen.md"
    plan_links = {(plans.parent / link).resolve() for link in LINK.findall(plans.read_text(encoding="utf-8"))}
    assert {(CONTENT / p).resolve() for p in KIT if p.startswith("teamkit/sessie-")} <= plan_links


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_reads_at_b1_level(page):
    import textstat
    textstat.set_lang("nl")
    measured = readability.measure(CONTENT / page)
    assert measured["flesch_douma"] >= readability.TARGET_SCORE, measured
    assert measured["avg_sentence"] < readability.TARGET_SENTENCE, measured


def test_every_scan_has_a_session_plan_that_links_to_it():
    for scan in ("teamfase", "werksoort", "persoonlijk-leiderschap", "supportlijnen", "concernsupport"):
        text = (CONTENT / "teamkit" / f"sessie-{scan}.md").read_text(encoding="utf-8")
        assert f"../scans/{scan}/index.md" in text
        for part in ("## Tijdschema", "## Openingsvraag", "## Slotvraag", "**Nodig**"):
            assert part in text, (scan, part)


# ---- the worked example quotes the engine ---------------------------------------------------

def test_worked_example_figures_are_the_engines():
    from engine import aggregate
    from engine.loader import load_assessment
    team = aggregate(load_assessment(worked_example.SCAN), worked_example.answer_sets())
    page = (CONTENT / "teamkit" / "voorbeeld-teamuitslag.md").read_text(encoding="utf-8")
    generated = worked_example.markdown(team)
    table, drawing = generated.split("\n\n<svg", 1)
    assert table in page, "run bench/worked_example.py --markdown and update the table on the page"
    assert "<svg" + drawing in page, "run bench/worked_example.py --markdown and update the drawing on the page"
    # what the text says about the result
    assert team["n"] == 6 and team["profile"]["id"] == "zelforganiserend-team" and not team["borderline"]
    assert [d["id"] for d in team["discuss"]] == ["mandaat-helder", "kennen-als-persoon"]
    for question in ("In ons team kennen we elkaar ook als persoon.", "Wij weten waarover ons team zelf mag beslissen."):
        assert question in page


def test_worked_example_members_are_not_flagged_as_careless():
    from engine import score
    from engine.loader import load_assessment
    assessment = load_assessment(worked_example.SCAN)
    assert [score(assessment, member)["flags"] for member in worked_example.answer_sets()] == [[]] * 6


# ---- "Welke scan past bij mij?" --------------------------------------------------------------

QUESTION = re.compile(r"^\*\*(.+?)\*\*\n\{ #(kies-vraag-\d) \.sw-chooser-question \}\n\n((?:- .*\n)+)", re.M)
ANSWER = re.compile(r"^- \*\*(.+?)\*\*: (.*)$", re.M)


def chooser(shown: list[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """The decision list of the rendered scans page: question id -> [(answer, 'scan:<id>' or 'q:<id>')]."""
    from builder.scans import overview_page
    from engine.loader import load_assessment
    assessments = [load_assessment(p) for p in sorted((ROOT / "assessments").glob("*.yml"))]
    if shown is not None:
        assessments = [a for a in assessments if a.id in shown]
    markdown = overview_page(assessments, CONTENT)
    questions = {}
    for match in QUESTION.finditer(markdown):
        answers = []
        for label, rest in ANSWER.findall(match.group(3)):
            scans = re.findall(r'data-sw-scan="([a-z0-9-]+)"', rest)
            nexts = re.findall(r"\(#(kies-vraag-\d)\)", rest)
            assert len(scans) + len(nexts) == 1, rest
            answers.append((label, f"scan:{scans[0]}" if scans else f"q:{nexts[0]}"))
        questions[match.group(2)] = answers
    return questions


def paths(questions, start="kies-vraag-1", taken=()):
    for label, target in questions[start]:
        if target.startswith("q:"):
            yield from paths(questions, target[2:], taken + (label,))
        else:
            yield taken + (label,), target[5:]


def test_every_path_through_the_chooser_ends_at_one_scan_and_every_scan_is_reachable():
    questions = chooser()
    assert list(questions) == ["kies-vraag-1", "kies-vraag-2", "kies-vraag-3"]
    ends = dict(paths(questions))
    assert sorted(ends.values()) == sorted(["persoonlijk-leiderschap", "teamfase", "werksoort",
                                            "concernsupport", "supportlijnen"])
    assert all(len(path) <= 2 for path in ends), "at most two questions to answer"


@pytest.mark.parametrize("shown", [
    ["teamfase", "werksoort", "persoonlijk-leiderschap"],
    ["teamfase", "supportlijnen"],
    ["werksoort", "concernsupport", "supportlijnen"],
])
def test_the_chooser_offers_only_the_scans_a_brand_shows(shown):
    ends = dict(paths(chooser(shown)))
    assert sorted(ends.values()) == sorted(shown)


def test_with_one_scan_there_is_nothing_to_choose():
    assert chooser(["teamfase"]) == {}


def test_the_chooser_keeps_scan_titles_escaped():
    from builder.scans import markdown_text
    text = (ROOT / "theme" / "templates" / "scans-index.md.j2").read_text(encoding="utf-8")
    assert "[{{ s.title }}]" in text and "| safe" not in text
    assert markdown_text("A*b <i>") == r"A\*b &lt;i&gt;"


def test_the_print_stylesheet_is_registered():
    assert "assets/css/print.css" in config()["extra_css"]
    assert (ROOT / "theme" / "overrides" / "assets" / "css" / "print.css").is_file()

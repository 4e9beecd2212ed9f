"""The paper answer sheet (builder/scans.py paper_page, theme/templates/paper.md.j2), issue 13.

Every team and organisation scan gets ``scans/<id>/papier/index.md``: a table of tick boxes, a
box per scale point plus "weet ik niet" (and "niet van toepassing" where a question has it),
each box showing the key that types it into the grid on the team page; no name field; the
author's texts as text. The keys on the sheet and in the grid come from one place (PAPER_KEYS).
"""
from __future__ import annotations

import html
import re

import pytest
import yaml

from builder.scans import PAPER_KEYS, _paper_open_fits, has_team_page, paper_page, team_page, write_scan_pages
from engine.loader import load_assessment
from support import FIXTURES, ROOT, load_nearest

HOSTILE_SCAN = FIXTURES / "hostile" / "escaped" / "scans" / "vijandig.yml"
SCANS = sorted(p.stem for p in (ROOT / "assessments").glob("*.yml"))


def sheet(assessment) -> tuple[dict, str]:
    """(front matter, body) of the sheet, as written into the staged docs."""
    text = paper_page(assessment, ROOT / "content", "engine-x.whl")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def rows(body: str) -> dict[str, list[str]]:
    """Per question id: the boxes of its row, as their data values, in order."""
    found = {}
    for qid, row in re.findall(r'<tr data-sw-paper-question="([^"]+)">(.*?)</tr>', body):
        found[qid] = re.findall(r'data-sw-paper-box="([^"]+)">([^<]*)<', row)
    return found


@pytest.mark.parametrize("scan", SCANS)
def test_every_team_scan_gets_a_sheet_with_a_box_per_scale_point_and_weet_ik_niet(scan, tmp_path):
    assessment = load_assessment(ROOT / "assessments" / f"{scan}.yml")
    write_scan_pages([assessment], tmp_path, "engine-x.whl")
    written = tmp_path / "scans" / scan / "papier" / "index.md"
    assert written.is_file() == has_team_page(assessment)
    if not has_team_page(assessment):
        return
    meta, body = sheet(assessment)
    assert meta["title"] == f"Antwoordformulier: {assessment.title}"
    assert "sw_engine_wheel" not in meta  # paper needs no engine
    points = assessment.scale.max - assessment.scale.min + 1
    boxes = rows(body)
    assert list(boxes) == [q.id for q in assessment.questions]
    for qid, row in boxes.items():
        # the box of scale point k shows k (its key in the grid), then "weet ik niet" with its key
        assert row == [(str(v), str(i)) for i, v in enumerate(range(assessment.scale.min, assessment.scale.max + 1), 1)] \
            + [("unknown", PAPER_KEYS["unknown"])], qid
        assert len(row) == points + 1
    assert "n/a" not in body  # none of these scans has "niet van toepassing"


@pytest.mark.parametrize("scan", [s for s in SCANS if has_team_page(load_assessment(ROOT / "assessments" / f"{s}.yml"))])
def test_the_sheet_has_a_line_for_the_round_and_no_field_for_a_name(scan):
    _, body = sheet(load_assessment(ROOT / "assessments" / f"{scan}.yml"))
    assert re.search(r'<p class="sw-paper-round">Teamronde: <span class="sw-paper-line"', body)
    assert not re.search(r"naam\s*:", body, flags=re.IGNORECASE)  # no "Naam: ____" anywhere
    assert "Schrijf je naam niet op dit formulier." in body
    # the only form control is the facilitator's "print the open questions" box, on screen only
    controls = re.findall(r"<(input|textarea|select)\b[^>]*>", body)
    assert all(tag == "input" for tag in controls)
    assert all("data-sw-paper-open-toggle" in c for c in re.findall(r"<input\b[^>]*>", body))


def test_the_team_page_links_the_sheet_and_gives_the_grid_the_same_keys():
    body = team_page(load_assessment(ROOT / "assessments" / "teamfase.yml"), ROOT / "content", "engine-x.whl")
    assert '<a href="../papier/" data-sw-paper-link>' in body
    assert f'data-sw-grid-unknown="{PAPER_KEYS["unknown"]}"' in body
    assert f'data-sw-grid-na="{PAPER_KEYS["not_applicable"]}"' in body
    assert body.count("<li>", body.index("data-sw-grid-questions")) >= 20  # a text per question, for the grid


def test_sheet_pages_stay_out_of_the_nav(tmp_path):
    scans = [load_assessment(ROOT / "assessments" / f"{s}.yml") for s in SCANS]
    nav = write_scan_pages(scans, tmp_path, "engine-x.whl")
    assert not [p for p in nav if "papier" in p or "/team/" in p]
    assert sorted(p.parent.parent.name for p in (tmp_path / "scans").glob("*/papier/index.md")) \
        == sorted(a.id for a in scans if has_team_page(a))


def test_perspective_first_and_niet_van_toepassing_only_where_the_question_has_it():
    assessment = load_nearest()
    _, body = sheet(assessment)
    perspective = body.index("data-sw-paper-perspective")
    assert perspective < body.index("data-sw-paper-table")
    assert re.findall(r'data-sw-paper-box="(leider|lid)">(\d)<', body) == [("leider", "1"), ("lid", "2")]
    boxes = rows(body)
    for question in assessment.questions:
        has_na = ("n/a", PAPER_KEYS["not_applicable"]) in boxes[question.id]
        assert has_na == (question.not_applicable is not None), question.id
    # the column heading says what the box means; one label for all, so no label in the cell
    assert '<th scope="col" class="sw-paper-choice sw-paper-other">Niet van toepassing</th>' in body
    assert 'class="sw-paper-na"' not in body


def test_open_questions_say_they_are_never_typed_in_and_print_only_when_they_fit():
    _, body = sheet(load_assessment(ROOT / "assessments" / "teamfase.yml"))
    assert "Deze antwoorden worden niet ingetypt." in body
    assert "data-sw-paper-open-toggle>" in body  # 20 questions fill the page: not ticked
    _, body = sheet(load_assessment(ROOT / "assessments" / "concernsupport.yml"))
    assert "data-sw-paper-open-toggle checked>" in body  # room on the second page


@pytest.mark.parametrize("questions, reflections, fits", [
    (["Kort."] * 5, 3, True),
    (["Kort."] * 20, 3, False),
    (["x" * 150] * 10, 0, True),
    (["Kort."] * 30, 3, True),   # the second page has room
])
def test_the_estimate_of_room_for_the_open_questions(questions, reflections, fits):
    assert _paper_open_fits(questions, False, reflections) is fits


def test_hostile_texts_on_the_sheet_are_text():
    assessment = load_assessment(HOSTILE_SCAN)
    meta, body = sheet(assessment)
    assert meta["title"] == f"Antwoordformulier: {assessment.title}"  # written by a YAML writer, escaped at staging
    heading = next(line for line in body.splitlines() if line.startswith("# "))
    assert heading.startswith("# Antwoordformulier: Teamfase: hoe staan we ervoor? \\{hidden\\} \\[x\\] \\#1 &lt;script&gt;")
    assert "<script" not in body and "<img" not in body and "<svg" not in body and "<iframe" not in body
    assert "Oneens &lt;img src=x onerror=&#34;document.title=&#39;PWNED&#39;&#34;&gt;" in body
    assert "Weet ik niet &lt;svg onload=&#34;document.title=&#39;PWNED&#39;&#34;&gt;" in body
    assert "Vraag &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt; een?" in body \
        or "Vraag &lt;script&gt;document.title='PWNED'&lt;/script&gt; een?" in body
    assert '{: onclick=' in body  # an attribute list in a question stays text
    # every tag on the sheet is one the template wrote
    tags = set(re.findall(r"<([a-z0-9]+)\b", body))
    assert tags <= {"div", "p", "strong", "a", "ul", "li", "label", "input", "table", "caption", "thead", "tr",
                    "th", "tbody", "td", "span", "ol", "code", "em"}, tags
    assert html.escape("<script>", quote=False) in body

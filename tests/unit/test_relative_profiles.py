"""profile_rule: relative (issue 12, item 5): each rule with hand-computed cases, and its validation.

The rule looks at the scores as shown (one decimal) and their mean rounded to one
decimal. With a dimension at least ``behind`` below that mean, the profile is the one
for the lowest such dimension; otherwise the profile for *balanced* (highest minus
lowest below ``balanced_range``) and the *level* (the band of the mean). The runner-up
is the other profile whose cut-off is nearest in measurement errors: a gap between two
scores or in the range counts divided by sqrt(2), a score against the mean of n by
sqrt(1 - 1/n) (sqrt(0.8) = 0.894 for five), the mean by 1/sqrt(n) (0.447 for five);
borderline when that weighed gap is below ``margin``.
"""
from __future__ import annotations

import os
import textwrap

import pytest

import engine
from engine.loader import parse_file
from engine.scoring import profiles_of, relative_of
from support import ROOT, scan, scan_data

DIMS = ("a", "b", "c", "d", "e")
LEVELS = [{"id": "zwak", "upto": 35, "label": "Zwak"}, {"id": "midden", "upto": 65, "label": "Midden"},
          {"id": "sterk", "upto": 100, "label": "Sterk"}]


def definition(profiles: list[dict], **relative) -> dict:
    """Five dimensions with two questions each on 1-5; the relative rule of supportlijnen unless overridden."""
    return {
        "id": "lijnen", "version": 1, "title": "Lijnen", "audience": "organisation",
        "scale": {"min": 1, "max": 5, "labels": {str(v): f"w{v}" for v in range(1, 6)}},
        "dimensions": [{"id": d, "title": d.upper(), "bands": [{"upto": 100, "label": "x"}]} for d in DIMS],
        "questions": [{"id": f"{d}{i}", "text": "?", "dimension": d} for d in DIMS for i in (1, 2)],
        "profile_rule": "relative",
        "relative": {"behind": 15, "balanced_range": 20, "margin": 5, "levels": LEVELS, **relative},
        "profiles": profiles,
    }


BEHIND = [{"id": f"achter-{d}", "title": f"{d} achter", "outcome": {"behind": d}} for d in DIMS]
# Like supportlijnen (version 4): one profile for "none behind" (``outcome: {}``); the balance and
# the level only in result["relative"].
MERGED = engine.parse_assessment(definition(BEHIND + [{"id": "geen-achter", "outcome": {}}]))
# Like supportlijnen version 3: in balans or not, the level only in result["relative"].
SIMPLE = engine.parse_assessment(definition(BEHIND + [{"id": "in-balans", "outcome": {"balanced": True}},
                                                      {"id": "ongelijk", "outcome": {"balanced": False}}]))
# Every level its own profile when in balance: for the level cut-offs.
LEVELLED = engine.parse_assessment(definition(
    BEHIND + [{"id": f"in-balans-{lv['id']}", "outcome": {"balanced": True, "level": lv["id"]}} for lv in LEVELS]
    + [{"id": "ongelijk", "outcome": {"balanced": False}}]))


def decide(assessment, *scores):
    """(profile, runner-up, its gap, borderline) for five scores a..e."""
    profile, runner_up, borderline = profiles_of(assessment, dict(zip(DIMS, scores)))
    return profile["id"], runner_up and runner_up["id"], runner_up and runner_up["gap"], borderline


def facts(assessment, *scores):
    return relative_of(assessment, dict(zip(DIMS, scores)))


# -- the rules, by hand ------------------------------------------------------------------------

def test_all_neutral_is_in_balance_and_middle_never_weak():
    # Every score 50: mean 50 (level midden: 35 < 50 <= 65), range 0 < 20, nothing 15 below.
    assert facts(SIMPLE, 50, 50, 50, 50, 50) == {"mean": 50.0, "range": 0.0, "level": {"id": "midden",
                                                 "label": "Midden"}, "balanced": True, "behind": []}
    # Runner-up: balance (range 0 to 20: 20 / sqrt 2 = 14.1) before a behind (50 - 35 = 15 / 0.894 = 16.8).
    assert decide(SIMPLE, 50, 50, 50, 50, 50) == ("in-balans", "ongelijk", 20.0, False)
    assert decide(LEVELLED, 50, 50, 50, 50, 50)[0] == "in-balans-midden"


def test_all_neutral_answers_on_the_real_scan():
    a = scan("supportlijnen")
    r = engine.score(a, {q.id: 3 for q in a.questions})
    assert (r["profile"]["id"], r["relative"]["level"]["id"], r["relative"]["balanced"]) == \
        ("geen-lijn-achter", "midden", True)
    assert r["flags"] == ["straightlining"]


def test_62_to_69_on_all_five_is_in_balance():
    # Mean 329 / 5 = 65.8 (sterk), range 69 - 62 = 7, lowest 3.8 below the mean.
    assert facts(SIMPLE, 62, 64, 66, 68, 69)["balanced"] is True
    assert facts(SIMPLE, 62, 64, 66, 68, 69)["level"]["id"] == "sterk"
    assert decide(SIMPLE, 62, 64, 66, 68, 69)[0] == "in-balans"
    assert decide(LEVELLED, 62, 64, 66, 68, 69)[0] == "in-balans-sterk"


def test_62_to_69_on_the_real_scan_is_in_balance():
    # 6 questions per line, 24 points: 15 points = 62.5, 16 points = 66.7 (the old "uit balans" case).
    a = scan("supportlijnen")
    answers = {}
    for dim, points in zip([d.id for d in a.dimensions], (15, 16, 15, 16, 16)):
        for i, q in enumerate(a.questions_by_dimension[dim]):
            share = points // 6 + (1 if i < points % 6 else 0)
            answers[q.id] = 5 - share if q.reverse else 1 + share
    r = engine.score(a, answers)
    assert [d["score"] for d in r["dimensions"].values()] == [62.5, 66.7, 62.5, 66.7, 66.7]
    # mean (62.5 + 66.7 + 62.5 + 66.7 + 66.7) / 5 = 65.02 -> 65.0: on the edge of "midden" (upto 65), not above it
    assert (r["relative"]["mean"], r["relative"]["range"]) == (65.0, 4.2)
    assert (r["profile"]["id"], r["relative"]["level"]["id"], r["relative"]["balanced"]) == \
        ("geen-lijn-achter", "midden", True)


def test_one_line_15_below_the_mean_is_behind():
    # 35, 50, 50, 50, 65: mean 50, a exactly 15 below -> behind (at or below mean - 15).
    assert facts(SIMPLE, 35, 50, 50, 50, 65)["behind"] == ["a"]
    # Runner-up: none behind (a is 0 below the cut-off: gap 0) before b behind (50 - 35 = 15).
    assert decide(SIMPLE, 35, 50, 50, 50, 65) == ("achter-a", "ongelijk", 0.0, True)


def test_14_9_below_the_mean_is_not_behind():
    # 35.1, 50, 50, 50, 65: mean 250.1 / 5 = 50.02 -> 50.0; a 14.9 below. Range 29.9: not in balance.
    assert facts(SIMPLE, 35.1, 50, 50, 50, 65)["behind"] == []
    # a is 0.1 above the cut-off (35.0): 0.1 / 0.894 = 0.11 < 5 -> borderline, runner-up achter-a.
    assert decide(SIMPLE, 35.1, 50, 50, 50, 65) == ("ongelijk", "achter-a", 0.1, True)


def test_behind_is_relative_to_the_own_mean_not_a_fixed_score():
    # The same shape 40 points higher: 75, 90, 90, 90, 100 (mean 89, a 14 below: not behind) ...
    assert decide(SIMPLE, 75, 90, 90, 90, 100)[0] == "ongelijk"
    # ... and 74, 90, 90, 90, 100 (mean 88.8, a 14.8 below) neither; 73 (mean 88.6, 15.6 below) is behind.
    assert decide(SIMPLE, 74, 90, 90, 90, 100)[0] == "ongelijk"
    assert decide(SIMPLE, 73, 90, 90, 90, 100)[0] == "achter-a"
    # Low everywhere and flat is no line behind: 10, 12, 14, 16, 18 (mean 14, range 8) is in balance, level zwak.
    assert decide(SIMPLE, 10, 12, 14, 16, 18)[0] == "in-balans"
    assert facts(SIMPLE, 10, 12, 14, 16, 18)["level"]["id"] == "zwak"


def test_range_exactly_20_is_not_in_balance_and_19_9_is():
    # 40, 50, 50, 50, 60: mean 50, lowest 10 below, range exactly 20 -> not balanced (balanced: range < 20).
    assert facts(SIMPLE, 40, 50, 50, 50, 60)["balanced"] is False
    assert decide(SIMPLE, 40, 50, 50, 50, 60) == ("ongelijk", "in-balans", 0.0, True)
    # 40.1 ... 60: range 19.9 -> balanced; runner-up ongelijk at 0.1.
    assert decide(SIMPLE, 40.1, 50, 50, 50, 60) == ("in-balans", "ongelijk", 0.1, True)


def test_scores_are_taken_as_shown():
    # A team mean of 34.96 is shown as 35.0, and decided as 35.0: exactly 15 below a mean of 50.
    assert decide(SIMPLE, 34.96, 50, 50, 50, 65)[0] == "achter-a"
    # 0.1, 15.1, 15.1, 15.1, 30.1: mean 15.1 exactly, a exactly 15 below (no binary rounding in between).
    assert facts(SIMPLE, 0.1, 15.1, 15.1, 15.1, 30.1)["behind"] == ["a"]


def test_two_lines_behind_lowest_first_the_other_as_runner_up():
    # 20, 25, 60, 60, 60: mean 45, cut-off 30: a and b behind, a lowest.
    assert facts(SIMPLE, 20, 25, 60, 60, 60)["behind"] == ["a", "b"]
    # b as the one behind: 25 - 20 = 5 (/ 1.414 = 3.5 < 5: borderline); none behind: 30 - 20 = 10 (/ 0.894 = 11.2).
    assert decide(SIMPLE, 20, 25, 60, 60, 60) == ("achter-a", "achter-b", 5.0, True)
    # Far apart: 10, 25, 60, 60, 60 (mean 43, cut 28): b 15 above a (10.6 weighed), none behind 18 (20.1).
    assert decide(SIMPLE, 10, 25, 60, 60, 60) == ("achter-a", "achter-b", 15.0, False)


def test_equal_lowest_lines_the_first_in_the_file_wins():
    # 30, 30, 60, 60, 60: mean 48, cut-off 33: a and b both behind at 30; a comes first; gap 0.
    assert decide(SIMPLE, 30, 30, 60, 60, 60) == ("achter-a", "achter-b", 0.0, True)


def test_a_line_behind_while_the_range_is_under_20_is_still_behind():
    # 35, 53.8, 53.8, 53.8, 53.7: mean 250.1 / 5 = 50.02 -> 50.0; a 15 below; range 18.8.
    f = facts(SIMPLE, 35, 53.8, 53.8, 53.8, 53.7)
    assert (f["behind"], f["balanced"]) == (["a"], True)
    assert decide(SIMPLE, 35, 53.8, 53.8, 53.8, 53.7)[:2] == ("achter-a", "in-balans")


def test_level_bands_of_the_mean_and_their_runner_up():
    # Mean exactly 35 is zwak (first band with mean <= upto); 36 is midden.
    assert decide(LEVELLED, 33, 34, 35, 36, 37) == ("in-balans-zwak", "in-balans-midden", 0.0, True)
    # Mean 36: 1 point above 35, weighed 1 * sqrt 5 = 2.2 < 5: borderline with zwak.
    assert decide(LEVELLED, 34, 35, 36, 37, 38) == ("in-balans-midden", "in-balans-zwak", 1.0, True)
    # Mean 40: 5 above (11.2 weighed); range 4 -> 16 to 20 (11.3 weighed); lowest 38 is 13 above 25 (14.5):
    # runner-up zwak, not borderline.
    assert decide(LEVELLED, 38, 39, 40, 41, 42) == ("in-balans-midden", "in-balans-zwak", 5.0, False)
    # Where the profile does not depend on the level, a level cut-off gives no runner-up of its own.
    assert decide(SIMPLE, 33, 34, 35, 36, 37)[1] == "ongelijk"


def test_one_profile_for_none_behind():
    """Like supportlijnen v4: the balance and level cut-offs no longer change the profile (or give a runner-up)."""
    # All 50: none behind; the runner-up is the lowest line behind (a, first in the file on a tie):
    # 50 - 35 = 15 above the cut-off, 16.8 weighed: not borderline.
    assert decide(MERGED, 50, 50, 50, 50, 50) == ("geen-achter", "achter-a", 15.0, False)
    # 40 ... 60: range exactly 20, so not in balance (SIMPLE: "ongelijk", borderline with "in-balans" at 0) ...
    assert decide(SIMPLE, 40, 50, 50, 50, 60) == ("ongelijk", "in-balans", 0.0, True)
    # ... but the same profile either way here; the runner-up: a is 40 - 35 = 5 above the cut-off (5.6 weighed).
    assert decide(MERGED, 40, 50, 50, 50, 60) == ("geen-achter", "achter-a", 5.0, False)
    assert facts(MERGED, 40, 50, 50, 50, 60)["balanced"] is False
    assert decide(MERGED, 40.1, 50, 50, 50, 60)[0] == "geen-achter"
    # Mean exactly 35 (zwak) or 36 (midden): no level runner-up; a is 33 - 20 = 13 above the cut-off.
    assert decide(MERGED, 33, 34, 35, 36, 37) == ("geen-achter", "achter-a", 13.0, False)
    # a exactly 15 below the mean of 50: behind. Runner-up: none behind (0 below the cut-off) before b
    # (50 - 35 = 15 higher, 10.6 weighed).
    assert decide(MERGED, 35, 50, 50, 50, 65) == ("achter-a", "geen-achter", 0.0, True)
    # 35.1: mean 250.1 / 5 = 50.02 -> 50.0, cut-off 35.0: not behind, 0.1 above it.
    assert decide(MERGED, 35.1, 50, 50, 50, 65) == ("geen-achter", "achter-a", 0.1, True)


def test_two_lines_about_equally_behind_are_both_named():
    # 30, 33, 60, 60, 60: mean 243 / 5 = 48.6, cut-off 33.6: a and b both behind. Runner-up b:
    # 33 - 30 = 3 (2.1 weighed) before none behind (33.6 - 30 = 3.6, 4.0 weighed); borderline, so the
    # page says "between a and b".
    assert facts(MERGED, 30, 33, 60, 60, 60)["behind"] == ["a", "b"]
    assert decide(MERGED, 30, 33, 60, 60, 60) == ("achter-a", "achter-b", 3.0, True)
    # b just above the cut-off (34): still the runner-up, 4 higher (2.8 weighed) against 3.8 (4.2 weighed).
    # mean 244 / 5 = 48.8, cut-off 33.8.
    assert decide(MERGED, 30, 34, 60, 60, 60) == ("achter-a", "achter-b", 4.0, True)
    # b well above a: none behind first. 25, 45, 60, 60, 60: mean 50, cut-off 35; none behind:
    # 35 - 25 = 10 (11.2 weighed), b: 45 - 25 = 20 (14.1 weighed).
    assert decide(MERGED, 25, 45, 60, 60, 60) == ("achter-a", "geen-achter", 10.0, False)


def test_incomplete_answers_give_no_profile():
    a = scan("supportlijnen")
    answers = {q.id: 4 for q in a.questions if q.dimension != "samenwerking"}
    r = engine.score(a, answers)
    assert (r["profile"], r["runner_up"], r["borderline"], r["relative"]) == (None, None, False, None)
    assert r["flags"][0] == "incomplete"
    assert profiles_of(SIMPLE, {"a": 10, "b": 50, "c": 50, "d": 50, "e": None}) == (None, None, False)


def test_result_carries_what_the_page_needs():
    r = engine.score(SIMPLE, {"a1": 1, "a2": 2, **{f"{d}{i}": 4 for d in "bcde" for i in (1, 2)}})
    # a: (0 + 1) / 8 = 12.5; the rest 75: mean 62.5, a 50 below.
    assert r["profile"]["id"] == "achter-a" and "distance" not in r["profile"]
    assert r["relative"] == {"mean": 62.5, "range": 62.5, "level": {"id": "midden", "label": "Midden"},
                             "balanced": False, "behind": ["a"]}
    assert list(r) == ["assessment", "version", "perspective", "complete", "answered", "total", "dimensions",
                       "profile", "runner_up", "borderline", "relative", "flags"]


def test_other_rules_have_no_relative_figures(example):
    assert engine.score(example, {})["relative"] is None


def test_team_result_uses_the_same_rule():
    a = scan("supportlijnen")

    def member(cs_level):
        return {q.id: (6 - cs_level if q.reverse else cs_level) if q.dimension == "concernsupport"
                else (2 if q.reverse else 4) for q in a.questions}
    # concernsupport 25 (level 2) for three members, 50 for one: team mean 31.3; the rest 75: mean 66.3.
    team = engine.aggregate(a, [member(2), member(2), member(2), member(3)])
    assert team["profile"]["id"] == "achter-concernsupport"


def test_round_trip_through_plain_data():
    a = scan("supportlijnen")
    data = engine.to_data(a)
    assert data["relative"] == {"behind": 15, "balanced_range": 20, "margin": 5, "levels": LEVELS}
    assert data["profiles"][0]["outcome"] == {"behind": "persoonlijk-leiderschap"}
    assert "when" not in data["profiles"][0] and "borderline_margin" not in data
    assert engine.parse_assessment(data) == a
    assert engine.parse_assessment(engine.to_data(LEVELLED)) == LEVELLED


def test_supportlijnen_is_on_the_relative_rule():
    a = scan("supportlijnen")
    assert (a.version, a.profile_rule, a.relative.behind, a.relative.balanced_range) == (4, "relative", 15, 20)
    assert [(lv.id, lv.upto) for lv in a.relative.levels] == [("zwak", 35), ("midden", 65), ("sterk", 100)]
    assert [p.id for p in a.profiles] == [f"achter-{d.id}" for d in a.dimensions] + ["geen-lijn-achter"]
    header = (ROOT / "assessments" / "supportlijnen.yml").read_text(encoding="utf-8").split("\nid: ", 1)[0]
    assert "VOORSTEL" not in header and "profile_distance" not in header


def test_supportlijnen_texts_follow_the_text_rules():
    data = scan_data("supportlijnen")
    for p in data["profiles"]:
        assert p["text"].count("**Eerste stap:**") == 1, p["id"]
        assert "geen cijfer" in p["text"], p["id"]
        assert "toolkit" not in p["text"].lower() and "meepraten" not in p["text"], p["id"]
    for d in data["dimensions"]:
        for band in d["bands"]:
            assert "Eerste stap" not in band["advice"], (d["id"], band["upto"])
    leadership = next(p["text"] for p in data["profiles"] if p["id"] == "achter-leiderschap")
    assert "teams beslissen zelf" in leadership.lower()


# -- validation, with file:line ----------------------------------------------------------------

GOOD = textwrap.dedent("""\
    id: lijnen
    version: 1
    title: Lijnen
    audience: organisation
    scale:
      min: 1
      max: 5
      labels: {1: a, 2: b, 3: c, 4: d, 5: e}
    dimensions:
      - {id: mensen, title: Mensen, bands: [{upto: 100, label: x}]}
      - {id: teams, title: Teams, bands: [{upto: 100, label: x}]}
      - {id: leiding, title: Leiding, bands: [{upto: 100, label: x}]}
    questions:
      - {id: q1, text: Vraag, dimension: mensen}
      - {id: q2, text: Vraag, dimension: teams}
      - {id: q3, text: Vraag, dimension: leiding}
    profile_rule: relative
    relative:
      behind: 15
      balanced_range: 20
      margin: 5
      levels:
        - {id: laag, upto: 35, label: Laag}
        - {id: midden, upto: 65, label: Midden}
        - {id: hoog, upto: 100, label: Hoog}
    profiles:
      - id: achter-mensen
        outcome: {behind: mensen}
      - id: achter-teams
        outcome: {behind: teams}
      - id: achter-leiding
        outcome: {behind: leiding}
      - id: in-balans
        outcome: {balanced: true}
      - id: ongelijk
        outcome: {balanced: false}
    """)


def problems_for(tmp_path, text):
    """Validate ``text`` as a file (with an empty content/ beside it); the problems without the file name."""
    (tmp_path / "content").mkdir(exist_ok=True)
    path = tmp_path / "lijnen.yml"
    path.write_text(text, encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        _, problems = parse_file(path)
    finally:
        os.chdir(here)
    return [p.split(":", 1)[1] for p in problems]


def line_of(text, needle):
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_relative_example_is_valid(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize("old, new, message", [
    ("  behind: 15", "  behind: 0", "expected relative.behind above 0 and at most 100 score points, received 0"),
    ("  behind: 15", "  behind: veel", "expected relative.behind as a number, received text ('veel')"),
    ("  balanced_range: 20", "  balanced_range: 120",
     "expected relative.balanced_range above 0 and at most 100 score points, received 120"),
    ("  balanced_range: 20", "  balanced_range: .nan",
     "expected relative.balanced_range as a finite number, received nan"),
    ("  margin: 5", "  margin: 60", "expected relative.margin above 0 and at most 50 score points, received 60"),
    ("  margin: 5", "  margin: -1", "expected relative.margin above 0 and at most 50 score points, received -1"),
    ("    - {id: midden, upto: 65, label: Midden}", "    - {id: midden, upto: 30, label: Midden}",
     "levels out of order: expected upto above 35, received 30"),
    ("    - {id: hoog, upto: 100, label: Hoog}", "    - {id: hoog, upto: 90, label: Hoog}",
     "the last level must end at upto: 100, received 90"),
    ("    - {id: hoog, upto: 100, label: Hoog}", "    - {id: midden, upto: 100, label: Hoog}",
     "duplicate level id 'midden' (also at position 2)"),
    ("    outcome: {behind: mensen}", "    outcome: {behind: mensn}",
     "outcome behind on unknown dimension text ('mensn'); did you mean 'mensen'? (known: mensen, teams, leiding)"),
    ("    outcome: {balanced: true}", "    outcome: {balanced: true, level: hooog}",
     "unknown level text ('hooog'); did you mean 'hoog'? (levels: laag, midden, hoog)"),
    ("    outcome: {balanced: true}", "    outcome: {balanced: ja}",
     "expected balanced: true or false, received text ('ja')"),
    ("    outcome: {behind: mensen}", "    outcome: {behind: mensen, level: laag}",
     "level does not go with behind: a profile for a dimension behind holds whatever the balance and level; "
     "make a separate profile for level"),
    ("    outcome: {balanced: true}", "    outcome: {balance: true}",
     "unknown key 'balance' in an outcome; did you mean 'balanced'? (allowed: behind, balanced, level)"),
    ("    outcome: {balanced: true}", "    outcome: {balanced: true}\n    when: {}",
     "when is not used with profile_rule: relative; give the profile an outcome instead"),
    ("    outcome: {balanced: true}", "    outcome: {balanced: true}\n    prototype: {mensen: 50}",
     "prototype is not used with profile_rule: relative; give the profile an outcome instead"),
    ("profile_rule: relative", "profile_rule: relativ",
     "expected profile_rule as one of: first-match, nearest, relative, received text ('relativ'); "
     "did you mean 'relative'?"),
    ("profile_rule: relative", "profile_rule: relative\nborderline_margin: 5",
     "borderline_margin applies only with profile_rule: nearest; with profile_rule: relative, "
     "set relative.margin instead"),
])
def test_each_mistake_gives_its_message_at_its_line(tmp_path, old, new, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    assert problems_for(tmp_path, text) == [f"{line_of(text, new.splitlines()[-1])}: {message}"]


def test_a_misspelt_required_key_is_named_and_missed(tmp_path):
    text = GOOD.replace("  behind: 15", "  behnd: 15").replace("upto: 100, label: Hoog", "upto: 100, lable: Hoog")
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, 'behnd')}: unknown key 'behnd' in the relative block; did you mean 'behind'? "
        f"(allowed: behind, balanced_range, margin, levels)",
        f"{line_of(text, 'relative:')}: the relative block is missing the required key 'behind'",
        f"{line_of(text, 'lable')}: unknown key 'lable' in a level; did you mean 'label'? (allowed: id, upto, label)",
        f"{line_of(text, 'lable')}: a level is missing the required key 'label'"]


def test_every_outcome_needs_a_profile(tmp_path):
    text = GOOD.replace("  - id: achter-teams\n    outcome: {behind: teams}\n", "") \
        .replace("    outcome: {balanced: false}", "    outcome: {balanced: false, level: laag}")
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, 'profiles:')}: expected a profile for every outcome of profile_rule: relative; "
        f"no profile for behind: teams, balanced: false, level: midden, balanced: false, level: hoog"]


def test_an_empty_outcome_is_none_behind_whatever_the_balance(tmp_path):
    # outcome: {} holds for every outcome without a dimension behind, so one profile covers them all ...
    text = GOOD.replace("  - id: in-balans\n    outcome: {balanced: true}\n  - id: ongelijk\n    outcome: {balanced: false}\n",
                        "  - id: geen-achter\n    outcome: {}\n")
    assert problems_for(tmp_path, text) == []
    # ... and a profile after it is never chosen.
    text = GOOD.replace("    outcome: {balanced: true}", "    outcome: {}")
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, '{balanced: false}')}: profile 'ongelijk' is never chosen: "
        f"the profiles above it already cover its outcome"]


def test_a_profile_that_is_never_chosen(tmp_path):
    text = GOOD + "  - id: overal\n    outcome: {level: hoog}\n"
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, '{level: hoog}')}: profile 'overal' is never chosen: "
        f"the profiles above it already cover its outcome"]


def test_relative_only_with_its_rule(tmp_path):
    text = GOOD.replace("profile_rule: relative\n", "profile_rule: nearest\n")
    problems = problems_for(tmp_path, text)
    assert problems[0] == (f"{line_of(text, 'relative:')}: relative applies only with profile_rule: relative; "
                           f"set profile_rule: relative or remove it (received profile_rule: nearest)")
    assert (f"{line_of(text, '{behind: mensen}')}: outcome is only used with profile_rule: relative; "
            f"use prototype here, or set profile_rule: relative") in problems


def test_the_rule_needs_its_block(tmp_path):
    text = GOOD[:GOOD.index("relative:\n")] + GOOD[GOOD.index("profiles:"):]
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, 'profile_rule:')}: profile_rule: relative needs a relative block "
        f"(behind, balanced_range and levels)"]


def test_a_profile_without_outcome(tmp_path):
    text = GOOD.replace("  - id: ongelijk\n    outcome: {balanced: false}\n", "  - id: ongelijk\n    title: Ongelijk\n")
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, '- id: ongelijk')}: a profile is missing the required key 'outcome'"]


def test_one_dimension_cannot_be_compared_with_itself(tmp_path):
    text = GOOD
    for gone in ("  - {id: teams, title: Teams, bands: [{upto: 100, label: x}]}\n",
                 "  - {id: leiding, title: Leiding, bands: [{upto: 100, label: x}]}\n",
                 "  - {id: q2, text: Vraag, dimension: teams}\n", "  - {id: q3, text: Vraag, dimension: leiding}\n",
                 "  - id: achter-teams\n    outcome: {behind: teams}\n",
                 "  - id: achter-leiding\n    outcome: {behind: leiding}\n"):
        assert gone in text
        text = text.replace(gone, "")
    assert problems_for(tmp_path, text) == [
        f"{line_of(text, 'relative:')}: profile_rule: relative compares the dimensions with each other; "
        f"expected at least 2 dimensions, received 1"]

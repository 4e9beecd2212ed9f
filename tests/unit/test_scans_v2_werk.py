"""Issue 12, items 4, 5, 8, 9, 10 and 11 for the Werksoort- and Supportlijnen-scan: hand-computed respondents.

Every expected distance below is worked out by hand from the prototypes in the
YAML (Euclidean distance over the prototype's dimensions, rounded to one
decimal as the engine shows it). Respondents are given as *points* per
dimension: a dimension with n questions on the 1-5 scale has 0..4n points and
scores round(100 * points / 4n, 1); ``answers_for`` spreads the points over the
questions (mirrored for reversed ones), so the tables do not depend on which
items happen to be reversed.

Werksoort: 6 + 6 + 4 + 4 questions (24, 24, 16, 16 points).
Supportlijnen: 6 questions per line (24 points; 3 points = 12.5 score points exactly); its runner-up
and gap follow profile_rule: relative (see tests/unit/test_relative_profiles.py for the weighing).
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import engine

ROOT = Path(__file__).resolve().parents[2]

WAT, HOE, VAR, KB = "voorspelbaar-wat", "voorspelbaar-hoe", "variatie", "kennis-van-buiten"
PL, SW, LS, CS, LO = "persoonlijk-leiderschap", "samenwerking", "leiderschap", "concernsupport", "lerende-organisatie"
LINES = (PL, SW, LS, CS, LO)


from support import scan as loaded, scan_data as raw


def answers_for(scan: str, points: dict[str, int], unknown: dict[str, int] | None = None) -> dict:
    """Answers with exactly ``points[dim]`` points per dimension; ``unknown[dim]`` questions left as "weet ik niet"."""
    unknown = unknown or {}
    answers = {}
    for dim in raw(scan)["dimensions"]:
        qs = [q for q in raw(scan)["questions"] if q["dimension"] == dim["id"]]
        skip = unknown.get(dim["id"], 0)
        for q in qs[:skip]:
            answers[q["id"]] = "unknown"
        qs = qs[skip:]
        total = points[dim["id"]]
        assert 0 <= total <= 4 * len(qs)
        for i, q in enumerate(qs):
            share = total // len(qs) + (1 if i < total % len(qs) else 0)
            answers[q["id"]] = 5 - share if q.get("reverse") else 1 + share
    return answers


def result(scan: str, points: dict[str, int], **kwargs) -> dict:
    return engine.score(loaded(scan), answers_for(scan, points, **kwargs))


def summary(r: dict) -> tuple:
    """(profile, its distance, runner-up, its distance, borderline)."""
    return (r["profile"]["id"], r["profile"]["distance"], r["runner_up"]["id"], r["runner_up"]["distance"],
            r["borderline"])


def ws(wat: int, hoe: int, var: int = 8, kb: int = 8) -> dict[str, int]:
    """Werksoort points: wat and hoe 0..24, variatie and kennis 0..16 (8 = 50)."""
    return {WAT: wat, HOE: hoe, VAR: var, KB: kb}


def sl(pl: int, sw: int, ls: int, cs: int, lo: int) -> dict[str, int]:
    """Supportlijnen points per line, 0..24 (score = 100 * points / 24)."""
    return dict(zip(LINES, (pl, sw, ls, cs, lo)))


# ==========================================================================================
# Werksoort (issue 12, item 4): a 2x2 of "voorspelbaar wát" x "voorspelbaar hóe"
# ==========================================================================================

def test_werksoort_is_a_2x2_over_exactly_the_two_axes():
    a = loaded("werksoort")
    assert a.version >= 2
    assert a.profile_rule == "nearest"
    assert a.borderline_margin == 12
    prototypes = {p.id: p.prototype for p in a.profiles}
    assert prototypes == {
        "ingewikkeld": {WAT: 75, HOE: 25},
        "wisselend": {WAT: 25, HOE: 75},
        "repeterend": {WAT: 75, HOE: 75},
        "complex": {WAT: 25, HOE: 25},
    }
    assert "chaotisch" not in prototypes  # unreachable (about 2% as a fifth prototype): now a paragraph in "complex"


def test_werksoort_chaos_is_met_with_calm_first_not_a_workgroup():
    complex_text = next(p["text"] for p in raw("werksoort")["profiles"] if p["id"] == "complex")
    assert "eerst om rust te brengen" in complex_text and "opnieuw" in complex_text  # act first, then look again
    assert "werkgroep" not in complex_text


@pytest.mark.parametrize("scan", ["werksoort"])
def test_every_profile_says_it_is_not_a_grade(scan):
    for p in raw(scan)["profiles"]:
        assert "Een soort werk is geen cijfer" in p["text"], p["id"]


def test_all_neutral_is_borderline_and_never_plainly_complex():
    # Every axis at 50: all four prototypes at sqrt(25^2 + 25^2) = 35.355... -> 35.4. A tie: the first
    # profile in the file (a mixed type) wins, the second is the runner-up, and the result is borderline.
    neutral = {q["id"]: 3 for q in raw("werksoort")["questions"]}
    r = engine.score(loaded("werksoort"), neutral)
    assert summary(r) == ("ingewikkeld", 35.4, "wisselend", 35.4, True)
    assert r["profile"]["id"] != "complex"
    assert {d["band"]["label"] for k, d in r["dimensions"].items() if k in (WAT, HOE)} == {"Tussenin"}


@pytest.mark.parametrize(("who", "points", "expected"), [
    # P4: a government department; predictable, repetitive execution work (wat 100, hoe 75).
    # repeterend (75,75): 25.0; ingewikkeld (75,25): sqrt(25^2+50^2) = 55.9.
    ("P4 rijksdienst", ws(24, 18, var=4, kb=4), ("repeterend", 25.0, "ingewikkeld", 55.9, False)),
    # P6: a library organisation whose new role in society has to be invented by the staff (wat 25, hoe 12.5).
    # complex (25,25): 12.5; ingewikkeld (75,25): sqrt(50^2 + 12.5^2) = 51.5; wisselend (25,75): 62.5.
    ("P6 bibliotheek, nieuwe maatschappelijke rol", ws(6, 3, var=12, kb=12),
     ("complex", 12.5, "ingewikkeld", 51.5, False)),
    # P1-like: outdoor maintenance (mowing, pruning, planting) by season; known craft (wat 75, hoe 87.5).
    # repeterend 12.5; wisselend sqrt(50^2 + 12.5^2) = 51.5.
    ("P1-achtig: buitendienst", ws(18, 21, var=6, kb=4), ("repeterend", 12.5, "wisselend", 51.5, False)),
    # A help desk: a known approach, but what comes in changes (wat 20.8, hoe 79.2).
    ("loket", ws(5, 19, var=12, kb=4), ("wisselend", 5.9, "repeterend", 54.4, False)),
    # Specialists: the goal is clear, the route is not (wat 83.3, hoe 29.2).
    ("vakspecialisten", ws(20, 7, var=10, kb=14), ("ingewikkeld", 9.3, "repeterend", 46.5, False)),
])
def test_werksoort_practice_examples(who, points, expected):
    assert summary(result("werksoort", points)) == expected, who


def test_werksoort_p4_text_points_to_a_well_running_team():
    text = next(p["text"] for p in raw("werksoort")["profiles"] if p["id"] == "repeterend")
    assert "goed draaiend team" in text
    assert "niet vanzelf beter" in text


@pytest.mark.parametrize(("wat", "hoe"), [(24, 18), (6, 3), (12, 12), (11, 18), (13, 6), (0, 24)])
def test_werksoort_context_dimensions_do_not_choose_the_profile(wat, hoe):
    """Variatie and kennis van buiten are signals (their bands), never the profile or its distances."""
    seen = {summary(result("werksoort", ws(wat, hoe, var, kb)))
            for var, kb in itertools.product((0, 4, 8, 12, 16), repeat=2)}
    assert len(seen) == 1


def _band_is_middle(dimension: dict, score: float) -> bool:
    bands = dimension["bands"]
    return bands[0]["upto"] < score <= bands[1]["upto"]


@pytest.mark.parametrize("skip", [0, 1, 2, 3])
@pytest.mark.parametrize(("axis", "other"), [(WAT, HOE), (HOE, WAT)])
def test_werksoort_bands_and_borderline_share_one_boundary(axis, other, skip):
    """Item 8: on a row of prototypes (the other axis at 25 or 75) the result is borderline exactly
    where the axis is in the middle band (44 < score <= 55.9), with 6, 5, 4 or 3 questions answered."""
    dims = {d["id"]: d for d in raw("werksoort")["dimensions"]}
    assert [b["upto"] for d in dims.values() for b in d["bands"]] == [44, 55.9, 100] * 4
    most = 4 * (6 - skip)
    for row in (6, 18):  # 25 and 75 on the other axis
        for k in range(most + 1):
            points = ws(0, 0)
            points[axis], points[other] = k, row
            r = result("werksoort", points, unknown={axis: skip})
            score = r["dimensions"][axis]["score"]
            assert r["borderline"] == _band_is_middle(dims[axis], score), (axis, skip, row, k, score)
            if score != 50:
                high = score > 50
                expected = {(True, True): "repeterend", (True, False): "ingewikkeld",
                            (False, True): "wisselend", (False, False): "complex"}
                key = (high, row == 18) if axis == WAT else (row == 18, high)
                assert r["profile"]["id"] == expected[key]


def test_werksoort_hand_computed_borderline_pair():
    # wat 45.8 (11 of 24), hoe 75: wisselend 20.8, repeterend 29.2 -> 8.4 apart, under 12: borderline.
    assert summary(result("werksoort", ws(11, 18))) == ("wisselend", 20.8, "repeterend", 29.2, True)
    # wat 41.7 (10 of 24), hoe 75: wisselend 16.7, repeterend 33.3 -> 16.6 apart: not borderline.
    assert summary(result("werksoort", ws(10, 18))) == ("wisselend", 16.7, "repeterend", 33.3, False)


def test_werksoort_partial_answers_give_no_profile():
    answers = answers_for("werksoort", ws(24, 18))
    for q in raw("werksoort")["questions"]:
        if q["dimension"] == WAT:
            answers[q["id"]] = "unknown"
    r = engine.score(loaded("werksoort"), answers)
    assert r["profile"] is None and r["runner_up"] is None and r["borderline"] is False
    assert r["flags"][0] == "incomplete"


def test_werksoort_team_of_the_p4_department():
    members = [answers_for("werksoort", ws(wat, hoe, 4, 4)) for wat, hoe in
               [(24, 18), (22, 20), (20, 16), (23, 19), (18, 22)]]
    team = engine.aggregate(loaded("werksoort"), members)
    # Team means: wat (100+91.7+83.3+95.8+75)/5 = 89.2, hoe (75+83.3+66.7+79.2+91.7)/5 = 79.2.
    assert team["dimensions"][WAT]["mean"] == 89.2 and team["dimensions"][HOE]["mean"] == 79.2
    assert team["profile"]["id"] == "repeterend" and team["borderline"] is False


# -- reflection (item 10) ---------------------------------------------------------------------

def test_werksoort_has_the_three_reflection_prompts_outside_the_code():
    a = loaded("werksoort")
    assert a.audience == "team"
    assert [p.id for p in a.reflection] == ["trots", "veranderen", "balen"]
    texts = [p.text if isinstance(p.text, str) else p.text["nl"] for p in a.reflection]
    assert "trots" in texts[0] and "meteen" in texts[1] and "baal" in texts[2]
    assert not {p.id for p in a.reflection} & {q.id for q in a.questions}
    answers = answers_for("werksoort", ws(24, 18))
    decoded = engine.decode(a, engine.encode(a, answers))
    assert set(decoded["answers"]) == {q.id for q in a.questions}


# ==========================================================================================
# Supportlijnen (issue 12, item 5; v4 with profile_rule: relative): behind = 15 or more below
# the respondent's own mean of the five lines; otherwise one profile, "geen lijn achter", whose text
# explains the balance (range < 20, in result["relative"]) and the level.
# The rule by itself, with made-up scores and its validation: tests/unit/test_relative_profiles.py.
# ==========================================================================================

def relative_summary(r: dict) -> tuple:
    """(profile, runner-up, its gap in points, borderline)."""
    return r["profile"]["id"], r["runner_up"]["id"], r["runner_up"]["gap"], r["borderline"]


@pytest.mark.parametrize(("who", "points", "expected"), [
    # Scores 25, 37.5, 37.5, 50, 50: mean 40, PL exactly 15 below -> behind. Runner-up: none behind
    # (PL 0 below the cut-off of 25: gap 0) before SW behind (12.5 higher, 8.8 weighed).
    ("precies 15 onder het eigen gemiddelde", sl(6, 9, 9, 12, 12),
     ("achter-persoonlijk-leiderschap", "geen-lijn-achter", 0.0, True)),
    # LO 45.8 instead of 50: mean 195.8 / 5 = 39.16 -> 39.2, PL 14.2 below: not behind.
    # Runner-up: PL behind, 25 - 24.2 = 0.8 above the cut-off (0.9 weighed).
    ("14,2 onder het eigen gemiddelde", sl(6, 9, 9, 12, 11),
     ("geen-lijn-achter", "achter-persoonlijk-leiderschap", 0.8, True)),
    # The first case 25 higher everywhere (50, 62.5, 62.5, 75, 75): the same shape, the same verdict.
    ("zelfde vorm, 25 punten hoger", sl(12, 15, 15, 18, 18),
     ("achter-persoonlijk-leiderschap", "geen-lijn-achter", 0.0, True)),
    # All 50: none behind. Runner-up: PL behind (the first of the equal lowest), 15 to go (16.8 weighed).
    ("overal 50", sl(12, 12, 12, 12, 12), ("geen-lijn-achter", "achter-persoonlijk-leiderschap", 15.0, False)),
    # 62.5-66.7 everywhere (the old "uit balans" case): mean 65.0, none behind (range 4.2: in balance).
    # Runner-up: PL behind, 62.5 - 50 = 12.5 (14.0 weighed).
    ("overal tussen 62 en 67", sl(15, 16, 15, 16, 16),
     ("geen-lijn-achter", "achter-persoonlijk-leiderschap", 12.5, False)),
    # Two lines behind (SW 37.5, LS 25, the rest 75; mean 57.5, cut-off 42.5): the lowest one is the profile,
    # the other the runner-up (37.5 - 25 = 12.5, 8.8 weighed; none behind: 17.5, 19.6 weighed).
    ("twee lijnen achter: de laagste telt", sl(18, 9, 6, 18, 18),
     ("achter-leiderschap", "achter-samenwerking", 12.5, False)),
    # One line ahead (75, the rest 50; mean 55, lowest 5 below): none behind (range 25: not in balance,
    # which the result shows in relative.balanced). Runner-up: PL behind, 50 - 40 = 10 (11.2 weighed).
    ("een lijn loopt voorop", sl(12, 12, 12, 12, 18),
     ("geen-lijn-achter", "achter-persoonlijk-leiderschap", 10.0, False)),
])
def test_supportlijnen_rules(who, points, expected):
    assert relative_summary(result("supportlijnen", points)) == expected, who


@pytest.mark.parametrize("shift", [-6, -3, 0, 3, 6])
def test_supportlijnen_behind_is_relative_to_the_own_mean(shift):
    """Adding the same points to every line never changes which line is behind (shape only, not level)."""
    base = (12, 18, 9, 15, 18)   # 50, 75, 37.5, 62.5, 75: mean 60, LS 22.5 below
    r = result("supportlijnen", sl(*(p + shift for p in base)))
    assert r["profile"]["id"] == "achter-leiderschap"
    assert r["relative"]["behind"] == ["leiderschap"]


def test_supportlijnen_neutral_is_never_weak():
    neutral = {q["id"]: 3 for q in raw("supportlijnen")["questions"]}
    r = engine.score(loaded("supportlijnen"), neutral)
    assert r["profile"]["id"] == "geen-lijn-achter"
    assert (r["relative"]["balanced"], r["relative"]["level"]) == (True, {"id": "midden", "label": "Midden"})
    assert {d["band"]["label"] for d in r["dimensions"].values()} == {"Op gang"}


def test_supportlijnen_bands_use_35_and_65_everywhere():
    for dim in raw("supportlijnen")["dimensions"]:
        assert [b["upto"] for b in dim["bands"]] == [35, 65, 100], dim["id"]
    assert [lv["upto"] for lv in raw("supportlijnen")["relative"]["levels"]] == [35, 65, 100]


@pytest.mark.parametrize(("who", "points", "expected"), [
    # P5: business operations in a Frisian municipality, swallowed by planning and control.
    # 75, 50, 75, 25, 50: mean 55, concernsupport 30 below.
    ("P5 gemeente in Friesland", sl(18, 12, 18, 6, 12), "achter-concernsupport"),
    # The same pattern in an organisation where everything is still low: 25, 25, 25, 0, 25 (mean 20, 20 below).
    ("P5, alles nog laag", sl(6, 6, 6, 0, 6), "achter-concernsupport"),
    # P6: a library organisation before the theatre tour: much is planned, little room to learn together.
    ("P6 bibliotheek vóór de theatertour", sl(12, 18, 12, 18, 6), "achter-lerende-organisatie"),
    # P3 seen from the organisation: self-organising care teams without clear agreements.
    ("P3 zorgorganisatie", sl(18, 6, 18, 12, 18), "achter-samenwerking"),
    # P2 seen from the organisation: it asks flexible, facilitating leadership of managers who are not there yet.
    # 75, 75, 33.3, 62.5, 62.5: mean 61.7, leiderschap 28.4 below.
    ("P2 organisatie van Anna", sl(18, 18, 8, 15, 15), "achter-leiderschap"),
])
def test_supportlijnen_practice_examples(who, points, expected):
    assert result("supportlijnen", points)["profile"]["id"] == expected, who


def test_supportlijnen_team_result_uses_the_same_rule():
    members = [answers_for("supportlijnen", sl(*p)) for p in
               [(18, 12, 18, 6, 12), (16, 14, 18, 8, 12), (20, 12, 16, 4, 14), (18, 14, 18, 6, 10)]]
    team = engine.aggregate(loaded("supportlijnen"), members)
    assert team["profile"]["id"] == "achter-concernsupport"


def test_supportlijnen_texts_say_behind_is_relative_and_not_a_grade():
    for p in raw("supportlijnen")["profiles"]:
        assert "15 punten of meer onder het gemiddelde van jullie vijf lijnen" in p["text"], p["id"]
        assert "geen cijfer" in p["text"], p["id"]
    # "geen lijn achter" explains both the balance (range under 20 or not) and the level of the mean.
    none = next(p["text"] for p in raw("supportlijnen")["profiles"] if p["id"] == "geen-lijn-achter")
    assert "Boven 65: sterk" in none and "Boven 35 tot en met 65: midden" in none and "35 of lager: zwak" in none
    assert "Kleiner dan 20 punten: de lijnen zijn in balans" in none and "20 punten of meer" in none


# ==========================================================================================
# Items (issue 12, item 9) and versions (item 11), for both scans
# ==========================================================================================

NEGATIONS = re.compile(r"\b(niet|niemand|geen|nooit|nergens|niets)\b", re.I)
FREQUENCY = re.compile(r"\b(vaak|meestal|altijd|soms|regelmatig|zelden)\b", re.I)
ABSOLUTES = re.compile(r"\b(alle|alles|iedereen|ieder|elke|elk|helemaal|volledig|bijna al)\b", re.I)

RENAMED = {
    "werksoort": {"uitproberen-nodig", "alles-zelf-in-huis", "samen-met-anderen", "werk-komt-terug",
                  "elke-dag-hetzelfde", "vraag-pas-later", "klanten-willen-hetzelfde"},
    "supportlijnen": {"sw-eigen-afspraken", "ls-helemaal-los", "ls-alle-teams-gelijk", "pl-gesprek-over-vrijheid",
                      "sw-hulp-per-team"},
}


@pytest.mark.parametrize("scan", ["werksoort", "supportlijnen"])
def test_items_follow_the_rules(scan):
    qs = raw(scan)["questions"]
    assert sum(bool(q.get("reverse")) for q in qs) / len(qs) >= 0.25
    for q in qs:
        assert not FREQUENCY.search(q["text"]), q["id"]
        assert not ABSOLUTES.search(q["text"]), q["id"]
        if q.get("reverse"):
            assert not NEGATIONS.search(q["text"]), q["id"]
    assert not RENAMED[scan] & {q["id"] for q in qs}


def test_werksoort_items_speak_as_the_team():
    for q in raw("werksoort")["questions"]:
        assert re.search(r"\b(we|ons|onze)\b", q["text"], re.I), q["id"]
        assert not re.search(r"\b(ik|mijn|mij)\b", q["text"], re.I), q["id"]


def test_lo_grote_trajecten_is_single_and_reversed():
    q = next(q for q in raw("supportlijnen")["questions"] if q["id"] == "lo-grote-trajecten")
    assert q["reverse"] is True and "van bovenaf" not in q["text"]


@pytest.mark.parametrize(("scan", "version"), [("werksoort", 2), ("supportlijnen", 4)])
def test_version_is_bumped(scan, version):
    assert raw(scan)["version"] == version

"""Concernsupport-scan, format v2 (issue 12, items 6, 8, 9, 10, 11): hand-computed respondents.

What the issue asks of this scan, one test (or table) per rule:

- item 6: the respondent's perspective (bedrijfsvoering / team) is asked first,
  carried in the result code, and picks the advice and the profile text; no
  catch-all profile with a real role name; "bewaker" is never the profile (the
  source calls business operations the guardians of the collective mission, a
  desired task); no item counts as good in one place and bad in another.
- item 8: one set of boundaries: the bands of the two role dimensions meet
  where the nearest role changes, and the middle band always says "between".
- profiles describe roles (nearest prototypes), not grades: every text says a
  role is not a grade, and the control bands warn on both sides.
- item 9: rewritten items, reverse items phrased as the other pole, no
  frequency words or absolutes; item 10: the reflection prompts never reach
  the engine or the code; item 11: the version went up.
- the source's practice example P5 (the business-operations department of a
  municipality in Friesland) as hand-made respondents.

Scores are computed by hand in the comments: a dimension with n questions on
the 1-5 scale has 0..4n points and scores round(100 * points / (4n), 1).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

import engine
from support import scan as loaded_scan, scan_data
from builder.scans import minutes_for

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "assessments" / "concernsupport.yml"
ROLE_AXES = ("meedenken", "controle")
PERSPECTIVES = ("bedrijfsvoering", "team")
NOT_A_GRADE = "Een rol is geen cijfer"


def raw() -> dict:
    return scan_data("concernsupport")


def scan():
    return loaded_scan("concernsupport")


def questions(dimension: str | None = None) -> list[dict]:
    return [q for q in raw()["questions"] if dimension is None or q["dimension"] == dimension]


def dimension(dim_id: str) -> dict:
    return next(d for d in raw()["dimensions"] if d["id"] == dim_id)


def by_level(**levels: int) -> dict[str, int]:
    """Attitude level 1-5 per dimension: ``v`` on normal items, ``6 - v`` on reversed ones (score 25 * (v - 1))."""
    answers = {}
    for dim in raw()["dimensions"]:
        level = levels[dim["id"].replace("-", "_")]
        for q in questions(dim["id"]):
            answers[q["id"]] = 6 - level if q.get("reverse") else level
    return answers


def by_points(points: dict[str, int]) -> dict[str, int]:
    """Answers giving each dimension exactly ``points`` keyed points (0..4n), spread over its questions."""
    answers = {}
    for dim in raw()["dimensions"]:
        qs = questions(dim["id"])
        total = points.get(dim["id"], 2 * len(qs))
        for i, q in enumerate(qs):
            share = total // len(qs) + (1 if i < total % len(qs) else 0)
            answers[q["id"]] = 5 - share if q.get("reverse") else 1 + share
    return answers


# --------------------------------------------------------------------------
# Item 6: the perspective, asked first and carried in the code
# --------------------------------------------------------------------------

def test_perspective_has_the_two_places_of_the_issue():
    perspective = raw()["perspective"]
    assert [o["id"] for o in perspective["options"]] == list(PERSPECTIVES)
    labels = {o["id"]: o["label"] for o in perspective["options"]}
    assert labels["bedrijfsvoering"] == "Ik werk in de bedrijfsvoering"
    assert labels["team"].startswith("Ik werk in een team dat support krijgt")
    # the format asks it before the questions; the intro says so too
    assert "Je kiest eerst vanuit welke plek" in raw()["intro"]


@pytest.mark.parametrize("perspective", [*PERSPECTIVES, None])
def test_the_code_carries_the_perspective(perspective):
    answers = by_level(informatie=2, faciliteiten=3, meedenken=2, controle=4, gezamenlijke_missie=3)
    code = engine.encode(scan(), answers, perspective=perspective)
    decoded = engine.decode(scan(), code)
    assert decoded["perspective"] == perspective
    assert decoded["answers"] == answers
    again = engine.score(scan(), decoded["answers"], perspective=decoded["perspective"])
    assert again == engine.score(scan(), answers, perspective=perspective)


def test_an_unknown_perspective_is_refused():
    with pytest.raises(engine.AnswerError):
        engine.score(scan(), {}, perspective="management")


def test_every_band_and_profile_is_written_per_perspective():
    for dim in raw()["dimensions"]:
        for band in dim["bands"]:
            texts = band["advice_by_perspective"]
            assert set(texts) == set(PERSPECTIVES), (dim["id"], band["upto"])
            for who, text in texts.items():
                # a band gives an idea; the one prioritised first step is in the profile text
                assert "**Een idee:**" in text and "Eerste stap" not in text, (dim["id"], band["upto"], who)
                assert text != band["advice"]
    for profile in raw()["profiles"]:
        texts = profile["text_by_perspective"]
        assert set(texts) == set(PERSPECTIVES), profile["id"]
        for who, text in [("", profile["text"]), *texts.items()]:
            assert text.count("Eerste stap") == 1 and "**Eerste stap:**" in text, (profile["id"], who)
    # the bedrijfsvoering speaks about "jullie"/"je eigen"; the team about what it "ervaart"/"merkt"
    for profile in raw()["profiles"]:
        assert re.search(r"\bJullie\b", profile["text_by_perspective"]["bedrijfsvoering"]), profile["id"]
        assert re.search(r"\bJe ervaart\b", profile["text_by_perspective"]["team"]), profile["id"]


@pytest.mark.parametrize("perspective", PERSPECTIVES)
def test_the_result_follows_the_perspective(perspective):
    result = engine.score(scan(), by_level(informatie=2, faciliteiten=3, meedenken=2, controle=4,
                                           gezamenlijke_missie=3), perspective=perspective)
    assert result["perspective"] == perspective
    profile = next(p for p in raw()["profiles"] if p["id"] == "controleur")
    assert result["profile"]["text"] == profile["text_by_perspective"][perspective]
    for dim in raw()["dimensions"]:
        band = result["dimensions"][dim["id"]]["band"]
        assert band["advice"] == dim["bands"][band["index"]]["advice_by_perspective"][perspective]


def test_without_a_perspective_the_general_texts():
    result = engine.score(scan(), by_level(informatie=2, faciliteiten=3, meedenken=2, controle=4,
                                           gezamenlijke_missie=3))
    assert result["perspective"] is None
    assert result["profile"]["text"] == next(p for p in raw()["profiles"] if p["id"] == "controleur")["text"]
    assert result["dimensions"]["informatie"]["band"]["advice"] == dimension("informatie")["bands"][0]["advice"]


# --------------------------------------------------------------------------
# Item 6: roles, not a catch-all; no "bewaker" profile
# --------------------------------------------------------------------------

def test_nearest_roles_on_two_axes_and_no_catch_all():
    assert raw()["profile_rule"] == "nearest"
    prototypes = {p["id"]: p["prototype"] for p in raw()["profiles"]}
    assert prototypes == {
        "controleur": {"meedenken": 25, "controle": 75},
        "intern-consultant": {"meedenken": 75, "controle": 25},
        "adviseur": {"meedenken": 25, "controle": 25},
        "businesspartner": {"meedenken": 75, "controle": 75},
    }
    assert all("when" not in p for p in raw()["profiles"])


def test_bewaker_is_never_a_profile():
    """The source's 'bewakers van de collectieve missie' is a desired task: a dimension, never the negative role."""
    for profile in raw()["profiles"]:
        assert "bewak" not in profile["id"] and "ewaker" not in profile["title"].lower(), profile["id"]
        for text in [profile["text"], *profile["text_by_perspective"].values()]:
            assert "bewaker" not in text.lower(), profile["id"]
    assert dimension("gezamenlijke-missie")["title"] == "De gezamenlijke missie bewaken"


def test_every_role_text_says_a_role_is_not_a_grade():
    for profile in raw()["profiles"]:
        for text in [profile["text"], *profile["text_by_perspective"].values()]:
            assert NOT_A_GRADE in text, profile["id"]
            # each role has a place where it fits and a pitfall, never only praise or only blame
            assert "Deze rol past" in text and "Let op" in text, profile["id"]
    assert "Geen rol is goed of fout" in raw()["intro"]


# --------------------------------------------------------------------------
# Item 6: no item good in one place and bad in another
# --------------------------------------------------------------------------

# Every controlling act and its opposite, with the direction it counts on "Controle en toezicht"
# (hoog = veel toezicht). Before v2, "aanspreken-op-afspraken" counted as good (gezamenlijke missie)
# and "vooral-controleren" as bad (regels en control).
CONTROL_ITEMS = {
    "controleert-achteraf": False, "spreekt-aan-bij-afwijken": False, "eerst-toestemming": False,
    "uitgebreid-verantwoorden": False, "eigen-budget": True, "afwijken-mag": True, "vertrouwt-op-teams": True,
}
CONTROL_WORDS = re.compile(r"controle|controleer|toestemming|verantwoord|spreekt .* aan|aanspreken|\bregels?\b", re.I)


def test_every_controlling_act_sits_in_one_dimension_one_way():
    found = {q["id"]: bool(q.get("reverse")) for q in questions("controle")}
    assert found == CONTROL_ITEMS
    for q in questions():
        if q["dimension"] != "controle":
            assert not CONTROL_WORDS.search(q["text"]), q["id"]


def test_the_old_contradiction_is_gone():
    ids = {q["id"] for q in questions()}
    assert not ids & {"aanspreken-op-afspraken", "vooral-controleren"}
    assert not any(q["dimension"] == "regels-en-control" for q in questions())


def test_control_bands_warn_on_both_sides():
    """'Controle en toezicht' is no grade: low and high both name what to watch; the description says so."""
    control = dimension("controle")
    assert "Hoog of laag is geen cijfer" in control["description"]
    low, middle, high = control["bands"]
    assert "Houd wel zicht" in low["advice"] and "Dat geeft snelheid" in low["advice"]
    assert "Dat geeft zekerheid" in high["advice"] and "lopen teams vast" in high["advice"]
    assert "tussen twee rollen" in middle["advice"]


# --------------------------------------------------------------------------
# Item 8: one set of boundaries for bands and roles
# --------------------------------------------------------------------------

def test_one_set_of_band_boundaries_for_every_dimension():
    for dim in raw()["dimensions"]:
        assert [b["upto"] for b in dim["bands"]] == [45, 55, 100], dim["id"]
    assert raw()["borderline_margin"] == 12


def _side(score: float) -> str:
    return "low" if score <= 45 else "middle" if score <= 55 else "high"


def test_bands_and_roles_never_disagree():
    """For every score pair the two role axes can reach: band side == side of the nearest role, middle == between.

    The roles sit at 25 and 75, so the role changes at 50 on each axis. A band
    "low" (<= 45) always comes with a role at 25 on that axis, a band "high" (> 55)
    with a role at 75, and a score in the middle band (45, 55] with borderline:
    the distance to the role across the line differs by at most |2s - 100| <= 10,
    below the margin of 12.
    """
    n = {axis: len(questions(axis)) for axis in ROLE_AXES}
    prototypes = {p["id"]: p["prototype"] for p in raw()["profiles"]}
    checked = 0
    for m in range(4 * n["meedenken"] + 1):
        for c in range(4 * n["controle"] + 1):
            result = engine.score(scan(), by_points({"meedenken": m, "controle": c}))
            proto = prototypes[result["profile"]["id"]]
            for axis in ROLE_AXES:
                score = result["dimensions"][axis]["score"]
                side = _side(score)
                assert result["dimensions"][axis]["band"]["index"] == ["low", "middle", "high"].index(side)
                if side == "low":
                    assert proto[axis] == 25, (axis, score, result["profile"]["id"])
                elif side == "high":
                    assert proto[axis] == 75, (axis, score, result["profile"]["id"])
                else:
                    assert result["borderline"] is True, (axis, score)
            checked += 1
    assert checked == 29 * 29


# --------------------------------------------------------------------------
# Hand-made respondents, the practice example P5 first
# --------------------------------------------------------------------------

def _result(answers, perspective=None):
    return engine.score(scan(), answers, perspective=perspective)


def test_p5_business_operations_swallowed_by_planning_and_control():
    """P5: the department of a Frisian municipality, absorbed by planning and control, friction with teams
    that want good information and flexible thinking along; filled in by its own people.

    meedenken level 2 -> 25, controle level 4 -> 75: exactly the controleur prototype (distance 0).
    adviseur (25, 25) and businesspartner (75, 75) are both at 50; the earlier in the list (adviseur) is
    runner-up. 50 - 0 >= 12: not borderline.
    """
    result = _result(by_level(informatie=2, faciliteiten=3, meedenken=2, controle=4, gezamenlijke_missie=3),
                     "bedrijfsvoering")
    assert result["profile"]["id"] == "controleur"
    assert result["profile"]["distance"] == 0
    assert result["runner_up"]["id"] == "adviseur" and result["runner_up"]["distance"] == 50
    assert result["borderline"] is False
    assert result["flags"] == []
    assert "planning en control" in result["profile"]["text"]
    info = result["dimensions"]["informatie"]
    assert (info["score"], info["band"]["label"]) == (25, "Informatie helpt teams weinig")
    assert "vooral voor het management" in info["band"]["advice"]


def test_p5_seen_by_the_internal_client():
    """The same department through the eyes of a team that asks for good information: the team's texts."""
    result = _result(by_level(informatie=2, faciliteiten=3, meedenken=2, controle=4, gezamenlijke_missie=3), "team")
    assert result["profile"]["id"] == "controleur"
    assert result["profile"]["text"].startswith("Je ervaart de bedrijfsvoering vooral als toezicht")
    assert result["dimensions"]["meedenken"]["band"]["advice"].startswith("Je merkt dat de bedrijfsvoering")


def test_p5_after_the_day_flexible_between_two_new_roles():
    """After the day with its team leaders: starting from the work (meedenken level 4 -> 75), control
    in the middle (level 3 -> 50). Intern consultant (75, 25) and businesspartner (75, 75) are both at 25:
    a tie, the earlier one wins, borderline, with the other as runner-up. Flexible in the role, as the source asks.
    """
    result = _result(by_level(informatie=4, faciliteiten=3, meedenken=4, controle=3, gezamenlijke_missie=4),
                     "bedrijfsvoering")
    assert result["profile"]["id"] == "intern-consultant"
    assert result["runner_up"]["id"] == "businesspartner"
    assert result["profile"]["distance"] == result["runner_up"]["distance"] == 25
    assert result["borderline"] is True
    assert result["dimensions"]["controle"]["band"]["label"] == "Tussen ruimte en toezicht"


RESPONDENTS = [
    # who, levels (informatie, faciliteiten, meedenken, controle, gezamenlijke_missie), profile, runner-up, borderline
    ("advies op afstand: ruimte, weinig meedenken", (3, 4, 2, 2, 3), "adviseur", "controleur", False),
    ("meedenken en ruimte geven", (3, 4, 4, 2, 3), "intern-consultant", "adviseur", False),
    ("meedenken en geld en regels scherp in beeld", (4, 3, 4, 4, 4), "businesspartner", "controleur", False),
    ("coach-achtig: meedenken, ruimte, doel in beeld", (3, 3, 5, 1, 5), "intern-consultant", "adviseur", False),
    # the other dimensions never choose the role: all support high, role axes the same as P5
    ("goede informatie en faciliteiten, maar vooral toezicht", (5, 5, 2, 4, 5), "controleur", "adviseur", False),
]


@pytest.mark.parametrize(("who", "levels", "expected", "runner_up", "borderline"), RESPONDENTS,
                         ids=[r[2] + ":" + str(i) for i, r in enumerate(RESPONDENTS)])
def test_hand_made_respondents(who, levels, expected, runner_up, borderline):
    keys = ("informatie", "faciliteiten", "meedenken", "controle", "gezamenlijke_missie")
    result = _result(by_level(**dict(zip(keys, levels))))
    assert result["profile"]["id"] == expected, who
    assert result["runner_up"]["id"] == runner_up, who
    assert result["borderline"] is borderline, who


def test_all_neutral_is_between_two_opposite_roles_and_flagged():
    """Everything 'Neutraal': (50, 50), all four roles at 35.4; the first two in the list, which differ most."""
    result = _result({q["id"]: 3 for q in questions()})
    assert result["profile"]["id"] == "controleur"
    assert result["runner_up"]["id"] == "intern-consultant"
    assert result["profile"]["distance"] == result["runner_up"]["distance"] == round(math.hypot(25, 25), 1)
    assert result["borderline"] is True
    assert "straightlining" in result["flags"]


@pytest.mark.parametrize(("value", "profile"), [(1, "adviseur"), (5, "businesspartner")])
def test_straight_liners_at_the_ends_are_flagged_and_borderline(value, profile):
    """The same raw answer everywhere: 4 normal and 3 reversed items per role axis give 12 of 28 points
    (42.9) for all 1s and 16 of 28 (57.1) for all 5s: near the middle, borderline (25.3 vs 36.8, < 12 apart)."""
    result = _result({q["id"]: value for q in questions()})
    for axis in ROLE_AXES:
        assert result["dimensions"][axis]["score"] == (42.9 if value == 1 else 57.1)
    assert result["profile"]["id"] == profile
    assert result["borderline"] is True
    assert "straightlining" in result["flags"]


def test_no_role_from_partial_answers():
    answers = by_level(informatie=3, faciliteiten=3, meedenken=4, controle=2, gezamenlijke_missie=3)
    for q in questions("controle")[:4]:  # 3 of 7 answered: below half, no score
        answers[q["id"]] = "unknown"
    result = _result(answers, "team")
    assert result["dimensions"]["controle"]["score"] is None
    assert result["profile"] is None and result["runner_up"] is None
    assert result["flags"][0] == "incomplete"


def test_a_team_round_uses_the_same_roles():
    """Three members of P5's department: the team's mean scores give the same role as each of them."""
    members = [by_level(informatie=2, faciliteiten=3, meedenken=level, controle=4, gezamenlijke_missie=3)
               for level in (1, 2, 3)]  # meedenken 0, 25, 50: mean 25
    team = engine.aggregate(scan(), members)
    assert team["dimensions"]["meedenken"]["mean"] == 25
    assert team["profile"]["id"] == "controleur"
    assert team["borderline"] is False


# --------------------------------------------------------------------------
# Item 9: the items
# --------------------------------------------------------------------------

# Items the issue names for this scan, and the old wordings they had.
REWRITTEN = {
    "rapportage-voor-management": "vooral voor het management, niet voor teams",
    "middelen-aanwezig": "zoals laptops, software en ruimtes",
    "vraag-snel-opgelost": "over ICT, personeel of inkoop",
    "eigen-plannen": "zonder eerst teams te vragen",
    "verantwoorden-kost-tijd": "kost teams te veel tijd",
    "dat-kan-niet": '"dat kan niet"',
    "niemand-let-op-koers": "Niemand let erop",
}


def test_every_named_item_is_rewritten():
    texts = " ".join(q["text"] for q in questions())
    ids = {q["id"] for q in questions()}
    for old_id, old_words in REWRITTEN.items():
        assert old_id not in ids, old_id
        assert old_words not in texts, old_id


def test_reverse_items_state_the_other_pole():
    reversed_ = [q for q in questions() if q.get("reverse")]
    assert len(reversed_) / len(questions()) >= 0.25
    for dim in raw()["dimensions"]:
        assert any(q.get("reverse") for q in questions(dim["id"])), dim["id"]
    for q in reversed_:
        assert not re.search(r"\b(niet|niemand|geen|nooit|zonder)\b", q["text"], re.I), q["id"]


def test_no_frequency_words_and_no_absolutes():
    pattern = re.compile(r"\b(vaak|meestal|altijd|soms|nooit|alle|alles|elk|elke|iedereen|niemand)\b", re.I)
    for q in questions():
        assert not pattern.search(q["text"]), q["id"]
        assert q["text"].count(",") <= 1 and " en/of " not in q["text"], q["id"]


def test_the_role_axes_have_the_most_items():
    """The role rests on two dimensions; 7 items each keep the retest agreement above the aim at weak items."""
    assert {axis: len(questions(axis)) for axis in ROLE_AXES} == {"meedenken": 7, "controle": 7}
    assert len(questions()) == 26


# --------------------------------------------------------------------------
# Items 10 and 11: reflection prompts, version and time
# --------------------------------------------------------------------------

def test_reflection_prompts_of_the_source():
    prompts = {r["id"]: r["text"] for r in raw()["reflection"]}
    assert list(prompts) == ["trots", "veranderen", "balen"]
    assert "trots" in prompts["trots"] and "meteen" in prompts["veranderen"] and "baal je" in prompts["balen"]


def test_reflection_never_reaches_the_engine_or_the_code():
    answers = by_level(informatie=3, faciliteiten=3, meedenken=3, controle=3, gezamenlijke_missie=3)
    with pytest.raises(engine.AnswerError):
        engine.score(scan(), {**answers, "trots": "onze snelle aanvragen"})
    with pytest.raises(engine.AnswerError):
        engine.encode(scan(), {**answers, "balen": "formulieren"})
    assert "trots" not in engine.decode(scan(), engine.encode(scan(), answers))["answers"]


def test_version_and_stated_time():
    assert raw()["version"] == 2
    minutes = int(re.search(r"ongeveer (\d+) minuten", raw()["intro"]).group(1))
    assert minutes == minutes_for(scan()) == 6
    assert f"{len(questions())} korte vragen" in raw()["intro"]

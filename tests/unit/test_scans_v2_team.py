"""Issue 12 for the Teamfase-scan and the scan Persoonlijk leiderschap: rules and hand-computed respondents.

What issue 12 asks of these two scans, one test (or table) per rule:

- teamfase: the phase follows zelfstandigheid and richting only (nearest
  prototype over exactly those two); bovenstroom and onderstroom are the
  signals of where frustration may sit; every phase says in one sentence that
  a phase is not a grade and invites the team to choose its leadership;
  "ons team" wording; the three open questions of the source as reflection
  prompts (never in the code).
- persoonlijk-leiderschap: every low dimension is a signal (its band), not
  only the first match; mis-inhoud offers "niet van toepassing", which counts
  as unanswered but not as "weet ik niet"; items moved to the right dimension.
- both: one set of boundaries (bands and profiles cut at the same scores);
  rewritten items (no negation in reversed items, no frequency words, no
  absolutes, one idea); realistic times; version bumped; partial answers give
  no profile.

And the practice examples of the source that touch these scans, as hand-made
respondents: P1 (the three questions) as reflection prompts, P2 (Anna), P3
(the care team), P4 (the government department).

Respondents are written as an attitude level per dimension, 1 to 5: level v
means answering v on normal questions and 6 - v on reversed ones, so the
dimension scores 25 * (v - 1). The expected distances below are worked out by
hand from the prototypes in the YAML (Euclidean, in score points, one decimal).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import engine
from builder.scans import minutes_for
from engine.model import parse_assessment
from engine.scoring import profiles_of

ROOT = Path(__file__).resolve().parents[2]
TEAMFASE, PL = "teamfase", "persoonlijk-leiderschap"
PHASES = ["werkgroep", "goed-draaiend-team", "zelforganiserend-team", "team-met-een-missie"]
NOT_A_GRADE = "Een fase is geen cijfer: een team met een missie is niet beter dan een werkgroep."


from support import scan as loaded, scan_data as raw


def questions(scan: str, dimension: str | None = None) -> list[dict]:
    return [q for q in raw(scan)["questions"] if dimension is None or q["dimension"] == dimension]


def levels(scan: str, **per_dimension: int) -> dict[str, int]:
    """Answers of a respondent with attitude ``per_dimension[dim]`` (1-5; dashes as underscores)."""
    answers = {}
    for dim in raw(scan)["dimensions"]:
        level = per_dimension.pop(dim["id"].replace("-", "_"))
        for q in questions(scan, dim["id"]):
            answers[q["id"]] = 6 - level if q.get("reverse") else level
    assert not per_dimension, f"unknown dimensions: {sorted(per_dimension)}"
    return answers


def team(**kw) -> dict[str, int]:
    return levels(TEAMFASE, **kw)


def pl(**kw) -> dict[str, int]:
    return levels(PL, **kw)


def result(scan: str, answers: dict) -> dict:
    return engine.score(loaded(scan), answers)


def signals(res: dict) -> list[str]:
    """The dimensions whose band is a signal (the lowest band, labelled "Signaal: ...")."""
    return [dim for dim, entry in res["dimensions"].items() if entry["band"]["label"].startswith("Signaal:")]


# ==========================================================================
# Static rules (the YAML)
# ==========================================================================

@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_version_bumped_for_the_rewritten_scan(scan):
    assert raw(scan)["version"] == 2


def test_phase_is_a_prototype_over_zelfstandigheid_and_richting_only():
    assert raw(TEAMFASE)["profile_rule"] == "nearest"
    profiles = raw(TEAMFASE)["profiles"]
    assert [p["id"] for p in profiles] == PHASES  # the four phases of the source, in order of independence
    for p in profiles:
        assert set(p["prototype"]) == {"zelfstandigheid", "richting"}, p["id"]
    # more independence from one phase to the next (the missie differs from the zelforganiserend team in richting)
    z = [p["prototype"]["zelfstandigheid"] for p in profiles]
    assert z[0] < z[1] < z[2] <= z[3]
    assert profiles[3]["prototype"]["richting"] > profiles[2]["prototype"]["richting"]


def test_every_phase_says_once_it_is_not_a_grade_and_lets_the_team_choose_its_leadership():
    for p in raw(TEAMFASE)["profiles"]:
        assert p["text"].count(NOT_A_GRADE) == 1, p["id"]
        assert "Dat beslissen jullie zelf, als team" in p["text"], p["id"]  # issue 14: the team decides
        assert p["text"].count("**Eerste stap:**") == 1, p["id"]


def test_bovenstroom_and_onderstroom_are_the_signals_of_where_frustration_sits():
    dims = {d["id"]: d for d in raw(TEAMFASE)["dimensions"]}
    for dim in ("bovenstroom", "onderstroom"):
        assert "bepaalt de fase niet" in dims[dim]["description"]
        low = dims[dim]["bands"][0]
        assert low["label"].startswith("Signaal:"), dim
        assert "frustratie" in low["advice"], dim
        assert "praktijkvoorbeelden/zorgteam.md" in low["links"], dim
        assert not any(b["label"].startswith("Signaal:") for b in dims[dim]["bands"][1:])
    # P3: the care team asked for feedback training; first agreements, and getting to know each other
    assert "afspraken" in dims["bovenstroom"]["bands"][0]["advice"]
    assert "feedback" in dims["bovenstroom"]["bands"][0]["advice"]
    assert "elkaar leren kennen" in dims["onderstroom"]["bands"][0]["advice"]
    # zelfstandigheid and richting describe the phase; their low band is no signal
    for dim in ("zelfstandigheid", "richting"):
        assert not any(b["label"].startswith("Signaal:") for b in dims[dim]["bands"])


def test_every_low_dimension_of_persoonlijk_leiderschap_is_a_signal():
    for dim in raw(PL)["dimensions"]:
        labels = [b["label"] for b in dim["bands"]]
        assert labels[0].startswith("Signaal:"), dim["id"]
        assert not any(label.startswith("Signaal:") for label in labels[1:]), dim["id"]


def test_p1_the_three_questions_are_reflection_prompts_of_the_team_scan():
    """P1 (buitendienst): proud of, change at once, annoyed by. Open, optional, only on the device."""
    prompts = raw(TEAMFASE)["reflection"]
    assert [p["id"] for p in prompts] == ["trots", "veranderen", "balen"]
    assert "trots" in prompts[0]["text"] and "meteen" in prompts[1]["text"] and "baal" in prompts[2]["text"]
    assert "reflection" not in raw(PL)  # an individual scan; the prompts are for the team scans


def test_reflection_answers_never_enter_the_code():
    answers = {**team(zelfstandigheid=3, richting=3, bovenstroom=3, onderstroom=3), "trots": "Onze klanten"}
    with pytest.raises(engine.AnswerError):
        engine.encode(loaded(TEAMFASE), answers)


def test_mis_inhoud_offers_not_applicable():
    q = next(q for q in questions(PL) if q["id"] == "mis-inhoud")
    assert q["not_applicable"] == "Niet van toepassing"
    assert q["dimension"] == "passende-rol" and q["reverse"] is True
    assert [q["id"] for q in questions(PL) if q.get("not_applicable")] == ["mis-inhoud"]


# -- items ---------------------------------------------------------------------------------

# Named in issue 12 for these scans: double-barrelled, negated reverse items, frequency words.
REWRITTEN = {
    TEAMFASE: ["taken-blijven-liggen", "ieder-eigen-manier", "alleen-eigen-werk", "betekenis-besproken",
               "spanningen-verzwegen", "samen-met-anderen", "mandaat-duidelijk"],
    PL: ["geen-hulp-bij-problemen", "fout-mag", "zelfstandig-onduidelijk", "gevraagd-past-niet",
         "liefst-zoals-altijd"],
}
OLD_TEXTS = [
    "Bij ons blijven taken liggen omdat niemand zich eigenaar voelt.",
    "In ons team doet iedereen het werk op zijn eigen manier, zonder af te stemmen.",
    "Ons team kijkt vooral naar het eigen werk en weinig naar wat daarbuiten gebeurt.",
    "In ons team praten we over wat ons werk betekent voor klanten of inwoners.",
    "In ons team zijn spanningen waar we niet over praten.",
    "Ik loop in mijn werk vaak vast zonder dat iemand me helpt.",
    "Een fout maken vind ik niet erg als ik er iets van leer.",
    "Het is mij onduidelijk wat zelfstandiger werken voor mijn eigen werk betekent.",
    "Wat er nu van mij gevraagd wordt, past niet bij hoe ik graag werk.",
]
NEGATION = re.compile(r"\b(niet|niemand|geen|nooit|nergens|niets)\b", re.I)
FREQUENCY = re.compile(r"\b(vaak|meestal|altijd|soms|nooit|regelmatig|zelden)\b", re.I)
ABSOLUTE = re.compile(r"\b(iedereen|niemand|alles|alle|elke|elk|ieder|nooit|altijd|helemaal)\b", re.I)


@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_named_items_are_rewritten(scan):
    ids = {q["id"] for q in questions(scan)}
    texts = {q["text"] for q in questions(scan)}
    assert not ids & set(REWRITTEN[scan])
    assert not texts & set(OLD_TEXTS)


def test_items_named_as_in_the_wrong_dimension_moved():
    by_id = {q["id"]: q["dimension"] for q in questions(PL)}
    assert by_id["weet-bij-wie"] == "wat-ik-nodig-heb"       # was duidelijkheid: it asks where to find help
    assert by_id["zeg-het-als-druk"] == "wat-ik-nodig-heb"   # was eigen-regie: naming a support need
    team_dims = {q["id"]: q["dimension"] for q in questions(TEAMFASE)}
    assert team_dims["mandaat-helder"] == "bovenstroom"      # knowing the mandate is clarity, not autonomy
    assert team_dims["zelf-partners-zoeken"] == "zelfstandigheid"


@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_reversed_items_state_the_other_pole_positively(scan):
    qs = questions(scan)
    reversed_ = [q for q in qs if q.get("reverse")]
    assert len(reversed_) / len(qs) >= 0.25
    for q in reversed_:
        assert not NEGATION.search(q["text"]), q["id"]


@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_no_frequency_words_or_absolutes_and_one_sentence(scan):
    for q in questions(scan):
        assert not FREQUENCY.search(q["text"]), q["id"]
        assert not ABSOLUTE.search(q["text"]), q["id"]
        assert not re.search(r"\ben/of\b|\bof\b.*\bof\b", q["text"]), q["id"]
        assert q["text"].count(".") == 1 and q["text"].endswith("."), q["id"]


def test_team_scan_uses_ons_team_wording():
    for q in questions(TEAMFASE):
        text = q["text"]
        assert re.search(r"\b(ons team|onze|wij|we|ons)\b", text, re.I), q["id"]
        assert not re.search(r"\b(ik|mijn|mij|me)\b", text, re.I), q["id"]


@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_intro_states_the_realistic_time_the_site_states(scan):
    minutes = minutes_for(loaded(scan))
    assert minutes <= 6
    assert f"ongeveer {minutes} minuten" in raw(scan)["intro"]
    assert f"{len(questions(scan))} korte vragen" in raw(scan)["intro"]


# ==========================================================================
# One set of boundaries per scan (issue 12, item 8)
# ==========================================================================

CUTS = {TEAMFASE: [35, 60, 100], PL: [40, 70, 100]}


@pytest.mark.parametrize("scan", [TEAMFASE, PL])
def test_all_bands_of_a_scan_share_the_cut_offs(scan):
    for dim in raw(scan)["dimensions"]:
        assert [b["upto"] for b in dim["bands"]] == CUTS[scan], dim["id"]


def _phase(z: float, r: float) -> str:
    scores = {"zelfstandigheid": z, "richting": r, "bovenstroom": 50.0, "onderstroom": 50.0}
    return profiles_of(loaded(TEAMFASE), scores)[0]["id"]


@pytest.mark.parametrize(("below", "above", "expected"), [
    # where two neighbouring prototypes meet, the phase changes at a band cut-off
    ((34.9, 42.5), (35.1, 42.5), ("werkgroep", "goed-draaiend-team")),        # zelfstandigheid 35
    ((59.9, 47.5), (60.1, 47.5), ("goed-draaiend-team", "zelforganiserend-team")),  # zelfstandigheid 60
    ((70.0, 59.9), (70.0, 60.1), ("zelforganiserend-team", "team-met-een-missie")),  # richting 60
])
def test_teamfase_phases_meet_at_the_band_cut_offs(below, above, expected):
    assert (_phase(*below), _phase(*above)) == expected


def test_teamfase_phase_texts_claim_nothing_a_band_can_contradict():
    """The phase weighs zelfstandigheid and richting together, so off the meeting points a boundary
    runs slanted: zelfstandigheid 35 (band "veel geregeld van buiten") with richting 65 is a goed
    draaiend team. So the phase texts say nothing about zelfstandigheid alone that such a band denies."""
    assert _phase(35.0, 65.0) == "goed-draaiend-team"
    texts = {p["id"]: p["text"] for p in raw(TEAMFASE)["profiles"]}
    for phase in ("goed-draaiend-team", "team-met-een-missie"):
        assert "zelfstandig" not in texts[phase].split("Een fase is geen cijfer")[0], phase
    assert "het meeste zelf" not in texts["zelforganiserend-team"]
    assert "Veel wordt van buiten het team geregeld" not in texts["werkgroep"]


def test_persoonlijk_leiderschap_profiles_meet_at_the_band_cut_offs():
    """From "Op weg" (55 everywhere) each other prototype lies across a cut-off: 40 below, 70 above."""
    profiles = {p["id"]: p["prototype"] for p in raw(PL)["profiles"]}
    middle = profiles.pop("op-weg")
    for pid, proto in profiles.items():
        for dim, value in proto.items():
            if abs(value - middle[dim]) >= 30:       # the dimensions that make the difference
                assert (value + middle[dim]) / 2 in (40, 70), (pid, dim)

    def nearest(**scores):
        full = {d: 55.0 for d in middle} | {k.replace("_", "-"): v for k, v in scores.items()}
        return profiles_of(loaded(PL), full)[0]["id"]
    assert nearest(passende_rol=40.1) == "op-weg" and nearest(passende_rol=39.9) == "rol-bespreken"
    assert nearest(eigen_regie=40.1, omgaan_met_vrijheid=40.1) == "op-weg"
    assert nearest(eigen_regie=39.9, omgaan_met_vrijheid=39.9) == "stap-voor-stap"
    high = {d.replace("-", "_"): 69.9 for d in middle}
    assert nearest(**high) == "op-weg"
    assert nearest(**{d: 70.1 for d in high}) == "klaar-voor-meer"


# ==========================================================================
# Teamfase: hand-made respondents (needs the engine's nearest rule and flags)
# ==========================================================================

# The phase per level of zelfstandigheid (columns 1-5) and richting (rows 5 down to 1), worked out
# from the prototypes werkgroep (20, 35), goed draaiend (50, 50), zelforganiserend (70, 45), missie (70, 75).
W, G, Z, M = PHASES
PHASE_TABLE = {
    5: [W, M, M, M, M],
    4: [W, G, M, M, M],
    3: [W, W, G, Z, Z],
    2: [W, W, G, Z, Z],
    1: [W, W, W, Z, Z],
}


@pytest.mark.parametrize("richting", [5, 4, 3, 2, 1])
@pytest.mark.parametrize("zelfstandigheid", [1, 2, 3, 4, 5])
def test_phase_follows_zelfstandigheid_and_richting_whatever_the_two_streams(zelfstandigheid, richting):
    expected = PHASE_TABLE[richting][zelfstandigheid - 1]
    for boven in (1, 3, 5):
        for onder in (1, 3, 5):
            res = result(TEAMFASE, team(zelfstandigheid=zelfstandigheid, richting=richting,
                                        bovenstroom=boven, onderstroom=onder))
            assert res["profile"]["id"] == expected, (boven, onder)


def test_keyed_extremes_no_longer_rank_the_streams():
    # all positive: 100 on every part -> missie (30, 25 away: 39.1); all negative -> werkgroep (20, 35 away: 40.3)
    top = result(TEAMFASE, team(zelfstandigheid=5, richting=5, bovenstroom=5, onderstroom=5))
    bottom = result(TEAMFASE, team(zelfstandigheid=1, richting=1, bovenstroom=1, onderstroom=1))
    assert (top["profile"]["id"], top["profile"]["distance"]) == ("team-met-een-missie", 39.1)
    assert (bottom["profile"]["id"], bottom["profile"]["distance"]) == ("werkgroep", 40.3)
    # strong streams do not lift a team that works under close direction into another phase
    assert result(TEAMFASE, team(zelfstandigheid=1, richting=1, bovenstroom=5, onderstroom=5))["profile"]["id"] == W
    assert signals(bottom) == ["bovenstroom", "onderstroom"] and signals(top) == []


def test_p3_care_team_is_self_organising_with_the_signal_agreements_and_knowing_each_other_first():
    """P3: a self-organising care team asks for feedback training; it works unstructured and its
    members hardly know each other. Zelfstandigheid 75, richting 50: zelforganiserend (5, 5 away:
    7.1), runner-up goed draaiend (25 away: 25.0), not borderline. Both streams are signals."""
    res = result(TEAMFASE, team(zelfstandigheid=4, richting=3, bovenstroom=2, onderstroom=2))
    assert res["profile"]["id"] == "zelforganiserend-team"
    assert res["profile"]["distance"] == 7.1
    assert (res["runner_up"]["id"], res["runner_up"]["distance"]) == ("goed-draaiend-team", 25.0)
    assert res["borderline"] is False
    assert res["flags"] == []
    assert signals(res) == ["bovenstroom", "onderstroom"]
    assert "afspraken" in res["dimensions"]["bovenstroom"]["band"]["advice"]
    assert "feedback" in res["dimensions"]["bovenstroom"]["band"]["advice"]
    assert "elkaar leren kennen" in res["dimensions"]["onderstroom"]["band"]["advice"]


def test_p3_care_team_as_a_team_round():
    """Three members who see it a little differently: the team means (z 75, r 50, boven 25, onder 25)
    give the same phase; fewer than three stay hidden."""
    members = [team(zelfstandigheid=4, richting=3, bovenstroom=2, onderstroom=2),
               team(zelfstandigheid=5, richting=3, bovenstroom=1, onderstroom=2),
               team(zelfstandigheid=3, richting=3, bovenstroom=3, onderstroom=2)]
    res = engine.aggregate(loaded(TEAMFASE), members)
    assert res["dimensions"]["zelfstandigheid"]["mean"] == 75.0
    assert res["dimensions"]["bovenstroom"]["mean"] == 25.0
    assert res["profile"]["id"] == "zelforganiserend-team"
    assert res["runner_up"]["id"] == "goed-draaiend-team" and res["borderline"] is False
    assert engine.aggregate(loaded(TEAMFASE), members[:2])["withheld"] is True


def test_p4_government_department_before_and_after_its_choice():
    """P4: predictable, repetitive work. Before: the MT pushed self-organisation, everyone chose his
    own way of working and collaboration got stuck (z 75, r 25: zelforganiserend 20.6, goed draaiend
    35.4; both streams signal). After choosing 'goed draaiend team' with clear coordination:
    z 50, r 50 is exactly that prototype (0.0; zelforganiserend 20.6), and no signals."""
    before = result(TEAMFASE, team(zelfstandigheid=4, richting=2, bovenstroom=2, onderstroom=2))
    assert (before["profile"]["id"], before["profile"]["distance"]) == ("zelforganiserend-team", 20.6)
    assert (before["runner_up"]["id"], before["runner_up"]["distance"]) == ("goed-draaiend-team", 35.4)
    assert signals(before) == ["bovenstroom", "onderstroom"]
    after = result(TEAMFASE, team(zelfstandigheid=3, richting=3, bovenstroom=5, onderstroom=4))
    assert (after["profile"]["id"], after["profile"]["distance"]) == ("goed-draaiend-team", 0.0)
    assert (after["runner_up"]["id"], after["runner_up"]["distance"]) == ("zelforganiserend-team", 20.6)
    assert after["borderline"] is False and signals(after) == []


def test_all_neutral_is_a_goed_draaiend_team_with_a_straightlining_flag():
    res = result(TEAMFASE, {q["id"]: 3 for q in questions(TEAMFASE)})
    assert res["profile"]["id"] == "goed-draaiend-team" and res["profile"]["distance"] == 0.0
    assert "straightlining" in res["flags"]


def test_yes_sayer_sits_between_phases():
    """'Helemaal eens' everywhere: 3 normal and 2 reversed items per part give 60 and 60.
    goed draaiend 14.1, zelforganiserend and missie 18.0 each: borderline, and flagged."""
    res = result(TEAMFASE, {q["id"]: 5 for q in questions(TEAMFASE)})
    assert (res["profile"]["id"], res["profile"]["distance"]) == ("goed-draaiend-team", 14.1)
    assert res["runner_up"]["distance"] == 18.0 and res["borderline"] is True
    assert "straightlining" in res["flags"]


def test_a_code_of_version_1_gets_the_other_version_message():
    old = dict(raw(TEAMFASE), version=1)
    code = engine.encode(parse_assessment(old), team(zelfstandigheid=3, richting=3, bovenstroom=3, onderstroom=3))
    with pytest.raises(engine.CodeError, match="andere versie"):
        engine.decode(loaded(TEAMFASE), code)


# ==========================================================================
# Persoonlijk leiderschap: hand-made respondents
# ==========================================================================

def test_p2_anna_wants_to_stay_close_to_the_content():
    """P2: Anna knows what is asked (d 100) and takes initiative (75), but the facilitating role
    does not fit (passende rol 0: she misses the content work). Rol bespreken at
    sqrt(45² + 20² + 5² + 20² + 25²) = 58.9, runner-up Op weg at sqrt(45² + 20² + 5² + 20² + 55²) = 76.6."""
    answers = pl(duidelijkheid=5, eigen_regie=4, omgaan_met_vrijheid=3, wat_ik_nodig_heb=4, passende_rol=1)
    assert answers["mis-inhoud"] == 5  # as a manager, she misses the content work: agrees fully
    res = result(PL, answers)
    assert (res["profile"]["id"], res["profile"]["distance"]) == ("rol-bespreken", 58.9)
    assert (res["runner_up"]["id"], res["runner_up"]["distance"]) == ("op-weg", 76.6)
    assert res["borderline"] is False
    assert signals(res) == ["passende-rol"]


def test_every_low_dimension_is_shown_not_only_the_first():
    """Low on duidelijkheid (0), wat ik nodig heb (25) and passende rol (0): three signals.
    Profile duidelijkheid-en-steun at sqrt(25² + 25² + 25² + 0 + 55²) = 70.0, runner-up rol bespreken at
    sqrt(55² + 20² + 20² + 30² + 25²) = 73.1: borderline, so both are shown."""
    res = result(PL, pl(duidelijkheid=1, eigen_regie=4, omgaan_met_vrijheid=4, wat_ik_nodig_heb=2, passende_rol=1))
    assert signals(res) == ["duidelijkheid", "wat-ik-nodig-heb", "passende-rol"]
    assert (res["profile"]["id"], res["profile"]["distance"]) == ("duidelijkheid-en-steun", 70.0)
    assert (res["runner_up"]["id"], res["runner_up"]["distance"]) == ("rol-bespreken", 73.1)
    assert res["borderline"] is True


@pytest.mark.parametrize(("who", "kw", "profile", "shown"), [
    ("koudwatervrees: alles helder, vrijheid maakt onzeker", dict(duidelijkheid=4, eigen_regie=4,
     omgaan_met_vrijheid=2, wat_ik_nodig_heb=4, passende_rol=4), "op-weg", ["omgaan-met-vrijheid"]),
    ("wil wel, maar mist middelen en iemand om te vragen", dict(duidelijkheid=4, eigen_regie=4,
     omgaan_met_vrijheid=4, wat_ik_nodig_heb=2, passende_rol=4), "op-weg", ["wat-ik-nodig-heb"]),
    ("gewend aan opdrachten: wacht af en twijfelt", dict(duidelijkheid=4, eigen_regie=2,
     omgaan_met_vrijheid=2, wat_ik_nodig_heb=4, passende_rol=4), "stap-voor-stap",
     ["eigen-regie", "omgaan-met-vrijheid"]),
    ("alles sterk negatief: duidelijkheid gaat voor", dict(duidelijkheid=1, eigen_regie=1,
     omgaan_met_vrijheid=1, wat_ik_nodig_heb=1, passende_rol=1), "duidelijkheid-en-steun",
     ["duidelijkheid", "eigen-regie", "omgaan-met-vrijheid", "wat-ik-nodig-heb", "passende-rol"]),
    ("overal neutraal", dict(duidelijkheid=3, eigen_regie=3, omgaan_met_vrijheid=3, wat_ik_nodig_heb=3,
     passende_rol=3), "op-weg", []),
    ("overal eens", dict(duidelijkheid=4, eigen_regie=4, omgaan_met_vrijheid=4, wat_ik_nodig_heb=4,
     passende_rol=4), "klaar-voor-meer", []),
])
def test_profile_and_signals(who, kw, profile, shown):
    res = result(PL, pl(**kw))
    assert res["profile"]["id"] == profile, who
    assert signals(res) == shown, who


def test_mis_inhoud_not_applicable_counts_as_unanswered():
    """A staff member doing the content work: 'niet van toepassing'. Passende rol is then scored on
    the other four items (level 4: 75.0), and the answer survives a result code."""
    answers = pl(duidelijkheid=4, eigen_regie=4, omgaan_met_vrijheid=4, wat_ik_nodig_heb=4, passende_rol=4)
    answers["mis-inhoud"] = "n/a"
    res = result(PL, answers)
    rol = res["dimensions"]["passende-rol"]
    assert (rol["score"], rol["answered"], rol["total"]) == (75.0, 4, 5)
    assert res["flags"] == [] and res["profile"]["id"] == "klaar-voor-meer"
    decoded = engine.decode(loaded(PL), engine.encode(loaded(PL), answers))
    assert decoded["answers"]["mis-inhoud"] == "n/a"
    assert engine.score(loaded(PL), decoded["answers"]) == res


def test_not_applicable_is_not_weet_ik_niet():
    """Six times 'weet ik niet' spread over the parts: 6 of 25 applicable questions (24%) with mis-inhoud
    'niet van toepassing', but 7 of 26 (27%, at least 25%: many-unknown) when mis-inhoud is 'weet ik niet'."""
    answers = pl(duidelijkheid=4, eigen_regie=4, omgaan_met_vrijheid=4, wat_ik_nodig_heb=4, passende_rol=4)
    for qid in ("weet-wat-verwacht", "plan-zelf", "graag-uitproberen", "weet-welke-hulp", "digitale-middelen",
                "rol-past-bij-kunnen"):
        answers[qid] = "unknown"
    assert "many-unknown" not in result(PL, {**answers, "mis-inhoud": "n/a"})["flags"]
    assert "many-unknown" in result(PL, {**answers, "mis-inhoud": "unknown"})["flags"]


def test_not_applicable_only_where_the_question_offers_it():
    answers = pl(duidelijkheid=4, eigen_regie=4, omgaan_met_vrijheid=4, wat_ik_nodig_heb=4, passende_rol=4)
    answers["plan-zelf"] = "n/a"
    with pytest.raises(engine.AnswerError):
        result(PL, answers)


def test_partial_answers_give_no_profile():
    """Issue 12: 3 of 22 answered gave 'Op weg' with four parts unscored. Now: no profile at all."""
    answers = {"weet-wat-verwacht": 4, "weet-wat-ik-beslis": 4, "twijfel-over-zelfstandig": 2}
    res = result(PL, answers)
    assert res["dimensions"]["duidelijkheid"]["score"] is not None
    assert sum(entry["score"] is None for entry in res["dimensions"].values()) == 4
    assert (res["profile"], res["runner_up"], res["borderline"]) == (None, None, False)
    assert res["flags"][0] == "incomplete"


def test_a_profile_is_never_a_grade():
    for p in raw(PL)["profiles"]:
        assert not re.search(r"\b(goed|slecht|score|cijfer)\b", p["title"], re.I), p["id"]
    assert "geen cijfer" in next(p["text"] for p in raw(PL)["profiles"] if p["id"] == "op-weg")
    assert "geen mislukking" in next(p["text"] for p in raw(PL)["profiles"] if p["id"] == "rol-bespreken")

"""The five real scans in assessments/: quality bar, reachable profiles, expected respondents.

These tests read the YAML twice on purpose: the raw data (PyYAML) for the
quality checks a content author cares about (counts, reverse share, bands),
and the validated ``Assessment`` (``engine.loader``) for scoring, so a scan
that passes here is both well written and accepted by the engine.

Respondents are written as an *attitude level* per dimension, 1 (strongly
negative) to 5 (strongly positive): a level ``v`` means answering ``v`` on
normal questions and the mirrored value (min + max - v) on reversed ones, so
the dimension scores 100 * (v - 1) / 4. That keeps the tables readable and
independent of which items happen to be reverse-keyed.
"""
from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest

import engine
from engine.loader import LoadError, load_assessment

ROOT = Path(__file__).resolve().parents[2]
ASSESSMENTS = ROOT / "assessments"
SCANS = ["teamfase", "werksoort", "supportlijnen", "persoonlijk-leiderschap", "concernsupport"]


from support import scan as loaded, scan_data as raw


def questions_of(scan: str, dimension: str) -> list[dict]:
    return [q for q in raw(scan)["questions"] if q["dimension"] == dimension]


# --------------------------------------------------------------------------
# Building respondents
# --------------------------------------------------------------------------

def answers_for_points(scan: str, points: dict[str, int]) -> dict[str, int]:
    """Answers giving each dimension exactly ``points`` steps above the bottom, spread over its questions.

    A dimension with n questions on a scale of span s has 0..n*s points; its
    score is then round(100 * points / (n * s), 1). All weights are 1 in the
    real scans (checked below), which is what makes this exact.
    """
    scale = raw(scan)["scale"]
    low, high = scale["min"], scale["max"]
    span = high - low
    answers = {}
    for dim in raw(scan)["dimensions"]:
        qs = questions_of(scan, dim["id"])
        total = points[dim["id"]]
        assert 0 <= total <= span * len(qs)
        for i, q in enumerate(qs):
            share = total // len(qs) + (1 if i < total % len(qs) else 0)
            answers[q["id"]] = high - share if q.get("reverse") else low + share
    return answers


def by_level(scan: str, default: int | None = None, **levels: int) -> dict[str, int]:
    """Answers of a respondent with attitude ``levels[dim]`` (1-5) per dimension; see the module docstring."""
    scale = raw(scan)["scale"]
    mirror = scale["min"] + scale["max"]
    answers = {}
    for dim in raw(scan)["dimensions"]:
        key = dim["id"].replace("-", "_")
        level = levels.pop(key, default)
        assert level is not None, f"no level for dimension {dim['id']}"
        for q in questions_of(scan, dim["id"]):
            answers[q["id"]] = mirror - level if q.get("reverse") else level
    assert not levels, f"unknown dimensions for {scan}: {sorted(levels)}"
    return answers


def all_positive(scan):
    """Strongly positive everywhere: 5 on normal items, 1 on reversed items."""
    return by_level(scan, default=5)


def all_negative(scan):
    """Strongly negative everywhere: 1 on normal items, 5 on reversed items."""
    return by_level(scan, default=1)


def yes_sayer(scan):
    """Ticks 'Helemaal eens' on every question, reversed or not."""
    return {q["id"]: raw(scan)["scale"]["max"] for q in raw(scan)["questions"]}


def all_unknown(scan):
    return {q["id"]: "unknown" for q in raw(scan)["questions"]}


def profile_id(scan: str, answers: dict) -> str | None:
    result = engine.score(loaded(scan), answers)
    return result["profile"]["id"] if result["profile"] else None


# --------------------------------------------------------------------------
# (1) The quality bar, per scan
# --------------------------------------------------------------------------

@pytest.mark.parametrize("scan", SCANS)
def test_file_name_matches_id_and_audience_is_known(scan):
    assert raw(scan)["id"] == scan
    assert raw(scan)["audience"] in ("individual", "team", "organisation")


@pytest.mark.parametrize("scan", SCANS)
def test_between_12_and_30_questions(scan):
    assert 12 <= len(raw(scan)["questions"]) <= 30


@pytest.mark.parametrize("scan", SCANS)
def test_at_least_a_quarter_reverse_keyed(scan):
    qs = raw(scan)["questions"]
    reversed_ = [q for q in qs if q.get("reverse")]
    assert len(reversed_) / len(qs) >= 0.25, f"{len(reversed_)} of {len(qs)} reversed"


@pytest.mark.parametrize("scan", SCANS)
def test_every_dimension_has_a_reversed_item(scan):
    """So a yes-sayer never gets an extreme score on any dimension."""
    for dim in raw(scan)["dimensions"]:
        assert any(q.get("reverse") for q in questions_of(scan, dim["id"])), dim["id"]


@pytest.mark.parametrize("scan", SCANS)
def test_at_least_three_questions_per_dimension(scan):
    for dim in raw(scan)["dimensions"]:
        assert len(questions_of(scan, dim["id"])) >= 3, dim["id"]


@pytest.mark.parametrize("scan", SCANS)
def test_questions_are_short_and_single(scan):
    """B1: one short sentence per question, no question marks, no 'en/of' doubles."""
    for q in raw(scan)["questions"]:
        text = q["text"]
        assert len(text.split()) <= 20, q["id"]
        assert text.count(".") <= 1 and "?" not in text, q["id"]
        assert "en/of" not in text, q["id"]


@pytest.mark.parametrize("scan", SCANS)
def test_all_weights_default(scan):
    """answers_for_points relies on equal weights; the real scans use none."""
    for q in raw(scan)["questions"]:
        assert q.get("weight", 1) == 1, q["id"]


@pytest.mark.parametrize("scan", SCANS)
def test_three_bands_with_advice_first_step_and_links(scan):
    for dim in raw(scan)["dimensions"]:
        bands = dim["bands"]
        assert len(bands) == 3, dim["id"]
        assert bands[-1]["upto"] == 100
        for band in bands:
            assert band.get("label"), dim["id"]
            assert band.get("advice"), dim["id"]
            # a concrete step under a bold label; issue 14: the one prioritised "Eerste stap" is in the profile
            assert re.search(r"\*\*[^*]+:\*\*", band["advice"]), f"{dim['id']} upto {band['upto']}: no concrete step"
            if scan != "supportlijnen":
                assert "Eerste stap" not in band["advice"], f"{dim['id']} upto {band['upto']}: a second first step"
            assert band.get("links"), f"{dim['id']} upto {band['upto']}: no links"


@pytest.mark.parametrize("scan", SCANS)
def test_scale_offers_unknown(scan):
    scale = raw(scan)["scale"]
    assert scale.get("unknown") == "Weet ik niet"
    assert (scale["min"], scale["max"]) == (1, 5)


@pytest.mark.parametrize("scan", SCANS)
def test_intro_says_who_why_how_long_and_privacy(scan):
    intro = raw(scan)["intro"]
    assert re.search(r"\d+ minuten", intro), "how long"
    assert re.search(r"\d+ (korte )?vragen", intro), "how many questions"
    assert "browser" in intro and "server" in intro, "answers stay in the browser"
    assert "Waarom?" in intro, "why"
    count = int(re.search(r"(\d+) (?:korte )?vragen", intro).group(1))
    assert count == len(raw(scan)["questions"]), "the intro names the wrong number of questions"


@pytest.mark.parametrize("scan", SCANS)
def test_profiles_have_text_links_and_a_catch_all_last(scan):
    profiles = raw(scan)["profiles"]
    for p in profiles:
        assert p.get("title") and p.get("text") and p.get("links"), p["id"]
    if raw(scan).get("profile_rule") == "nearest":
        # Nearest prototype: every profile is a prototype over the same dimensions; none is a catch-all.
        dims = {frozenset(p["prototype"]) for p in profiles}
        assert len(dims) == 1 and all("when" not in p for p in profiles)
        return
    if raw(scan).get("profile_rule") == "relative":
        # Relative: every profile stands for an outcome ({}: none behind); the engine checks that every
        # outcome has one.
        assert all(isinstance(p.get("outcome"), dict) and "when" not in p for p in profiles)
        return
    assert profiles[-1]["when"] == {}, "the last profile should catch everyone"
    assert all(p["when"] for p in profiles[:-1]), "only the last profile may be unconditional"


def test_team_phase_texts_say_it_is_not_a_ranking():
    """The team-phase model is explicitly not a ranking; every phase profile says so in its own words."""
    phases = {"werkgroep", "goed-draaiend-team", "zelforganiserend-team", "team-met-een-missie"}
    texts = {p["id"]: p["text"] for p in raw("teamfase")["profiles"] if p["id"] in phases}
    assert set(texts) == phases
    for pid, text in texts.items():
        # v2 (issue 12): every phase says it in the same one sentence, and invites the team to choose its leadership.
        assert "Een fase is geen cijfer: een team met een missie is niet beter dan een werkgroep." in text, pid
        assert "Dat beslissen jullie zelf" in text, pid  # issue 14: the team decides


# --------------------------------------------------------------------------
# (2) Every profile is reachable, and none is shadowed by an earlier one
# --------------------------------------------------------------------------

def _holds(when: dict, scores: dict) -> bool:
    return all(
        scores[dim] is not None
        and scores[dim] >= bounds.get("min", float("-inf"))
        and scores[dim] <= bounds.get("max", float("inf"))
        for dim, bounds in when.items()
    )


def _first_profile(scan: str, scores: dict) -> str | None:
    for p in raw(scan)["profiles"]:
        if _holds(p["when"], scores):
            return p["id"]
    return None


def _candidate_points(scan: str, dim: str) -> list[int]:
    """One achievable point total per region the profile bounds cut this dimension into.

    Two totals whose scores fall on the same side of every bound on ``dim``
    behave the same for every profile, so one representative (the middle one)
    per region is enough for an exhaustive search.
    """
    span = raw(scan)["scale"]["max"] - raw(scan)["scale"]["min"]
    n = len(questions_of(scan, dim))
    bounds = [(side, b[side]) for p in raw(scan)["profiles"]
              for d, b in p["when"].items() if d == dim for side in b]
    regions: dict[tuple, list[int]] = {}
    for k in range(n * span + 1):
        s = round(100 * k / (n * span), 1)
        key = tuple(s >= v if side == "min" else s <= v for side, v in bounds)
        regions.setdefault(key, []).append(k)
    return [ks[len(ks) // 2] for ks in regions.values()]


def _witness(scan: str, target: str) -> dict[str, int] | None:
    """Point totals per dimension under which ``target`` is the first profile that holds, or None."""
    dims = [d["id"] for d in raw(scan)["dimensions"]]
    span = raw(scan)["scale"]["max"] - raw(scan)["scale"]["min"]
    sizes = {d: len(questions_of(scan, d)) for d in dims}
    for combo in itertools.product(*(_candidate_points(scan, d) for d in dims)):
        points = dict(zip(dims, combo))
        scores = {d: round(100 * points[d] / (sizes[d] * span), 1) for d in dims}
        if _first_profile(scan, scores) == target:
            return points
    return None


def _prototype_witness(scan: str, target: str) -> dict[str, int]:
    """Nearest prototype: the achievable point totals closest to ``target``'s prototype (the middle elsewhere)."""
    span = raw(scan)["scale"]["max"] - raw(scan)["scale"]["min"]
    prototype = next(p["prototype"] for p in raw(scan)["profiles"] if p["id"] == target)
    points = {}
    for dim in raw(scan)["dimensions"]:
        most = len(questions_of(scan, dim["id"])) * span
        goal = prototype.get(dim["id"], 50)
        points[dim["id"]] = min(range(most + 1), key=lambda k: abs(100 * k / most - goal))
    return points


PROFILES = [(scan, p["id"]) for scan in SCANS for p in raw(scan)["profiles"]]


def _relative_witness(scan: str, target: str) -> dict[str, int] | None:
    """Relative rule: the first point totals, at a quarter, half or three quarters per dimension, that give ``target``."""
    span = raw(scan)["scale"]["max"] - raw(scan)["scale"]["min"]
    dims = [d["id"] for d in raw(scan)["dimensions"]]
    options = [[len(questions_of(scan, d)) * span * k // 4 for k in (1, 2, 3)] for d in dims]
    for combo in itertools.product(*options):
        points = dict(zip(dims, combo))
        if profile_id(scan, answers_for_points(scan, points)) == target:
            return points
    return None


@pytest.mark.parametrize(("scan", "profile"), PROFILES, ids=[f"{s}:{p}" for s, p in PROFILES])
def test_every_profile_is_reachable(scan, profile):
    rule = raw(scan).get("profile_rule")
    points = _prototype_witness(scan, profile) if rule == "nearest" else \
        _relative_witness(scan, profile) if rule == "relative" else _witness(scan, profile)
    assert points is not None, f"profile '{profile}' can never be the result: an earlier profile shadows it"
    assert profile_id(scan, answers_for_points(scan, points)) == profile


# --------------------------------------------------------------------------
# (3) Hand-made respondents and the profile a reader of the guide expects
# --------------------------------------------------------------------------

RESPONDENTS = [
    # scan, who, answers, expected profile
    # --- Teamfase (v2: the phase follows zelfstandigheid and richting only) --
    ("teamfase", "alles sterk positief",
     lambda: all_positive("teamfase"), "team-met-een-missie"),
    ("teamfase", "alles sterk negatief",
     lambda: all_negative("teamfase"), "werkgroep"),
    ("teamfase", "ja-zegger: overal 'helemaal eens' (omgekeerde vragen drukken de score)",
     lambda: yes_sayer("teamfase"), "goed-draaiend-team"),
    ("teamfase", "P3 zorgteam: veel vrijheid, ongestructureerd, kent elkaar slecht (signalen in de banden)",
     lambda: by_level("teamfase", bovenstroom=2, onderstroom=2, zelfstandigheid=4, richting=3),
     "zelforganiserend-team"),
    ("teamfase", "goed geregeld team waar de band achterblijft",
     lambda: by_level("teamfase", bovenstroom=4, onderstroom=2, zelfstandigheid=3, richting=3),
     "goed-draaiend-team"),
    ("teamfase", "P4 rijksdienst na de keuze: heldere afspraken, goede sfeer, afgestemde zelfstandigheid",
     lambda: by_level("teamfase", bovenstroom=5, onderstroom=4, zelfstandigheid=3, richting=3),
     "goed-draaiend-team"),
    ("teamfase", "team dat zelf plant en beslist, zonder gedeelde missie",
     lambda: by_level("teamfase", bovenstroom=4, onderstroom=4, zelfstandigheid=5, richting=2),
     "zelforganiserend-team"),
    ("teamfase", "nieuw team: leider verdeelt het werk, afspraken en band groeien nog",
     lambda: by_level("teamfase", bovenstroom=3, onderstroom=3, zelfstandigheid=2, richting=3),
     "werkgroep"),
    ("teamfase", "zelfstandig team met een gedeeld doel, afspraken lopen achter bij de goede sfeer",
     lambda: by_level("teamfase", bovenstroom=2, onderstroom=4, zelfstandigheid=4, richting=5),
     "team-met-een-missie"),
    # --- Werksoort (v2: a 2x2 of voorspelbaar-wat x voorspelbaar-hoe; no "chaotisch") ---
    ("werksoort", "P4 rijksdienst: voorspelbaar, herhalend uitvoeringswerk",
     lambda: by_level("werksoort", voorspelbaar_wat=5, voorspelbaar_hoe=4, variatie=2, kennis_van_buiten=2),
     "repeterend"),
    ("werksoort", "vakspecialisten: doel helder, aanpak vraagt uitzoekwerk en kennis van buiten",
     lambda: by_level("werksoort", voorspelbaar_wat=4, voorspelbaar_hoe=2, variatie=3, kennis_van_buiten=4),
     "ingewikkeld"),
    ("werksoort", "opgave met partners: wat en hoe ontstaan al doende",
     lambda: by_level("werksoort", voorspelbaar_wat=2, voorspelbaar_hoe=2, variatie=4, kennis_van_buiten=5),
     "complex"),
    ("werksoort", "crisis: niets is te voorspellen (chaos is geen profiel meer; de tekst van complex spreekt het aan)",
     lambda: by_level("werksoort", voorspelbaar_wat=1, voorspelbaar_hoe=1, variatie=5, kennis_van_buiten=4),
     "complex"),
    ("werksoort", "loket: vaste aanpak, maar nooit weten welke vraag er komt",
     lambda: by_level("werksoort", voorspelbaar_wat=2, voorspelbaar_hoe=4, variatie=4, kennis_van_buiten=2),
     "wisselend"),
    ("werksoort", "overal oneens (alles 0): wat en hoe onvoorspelbaar",
     lambda: all_negative("werksoort"), "complex"),
    ("werksoort", "overal eens (alles 100): wat en hoe voorspelbaar; variatie en kennis van buiten kiezen niet mee",
     lambda: all_positive("werksoort"), "repeterend"),
    ("werksoort", "overal 'neutraal': precies in het midden, gelijke afstand; de eerste (gemengde) soort wint",
     lambda: by_level("werksoort", default=3), "ingewikkeld"),
    # --- Supportlijnen (v4, profile_rule: relative: behind at 15 or more below the own mean of the five;
    # one profile when none is behind, in balance or not) ---
    ("supportlijnen", "alles sterk positief",
     lambda: all_positive("supportlijnen"), "geen-lijn-achter"),
    ("supportlijnen", "alles sterk negatief: net uit een hiërarchische organisatie (laag, maar gelijk)",
     lambda: all_negative("supportlijnen"), "geen-lijn-achter"),
    ("supportlijnen", "een lijn loopt voorop: leren gaat goed, de rest midden (50, 50, 50, 50, 100)",
     lambda: by_level("supportlijnen", default=3, lerende_organisatie=5), "geen-lijn-achter"),
    ("supportlijnen", "P5-achtige organisatie: bedrijfsvoering blijft achter",
     lambda: by_level("supportlijnen", default=4, concernsupport=2), "achter-concernsupport"),
    ("supportlijnen", "P6 bibliotheek vóór de theatertour: weinig ruimte om te leren",
     lambda: by_level("supportlijnen", default=4, lerende_organisatie=2), "achter-lerende-organisatie"),
    ("supportlijnen", "P2-achtige organisatie: leiding stuurt elk team hetzelfde",
     lambda: by_level("supportlijnen", default=4, leiderschap=2), "achter-leiderschap"),
    ("supportlijnen", "medewerkers wachten af",
     lambda: by_level("supportlijnen", default=4, persoonlijk_leiderschap=1), "achter-persoonlijk-leiderschap"),
    ("supportlijnen", "P3-achtige organisatie: samenwerking in teams loopt vast",
     lambda: by_level("supportlijnen", default=5, samenwerking=2), "achter-samenwerking"),
    ("supportlijnen", "twee zwakke lijnen tegelijk: de eerste van de twee laagste (gelijke afstand)",
     lambda: by_level("supportlijnen", default=4, samenwerking=2, leiderschap=2), "achter-samenwerking"),
    ("supportlijnen", "overal 'neutraal': midden en gelijk, nooit 'zwak' of 'achter'",
     lambda: by_level("supportlijnen", default=3), "geen-lijn-achter"),
    # --- Persoonlijk leiderschap (v2: nearest prototype; every low part is a signal in its band) ---
    ("persoonlijk-leiderschap", "alles sterk positief",
     lambda: all_positive("persoonlijk-leiderschap"), "klaar-voor-meer"),
    ("persoonlijk-leiderschap", "alles sterk negatief: duidelijkheid eerst",
     lambda: all_negative("persoonlijk-leiderschap"), "duidelijkheid-en-steun"),
    ("persoonlijk-leiderschap", "P2 Anna: weet wat er gevraagd wordt, maar blijft liever dicht bij de inhoud",
     lambda: by_level("persoonlijk-leiderschap", duidelijkheid=5, eigen_regie=4, omgaan_met_vrijheid=3,
                      wat_ik_nodig_heb=4, passende_rol=1),
     "rol-bespreken"),
    ("persoonlijk-leiderschap", "koudwatervrees: alles helder, maar vrijheid maakt onzeker (signaal in die band)",
     lambda: by_level("persoonlijk-leiderschap", duidelijkheid=4, eigen_regie=4, omgaan_met_vrijheid=2,
                      wat_ik_nodig_heb=4, passende_rol=4),
     "op-weg"),
    ("persoonlijk-leiderschap", "gewend aan opdrachten: wacht af en twijfelt bij vrijheid",
     lambda: by_level("persoonlijk-leiderschap", duidelijkheid=4, eigen_regie=2, omgaan_met_vrijheid=2,
                      wat_ik_nodig_heb=4, passende_rol=4),
     "stap-voor-stap"),
    ("persoonlijk-leiderschap", "wil wel, maar weet niet wat er mag en mist middelen",
     lambda: by_level("persoonlijk-leiderschap", duidelijkheid=2, eigen_regie=4, omgaan_met_vrijheid=4,
                      wat_ik_nodig_heb=2, passende_rol=4),
     "duidelijkheid-en-steun"),
    ("persoonlijk-leiderschap", "overal 'neutraal'",
     lambda: by_level("persoonlijk-leiderschap", default=3), "op-weg"),
    # --- Concernsupport (v2: nearest role on meedenken x controle; no "bewaker" profile) ---
    ("concernsupport", "alles sterk positief: veel meedenken en veel toezicht",
     lambda: all_positive("concernsupport"), "businesspartner"),
    ("concernsupport", "alles sterk negatief: weinig meedenken en weinig toezicht",
     lambda: all_negative("concernsupport"), "adviseur"),
    ("concernsupport", "P5 gemeente in Friesland: opgeslokt door planning en control, denkt weinig mee",
     lambda: by_level("concernsupport", informatie=2, faciliteiten=3, meedenken=2, controle=4,
                      gezamenlijke_missie=3),
     "controleur"),
    ("concernsupport", "overal 'neutraal': precies in het midden, gelijke afstand; de eerste rol wint",
     lambda: by_level("concernsupport", default=3), "controleur"),
    ("concernsupport", "advies op afstand: teams krijgen ruimte, weinig meedenken",
     lambda: by_level("concernsupport", informatie=3, faciliteiten=4, meedenken=2, controle=2,
                      gezamenlijke_missie=3),
     "adviseur"),
    ("concernsupport", "denkt mee, lost samen op en geeft ruimte",
     lambda: by_level("concernsupport", informatie=3, faciliteiten=4, meedenken=4, controle=2,
                      gezamenlijke_missie=3),
     "intern-consultant"),
    ("concernsupport", "denkt mee en houdt geld en regels scherp in beeld",
     lambda: by_level("concernsupport", informatie=4, faciliteiten=3, meedenken=4, controle=4,
                      gezamenlijke_missie=4),
     "businesspartner"),
]


@pytest.mark.parametrize(("scan", "who", "answers", "expected"), RESPONDENTS,
                         ids=[f"{r[0]}:{r[3]}:{i}" for i, r in enumerate(RESPONDENTS)])
def test_respondent_gets_the_expected_profile(scan, who, answers, expected):
    assert profile_id(scan, answers()) == expected, who


@pytest.mark.parametrize("scan", SCANS)
def test_every_profile_has_a_hand_made_respondent(scan):
    covered = {r[3] for r in RESPONDENTS if r[0] == scan}
    declared = {p["id"] for p in raw(scan)["profiles"]}
    assert declared <= covered, f"no respondent for {sorted(declared - covered)}"


@pytest.mark.parametrize("scan", SCANS)
def test_yes_sayer_never_reaches_an_extreme(scan):
    result = engine.score(loaded(scan), yes_sayer(scan))
    for dim, entry in result["dimensions"].items():
        assert 0 < entry["score"] < 100, dim


@pytest.mark.parametrize("scan", SCANS)
def test_nothing_answered_gives_no_profile(scan):
    """Issue 12: no profile from partial answers (for both profile rules); the result says why."""
    result = engine.score(loaded(scan), all_unknown(scan))
    assert result["answered"] == 0
    assert all(entry["score"] is None for entry in result["dimensions"].values())
    assert result["profile"] is None
    assert result["flags"][0] == "incomplete"


@pytest.mark.parametrize("scan", SCANS)
def test_levels_give_the_documented_scores(scan):
    """The respondent tables rely on level v giving score 100 * (v - 1) / 4 on every dimension."""
    for level in range(1, 6):
        result = engine.score(loaded(scan), by_level(scan, default=level))
        for dim, entry in result["dimensions"].items():
            assert entry["score"] == 25 * (level - 1), (dim, level)


# --------------------------------------------------------------------------
# (4) The validator accepts the whole folder
# --------------------------------------------------------------------------

@pytest.mark.parametrize("scan", SCANS)
def test_scan_loads_without_problems(scan):
    try:
        load_assessment(ASSESSMENTS / f"{scan}.yml")
    except LoadError as error:  # pragma: no cover - shows every problem at once
        pytest.fail("\n".join(error.problems))


def test_validate_cli_reports_no_problems():
    run = subprocess.run([sys.executable, "-m", "engine", "validate", "assessments/"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert set(SCANS) <= {p.stem for p in ASSESSMENTS.glob("*.yml")}


# --------------------------------------------------------------------------
# The worked example on "Eigen vragenlijst maken" is a valid assessment
# --------------------------------------------------------------------------

GUIDE = ROOT / "content" / "eigen-vragenlijst.md"


def _example_blocks() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    return [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if re.search(r"^id: ", b, re.M)]


def test_guide_example_is_valid(tmp_path, monkeypatch):
    blocks = _example_blocks()
    assert blocks, "the guide has no complete YAML example"
    monkeypatch.chdir(ROOT)  # links in the example are checked against content/
    for block in blocks:
        scan_id = re.search(r"^id: ([a-z0-9-]+)", block, re.M).group(1)
        path = tmp_path / f"{scan_id}.yml"
        path.write_text(block, encoding="utf-8")
        assessment = load_assessment(path)
        positive = {q.id: (1 if q.reverse else 5) for q in assessment.questions}
        assert engine.score(assessment, positive)["profile"] is not None

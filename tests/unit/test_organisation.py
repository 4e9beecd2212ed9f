"""Team result files and the organisation overview (issue 17): what a file holds, what is refused, what the picture says."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import engine
from engine.browser import handle
from engine.loader import load_assessment
from engine import to_data
from engine.organisation import FILE_KIND, TeamFileError, overview, read_team_file, team_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def teamfase():
    return load_assessment(ROOT / "assessments" / "teamfase.yml")


@pytest.fixture(scope="module")
def concern():
    return load_assessment(ROOT / "assessments" / "concernsupport.yml")


@pytest.fixture(scope="module")
def lines():
    return load_assessment(ROOT / "assessments" / "supportlijnen.yml")


def answers(assessment, value, **overrides):
    """Every question answered ``value``, some answered otherwise (ids with dashes)."""
    out = {q.id: value for q in assessment.questions}
    out.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return out


def keyed(assessment, level):
    """Answers that put every dimension at the same end: ``level`` for normal questions, turned for reversed ones."""
    low, high = assessment.scale.min, assessment.scale.max
    return {q.id: (low + high - level if q.reverse else level) for q in assessment.questions}


def codes(assessment, answer_sets, perspective=None):
    return [engine.encode(assessment, a, perspective) for a in answer_sets]


def as_entry(name, value):
    return {"name": name, "text": json.dumps(value)}


def a_file(assessment, level=4, n=5, label="Team Noord", department="Zorg", date="2027-03-14", **extra):
    return team_file(assessment, codes(assessment, [keyed(assessment, level)] * n), label, department,
                     date=date, **extra)


# -- the file ----------------------------------------------------------------------------------

def test_a_team_file_holds_the_team_figures_and_no_codes(teamfase):
    members = codes(teamfase, [keyed(teamfase, v) for v in (2, 3, 4, 4, 5)])
    made = team_file(teamfase, members, "Team Noord", "Zorg", "Voorjaar", "2027-03-14")
    team = engine.aggregate(teamfase, members)
    assert made["kind"] == FILE_KIND and made["schema"] == 1
    assert (made["scan"], made["scan_version"], made["n"]) == ("teamfase", teamfase.version, 5)
    assert (made["label"], made["department"], made["round"], made["date"]) == ("Team Noord", "Zorg", "Voorjaar",
                                                                                 "2027-03-14")
    for dimension_id, figures in made["dimensions"].items():
        assert figures["mean"] == team["dimensions"][dimension_id]["mean"]
        assert figures["median"] == team["dimensions"][dimension_id]["median"]
        assert figures["bands"] == [b["count"] for b in team["dimensions"][dimension_id]["bands"]]
        assert figures["q1"] <= figures["median"] <= figures["q3"]
    text = json.dumps(made)
    for code in members:
        assert code not in text and code.replace(" ", "") not in text.replace(" ", "")
    assert "scores" not in text  # no list of member scores


def test_quartiles_interpolate_between_ranks():
    from engine.organisation import quartiles
    assert quartiles([10.0, 20.0, 30.0, 40.0, 50.0]) == (20.0, 40.0)
    assert quartiles([0.0, 100.0, 100.0]) == (50.0, 100.0)


def test_per_question_figures_only_from_min_group_items(teamfase):
    small = a_file(teamfase, n=teamfase.min_group_items - 1)
    large = a_file(teamfase, n=teamfase.min_group_items)
    assert small["questions"] is None
    assert set(large["questions"]) == {q.id for q in teamfase.questions}
    # keyed: a reversed question answered low counts as the dimension's high end
    assert all(q["mean"] == 4 for q in large["questions"].values())


def test_a_group_below_min_group_gives_no_file(teamfase):
    with pytest.raises(ValueError, match="pas vanaf 3 volledig ingevulde codes; nu zijn het er 2"):
        a_file(teamfase, n=2)


@pytest.mark.parametrize("label, date, message", [
    ("", "2027-03-14", "Vul een teamnaam in"),
    ("x" * 61, "2027-03-14", "te lang"),
    ("Team", "14-03-2027", "geldige datum"),
    ("Team", "2027-02-30", "geldige datum"),
])
def test_the_facilitator_gets_a_dutch_message_for_bad_labels(teamfase, label, date, message):
    with pytest.raises(ValueError, match=message):
        a_file(teamfase, label=label, date=date)


def test_the_perspective_is_kept_when_all_members_share_it(concern):
    same = team_file(concern, codes(concern, [keyed(concern, 4)] * 3, "team"), "Team A", date="2027-01-01")
    mixed = team_file(concern, codes(concern, [keyed(concern, 4)] * 2, "team")
                      + codes(concern, [keyed(concern, 4)], "bedrijfsvoering"), "Team B", date="2027-01-01")
    assert same["perspective"] == "team"
    assert mixed["perspective"] == "gemengd"


def test_the_browser_door_makes_the_same_file(teamfase):
    members = codes(teamfase, [keyed(teamfase, 4)] * 3)
    definition = json.dumps(to_data(teamfase))
    reply = json.loads(handle(json.dumps({"op": "team-file", "definition": definition, "codes": members,
                                          "label": "Team Noord", "department": "", "date": "2027-03-14"})))
    assert reply["ok"], reply
    assert reply["value"] == team_file(teamfase, members, "Team Noord", None, None, "2027-03-14")
    refused = json.loads(handle(json.dumps({"op": "team-file", "definition": definition, "codes": members[:2],
                                            "label": "Team Noord", "date": "2027-03-14"})))
    assert not refused["ok"] and "pas vanaf 3" in refused["error"]["message"]


# -- reading files -------------------------------------------------------------------------------

def test_each_bad_file_is_refused_with_its_own_message_and_the_rest_still_load(teamfase, lines):
    good = a_file(teamfase)
    other_scan = a_file(lines, label="MT")
    other_version = dict(a_file(teamfase, label="Team Oud"), scan_version=teamfase.version - 1)
    newer = dict(a_file(teamfase, label="Team Nieuw"), schema=2)
    broken = a_file(teamfase, label="Team Kapot")
    broken["dimensions"]["bovenstroom"]["bands"] = [9, 9, 9]
    small = dict(a_file(teamfase, label="Team Klein"), n=2)
    files = [as_entry("noord.json", good), as_entry("mt.json", other_scan), as_entry("oud.json", other_version),
             as_entry("nieuw.json", newer), as_entry("kapot.json", broken), as_entry("klein.json", small),
             as_entry("nog-eens.json", good), {"name": "foto.json", "text": "\x89PNG"},
             as_entry("brief.json", {"aan": "iedereen"})]
    result = overview(teamfase, files)
    reasons = {v["name"]: (v["ok"], v.get("reason")) for v in result["files"]}
    assert reasons == {"noord.json": (True, None), "mt.json": (False, "other-scan"),
                       "oud.json": (False, "other-version"), "nieuw.json": (False, "newer-schema"),
                       "kapot.json": (False, "malformed"), "klein.json": (False, "too-small"),
                       "nog-eens.json": (False, "duplicate"), "foto.json": (False, "not-a-team-file"),
                       "brief.json": (False, "not-a-team-file")}
    messages = {v["name"]: v.get("message") for v in result["files"]}
    assert "Supportlijnen-scan" in messages["mt.json"]
    assert "versie" in messages["oud.json"] and "nieuwere versie" in messages["nieuw.json"]
    assert "vanaf 3" in messages["klein.json"] and "staat er al in" in messages["nog-eens.json"]
    assert [t["label"] for t in result["teams"]] == ["Team Noord"]


def test_a_team_below_min_group_never_appears_even_when_its_figures_look_whole(teamfase):
    small = a_file(teamfase, label="Team Klein")
    small["n"] = 2
    for figures in small["dimensions"].values():
        figures["bands"] = [0, 0, 2] if figures["bands"][2] else [0, 2, 0] if figures["bands"][1] else [2, 0, 0]
    result = overview(teamfase, [as_entry("klein.json", small)])
    assert result["teams"] == [] and result["files"][0]["reason"] == "too-small"
    assert result["organisation"]["teams"] == 0


def test_texts_shown_come_from_the_definition_not_from_the_file(teamfase):
    hostile = a_file(teamfase)
    hostile["profile"]["title"] = "<img src=x onerror=alert(1)>"
    read = read_team_file(teamfase, hostile)
    assert read["profile"]["title"] == next(p.title for p in teamfase.profiles if p.id == hostile["profile"]["id"])


def test_per_question_figures_of_a_small_group_are_dropped_on_reading(teamfase):
    sneaky = a_file(teamfase, n=teamfase.min_group_items)
    sneaky["n"] = teamfase.min_group_items - 1
    for figures in sneaky["dimensions"].values():
        figures["bands"][figures["bands"].index(max(figures["bands"]))] -= 1
    assert read_team_file(teamfase, sneaky)["questions"] is None


@pytest.mark.parametrize("field, value", [("label", 5), ("date", "gisteren"),
                                          ("dimensions", []), ("n", -1), ("profile", {"id": "kampioen"})])
def test_a_hand_changed_field_is_refused_as_malformed(teamfase, field, value):
    changed = dict(a_file(teamfase), **{field: value})
    with pytest.raises(TeamFileError) as caught:
        read_team_file(teamfase, changed)
    assert caught.value.reason in ("malformed", "too-small")


def test_an_unknown_place_of_filling_in_is_refused(concern):
    changed = dict(team_file(concern, codes(concern, [keyed(concern, 4)] * 3, "team"), "A", date="2027-01-01"),
                   perspective="iets")
    with pytest.raises(TeamFileError, match="onbekende plek"):
        read_team_file(concern, changed)


def test_a_pasted_list_of_files_is_read_as_many(teamfase):
    pasted = {"name": "geplakte tekst", "text": json.dumps([a_file(teamfase, label="A"), a_file(teamfase, label="B")])}
    assert [t["label"] for t in overview(teamfase, [pasted])["teams"]] == ["A", "B"]


# -- the picture ---------------------------------------------------------------------------------

def test_teams_are_listed_by_department_and_name_never_by_score(teamfase):
    files = [a_file(teamfase, level=5, label="Team 10", department="Zorg"),
             a_file(teamfase, level=1, label="Team 2", department="Zorg"),
             a_file(teamfase, level=3, label="Balie", department=None),
             a_file(teamfase, level=2, label="Archief", department="Bedrijfsvoering")]
    result = overview(teamfase, [as_entry(f"{i}.json", f) for i, f in enumerate(files)])
    assert [(t["department"], t["label"]) for t in result["teams"]] == [
        ("Bedrijfsvoering", "Archief"), ("Zorg", "Team 2"), ("Zorg", "Team 10"), (None, "Balie")]
    assert [d["name"] for d in result["departments"]] == ["Bedrijfsvoering", "Zorg", None]


def test_each_team_weighs_one_in_the_organisation_figures(teamfase):
    big = a_file(teamfase, level=5, n=9, label="Groot")
    small = a_file(teamfase, level=1, n=3, label="Klein")
    result = overview(teamfase, [as_entry("g", big), as_entry("k", small)])
    for dimension in teamfase.dimensions:
        expected = round((big["dimensions"][dimension.id]["mean"] + small["dimensions"][dimension.id]["mean"]) / 2, 1)
        assert result["organisation"]["means"][dimension.id] == expected
    assert result["organisation"] == {**result["organisation"], "teams": 2, "members": 12}


def test_cells_show_whole_numbers_and_band_labels(teamfase):
    result = overview(teamfase, [as_entry("a", a_file(teamfase, level=4))])
    cell = result["teams"][0]["cells"]["bovenstroom"]
    dimension = next(d for d in teamfase.dimensions if d.id == "bovenstroom")
    assert cell["whole"] == int(cell["mean"] + 0.5)
    assert cell["band_label"] == dimension.bands[cell["band"]].label


def test_the_latest_round_is_pictured_and_earlier_ones_make_a_trend(teamfase):
    spring = a_file(teamfase, level=2, date="2027-03-01", round_name="Voorjaar")
    autumn = a_file(teamfase, level=4, date="2027-10-01", round_name="Najaar")
    other = a_file(teamfase, level=3, label="Team Zuid")
    result = overview(teamfase, [as_entry("najaar", autumn), as_entry("voorjaar", spring), as_entry("zuid", other)])
    noord = next(t for t in result["teams"] if t["label"] == "Team Noord")
    assert (noord["date"], noord["rounds"]) == ("2027-10-01", 2)
    assert [(t["label"], [r["date"] for r in t["rounds"]]) for t in result["trends"]] == [
        ("Team Noord", ["2027-03-01", "2027-10-01"])]
    assert result["organisation"]["teams"] == 2


def test_a_dimension_low_in_most_teams_is_named_as_broad_but_not_a_position_axis(teamfase):
    files = [a_file(teamfase, level=1, label=f"Team {i}") for i in range(3)] + [a_file(teamfase, level=5, label="Team 9")]
    low = {item["dimension"]: item for item in overview(teamfase, [as_entry(str(i), f) for i, f in enumerate(files)])
           ["broad"]["low"]}
    assert set(low) == {"bovenstroom", "onderstroom"}  # zelfstandigheid and richting place a team, they do not grade it
    assert (low["bovenstroom"]["teams_low"], low["bovenstroom"]["teams"]) == (3, 4)


def test_a_question_that_sets_teams_apart_is_named(teamfase):
    question = next(q for q in teamfase.questions if not q.reverse)
    neutral = {q.id: 3 for q in teamfase.questions}
    files = []
    for i, value in enumerate((1, 1, 5, 5, 3)):
        files.append(team_file(teamfase, codes(teamfase, [dict(neutral, **{question.id: value})] * 5),
                               f"Team {i}", date="2027-01-01"))
    apart = overview(teamfase, [as_entry(str(i), f) for i, f in enumerate(files)])["broad"]["apart"]
    assert [(a["question"], a["low"], a["high"], a["teams"]) for a in apart] == [(question.id, 2, 2, 5)]


def test_a_question_that_splits_members_in_many_teams_is_named(teamfase):
    made = a_file(teamfase, n=5)
    question = teamfase.questions[0].id
    files = []
    for i in range(3):
        copy = json.loads(json.dumps(made))
        copy["label"] = f"Team {i}"
        copy["questions"][question]["split"] = i < 2
        files.append(copy)
    within = overview(teamfase, [as_entry(str(i), f) for i, f in enumerate(files)])["broad"]["within"]
    assert [(w["question"], w["teams_split"], w["teams"]) for w in within] == [(question, 2, 3)]


def test_the_kite_of_the_support_lines_for_the_organisation_and_each_department(lines):
    files = [a_file(lines, level=4, label="MT Noord", department="Noord"),
             a_file(lines, level=2, label="MT Zuid", department="Zuid")]
    kite = overview(lines, [as_entry(str(i), f) for i, f in enumerate(files)])["kite"]
    assert set(kite["organisation"]) == {d.id for d in lines.dimensions}
    assert [d["name"] for d in kite["departments"]] == ["Noord", "Zuid"]
    assert kite["verdict"]


def test_concernsupport_shows_both_places_side_by_side(concern, teamfase):
    ops = team_file(concern, codes(concern, [keyed(concern, 4)] * 3, "bedrijfsvoering"), "Financien", date="2027-01-01")
    team = team_file(concern, codes(concern, [keyed(concern, 2)] * 3, "team"), "Team Noord", date="2027-01-01")
    sides = overview(concern, [as_entry("a", ops), as_entry("b", team)])["perspectives"]
    assert [(s["id"], s["teams"]) for s in sides] == [("bedrijfsvoering", 1), ("team", 1)]
    assert sides[0]["means"] != sides[1]["means"]
    assert overview(teamfase, [])["perspectives"] is None


def test_the_csv_has_a_row_per_team_and_no_formulas(teamfase):
    hostile = a_file(teamfase, label="=HYPERLINK(1)")
    text = overview(teamfase, [as_entry("a", hostile)])["csv"]
    rows = text.splitlines()
    assert rows[0].startswith("afdeling;team;ronde;datum;aantal;profiel;")
    assert rows[1].startswith("Zorg;'=HYPERLINK(1);;2027-03-14;5;")
    assert "," in rows[1].split(";")[-1]


# -- the command line ----------------------------------------------------------------------------

def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "engine", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT)


def test_the_cli_makes_a_team_file_and_the_overview(teamfase, tmp_path):
    members = codes(teamfase, [keyed(teamfase, v) for v in (2, 4, 4, 5)])
    (tmp_path / "codes.txt").write_text("\n".join(members + ["KAPOT"]) + "\n")
    made = run_cli("team-file", "assessments/teamfase.yml", str(tmp_path / "codes.txt"), "--label", "Team Noord",
                   "--date", "2027-03-14")
    assert made.returncode == 0, made.stderr
    assert "codes.txt:5:" in made.stderr
    assert json.loads(made.stdout) == team_file(teamfase, members, "Team Noord", date="2027-03-14")
    (tmp_path / "noord.json").write_text(made.stdout)
    (tmp_path / "leeg.json").write_text("{}")
    both = run_cli("organisation", "assessments/teamfase.yml", str(tmp_path / "noord.json"), str(tmp_path / "leeg.json"))
    assert both.returncode == 1 and "leeg.json: Dit is geen teamresultaat" in both.stderr
    assert [t["label"] for t in json.loads(both.stdout)["teams"]] == ["Team Noord"]
    as_csv = run_cli("organisation", "assessments/teamfase.yml", str(tmp_path / "noord.json"), "--csv")
    assert as_csv.returncode == 0 and as_csv.stdout.startswith("afdeling;team;")

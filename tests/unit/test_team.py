"""Team aggregation: anonymity threshold, statistics, bands, discussion points."""
import statistics

import pytest

import engine

EVERYONE_AGREES = {"rollen-helder": 4, "afspraken-vast": 4, "afspraken-vergeten": 2, "fout-melden": 4, "achter-de-rug": 2}


def member(**answers):
    return dict(EVERYONE_AGREES, **{k.replace("_", "-"): v for k, v in answers.items()})


def test_below_min_group_nothing_but_the_count_is_returned(example):
    assert engine.aggregate(example, [member(), member()]) == {"n": 2, "min_group": 3, "withheld": True}


def test_duplicate_codes_count_once_and_can_keep_a_team_below_the_threshold(example):
    a = engine.encode(example, member())
    b = engine.encode(example, member(fout_melden=1))
    assert engine.aggregate(example, [a, b, a.lower()]) == {"n": 2, "min_group": 3, "withheld": True}
    c = engine.encode(example, member(fout_melden=5))
    team = engine.aggregate(example, [a, b, a, c])
    assert team["n"] == 3 and team["duplicates"] == 1


def test_dimension_statistics_match_hand_and_statistics_module(example):
    members = [member(fout_melden=v) for v in (1, 2, 5, 5)]
    team = engine.aggregate(example, members)
    vertrouwen = team["dimensions"]["vertrouwen"]
    # fout-melden v (weight 1) and achter-de-rug reversed 6-2=4 (weight 0.5): mean (v + 2) / 1.5
    scores = [round(100 * ((v + 2) / 1.5 - 1) / 4, 1) for v in (1, 2, 5, 5)]
    assert vertrouwen["scores"] == sorted(scores)
    assert vertrouwen["n"] == 4
    assert vertrouwen["mean"] == round(statistics.mean(scores), 1)
    assert vertrouwen["median"] == round(statistics.median(scores), 1)
    assert (vertrouwen["min"], vertrouwen["max"]) == (min(scores), max(scores))
    assert vertrouwen["stdev"] == round(statistics.stdev(scores), 1)
    assert [b["count"] for b in vertrouwen["bands"]] == [sum(s <= 50 for s in scores), sum(s > 50 for s in scores)]


def test_question_counts_use_string_keys_and_every_scale_value(example):
    team = engine.aggregate(example, [member(fout_melden=v) for v in (1, 2, 5, "unknown", 4)])
    question = team["questions"]["fout-melden"]
    assert question["counts"] == {"1": 1, "2": 1, "3": 0, "4": 1, "5": 1}
    assert (question["n"], question["unknown"], question["unknown_share"]) == (4, 1, 0.2)
    assert question["stdev"] == round(statistics.stdev([1, 2, 5, 4]), 2)


def test_question_spread_is_null_with_fewer_than_two_answers(example):
    team = engine.aggregate(example, [member(fout_melden="unknown")] * 4 + [member(fout_melden=3)])
    assert team["questions"]["fout-melden"]["stdev"] is None


LOW_TRUST = {"fout_melden": 1, "achter_de_rug": 5}   # keyed 1 and 1
HIGH_TRUST = {"fout_melden": 5, "achter_de_rug": 1}  # keyed 5 and 5


def test_discuss_lists_a_clear_split_on_a_dimension_the_members_differ_on(example):
    # vertrouwen: two members low on both questions, three high: a split on the whole dimension
    members = [member(**LOW_TRUST), member(**HIGH_TRUST), member(**LOW_TRUST), member(**HIGH_TRUST),
               member(**HIGH_TRUST, rollen_helder=5)]
    team = engine.aggregate(example, members)
    assert [d["id"] for d in team["discuss"]] == ["fout-melden", "achter-de-rug"]
    # sample variance of 1,5,1,5,5 is 4.8; uniform variance on 5 points is 2; rwg = max(0, 1 - 2.4) = 0
    assert team["discuss"][0] == {"id": "fout-melden", "text": "Ik durf een fout te melden in het team.",
                                  "dimension": "vertrouwen", "stdev": 2.19, "agreement": 0.0,
                                  "counts": {"1": 2, "2": 0, "3": 0, "4": 0, "5": 3},
                                  "unknown": 0, "unknown_share": 0.0}


def test_a_split_on_one_question_alone_is_answer_noise_not_a_discussion_point(example):
    # fout-melden splits 1,1 against 5,5,4, but achter-de-rug is the same for all: the members
    # do not differ on vertrouwen as a whole (member effect F = 1)
    members = [member(fout_melden=v) for v in (1, 5, 1, 5, 4)]
    team = engine.aggregate(example, members)
    assert team["discuss"] == []


def test_member_effect_is_about_one_for_noise_and_large_for_a_split(example):
    from engine.team import member_effect
    noise = [member(fout_melden=v) for v in (1, 5, 1, 5, 4)]
    assert member_effect(example, "vertrouwen", [engine.scoring.normalize_answers(example, m) for m in noise]) == \
        pytest.approx(1.0)
    split = [member(**LOW_TRUST), member(**HIGH_TRUST)] * 2 + [member(fout_melden=4, achter_de_rug=2)]
    effect = member_effect(example, "vertrouwen", [engine.scoring.normalize_answers(example, m) for m in split])
    assert effect > 3.5


def test_discuss_reads_reversed_questions_after_keying(example):
    # afspraken-vergeten is reversed: 1 means "agree" after keying, 5 "disagree"
    clear = {"rollen_helder": 4, "afspraken_vast": 4, "afspraken_vergeten": 1}
    vague = {"rollen_helder": 2, "afspraken_vast": 2, "afspraken_vergeten": 5}
    members = [member(**clear), member(**clear), member(**vague), member(**vague), member(**clear)]
    team = engine.aggregate(example, members)
    assert [d["id"] for d in team["discuss"]] == ["afspraken-vergeten", "rollen-helder", "afspraken-vast"]


def test_discuss_says_nothing_when_the_members_agree(example):
    team = engine.aggregate(example, [member(fout_melden=v) for v in (4, 5, 4, 3, 5)])
    assert team["discuss"] == []


@pytest.mark.parametrize("answers, split", [
    ((1, 5, 5, 5, 5), True),    # one of five below neutral: 20%
    ((1, 5, 5, 5, 5, 5), False),  # one of six: under 20%
    ((1, 2, 5, 5, 5, 5), True),   # two of six
    ((1, 5, 5, 5), True),       # fewer than five members: one on each side is enough
    ((3, 3, 5, 5, 5), False),   # neutral is on neither side
    ((1, 1) + (5,) * 9, False),  # 2 of 11 is 18%: ceil(2.2) = 3 needed
    ((1, 1, 1) + (5,) * 8, True),
])
def test_split_needs_a_fifth_of_the_members_on_each_side(answers, split):
    from engine.team import split_of
    assert split_of(list(answers), 1, 5) is split


def test_agreement_index_is_one_for_equal_answers_and_zero_for_uniform_spread():
    from engine.team import agreement
    assert agreement([4, 4, 4], 1, 5) == 1.0
    assert agreement([3], 1, 5) is None
    # 1..5 once each: sample variance 2.5 > uniform variance 2 -> 0
    assert agreement([1, 2, 3, 4, 5], 1, 5) == 0.0
    # 3,4: sample variance 0.5 -> 1 - 0.5/2 = 0.75
    assert agreement([3, 4], 1, 5) == 0.75


def test_discuss_holds_at_most_five_questions():
    questions = [{"id": f"q{i}", "text": f"Vraag {i}", "dimension": "d"} for i in range(8)]
    definition = engine.parse_assessment({
        "id": "acht", "version": 1, "title": "Acht", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {i: str(i) for i in range(1, 6)}},
        "dimensions": [{"id": "d", "title": "D", "bands": [{"upto": 100, "label": "x"}]}],
        "questions": questions})
    low = {f"q{i}": 1 if i != 3 else 2 for i in range(8)}
    high = {f"q{i}": 5 if i != 3 else 4 for i in range(8)}
    team = engine.aggregate(definition, [low, high, low, high, low, high])
    assert len(team["discuss"]) == 5
    assert "q3" not in [d["id"] for d in team["discuss"]]  # a split, but the most agreement (rwg 0.4): it drops out


def test_team_profile_uses_the_rounded_mean_scores(example):
    strong = {"rollen-helder": 5, "afspraken-vast": 5, "afspraken-vergeten": 1, "fout-melden": 5, "achter-de-rug": 1}
    team = engine.aggregate(example, [strong, strong, member()])
    assert team["profile"]["id"] == "stevige-basis"


def test_member_scores_are_sorted_so_order_reveals_nobody(example):
    team = engine.aggregate(example, [member(fout_melden=5), member(fout_melden=1), member(fout_melden=3)])
    scores = team["dimensions"]["vertrouwen"]["scores"]
    assert scores == sorted(scores)


def test_a_bad_code_raises_a_code_error(example):
    with pytest.raises(engine.CodeError):
        engine.aggregate(example, ["NOPE"])


def test_check_codes_gives_a_status_per_line(example):
    from engine.team import check_codes
    good = engine.encode(example, member())
    other = engine.encode(engine.parse_assessment({
        "id": "ander", "version": 1, "title": "Ander", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {i: str(i) for i in range(1, 6)}},
        "dimensions": [{"id": "d", "title": "D", "bands": [{"upto": 100, "label": "x"}]}],
        "questions": [{"id": "q", "text": "?", "dimension": "d"}]}), {"q": 3})
    data = engine.to_data(example)
    data["version"] = 1
    older = engine.encode(engine.parse_assessment(data), member())
    typo = good[:-1] + ("0" if good[-1] != "0" else "1")
    statuses = check_codes(example, [good, good.lower(), typo, other, older, "X" * 101])
    assert [s["status"] for s in statuses] == ["valid", "duplicate", "typo", "other-scan", "other-version", "typo"]
    assert statuses[1]["message"] == "Deze code staat al op regel 1; hij telt één keer mee."
    assert statuses[3]["message"].startswith("Deze code hoort bij een andere scan")
    assert statuses[5]["message"].startswith("Deze regel is langer dan 100 tekens")
    assert [s["line"] for s in statuses] == [1, 2, 3, 4, 5, 6]


def test_team_round_aggregates_the_valid_codes_in_a_shuffled_order(example):
    from engine.codes import canonical
    from engine.team import team_round
    codes = [engine.encode(example, member(fout_melden=v)) for v in (1, 3, 5)]
    seen_orders = []
    result = team_round(example, codes + ["NOPE"], shuffle=lambda items: seen_orders.append(list(items)) or items.reverse())
    assert seen_orders == [[canonical(code) for code in codes]]  # the shuffle gets the valid codes only
    assert result["team"] == engine.aggregate(example, codes)
    assert [s["status"] for s in result["lines"]] == ["valid", "valid", "valid", "typo"]


def test_team_round_refuses_more_than_a_thousand_codes(example):
    from engine.team import team_round
    with pytest.raises(ValueError, match="hoogstens 1000"):
        team_round(example, ["A"] * 1001)


@pytest.mark.parametrize("text, codes", [
    ("AAAA-BBBB\nCCCC-DDDD", ["AAAA-BBBB", "CCCC-DDDD"]),
    ("AAAA-BBBB, CCCC-DDDD; EEEE-FFFF", ["AAAA-BBBB", "CCCC-DDDD", "EEEE-FFFF"]),
    ("AAAA-BBBB CCCC-DDDD", ["AAAA-BBBB", "CCCC-DDDD"]),
    ("AAAA BBBB CC", ["AAAA BBBB CC"]),
    ("\n  \n", []),
    ("Jan: 19GN-TC02-YS54-K8M0\n[10:32] Els: hier is mijn code 7K3M-Q9TA-2B4C\nPiet: hoi allemaal\nKim: 5RT2 9KLM 4XZQ",
     ["19GN-TC02-YS54-K8M0", "7K3M-Q9TA-2B4C", "5RT2 9KLM 4XZQ"]),
    ("Anna: AAAA-BBBB-CCCC", []),  # after a chat name only what looks like a code: it holds a digit
])
def test_split_codes_reads_lines_commas_and_spaces(text, codes):
    from engine.team import split_codes
    assert split_codes(text) == codes


def test_team_csv_has_a_row_per_dimension_and_per_question(example):
    from engine.team import team_csv
    members = [member(fout_melden=v) for v in (1, 2, 5, 4, "unknown")]
    team = engine.aggregate(example, members)
    rows = team_csv(example, team).splitlines()
    assert rows[0].startswith("soort;id;tekst;aantal;gemiddelde") and rows[0].endswith(";weet ik niet")
    assert len(rows) == 1 + len(example.dimensions) + len(example.questions)
    vertrouwen = next(r for r in rows if r.startswith("onderdeel;vertrouwen"))
    assert f";{str(team['dimensions']['vertrouwen']['mean']).replace('.', ',')};" in vertrouwen
    assert next(r for r in rows if r.startswith("vraag;fout-melden")).endswith(";1;1;0;1;1;1")


def test_team_csv_of_a_small_group_has_no_question_rows(example):
    from engine.team import team_csv
    team = engine.aggregate(example, [member(fout_melden=v) for v in (1, 2, 5)])
    rows = team_csv(example, team).splitlines()
    assert len(rows) == 1 + len(example.dimensions)
    assert not any(row.startswith("vraag;") for row in rows)


@pytest.mark.parametrize("text, shown", [("=SOM(A1)", "'=SOM(A1)"), ("+31 6", "'+31 6"), ("-1", "'-1"),
                                         ("@A1", "'@A1"), ("Gewoon", "Gewoon")])
def test_csv_texts_never_run_as_a_spreadsheet_formula(text, shown):
    from engine.team import spreadsheet_text
    assert spreadsheet_text(text) == shown


def test_compare_rounds_gives_the_change_in_mean_and_spread(example):
    from engine.team import compare_rounds
    before = engine.aggregate(example, [member(fout_melden=v) for v in (1, 2, 3)])
    now = engine.aggregate(example, [member(fout_melden=v) for v in (4, 5, 5)])
    [afspraken, vertrouwen] = compare_rounds(example, {"scan": "voorbeeld", "team": before}, now)
    assert vertrouwen["mean_before"] == before["dimensions"]["vertrouwen"]["mean"]
    assert vertrouwen["mean_change"] == round(now["dimensions"]["vertrouwen"]["mean"] - before["dimensions"]["vertrouwen"]["mean"], 1)
    assert afspraken["mean_change"] == 0.0


@pytest.mark.parametrize("previous, message", [
    ([], "geen export van een teamuitslag"),
    ({"scan": "ander", "team": {}}, "hoort bij een andere scan"),
    ({"scan": "voorbeeld", "team": {"withheld": True}}, "te weinig deelnemers"),
])
def test_compare_rounds_explains_a_wrong_file(example, previous, message):
    from engine.team import compare_rounds
    now = engine.aggregate(example, [member()] * 3)
    with pytest.raises(ValueError, match=message):
        compare_rounds(example, previous, now)


def test_team_profile_follows_the_nearest_rule_on_the_mean_scores(nearest):
    high = {"doel-bekend": 5, "doel-gedeeld": 4, "doel-zoek": 2, "zelf-plannen": 4, "zelf-budget": 4, "toestemming": 2}
    low = {"doel-bekend": 3, "doel-gedeeld": 3, "doel-zoek": 3, "zelf-plannen": 2, "zelf-budget": 2, "toestemming": 4}
    team = engine.aggregate(nearest, [high, high, low])
    # richting: 83.3, 83.3, 50.0 -> mean 72.2; ruimte: 75.0, 75.0, 25.0 -> mean 58.3
    assert (team["dimensions"]["richting"]["mean"], team["dimensions"]["ruimte"]["mean"]) == (72.2, 58.3)
    # missie: sqrt(7.8^2 + 21.7^2) = 23.06 -> 23.1; gericht: sqrt(2.8^2 + 33.3^2) = 33.42 -> 33.4
    assert (team["profile"]["id"], team["profile"]["distance"]) == ("missie", 23.1)
    assert (team["runner_up"]["id"], team["runner_up"]["distance"]) == ("gericht", 33.4)
    assert team["borderline"] is True  # 33.4 - 23.1 = 10.3 < 15
    assert team["profile"]["text"] == "Doel en ruimte zijn er allebei."  # a team has no one perspective


def test_team_counts_leave_n_a_out_and_codes_carry_it(nearest):
    members = [{"zelf-budget": "n/a", "doel-bekend": 4}, {"zelf-budget": 2}, {"zelf-budget": "n/a"}]
    codes = [engine.encode(nearest, m, "lid") for m in members]
    for team in (engine.aggregate(nearest, members), engine.aggregate(nearest, codes)):
        # every member lacks a score on some dimension: none counts, so nothing is shown at all
        assert team == {"n": 0, "min_group": 3, "withheld": True, "incomplete": 3}


def test_first_match_teams_have_no_runner_up(example):
    team = engine.aggregate(example, [member(), member(), member()])
    assert (team["runner_up"], team["borderline"]) == (None, False)

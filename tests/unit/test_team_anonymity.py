"""The anonymity rules of team rounds (issue 13): the attacks a facilitator could try, refused by the engine."""
import json

import pytest

import engine
from engine.browser import handle
from engine.team import team_csv, team_round

AGREE = {"rollen-helder": 4, "afspraken-vast": 4, "afspraken-vergeten": 2, "fout-melden": 4, "achter-de-rug": 2}
ONLY_UNKNOWN = {key: "unknown" for key in AGREE}


def member(**answers):
    return dict(AGREE, **{k.replace("_", "-"): v for k, v in answers.items()})


def codes_for(example, answer_sets):
    return [engine.encode(example, answers) for answers in answer_sets]


# -- padding the group ---------------------------------------------------------------------

def test_codes_of_only_weet_ik_niet_cannot_pad_a_group(example):
    real = engine.encode(example, member(fout_melden=1))
    padding = codes_for(example, [ONLY_UNKNOWN, ONLY_UNKNOWN])  # two different codes: random nonces
    assert len(set(padding)) == 2
    team = engine.aggregate(example, [real] + padding)
    assert team == {"n": 1, "min_group": 3, "withheld": True, "incomplete": 2}


def test_a_code_without_a_score_on_one_dimension_is_listed_as_too_few_answers(example):
    half = member(fout_melden=None, achter_de_rug=None)  # vertrouwen has no answer at all
    result = team_round(example, codes_for(example, [member(), member(), half]))
    assert [line["status"] for line in result["lines"]] == ["valid", "valid", "incomplete"]
    assert result["lines"][2]["message"] == ("Te weinig antwoorden: deze code heeft geen score voor Vertrouwen. "
                                             "Hij telt niet mee in de uitslag.")
    assert result["team"]["withheld"] is True and result["team"]["n"] == 2


# -- small groups: per-question figures only from min_group_items --------------------------

def test_below_min_group_items_only_dimension_figures_are_given(example):
    members = [member(fout_melden=1), member(fout_melden=5), member(fout_melden=5), member(fout_melden=4)]
    team = engine.aggregate(example, members)
    assert team["withheld"] is False and team["n"] == 4
    assert (team["items_withheld"], team["min_group_items"]) == (True, 5)
    assert team["questions"] is None and team["discuss"] == []
    assert "vraag;" not in team_csv(example, team)


def test_from_min_group_items_the_questions_appear(example):
    team = engine.aggregate(example, [member(fout_melden=v) for v in (1, 1, 5, 5, 4)])
    assert team["items_withheld"] is False
    assert team["questions"]["fout-melden"]["counts"] == {"1": 2, "2": 0, "3": 0, "4": 1, "5": 2}


def test_nothing_in_the_result_is_per_member_in_the_order_given(example):
    members = [member(fout_melden=5, rollen_helder=1), member(fout_melden=1, rollen_helder=5),
               member(fout_melden=3, rollen_helder=3)]
    for order in ([0, 1, 2], [2, 0, 1], [1, 2, 0]):
        team = engine.aggregate(example, [members[i] for i in order])
        assert team == engine.aggregate(example, members)  # the order of members changes nothing
    text = json.dumps(engine.aggregate(example, codes_for(example, members)))
    for code in codes_for(example, members):
        assert code.replace("-", "") not in text.replace("-", "")


# -- differencing: a round keeps the versions it has shown ------------------------------------

def round_of(example, codes, shown, show=False):
    return team_round(example, codes, shown=shown, show=show)


def test_the_first_result_appears_only_when_the_facilitator_asks(example):
    codes = codes_for(example, [member(fout_melden=v) for v in (1, 3, 5)])
    waiting = round_of(example, codes, shown=[])
    assert waiting["team"] == {"n": 3, "min_group": 3, "withheld": True, "reason": "not-shown"}
    assert waiting["round"]["showing"] == "none" and waiting["round"]["ready"] is True
    shown = round_of(example, codes, shown=[], show=True)
    assert shown["team"]["withheld"] is False and shown["team"]["n"] == 3
    assert shown["round"]["new"] is True and shown["round"]["version"] == 1
    assert sorted(shown["round"]["codes"]) == sorted(c.replace("-", "") for c in codes)


def test_adding_one_code_to_a_shown_round_is_refused_and_the_shown_result_stays(example):
    first = codes_for(example, [member(fout_melden=v) for v in (1, 3, 5)])
    v1 = round_of(example, first, shown=[], show=True)
    memory = [v1["round"]["codes"]]
    fourth = engine.encode(example, member(fout_melden=2))
    later = round_of(example, first + [fourth], shown=memory, show=True)
    assert later["round"]["showing"] == "kept" and later["round"]["version"] == 1
    assert (later["round"]["difference"], later["round"]["needed"]) == (1, 2)
    assert "codes" not in later["round"]  # nothing new to remember
    assert later["team"] == v1["team"]  # exactly the shown result, not the one with member 4


def test_removing_one_code_is_refused_as_well(example):
    codes = codes_for(example, [member(fout_melden=v) for v in (1, 2, 3, 4, 5, 5)])
    memory = [round_of(example, codes, shown=[], show=True)["round"]["codes"]]
    fewer = round_of(example, codes[:-1], shown=memory, show=True)
    assert fewer["round"]["showing"] == "kept" and fewer["team"]["n"] == 6


def test_a_new_version_needs_min_group_changed_codes(example):
    first = codes_for(example, [member(fout_melden=v) for v in (1, 3, 5)])
    memory = [round_of(example, first, shown=[], show=True)["round"]["codes"]]
    more = codes_for(example, [member(fout_melden=v) for v in (2, 2, 4)])
    v2 = round_of(example, first + more, shown=memory, show=True)
    assert v2["round"]["showing"] == "current" and v2["round"]["new"] is True and v2["round"]["version"] == 2
    assert v2["team"]["n"] == 6
    memory.append(v2["round"]["codes"])
    # back to the first three: that is version 1 again, shown as it was
    again = round_of(example, first, shown=memory)
    assert again["round"] == {"versions": 2, "new": False, "version": 1, "difference": None, "needed": 0,
                              "showing": "current"}
    # one code away from version 2 is refused, even though it is far from version 1
    refused = round_of(example, first + more[:2], shown=memory, show=True)
    assert refused["round"]["showing"] == "kept" and refused["round"]["closest"] == 2


def test_without_show_a_ready_new_set_keeps_the_last_version(example):
    first = codes_for(example, [member(fout_melden=v) for v in (1, 3, 5)])
    memory = [round_of(example, first, shown=[], show=True)["round"]["codes"]]
    more = codes_for(example, [member(fout_melden=v) for v in (2, 2, 4)])
    pending = round_of(example, first + more, shown=memory)
    assert pending["round"]["showing"] == "kept" and pending["round"]["ready"] is True
    assert pending["team"]["n"] == 3


@pytest.mark.parametrize("shown", ["nope", [["A"]] * 51, [[1, 2]], [None]])
def test_a_damaged_round_memory_gets_a_clear_message(example, shown):
    with pytest.raises(ValueError, match="De bewaarde versies van deze teamronde zijn onleesbaar"):
        round_of(example, codes_for(example, [member()] * 3), shown=shown)


def test_the_browser_door_passes_the_round_memory_and_the_show_request(example):
    codes = codes_for(example, [member(fout_melden=v) for v in (1, 3, 5)])
    definition = json.dumps(engine.to_data(example))
    reply = json.loads(handle(json.dumps({"op": "team", "definition": definition, "codes": codes,
                                          "shown": [], "show": True})))
    assert reply["ok"] and reply["value"]["round"]["new"] is True
    memory = reply["value"]["round"]["codes"]
    reply = json.loads(handle(json.dumps({"op": "team", "definition": definition, "codes": codes[:2],
                                          "shown": [memory], "show": True})))
    assert reply["value"]["round"]["showing"] == "kept" and reply["value"]["team"]["n"] == 3


# -- validation ------------------------------------------------------------------------------

@pytest.mark.parametrize("fields, message", [
    ({"min_group": 2}, "expected min_group of at least 3, received 2"),
    ({"min_group": 4, "min_group_items": 3}, "expected min_group_items of at least 4, received 3"),
])
def test_validate_refuses_groups_that_could_point_to_one_person(example, fields, message):
    data = dict(engine.to_data(example), **fields)
    with pytest.raises(engine.AssessmentError, match=message):
        engine.parse_assessment(data)


def test_min_group_items_defaults_to_five_and_never_below_min_group(example):
    data = engine.to_data(example)
    del data["min_group_items"]
    assert engine.parse_assessment(data).min_group_items == 5
    data["min_group"] = 7
    assert engine.parse_assessment(data).min_group_items == 7

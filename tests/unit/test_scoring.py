"""The scoring contract, with expectations computed by hand (see the comments)."""
import pytest

import engine
from engine import AnswerError

FULL = {"rollen-helder": 5, "afspraken-vast": 4, "afspraken-vergeten": 1, "fout-melden": 2, "achter-de-rug": 2}


def test_full_answers_give_hand_computed_scores(example):
    result = engine.score(example, FULL)
    # afspraken: 5*1 + 4*2 + (6-1)*1 = 18 over weight 4 -> 4.5 -> 100*(3.5/4) = 87.5
    assert result["dimensions"]["afspraken"]["score"] == 87.5
    # vertrouwen: 2*1 + (6-2)*0.5 = 4 over weight 1.5 -> 2.666.. -> 100*(1.666../4) = 41.666.. -> 41.7
    assert result["dimensions"]["vertrouwen"]["score"] == 41.7
    assert result["complete"] is True
    assert (result["answered"], result["total"]) == (5, 5)


def test_result_shape_is_the_documented_json(example):
    result = engine.score(example, FULL)
    assert list(result) == ["assessment", "version", "perspective", "complete", "answered", "total", "dimensions",
                            "profile", "runner_up", "borderline", "relative", "flags"]
    assert (result["perspective"], result["runner_up"], result["borderline"], result["relative"], result["flags"]) == \
        (None, None, False, None, [])
    assert result["assessment"] == "voorbeeld" and result["version"] == 2
    assert result["dimensions"]["afspraken"] == {
        "score": 87.5, "answered": 3, "total": 3,
        "band": {"index": 2, "label": "Helder", "advice": "Kijk samen welke afspraak niet meer nodig is.",
                 "links": []},
    }


@pytest.mark.parametrize("unanswered", [None, "unknown"])
def test_none_and_unknown_count_as_unanswered(example, unanswered):
    answers = dict(FULL, **{"fout-melden": unanswered})
    result = engine.score(example, answers)
    assert result["answered"] == 4 and result["complete"] is False
    # vertrouwen now only the reversed item: 6-2 = 4 -> 75.0
    assert result["dimensions"]["vertrouwen"] == {
        "score": 75.0, "answered": 1, "total": 2,
        "band": {"index": 1, "label": "Stevig", "advice": None, "links": []}}


def test_missing_answer_counts_as_unanswered(example):
    answers = {k: v for k, v in FULL.items() if k != "rollen-helder"}
    assert engine.score(example, answers)["dimensions"]["afspraken"]["answered"] == 2


def test_dimension_below_half_answered_has_no_score_and_no_band(example):
    # afspraken has 3 questions: 1 answered is below half (1*2 < 3)
    result = engine.score(example, {"rollen-helder": 4})
    assert result["dimensions"]["afspraken"] == {"score": None, "answered": 1, "total": 3, "band": None}


def test_exactly_half_answered_is_scored(example):
    # vertrouwen has 2 questions: 1*2 >= 2
    assert engine.score(example, {"fout-melden": 5})["dimensions"]["vertrouwen"]["score"] == 100.0


def test_reversed_value_counts_as_min_plus_max_minus_value(example):
    low = engine.score(example, {"afspraken-vergeten": 5, "rollen-helder": 1})
    assert low["dimensions"]["afspraken"]["score"] == 0.0


@pytest.mark.parametrize("value, message", [
    (0, "moet een geheel getal van 1 tot en met 5 zijn"),
    (6, "moet een geheel getal van 1 tot en met 5 zijn"),
    (2.5, "moet een geheel getal van 1 tot en met 5 zijn"),
    ("3", "moet een geheel getal van 1 tot en met 5 zijn"),
    (True, "moet een geheel getal van 1 tot en met 5 zijn"),
])
def test_values_off_the_scale_raise_a_clear_answer_error(example, value, message):
    with pytest.raises(AnswerError, match=message):
        engine.score(example, {"rollen-helder": value})


def test_unknown_question_id_raises(example):
    with pytest.raises(AnswerError, match="onbekende vraag 'bestaat-niet'"):
        engine.score(example, {"bestaat-niet": 3})
    assert issubclass(AnswerError, ValueError)


@pytest.mark.parametrize("score, band", [(0.0, 0), (40.0, 0), (40.1, 1), (70.0, 1), (70.1, 2), (100.0, 2)])
def test_band_is_the_first_with_score_at_most_upto(example, score, band):
    from engine.scoring import band_of
    dimension = example.dimensions[0]
    assert band_of(dimension, score)["index"] == band


def test_profile_is_the_first_whose_conditions_all_hold(example):
    assert engine.score(example, FULL)["profile"]["id"] == "vertrouwen-loopt-achter"
    strong = {"rollen-helder": 5, "afspraken-vast": 5, "afspraken-vergeten": 1, "fout-melden": 5, "achter-de-rug": 1}
    assert engine.score(example, strong)["profile"] == {
        "id": "stevige-basis", "title": "Stevige basis",
        "text": "Afspraken en vertrouwen zijn allebei sterk.", "links": ["samenwerken.md"]}


def test_a_dimension_without_score_gives_no_profile_not_even_the_catch_all(example):
    # vertrouwen unanswered: no profile from partial answers, although "onderweg" (when: {}) always holds
    answers = {"rollen-helder": 5, "afspraken-vast": 5, "afspraken-vergeten": 1}
    result = engine.score(example, answers)
    assert (result["profile"], result["runner_up"], result["borderline"]) == (None, None, False)
    assert result["flags"] == ["incomplete", "many-unknown"]  # 2 of 5 unanswered: 40%


def test_no_profile_holds_gives_null():
    data = engine.to_data(_small())
    data["profiles"] = [{"id": "hoog", "when": {"d": {"min": 90}}}]
    assert engine.score(data, {"q1": 1, "q2": 1})["profile"] is None


def test_text_in_the_language_asked_with_fallback_to_dutch(example):
    en = engine.score(example, FULL, lang="en")
    assert en["dimensions"]["vertrouwen"]["band"]["label"] == "Fragile"
    assert en["dimensions"]["afspraken"]["band"]["label"] == "Helder"  # only Dutch given
    assert engine.score(example, FULL, lang="fr")["dimensions"]["vertrouwen"]["band"]["label"] == "Broos"


def test_plain_data_scores_like_the_model(example):
    assert engine.score(engine.to_data(example), FULL) == engine.score(example, FULL)


def _small():
    return engine.parse_assessment({
        "id": "klein", "version": 1, "title": "Klein", "audience": "individual",
        "scale": {"min": 1, "max": 5, "labels": {str(i): f"l{i}" for i in range(1, 6)}},
        "dimensions": [{"id": "d", "title": "D", "bands": [{"upto": 100, "label": "alles"}]}],
        "questions": [{"id": "q1", "text": "Een", "dimension": "d"}, {"id": "q2", "text": "Twee", "dimension": "d"}],
    })


# -- format v2: nearest prototype, flags, "n/a", perspective (tests/fixtures/dichtstbij) --------
#
# Every item keyed: answer v on a normal item, 6 - v on a reversed one; score = 100 * (mean - 1) / 4.
# Prototypes: zoekend (25, 25), gericht (75, 25), vrij (25, 75), missie (80, 80) over (richting, ruimte).

MISSIE = {"doel-bekend": 5, "doel-gedeeld": 4, "doel-zoek": 2, "zelf-plannen": 4, "zelf-budget": 4, "toestemming": 2}
BETWEEN = {"doel-bekend": 4, "doel-gedeeld": 3, "doel-zoek": 3, "zelf-plannen": 3, "zelf-budget": 3, "toestemming": 4}


def test_nearest_prototype_with_distance_and_runner_up(nearest):
    result = engine.score(nearest, MISSIE)
    # richting keyed 5, 4, 4: mean 13/3 -> 83.3; ruimte keyed 4, 4, 4 -> 75.0
    assert (result["dimensions"]["richting"]["score"], result["dimensions"]["ruimte"]["score"]) == (83.3, 75.0)
    # missie: sqrt(3.3^2 + 5^2) = sqrt(35.89) = 5.99 -> 6.0; gericht: sqrt(8.3^2 + 50^2) = 50.68 -> 50.7;
    # vrij: sqrt(58.3^2 + 0) = 58.3; zoekend: sqrt(58.3^2 + 50^2) = 76.8
    assert result["profile"] == {"id": "missie", "title": "Team met een missie",
                                 "text": "Doel en ruimte zijn er allebei.", "links": [], "distance": 6.0}
    assert result["runner_up"] == {"id": "gericht", "title": "Gericht team",
                                   "text": "Het doel is helder; de ruimte nog niet.", "links": [], "distance": 50.7}
    assert result["borderline"] is False  # 50.7 - 6.0 = 44.7, not below 15
    assert result["flags"] == []


def test_borderline_when_the_two_nearest_differ_by_less_than_the_margin(nearest):
    result = engine.score(nearest, BETWEEN)
    # richting keyed 4, 3, 3 -> 10/3 -> 58.3; ruimte keyed 3, 3, 2 -> 8/3 -> 41.7
    # gericht: sqrt(16.7^2 + 16.7^2) = 23.6; zoekend: sqrt(33.3^2 + 16.7^2) = 37.25 -> 37.3 (float 37.2529...)
    assert (result["profile"]["id"], result["profile"]["distance"]) == ("gericht", 23.6)
    assert (result["runner_up"]["id"], result["runner_up"]["distance"]) == ("zoekend", 37.3)
    assert result["borderline"] is True  # 37.3 - 23.6 = 13.7 < 15 (borderline_margin of the fixture)
    data = engine.to_data(nearest)
    data["borderline_margin"] = 13.7
    assert engine.score(data, BETWEEN)["borderline"] is False  # not *less* than 13.7
    del data["borderline_margin"]
    assert engine.score(data, BETWEEN)["borderline"] is False  # the default margin, 10


def test_a_tie_goes_to_the_earlier_profile_and_is_borderline(nearest):
    result = engine.score(nearest, {q.id: 3 for q in nearest.questions})
    # (50, 50) is sqrt(25^2 + 25^2) = 35.4 from zoekend, gericht and vrij alike; missie sqrt(2 * 30^2) = 42.4
    assert [result["profile"]["id"], result["runner_up"]["id"]] == ["zoekend", "gericht"]
    assert result["profile"]["distance"] == result["runner_up"]["distance"] == 35.4
    assert result["borderline"] is True
    assert result["flags"] == ["straightlining"]


def test_incomplete_answers_give_no_profile_with_nearest_too(nearest):
    result = engine.score(nearest, {"doel-bekend": 5, "doel-gedeeld": 4, "zelf-plannen": 4})
    # ruimte: 1 of 3 answered, below half: no score
    assert result["dimensions"]["ruimte"]["score"] is None
    assert (result["profile"], result["runner_up"], result["borderline"]) == (None, None, False)
    assert result["flags"] == ["incomplete", "many-unknown"]


def test_team_like_scores_and_one_profile_give_no_runner_up():
    data = engine.to_data(_small())
    data.update(profile_rule="nearest", profiles=[{"id": "enig", "prototype": {"d": 50}}])
    result = engine.score(data, {"q1": 5, "q2": 4})
    # d: mean 4.5 -> 87.5; distance 37.5
    assert result["profile"]["distance"] == 37.5 and result["runner_up"] is None and result["borderline"] is False


def _flag_scan():
    """Ten questions on one dimension, q0 and q1 reversed; q9 may be "n/a"."""
    return engine.parse_assessment({
        "id": "vlaggen", "version": 1, "title": "Vlaggen", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {str(i): f"l{i}" for i in range(1, 6)}, "unknown": "Weet ik niet"},
        "dimensions": [{"id": "d", "title": "D", "bands": [{"upto": 100, "label": "alles"}]}],
        "questions": [{"id": f"q{i}", "text": "?", "dimension": "d", "reverse": i < 2,
                       **({"not_applicable": "Niet van toepassing"} if i == 9 else {})} for i in range(10)],
    })


def _answers(*values):
    return {f"q{i}": v for i, v in enumerate(values)}


@pytest.mark.parametrize("values, flags", [
    # straightlining: at least 5 on the scale, the most common value on at least 90% of them (as given)
    ((4, 4, 4, 4, 4, 4, 4, 4, 4, 2), ["straightlining"]),                   # 9 of 10 = 90%
    ((2, 2, 4, 4, 4, 4, 4, 4, 4, 4), []),                                   # 8 of 10 = 80%, keyed all 4
    ((2, 2, 4, 4, 4, 4, 4, 4, 4, "n/a"), []),                               # 7 of 9 = 78%
    # 4 answers: too few to call it straightlining (and fewer than half: incomplete)
    ((4, 4, 4, 4, None, None, "unknown", None, None, "n/a"), ["incomplete", "many-unknown"]),
    # many-unknown: "weet ik niet" on at least 25% of the questions, "n/a" left out of both counts
    ((2, 2, 4, 4, 4, 4, 4, 3, "unknown", "unknown"), []),                   # 2 of 10 = 20%
    ((2, 2, 4, 4, 4, 4, 3, "unknown", "unknown", "n/a"), []),               # 2 of 9 = 22%
    ((2, 2, 4, 4, 4, 4, 3, "unknown", None, "unknown"), ["many-unknown"]),  # 3 of 10 = 30%
    ((2, 2, 4, 4, 4, 3, None, None, "unknown", "n/a"), ["many-unknown"]),   # 3 of 9 = 33%
    # inconsistent: keyed spread (pooled sd of keyed answers / sqrt((5^2 - 1) / 12)) above 0.95
    # keyed 2, 2, 4 x 6, 3, 3 (a mild "agree"): mean 3.4, SS = 2 * 1.4^2 + 6 * 0.6^2 + 2 * 0.4^2 = 6.4,
    # sd sqrt(6.4 / 9) = 0.843, spread 0.843 / 1.414 = 0.60
    ((4, 4, 4, 4, 4, 4, 4, 4, 3, 3), []),
    # keyed 1, 1, 5 x 7, 4 (agrees with both poles): mean 4.1, SS = 2 * 3.1^2 + 7 * 0.9^2 + 0.1^2 = 24.9,
    # sd sqrt(24.9 / 9) = 1.663, spread 1.18
    ((5, 5, 5, 5, 5, 5, 5, 5, 5, 4), ["straightlining", "inconsistent"]),
    # keyed 1, 3, 5, 1, 3, 5, 1, 3, 5, 3: mean 3, SS = 3 * 4 * 2 = 24, sd 1.633, spread 1.155
    ((5, 3, 5, 1, 3, 5, 1, 3, 5, 3), ["inconsistent"]),
    # keyed 2, 3, 4, 2, 3, 4, 2, 3, 4, 3: SS = 6 * 1 = 6, sd 0.816, spread 0.577
    ((4, 3, 4, 2, 3, 4, 2, 3, 4, 3), []),
])
def test_answer_quality_flags(values, flags):
    assert engine.score(_flag_scan(), _answers(*values))["flags"] == flags


def test_inconsistent_needs_a_dimension_with_answered_normal_and_reversed_items():
    # the same contradiction, with both reversed items unanswered: nothing to compare
    assert engine.score(_flag_scan(), _answers(None, None, 1, 5, 1, 5, 1, 5, 1, 5))["flags"] == []
    assert engine.score(_flag_scan(), _answers(5, None, 1, 5, 1, 5, 1, 5, 1, 5))["flags"] == ["inconsistent"]


def test_the_flags_listed_in_their_fixed_order(nearest):
    # all 5: richting keyed 5, 5, 1: SS = 51 - 11^2 / 3 = 10.67; ruimte keyed 5, 1: SS = 26 - 6^2 / 2 = 8;
    # sd sqrt(18.67 / 3) = 2.49, spread 2.49 / 1.414 = 1.76
    result = engine.score(nearest, {"doel-bekend": 5, "doel-gedeeld": 5, "doel-zoek": 5, "zelf-plannen": 5,
                                    "toestemming": 5, "zelf-budget": "unknown"})
    assert result["flags"] == ["straightlining", "inconsistent"]
    assert engine.FLAGS == ("incomplete", "straightlining", "inconsistent", "many-unknown")


def test_not_applicable_counts_as_unanswered_but_not_as_unknown(nearest):
    result = engine.score(nearest, dict(MISSIE, **{"zelf-budget": "n/a"}))
    # ruimte keyed 4, 4 (zelf-budget left out) -> 75.0; 2 of 3 answered
    assert result["dimensions"]["ruimte"] == {"score": 75.0, "answered": 2, "total": 3,
                                              "band": {"index": 2, "label": "Ruim", "advice": None, "links": []}}
    assert (result["answered"], result["total"], result["complete"]) == (5, 6, True)
    assert engine.score(nearest, dict(MISSIE, **{"zelf-budget": "unknown"}))["complete"] is False


def test_not_applicable_only_where_the_question_offers_it(nearest):
    with pytest.raises(AnswerError) as info:
        engine.score(nearest, {"doel-bekend": "n/a"})
    assert str(info.value) == "vraag 'doel-bekend' heeft geen keuze 'niet van toepassing'; ontvangen: 'n/a'"


def test_the_perspective_picks_advice_and_profile_text(nearest):
    low = {"doel-bekend": 1, "doel-gedeeld": 2, "doel-zoek": 5, "zelf-plannen": 2, "zelf-budget": 1, "toestemming": 4}
    generic = engine.score(nearest, low)
    leader = engine.score(nearest, low, perspective="leider")
    member = engine.score(nearest, low, perspective="lid")
    assert (generic["perspective"], leader["perspective"], member["perspective"]) == (None, "leider", "lid")
    advice = [r["dimensions"]["richting"]["band"]["advice"] for r in (generic, leader, member)]
    assert advice == ["Praat over waar jullie samen heen willen.",
                      "Vraag het team waar het heen wil, voordat je zelf iets zegt.",
                      "Praat over waar jullie samen heen willen."]  # no advice written for "lid": the general one
    texts = [engine.score(nearest, MISSIE, perspective=p)["profile"]["text"] for p in (None, "leider", "lid")]
    assert texts == ["Doel en ruimte zijn er allebei.", "Geef het team de ruimte die het al neemt.",
                     "Jullie kunnen veel zelf; laat zien wat het oplevert."]
    # runner-up texts follow the perspective too
    assert engine.score(nearest, BETWEEN, perspective="leider")["runner_up"]["text"] == \
        "Het team zoekt nog naar richting en ruimte."


@pytest.mark.parametrize("fixture, perspective, message", [
    ("nearest", "baas", "onbekend perspectief 'baas' voor 'dichtstbij'; kies uit: leider, lid"),
    ("nearest", 1, "onbekend perspectief 1 voor 'dichtstbij'; kies uit: leider, lid"),
    ("example", "lid", "de scan 'voorbeeld' vraagt geen perspectief; ontvangen: 'lid'"),
])
def test_a_perspective_the_scan_does_not_offer_is_an_answer_error(request, fixture, perspective, message):
    with pytest.raises(AnswerError) as info:
        engine.score(request.getfixturevalue(fixture), {}, perspective=perspective)
    assert str(info.value) == message


def test_plain_data_of_v2_scores_like_the_model(nearest):
    data = engine.to_data(nearest)
    assert engine.parse_assessment(data) == nearest
    for perspective in (None, "leider"):
        assert engine.score(data, BETWEEN, perspective=perspective) == engine.score(nearest, BETWEEN,
                                                                                    perspective=perspective)

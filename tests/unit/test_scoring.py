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
    assert list(result) == ["assessment", "version", "complete", "answered", "total", "dimensions", "profile"]
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


def test_condition_on_a_dimension_without_score_does_not_hold(example):
    # vertrouwen unanswered: neither of the first two profiles may match; the catch-all does
    answers = {"rollen-helder": 5, "afspraken-vast": 5, "afspraken-vergeten": 1}
    assert engine.score(example, answers)["profile"]["id"] == "onderweg"


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

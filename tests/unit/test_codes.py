"""Result codes: what they carry, how they look, and the Dutch message for each kind of mistake."""
import pytest

import engine
from engine import CodeError
from engine.codes import ALPHABET, canonical

ANSWERS = {"rollen-helder": 5, "afspraken-vast": 4, "afspraken-vergeten": 1, "fout-melden": None, "achter-de-rug": 2}


def thirty_question_assessment():
    return engine.parse_assessment({
        "id": "dertig", "version": 1, "title": "Dertig", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {i: str(i) for i in range(1, 6)}},
        "dimensions": [{"id": "d", "title": "D", "bands": [{"upto": 100, "label": "x"}]}],
        "questions": [{"id": f"q{i}", "text": "?", "dimension": "d"} for i in range(30)],
    })


def test_round_trip_keeps_every_answer_including_unanswered(example):
    assert engine.decode(example, engine.encode(example, ANSWERS)) == ANSWERS


def test_code_is_crockford_base32_in_hyphenated_groups(example):
    code = engine.encode(example, ANSWERS, nonce=7)
    groups = code.split("-")
    assert all(1 <= len(g) <= 4 for g in groups) and all(len(g) == 4 for g in groups[:-1])
    assert set(code.replace("-", "")) <= set(ALPHABET)


def test_thirty_five_point_questions_fit_in_32_symbols():
    assessment = thirty_question_assessment()
    code = engine.encode(assessment, {f"q{i}": 1 + i % 5 for i in range(30)})
    assert len(code.replace("-", "")) <= 32
    assert engine.code_length(assessment) == 29


def test_identical_answers_give_different_codes_thanks_to_the_nonce(example):
    codes = {engine.encode(example, ANSWERS) for _ in range(20)}
    assert len(codes) > 1


def test_decoding_ignores_case_hyphens_spaces_and_reads_i_l_o(example):
    code = engine.encode(example, ANSWERS, nonce=12345)
    sloppy = " ".join(code.lower().replace("-", "")).replace("1", "l").replace("0", "o")
    assert engine.decode(example, sloppy) == ANSWERS
    assert canonical("i-L o") == "110"


def test_the_code_carries_nothing_but_format_assessment_version_nonce_and_answers(example):
    # the same answers and nonce always give the same code: no time, no randomness beyond the nonce
    assert engine.encode(example, ANSWERS, nonce=99) == engine.encode(example, ANSWERS, nonce=99)


def _other(code_char):
    return "0" if code_char != "0" else "1"


def test_a_single_mistyped_character_is_a_typo(example):
    code = engine.encode(example, ANSWERS, nonce=1).replace("-", "")
    broken = code[:5] + _other(code[5]) + code[6:]
    with pytest.raises(CodeError) as info:
        engine.decode(example, broken)
    assert info.value.reason == "typo"
    assert str(info.value) == ("Deze code klopt niet: waarschijnlijk is er een teken verkeerd overgenomen of zijn "
                               "twee tekens verwisseld. Vergelijk de code teken voor teken met het origineel.")


@pytest.mark.parametrize("cut, reason, message", [
    (1, "short", "Deze code is te kort: er ontbreekt 1 teken."),
    (3, "short", "Deze code is te kort: er ontbreken 3 tekens."),
    (-1, "long", "Deze code is te lang: er staat 1 teken te veel."),
])
def test_wrong_length_says_how_many_characters_are_off(example, cut, reason, message):
    code = engine.encode(example, ANSWERS, nonce=1).replace("-", "")
    changed = code[:-cut] if cut > 0 else code + "7"
    with pytest.raises(CodeError, match=message) as info:
        engine.decode(example, changed)
    assert info.value.reason == reason


def test_characters_that_cannot_occur_are_named(example):
    with pytest.raises(CodeError, match="tekens die in een resultaatcode niet voorkomen: 'U' '\\*'") as info:
        engine.decode(example, "ABCU-12*4")
    assert info.value.reason == "characters"


def test_empty_code(example):
    with pytest.raises(CodeError, match="Er is geen code ingevuld.") as info:
        engine.decode(example, " - ")
    assert info.value.reason == "empty"


def test_code_of_another_assessment_is_recognised(example):
    other = thirty_question_assessment()
    code = engine.encode(other, {})
    with pytest.raises(CodeError, match="hoort bij een andere scan") as info:
        engine.decode(example, code)
    assert info.value.reason == "assessment"


def test_code_of_another_version_is_recognised(example):
    data = engine.to_data(example)
    data["version"] = 3
    newer = engine.parse_assessment(data)
    with pytest.raises(CodeError, match=r"andere versie van deze scan \(versie 2; deze pagina gebruikt versie 3\)") as info:
        engine.decode(newer, engine.encode(example, ANSWERS))
    assert info.value.reason == "version"


def test_code_error_is_a_value_error():
    assert issubclass(CodeError, ValueError)


def test_encode_checks_the_answers_first(example):
    with pytest.raises(engine.AnswerError):
        engine.encode(example, {"rollen-helder": 9})

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
    assert engine.decode(example, engine.encode(example, ANSWERS)) == {"answers": ANSWERS, "perspective": None}


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
    assert engine.decode(example, sloppy)["answers"] == ANSWERS
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


# -- format 2: "n/a" and the perspective; format 1 still read ------------------------------------

# Made by the encoder of format 1 (before "n/a" and the perspective), for the example, version 2:
# ANSWERS with nonce 4242, and OLD_ANSWERS with nonce 7. Kept as literals: they are what people still hold.
FORMAT_1_CODE = "19GH-14G2-YS54-3S7J"
OLD_ANSWERS = {"rollen-helder": 1, "afspraken-vast": None, "afspraken-vergeten": 5, "fout-melden": 3,
               "achter-de-rug": 4}
FORMAT_1_CODE_2 = "2XYG-01R2-YS54-3XBB"


def test_format_1_codes_still_decode_with_their_old_meaning(example):
    assert engine.decode(example, FORMAT_1_CODE) == {"answers": ANSWERS, "perspective": None}
    assert engine.decode(example, FORMAT_1_CODE_2) == {"answers": OLD_ANSWERS, "perspective": None}
    assert engine.read(example, FORMAT_1_CODE.lower()).canonical == FORMAT_1_CODE.replace("-", "")
    team = engine.aggregate(example, [FORMAT_1_CODE, FORMAT_1_CODE_2, engine.encode(example, ANSWERS)])
    assert team["n"] == 3


def test_a_format_1_code_of_an_older_version_gets_the_version_message(example):
    data = engine.to_data(example)
    data["version"] = 3
    with pytest.raises(CodeError, match=r"andere versie van deze scan \(versie 2; deze pagina gebruikt versie 3\)") as info:
        engine.decode(engine.parse_assessment(data), FORMAT_1_CODE)
    assert info.value.reason == "version"


def test_a_code_of_an_unknown_format_gets_the_format_message(example):
    from engine.codes import ASSESSMENT_BITS, CRC_BITS, FORMAT_BITS, _crc_remainder, assessment_tag
    # version 2, the example's tag, format 15; no answers, nonce 0
    message = ((2 << ASSESSMENT_BITS | assessment_tag("voorbeeld")) << FORMAT_BITS) | 15
    shifted = message << CRC_BITS
    codeword = shifted | _crc_remainder(shifted)
    symbols = "".join(ALPHABET[codeword >> (5 * i) & 31] for i in reversed(range(engine.code_length(example))))
    with pytest.raises(CodeError, match="met een andere uitgave van Supportwijzer") as info:
        engine.decode(example, symbols)
    assert info.value.reason == "format"


def test_without_n_a_or_perspective_a_code_keeps_its_length(example):
    # format 2 changed only the format field for such a scan: 5 questions of radix 6: 6^5 = 7,776 -> 13 answer
    # bits, + 48 header bits + 16 check bits = 77 bits -> 16 symbols
    assert len(FORMAT_1_CODE.replace("-", "")) == engine.code_length(example) == 16


@pytest.mark.parametrize("answers, perspective", [
    ({"doel-bekend": 5, "zelf-budget": "n/a", "toestemming": "unknown"}, "lid"),
    ({"doel-bekend": 1, "zelf-budget": "n/a"}, None),
    ({"zelf-budget": 5}, "leider"),
    ({}, None),
])
def test_n_a_and_the_perspective_survive_the_code(nearest, answers, perspective):
    code = engine.encode(nearest, answers, perspective, nonce=3)
    decoded = engine.decode(nearest, code)
    expected = {q.id: None for q in nearest.questions}
    expected.update({k: (None if v == "unknown" else v) for k, v in answers.items()})
    assert decoded == {"answers": expected, "perspective": perspective}
    # and the decoded answers score exactly as the original ones
    assert engine.score(nearest, decoded["answers"], perspective=decoded["perspective"]) == \
        engine.score(nearest, answers, perspective=perspective)


def test_n_a_and_the_perspective_take_room_only_where_the_scan_has_them(nearest):
    # 5 questions of radix 7 and zelf-budget of radix 8, times 3 perspective choices: 7^5 * 8 * 3 = 403,368
    # -> 19 answer bits, + 48 header bits + 16 check bits = 83 bits -> 17 symbols
    assert engine.code_length(nearest) == 17
    assert len(engine.encode(nearest, {}, "lid").replace("-", "")) == 17


def test_encode_refuses_a_perspective_the_scan_does_not_offer(nearest, example):
    with pytest.raises(engine.AnswerError, match="onbekend perspectief 'baas'"):
        engine.encode(nearest, {}, "baas")
    with pytest.raises(engine.AnswerError, match="vraagt geen perspectief"):
        engine.encode(example, {}, "lid")

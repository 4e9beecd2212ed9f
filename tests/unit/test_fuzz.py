"""Fuzzing: whatever comes in, the engine answers with a message (CodeError/ValueError), never another exception."""
import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from engine.loader import parse_file
from support import EXAMPLE, EXAMPLE_DIR, load_example

EXAMPLE_ASSESSMENT = load_example()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=25)


def only_value_errors(call):
    try:
        call()
    except ValueError as error:  # CodeError, AnswerError and AssessmentError are ValueErrors
        assert str(error), f"{type(error).__name__} without a message"


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_decode_of_any_text(code):
    only_value_errors(lambda: engine.decode(EXAMPLE_ASSESSMENT, code))


@settings(max_examples=100)
@given(st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ-", max_size=60))
def test_decode_of_any_code_shaped_text(code):
    only_value_errors(lambda: engine.decode(EXAMPLE_ASSESSMENT, code))


@settings(max_examples=300)
@given(json_values)
def test_decode_score_and_aggregate_of_any_structure(value):
    only_value_errors(lambda: engine.decode(EXAMPLE_ASSESSMENT, value))
    only_value_errors(lambda: engine.score(EXAMPLE_ASSESSMENT, value))
    only_value_errors(lambda: engine.aggregate(EXAMPLE_ASSESSMENT, value if isinstance(value, list) else [value]))


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from([q.id for q in EXAMPLE_ASSESSMENT.questions]) | st.text(max_size=5),
                       json_values, max_size=8))
def test_score_of_any_answer_mapping(answers):
    only_value_errors(lambda: engine.score(EXAMPLE_ASSESSMENT, answers))
    only_value_errors(lambda: engine.encode(EXAMPLE_ASSESSMENT, answers))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_structure_as_a_definition(definition):
    only_value_errors(lambda: engine.score(definition, {}))


def mutations(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["delete-line", "duplicate-line", "swap-lines", "char", "indent", "truncate"])
        i = rng.randrange(len(lines))
        if kind == "delete-line" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate-line":
            lines.insert(i, lines[i])
        elif kind == "swap-lines":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "char" and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(":-[]{}'\"#&*!|>%@` \t1x") + lines[i][k + 1:]
        elif kind == "indent":
            lines[i] = rng.choice(["", " ", "   ", "\t"]) + lines[i]
        elif kind == "truncate":
            lines = lines[: i + 1]
    return "\n".join(lines) + "\n"


@settings(max_examples=400)
@given(st.randoms(use_true_random=False))
def test_validate_of_mutated_yaml_gives_messages_never_a_traceback(rng):
    text = mutations(EXAMPLE.read_text(encoding="utf-8"), rng)
    here = os.getcwd()
    os.chdir(EXAMPLE_DIR)  # links resolve against the example's own content/
    try:
        assessment, problems = parse_file(EXAMPLE, text=text)
    finally:
        os.chdir(here)
    assert (assessment is None) == bool(problems)
    for problem in problems:
        assert problem.startswith(f"{EXAMPLE}:") and problem.split(":", 2)[1].isdigit(), problem


def test_the_unmutated_example_is_valid_so_the_mutations_mean_something():
    here = os.getcwd()
    os.chdir(EXAMPLE_DIR)
    try:
        assert parse_file(EXAMPLE)[1] == []
    finally:
        os.chdir(here)

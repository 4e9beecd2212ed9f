"""`python -m engine` on hostile input: a `file:line: message` and quickly, never a traceback."""
import json
import subprocess
import sys
import time

import pytest

from engine.codes import canonical
from engine.errors import CodeError
from support import EXAMPLE, EXAMPLE_DIR

TOO_DEEP = "invalid JSON: nested too deeply; expected a flat object of question id to answer"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "engine", *map(str, args)], cwd=EXAMPLE_DIR,
                          capture_output=True, text=True, input=stdin)


@pytest.mark.parametrize("what, text, line", [
    ("a list 100,000 deep", "[" * 100_000 + "]" * 100_000, 1),
    ("a list 1,500 deep under a key", '{\n  "rollen-helder":\n' + "[" * 1500 + "]" * 1500 + "\n}", 3),
    ("brackets inside a string do not count", '{"a": "' + "[" * 5000 + '",\n "b": {"c":\n'
     + '{"d": ' * 1500 + "1" + "}" * 1500 + "}}", 3),
])
def test_deeply_nested_answers_json_names_file_and_line(tmp_path, what, text, line):
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    for command in ("score", "encode"):
        result = run(command, EXAMPLE, path)
        assert (result.returncode, result.stderr) == (1, f"{path}:{line}: {TOO_DEEP}\n"), result.stderr[-500:]


def test_nested_answers_within_pythons_reach_get_the_ordinary_message(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"rollen-helder": [[[[1]]]]}), encoding="utf-8")
    result = run("score", EXAMPLE, path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "antwoord op vraag 'rollen-helder' moet een geheel getal van 1 tot en met 5 zijn" in result.stderr


def distinct_characters(count):
    """``count`` different characters that cannot occur in a code (CJK ideographs, beyond the surrogates)."""
    return "".join(chr(0x20000 + i) for i in range(count))


def test_the_bad_character_check_is_linear():
    """40,000 different bad characters took 6.6 s (a list searched once per character); now milliseconds."""
    started = time.perf_counter()
    with pytest.raises(CodeError) as refused:
        canonical(distinct_characters(40_000))
    assert time.perf_counter() - started < 0.5
    assert refused.value.reason == "characters"
    assert str(refused.value).startswith("Deze code bevat tekens die in een resultaatcode niet voorkomen: "
                                         f"{' '.join(repr(chr(0x20000 + i)) for i in range(5))}.")


def test_aggregate_of_a_40000_character_line_is_quick_and_a_message():
    started = time.perf_counter()
    result = run("aggregate", EXAMPLE, "-", stdin=distinct_characters(40_000) + "\n")
    assert time.perf_counter() - started < 3.0  # process start included; it was 6.6 s for the check alone
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("-:1: Deze code bevat tekens die in een resultaatcode niet voorkomen:")

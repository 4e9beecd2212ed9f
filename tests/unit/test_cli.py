"""`python -m engine score|encode|decode|aggregate`: JSON out, problems on stderr, never a traceback."""
import json
import subprocess
import sys

import engine
from support import EXAMPLE, EXAMPLE_DIR, load_example

ANSWERS = {"rollen-helder": 5, "afspraken-vast": 4, "afspraken-vergeten": 1, "fout-melden": 2, "achter-de-rug": 2}


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "engine", *map(str, args)], cwd=EXAMPLE_DIR,
                          capture_output=True, text=True, input=stdin)


def write_answers(tmp_path, answers=ANSWERS):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def test_score_prints_the_engine_result(tmp_path):
    result = run("score", EXAMPLE, write_answers(tmp_path))
    assert result.returncode == 0
    assert json.loads(result.stdout) == engine.score(load_example(), ANSWERS)


def test_encode_then_decode_round_trips(tmp_path):
    code = run("encode", EXAMPLE, write_answers(tmp_path)).stdout.strip()
    decoded = run("decode", EXAMPLE, code)
    assert decoded.returncode == 0 and json.loads(decoded.stdout) == {"answers": ANSWERS, "perspective": None}


def test_decode_of_a_bad_code_prints_the_dutch_message_and_exits_1():
    result = run("decode", EXAMPLE, "ABCD")
    assert result.returncode == 1
    assert "Deze code is te kort" in result.stderr and "Traceback" not in result.stderr


def test_score_with_bad_answers_gives_a_message_not_a_traceback(tmp_path):
    result = run("score", EXAMPLE, write_answers(tmp_path, {"rollen-helder": 7}))
    assert result.returncode == 1
    assert "moet een geheel getal van 1 tot en met 5 zijn" in result.stderr and "Traceback" not in result.stderr


def test_score_with_invalid_json_names_file_and_line(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{\n  "rollen-helder": 5,\n}', encoding="utf-8")
    result = run("score", EXAMPLE, path)
    assert result.returncode == 1 and f"{path}:3: invalid JSON" in result.stderr


def test_aggregate_reports_bad_lines_with_their_number_and_counts_the_rest():
    definition = load_example()
    codes = [engine.encode(definition, dict(ANSWERS, **{"fout-melden": v})) for v in (1, 3, 5)]
    text = "\n".join([codes[0], "XXXX-YYYY", codes[1], "", codes[2], codes[0]]) + "\n"
    result = run("aggregate", EXAMPLE, "-", stdin=text)
    assert result.returncode == 0
    assert "-:2: Deze code is te kort" in result.stderr
    team = json.loads(result.stdout)
    assert team["n"] == 3 and team["duplicates"] == 1
    assert team == engine.aggregate(definition, [codes[0], codes[1], codes[2], codes[0]])


def test_aggregate_exits_1_when_the_result_is_withheld():
    definition = load_example()
    codes = [engine.encode(definition, ANSWERS) for _ in range(2)]
    result = run("aggregate", EXAMPLE, "-", stdin="\n".join(codes))
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"n": 2, "min_group": 3, "withheld": True}
    assert "withheld: 2 valid result(s), at least 3 needed" in result.stderr


def test_missing_definition_file_is_a_message():
    result = run("score", "bestaat-niet.yml", "-", stdin="{}")
    assert result.returncode == 1 and "bestaat-niet.yml:1: cannot read the file" in result.stderr


def test_score_and_encode_take_a_perspective(tmp_path):
    from support import NEAREST, NEAREST_DIR, load_nearest
    answers = {"doel-bekend": 5, "doel-gedeeld": 4, "doel-zoek": 2, "zelf-plannen": 4, "zelf-budget": "n/a"}
    path = write_answers(tmp_path, answers)

    def run_there(*args):
        return subprocess.run([sys.executable, "-m", "engine", *map(str, args)], cwd=NEAREST_DIR,
                              capture_output=True, text=True)
    scored = run_there("score", NEAREST, path, "--perspective", "leider")
    assert scored.returncode == 0
    assert json.loads(scored.stdout) == engine.score(load_nearest(), answers, perspective="leider")
    code = run_there("encode", NEAREST, path, "--perspective", "lid").stdout.strip()
    decoded = json.loads(run_there("decode", NEAREST, code).stdout)
    assert decoded["perspective"] == "lid" and decoded["answers"]["zelf-budget"] == "n/a"
    wrong = run_there("score", NEAREST, path, "--perspective", "baas")
    assert wrong.returncode == 1
    assert wrong.stderr == "error: onbekend perspectief 'baas' voor 'dichtstbij'; kies uit: leider, lid\n"

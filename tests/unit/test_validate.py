"""`python -m engine validate`: every problem as file:line: message, at the line of the node concerned."""
import os
import subprocess
import sys

import pytest

from support import EXAMPLE, EXAMPLE_DIR
from engine.loader import parse_file

GOOD = EXAMPLE.read_text(encoding="utf-8")


def problems_for(tmp_path, text, name="voorbeeld.yml"):
    """Validate ``text`` as a file inside a copy of the example project; return the problems."""
    (tmp_path / "content").mkdir(exist_ok=True)
    for page in (EXAMPLE_DIR / "content").iterdir():
        (tmp_path / "content" / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "assessments"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)  # links resolve against content/ of the current directory
    try:
        _, problems = parse_file(path)
    finally:
        os.chdir(here)
    return [p.split(":", 1)[1] for p in problems]  # drop the (temporary) file name


def line_of(text, needle):
    """The line of the last occurrence of ``needle`` (a changed line is the later duplicate)."""
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_example_is_valid(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize("old, new, message", [
    ("version: 2", "version: nul", "expected version as a whole number, received text ('nul')"),
    ("version: 2", "version: 0", "expected version of at least 1, received 0"),
    ("audience: team", "audience: teams", "expected one of: individual, team, organisation, received text ('teams'); did you mean 'team'?"),
    ("min_group: 3", "min_groep: 3", "unknown key 'min_groep' in the assessment; did you mean 'min_group'? (allowed: id, version, title, audience, intro, min_group, scale, dimensions, questions, profiles)"),
    ("    dimension: vertrouwen\n    reverse: true", "    dimension: vertrouwn\n    reverse: true", "unknown dimension text ('vertrouwn'); did you mean 'vertrouwen'? (known: afspraken, vertrouwen)"),
    ("  - id: afspraken-vast", "  - id: rollen-helder", "duplicate question id 'rollen-helder' (also at position 1)"),
    ("{upto: 70, label: Deels helder", "{upto: 30, label: Deels helder", "bands out of order: expected upto above 40, received 30"),
    ("{upto: 100, label: {nl: Stevig", "{upto: 90, label: {nl: Stevig", "the last band must end at upto: 100, received 90"),
    ("vertrouwen: {min: 60}", "vertrouwn: {min: 60}", "condition on unknown dimension 'vertrouwn'; did you mean 'vertrouwen'? (known: afspraken, vertrouwen)"),
    ("vertrouwen: {max: 50}", "vertrouwen: {max: 150}", "expected max from 0 to 100, received 150"),
    ("links: [samenwerken.md]}", "links: [bestaat-niet.md]}", "link to a page that does not exist: content/bestaat-niet.md"),
    ("    weight: 2", "    weight: -1", "expected a weight above 0, received -1"),
    ("    reverse: true\n    weight: 0.5", "    reverse: ja\n    weight: 0.5", "expected reverse: true or false, received text ('ja')"),
    ("id: voorbeeld", "id: Voorbeeld", "expected an id made of a-z, 0-9 and '-', received text ('Voorbeeld')"),
])
def test_each_mistake_gives_its_message_at_its_line(tmp_path, old, new, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    assert problems_for(tmp_path, text) == [f"{line_of(text, new.splitlines()[0])}: {message}"]


def test_missing_required_field_points_at_its_parent(tmp_path):
    text = GOOD.replace("    text: Ik weet wie in ons team waarvoor zorgt.\n", "")
    assert problems_for(tmp_path, text) == [f"{line_of(text, '- id: rollen-helder')}: a question is missing the required key 'text'"]


def test_dimension_without_questions(tmp_path):
    assert GOOD.splitlines()[27] == "  - id: vertrouwen"
    text = GOOD.replace("    dimension: vertrouwen\n", "    dimension: afspraken\n").replace(
        "    dimension: vertrouwen\n", "    dimension: afspraken\n")
    assert problems_for(tmp_path, text) == ["28: dimension 'vertrouwen' has no questions"]


def test_id_must_equal_the_file_name(tmp_path):
    assert problems_for(tmp_path, GOOD, name="anders.yml") == ["4: id 'voorbeeld' differs from the file name; expected id: anders"]


def test_invalid_yaml_reports_its_line(tmp_path):
    text = GOOD.replace("title:\n  nl: Voorbeeldscan", "title:\n  nl: [Voorbeeldscan")
    [problem] = problems_for(tmp_path, text)
    assert problem.startswith(f"{line_of(text, 'en: Example scan')}: invalid YAML")


def test_duplicate_yaml_keys_are_reported(tmp_path):
    text = GOOD.replace("min_group: 3", "min_group: 3\nmin_group: 4")
    assert problems_for(tmp_path, text) == [f"{line_of(text, 'min_group: 4')}: duplicate key 'min_group' (the later one would silently win)"]


def test_all_problems_are_collected_not_just_the_first(tmp_path):
    text = GOOD.replace("version: 2", "version: 0").replace("audience: team", "audience: x")
    assert len(problems_for(tmp_path, text)) == 2


def test_labels_may_use_numeric_string_keys_and_must_cover_the_scale(tmp_path):
    text = GOOD.replace("4: Eens, ", "")
    assert problems_for(tmp_path, text) == [f"{line_of(text, 'labels:')}: every scale value needs a label; missing: 4"]


def test_cli_validate_prints_file_line_messages_and_exits_1(tmp_path):
    problems_for(tmp_path, GOOD.replace("version: 2", "version: 0"))
    run = subprocess.run([sys.executable, "-m", "engine", "validate", "assessments"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "assessments/voorbeeld.yml:5: expected version of at least 1, received 0" in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_validate_clean_folder_exits_0_with_a_summary():
    run = subprocess.run([sys.executable, "-m", "engine", "validate", "assessments"], cwd=EXAMPLE_DIR,
                         capture_output=True, text=True)
    assert (run.returncode, run.stdout.strip()) == (0, "1 assessment(s) valid, 5 questions in all")

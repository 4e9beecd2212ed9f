"""`python -m engine validate`: every problem as file:line: message, at the line of the node concerned."""
import os
import subprocess
import sys

import pytest

from support import EXAMPLE, EXAMPLE_DIR, NEAREST
from engine.loader import parse_file

GOOD = EXAMPLE.read_text(encoding="utf-8")
GOOD_V2 = NEAREST.read_text(encoding="utf-8")  # nearest profiles, perspective, "n/a", reflection


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
    ("min_group: 3", "min_groep: 3", "unknown key 'min_groep' in the assessment; did you mean 'min_group'? (allowed: id, version, title, audience, intro, min_group, min_group_items, scale, perspective, dimensions, questions, profile_rule, borderline_margin, relative, profiles, reflection)"),
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


def test_the_v2_example_is_valid(tmp_path):
    assert problems_for(tmp_path, GOOD_V2, name="dichtstbij.yml") == []


@pytest.mark.parametrize("old, new, message", [
    ("profile_rule: nearest", "profile_rule: neerest",
     "expected profile_rule as one of: first-match, nearest, relative, received text ('neerest'); did you mean 'nearest'?"),
    ("borderline_margin: 15", "borderline_margin: 0", "expected a borderline_margin above 0, received 0"),
    ("borderline_margin: 15", "borderline_margin: .inf", "expected borderline_margin as a finite number, received inf"),
    ("borderline_margin: 15", "borderline_margin: ruim", "expected borderline_margin as a number, received text ('ruim')"),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: {richting: 75, ruimt: 25}",
     "prototype on unknown dimension text ('ruimt'); did you mean 'ruimte'? (known: richting, ruimte)"),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: {richting: 175, ruimte: 25}",
     "expected the prototype score of 'richting' from 0 to 100, received 175"),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: {richting: .nan, ruimte: 25}",
     "expected the prototype score of 'richting' as a finite number, received nan"),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: {richting: 75}",
     ("expected a prototype over the same dimensions as profile 'zoekend' (richting, ruimte), received richting; "
      "distances over different dimensions cannot be compared")),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: 75",
     "expected prototype as a mapping of dimension to score (0-100), received a number (75)"),
    ("prototype: {richting: 75, ruimte: 25}", "prototype: {}", "a prototype needs a score on at least one dimension"),
    ("    prototype: {richting: 75, ruimte: 25}\n", "    when: {}\n    prototype: {richting: 75, ruimte: 25}\n",
     "when is not used with profile_rule: nearest; give the profile a prototype instead"),
    ("    - {id: leider, label:", "    - {id: Leider, label:",
     "expected a perspective option id made of a-z, 0-9 and '-', received text ('Leider')"),
    ("    - {id: lid, label:", "    - {id: leider, label:",
     "duplicate perspective option id 'leider' (also at position 1)"),
    ("    - {id: lid, label: Ik ben lid van het team}\n", "",
     "expected 2 to 8 perspective options, received 1"),
    ("          leider: Vraag het team", "          leidr: Vraag het team",
     "unknown perspective option text ('leidr') in advice_by_perspective; did you mean 'leider'? (options: leider, lid)"),
    ("      lid: Jullie kunnen veel zelf; laat zien wat het oplevert.", "      lid: ''",
     "the profile text for 'lid' is empty"),
    ("text_by_perspective:", "text_by_perspectief:",
     ("unknown key 'text_by_perspectief' in a profile; did you mean 'text_by_perspective'? "
      "(allowed: id, title, when, prototype, outcome, text, text_by_perspective, links)")),
    ("  - {id: veranderen,", "  - {id: trots,", "duplicate reflection prompt id 'trots' (also at position 1)"),
    ("  - {id: veranderen, text: Wat zou je meteen veranderen?}", "  - {id: veranderen}",
     "a reflection prompt is missing the required key 'text'"),
    ("not_applicable: Niet van toepassing", "not_applicable: true",
     "expected the not_applicable label as text or as a mapping of language to text, received a yes/no value (True)"),
])
def test_each_v2_mistake_gives_its_message_at_its_line(tmp_path, old, new, message):
    assert old in GOOD_V2
    text = GOOD_V2.replace(old, new, 1)
    line = line_of(text, new.splitlines()[0]) if new else line_of(text, "  options:")
    assert problems_for(tmp_path, text, name="dichtstbij.yml") == [f"{line}: {message}"]


@pytest.mark.parametrize("old, new, needle, message", [
    ("    when: {}\n", "    when: {}\n    prototype: {afspraken: 50}\n", "prototype:",
     "prototype is only used with profile_rule: nearest; use when here, or set profile_rule: nearest"),
    ("min_group: 3\n", "min_group: 3\nborderline_margin: 5\n", "borderline_margin",
     "borderline_margin applies only with profile_rule: nearest; set profile_rule: nearest or remove it"),
    ("      - {upto: 70, label: Deels helder, advice: Schrijf de afspraken op die jullie al hebben.}",
     "      - {upto: 70, label: Deels helder, advice_by_perspective: {lid: Schrijf ze op.}}", "Deels helder",
     "advice_by_perspective needs a perspective in the assessment (perspective: text and options)"),
    ("min_group: 3\n", "min_group: 3\nreflection: {trots: Waar ben je trots op?}\n", "reflection:",
     "expected reflection as a list of open questions (id and text), received a mapping"),
])
def test_v2_fields_in_a_first_match_scan_without_perspective(tmp_path, old, new, needle, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    assert problems_for(tmp_path, text) == [f"{line_of(text, needle)}: {message}"]


def test_a_missing_prototype_points_at_its_profile(tmp_path):
    text = GOOD_V2.replace("    prototype: {richting: 25, ruimte: 75}\n", "")
    assert problems_for(tmp_path, text, name="dichtstbij.yml") == [
        f"{line_of(text, '- id: vrij')}: a profile is missing the required key 'prototype'"]


def test_at_most_eight_perspective_options_and_five_reflection_prompts(tmp_path):
    options = "".join(f"    - {{id: plek-{i}, label: Plek {i}}}\n" for i in range(9))
    text = GOOD_V2.replace("    - {id: leider, label: Ik geef leiding aan het team}\n"
                           "    - {id: lid, label: Ik ben lid van het team}\n", options)
    prompts = "".join(f"  - {{id: vraag-{i}, text: Vraag {i}?}}\n" for i in range(6))
    text = text[:text.index("reflection:\n")] + "reflection:\n" + prompts
    assert problems_for(tmp_path, text, name="dichtstbij.yml") == [
        f"{line_of(text, '  options:')}: expected 2 to 8 perspective options, received 9",
        f"{line_of(text, 'reflection:')}: expected at most 5 reflection prompts, received 6"]

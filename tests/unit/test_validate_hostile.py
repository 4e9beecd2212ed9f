"""Validation refuses what would break a score, leave content/, or be mistaken for something else.

Non-finite numbers (``.inf``, ``.nan``) would give NaN scores (not even JSON); links
may only name pages inside content/; a version above 255 does not fit in a result
code (8 bits), so it is refused instead of being compared modulo 256; and two
files with the same scan id are a problem at the later one.
"""
import dataclasses
import json
import shutil

import pytest
import yaml

import engine
from engine import AssessmentError, CodeError
from engine.codes import read
from engine.loader import load_all, parse_file
from engine.model import QUESTION_KEYS
from support import EXAMPLE, EXAMPLE_DIR

GOOD = EXAMPLE.read_text(encoding="utf-8")
OUTSIDE = "expected a page path inside content/ (relative, with '/', not climbing out with '..'), received"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the example project, as the current directory (links resolve against its content/)."""
    shutil.copytree(EXAMPLE_DIR / "content", tmp_path / "content")
    (tmp_path / "assessments").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems_for(project, text, name="voorbeeld.yml"):
    path = project / "assessments" / name
    path.write_text(text, encoding="utf-8")
    _, problems = parse_file(path)
    return [p.removeprefix(f"{path}:") for p in problems]


def line_of(text, needle):
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old, new, message", [
    ("    weight: 2", "    weight: .inf", "expected weight as a finite number, received inf"),
    ("    weight: 2", "    weight: -.inf", "expected weight as a finite number, received -inf"),
    ("    weight: 2", "    weight: .nan", "expected weight as a finite number, received nan"),
    ("    weight: 2", "    weight: 1.0e+400", "expected weight as a finite number, received inf"),
    ("    weight: 2", "    weight: 1000.5", "expected a weight of at most 1000, received 1000.5"),
    ("    weight: 2", "    weight: " + "9" * 400, "expected a weight of at most 1000, received a number of more than 30 digits"),
    ("{upto: 40, label: Nog vaag", "{upto: .nan, label: Nog vaag", "expected upto as a finite number, received nan"),
    ("{upto: 40, label: Nog vaag", "{upto: .inf, label: Nog vaag", "expected upto as a finite number, received inf"),
    ("vertrouwen: {max: 50}", "vertrouwen: {max: .inf}", "expected max as a finite number, received inf"),
    ("  min: 1\n", "  min: -5000\n", "expected scale.min of at least -1000, received -5000"),
    ("version: 2", "version: 256",
     "expected version of at most 255 (a result code holds the version in 8 bits), received 256"),
    ("version: 2", "version: 258",
     "expected version of at most 255 (a result code holds the version in 8 bits), received 258"),
    ("links: [samenwerken.md]}", "links: [../../../../etc/x]}", f"{OUTSIDE} '../../../../etc/x'"),
    ("links: [samenwerken.md]}", "links: [wendbaar/../../geheim.md]}", f"{OUTSIDE} 'wendbaar/../../geheim.md'"),
    ("links: [samenwerken.md]}", "links: [/etc/passwd]}", f"{OUTSIDE} '/etc/passwd'"),
    ("links: [samenwerken.md]}", r"links: ['..\..\x.md']}", rf"{OUTSIDE} '..\..\x.md'"),
    ("links: [samenwerken.md]}", "links: ['C:/x.md']}", f"{OUTSIDE} 'C:/x.md'"),
    ("links: [samenwerken.md]}", "links: ['file:///etc/passwd']}", f"{OUTSIDE} 'file:///etc/passwd'"),
    ("links: [samenwerken.md]}", "links: ['javascript:alert(1)']}", f"{OUTSIDE} 'javascript:alert(1)'"),
    ("links: [samenwerken.md]}", 'links: ["samen\\twerken.md"]}', f"{OUTSIDE} 'samen\twerken.md'"),
])
def test_each_hostile_value_gives_its_message_at_its_line(project, old, new, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    assert problems_for(project, text) == [f"{line_of(text, new.splitlines()[-1])}: {message}"]


@pytest.mark.parametrize("link", ["./samenwerken.md", "samenwerken.md#samenwerken", "index.md"])
def test_links_that_stay_inside_content_still_pass(project, link):
    assert problems_for(project, GOOD.replace("links: [samenwerken.md]}", f"links: ['{link}']}}", 1)) == []


def test_climbing_back_in_is_inside_content():
    data = example_data()
    data["profiles"][0]["links"] = ["wendbaar-werken/../samenwerken.md", "a/b/../../c.md"]
    assert engine.parse_assessment(data).profiles[0].links == ("wendbaar-werken/../samenwerken.md", "a/b/../../c.md")


def example_data(**changes):
    """The example as the browser receives it (plain JSON data), with ``changes``."""
    return {**engine.to_data(engine.parse_assessment(yaml.safe_load(GOOD))), **changes}


def test_json_infinity_from_the_browser_is_refused_too():
    """``json.loads`` reads ``Infinity``; the model refuses it wherever the definition comes from."""
    data = json.loads(json.dumps(example_data()).replace('"weight": 2', '"weight": Infinity'))
    with pytest.raises(AssessmentError, match=r"questions\[1\]\.weight: expected weight as a finite number, received inf"):
        engine.score(data, {})


def test_no_valid_assessment_scores_to_nan():
    definition = engine.parse_assessment(example_data())
    result = engine.score(definition, {q.id: definition.scale.max for q in definition.questions})
    json.dumps(result, allow_nan=False)  # raises on NaN or Infinity


def test_a_code_made_for_version_1_is_not_accepted_as_version_257():
    v1 = engine.parse_assessment(example_data(version=1))
    code = engine.encode(v1, {})
    assert read(v1, code).answers == {q.id: None for q in v1.questions}
    with pytest.raises(AssessmentError, match="at most 255"):
        engine.decode(example_data(version=257), code)
    # an Assessment built without validation cannot sneak past either: the versions are compared exactly
    v257 = dataclasses.replace(v1, version=257)
    with pytest.raises(CodeError) as refused:
        engine.decode(v257, code)
    assert refused.value.reason == "version"
    with pytest.raises(CodeError) as refused:
        engine.encode(v257, {})
    assert refused.value.reason == "version"


def test_versions_up_to_255_keep_their_codes():
    v255 = engine.parse_assessment(example_data(version=255))
    code = engine.encode(v255, {"rollen-helder": 4})
    assert read(v255, code).answers["rollen-helder"] == 4
    with pytest.raises(CodeError) as refused:
        engine.decode(engine.parse_assessment(example_data(version=254)), code)
    assert refused.value.reason == "version"


# -- one id, one scan ------------------------------------------------------------------

def test_x_yml_beside_x_yaml_is_a_duplicate_scan_id(project):
    folder = project / "assessments"
    (folder / "voorbeeld.yml").write_text(GOOD, encoding="utf-8")
    (folder / "voorbeeld.yaml").write_text(GOOD, encoding="utf-8")
    assessments, problems = load_all([folder])
    assert [a.id for a in assessments] == ["voorbeeld"]
    assert problems == [f"{folder / 'voorbeeld.yml'}:4: duplicate scan id 'voorbeeld': "
                        f"also defined in {folder / 'voorbeeld.yaml'}"]


def test_a_brands_own_scan_with_the_id_of_one_in_assessments_is_a_duplicate(project):
    ours, own = project / "assessments", project / "eigen" / "scans"
    own.mkdir(parents=True)
    (ours / "voorbeeld.yml").write_text(GOOD, encoding="utf-8")
    (own / "voorbeeld.yml").write_text("# onze eigen versie\n" + GOOD, encoding="utf-8")
    _, problems = load_all([ours, own])
    assert problems == [f"{own / 'voorbeeld.yml'}:5: duplicate scan id 'voorbeeld': "
                        f"also defined in {ours / 'voorbeeld.yml'}"]


def test_different_ids_in_two_folders_are_fine(project):
    ours, own = project / "assessments", project / "eigen"
    own.mkdir()
    (ours / "voorbeeld.yml").write_text(GOOD, encoding="utf-8")
    (own / "ander.yml").write_text(GOOD.replace("id: voorbeeld", "id: ander"), encoding="utf-8")
    assessments, problems = load_all([ours, own])
    assert problems == [] and [a.id for a in assessments] == ["voorbeeld", "ander"]


def test_a_file_named_twice_is_read_once_and_is_no_duplicate(project):
    folder = project / "assessments"
    (folder / "voorbeeld.yml").write_text(GOOD, encoding="utf-8")
    assessments, problems = load_all([folder, folder / "voorbeeld.yml"])
    assert problems == [] and [a.id for a in assessments] == ["voorbeeld"]


# -- many problems: listed up to a point, then counted -----------------------------------

def test_thousands_of_unknown_keys_are_counted_after_the_first_200(project):
    keys = "".join(f"  sleutel{i}: x\n" for i in range(90))  # 93 keys a question: under the 100 a mapping may have
    text = GOOD.replace("questions:\n", "questions:\n" + "".join(
        f"  - id: extra{q}\n    text: T\n    dimension: afspraken\n" + keys.replace("  sleutel", "    sleutel")
        for q in range(50)), 1)
    problems = problems_for(project, text)
    assert len(problems) == 201
    assert problems[-1] == "4: 4300 more problem(s) not listed; fix the ones above and validate again"
    assert problems[0].endswith(f"unknown key 'sleutel0' in a question (allowed: {', '.join(QUESTION_KEYS)})")

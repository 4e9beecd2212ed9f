"""Reading assessment files: YAML with line numbers, and the checks that need the file system.

This is the authors' side of the engine (build, CLI, tests); the browser never
imports it. It turns every problem of ``engine.model`` into
``file:line: message`` using the position of the YAML node the problem is
about, and adds what only a file can tell: invalid YAML, duplicate keys, an id
that differs from the file name, links to pages that do not exist.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import AssessmentError, Problem
from .model import Assessment, parse_assessment


class LoadError(ValueError):
    """One or more problems in assessment files; ``problems`` are ``file:line: message`` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def line_map(node, path=(), lines=None, duplicates=None) -> tuple[dict, list]:
    """Map every data path to the line of its YAML node, and collect duplicate keys.

    Mapping keys are stored as strings so that ``1`` and ``"1"`` (scale labels)
    find the same line.
    """
    if lines is None:
        lines, duplicates = {(): node.start_mark.line + 1}, []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = path + (key,)
            if key in seen:
                duplicates.append((key_node.start_mark.line + 1, key))
            seen.add(key)
            lines[child] = key_node.start_mark.line + 1
            line_map(value_node, child, lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            lines[child] = item.start_mark.line + 1
            line_map(item, child, lines, duplicates)
    return lines, duplicates


def line_of(lines: dict, path: tuple) -> int:
    """The line of the nearest node on ``path`` that the file has (a missing key points at its parent)."""
    key = tuple(p if isinstance(p, int) else str(p) for p in path)
    while key not in lines:
        key = key[:-1]
    return lines[key]


def find_content_dir(start: Path) -> Path | None:
    """``content/`` in the current directory, else the nearest one above ``start``."""
    here = Path.cwd() / "content"
    if here.is_dir():
        return here
    for folder in [start.resolve().parent, *start.resolve().parents]:
        if (folder / "content").is_dir():
            return folder / "content"
    return None


def _link_problems(assessment: Assessment, content_dir: Path | None) -> list[Problem]:
    problems = []
    places = [(("dimensions", i, "bands", j, "links", k), link)
              for i, d in enumerate(assessment.dimensions)
              for j, b in enumerate(d.bands)
              for k, link in enumerate(b.links)]
    places += [(("profiles", i, "links", k), link)
               for i, p in enumerate(assessment.profiles)
               for k, link in enumerate(p.links)]
    for path, link in places:
        page = link.split("#", 1)[0]
        if content_dir is None:
            problems.append(Problem(path, f"cannot check link '{link}': no content/ folder found"))
        elif not (content_dir / page).is_file():
            problems.append(Problem(path, f"link to a page that does not exist: content/{page}"))
    return problems


def parse_file(path: Path, text: str | None = None) -> tuple[Assessment | None, list[str]]:
    """Load one assessment file; return it (or ``None``) and every problem as ``file:line: message``."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as error:
        return None, [f"{name}:1: cannot read the file: {error}"]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [f"{name}:{line}: invalid YAML: {error.problem or error.context}"]
    except yaml.YAMLError as error:
        return None, [f"{name}:1: invalid YAML: {error}"]
    finally:
        loader.dispose()
    if node is None:
        return None, [f"{name}:1: the file is empty; expected an assessment (id, version, title, ...)"]
    lines, duplicates = line_map(node)
    problems = [f"{name}:{line}: duplicate key '{key}' (the later one would silently win)"
                for line, key in duplicates]
    try:
        assessment = parse_assessment(data)
    except AssessmentError as error:
        problems += [f"{name}:{line_of(lines, p.path)}: {p.message}" for p in error.problems]
        return None, problems
    if assessment.id != path.stem:
        problems.append(f"{name}:{line_of(lines, ('id',))}: id '{assessment.id}' differs from the file name; "
                        f"expected id: {path.stem}")
    for p in _link_problems(assessment, find_content_dir(path)):
        problems.append(f"{name}:{line_of(lines, p.path)}: {p.message}")
    return (None if problems else assessment), problems


def assessment_files(paths) -> list[Path]:
    """The ``.yml``/``.yaml`` files named, or found in the folders named, in a stable order."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
        else:
            found.append(path)
    return found


def load_assessment(path) -> Assessment:
    """Load and validate one file; raise ``LoadError`` with every problem."""
    assessment, problems = parse_file(Path(path))
    if problems:
        raise LoadError(problems)
    return assessment


def load_all(paths) -> tuple[list[Assessment], list[str]]:
    """Load every assessment file under ``paths``; collect the problems of all of them."""
    assessments, problems = [], []
    for path in assessment_files(paths):
        if not path.exists():
            problems.append(f"{path}:1: no such file or folder")
            continue
        assessment, found = parse_file(path)
        problems += found
        if assessment is not None:
            assessments.append(assessment)
    return assessments, problems

"""Reading assessment files: YAML with line numbers, and the checks that need the file system.

This is the authors' side of the engine (build, CLI, tests); the browser never
imports it. It turns every problem of ``engine.model`` into
``file:line: message`` using the position of the YAML node the problem is
about, and adds what only a file can tell: invalid YAML, duplicate keys, an id
that differs from the file name, links to pages that do not exist, two files
with the same scan id.

``read_yaml`` is the one way the project reads YAML that authors write
(assessments, brand files): files are often copied from others, so it refuses
what could exhaust the machine before it costs anything.
"""
from __future__ import annotations

import contextlib
import gc
import re
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .errors import AssessmentError, Problem
from .model import Assessment, parse_assessment


class LoadError(ValueError):
    """One or more problems in assessment files; ``problems`` are ``file:line: message`` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# -- reading author YAML ---------------------------------------------------------------
#
# Aim: any file up to MAX_BYTES is accepted or refused in under a second and 100 MB
# (tests/unit/test_yaml_limits.py, bench/yaml_limits.py). What makes that hold:
# anchors and aliases are refused when their event arrives, before any alias is
# followed (a 330-byte "billion laughs" otherwise expands to millions of nodes);
# nesting, nodes and keys per mapping are capped while composing, so nothing
# downstream recurses deeply or walks a huge tree (50,000 nodes cost about 0.3 s
# from reading to the last problem); the garbage collector is paused while the
# tree is built; and events come from libyaml when PyYAML has it (pure-Python
# parsing reads about 70,000 events a second: the same checks, several times slower).

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50          # assessments need 6 levels, brand files 2
MAX_NODES = 50_000      # the largest real scan has 650; a 1 MB file in their style about 35,000
MAX_KEYS = 100          # per mapping; the most a real one has is a label per scale point (21)
# What YAML 1.1 allows in a stream (PyYAML's Reader.NON_PRINTABLE): tab, line breaks and printable text.
_NOT_YAML_TEXT = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_MERGE_TAG = "tag:yaml.org,2002:merge"
ALIASES_REFUSED = "YAML anchors and aliases (&name, *name) are not allowed here; write the values out"
MERGE_REFUSED = "YAML merge keys (<<) are not allowed here; write the keys out"


class _Refused(yaml.YAMLError):
    """A limit of ``read_yaml``, at the line (0-based mark) where the file crossed it."""

    def __init__(self, mark, message: str):
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else 1
        self.message = message


class _GuardedComposer(Composer):
    """PyYAML's composer, refusing anchors, aliases and merge keys and capping depth and size.

    The checks run per event, as the parser hands them over, so a refused file is
    never read further than the point where it crossed a line, and no alias is
    ever followed.
    """

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if event.anchor is not None:  # an alias carries the name it refers to as its anchor
            raise _Refused(event.start_mark, ALIASES_REFUSED)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(event.start_mark, f"more than {MAX_NODES:,} values in one file; "
                                             f"an assessment or brand file needs far fewer")
        is_key = index is None and isinstance(parent, yaml.MappingNode)
        if is_key and len(parent.value) >= MAX_KEYS:
            raise _Refused(event.start_mark, f"more than {MAX_KEYS} keys in one mapping; "
                                             f"an assessment or brand file needs far fewer")
        collection = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if collection and self.depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep; "
                                             f"an assessment or brand file needs only a few")
        self.depth += collection
        node = super().compose_node(parent, index)
        self.depth -= collection
        if is_key and node.tag == _MERGE_TAG:
            raise _Refused(node.start_mark, MERGE_REFUSED)
        return node


class _SafeConstructor(SafeConstructor):
    """PyYAML's safe constructor, with a ``file:line`` for values Python itself cannot make."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            if node.tag == "tag:yaml.org,2002:int" and "digits" in str(error):  # Python reads at most 4,300
                reason = f"the number has {len(node.value):,} characters; write a shorter one"
            else:  # a date with a 13th month, for one
                reason = str(error)
            raise yaml.constructor.ConstructorError(None, None, f"cannot read the value: {reason}",
                                                    node.start_mark) from None


if yaml.__with_libyaml__:
    from yaml._yaml import CParser as _Parser
else:  # pragma: no cover - PyYAML without libyaml: the same checks, slower
    from yaml.parser import Parser as _PurePythonParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PurePythonParser):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PurePythonParser.__init__(self)


class _AuthorLoader(_GuardedComposer, _Parser, _SafeConstructor, Resolver):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        _GuardedComposer.__init__(self)
        _SafeConstructor.__init__(self)
        Resolver.__init__(self)


@contextlib.contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector while a large tree is built and walked.

    Building up to MAX_NODES nodes, their data and their line map would set it off
    again and again, each time walking everything built so far (half the time of a
    large file); with aliases refused nothing built here has cycles for it to find.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _line_at(text, index: int) -> int:
    return text.count(b"\n" if isinstance(text, bytes) else "\n", 0, index) + 1


def read_yaml(path: Path, text: str | None = None) -> tuple[yaml.Node | None, object, list[str]]:
    """Read one author YAML file: its root node (for line numbers), its data, and the problems.

    With problems, node and data are ``None`` and every problem is a
    ``file:line: message``: unreadable, larger than ``MAX_BYTES``, not UTF-8,
    characters YAML does not allow, invalid YAML, anchors and aliases, merge
    keys, nesting deeper than ``MAX_DEPTH``, more than ``MAX_NODES`` nodes or more than
    ``MAX_KEYS`` keys in one mapping.
    An empty file gives ``(None, None, [])``. ``text``, if given, stands in for
    the file's content. Never raises for anything in the file.
    """
    name = str(path)
    if text is None:
        try:
            with open(path, "rb") as file:
                raw = file.read(MAX_BYTES + 1)
        except OSError as error:
            return None, None, [f"{name}:1: cannot read the file: {error.strerror or error}"]
    else:
        raw = text.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_BYTES:
        return None, None, [f"{name}:1: the file is larger than {MAX_BYTES // 1024 // 1024} MB; "
                            f"an assessment or brand file needs far less"]
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return None, None, [f"{name}:{_line_at(raw, error.start)}: the file is not UTF-8 text "
                                f"(byte 0x{raw[error.start]:02x} cannot be read); save the file as UTF-8"]
    bad = _NOT_YAML_TEXT.search(text)
    if bad:
        code = ord(bad.group())
        kind = "control character" if code < 0x20 or 0x7F <= code <= 0x9F else "character"
        return None, None, [f"{name}:{_line_at(text, bad.start())}: the file contains the {kind} U+{code:04X}, "
                            f"which YAML does not allow; remove it"]
    loader = None
    try:
        with _collector_paused():
            loader = _AuthorLoader(text)
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
    except _Refused as error:
        return None, None, [f"{name}:{error.line}: {error.message}"]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, None, [f"{name}:{line}: invalid YAML: {error.problem or error.context}"]
    except yaml.YAMLError as error:
        return None, None, [f"{name}:1: invalid YAML: {error}"]
    finally:
        if loader is not None:
            loader.dispose()
    return node, data, []


def line_map(node) -> tuple[dict, list]:
    """Map every data path to the line of its YAML node, and collect duplicate keys.

    Mapping keys are stored as strings so that ``1`` and ``"1"`` (scale labels)
    find the same line. Duplicates come as ``(line, key)`` in the order of the file.
    """
    lines, duplicates = {(): node.start_mark.line + 1}, []
    with _collector_paused():
        stack = [((), node)]
        while stack:
            path, current = stack.pop()
            if isinstance(current, yaml.MappingNode):
                seen = set()
                for key_node, value_node in current.value:
                    key = str(key_node.value)
                    child = path + (key,)
                    if key in seen:
                        duplicates.append((key_node.start_mark.line + 1, key))
                    seen.add(key)
                    lines[child] = key_node.start_mark.line + 1
                    stack.append((child, value_node))
            elif isinstance(current, yaml.SequenceNode):
                for index, item in enumerate(current.value):
                    child = path + (index,)
                    lines[child] = item.start_mark.line + 1
                    stack.append((child, item))
    duplicates.sort(key=lambda duplicate: duplicate[0])
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
    assessment, problems, _ = _parse(path, text)
    return assessment, problems


@_collector_paused()
def _parse(path: Path, text: str | None = None) -> tuple[Assessment | None, list[str], dict]:
    """``parse_file``, plus the line of every data path (for problems found across files)."""
    name = str(path)
    node, data, problems = read_yaml(path, text)
    if problems:
        return None, problems, {}
    if node is None:
        return None, [f"{name}:1: the file is empty; expected an assessment (id, version, title, ...)"], {}
    lines, duplicates = line_map(node)
    problems = [f"{name}:{line}: duplicate key '{key}' (the later one would silently win)"
                for line, key in duplicates]
    try:
        assessment = parse_assessment(data)
    except AssessmentError as error:
        problems += [f"{name}:{line_of(lines, p.path)}: {p.message}" for p in error.problems]
        return None, problems, lines
    if assessment.id != path.stem:
        problems.append(f"{name}:{line_of(lines, ('id',))}: id '{assessment.id}' differs from the file name; "
                        f"expected id: {path.stem}")
    for p in _link_problems(assessment, find_content_dir(path)):
        problems.append(f"{name}:{line_of(lines, p.path)}: {p.message}")
    return (None if problems else assessment), problems, lines


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
    """Load every assessment file under ``paths``; collect the problems of all of them.

    Scan ids are unique over all the folders: ``x.yml`` beside ``x.yaml``, or a
    brand's own scan with the id of one in ``assessments/``, is a problem at the
    later file (the site has one page per id, so one would silently win).
    """
    assessments, problems = [], []
    defined_in: dict[str, Path] = {}
    read: set[Path] = set()
    for path in assessment_files(paths):
        if not path.exists():
            problems.append(f"{path}:1: no such file or folder")
            continue
        if path.resolve() in read:  # named twice (a folder and a file in it): one file, no duplicate
            continue
        read.add(path.resolve())
        assessment, found, lines = _parse(path)
        problems += found
        if assessment is None:
            continue
        if assessment.id in defined_in:
            problems.append(f"{path}:{line_of(lines, ('id',))}: duplicate scan id '{assessment.id}': "
                            f"also defined in {defined_in[assessment.id]}")
            continue
        defined_in[assessment.id] = path
        assessments.append(assessment)
    return assessments, problems

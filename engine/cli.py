"""``python -m engine``: validate, score, encode, decode, aggregate, and team files and the organisation overview.

A thin shell around the library: it reads files, calls the engine, prints
JSON on stdout and problems on stderr, and turns errors into exit codes.
Exit codes: 0 fine, 1 problems in the input (or a withheld team result),
2 wrong use of the command.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .codes import decode, encode, read
from .errors import CodeError
from .loader import LoadError, load_all, load_assessment
from .organisation import overview, team_file
from .scoring import score
from .team import aggregate


class UserError(Exception):
    """Bad input the user can fix; printed without a traceback."""


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _load(path: str):
    try:
        return load_assessment(path)
    except LoadError as error:
        raise UserError("\n".join(error.problems)) from None


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}:1: cannot read the file: {error}") from None


_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]')


def _too_deep_line(text: str, limit: int) -> int:
    """The line where brackets (outside strings) first nest deeper than ``limit``."""
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            depth -= 1
    return 1


def _read_answers(path: str) -> dict:
    text = _read_text(path)
    try:
        answers = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserError(f"{path}:{error.lineno}: invalid JSON: {error.msg}") from None
    except RecursionError:  # Python's JSON reader recurses once per level
        raise UserError(f"{path}:{_too_deep_line(text, 100)}: invalid JSON: nested too deeply; "
                        f"expected a flat object of question id to answer") from None
    if not isinstance(answers, dict):
        raise UserError(f"{path}:1: expected a JSON object of question id to answer")
    return answers


def cmd_validate(args) -> int:
    assessments, problems = load_all(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    questions = sum(len(a.questions) for a in assessments)
    print(f"{len(assessments)} assessment(s) valid, {questions} questions in all")
    return 0


def cmd_score(args) -> int:
    _print_json(score(_load(args.definition), _read_answers(args.answers), args.lang, args.perspective))
    return 0


def cmd_encode(args) -> int:
    print(encode(_load(args.definition), _read_answers(args.answers), args.perspective))
    return 0


def cmd_decode(args) -> int:
    try:
        _print_json(decode(_load(args.definition), args.code))
    except CodeError as error:
        raise UserError(str(error)) from None
    return 0


def cmd_aggregate(args) -> int:
    assessment = _load(args.definition)
    codes, bad = [], 0
    for number, line in enumerate(_read_text(args.codes).splitlines(), 1):
        if not line.strip():
            continue
        try:
            read(assessment, line)
        except CodeError as error:
            print(f"{args.codes}:{number}: {error}", file=sys.stderr)
            bad += 1
            continue
        codes.append(line)
    team = aggregate(assessment, codes, args.lang)
    _print_json(team)
    if team["withheld"]:
        print(f"team result withheld: {team['n']} valid result(s), at least {team['min_group']} needed",
              file=sys.stderr)
        return 1
    return 0


def _codes_of(assessment, path: str) -> list[str]:
    """The readable codes in a file, one per line; each unreadable one is reported as file:line."""
    codes = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            read(assessment, line)
        except CodeError as error:
            print(f"{path}:{number}: {error}", file=sys.stderr)
            continue
        codes.append(line)
    return codes


def cmd_team_file(args) -> int:
    assessment = _load(args.definition)
    _print_json(team_file(assessment, _codes_of(assessment, args.codes), args.label, args.department,
                          args.round, args.date, args.lang))
    return 0


def cmd_organisation(args) -> int:
    assessment = _load(args.definition)
    files = [{"name": path, "text": _read_text(path)} for path in args.files]
    result = overview(assessment, files, args.lang)
    if args.csv:
        sys.stdout.write(result["csv"])
    else:
        _print_json(result)
    for verdict in result["files"]:
        if not verdict["ok"]:
            print(f"{verdict['name']}: {verdict['message']}", file=sys.stderr)
    return 0 if all(verdict["ok"] for verdict in result["files"]) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description="Supportwijzer scoring engine")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check assessment files; print file:line: message per problem")
    p.add_argument("paths", nargs="+", help="assessment files or folders")
    p.set_defaults(run=cmd_validate)
    for name, run, helptext in (("score", cmd_score, "print the score JSON"),
                                ("encode", cmd_encode, "print a result code")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("definition")
        p.add_argument("answers", help="JSON file {question id: answer}, or - for stdin")
        p.add_argument("--lang", default=None)
        p.add_argument("--perspective", default=None, help="the perspective option id chosen (if the scan asks one)")
        p.set_defaults(run=run)
    p = sub.add_parser("decode", help="print the answers and perspective in a result code")
    p.add_argument("definition")
    p.add_argument("code")
    p.set_defaults(run=cmd_decode)
    p = sub.add_parser("aggregate", help="print the team result for a file of codes")
    p.add_argument("definition")
    p.add_argument("codes", help="text file with one code per line, or - for stdin")
    p.add_argument("--lang", default=None)
    p.set_defaults(run=cmd_aggregate)
    p = sub.add_parser("team-file", help="print the team result file (JSON) for a file of codes")
    p.add_argument("definition")
    p.add_argument("codes", help="text file with one code per line, or - for stdin")
    p.add_argument("--label", required=True, help="the team's name")
    p.add_argument("--department", default=None)
    p.add_argument("--round", default=None, help="the round's name")
    p.add_argument("--date", default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument("--lang", default=None)
    p.set_defaults(run=cmd_team_file)
    p = sub.add_parser("organisation", help="print the organisation overview of team result files")
    p.add_argument("definition")
    p.add_argument("files", nargs="+", help="team result files (JSON)")
    p.add_argument("--csv", action="store_true", help="print the heatmap as CSV instead of JSON")
    p.add_argument("--lang", default=None)
    p.set_defaults(run=cmd_organisation)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UserError as error:
        print(error, file=sys.stderr)
        return 1
    except ValueError as error:  # AnswerError and friends: the message is meant for the user
        print(f"error: {error}", file=sys.stderr)
        return 1

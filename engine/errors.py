"""The errors the engine raises, each a ``ValueError`` with a message a person can act on.

Library code never exits or prints: it raises one of these, and the CLI or the
browser bridge turns it into an exit code or a message on screen.
"""
from __future__ import annotations

from dataclasses import dataclass


class AnswerError(ValueError):
    """An answer set that does not fit the assessment (unknown question, value off the scale)."""


class CodeError(ValueError):
    """A result code that cannot be read; ``reason`` says which kind, the message says what to do.

    Reasons: ``characters``, ``empty``, ``short``, ``long``, ``typo``, ``format``,
    ``assessment``, ``version``, ``corrupt``. The team page shows the message as is.
    """

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an assessment definition, at ``path`` inside the data.

    ``path`` is a tuple of mapping keys and list indexes (``("questions", 3, "dimension")``);
    the YAML loader turns it into a line number.
    """

    path: tuple
    message: str


class AssessmentError(ValueError):
    """A definition with one or more problems; all of them are collected before this is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [f"{_dotted(p.path)}: {p.message}" for p in problems]
        super().__init__("\n".join(lines))


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"

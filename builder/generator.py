"""The one module that calls mkdocs: run it on the staged config, and turn its warnings into ``file:line``.

mkdocs-material announces its end of life for May 2027, and its successor
Zensical reads the same ``mkdocs.yml``. Everything else in ``builder/`` works
on plain files (a staged docs folder in, a built site folder out), so a switch
of generator changes this module and little else. What the build relies on
from mkdocs is listed in the README ("Welke mkdocs-onderdelen de build gebruikt").
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Callable


class GeneratorError(Exception):
    """mkdocs refused the staged site; ``problems`` are ``file:line: message`` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _locate(message: str, source_of: Callable[[str], tuple[Path, bool]], config_shown: str) -> str:
    """``file:line: message`` for a warning that names a page and a link; else the config file."""
    match = re.search(r"Doc file '([^']+)' contains (?:a link|an unrecognized relative link) '([^']+)'", message)
    if not match:
        return f"{config_shown}:1: {message}"
    page, link = match.groups()
    source, generated = source_of(page)
    if generated:
        return f"{source}:1: {message} (in the generated page {page})"
    line = 1
    try:
        for number, text in enumerate(Path(source).read_text(encoding="utf-8").splitlines(), 1):
            if link in text:
                line = number
                break
    except (OSError, UnicodeDecodeError):
        pass
    return f"{source}:{line}: {message}"


def build(config_file: Path, source_of: Callable[[str], tuple[Path, bool]], config_shown: str) -> None:
    """Build the site that ``config_file`` describes, in strict mode; raise ``GeneratorError`` with every warning.

    ``source_of(page)`` names the file a docs page came from, and whether the build generated it.
    The working directory is the config's folder, so relative paths in it (snippets) hold.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    cwd = os.getcwd()
    os.chdir(config_file.parent)
    try:
        mkdocs_build(load_config(config_file=str(config_file)))
    except (Abort, ConfigurationError, SystemExit) as error:
        problems = [_locate(m, source_of, config_shown) for m in collector.messages]
        raise GeneratorError(problems or [f"{config_shown}:1: {error}"]) from None
    finally:
        os.chdir(cwd)
        logger.removeHandler(collector)

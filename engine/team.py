"""Team results: the picture of a group, built from the answers of its members.

Anonymity comes first: below ``min_group`` distinct results nothing but the
count is returned. Member scores are returned sorted, never in the order they
were given, so no figure can be traced back to the person who pasted a code.
Standard library only (this runs in the browser); the statistics are written
out with ``math.fsum`` because ``statistics`` works in fractions and is too
slow for a thousand members.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping

from .codes import read
from .errors import CodeError
from .scoring import as_assessment, band_index, dimension_scores, normalize_answers, profiles_of
from .text import localize

DISCUSS_LIMIT = 5
MAX_CODES = 1000
MAX_LINE = 100

# What the team page shows per pasted code. A code error's reason maps onto one of these.
STATUS_BY_REASON = {"assessment": "other-scan", "version": "other-version", "format": "other-version"}


def check_codes(definition, lines: list[str]) -> list[dict]:
    """One status per pasted code, in the order given: what the team page lists line by line.

    ``status`` is ``valid``, ``duplicate`` (the same code as an earlier line; it
    counts once), ``typo`` (cannot be read: a wrong character, too short or too
    long), ``other-scan`` or ``other-version``; ``message`` is the engine's
    Dutch explanation for anything that is not valid.
    """
    assessment = as_assessment(definition)
    seen: dict[str, int] = {}
    statuses = []
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            statuses.append({"line": number, "status": "typo", "reason": "long",
                             "message": f"Deze regel is langer dan {MAX_LINE} tekens; een resultaatcode is korter. "
                                        f"Zet elke code op een eigen regel."})
            continue
        try:
            code = read(assessment, line)
        except CodeError as error:
            statuses.append({"line": number, "status": STATUS_BY_REASON.get(error.reason, "typo"),
                             "reason": error.reason, "message": str(error)})
            continue
        if code.canonical in seen:
            statuses.append({"line": number, "status": "duplicate", "reason": None,
                             "message": f"Deze code staat al op regel {seen[code.canonical]}; hij telt één keer mee."})
        else:
            seen[code.canonical] = number
            statuses.append({"line": number, "status": "valid", "reason": None, "message": None})
    return statuses


def split_codes(text: str) -> list[str]:
    """The codes in pasted text: one per line, or separated by spaces, commas or semicolons.

    A code typed with spaces between its groups of four (``19GN TC02 YS54``)
    stays one code: a line whose pieces are all four characters or shorter is
    read as one code.
    """
    codes = []
    for line in text.splitlines():
        for part in re.split(r"[,;\t]+", line):
            pieces = part.split()
            if len(pieces) > 1 and all(len(p) <= 4 for p in pieces):
                codes.append(" ".join(pieces))
            else:
                codes.extend(pieces)
    return codes


def team_round(definition, lines: list[str], lang: str | None = None, shuffle=None) -> dict:
    """The team page in one call: a status per line, and the team result of the valid codes.

    The valid codes are aggregated in a shuffled order (``shuffle`` is
    ``random.SystemRandom().shuffle`` unless a test passes its own), so nothing
    downstream can depend on who pasted first.
    """
    if len(lines) > MAX_CODES:
        raise ValueError(f"Dat zijn {len(lines)} codes; deze pagina verwerkt er hoogstens {MAX_CODES} tegelijk.")
    statuses = check_codes(definition, lines)
    valid = [line for line, status in zip(lines, statuses) if status["status"] == "valid"]
    if shuffle is None:
        import random
        shuffle = random.SystemRandom().shuffle
    shuffle(valid)
    team = aggregate(definition, valid, lang)
    return {"lines": statuses, "codes": lines, "team": team,
            "csv": None if team["withheld"] else team_csv(definition, team, lang)}


def _mean(values: list[float]) -> float:
    return math.fsum(values) / len(values)


def _stdev(values: list[float]) -> float | None:
    """Sample standard deviation; ``None`` with fewer than two values."""
    if len(values) < 2:
        return None
    m = _mean(values)
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (len(values) - 1))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def aggregate(definition, answer_sets: Iterable, lang: str | None = None) -> dict:
    """The team result for the members' answers.

    ``answer_sets`` holds one item per member: an answers mapping, or a result
    code (text). Codes that are identical are counted once and reported as
    ``duplicates``; a code that cannot be read raises ``CodeError``.
    """
    assessment = as_assessment(definition)
    members: list[dict[str, int | None]] = []
    seen_codes: set[str] = set()
    duplicates = 0
    for item in answer_sets:
        if isinstance(item, str):
            code = read(assessment, item)
            if code.canonical in seen_codes:
                duplicates += 1
                continue
            seen_codes.add(code.canonical)
            members.append(code.answers)
        elif isinstance(item, Mapping):
            members.append(normalize_answers(assessment, item))
        else:
            raise ValueError(f"een teamlid is een code of een set antwoorden, niet {type(item).__name__}")

    n = len(members)
    if n < assessment.min_group:
        return {"n": n, "min_group": assessment.min_group, "withheld": True}

    scale = assessment.scale
    member_scores = [dimension_scores(assessment, values) for values in members]

    dimensions = {}
    means: dict[str, float | None] = {}
    for dimension in assessment.dimensions:
        scores = sorted(s[dimension.id][0] for s in member_scores if s[dimension.id][0] is not None)
        bands = [{"index": i, "label": localize(b.label, lang), "count": 0} for i, b in enumerate(dimension.bands)]
        for value in scores:
            bands[band_index(dimension, value)]["count"] += 1
        mean = _round(_mean(scores), 1) if scores else None
        means[dimension.id] = mean
        dimensions[dimension.id] = {
            "title": localize(dimension.title, lang),
            "n": len(scores),
            "mean": mean,
            "median": _round(_median(scores), 1) if scores else None,
            "min": scores[0] if scores else None,
            "max": scores[-1] if scores else None,
            "stdev": _round(_stdev(scores), 1),
            "scores": scores,
            "bands": bands,
        }

    questions = {}
    spread: list[tuple[float, int, str]] = []
    for position, question in enumerate(assessment.questions):
        given = [values[question.id] for values in members if type(values[question.id]) is int]  # not "n/a"
        counts = {str(v): 0 for v in scale.values}
        for v in given:
            counts[str(v)] += 1
        sd = _stdev(given)
        questions[question.id] = {"n": len(given), "counts": counts, "stdev": _round(sd, 2)}
        if sd is not None and sd >= (scale.max - scale.min) / 4:
            spread.append((-sd, position, question.id))

    # The same profile rule as for one person, on the team's mean scores.
    profile, runner_up, borderline = profiles_of(assessment, means, lang)
    discuss = []
    for _, _, question_id in sorted(spread)[:DISCUSS_LIMIT]:
        question = assessment.question_index[question_id]
        discuss.append({"id": question_id, "text": localize(question.text, lang),
                        "stdev": questions[question_id]["stdev"], "counts": questions[question_id]["counts"]})

    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "withheld": False,
        "n": n,
        "min_group": assessment.min_group,
        "duplicates": duplicates,
        "dimensions": dimensions,
        "questions": questions,
        "profile": profile,
        "runner_up": runner_up,
        "borderline": borderline,
        "discuss": discuss,
    }


def team_csv(definition, team: dict, lang: str | None = None) -> str:
    """The team result as CSV for a spreadsheet: one row per dimension, then one per question.

    Semicolons and decimal commas, as Dutch spreadsheet programs expect.
    """
    assessment = as_assessment(definition)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    values = [str(v) for v in assessment.scale.values]

    def number(value):
        return "" if value is None else str(value).replace(".", ",")

    writer.writerow(["soort", "id", "tekst", "aantal", "gemiddelde", "mediaan", "laagste", "hoogste",
                     "spreiding", "verdeling"] + [f"antwoord {v}" for v in values])
    for dimension in assessment.dimensions:
        d = team["dimensions"][dimension.id]
        bands = ", ".join(f"{b['label']}: {b['count']}" for b in d["bands"])
        writer.writerow(["onderdeel", dimension.id, localize(dimension.title, lang), d["n"], number(d["mean"]),
                         number(d["median"]), number(d["min"]), number(d["max"]), number(d["stdev"]), bands]
                        + [""] * len(values))
    for question in assessment.questions:
        q = team["questions"][question.id]
        writer.writerow(["vraag", question.id, localize(question.text, lang), q["n"], "", "", "", "",
                         number(q["stdev"]), ""] + [q["counts"][v] for v in values])
    return out.getvalue()


def compare_rounds(definition, previous: object, current: dict) -> list[dict]:
    """Per dimension, the change in team mean and spread since an earlier round's JSON export.

    Raises ``ValueError`` with a Dutch message when the file is not an export of
    this scan, so the page can say what is wrong with it.
    """
    assessment = as_assessment(definition)
    if not isinstance(previous, Mapping) or not isinstance(previous.get("team"), Mapping):
        raise ValueError("Dit bestand is geen export van een teamuitslag van Supportwijzer.")
    if previous.get("scan") != assessment.id:
        raise ValueError(f"Dit bestand hoort bij een andere scan ({previous.get('scan')!s}); "
                         f"kies een export van de {localize(assessment.title)}.")
    before = previous["team"]
    if before.get("withheld") or not isinstance(before.get("dimensions"), Mapping):
        raise ValueError("In deze export staan geen cijfers: die ronde had te weinig deelnemers.")
    if current.get("withheld"):
        raise ValueError("Vergelijken kan pas als deze ronde genoeg deelnemers heeft.")
    rows = []
    for dimension in assessment.dimensions:
        now = current["dimensions"][dimension.id]
        then = before["dimensions"].get(dimension.id)
        then = then if isinstance(then, Mapping) else {}
        row = {"id": dimension.id, "title": localize(dimension.title, None)}
        for key in ("mean", "stdev"):
            old, new = then.get(key), now.get(key)
            old = old if isinstance(old, (int, float)) and not isinstance(old, bool) else None
            row[f"{key}_before"], row[f"{key}_now"] = old, new
            row[f"{key}_change"] = None if old is None or new is None else round(new - old, 1)
        rows.append(row)
    return rows

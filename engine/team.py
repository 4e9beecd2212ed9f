"""Team results: the picture of a group, built from the answers of its members.

Anonymity comes first, and every page and export inherits it from here:

- A member counts only with a score on every dimension; a code of "weet ik
  niet" answers cannot pad a group to ``min_group``.
- Below ``min_group`` counted members nothing but the count is returned.
  Per-question figures (answer counts, "Om te bespreken") need
  ``min_group_items`` members: with fewer, one member's answers can be read
  off the counts.
- Member scores are returned sorted per dimension, never in the order they
  were given, so they cannot be joined across dimensions or to a code.
- A round keeps the versions it has shown (``team_round(shown=...)``); a new
  set of codes that differs from a shown one by fewer than ``min_group`` codes
  is refused, so adding or removing one code never reveals that member.
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

from .codes import canonical, read
from .errors import CodeError
from .scoring import as_assessment, band_index, dimension_scores, normalize_answers, profiles_of, relative_of
from .text import localize

DISCUSS_LIMIT = 5
MAX_CODES = 1000
MAX_LINE = 100
MAX_VERSIONS = 50

# "Om te bespreken": a question qualifies when the members clearly split. After keying, at least
# SPLIT_SHARE of the members who answered sit on each side of neutral (and at least one each),
# and the members also differ on the question's dimension as a whole: the spread of their
# dimension means is at least MEMBER_EFFECT_MIN times what the answer noise within each member
# explains (the F ratio of a members x questions analysis of variance). One question alone cannot
# tell a real difference from answer noise: in simulated teams that truly agree, most questions
# split by chance somewhere (bench/team.py, which calibrates both figures).
SPLIT_SHARE = 0.2
MEMBER_EFFECT_MIN = 3.5

# What the team page shows per pasted code. A code error's reason maps onto one of these.
STATUS_BY_REASON = {"assessment": "other-scan", "version": "other-version", "format": "other-version"}


def check_codes(definition, lines: list[str]) -> list[dict]:
    """One status per pasted code, in the order given: what the team page lists line by line.

    ``status`` is ``valid``, ``duplicate`` (the same code as an earlier line; it
    counts once), ``incomplete`` (readable, but without a score on every
    dimension: it does not count), ``typo`` (cannot be read: a wrong character,
    too short or too long), ``other-scan`` or ``other-version``; ``message`` is
    the engine's Dutch explanation for anything that is not valid.
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
            continue
        seen[code.canonical] = number
        missing = missing_dimensions(assessment, code.answers)
        if missing:
            statuses.append({"line": number, "status": "incomplete", "reason": "incomplete",
                             "message": "Te weinig antwoorden: deze code heeft geen score voor "
                                        f"{_listed(missing)}. Hij telt niet mee in de uitslag."})
        else:
            statuses.append({"line": number, "status": "valid", "reason": None, "message": None,
                             "canonical": code.canonical})
    return statuses


def missing_dimensions(assessment, values: Mapping) -> list[str]:
    """The titles of the dimensions without a score for one member's answers (empty: the member counts)."""
    scores = dimension_scores(assessment, values)
    return [localize(d.title) for d in assessment.dimensions if scores[d.id][0] is None]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def split_codes(text: str) -> list[str]:
    """The codes in pasted text: one per line, or separated by spaces, commas or semicolons.

    A code typed with spaces between its groups of four (``19GN TC02 YS54``)
    stays one code: a line whose pieces are all four characters or shorter is
    read as one code. A line pasted from a chat (``Jan: 19GN-TC02-...`` or
    ``[10:32] Jan: ...``) gives only what follows its last colon, and of that
    only the pieces that look like a code, so a sender's name or a greeting
    does not become an error row. ``code-fallback.js`` splits the same way.
    """
    codes = []
    for line in text.splitlines():
        chat = ":" in line
        if chat:
            line = line.rpartition(":")[2]
        for part in re.split(r"[,;\t]+", line):
            pieces = part.split()
            found = [" ".join(pieces)] if len(pieces) > 1 and all(len(p) <= 4 for p in pieces) else pieces
            codes.extend(piece for piece in found if not chat or looks_like_code(piece))
    return codes


def looks_like_code(text: str) -> bool:
    """At least ten symbols of the code alphabet (ASCII letters and digits, dashes and spaces aside), a digit among them."""
    bare = text.replace("-", "").replace(" ", "")
    return len(bare) >= 10 and re.fullmatch(r"[0-9A-Za-z]+", bare) is not None and re.search(r"[0-9]", bare) is not None


def team_round(definition, lines: list[str], lang: str | None = None, shuffle=None,
               shown: list | None = None, show: bool = False) -> dict:
    """The team page in one call: a status per line, and the team result of the counted codes.

    The counted codes are aggregated in a shuffled order (``shuffle`` is
    ``random.SystemRandom().shuffle`` unless a test passes its own), so nothing
    downstream can depend on who pasted first.

    ``shown`` is the round's memory: the sets of codes (canonical) whose result
    the page has shown, oldest first. With it (the team page always sends it),
    a result is shown only as a version of the round (see ``round_version``);
    ``show`` says the facilitator asked for the result of the current codes.
    Without it (the CLI, older callers), the current codes are aggregated.
    """
    if len(lines) > MAX_CODES:
        raise ValueError(f"Dat zijn {len(lines)} codes; deze pagina verwerkt er hoogstens {MAX_CODES} tegelijk.")
    assessment = as_assessment(definition)
    statuses = check_codes(assessment, lines)
    counted = [status["canonical"] for status in statuses if status["status"] == "valid"]
    if shuffle is None:
        import random
        shuffle = random.SystemRandom().shuffle
    versions = None if shown is None else round_version(assessment, counted, shown, show)
    chosen = list(counted if versions is None or versions["showing"] == "current" else versions.get("codes", ()))
    shuffle(chosen)
    if versions is not None and versions["showing"] == "none":
        team = {"n": len(counted), "min_group": assessment.min_group, "withheld": True,
                "reason": "not-shown" if len(counted) >= assessment.min_group else "too-few"}
    else:
        team = aggregate(assessment, chosen, lang)
    for status in statuses:
        status.pop("canonical", None)  # the page has the codes; the reply needs no second copy
    reply = {"lines": statuses, "codes": lines, "team": team,
             "csv": None if team["withheld"] else team_csv(assessment, team, lang)}
    if versions is not None:
        reply["round"] = {key: value for key, value in versions.items() if key != "codes" or versions["new"]}
    return reply


def round_version(assessment, counted: list[str], shown: list, show: bool) -> dict:
    """Which result a round may show for its current codes, given the versions it has shown.

    - The current codes equal a shown version: that version (``showing: current``).
    - They differ from some shown version by fewer than ``min_group`` codes
      (added or removed): refused. The round keeps showing its latest version
      (``showing: kept``), and ``needed`` says how many more codes must change.
      Two results that differ by one code would give away that member.
    - Otherwise, with ``show`` and at least ``min_group`` codes: a new version
      (``showing: current``, ``new: true``, ``codes`` to keep as its memory).
      Without ``show``: the latest shown version if any (``kept``), else nothing
      (``none``): the facilitator decides when all codes are in.
    """
    if not isinstance(shown, list) or len(shown) > MAX_VERSIONS:
        raise ValueError("De bewaarde versies van deze teamronde zijn onleesbaar. Wis de teamronde en begin opnieuw.")
    versions = []
    for version in shown:
        if not isinstance(version, list) or not all(isinstance(code, str) for code in version) \
                or len(version) > MAX_CODES:
            raise ValueError("De bewaarde versies van deze teamronde zijn onleesbaar. Wis de teamronde en begin opnieuw.")
        versions.append(frozenset(canonical(code) for code in version))
    current = frozenset(counted)
    out = {"versions": len(versions), "new": False, "version": None, "difference": None, "needed": 0}
    for number, version in enumerate(versions, 1):
        if version == current:
            return {**out, "showing": "current", "version": number}
    latest = len(versions)
    closest = min((len(version ^ current), number) for number, version in enumerate(versions, 1)) if versions else None
    if closest is not None and closest[0] < assessment.min_group:
        difference, number = closest
        return {**out, "showing": "kept", "version": latest, "codes": sorted(versions[-1]),
                "difference": difference, "needed": assessment.min_group - difference, "closest": number}
    if show and len(current) >= assessment.min_group:
        return {**out, "showing": "current", "new": True, "version": latest + 1, "codes": sorted(current),
                "difference": closest[0] if closest else None}
    if versions:
        return {**out, "showing": "kept", "version": latest, "codes": sorted(versions[-1]),
                "difference": closest[0], "ready": len(current) >= assessment.min_group}
    return {**out, "showing": "none", "ready": len(current) >= assessment.min_group}


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
    ``duplicates``; a code that cannot be read raises ``CodeError``. A member
    without a score on every dimension is left out of all figures and counted
    in ``incomplete``.
    """
    assessment = as_assessment(definition)
    members: list[dict[str, int | str | None]] = []
    member_scores: list[dict[str, tuple]] = []  # scored once: completeness and the figures both use it
    seen_codes: set[str] = set()
    duplicates = incomplete = 0
    for item in answer_sets:
        if isinstance(item, str):
            code = read(assessment, item)
            if code.canonical in seen_codes:
                duplicates += 1
                continue
            seen_codes.add(code.canonical)
            values = code.answers
        elif isinstance(item, Mapping):
            values = normalize_answers(assessment, item)
        else:
            raise ValueError(f"een teamlid is een code of een set antwoorden, niet {type(item).__name__}")
        scores = dimension_scores(assessment, values)
        if any(score is None for score, *_ in scores.values()):
            incomplete += 1
        else:
            members.append(values)
            member_scores.append(scores)

    n = len(members)
    if n < assessment.min_group:
        withheld = {"n": n, "min_group": assessment.min_group, "withheld": True}
        return {**withheld, "incomplete": incomplete} if incomplete else withheld

    dimensions = {}
    means: dict[str, float | None] = {}
    for dimension in assessment.dimensions:
        scores = sorted(s[dimension.id][0] for s in member_scores)
        bands = [{"index": i, "label": localize(b.label, lang), "count": 0} for i, b in enumerate(dimension.bands)]
        for value in scores:
            bands[band_index(dimension, value)]["count"] += 1
        mean = _round(_mean(scores), 1)
        means[dimension.id] = mean
        dimensions[dimension.id] = {
            "title": localize(dimension.title, lang),
            "n": len(scores),
            "mean": mean,
            "median": _round(_median(scores), 1),
            "min": scores[0],
            "max": scores[-1],
            "stdev": _round(_stdev(scores), 1),
            "scores": scores,
            "bands": bands,
        }

    # The same profile rule as for one person, on the team's mean scores.
    profile, runner_up, borderline = profiles_of(assessment, means, lang)
    items_withheld = n < assessment.min_group_items
    questions, discuss = (None, []) if items_withheld else question_figures(assessment, members, lang)
    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "withheld": False,
        "n": n,
        "min_group": assessment.min_group,
        "min_group_items": assessment.min_group_items,
        "items_withheld": items_withheld,
        "duplicates": duplicates,
        "incomplete": incomplete,
        "dimensions": dimensions,
        "questions": questions,
        "profile": profile,
        "runner_up": runner_up,
        "borderline": borderline,
        "relative": relative_of(assessment, means, lang) if profile else None,
        "discuss": discuss,
    }


def question_figures(assessment, members: list[dict], lang: str | None = None) -> tuple[dict, list[dict]]:
    """Per question: answer counts (raw, as answered), "weet ik niet" and n/a; and "Om te bespreken".

    A question is worth discussing when the members clearly split (``split_of``);
    those are ranked by least agreement first, at most ``DISCUSS_LIMIT``.
    """
    scale = assessment.scale
    questions = {}
    candidates: list[tuple[float, int, str]] = []
    for position, question in enumerate(assessment.questions):
        answers = [values[question.id] for values in members]
        given = [v for v in answers if type(v) is int]
        unknown = sum(1 for v in answers if v is None)  # "weet ik niet" or left open: a code holds them alike
        counts = {str(v): 0 for v in scale.values}
        for v in given:
            counts[str(v)] += 1
        rwg = agreement(given, scale.min, scale.max)
        questions[question.id] = {"n": len(given), "counts": counts, "unknown": unknown,
                                  "unknown_share": round(unknown / len(members), 2),
                                  "stdev": _round(_stdev(given), 2), "agreement": _round(rwg, 2)}
        keyed = [scale.min + scale.max - v if question.reverse else v for v in given]
        if rwg is not None and split_of(keyed, scale.min, scale.max):
            candidates.append((rwg, position, question.id))
    apart = {d.id for d in assessment.dimensions
             if (effect := member_effect(assessment, d.id, members)) is not None and effect >= MEMBER_EFFECT_MIN}
    split = [c for c in candidates if assessment.question_index[c[2]].dimension in apart]
    discuss = []
    for _, _, question_id in sorted(split)[:DISCUSS_LIMIT]:
        question = assessment.question_index[question_id]
        figures = questions[question_id]
        discuss.append({"id": question_id, "text": localize(question.text, lang), "dimension": question.dimension,
                        "stdev": figures["stdev"], "agreement": figures["agreement"], "counts": figures["counts"],
                        "unknown": figures["unknown"], "unknown_share": figures["unknown_share"]})
    return questions, discuss


def split_of(keyed: list[int], low: int, high: int) -> bool:
    """Whether answers (after keying) fall clearly on both sides of neutral.

    Each side holds at least ``SPLIT_SHARE`` of the answers, and at least one
    answer: with four answers or fewer one on each side is enough.
    """
    neutral = (low + high) / 2
    below = sum(1 for v in keyed if v < neutral)
    above = sum(1 for v in keyed if v > neutral)
    need = max(1, math.ceil(SPLIT_SHARE * len(keyed) - 1e-9))
    return below >= need and above >= need


def member_effect(assessment, dimension_id: str, members: list[dict]) -> float | None:
    """How much more the members differ on a dimension than their answer noise explains (an F ratio).

    The keyed answers form a members x questions table. With the question
    effects taken out, the mean square between members is compared with the
    residual mean square (two-way analysis of variance without replication;
    an open answer is filled in with that member's mean, and costs a degree of
    freedom). About 1 when the members only differ by chance; large when they
    sit apart on the whole dimension. ``None`` when there is too little to
    compare (fewer than two members or two questions with answers).
    """
    scale = assessment.scale
    questions = [q for q in assessment.questions_by_dimension[dimension_id]]
    rows = []
    missing = 0
    for values in members:
        keyed = [(scale.min + scale.max - values[q.id] if q.reverse else values[q.id])
                 if type(values[q.id]) is int else None for q in questions]
        given = [v for v in keyed if v is not None]
        if not given:
            continue
        own = math.fsum(given) / len(given)
        missing += len(keyed) - len(given)
        rows.append([own if v is None else v for v in keyed])
    m, j = len(rows), len(questions)
    if m < 2 or j < 2:
        return None
    grand = math.fsum(map(math.fsum, rows)) / (m * j)
    row_means = [math.fsum(row) / j for row in rows]
    col_means = [math.fsum(row[i] for row in rows) / m for i in range(j)]
    between = j * math.fsum((r - grand) ** 2 for r in row_means) / (m - 1)
    residual = math.fsum((rows[a][i] - row_means[a] - col_means[i] + grand) ** 2
                         for a in range(m) for i in range(j))
    freedom = (m - 1) * (j - 1) - missing
    if freedom < 1:
        return None
    if residual == 0:
        return math.inf if between > 0 else 0.0
    return between / (residual / freedom)


def agreement(values: list[int], low: int, high: int) -> float | None:
    """The within-group agreement index rwg: 1 - (sample variance / variance of uniform answers), at least 0.

    1 means everyone gave the same answer; 0 means the answers are as spread as
    random ones (or more). With the sample variance (n - 1) a small group needs
    a larger spread to count as disagreeing. ``None`` with fewer than two answers.
    """
    sd = _stdev(values)
    if sd is None:
        return None
    points = high - low + 1
    uniform = (points * points - 1) / 12
    return max(0.0, 1 - sd * sd / uniform) if uniform else 1.0


def team_csv(definition, team: dict, lang: str | None = None) -> str:
    """The team result as CSV for a spreadsheet: one row per dimension, then one per question.

    Semicolons and decimal commas, as Dutch spreadsheet programs expect. Question
    rows only when the group is large enough for per-question figures. Texts
    that a spreadsheet would run as a formula get a leading apostrophe.
    """
    assessment = as_assessment(definition)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    values = [str(v) for v in assessment.scale.values]

    def number(value):
        return "" if value is None else str(value).replace(".", ",")

    writer.writerow(["soort", "id", "tekst", "aantal", "gemiddelde", "mediaan", "laagste", "hoogste",
                     "spreiding", "verdeling"] + [f"antwoord {v}" for v in values] + ["weet ik niet"])
    for dimension in assessment.dimensions:
        d = team["dimensions"][dimension.id]
        bands = ", ".join(f"{b['label']}: {b['count']}" for b in d["bands"])
        writer.writerow(["onderdeel", dimension.id, spreadsheet_text(localize(dimension.title, lang)), d["n"],
                         number(d["mean"]), number(d["median"]), number(d["min"]), number(d["max"]),
                         number(d["stdev"]), spreadsheet_text(bands)] + [""] * (len(values) + 1))
    for question in assessment.questions if team.get("questions") else ():
        q = team["questions"][question.id]
        writer.writerow(["vraag", question.id, spreadsheet_text(localize(question.text, lang)), q["n"], "", "", "",
                         "", number(q["stdev"]), ""] + [q["counts"][v] for v in values] + [q["unknown"]])
    return out.getvalue()


def spreadsheet_text(text: str) -> str:
    """Text that a spreadsheet shows as text: one starting with = + - @ (a formula) gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


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

"""Scoring one respondent: answers in; dimension scores, bands, a profile and answer-quality flags out.

The rules are the scoring contract of the assessment format (README,
"Scoren"): reversed items are mirrored, a dimension is scored when at least
half of its questions are answered, bands are first-match, and the profile is
the first whose conditions hold (``profile_rule: first-match``), the nearest
prototype (``profile_rule: nearest``) or the outcome of the relative rule
(``profile_rule: relative``). Standard library only: this module runs in the
browser under Pyodide.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from .errors import AnswerError
from .model import NEAREST, RELATIVE, Assessment, Dimension, Profile, parse_assessment
from .text import localize

UNKNOWN = "unknown"          # "weet ik niet": unanswered
NOT_APPLICABLE = "n/a"       # "niet van toepassing" (only where a question offers it): unanswered, not "unknown"

Answers = Mapping[str, "int | str | None"]

# The answer-quality flag ids, in the order they are listed when several apply. Each rule is a
# small function below ("answer-quality flags"); these constants are the whole of their tuning
# (bench/scans.py measures them).
FLAGS = ("incomplete", "straightlining", "inconsistent", "many-unknown")
STRAIGHTLINING_MIN_ANSWERS = 5   # at least this many answers on the scale ...
STRAIGHTLINING_SHARE = 0.9       # ... of which the most common value covers at least this share
MANY_UNKNOWN_SHARE = 0.25        # "weet ik niet" on at least this share of the applicable questions
# Calibrated with bench/scans.py (2026-11-25; item strength 1.7 and 2.5, trait correlation 0.3
# and 0.6, acquiescence sd 0.3 and 0.5): at 0.95 the five scans flag at most 12% of realistic
# respondents (all flags together) and 64-70% of uniform-random answerers; synthetic scans with
# 4 to 6 items per dimension at most 12% and 63-66%, with 3 items 15% and 58%. With weak items
# (strength 1.0, alpha 0.3-0.6) simulated respondents answer as erratically as random ones
# (40-54% flagged) and no threshold can separate them.
INCONSISTENT_SPREAD = 0.95       # share of a random answerer's spread; see keyed_spread()


def as_assessment(definition) -> Assessment:
    """Accept a validated ``Assessment`` or its plain data (as the browser sends it)."""
    return definition if isinstance(definition, Assessment) else parse_assessment(definition)


def normalize_answers(assessment: Assessment, answers: Answers) -> dict[str, int | str | None]:
    """Check answers against the assessment; return ``{question id: value}`` for every question.

    A value is a whole number on the scale, ``None`` (missing, ``None`` or
    ``"unknown"``: not answered) or ``NOT_APPLICABLE`` (``"n/a"``, only for a
    question with ``not_applicable``). Anything else, and any id the
    assessment does not have, raises ``AnswerError``.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError(f"antwoorden moeten een lijst van vraag en waarde zijn, niet {type(answers).__name__}")
    index = assessment.question_index
    scale = assessment.scale
    for key in answers:
        if key not in index:
            raise AnswerError(f"onbekende vraag '{key}' in de antwoorden voor '{assessment.id}'")
    low, high = scale.min, scale.max
    values: dict[str, int | str | None] = {}
    for question in assessment.questions:
        value = answers.get(question.id)
        if type(value) is int and low <= value <= high:  # the usual case first (bool is no int here)
            values[question.id] = value
        elif value is None or value == UNKNOWN:
            values[question.id] = None
        elif value == NOT_APPLICABLE:
            if question.not_applicable is None:
                raise AnswerError(f"vraag '{question.id}' heeft geen keuze 'niet van toepassing'; "
                                  f"ontvangen: {value!r}")
            values[question.id] = NOT_APPLICABLE
        else:
            raise AnswerError(f"antwoord op vraag '{question.id}' moet een geheel getal van {low} "
                              f"tot en met {high} zijn, of leeg; ontvangen: {value!r}")
    return values


def check_perspective(assessment: Assessment, perspective) -> str | None:
    """``perspective`` if the assessment offers it (``None``: not chosen); else ``AnswerError``."""
    if perspective is None:
        return None
    if assessment.perspective is None:
        raise AnswerError(f"de scan '{assessment.id}' vraagt geen perspectief; ontvangen: {perspective!r}")
    ids = assessment.perspective.ids
    if not isinstance(perspective, str) or perspective not in ids:
        raise AnswerError(f"onbekend perspectief {perspective!r} voor '{assessment.id}'; "
                          f"kies uit: {', '.join(ids)}")
    return perspective


def dimension_scores(assessment: Assessment, values: Mapping[str, int | str | None]) -> dict[str, tuple]:
    """``{dimension id: (score or None, answered, total)}`` for normalized values.

    Score = round(100 * (weighted mean - min) / (max - min), 1) over the answered
    questions, provided ``answered * 2 >= total``; "n/a" counts as unanswered.
    This is the hot loop of team aggregation, so it works on plain tuples.
    """
    low = assessment.scale.min
    mirror = assessment.scale.min + assessment.scale.max
    span = assessment.scale.max - low
    result = {}
    for dim_id, questions in assessment.questions_by_dimension.items():
        answered = 0
        weighted = 0.0
        weights = 0.0
        for q in questions:
            v = values.get(q.id)
            if type(v) is not int:  # None (not answered) or "n/a"
                continue
            if q.reverse:
                v = mirror - v
            answered += 1
            weighted += q.weight * v
            weights += q.weight
        total = len(questions)
        if answered and answered * 2 >= total:
            score = round(100 * (weighted / weights - low) / span, 1)
        else:
            score = None
        result[dim_id] = (score, answered, total)
    return result


def band_of(dimension: Dimension, score: float | None, lang: str | None = None,
            perspective: str | None = None) -> dict | None:
    """The first band with ``score <= upto``, as JSON-ready data; ``None`` for no score.

    The advice is the one written for ``perspective`` if the band has it, else the general advice.
    """
    if score is None:
        return None
    for index, band in enumerate(dimension.bands):
        if score <= band.upto:
            advice = band.advice_by_perspective.get(perspective, band.advice) if perspective else band.advice
            return {"index": index, "label": localize(band.label, lang),
                    "advice": localize(advice, lang), "links": list(band.links)}
    return None


def band_index(dimension: Dimension, score: float | None) -> int | None:
    if score is None:
        return None
    for index, band in enumerate(dimension.bands):
        if score <= band.upto:
            return index
    return None


# -- profiles ------------------------------------------------------------------------------

def _profile_data(profile: Profile, lang: str | None, perspective: str | None, distance: float | None = None) -> dict:
    text = profile.text_by_perspective.get(perspective, profile.text) if perspective else profile.text
    data = {"id": profile.id, "title": localize(profile.title, lang), "text": localize(text, lang),
            "links": list(profile.links)}
    if distance is not None:
        data["distance"] = distance
    return data


def distance(profile: Profile, scores: Mapping[str, float]) -> float:
    """Euclidean distance, in score points, between the scores and the profile's prototype."""
    # (d * d, not d ** 2: a product is exact IEEE arithmetic in CPython and WebAssembly alike)
    return math.sqrt(math.fsum((scores[dim] - target) * (scores[dim] - target)
                               for dim, target in profile.prototype.items()))


def profiles_of(assessment: Assessment, scores: Mapping[str, float | None], lang: str | None = None,
                perspective: str | None = None) -> tuple[dict | None, dict | None, bool]:
    """``(profile, runner_up, borderline)`` for the scores, as JSON-ready data.

    No profile at all while a dimension has no score (no profile from partial
    answers). first-match: the first profile whose conditions all hold; no
    runner-up. nearest: the profile at the smallest distance (the earlier one on
    a tie), the next nearest as runner-up, and borderline when their distances,
    as shown (one decimal), differ by less than ``borderline_margin``.
    """
    if any(scores.get(d.id) is None for d in assessment.dimensions):
        return None, None, False
    if assessment.profile_rule == RELATIVE:
        return _relative_profiles(assessment, scores, lang, perspective)
    if assessment.profile_rule != NEAREST:
        for profile in assessment.profiles:
            if profile.holds(scores):
                return _profile_data(profile, lang, perspective), None, False
        return None, None, False
    ranked = sorted((distance(p, scores), i) for i, p in enumerate(assessment.profiles))
    if not ranked:
        return None, None, False
    best = _profile_data(assessment.profiles[ranked[0][1]], lang, perspective, round(ranked[0][0], 1))
    if len(ranked) == 1:
        return best, None, False
    runner_up = _profile_data(assessment.profiles[ranked[1][1]], lang, perspective, round(ranked[1][0], 1))
    borderline = round(runner_up["distance"] - best["distance"], 1) < assessment.borderline_margin
    return best, runner_up, borderline


# -- profile_rule: relative ------------------------------------------------------------------
#
# Every decision is exact arithmetic on the figures as shown: the scores at one decimal (as
# ``dimension_scores`` gives them, and as a team result rounds its means) and their mean
# rounded to one decimal. So "exactly 15 below" and "a range of exactly 20" come out the same
# in CPython and in the browser, and anyone can check a result from the numbers on the page.

def _shown(value: float) -> Fraction:
    """A score as shown, at one decimal, as an exact fraction (33.3 is 333/10, not its binary neighbour)."""
    return Fraction(round(value * 10), 10)


def _exact(number: float) -> Fraction:
    """A cut-off from the file (15, 17.5) exactly as written."""
    return Fraction(str(number))


def _one_decimal(value: Fraction) -> float:
    return float(round(value, 1))


class _Relative:
    """The facts the relative rule decides on, for one set of complete scores."""

    def __init__(self, assessment: Assessment, scores: Mapping[str, float]):
        rule = assessment.relative
        self.ids = [d.id for d in assessment.dimensions]
        self.scores = {d: _shown(scores[d]) for d in self.ids}
        self.mean = round(sum(self.scores.values(), Fraction(0)) / len(self.ids), 1)
        # lowest first; on a tie the dimension that comes first in the file
        self.order = sorted(self.ids, key=lambda d: (self.scores[d], self.ids.index(d)))
        self.cut = self.mean - _exact(rule.behind)  # a dimension at or below this is behind
        self.behind = [d for d in self.order if self.scores[d] <= self.cut]
        self.range = self.scores[self.order[-1]] - self.scores[self.order[0]]
        self.balanced = self.range < _exact(rule.balanced_range)
        self.level = next(i for i, lv in enumerate(rule.levels) if self.mean <= _exact(lv.upto))

    def as_data(self, assessment: Assessment, lang: str | None) -> dict:
        level = assessment.relative.levels[self.level]
        return {"mean": _one_decimal(self.mean), "range": _one_decimal(self.range),
                "level": {"id": level.id, "label": localize(level.label, lang)},
                "balanced": self.balanced, "behind": list(self.behind)}


def _relative_outcome(assessment: Assessment, behind: str | None, balanced: bool, level: int) -> int:
    """The index of the first profile whose outcome holds (validation makes sure there is one)."""
    level_id = assessment.relative.levels[level].id
    return next(i for i, p in enumerate(assessment.profiles) if p.outcome.holds(behind, balanced, level_id))


def _relative_alternatives(assessment: Assessment, f: _Relative) -> list[tuple[Fraction, float, int]]:
    """``(gap, spread, profile index)`` for each outcome one cut-off away.

    ``gap`` is the distance in points to that cut-off; ``spread`` is how much the figure
    concerned moves when every score moves by the same measurement error (1 for one score):
    sqrt(2) for a difference between two scores and for the range, sqrt(1 - 1/n) for a score
    against the mean of all n, 1/sqrt(n) for the mean. So a gap of 5 on the mean weighs as
    much as a gap of 5 * sqrt(2) * sqrt(n) between two scores.

    With a dimension behind (the lowest, L): the next lowest, J, as the one behind (gap: how
    far J is above L, or above the cut-off where that is further), and none behind (gap: how
    far L is below the cut-off). With none behind: L behind (gap: how far L is above the
    cut-off), the balance the other way (gap: the range to ``balanced_range``) and each
    neighbouring level (gap: the mean to the level's edge).
    """
    rule = assessment.relative
    n = len(f.ids)
    pair, against_mean, mean = math.sqrt(2), math.sqrt(1 - 1 / n), 1 / math.sqrt(n)
    lowest, nxt = f.order[0], f.order[1]
    if f.behind:
        return [(max(f.scores[nxt] - f.scores[lowest], f.scores[nxt] - f.cut), pair,
                 _relative_outcome(assessment, nxt, False, f.level)),
                (f.cut - f.scores[lowest], against_mean,
                 _relative_outcome(assessment, None, f.balanced, f.level))]
    out = [(f.scores[lowest] - f.cut, against_mean, _relative_outcome(assessment, lowest, False, f.level)),
           (abs(f.range - _exact(rule.balanced_range)), pair,
            _relative_outcome(assessment, None, not f.balanced, f.level))]
    if f.level > 0:
        out.append((f.mean - _exact(rule.levels[f.level - 1].upto), mean,
                    _relative_outcome(assessment, None, f.balanced, f.level - 1)))
    if f.level < len(rule.levels) - 1:
        out.append((_exact(rule.levels[f.level].upto) - f.mean, mean,
                    _relative_outcome(assessment, None, f.balanced, f.level + 1)))
    return out


def _relative_profiles(assessment: Assessment, scores: Mapping[str, float], lang: str | None,
                       perspective: str | None) -> tuple[dict, dict | None, bool]:
    """``profiles_of`` for ``profile_rule: relative``.

    The profile: the lowest dimension that is behind, else balanced and level. The runner-up:
    the other profile whose cut-off is nearest, measured in measurement errors
    (``gap / spread``, see ``_relative_alternatives``; on a tie the one listed first there),
    with ``gap``, the distance in points to that cut-off. A cut-off whose other side has the
    same profile is no alternative: with one profile for "none behind" (``outcome: {}``, as
    Supportlijnen v4) the balance and level cut-offs drop out, and the runner-up of "none
    behind" is always the lowest dimension as the one behind. Borderline when ``gap / spread``
    is below ``relative.margin``: the result would change if the scores moved by less than
    the margin.
    """
    f = _Relative(assessment, scores)
    chosen = _relative_outcome(assessment, f.behind[0] if f.behind else None, f.balanced, f.level)
    profile = _profile_data(assessment.profiles[chosen], lang, perspective)
    others = [(float(gap) / spread, gap, i) for gap, spread, i in _relative_alternatives(assessment, f)
              if i != chosen]
    if not others:
        return profile, None, False
    weighed, gap, index = min(others, key=lambda other: other[0])  # (min keeps the first of equal ones)
    runner_up = _profile_data(assessment.profiles[index], lang, perspective)
    runner_up["gap"] = _one_decimal(gap)
    return profile, runner_up, weighed < assessment.relative.margin


def relative_of(assessment: Assessment, scores: Mapping[str, float | None], lang: str | None = None) -> dict | None:
    """What the relative rule saw, as JSON-ready data; ``None`` for another rule or while a dimension has no score.

    ``{"mean", "range", "level": {"id", "label"}, "balanced", "behind": [dimension ids, lowest first]}``;
    the mean and range at one decimal, as the rule used them.
    """
    if assessment.profile_rule != RELATIVE or any(scores.get(d.id) is None for d in assessment.dimensions):
        return None
    return _Relative(assessment, scores).as_data(assessment, lang)


def profile_of(assessment: Assessment, scores: Mapping[str, float | None], lang: str | None = None,
               perspective: str | None = None) -> dict | None:
    """The profile alone (see ``profiles_of``)."""
    return profiles_of(assessment, scores, lang, perspective)[0]


# -- answer-quality flags -------------------------------------------------------------------

class Tally:
    """What the flag rules look at, gathered in one pass over the answers (``tally``)."""

    __slots__ = ("counts", "unknown", "not_applicable", "squares", "freedom")

    def __init__(self):
        self.counts: dict[int, int] = {}   # answers on the scale, per value as given (not mirrored)
        self.unknown = 0                   # "weet ik niet" or no answer
        self.not_applicable = 0            # "n/a"
        self.squares = 0.0                 # within-dimension sum of squares of the keyed answers ...
        self.freedom = 0                   # ... and its degrees of freedom (see keyed_spread)


def tally(assessment: Assessment, values: Mapping[str, int | str | None]) -> Tally:
    mirror = assessment.scale.min + assessment.scale.max
    out = Tally()
    counts = out.counts
    unknown = not_applicable = freedom = 0
    squares = 0.0
    for questions in assessment.questions_by_dimension.values():
        n = total = total2 = 0
        normal = reversed_ = False
        for q in questions:
            v = values.get(q.id)
            if type(v) is not int:
                if v is None:
                    unknown += 1
                else:
                    not_applicable += 1
                continue
            counts[v] = counts.get(v, 0) + 1
            if q.reverse:
                v = mirror - v
                reversed_ = True
            else:
                normal = True
            n += 1
            total += v
            total2 += v * v
        if normal and reversed_:
            squares += total2 - total * total / n
            freedom += n - 1
    out.unknown, out.not_applicable, out.squares, out.freedom = unknown, not_applicable, squares, freedom
    return out


def straightlining(t: Tally) -> bool:
    """At least 5 answers on the scale, and one value (as given, before mirroring) on at least 90% of them."""
    answered = sum(t.counts.values())
    return answered >= STRAIGHTLINING_MIN_ANSWERS and max(t.counts.values()) >= STRAIGHTLINING_SHARE * answered


def many_unknown(t: Tally) -> bool:
    """"Weet ik niet" (or no answer) on at least 25% of the questions; "n/a" questions count on neither side."""
    applicable = t.unknown + sum(t.counts.values())
    return applicable > 0 and t.unknown >= MANY_UNKNOWN_SHARE * applicable


def keyed_spread(assessment: Assessment, t: Tally) -> float | None:
    """How much the keyed answers disagree within the dimensions, as a share of what random answers give.

    Over the dimensions that have answered normal *and* answered reversed items:
    the pooled within-dimension standard deviation of the keyed answers (a
    reversed answer mirrored, as in the score; weights play no part), divided by
    the standard deviation of uniform random answers on the scale
    (sqrt((points^2 - 1) / 12)). Someone who reads the items says the same thing
    in each of them, also where a statement is reversed: a low share. Someone
    who agrees with everything, or answers at random, contradicts himself: a
    share near 1 or above. ``None`` when no dimension qualifies.

    Why the spread and not only the gap between the normal and the reversed
    mean: with one or two reversed items per dimension that gap alone is too
    noisy. On the five scans no threshold on it flagged at most 15% of
    realistic respondents and at least 60% of random answerers (a gap above 40
    in some dimension: up to 58% and 62%; above 65: 15% and 13%). The spread
    holds the same contradiction, plus the disagreement among the normal items
    themselves.
    """
    if not t.freedom:
        return None
    points = assessment.scale.max - assessment.scale.min + 1
    return math.sqrt(t.squares / t.freedom / ((points * points - 1) / 12))


def inconsistent(assessment: Assessment, t: Tally) -> bool:
    """Normal and reversed items contradict each other: ``keyed_spread`` above ``INCONSISTENT_SPREAD``."""
    spread = keyed_spread(assessment, t)
    return spread is not None and spread > INCONSISTENT_SPREAD


def flags_of(assessment: Assessment, values: Mapping[str, int | str | None],
             per_dimension: Mapping[str, tuple]) -> list[str]:
    """The answer-quality flags that apply, in the order of ``FLAGS``."""
    t = tally(assessment, values)
    flags = []
    if any(entry[0] is None for entry in per_dimension.values()):
        flags.append("incomplete")
    if straightlining(t):
        flags.append("straightlining")
    if inconsistent(assessment, t):
        flags.append("inconsistent")
    if many_unknown(t):
        flags.append("many-unknown")
    return flags


# -- the result ----------------------------------------------------------------------------

def score(definition, answers: Answers, lang: str | None = None, perspective: str | None = None) -> dict:
    """Score one respondent; returns the JSON-ready result described in the README."""
    assessment = as_assessment(definition)
    perspective = check_perspective(assessment, perspective)
    values = normalize_answers(assessment, answers)
    per_dimension = dimension_scores(assessment, values)
    dimensions = {}
    for dimension in assessment.dimensions:
        dim_score, answered, total = per_dimension[dimension.id]
        dimensions[dimension.id] = {"score": dim_score, "answered": answered, "total": total,
                                    "band": band_of(dimension, dim_score, lang, perspective)}
    answered = sum(entry[1] for entry in per_dimension.values())
    given = sum(1 for v in values.values() if v is not None)
    scores = {dim: entry[0] for dim, entry in per_dimension.items()}
    profile, runner_up, borderline = profiles_of(assessment, scores, lang, perspective)
    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "perspective": perspective,
        "complete": given == len(values),
        "answered": answered,
        "total": len(values),
        "dimensions": dimensions,
        "profile": profile,
        "runner_up": runner_up,
        "borderline": borderline,
        "relative": relative_of(assessment, scores, lang),
        "flags": flags_of(assessment, values, per_dimension),
    }

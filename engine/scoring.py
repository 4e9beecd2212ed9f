"""Scoring one respondent: answers in, dimension scores, bands and a profile out.

The rules are the scoring contract of the assessment format (README,
"Scoring"): reversed items are mirrored, a dimension is scored when at least
half of its questions are answered, bands and profiles are first-match.
Standard library only: this module runs in the browser under Pyodide.
"""
from __future__ import annotations

from collections.abc import Mapping

from .errors import AnswerError
from .model import Assessment, Dimension, Profile, parse_assessment
from .text import localize

UNKNOWN = "unknown"

Answers = Mapping[str, "int | str | None"]


def as_assessment(definition) -> Assessment:
    """Accept a validated ``Assessment`` or its plain data (as the browser sends it)."""
    return definition if isinstance(definition, Assessment) else parse_assessment(definition)


def normalize_answers(assessment: Assessment, answers: Answers) -> dict[str, int | None]:
    """Check answers against the assessment; return ``{question id: value or None}`` for every question.

    Missing, ``None`` and ``"unknown"`` mean unanswered. Anything else that is
    not a whole number on the scale, and any id the assessment does not have,
    raises ``AnswerError``.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError(f"antwoorden moeten een lijst van vraag en waarde zijn, niet {type(answers).__name__}")
    index = assessment.question_index
    scale = assessment.scale
    for key in answers:
        if key not in index:
            raise AnswerError(f"onbekende vraag '{key}' in de antwoorden voor '{assessment.id}'")
    values: dict[str, int | None] = {}
    for question in assessment.questions:
        value = answers.get(question.id)
        if value is None or value == UNKNOWN:
            values[question.id] = None
        elif isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise AnswerError(f"antwoord op vraag '{question.id}' moet een geheel getal van {scale.min} "
                              f"tot en met {scale.max} zijn, of leeg; ontvangen: {value!r}")
        else:
            values[question.id] = value
    return values


def dimension_scores(assessment: Assessment, values: Mapping[str, int | None]) -> dict[str, tuple]:
    """``{dimension id: (score or None, answered, total)}`` for normalized values.

    Score = round(100 * (weighted mean - min) / (max - min), 1) over the answered
    questions, provided ``answered * 2 >= total``. This is the hot loop of team
    aggregation, so it works on plain tuples.
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
            if v is None:
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


def band_of(dimension: Dimension, score: float | None, lang: str | None = None) -> dict | None:
    """The first band with ``score <= upto``, as JSON-ready data; ``None`` for no score."""
    if score is None:
        return None
    for index, band in enumerate(dimension.bands):
        if score <= band.upto:
            return {"index": index, "label": localize(band.label, lang),
                    "advice": localize(band.advice, lang), "links": list(band.links)}
    return None


def band_index(dimension: Dimension, score: float | None) -> int | None:
    if score is None:
        return None
    for index, band in enumerate(dimension.bands):
        if score <= band.upto:
            return index
    return None


def profile_of(assessment: Assessment, scores: Mapping[str, float | None], lang: str | None = None) -> dict | None:
    """The first profile all of whose conditions hold, as JSON-ready data; ``None`` if none holds."""
    profile: Profile
    for profile in assessment.profiles:
        if profile.holds(scores):
            return {"id": profile.id, "title": localize(profile.title, lang),
                    "text": localize(profile.text, lang), "links": list(profile.links)}
    return None


def score(definition, answers: Answers, lang: str | None = None) -> dict:
    """Score one respondent; returns the JSON-ready result described in the README."""
    assessment = as_assessment(definition)
    values = normalize_answers(assessment, answers)
    per_dimension = dimension_scores(assessment, values)
    dimensions = {}
    for dimension in assessment.dimensions:
        dim_score, answered, total = per_dimension[dimension.id]
        dimensions[dimension.id] = {"score": dim_score, "answered": answered, "total": total,
                                    "band": band_of(dimension, dim_score, lang)}
    answered = sum(1 for v in values.values() if v is not None)
    scores = {dim: entry[0] for dim, entry in per_dimension.items()}
    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "complete": answered == len(values),
        "answered": answered,
        "total": len(values),
        "dimensions": dimensions,
        "profile": profile_of(assessment, scores, lang),
    }

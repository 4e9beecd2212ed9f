"""The assessment model and its validation from plain data.

``parse_assessment`` takes the data of one assessment (as PyYAML or JSON gives
it) and returns an immutable ``Assessment``, or raises ``AssessmentError`` with
*every* problem it found, each tied to a path in the data. It knows nothing of
files: the YAML loader maps the paths to line numbers and adds the checks that
need the file system (file name, links).

This module runs in the browser too, so it imports only the standard library.
"""
from __future__ import annotations

import difflib
import itertools
import math
import posixpath
import re
from dataclasses import dataclass, field

from .errors import AssessmentError, Problem
from .text import Text

ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")
AUDIENCES = ("individual", "team", "organisation")

TOP_KEYS = ("id", "version", "title", "audience", "intro", "min_group", "min_group_items", "scale", "perspective",
            "dimensions", "questions", "profile_rule", "borderline_margin", "relative", "profiles", "reflection")
SCALE_KEYS = ("min", "max", "labels", "unknown")
PERSPECTIVE_KEYS = ("text", "options")
OPTION_KEYS = ("id", "label")
REFLECTION_KEYS = ("id", "text")
DIMENSION_KEYS = ("id", "title", "description", "bands")
BAND_KEYS = ("upto", "label", "advice", "advice_by_perspective", "links")
QUESTION_KEYS = ("id", "text", "dimension", "reverse", "weight", "not_applicable")
PROFILE_KEYS = ("id", "title", "when", "prototype", "outcome", "text", "text_by_perspective", "links")
BOUND_KEYS = ("min", "max")
RELATIVE_KEYS = ("behind", "balanced_range", "margin", "levels")
LEVEL_KEYS = ("id", "upto", "label")
OUTCOME_KEYS = ("behind", "balanced", "level")

# Team figures need at least this many members: the privacy page promises it, and below it one
# member's scores can be worked out from a mean and the facilitator's own answers.
MIN_GROUP = 3
DEFAULT_MIN_GROUP_ITEMS = 5

# How a profile is chosen (README, "Scoren"): the first whose conditions hold, the nearest
# prototype (Euclidean distance over the prototype's dimensions), or the outcome of the relative
# rule (each dimension against the respondent's own mean of all dimensions).
FIRST_MATCH, NEAREST, RELATIVE = "first-match", "nearest", "relative"
PROFILE_RULES = (FIRST_MATCH, NEAREST, RELATIVE)
DEFAULT_BORDERLINE_MARGIN = 10
DEFAULT_RELATIVE_MARGIN = 5  # relative: borderline within this many points of a cut-off
MIN_PERSPECTIVE_OPTIONS, MAX_PERSPECTIVE_OPTIONS = 2, 8  # a result code holds the choice as one small digit
MAX_REFLECTION_PROMPTS = 5

MAX_VERSION = 255       # a result code holds the version in 8 bits (engine/codes.py)
MAX_SCALE_VALUE = 1000  # scale ends, and weights, stay small enough that every score is a finite number
MAX_WEIGHT = 1000
# Past this many problems the rest are only counted, and "did you mean" stops looking: a
# file of 25,000 unknown keys is refused about as fast as one with a single typo.
MAX_PROBLEMS = 200
MAX_SUGGEST_OPTIONS = 50
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    labels: dict[int, Text]
    unknown: Text | None = None

    @property
    def values(self) -> range:
        return range(self.min, self.max + 1)


@dataclass(frozen=True)
class Band:
    upto: float
    label: Text
    advice: Text | None = None
    links: tuple[str, ...] = ()
    # Advice written for one perspective (option id -> Markdown); ``advice`` for everyone else.
    advice_by_perspective: dict[str, Text] = field(default_factory=dict)


@dataclass(frozen=True)
class Dimension:
    id: str
    title: Text
    bands: tuple[Band, ...]
    description: Text | None = None


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    dimension: str
    reverse: bool = False
    weight: float = 1
    # The label of the extra choice "niet van toepassing" (answer "n/a"), if this question has it.
    not_applicable: Text | None = None


@dataclass(frozen=True)
class Bounds:
    """Inclusive bounds on one dimension score; a missing side is open."""

    min: float | None = None
    max: float | None = None

    def holds(self, score: float | None) -> bool:
        if score is None:
            return False
        return (self.min is None or score >= self.min) and (self.max is None or score <= self.max)


@dataclass(frozen=True)
class Profile:
    id: str
    when: dict[str, Bounds]
    title: Text | None = None
    text: Text | None = None
    links: tuple[str, ...] = ()
    # With profile_rule "nearest": the profile's typical score per dimension (``when`` is then empty).
    prototype: dict[str, float] | None = None
    # With profile_rule "relative": the outcome this profile stands for (``when`` is then empty).
    outcome: Outcome | None = None
    text_by_perspective: dict[str, Text] = field(default_factory=dict)

    def holds(self, scores: dict[str, float | None]) -> bool:
        return all(bounds.holds(scores.get(dim)) for dim, bounds in self.when.items())


@dataclass(frozen=True)
class Level:
    """One band of the mean of all dimensions (profile_rule: relative): the first with ``mean <= upto``."""

    id: str
    upto: float
    label: Text


@dataclass(frozen=True)
class RelativeRule:
    """The cut-offs of profile_rule: relative, all in score points (README, "Scoren").

    A dimension is *behind* when it is at least ``behind`` below the respondent's own mean
    of all dimensions; the scores are *balanced* when highest minus lowest is below
    ``balanced_range``; the *level* is the band of the mean. A result within ``margin``
    of one of these cut-offs is borderline.
    """

    behind: float
    balanced_range: float
    levels: tuple[Level, ...]
    margin: float = DEFAULT_RELATIVE_MARGIN

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)


@dataclass(frozen=True)
class Outcome:
    """The outcomes of the relative rule a profile stands for (``None``: any).

    Either one dimension behind (``behind``), or no dimension behind with ``balanced``
    and/or ``level`` as given (neither: no dimension behind, any balance and level). The
    first profile whose outcome holds is chosen.
    """

    behind: str | None = None
    balanced: bool | None = None
    level: str | None = None

    def holds(self, behind: str | None, balanced: bool, level: str) -> bool:
        if self.behind is not None or behind is not None:
            return self.behind == behind
        return (self.balanced is None or self.balanced == balanced) and (self.level is None or self.level == level)

    def as_data(self) -> dict:
        return {k: v for k, v in (("behind", self.behind), ("balanced", self.balanced), ("level", self.level))
                if v is not None}


@dataclass(frozen=True)
class PerspectiveOption:
    id: str
    label: Text


@dataclass(frozen=True)
class Perspective:
    """One choice asked before the questions (where the respondent stands); it picks the advice."""

    text: Text
    options: tuple[PerspectiveOption, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)


@dataclass(frozen=True)
class ReflectionPrompt:
    """An open question at the end; its answer stays on the device and never reaches the engine."""

    id: str
    text: Text


@dataclass(frozen=True)
class Assessment:
    id: str
    version: int
    title: Text
    audience: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    profiles: tuple[Profile, ...] = ()
    intro: Text | None = None
    min_group: int = MIN_GROUP
    # Per-question figures (answer counts, "Om te bespreken") appear only from this many members:
    # with fewer, one member's answers can be read off the counts (engine/team.py).
    min_group_items: int = DEFAULT_MIN_GROUP_ITEMS
    profile_rule: str = FIRST_MATCH
    borderline_margin: float = DEFAULT_BORDERLINE_MARGIN
    # With profile_rule "relative": its cut-offs (README, "Scoren").
    relative: RelativeRule | None = None
    perspective: Perspective | None = None
    reflection: tuple[ReflectionPrompt, ...] = ()
    # Derived once, so that scoring a thousand members stays a tight loop.
    question_index: dict[str, Question] = field(init=False, repr=False, compare=False)
    questions_by_dimension: dict[str, tuple[Question, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "question_index", {q.id: q for q in self.questions})
        grouped: dict[str, list[Question]] = {d.id: [] for d in self.dimensions}
        for q in self.questions:
            if q.dimension in grouped:
                grouped[q.dimension].append(q)
        object.__setattr__(self, "questions_by_dimension", {d: tuple(qs) for d, qs in grouped.items()})


def parse_assessment(data: object) -> Assessment:
    """Validate plain data and build an ``Assessment``; raise ``AssessmentError`` listing every problem."""
    checker = _Checker()
    assessment = checker.assessment(data)
    if checker.problems:
        if checker.unlisted:
            checker.problems.append(Problem((), f"{checker.unlisted} more problem(s) not listed; "
                                                f"fix the ones above and validate again"))
        raise AssessmentError(checker.problems)
    return assessment


def to_data(assessment: Assessment) -> dict:
    """The plain, JSON-ready form of a validated assessment (what the browser receives).

    ``parse_assessment(to_data(a)) == a`` holds; defaults are written out so the
    browser never has to know them. A profile has ``when`` (first-match),
    ``prototype`` (nearest) or ``outcome`` (relative), never two; ``borderline_margin``
    comes only with nearest, ``relative`` only with relative.
    """
    nearest = assessment.profile_rule == NEAREST
    relative = assessment.relative if assessment.profile_rule == RELATIVE else None
    perspective = assessment.perspective
    data = {
        "id": assessment.id,
        "version": assessment.version,
        "title": assessment.title,
        "audience": assessment.audience,
        "intro": assessment.intro,
        "min_group": assessment.min_group,
        "min_group_items": assessment.min_group_items,
        "scale": {
            "min": assessment.scale.min,
            "max": assessment.scale.max,
            "labels": {str(k): v for k, v in assessment.scale.labels.items()},
            "unknown": assessment.scale.unknown,
        },
        "perspective": None if perspective is None else {
            "text": perspective.text,
            "options": [{"id": o.id, "label": o.label} for o in perspective.options],
        },
        "dimensions": [
            {
                "id": d.id,
                "title": d.title,
                "description": d.description,
                "bands": [
                    {"upto": b.upto, "label": b.label, "advice": b.advice,
                     "advice_by_perspective": dict(b.advice_by_perspective), "links": list(b.links)}
                    for b in d.bands
                ],
            }
            for d in assessment.dimensions
        ],
        "questions": [
            {"id": q.id, "text": q.text, "dimension": q.dimension, "reverse": q.reverse, "weight": q.weight,
             "not_applicable": q.not_applicable}
            for q in assessment.questions
        ],
        "profile_rule": assessment.profile_rule,
        "profiles": [
            {
                "id": p.id,
                "title": p.title,
                **({"prototype": dict(p.prototype or {})} if nearest else
                   {"outcome": p.outcome.as_data() if p.outcome else {}} if relative else
                   {"when": {dim: {k: v for k, v in (("min", b.min), ("max", b.max)) if v is not None}
                             for dim, b in p.when.items()}}),
                "text": p.text,
                "text_by_perspective": dict(p.text_by_perspective),
                "links": list(p.links),
            }
            for p in assessment.profiles
        ],
        "reflection": [{"id": r.id, "text": r.text} for r in assessment.reflection],
    }
    if nearest:
        data["borderline_margin"] = assessment.borderline_margin
    if relative is not None:
        data["relative"] = {"behind": relative.behind, "balanced_range": relative.balanced_range,
                            "margin": relative.margin,
                            "levels": [{"id": lv.id, "upto": lv.upto, "label": lv.label} for lv in relative.levels]}
    return data


def _describe(value: object) -> str:
    """How a received value is named in a message: its type and, if short, the value."""
    kinds = {bool: "a yes/no value", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a mapping", type(None): "nothing"}
    kind = kinds.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)) or (isinstance(value, str) and len(value) > 38) or _huge(value):
        return kind  # (before repr: a large value would be written out only to be dropped)
    shown = repr(value)
    if len(shown) > 40:
        return kind
    return f"{kind} ({shown})"


def _huge(value) -> bool:
    return isinstance(value, int) and abs(value) >= 10 ** 30


def _number(value) -> str:
    """A number as a message shows it (not all 4,000 digits of a hostile one, which ``str`` refuses past 4,300)."""
    return "a number of more than 30 digits" if _huge(value) else str(value)


def _listing(names, shown: int = 20) -> str:
    """Names for a message, at most ``shown`` of them (a message per question must not list 5,000)."""
    more = f", ... ({len(names)} in all)" if len(names) > shown else ""
    return ", ".join(itertools.islice(names, shown)) + more


def _outside_content(link: str) -> bool:
    """Whether a link could reach outside content/: absolute, a scheme or drive, a backslash, or climbing out."""
    page = link.split("#", 1)[0]
    return (page.startswith("/") or "\\" in page or bool(_SCHEME.match(page))
            or any(ord(c) < 0x20 or ord(c) == 0x7F for c in page)
            or posixpath.normpath(page or ".").split("/")[0] == "..")


class _Checker:
    """Walks the data once, building the model and collecting problems instead of stopping."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.unlisted = 0
        self.perspective_given = False
        self.perspective_ids: tuple[str, ...] | None = None

    def problem(self, path: tuple, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(path, message))
        else:
            self.unlisted += 1

    def suggest(self, word, options) -> str:
        """``; did you mean 'x'?`` for a close option, while problems are still being listed."""
        if len(self.problems) >= MAX_PROBLEMS or len(options) > MAX_SUGGEST_OPTIONS:
            return ""
        close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else ""

    # -- generic field checks -------------------------------------------------

    def mapping(self, value, path, allowed, required, what) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected {what} as a mapping (key: value), received {_describe(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.problem(path + (key,), f"unknown key '{key}' in {what}{self.suggest(key, allowed)}"
                             f" (allowed: {', '.join(allowed)})")
        for key in required:
            if key not in value:
                self.problem(path, f"{what} is missing the required key '{key}'")
        return value

    def identifier(self, value, path, what) -> str | None:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(path, f"expected {what} made of a-z, 0-9 and '-', received {_describe(value)}")
            return None
        return value

    def text(self, value, path, what, required=True) -> Text | None:
        if value is None and not required:
            return None
        if isinstance(value, str):
            if not value.strip():
                self.problem(path, f"{what} is empty")
            return value
        if isinstance(value, dict) and value:
            good = True
            for lang, item in value.items():
                if not isinstance(lang, str) or not LANGUAGE_PATTERN.match(lang):
                    self.problem(path + (lang,), f"expected a language code such as 'nl' or 'en' in {what}, "
                                                 f"received {_describe(lang)}")
                    good = False
                elif not isinstance(item, str) or not item.strip():
                    self.problem(path + (lang,), f"expected text for {what} in '{lang}', received {_describe(item)}")
                    good = False
            return dict(value) if good else None
        self.problem(path, f"expected {what} as text or as a mapping of language to text, received {_describe(value)}")
        return None

    def integer(self, value, path, what, minimum=None, maximum=None, why="") -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, f"expected {what} as a whole number, received {_describe(value)}")
            return None
        if minimum is not None and value < minimum:
            self.problem(path, f"expected {what} of at least {minimum}, received {_number(value)}")
            return None
        if maximum is not None and value > maximum:
            self.problem(path, f"expected {what} of at most {maximum}{why}, received {_number(value)}")
            return None
        return value

    def number(self, value, path, what) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, f"expected {what} as a number, received {_describe(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            # .inf and .nan are YAML numbers, but a score made with them is not (NaN is not even JSON)
            self.problem(path, f"expected {what} as a finite number, received {value}")
            return None
        return value

    def links(self, value, path) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(path, f"expected links as a list of page paths, received {_describe(value)}")
            return ()
        good = []
        for i, link in enumerate(value):
            if not isinstance(link, str) or not link.strip():
                self.problem(path + (i,), f"expected a page path such as 'wendbaar-werken/teamfasen.md', "
                                          f"received {_describe(link)}")
            elif _outside_content(link):
                self.problem(path + (i,), f"expected a page path inside content/ (relative, with '/', "
                                          f"not climbing out with '..'), received '{link}'")
            else:
                good.append(link)
        return tuple(good)

    def unique(self, items, path, what) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item is None:
                continue
            if item in seen:
                self.problem(path + (i, "id"), f"duplicate {what} id '{item}' (also at position {seen[item] + 1})")
            else:
                seen[item] = i

    def sequence(self, value, path, what) -> list:
        if not isinstance(value, list) or not value:
            self.problem(path, f"expected {what} as a non-empty list, received {_describe(value)}")
            return []
        return value

    # -- the parts of an assessment --------------------------------------------

    def assessment(self, data) -> Assessment | None:
        top = self.mapping(data, (), TOP_KEYS, ("id", "version", "title", "audience", "scale",
                                                "dimensions", "questions"), "the assessment")
        if top is None:
            return None
        ident = self.identifier(top.get("id"), ("id",), "an id") if "id" in top else None
        version = self.integer(top.get("version"), ("version",), "version", 1, MAX_VERSION,
                               " (a result code holds the version in 8 bits)") if "version" in top else None
        title = self.text(top.get("title"), ("title",), "the title") if "title" in top else None
        audience = top.get("audience")
        if "audience" in top and audience not in AUDIENCES:
            self.problem(("audience",), f"expected one of: {', '.join(AUDIENCES)}, "
                                        f"received {_describe(audience)}{self.suggest(audience, AUDIENCES)}")
        intro = self.text(top.get("intro"), ("intro",), "the intro", required=False)
        min_group = MIN_GROUP
        if "min_group" in top:
            # fewer than three members: one member's scores follow from a mean and one's own answers
            min_group = self.integer(top["min_group"], ("min_group",), "min_group", MIN_GROUP) or MIN_GROUP
        min_group_items = max(DEFAULT_MIN_GROUP_ITEMS, min_group)
        if "min_group_items" in top:
            min_group_items = self.integer(top["min_group_items"], ("min_group_items",), "min_group_items",
                                           min_group) or min_group_items
        scale = self.scale(top["scale"]) if "scale" in top else None
        perspective = self.perspective(top.get("perspective"))
        rule = top.get("profile_rule", FIRST_MATCH)
        if rule not in PROFILE_RULES:
            self.problem(("profile_rule",), f"expected profile_rule as one of: {', '.join(PROFILE_RULES)}, "
                                            f"received {_describe(rule)}{self.suggest(rule, PROFILE_RULES)}")
            rule = None  # then neither when nor prototype is required or refused
        margin = self.borderline_margin(top, rule)
        dimensions = [self.dimension(d, ("dimensions", i))
                      for i, d in enumerate(self.sequence(top.get("dimensions"), ("dimensions",), "dimensions"))] \
            if "dimensions" in top else []
        dim_ids = [d.id if d else None for d in dimensions]
        self.unique(dim_ids, ("dimensions",), "dimension")
        known = dict.fromkeys(d for d in dim_ids if d)  # ordered, and a lookup per question stays O(1)
        questions = [self.question(q, ("questions", i), known)
                     for i, q in enumerate(self.sequence(top.get("questions"), ("questions",), "questions"))] \
            if "questions" in top else []
        self.unique([q.id if q else None for q in questions], ("questions",), "question")
        used = {q.dimension for q in questions if q}
        for i, d in enumerate(dimensions):
            if d and questions and d.id not in used:
                self.problem(("dimensions", i, "id"), f"dimension '{d.id}' has no questions")
        relative = self.relative(top, rule, known)
        profiles = []
        if "profiles" in top and top["profiles"] is not None:
            raw = top["profiles"]
            if not isinstance(raw, list):
                self.problem(("profiles",), f"expected profiles as a list, received {_describe(raw)}")
            else:
                profiles = [self.profile(p, ("profiles", i), known, rule, relative) for i, p in enumerate(raw)]
                self.unique([p.id if p else None for p in profiles], ("profiles",), "profile")
                self.same_prototype_dimensions(profiles, known)
                if relative is not None:
                    self.every_outcome_covered(profiles, known, relative)
        elif rule == RELATIVE:
            self.problem(("profile_rule",), "profile_rule: relative needs profiles, each with an outcome")
        reflection = self.reflection(top.get("reflection"))
        if self.problems:
            return None
        return Assessment(id=ident, version=version, title=title, audience=audience, scale=scale,
                          dimensions=tuple(dimensions), questions=tuple(questions), profiles=tuple(profiles),
                          intro=intro, min_group=min_group, min_group_items=min_group_items, profile_rule=rule,
                          borderline_margin=margin, relative=relative, perspective=perspective, reflection=reflection)

    def borderline_margin(self, top: dict, rule: str | None) -> float:
        if "borderline_margin" not in top:
            return DEFAULT_BORDERLINE_MARGIN
        path = ("borderline_margin",)
        margin = self.number(top["borderline_margin"], path, "borderline_margin")
        if margin is not None and margin <= 0:
            self.problem(path, f"expected a borderline_margin above 0, received {_number(margin)}")
        elif margin is not None and rule == FIRST_MATCH:
            self.problem(path, "borderline_margin applies only with profile_rule: nearest; "
                               "set profile_rule: nearest or remove it")
        elif margin is not None and rule == RELATIVE:
            self.problem(path, "borderline_margin applies only with profile_rule: nearest; "
                               "with profile_rule: relative, set relative.margin instead")
        return margin if margin is not None and margin > 0 else DEFAULT_BORDERLINE_MARGIN

    # -- profile_rule: relative ----------------------------------------------

    def relative(self, top: dict, rule: str | None, known: dict) -> RelativeRule | None:
        """The ``relative:`` block: only, and always, with ``profile_rule: relative``."""
        path = ("relative",)
        if "relative" not in top:
            if rule == RELATIVE:
                self.problem(("profile_rule",), "profile_rule: relative needs a relative block "
                                                "(behind, balanced_range and levels)")
            return None
        if rule != RELATIVE:
            if rule is not None:
                self.problem(path, f"relative applies only with profile_rule: relative; "
                                   f"set profile_rule: relative or remove it (received profile_rule: {rule})")
            return None
        if known and len(known) < 2:
            self.problem(path, f"profile_rule: relative compares the dimensions with each other; "
                               f"expected at least 2 dimensions, received {len(known)}")
        raw = self.mapping(top["relative"], path, RELATIVE_KEYS, ("behind", "balanced_range", "levels"),
                           "the relative block")
        if raw is None:
            return None
        behind = self.points(raw, "behind", "relative.behind", 100)
        balanced_range = self.points(raw, "balanced_range", "relative.balanced_range", 100)
        margin = self.points(raw, "margin", "relative.margin", 50) if "margin" in raw else DEFAULT_RELATIVE_MARGIN
        levels = self.levels(raw["levels"]) if "levels" in raw else None
        if None in (behind, balanced_range, margin) or not levels:
            return None
        return RelativeRule(behind=behind, balanced_range=balanced_range, levels=levels, margin=margin)

    def points(self, raw: dict, key: str, what: str, maximum: float) -> float | None:
        """A distance in score points: above 0 and at most ``maximum``."""
        if key not in raw:
            return None
        path = ("relative", key)
        value = self.number(raw[key], path, what)
        if value is not None and not 0 < value <= maximum:
            self.problem(path, f"expected {what} above 0 and at most {maximum} score points, "
                               f"received {_number(value)}")
            return None
        return value

    def levels(self, data) -> tuple[Level, ...] | None:
        """The bands of the mean: ordered by ``upto``, the last at 100, ids unique (a profile names them)."""
        path = ("relative", "levels")
        items = self.sequence(data, path, "relative.levels")
        before = len(self.problems) + self.unlisted
        levels, previous = [], None
        for i, item in enumerate(items):
            lpath = path + (i,)
            raw = self.mapping(item, lpath, LEVEL_KEYS, LEVEL_KEYS, "a level")
            if raw is None:
                continue
            ident = self.identifier(raw.get("id"), lpath + ("id",), "a level id") if "id" in raw else None
            label = self.text(raw.get("label"), lpath + ("label",), "the level label") if "label" in raw else None
            upto = self.number(raw.get("upto"), lpath + ("upto",), "upto") if "upto" in raw else None
            if upto is not None:
                if not 0 <= upto <= 100:
                    self.problem(lpath + ("upto",), f"expected upto from 0 to 100, received {_number(upto)}")
                elif previous is not None and upto <= previous:
                    self.problem(lpath + ("upto",), f"levels out of order: expected upto above {previous}, "
                                                    f"received {upto}")
                elif i == len(items) - 1 and upto != 100:
                    self.problem(lpath + ("upto",), f"the last level must end at upto: 100, received {upto}")
                previous = upto if previous is None or upto > previous else previous
            levels.append(Level(ident, upto, label))
        self.unique([lv.id for lv in levels], path, "level")
        if len(self.problems) + self.unlisted > before or not levels:
            return None
        return tuple(levels)

    def outcome(self, data, path, known: dict, relative: RelativeRule | None) -> Outcome | None:
        """A profile's ``outcome``: ``{behind: <dimension>}``, or ``balanced`` and/or ``level``.

        ``{}``: no dimension behind, whatever the balance and level (one profile for "none behind").
        """
        before = len(self.problems) + self.unlisted
        raw = self.mapping(data, path, OUTCOME_KEYS, (), "an outcome")
        if raw is None:
            return None
        behind = raw.get("behind")
        if "behind" in raw:
            if not isinstance(behind, str) or behind not in known:
                self.problem(path + ("behind",), f"outcome behind on unknown dimension {_describe(behind)}"
                                                 f"{self.suggest(behind, known)} (known: {_listing(known)})")
            extra = [k for k in ("balanced", "level") if k in raw]
            if extra:
                self.problem(path + (extra[0],), f"{extra[0]} does not go with behind: a profile for a dimension "
                                                 f"behind holds whatever the balance and level; make a separate "
                                                 f"profile for {extra[0]}")
        balanced = raw.get("balanced")
        if "balanced" in raw and not isinstance(balanced, bool):
            self.problem(path + ("balanced",), f"expected balanced: true or false, received {_describe(balanced)}")
        level = raw.get("level")
        if "level" in raw and relative is not None and level not in relative.level_ids:
            ids = relative.level_ids
            self.problem(path + ("level",), f"unknown level {_describe(level)}{self.suggest(level, ids)} "
                                            f"(levels: {', '.join(ids)})")
        if len(self.problems) + self.unlisted > before:
            return None
        return Outcome(behind=behind, balanced=balanced, level=level)

    def every_outcome_covered(self, profiles: list, known: dict, relative: RelativeRule) -> None:
        """Every outcome of the rule has a profile, and every profile is chosen for some outcome.

        The outcomes: each dimension behind, and with no dimension behind each pair of balanced
        (true, false) and level. The first profile whose outcome holds is chosen.
        """
        if any(p is None or p.outcome is None for p in profiles):
            return  # (already reported)
        cases = [(dim, False, relative.levels[0].id) for dim in known]
        cases += [(None, balanced, level.id) for balanced in (True, False) for level in relative.levels]
        chosen: set[int] = set()
        missing = []
        for behind, balanced, level in cases:
            first = next((i for i, p in enumerate(profiles) if p.outcome.holds(behind, balanced, level)), None)
            if first is None:
                missing.append(f"behind: {behind}" if behind else f"balanced: {str(balanced).lower()}, level: {level}")
            else:
                chosen.add(first)
        if missing:
            self.problem(("profiles",), f"expected a profile for every outcome of profile_rule: relative; "
                                        f"no profile for {_listing(missing, 6)}")
        for i, p in enumerate(profiles):
            if i not in chosen:
                self.problem(("profiles", i, "outcome"), f"profile '{p.id}' is never chosen: the profiles above "
                                                         f"it already cover its outcome")

    def perspective(self, data) -> Perspective | None:
        """The perspective question; remembers its option ids for the ``*_by_perspective`` checks."""
        self.perspective_ids = None  # None: no (valid) perspective to check keys against
        self.perspective_given = data is not None
        if data is None:
            return None
        path = ("perspective",)
        raw = self.mapping(data, path, PERSPECTIVE_KEYS, PERSPECTIVE_KEYS, "the perspective")
        if raw is None:
            return None
        text = self.text(raw.get("text"), path + ("text",), "the perspective text") if "text" in raw else None
        if "options" not in raw:
            return None
        before = len(self.problems) + self.unlisted
        items = raw["options"]
        if not isinstance(items, list):
            self.problem(path + ("options",), f"expected perspective options as a list of "
                                              f"{MIN_PERSPECTIVE_OPTIONS} to {MAX_PERSPECTIVE_OPTIONS} choices "
                                              f"(id and label), received {_describe(items)}")
            return None
        if not MIN_PERSPECTIVE_OPTIONS <= len(items) <= MAX_PERSPECTIVE_OPTIONS:
            self.problem(path + ("options",), f"expected {MIN_PERSPECTIVE_OPTIONS} to {MAX_PERSPECTIVE_OPTIONS} "
                                              f"perspective options, received {len(items)}")
        options = []
        for i, item in enumerate(items[:MAX_PERSPECTIVE_OPTIONS + 1]):
            opath = path + ("options", i)
            oraw = self.mapping(item, opath, OPTION_KEYS, OPTION_KEYS, "a perspective option")
            if oraw is None:
                options.append(None)
                continue
            ident = self.identifier(oraw.get("id"), opath + ("id",), "a perspective option id") \
                if "id" in oraw else None
            label = self.text(oraw.get("label"), opath + ("label",), "the option label") if "label" in oraw else None
            options.append(PerspectiveOption(ident, label) if ident is not None else None)
        self.unique([o.id if o else None for o in options], path + ("options",), "perspective option")
        if len(self.problems) + self.unlisted > before:
            return None  # (and no ids: a key that names a broken option is not reported a second time)
        self.perspective_ids = tuple(o.id for o in options)
        return None if text is None else Perspective(text=text, options=tuple(options))

    def by_perspective(self, data, path, what) -> dict[str, Text]:
        """``advice_by_perspective`` / ``text_by_perspective``: perspective option id -> text."""
        name = path[-1]
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(path, f"expected {name} as a mapping of perspective option id to text, "
                               f"received {_describe(data)}")
            return {}
        if data and not self.perspective_given:
            self.problem(path, f"{name} needs a perspective in the assessment (perspective: text and options)")
            return {}
        out = {}
        for key, value in data.items():
            ids = self.perspective_ids
            if ids is not None and key not in ids:
                self.problem(path + (key,), f"unknown perspective option {_describe(key)} in {name}"
                                            f"{self.suggest(key, ids)} (options: {', '.join(ids)})")
                continue
            checked = self.text(value, path + (key,), f"{what} for '{key}'")
            if checked is not None:
                out[key] = checked
        return out

    def reflection(self, data) -> tuple[ReflectionPrompt, ...]:
        path = ("reflection",)
        if data is None:
            return ()
        if not isinstance(data, list):
            self.problem(path, f"expected reflection as a list of open questions (id and text), "
                               f"received {_describe(data)}")
            return ()
        if len(data) > MAX_REFLECTION_PROMPTS:
            self.problem(path, f"expected at most {MAX_REFLECTION_PROMPTS} reflection prompts, received {len(data)}")
        prompts = []
        for i, item in enumerate(data[:MAX_REFLECTION_PROMPTS + 1]):
            rpath = path + (i,)
            raw = self.mapping(item, rpath, REFLECTION_KEYS, REFLECTION_KEYS, "a reflection prompt")
            if raw is None:
                prompts.append(None)
                continue
            ident = self.identifier(raw.get("id"), rpath + ("id",), "a reflection prompt id") if "id" in raw else None
            text = self.text(raw.get("text"), rpath + ("text",), "the reflection text") if "text" in raw else None
            prompts.append(ReflectionPrompt(ident, text) if ident is not None else None)
        self.unique([p.id if p else None for p in prompts], path, "reflection prompt")
        return tuple(p for p in prompts if p is not None)

    def same_prototype_dimensions(self, profiles: list, known: dict) -> None:
        """Every prototype over the same dimensions: a distance over two dimensions is not comparable to one over three."""
        first = None
        for i, p in enumerate(profiles):
            if p is None or not p.prototype:
                continue
            dims = [d for d in known if d in p.prototype]
            if first is None:
                first = (p.id, dims)
            elif dims != first[1]:
                self.problem(("profiles", i, "prototype"),
                             f"expected a prototype over the same dimensions as profile '{first[0]}' "
                             f"({', '.join(first[1])}), received {', '.join(dims)}; "
                             f"distances over different dimensions cannot be compared")

    def scale(self, data) -> Scale | None:
        path = ("scale",)
        raw = self.mapping(data, path, SCALE_KEYS, ("min", "max", "labels"), "the scale")
        if raw is None:
            return None
        low = self.integer(raw.get("min"), path + ("min",), "scale.min", -MAX_SCALE_VALUE, MAX_SCALE_VALUE) \
            if "min" in raw else None
        high = self.integer(raw.get("max"), path + ("max",), "scale.max", -MAX_SCALE_VALUE, MAX_SCALE_VALUE) \
            if "max" in raw else None
        if low is not None and high is not None and not low < high:
            self.problem(path + ("max",), f"expected scale.max above scale.min ({low}), received {high}")
            return None
        if low is not None and high is not None and high - low > 20:
            self.problem(path + ("max",), f"expected a scale of at most 21 points, received {high - low + 1}")
            return None
        labels: dict[int, Text] = {}
        raw_labels = raw.get("labels")
        if "labels" in raw:
            if not isinstance(raw_labels, dict):
                self.problem(path + ("labels",), f"expected labels as a mapping of value to text, "
                                                 f"received {_describe(raw_labels)}")
            else:
                for key, label in raw_labels.items():
                    value = key if isinstance(key, int) and not isinstance(key, bool) else None
                    if isinstance(key, str) and re.fullmatch(r"-?\d+", key.strip()):
                        value = int(key)
                    if value is None or (low is not None and high is not None and not low <= value <= high):
                        self.problem(path + ("labels", key), f"expected a label key from {low} to {high}, "
                                                             f"received {_describe(key)}")
                        continue
                    text = self.text(label, path + ("labels", key), f"the label of {value}")
                    if text is not None:
                        labels[value] = text
                if low is not None and high is not None:
                    missing = [v for v in range(low, high + 1) if v not in labels and v not in
                               {int(k) if isinstance(k, str) and re.fullmatch(r"-?\d+", k.strip()) else k
                                for k in raw_labels}]
                    if missing:
                        self.problem(path + ("labels",), "every scale value needs a label; missing: "
                                                         + ", ".join(str(v) for v in missing))
        unknown = self.text(raw.get("unknown"), path + ("unknown",), "scale.unknown", required=False)
        if low is None or high is None:
            return None
        return Scale(min=low, max=high, labels=dict(sorted(labels.items())), unknown=unknown)

    def dimension(self, data, path) -> Dimension | None:
        raw = self.mapping(data, path, DIMENSION_KEYS, ("id", "title", "bands"), "a dimension")
        if raw is None:
            return None
        ident = self.identifier(raw.get("id"), path + ("id",), "a dimension id") if "id" in raw else None
        title = self.text(raw.get("title"), path + ("title",), "the dimension title") if "title" in raw else None
        description = self.text(raw.get("description"), path + ("description",), "the description", required=False)
        bands = []
        if "bands" in raw:
            previous = None
            items = self.sequence(raw["bands"], path + ("bands",), "bands")
            for i, item in enumerate(items):
                bpath = path + ("bands", i)
                braw = self.mapping(item, bpath, BAND_KEYS, ("upto", "label"), "a band")
                if braw is None:
                    continue
                upto = self.number(braw.get("upto"), bpath + ("upto",), "upto") if "upto" in braw else None
                if upto is not None:
                    if not 0 <= upto <= 100:
                        self.problem(bpath + ("upto",), f"expected upto from 0 to 100, received {_number(upto)}")
                    elif previous is not None and upto <= previous:
                        self.problem(bpath + ("upto",), f"bands out of order: expected upto above {previous}, "
                                                        f"received {upto}")
                    previous = upto if previous is None or upto > previous else previous
                    if i == len(items) - 1 and upto != 100:
                        self.problem(bpath + ("upto",), f"the last band must end at upto: 100, received {_number(upto)}")
                label = self.text(braw.get("label"), bpath + ("label",), "the band label") if "label" in braw else None
                advice = self.text(braw.get("advice"), bpath + ("advice",), "the advice", required=False)
                by_perspective = self.by_perspective(braw.get("advice_by_perspective"),
                                                     bpath + ("advice_by_perspective",), "the advice")
                links = self.links(braw.get("links"), bpath + ("links",))
                bands.append(Band(upto=upto, label=label, advice=advice, links=links,
                                  advice_by_perspective=by_perspective))
        if ident is None:
            return None
        return Dimension(id=ident, title=title, bands=tuple(bands), description=description)

    def question(self, data, path, known: dict) -> Question | None:
        raw = self.mapping(data, path, QUESTION_KEYS, ("id", "text", "dimension"), "a question")
        if raw is None:
            return None
        ident = self.identifier(raw.get("id"), path + ("id",), "a question id") if "id" in raw else None
        text = self.text(raw.get("text"), path + ("text",), "the question text") if "text" in raw else None
        dimension = raw.get("dimension")
        if "dimension" in raw and (not isinstance(dimension, str) or dimension not in known):
            self.problem(path + ("dimension",), f"unknown dimension {_describe(dimension)}"
                                                f"{self.suggest(dimension, known)} (known: {_listing(known)})")
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            self.problem(path + ("reverse",), f"expected reverse: true or false, received {_describe(reverse)}")
        weight = raw.get("weight", 1)
        if "weight" in raw:
            checked = self.number(weight, path + ("weight",), "weight")
            if checked is not None and checked <= 0:
                self.problem(path + ("weight",), f"expected a weight above 0, received {_number(checked)}")
            elif checked is not None and checked > MAX_WEIGHT:
                self.problem(path + ("weight",), f"expected a weight of at most {MAX_WEIGHT}, "
                                                 f"received {_number(checked)}")
        not_applicable = self.text(raw.get("not_applicable"), path + ("not_applicable",),
                                   "the not_applicable label", required=False)
        if ident is None:
            return None
        return Question(id=ident, text=text, dimension=dimension, reverse=reverse is True, weight=weight,
                        not_applicable=not_applicable)

    def profile(self, data, path, known: dict, rule: str | None, relative: RelativeRule | None = None) \
            -> Profile | None:
        required = {FIRST_MATCH: ("id", "when"), NEAREST: ("id", "prototype"),
                    RELATIVE: ("id", "outcome")}.get(rule, ("id",))
        raw = self.mapping(data, path, PROFILE_KEYS, required, "a profile")
        if raw is None:
            return None
        ident = self.identifier(raw.get("id"), path + ("id",), "a profile id") if "id" in raw else None
        title = self.text(raw.get("title"), path + ("title",), "the profile title", required=False)
        text = self.text(raw.get("text"), path + ("text",), "the profile text", required=False)
        by_perspective = self.by_perspective(raw.get("text_by_perspective"), path + ("text_by_perspective",),
                                             "the profile text")
        links = self.links(raw.get("links"), path + ("links",))
        if rule == NEAREST and "when" in raw:
            self.problem(path + ("when",), "when is not used with profile_rule: nearest; "
                                           "give the profile a prototype instead")
        if rule == FIRST_MATCH and "prototype" in raw:
            self.problem(path + ("prototype",), "prototype is only used with profile_rule: nearest; "
                                                "use when here, or set profile_rule: nearest")
        if rule == RELATIVE:
            for key in ("when", "prototype"):
                if key in raw:
                    self.problem(path + (key,), f"{key} is not used with profile_rule: relative; "
                                                f"give the profile an outcome instead")
        elif rule is not None and "outcome" in raw:
            self.problem(path + ("outcome",), f"outcome is only used with profile_rule: relative; "
                                              f"use {'when' if rule == FIRST_MATCH else 'prototype'} here, "
                                              f"or set profile_rule: relative")
        outcome = self.outcome(raw["outcome"], path + ("outcome",), known, relative) \
            if "outcome" in raw and rule == RELATIVE else None
        prototype = self.prototype(raw["prototype"], path + ("prototype",), known) \
            if "prototype" in raw and rule != RELATIVE else None
        when: dict[str, Bounds] = {}
        raw_when = raw.get("when")
        if "when" in raw and rule != RELATIVE:
            if raw_when is None:
                raw_when = {}
            if not isinstance(raw_when, dict):
                self.problem(path + ("when",), f"expected when as a mapping of dimension to bounds "
                                               f"(or {{}} for always), received {_describe(raw_when)}")
                raw_when = {}
            for dim, bounds in raw_when.items():
                wpath = path + ("when", dim)
                if dim not in known:
                    self.problem(wpath, f"condition on unknown dimension '{dim}'{self.suggest(dim, known)} "
                                        f"(known: {_listing(known)})")
                    continue
                braw = self.mapping(bounds, wpath, BOUND_KEYS, (), f"the condition on '{dim}'")
                if braw is None:
                    continue
                if not braw:
                    self.problem(wpath, f"the condition on '{dim}' needs min, max or both")
                    continue
                values = {}
                for side in BOUND_KEYS:
                    if side in braw:
                        v = self.number(braw[side], wpath + (side,), f"{side}")
                        if v is not None and not 0 <= v <= 100:
                            self.problem(wpath + (side,), f"expected {side} from 0 to 100, received {_number(v)}")
                        values[side] = v
                if values.get("min") is not None and values.get("max") is not None \
                        and values["min"] > values["max"]:
                    self.problem(wpath, f"min ({values['min']}) is above max ({values['max']}): "
                                        f"this condition can never hold")
                when[dim] = Bounds(values.get("min"), values.get("max"))
        if ident is None:
            return None
        return Profile(id=ident, when=when, title=title, text=text, links=links,
                       prototype=prototype if rule == NEAREST else None,
                       outcome=outcome if rule == RELATIVE else None, text_by_perspective=by_perspective)

    def prototype(self, data, path, known: dict) -> dict[str, float] | None:
        """A profile's typical score per dimension (0-100), in the order of the dimensions."""
        if not isinstance(data, dict):
            self.problem(path, f"expected prototype as a mapping of dimension to score (0-100), "
                               f"received {_describe(data)}")
            return None
        if not data:
            self.problem(path, "a prototype needs a score on at least one dimension")
            return None
        scores = {}
        before = len(self.problems) + self.unlisted
        for dim, value in data.items():
            if dim not in known:
                self.problem(path + (dim,), f"prototype on unknown dimension {_describe(dim)}"
                                            f"{self.suggest(dim, known)} (known: {_listing(known)})")
                continue
            number = self.number(value, path + (dim,), f"the prototype score of '{dim}'")
            if number is not None and not 0 <= number <= 100:
                self.problem(path + (dim,), f"expected the prototype score of '{dim}' from 0 to 100, "
                                            f"received {_number(number)}")
            elif number is not None:
                scores[dim] = number
        if len(self.problems) + self.unlisted > before:
            return None  # (so that a typo is not reported a second time as a different set of dimensions)
        return {dim: scores[dim] for dim in known if dim in scores}

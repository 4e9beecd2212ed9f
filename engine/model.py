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
import re
from dataclasses import dataclass, field

from .errors import AssessmentError, Problem
from .text import Text

ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")
AUDIENCES = ("individual", "team", "organisation")

TOP_KEYS = ("id", "version", "title", "audience", "intro", "min_group", "scale",
            "dimensions", "questions", "profiles")
SCALE_KEYS = ("min", "max", "labels", "unknown")
DIMENSION_KEYS = ("id", "title", "description", "bands")
BAND_KEYS = ("upto", "label", "advice", "links")
QUESTION_KEYS = ("id", "text", "dimension", "reverse", "weight")
PROFILE_KEYS = ("id", "title", "when", "text", "links")
BOUND_KEYS = ("min", "max")


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

    def holds(self, scores: dict[str, float | None]) -> bool:
        return all(bounds.holds(scores.get(dim)) for dim, bounds in self.when.items())


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
    min_group: int = 3
    # Derived once, so that scoring a thousand members stays a tight loop.
    question_index: dict[str, Question] = field(init=False, repr=False, compare=False)
    questions_by_dimension: dict[str, tuple[Question, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "question_index", {q.id: q for q in self.questions})
        grouped = {d.id: tuple(q for q in self.questions if q.dimension == d.id) for d in self.dimensions}
        object.__setattr__(self, "questions_by_dimension", grouped)


def parse_assessment(data: object) -> Assessment:
    """Validate plain data and build an ``Assessment``; raise ``AssessmentError`` listing every problem."""
    checker = _Checker()
    assessment = checker.assessment(data)
    if checker.problems:
        raise AssessmentError(checker.problems)
    return assessment


def to_data(assessment: Assessment) -> dict:
    """The plain, JSON-ready form of a validated assessment (what the browser receives).

    ``parse_assessment(to_data(a)) == a`` holds; defaults are written out so the
    browser never has to know them.
    """
    return {
        "id": assessment.id,
        "version": assessment.version,
        "title": assessment.title,
        "audience": assessment.audience,
        "intro": assessment.intro,
        "min_group": assessment.min_group,
        "scale": {
            "min": assessment.scale.min,
            "max": assessment.scale.max,
            "labels": {str(k): v for k, v in assessment.scale.labels.items()},
            "unknown": assessment.scale.unknown,
        },
        "dimensions": [
            {
                "id": d.id,
                "title": d.title,
                "description": d.description,
                "bands": [
                    {"upto": b.upto, "label": b.label, "advice": b.advice, "links": list(b.links)}
                    for b in d.bands
                ],
            }
            for d in assessment.dimensions
        ],
        "questions": [
            {"id": q.id, "text": q.text, "dimension": q.dimension, "reverse": q.reverse, "weight": q.weight}
            for q in assessment.questions
        ],
        "profiles": [
            {
                "id": p.id,
                "title": p.title,
                "when": {dim: {k: v for k, v in (("min", b.min), ("max", b.max)) if v is not None}
                         for dim, b in p.when.items()},
                "text": p.text,
                "links": list(p.links),
            }
            for p in assessment.profiles
        ],
    }


def _describe(value: object) -> str:
    """How a received value is named in a message: its type and, if short, the value."""
    kinds = {bool: "a yes/no value", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a mapping", type(None): "nothing"}
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value)
    if isinstance(value, (dict, list)) or len(shown) > 40:
        return kind
    return f"{kind} ({shown})"


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Checker:
    """Walks the data once, building the model and collecting problems instead of stopping."""

    def __init__(self):
        self.problems: list[Problem] = []

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(path, message))

    # -- generic field checks -------------------------------------------------

    def mapping(self, value, path, allowed, required, what) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected {what} as a mapping (key: value), received {_describe(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.problem(path + (key,), f"unknown key '{key}' in {what}{_suggest(key, allowed)}"
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

    def integer(self, value, path, what, minimum=None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, f"expected {what} as a whole number, received {_describe(value)}")
            return None
        if minimum is not None and value < minimum:
            self.problem(path, f"expected {what} of at least {minimum}, received {value}")
            return None
        return value

    def number(self, value, path, what) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            self.problem(path, f"expected {what} as a number, received {_describe(value)}")
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
            elif "://" in link or link.startswith(("/", "javascript:", "data:")):
                self.problem(path + (i,), f"expected a page path inside content/, received '{link}'")
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
        version = self.integer(top.get("version"), ("version",), "version", 1) if "version" in top else None
        title = self.text(top.get("title"), ("title",), "the title") if "title" in top else None
        audience = top.get("audience")
        if "audience" in top and audience not in AUDIENCES:
            self.problem(("audience",), f"expected one of: {', '.join(AUDIENCES)}, "
                                        f"received {_describe(audience)}{_suggest(audience, AUDIENCES)}")
        intro = self.text(top.get("intro"), ("intro",), "the intro", required=False)
        min_group = 3
        if "min_group" in top:
            min_group = self.integer(top["min_group"], ("min_group",), "min_group", 1) or 3
        scale = self.scale(top["scale"]) if "scale" in top else None
        dimensions = [self.dimension(d, ("dimensions", i))
                      for i, d in enumerate(self.sequence(top.get("dimensions"), ("dimensions",), "dimensions"))] \
            if "dimensions" in top else []
        dim_ids = [d.id if d else None for d in dimensions]
        self.unique(dim_ids, ("dimensions",), "dimension")
        questions = [self.question(q, ("questions", i), dim_ids)
                     for i, q in enumerate(self.sequence(top.get("questions"), ("questions",), "questions"))] \
            if "questions" in top else []
        self.unique([q.id if q else None for q in questions], ("questions",), "question")
        used = {q.dimension for q in questions if q}
        for i, d in enumerate(dimensions):
            if d and questions and d.id not in used:
                self.problem(("dimensions", i, "id"), f"dimension '{d.id}' has no questions")
        profiles = []
        if "profiles" in top and top["profiles"] is not None:
            raw = top["profiles"]
            if not isinstance(raw, list):
                self.problem(("profiles",), f"expected profiles as a list, received {_describe(raw)}")
            else:
                profiles = [self.profile(p, ("profiles", i), dim_ids) for i, p in enumerate(raw)]
                self.unique([p.id if p else None for p in profiles], ("profiles",), "profile")
        if self.problems:
            return None
        return Assessment(id=ident, version=version, title=title, audience=audience, scale=scale,
                          dimensions=tuple(dimensions), questions=tuple(questions), profiles=tuple(profiles),
                          intro=intro, min_group=min_group)

    def scale(self, data) -> Scale | None:
        path = ("scale",)
        raw = self.mapping(data, path, SCALE_KEYS, ("min", "max", "labels"), "the scale")
        if raw is None:
            return None
        low = self.integer(raw.get("min"), path + ("min",), "scale.min") if "min" in raw else None
        high = self.integer(raw.get("max"), path + ("max",), "scale.max") if "max" in raw else None
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
                        self.problem(bpath + ("upto",), f"expected upto from 0 to 100, received {upto}")
                    elif previous is not None and upto <= previous:
                        self.problem(bpath + ("upto",), f"bands out of order: expected upto above {previous}, "
                                                        f"received {upto}")
                    previous = upto if previous is None or upto > previous else previous
                    if i == len(items) - 1 and upto != 100:
                        self.problem(bpath + ("upto",), f"the last band must end at upto: 100, received {upto}")
                label = self.text(braw.get("label"), bpath + ("label",), "the band label") if "label" in braw else None
                advice = self.text(braw.get("advice"), bpath + ("advice",), "the advice", required=False)
                links = self.links(braw.get("links"), bpath + ("links",))
                bands.append(Band(upto=upto, label=label, advice=advice, links=links))
        if ident is None:
            return None
        return Dimension(id=ident, title=title, bands=tuple(bands), description=description)

    def question(self, data, path, dim_ids) -> Question | None:
        raw = self.mapping(data, path, QUESTION_KEYS, ("id", "text", "dimension"), "a question")
        if raw is None:
            return None
        ident = self.identifier(raw.get("id"), path + ("id",), "a question id") if "id" in raw else None
        text = self.text(raw.get("text"), path + ("text",), "the question text") if "text" in raw else None
        dimension = raw.get("dimension")
        known = [d for d in dim_ids if d]
        if "dimension" in raw and dimension not in known:
            self.problem(path + ("dimension",), f"unknown dimension {_describe(dimension)}"
                                                f"{_suggest(dimension, known)} (known: {', '.join(known)})")
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            self.problem(path + ("reverse",), f"expected reverse: true or false, received {_describe(reverse)}")
        weight = raw.get("weight", 1)
        if "weight" in raw:
            checked = self.number(weight, path + ("weight",), "weight")
            if checked is not None and checked <= 0:
                self.problem(path + ("weight",), f"expected a weight above 0, received {checked}")
        if ident is None:
            return None
        return Question(id=ident, text=text, dimension=dimension, reverse=reverse is True, weight=weight)

    def profile(self, data, path, dim_ids) -> Profile | None:
        raw = self.mapping(data, path, PROFILE_KEYS, ("id", "when"), "a profile")
        if raw is None:
            return None
        ident = self.identifier(raw.get("id"), path + ("id",), "a profile id") if "id" in raw else None
        title = self.text(raw.get("title"), path + ("title",), "the profile title", required=False)
        text = self.text(raw.get("text"), path + ("text",), "the profile text", required=False)
        links = self.links(raw.get("links"), path + ("links",))
        when: dict[str, Bounds] = {}
        raw_when = raw.get("when")
        if "when" in raw:
            if raw_when is None:
                raw_when = {}
            known = [d for d in dim_ids if d]
            if not isinstance(raw_when, dict):
                self.problem(path + ("when",), f"expected when as a mapping of dimension to bounds "
                                               f"(or {{}} for always), received {_describe(raw_when)}")
                raw_when = {}
            for dim, bounds in raw_when.items():
                wpath = path + ("when", dim)
                if dim not in known:
                    self.problem(wpath, f"condition on unknown dimension '{dim}'{_suggest(dim, known)} "
                                        f"(known: {', '.join(known)})")
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
                            self.problem(wpath + (side,), f"expected {side} from 0 to 100, received {v}")
                        values[side] = v
                if values.get("min") is not None and values.get("max") is not None \
                        and values["min"] > values["max"]:
                    self.problem(wpath, f"min ({values['min']}) is above max ({values['max']}): "
                                        f"this condition can never hold")
                when[dim] = Bounds(values.get("min"), values.get("max"))
        if ident is None:
            return None
        return Profile(id=ident, when=when, title=title, text=text, links=links)

"""Many teams in one picture: the team result file, and the organisation overview built from many.

A facilitator saves a *team result file* from a round whose result is shown
(``team_file``); a coordinator collects those files and opens the organisation
page, which sends them all to ``overview``. There is still no server: the files
travel the way people already share documents.

What a file may hold follows the team rules (engine/team.py): only a group of
at least ``min_group`` complete members, no codes, nothing per member, and
per-question figures only from ``min_group_items`` members. Reading a file
trusts nothing in it: every field is checked against the scan's definition,
and texts the page shows (dimension, band and profile titles) come from the
definition, never from the file.

The overview gives each team one vote (the mean of team means), keeps teams in
department and name order rather than a ranking (the book's models are not a
grade), and names patterns across teams ("Wat speelt breed"): a pattern in most
teams is a matter for the organisation, not for one team.
Standard library only: this runs in the browser.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import math
import re
from collections.abc import Mapping

from .codes import read
from .model import NEAREST, RELATIVE
from .scoring import as_assessment, band_index, dimension_scores, profiles_of
from .team import aggregate, spreadsheet_text
from .text import localize

FILE_KIND = "supportwijzer-teamresultaat"
FILE_SCHEMA = 1
MAX_FILES = 500
MAX_TEXT = 60
MIXED = "gemengd"

# "Wat speelt breed". A dimension is low across the organisation when at least half of the teams
# (and two or more) have their mean in its lowest band. A question sets teams apart when at
# least APART_SHARE of the teams with per-question figures (and two or more) sit clearly on each
# side of neutral: a keyed team mean at least APART_MARGIN of the scale's width from the middle.
# A question splits teams within when it is among "Om te bespreken" in at least a third of them.
BROAD_LIMIT = 5
APART_SHARE = 0.2
APART_MARGIN = 0.125
WITHIN_SHARE = 1 / 3

MESSAGES = {
    "not-a-team-file": "Dit is geen teamresultaat van Supportwijzer. Kies het bestand dat de begeleider "
                       "bewaarde met 'Bewaar teamresultaat' op de teampagina.",
    "malformed": "Dit teamresultaat is beschadigd of met de hand veranderd ({detail}). "
                 "Vraag de begeleider het bestand opnieuw te bewaren.",
    "newer-schema": "Dit teamresultaat is gemaakt met een nieuwere versie van Supportwijzer. "
                    "Open het op de site waar het gemaakt is, of vraag om een nieuwere versie van deze site.",
    "other-scan": "Dit teamresultaat hoort bij een andere scan ({scan}). Open het in het overzicht van alle "
                  "teams van die scan.",
    "other-version": "Dit teamresultaat hoort bij versie {version} van deze scan; deze pagina gebruikt "
                     "versie {current}. Cijfers van verschillende versies zijn niet te vergelijken.",
    "too-small": "Dit team heeft {n} deelnemers; een team telt mee vanaf {min_group}. Zo blijft ieder "
                 "antwoord anoniem.",
    "duplicate": "Dit teamresultaat staat er al in ({label}, {date}).",
}


class TeamFileError(ValueError):
    """A team file that cannot be used; ``reason`` is one of MESSAGES' keys, the message is Dutch."""

    def __init__(self, reason: str, **values):
        super().__init__(MESSAGES[reason].format(**values))
        self.reason = reason


def _text(value, name: str, required: bool = False) -> str | None:
    """A short one-line label typed by a facilitator: trimmed, at most MAX_TEXT characters."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(f"Vul een {name} in.")
        return None
    if not isinstance(value, str):
        raise ValueError(f"De {name} moet tekst zijn.")
    cleaned = " ".join(value.split())
    if len(cleaned) > MAX_TEXT:
        raise ValueError(f"De {name} is te lang: hoogstens {MAX_TEXT} tekens.")
    return cleaned


def _date(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("Kies een geldige datum (jjjj-mm-dd).")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError("Kies een geldige datum (jjjj-mm-dd).") from None
    return value


def quartiles(ordered: list[float]) -> tuple[float, float]:
    """The first and third quartile of sorted values, interpolated between ranks (as a spreadsheet's QUARTILE)."""
    def at(p: float) -> float:
        position = (len(ordered) - 1) * p
        low = math.floor(position)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
    return round(at(0.25), 1), round(at(0.75), 1)


def _keyed_mean(assessment, question, counts: Mapping[str, int]) -> float | None:
    """A question's mean over the members who answered, turned for a reversed question (higher is the dimension's high end)."""
    n = sum(counts.values())
    if not n:
        return None
    mean = math.fsum(int(value) * count for value, count in counts.items()) / n
    if question.reverse:
        mean = assessment.scale.min + assessment.scale.max - mean
    return round(mean, 2)


def team_file(definition, codes: list[str], label, department=None, round_name=None, date=None,
              lang: str | None = None) -> dict:
    """The team result file of a round: the team's figures, without codes or anything per member.

    ``codes`` are the codes of the version of the round that is shown; codes
    that cannot be read raise ``CodeError``. Fewer than ``min_group`` complete
    members: ``ValueError`` (nothing may leave a group that small).
    """
    assessment = as_assessment(definition)
    label = _text(label, "teamnaam", required=True)
    department = _text(department, "afdeling")
    round_name = _text(round_name, "naam van de ronde")
    date = _date(date if date is not None else datetime.date.today().isoformat())
    team = aggregate(assessment, codes, lang)
    if team["withheld"]:
        raise ValueError(f"Een teamresultaat kan pas vanaf {assessment.min_group} volledig ingevulde codes; "
                         f"nu zijn het er {team['n']}.")
    perspective = None
    if assessment.perspective is not None:
        chosen = set()
        for code in dict.fromkeys(codes):
            decoded = read(assessment, code)
            if all(v is not None for v in _complete(assessment, decoded.answers)):
                chosen.add(decoded.perspective)
        perspective = chosen.pop() if len(chosen) == 1 and None not in chosen else MIXED
    dimensions = {}
    for dimension in assessment.dimensions:
        figures = team["dimensions"][dimension.id]
        q1, q3 = quartiles(figures["scores"])
        dimensions[dimension.id] = {"mean": figures["mean"], "median": figures["median"], "q1": q1, "q3": q3,
                                    "bands": [band["count"] for band in figures["bands"]]}
    questions = None
    if team["questions"] is not None:
        split = {item["id"] for item in team["discuss"]}
        questions = {}
        for question in assessment.questions:
            figures = team["questions"][question.id]
            questions[question.id] = {"n": figures["n"], "mean": _keyed_mean(assessment, question, figures["counts"]),
                                      "split": question.id in split}
    profile = team["profile"]
    return {
        "kind": FILE_KIND, "schema": FILE_SCHEMA,
        "scan": assessment.id, "scan_version": assessment.version, "scan_title": localize(assessment.title, lang),
        "label": label, "department": department, "round": round_name, "date": date,
        "n": team["n"], "min_group": assessment.min_group, "min_group_items": assessment.min_group_items,
        "perspective": perspective,
        "dimensions": dimensions,
        "profile": None if profile is None else {"id": profile["id"], "title": profile["title"],
                                                 "borderline": bool(team["borderline"])},
        "questions": questions,
    }


def _complete(assessment, answers: Mapping) -> list:
    """The dimension scores of one member's answers (None where a dimension has no score)."""
    return [score for score, *_ in dimension_scores(assessment, answers).values()]


# -- reading a file ------------------------------------------------------------------------------

def _number(value, low: float, high: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and low <= value <= high


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100000


def read_team_file(definition, data: object, lang: str | None = None) -> dict:
    """A checked team file, or ``TeamFileError`` saying what is wrong with it.

    Returns the file's fields with every text the page shows taken from the
    definition; per-question figures of a group below ``min_group_items`` are
    dropped (a file made by Supportwijzer never has them).
    """
    assessment = as_assessment(definition)
    if not isinstance(data, Mapping) or data.get("kind") != FILE_KIND:
        raise TeamFileError("not-a-team-file")
    schema = data.get("schema")
    if _count(schema) and schema > FILE_SCHEMA:
        raise TeamFileError("newer-schema")
    if schema != FILE_SCHEMA:
        raise TeamFileError("malformed", detail="onbekend schema")
    if data.get("scan") != assessment.id:
        scan = data.get("scan_title") if isinstance(data.get("scan_title"), str) else data.get("scan")
        raise TeamFileError("other-scan", scan=str(scan)[:MAX_TEXT])
    if data.get("scan_version") != assessment.version:
        version = data.get("scan_version")
        raise TeamFileError("other-version", version=version if _count(version) else "?",
                            current=assessment.version)

    def malformed(detail: str):
        return TeamFileError("malformed", detail=detail)

    try:
        label = _text(data.get("label"), "teamnaam", required=True)
        department = _text(data.get("department"), "afdeling")
        round_name = _text(data.get("round"), "naam van de ronde")
        date = _date(data.get("date"))
    except ValueError as error:
        raise malformed(str(error).rstrip(".").lower()) from None
    n = data.get("n")
    if not _count(n):
        raise malformed("geen aantal deelnemers")
    if n < assessment.min_group:
        raise TeamFileError("too-small", n=n, min_group=assessment.min_group)

    perspective = data.get("perspective")
    if assessment.perspective is None:
        perspective = None
    elif perspective not in {o.id for o in assessment.perspective.options} | {MIXED}:
        raise malformed("onbekende plek van invullen")

    raw_dimensions = data.get("dimensions")
    if not isinstance(raw_dimensions, Mapping):
        raise malformed("geen onderdelen")
    dimensions = {}
    for dimension in assessment.dimensions:
        figures = raw_dimensions.get(dimension.id)
        if not isinstance(figures, Mapping):
            raise malformed(f"onderdeel {dimension.id} ontbreekt")
        values = {key: figures.get(key) for key in ("mean", "median", "q1", "q3")}
        if not all(_number(value, 0, 100) for value in values.values()):
            raise malformed(f"cijfers van onderdeel {dimension.id}")
        bands = figures.get("bands")
        if not isinstance(bands, list) or len(bands) != len(dimension.bands) or not all(map(_count, bands)) \
                or sum(bands) != n:
            raise malformed(f"verdeling van onderdeel {dimension.id}")
        dimensions[dimension.id] = {**{key: float(value) for key, value in values.items()}, "bands": list(bands)}

    profile = data.get("profile")
    if profile is not None:
        ids = {p.id: p for p in assessment.profiles}
        if not isinstance(profile, Mapping) or profile.get("id") not in ids:
            raise malformed("onbekend profiel")
        profile = {"id": profile["id"], "title": localize(ids[profile["id"]].title, lang),
                   "borderline": profile.get("borderline") is True}

    questions = None
    raw_questions = data.get("questions")
    if raw_questions is not None and n >= assessment.min_group_items:
        if not isinstance(raw_questions, Mapping):
            raise malformed("cijfers per vraag")
        questions = {}
        scale = assessment.scale
        for question in assessment.questions:
            figures = raw_questions.get(question.id)
            if figures is None:
                continue
            if not isinstance(figures, Mapping) or not _count(figures.get("n")) or figures["n"] > n \
                    or not (figures.get("mean") is None or _number(figures.get("mean"), scale.min, scale.max)) \
                    or not isinstance(figures.get("split", False), bool):
                raise malformed(f"cijfers van vraag {question.id}")
            questions[question.id] = {"n": figures["n"], "mean": figures.get("mean"),
                                      "split": figures.get("split", False)}
    return {"label": label, "department": department, "round": round_name, "date": date, "n": n,
            "perspective": perspective, "dimensions": dimensions, "profile": profile, "questions": questions}


# -- the overview ----------------------------------------------------------------------------------

def _whole(value: float) -> int:
    """A score as shown on screen: a whole number, halves rounded up (not to even)."""
    return int(math.floor(value + 0.5))


def _mean(values: list[float]) -> float | None:
    return round(math.fsum(values) / len(values), 1) if values else None


def _means(assessment, teams: list[dict]) -> dict[str, float | None]:
    return {d.id: _mean([t["dimensions"][d.id]["mean"] for t in teams]) for d in assessment.dimensions}


def axis_dimensions(assessment) -> set[str]:
    """Dimensions that place a team on a map (a nearest profile's prototype axes): a position, not better or worse."""
    if assessment.profile_rule != NEAREST:
        return set()
    return {d for p in assessment.profiles for d in (p.prototype or {})}


def _parse(entry: object) -> tuple[str, list]:
    """One imported entry ``{"name", "text"}``: its name and the JSON objects in its text (one, or a list)."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("text"), str):
        raise ValueError("Elk bestand komt als {name, text}.")
    name = str(entry.get("name") or "bestand")[:200]
    try:
        value = json.loads(entry["text"])
    except (ValueError, RecursionError):
        return name, [TeamFileError("not-a-team-file")]
    return name, value if isinstance(value, list) else [value]


def overview(definition, files: list, lang: str | None = None) -> dict:
    """The organisation page in one call: a verdict per file, and the picture of the teams that count."""
    assessment = as_assessment(definition)
    if not isinstance(files, list):
        raise ValueError("Stuur de bestanden als een lijst.")
    if len(files) > MAX_FILES:
        raise ValueError(f"Dat zijn {len(files)} bestanden; deze pagina verwerkt er hoogstens {MAX_FILES} tegelijk.")
    verdicts, accepted, seen = [], [], set()
    for entry in files:
        name, items = _parse(entry)
        if len(items) > MAX_FILES:
            raise ValueError(f"Dat zijn meer dan {MAX_FILES} teamresultaten; deze pagina verwerkt er hoogstens "
                             f"{MAX_FILES} tegelijk.")
        for item in items:
            try:
                if isinstance(item, TeamFileError):
                    raise item
                team = read_team_file(assessment, item, lang)
                key = tuple((value or "").casefold() for value in
                            (team["department"], team["label"], team["round"], team["date"]))
                if key in seen:
                    raise TeamFileError("duplicate", label=team["label"], date=team["date"])
                seen.add(key)
            except TeamFileError as error:
                verdicts.append({"name": name, "ok": False, "reason": error.reason, "message": str(error)})
                continue
            except RecursionError:
                verdicts.append({"name": name, "ok": False, "reason": "malformed",
                                 "message": MESSAGES["malformed"].format(detail="te diep genest")})
                continue
            accepted.append(team)
            verdicts.append({"name": name, "ok": True, "label": team["label"], "department": team["department"],
                             "date": team["date"]})
    return {"files": verdicts, **picture(assessment, accepted, lang)}


def _team_key(team: dict) -> tuple[str, str]:
    return (team["department"] or "").casefold(), team["label"].casefold()


def _natural(text: str) -> list:
    """A sort key that puts "Team 2" before "Team 10": the order people expect in a list of names."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part]


def picture(assessment, accepted: list[dict], lang: str | None = None) -> dict:
    """Heatmap, profiles, broad patterns, kite, perspectives and trends of checked team files."""
    rounds_by_team: dict[tuple[str, str], list[dict]] = {}
    for team in accepted:
        rounds_by_team.setdefault(_team_key(team), []).append(team)
    for rounds in rounds_by_team.values():
        rounds.sort(key=lambda t: (t["date"], (t["round"] or "").casefold()))
    order = sorted(rounds_by_team, key=lambda key: (key[0] == "", _natural(key[0]), _natural(key[1])))
    latest = [rounds_by_team[key][-1] for key in order]

    dimensions = [{"id": d.id, "title": localize(d.title, lang), "axis": d.id in axis_dimensions(assessment),
                   "bands": [{"label": localize(b.label, lang), "upto": b.upto} for b in d.bands]}
                  for d in assessment.dimensions]
    by_id = {d.id: d for d in assessment.dimensions}
    teams = []
    for key, team in zip(order, latest):
        cells = {}
        for d in assessment.dimensions:
            mean = team["dimensions"][d.id]["mean"]
            band = band_index(d, mean)
            cells[d.id] = {"mean": mean, "whole": _whole(mean), "band": band,
                           "band_label": localize(d.bands[band].label, lang)}
        teams.append({"key": "/".join(filter(None, (team["department"], team["label"]))),
                      "label": team["label"], "department": team["department"], "round": team["round"],
                      "date": team["date"], "n": team["n"], "perspective": team["perspective"],
                      "rounds": len(rounds_by_team[key]), "cells": cells, "profile": team["profile"]})

    departments = []
    for name in dict.fromkeys(team["department"] for team in latest):
        members = [team for team in latest if team["department"] == name]
        departments.append({"name": name, "teams": len(members), "means": _means(assessment, members)})

    counts: dict[str | None, int] = {p.id: 0 for p in assessment.profiles}
    for team in latest:
        profile_id = team["profile"]["id"] if team["profile"] else None
        counts[profile_id] = counts.get(profile_id, 0) + 1
    profiles = [{"id": p.id, "title": localize(p.title, lang), "count": counts[p.id]} for p in assessment.profiles]
    if counts.get(None):
        profiles.append({"id": None, "title": "Geen profiel", "count": counts[None]})

    organisation_means = _means(assessment, latest)
    return {
        "dimensions": dimensions,
        "teams": teams,
        "departments": departments,
        "organisation": {"teams": len(latest), "members": sum(team["n"] for team in latest),
                         "means": organisation_means},
        "profiles": profiles,
        "broad": broad(assessment, latest, lang),
        "kite": _kite(assessment, latest, departments, organisation_means, lang),
        "perspectives": _perspectives(assessment, latest, lang),
        "trends": [{"key": team["key"], "label": team["label"], "department": team["department"],
                    "rounds": [{"date": r["date"], "round": r["round"], "n": r["n"],
                                "means": {d: r["dimensions"][d]["mean"] for d in by_id}}
                               for r in rounds_by_team[key]]}
                   for key, team in zip(order, teams) if team["rounds"] > 1],
        "csv": heatmap_csv(assessment, teams, lang),
    }


def broad(assessment, latest: list[dict], lang: str | None = None) -> dict:
    """What plays across teams: low dimensions, questions that set teams apart, questions that split teams within."""
    total = len(latest)
    axes = axis_dimensions(assessment)
    low = []
    for d in assessment.dimensions:
        if d.id in axes or total < 2:
            continue
        teams_low = sum(1 for team in latest if band_index(d, team["dimensions"][d.id]["mean"]) == 0)
        if teams_low >= 2 and teams_low * 2 >= total:
            low.append({"dimension": d.id, "title": localize(d.title, lang),
                        "band_label": localize(d.bands[0].label, lang), "teams_low": teams_low, "teams": total})
    low.sort(key=lambda item: -item["teams_low"])

    scale = assessment.scale
    middle = (scale.min + scale.max) / 2
    margin = (scale.max - scale.min) * APART_MARGIN
    apart, within = [], []
    with_figures = [team["questions"] for team in latest if team["questions"]]
    for position, question in enumerate(assessment.questions):
        figures = [q[question.id] for q in with_figures if question.id in q]
        means = [f["mean"] for f in figures if f["mean"] is not None]
        t = len(figures)
        if t < 2:
            continue
        lows = sum(1 for m in means if m <= middle - margin)
        highs = sum(1 for m in means if m >= middle + margin)
        needed = max(2, math.ceil(APART_SHARE * t))
        text = localize(question.text, lang)
        if lows >= needed and highs >= needed:
            apart.append((-min(lows, highs), position, {"question": question.id, "text": text,
                                                        "dimension": question.dimension,
                                                        "low": lows, "high": highs, "teams": t}))
        split = sum(1 for f in figures if f["split"])
        if split >= 2 and split >= WITHIN_SHARE * t:
            within.append((-split, position, {"question": question.id, "text": text,
                                              "dimension": question.dimension, "teams_split": split, "teams": t}))
    return {"low": low[:BROAD_LIMIT],
            "apart": [item for *_, item in sorted(apart, key=lambda x: x[:2])[:BROAD_LIMIT]],
            "within": [item for *_, item in sorted(within, key=lambda x: x[:2])[:BROAD_LIMIT]]}


def _kite(assessment, latest, departments, organisation_means, lang) -> dict | None:
    """The kite of the five support lines (scans with the relative profile rule): the organisation and each department."""
    if assessment.profile_rule != RELATIVE or not latest:
        return None
    verdict, _, _ = profiles_of(assessment, organisation_means, lang)
    return {"organisation": organisation_means,
            "departments": [{"name": d["name"], "means": d["means"]} for d in departments],
            "verdict": verdict["title"] if verdict else None}


def _perspectives(assessment, latest, lang) -> list[dict] | None:
    """Scans filled in from two places (concernsupport): the teams of each place side by side."""
    if assessment.perspective is None:
        return None
    groups = [(o.id, localize(o.label, lang)) for o in assessment.perspective.options]
    if any(team["perspective"] == MIXED for team in latest):
        groups.append((MIXED, "Gemengd"))
    out = []
    for option_id, label in groups:
        members = [team for team in latest if team["perspective"] == option_id]
        out.append({"id": option_id, "label": label, "teams": len(members), "means": _means(assessment, members)})
    return out


def heatmap_csv(assessment, teams: list[dict], lang: str | None = None) -> str:
    """The heatmap for a spreadsheet: one row per team (its latest round), semicolons and decimal commas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["afdeling", "team", "ronde", "datum", "aantal", "profiel"]
                    + [spreadsheet_text(localize(d.title, lang)) for d in assessment.dimensions])
    for team in teams:
        writer.writerow([spreadsheet_text(team["department"] or ""), spreadsheet_text(team["label"]),
                         spreadsheet_text(team["round"] or ""), team["date"], team["n"],
                         spreadsheet_text(team["profile"]["title"]) if team["profile"] else ""]
                        + [str(team["cells"][d.id]["mean"]).replace(".", ",") for d in assessment.dimensions])
    return out.getvalue()


__all__ = ["FILE_KIND", "FILE_SCHEMA", "TeamFileError", "team_file", "read_team_file", "overview", "picture"]

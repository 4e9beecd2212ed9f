"""Simulated teams for "Om te bespreken": does the list stay empty when a team agrees, and point at a real split?

Each team scan in assessments/ (audience team or organisation) is answered by
simulated teams and aggregated by the engine itself (``engine.aggregate``), so
the list measured is the one the team page shows.

The model (the respondents of bench/scans.py, grouped into teams):

- A team has a latent position per dimension, drawn like one respondent's
  traits (mean 0, sd 1, common correlation rho).
- A team that *truly agrees*: each member's traits are the team's plus
  N(0, within_sd) per dimension (0: identical; 0.3: close, a third of the
  population's spread); every member has an own acquiescence
  N(0, acq_sd). Answers follow the graded-response model of bench/scans.py
  (item strength a), with 5% careless answers and 3% "weet ik niet".
- A team *split on one dimension*: the same, but on one dimension (drawn per
  team) half the members sit at +delta and half at -delta around the team.

Figures per scan and setting (teams of 6 unless said otherwise):
- agree.empty: share of agreeing teams whose list is empty (aim >= 0.70);
- split.share: over split teams with a non-empty list, the mean share of the
  list that belongs to the split dimension (aim >= 0.60); split.empty: share
  of split teams with an empty list (a missed split);
- old_rule: the same two figures for the rule before issue 13 (sample sd >= a
  quarter of the scale range, top five), for comparison;
- by_size: agree.empty for teams of 3..8 members (below min_group_items the
  engine lists nothing at all: shown as null).

Settings vary item strength a, within-team sd, acquiescence sd and the split's
delta; the aims must hold in every setting. Prints one JSON line per scan and
setting, then a summary line with the worst case per aim.

    python bench/team.py [--teams 400] [--seed 1] [--quick]
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the project: bench/engine.py must not hide the engine

import engine  # noqa: E402
from engine.scoring import normalize_answers  # noqa: E402
from engine.loader import load_all  # noqa: E402
from scans import (Setting, answer, cholesky, common_correlation, correlated_normals,  # noqa: E402
                   item_parameters)

STRENGTHS = (1.0, 1.7, 2.5)
WITHIN_SD = (0.0, 0.3)
ACQ_SD = (0.3, 0.5)
DELTAS = (1.0, 1.5)
RHO = 0.3
TEAM_SIZE = 6
SIZES = (3, 4, 5, 6, 7, 8)
AIMS = {"agree_empty_ge_70": 0.70, "split_share_ge_60": 0.60}


def old_rule(assessment, members: list[dict]) -> list[str]:
    """The list before issue 13: questions with sample sd >= a quarter of the range, largest first, at most five."""
    spread = []
    scale = assessment.scale
    for position, question in enumerate(assessment.questions):
        given = [m[question.id] for m in members if type(m[question.id]) is int]
        if len(given) < 2:
            continue
        mean = math.fsum(given) / len(given)
        sd = math.sqrt(math.fsum((v - mean) ** 2 for v in given) / (len(given) - 1))
        if sd >= (scale.max - scale.min) / 4:
            spread.append((-sd, position, question.id))
    return [question_id for _, _, question_id in sorted(spread)[:5]]


def team_members(rng: random.Random, low_chol, dims: int, size: int, within: float, acq_sd: float,
                 split_dim: int | None, delta: float) -> list[tuple[list[float], float]]:
    centre = correlated_normals(rng, low_chol)
    people = []
    for i in range(size):
        traits = [c + rng.gauss(0.0, within) for c in centre]
        if split_dim is not None:
            traits[split_dim] += delta if i % 2 == 0 else -delta
        people.append((traits, rng.gauss(0.0, acq_sd)))
    return people


def simulate(assessment, a: float, within: float, acq_sd: float, delta: float, teams: int, seed) -> dict:
    items = item_parameters(assessment, random.Random(f"items-{assessment.id}-{seed}"), a)
    rng = random.Random(f"teams-{assessment.id}-{a}-{within}-{acq_sd}-{delta}-{seed}")
    dims = len(assessment.dimensions)
    low_chol = cholesky(common_correlation(dims, RHO))
    low, high = assessment.scale.min, assessment.scale.max
    setting = Setting(a=a, rho=RHO, acq_sd=acq_sd)
    dim_of = {q.id: q.dimension for q in assessment.questions}

    def answers_of(people):
        return [normalize_answers(assessment, answer(rng, person, items, low, high, setting.careless,
                                                            setting.unknown if assessment.scale.unknown else 0.0))
                for person in people]

    def run(size, split: bool):
        split_dim = rng.randrange(dims) if split else None
        members = answers_of(team_members(rng, low_chol, dims, size, within, acq_sd, split_dim, delta))
        team = engine.aggregate(assessment, members)
        if team["withheld"]:
            return None
        listed = [item["id"] for item in team["discuss"]]
        return {"listed": listed, "old": old_rule(assessment, members), "items_withheld": team["items_withheld"],
                "split_dim": None if split_dim is None else assessment.dimensions[split_dim].id}

    def share_of_split(rounds, key):
        shares = [sum(dim_of[q] == r["split_dim"] for q in r[key]) / len(r[key]) for r in rounds if r[key]]
        return round(sum(shares) / len(shares), 3) if shares else None

    agree = [r for r in (run(TEAM_SIZE, False) for _ in range(teams)) if r]
    split = [r for r in (run(TEAM_SIZE, True) for _ in range(teams)) if r]
    by_size = {}
    for size in SIZES:
        rounds = [r for r in (run(size, False) for _ in range(teams // 2)) if r]
        shown = [r for r in rounds if not r["items_withheld"]]
        by_size[size] = round(sum(not r["listed"] for r in shown) / len(shown), 3) if shown else None
    return {
        "scan": assessment.id,
        "setting": {"a": a, "within_sd": within, "acq_sd": acq_sd, "delta": delta, "rho": RHO},
        "agree": {"empty": round(sum(not r["listed"] for r in agree) / len(agree), 3),
                  "mean_listed": round(sum(len(r["listed"]) for r in agree) / len(agree), 2)},
        "split": {"share": share_of_split(split, "listed"),
                  "empty": round(sum(not r["listed"] for r in split) / len(split), 3)},
        "old_rule": {"agree_empty": round(sum(not r["old"] for r in agree) / len(agree), 3),
                     "split_share": share_of_split(split, "old")},
        "by_size": by_size,
    }


def team_scans() -> list:
    assessments, problems = load_all([ROOT / "assessments"])
    if problems:
        raise SystemExit("\n".join(problems))
    return [a for a in assessments if a.audience in ("team", "organisation")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=400, help="simulated teams per kind and setting (default 400)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--quick", action="store_true", help="one setting per scan, 100 teams (a smoke run)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = [(1.7, 0.3, 0.3, 1.5)] if args.quick else list(itertools.product(STRENGTHS, WITHIN_SD, ACQ_SD, DELTAS))
    teams = 100 if args.quick else args.teams
    lines = []
    for assessment in team_scans():
        for a, within, acq_sd, delta in settings:
            line = simulate(assessment, a, within, acq_sd, delta, teams, args.seed)
            lines.append(line)
            print(json.dumps(line, ensure_ascii=False), flush=True)
    worst_empty = min(lines, key=lambda line: line["agree"]["empty"])
    shares = [line for line in lines if line["split"]["share"] is not None]
    worst_share = min(shares, key=lambda line: line["split"]["share"]) if shares else None
    summary = {
        "summary": True, "teams_per_kind": teams, "team_size": TEAM_SIZE, "settings": len(settings),
        "seconds": round(time.perf_counter() - started, 1),
        "agree_empty_min": {"value": worst_empty["agree"]["empty"], "scan": worst_empty["scan"],
                            "setting": worst_empty["setting"]},
        "split_share_min": None if worst_share is None else {
            "value": worst_share["split"]["share"], "scan": worst_share["scan"], "setting": worst_share["setting"]},
        "split_empty_max": max(line["split"]["empty"] for line in lines),
        "old_rule_agree_empty_max": max(line["old_rule"]["agree_empty"] for line in lines),
        "aims": {"agree_empty_ge_70": worst_empty["agree"]["empty"] >= AIMS["agree_empty_ge_70"],
                 "split_share_ge_60": worst_share is not None and worst_share["split"]["share"] >= AIMS["split_share_ge_60"]},
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The figures of the worked example in content/teamkit/voorbeeld-teamuitslag.md.

Six made-up members of a self-organising care team (the practice example
"Een zorgteam") fill in the Teamfase-scan. Their answers are written out
below by hand; the team result is computed by the engine itself
(``engine.aggregate`` on the real ``assessments/teamfase.yml``), the same
call the team page makes in the browser. The page quotes these numbers, so
after a change to the scan, run this script and update the page:

    .venv/bin/python bench/worked_example.py            # a readable summary
    .venv/bin/python bench/worked_example.py --json     # the full team result
    .venv/bin/python bench/worked_example.py --markdown # the table and dot strips for the page

Each member also gets a personal score (``engine.score``) to show that no
one is flagged as careless: the example stays a plausible team.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import aggregate, score  # noqa: E402
from engine.loader import load_assessment  # noqa: E402

SCAN = ROOT / "assessments" / "teamfase.yml"

# The question ids in the order of the scan, grouped per dimension; (R) marks a reversed question.
ORDER = [
    # zelfstandigheid: planning, approach, partners, ask permission (R), wait for the leader (R)
    "eigen-planning", "eigen-beslissingen", "zelf-partners-zoeken", "eerst-toestemming", "wachten-op-leiding",
    # richting: what we stand for, shared goal, meaning for others, separate goals (R), ticking off tasks (R)
    "waar-we-voor-staan", "gezamenlijk-doel", "betekenis-voor-anderen", "losse-doelen", "taken-afvinken",
    # bovenstroom: tasks divided, agreements clear, mandate clear, tasks left undone (R), own way of working (R)
    "taken-verdeeld", "afspraken-helder", "mandaat-helder", "taken-liggen", "eigen-werkwijze",
    # onderstroom: know each other, keep promises, say what bothers us, keep criticism to ourselves (R),
    # tensions below the surface (R)
    "kennen-als-persoon", "beloftes-nakomen", "durven-zeggen", "kritiek-voor-ons", "spanningen-onder-oppervlakte",
]

# One row per member, answers 1-5 in ORDER. The team plans and decides a lot itself (high autonomy),
# shares its goal only in part, works without clear agreements, and not everyone knows everyone:
# the care team of the practice example, the week it asked for a feedback training. Members 1, 2
# and 6 have worked together for years; 3, 4 and 5 joined last year and see the agreements and
# the bond as weak. That consistent difference is what puts two questions under "Om te bespreken".
MEMBERS = [
    [5, 4, 4, 2, 1,   3, 3, 4, 3, 3,   3, 2, 4, 4, 3,   4, 3, 2, 3, 3],
    [4, 4, 3, 2, 2,   4, 3, 3, 3, 4,   3, 2, 4, 4, 4,   4, 3, 3, 3, 2],
    [4, 5, 4, 1, 2,   3, 2, 3, 4, 3,   2, 1, 1, 5, 4,   1, 2, 1, 5, 4],
    [5, 4, 3, 2, 1,   2, 3, 4, 4, 3,   2, 1, 2, 4, 5,   2, 2, 1, 4, 5],
    [4, 4, 4, 2, 2,   3, 3, 2, 3, 4,   2, 2, 1, 5, 4,   1, 1, 2, 5, 4],
    [4, 3, 4, 3, 2,   3, 2, 3, 3, 3,   3, 3, 4, 3, 3,   4, 4, 2, 3, 3],
]

def answer_sets() -> list[dict[str, int]]:
    return [dict(zip(ORDER, row, strict=True)) for row in MEMBERS]


def whole(value: float | None) -> str:
    """A figure as the team page shows it: JavaScript's Math.round (halves go up), or a dash."""
    return "–" if value is None else str(math.floor(value + 0.5))


def markdown(team: dict) -> str:
    """The table of the team page, and the dot strips as one inline SVG drawing (only shapes and text)."""
    # The team page's table also has "Aantal" (the same for every dimension here, said in the
    # text) and "Per uitkomst" (here a list under the table): so the table fits the page.
    lines = ["| Onderdeel | Gemiddelde | Mediaan | Laagste | Hoogste | Spreiding |",
             "|---|---|---|---|---|---|"]
    per_band = []
    for d in team["dimensions"].values():
        lines.append(f"| {d['title']} | {whole(d['mean'])} | {whole(d['median'])} | {whole(d['min'])} "
                     f"| {whole(d['max'])} | {whole(d['stdev'])} |")
        per_band.append(f"- **{d['title']}**: " + " · ".join(f"{b['label']}: {b['count']}" for b in d["bands"]))
    lines += ["", "Per uitkomst:", ""] + per_band
    left, right, row = 150, 580, 70
    height = row * len(team["dimensions"]) + 30
    x = lambda score: round(left + score / 100 * (right - left), 1)  # noqa: E731
    desc = "; ".join(f"{d['title']}: {', '.join(whole(s) for s in d['scores'])}, gemiddelde {whole(d['mean'])}"
                     for d in team["dimensions"].values())
    svg = [f'<svg role="img" aria-labelledby="vb-titel vb-desc" viewBox="0 0 600 {height}" '
           'xmlns="http://www.w3.org/2000/svg">',
           '<title id="vb-titel">De stippen van het zorgteam per onderdeel</title>',
           f'<desc id="vb-desc">Elke stip is een teamlid, de streep is het gemiddelde. {desc}.</desc>']
    for i, d in enumerate(team["dimensions"].values()):
        base = 40 + i * row
        svg.append(f'<g class="sw-fig-klein"><text x="10" y="{base + 5}">{d["title"]}</text></g>')
        svg.append(f'<g class="sw-fig-lijn"><line x1="{left}" y1="{base}" x2="{right}" y2="{base}"/></g>')
        stack: dict[float, int] = {}
        dots = []
        for s in d["scores"]:
            level = stack.get(s, 0)
            stack[s] = level + 1
            dots.append(f'<circle cx="{x(s)}" cy="{base - 8 - level * 12}" r="6"/>')
        svg.append('<g class="sw-fig-accent">' + "".join(dots) + "</g>")
        svg.append(f'<g class="sw-fig-vak"><rect x="{x(d["mean"]) - 2}" y="{base - 34}" width="4" height="42"/></g>')
        svg.append('<g class="sw-fig-klein" text-anchor="middle">'
                   + "".join(f'<text x="{x(t)}" y="{base + 22}">{t}</text>' for t in (0, 25, 50, 75, 100)) + "</g>")
    svg.append("</svg>")
    return "\n".join(lines) + "\n\n" + "\n".join(svg)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the whole team result as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table and the dot strips for the page")
    ns = parser.parse_args(argv)

    assessment = load_assessment(SCAN)
    members = answer_sets()
    team = aggregate(assessment, members)
    personal = [score(assessment, m) for m in members]

    if ns.json:
        json.dump({"team": team, "members": personal}, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0

    if ns.markdown:
        print(markdown(team))
        return 0

    print(f"Teamfase-scan v{team['version']}, {team['n']} teamleden")
    profile, runner = team["profile"], team["runner_up"]
    print(f"profiel: {profile['title'] if profile else '-'}"
          f" (afstand {profile.get('distance') if profile else '-'}),"
          f" daarna: {runner['title'] if runner else '-'} ({runner.get('distance') if runner else '-'}),"
          f" tussen twee: {team['borderline']}")
    print("onderdeel        gem  med  laag hoog spr  stippen (afgerond)               per uitkomst")
    for d in team["dimensions"].values():
        dots = " ".join(str(round(s)) for s in d["scores"])
        bands = "; ".join(f"{b['label']}: {b['count']}" for b in d["bands"])
        print(f"{d['title']:<16} {d['mean']:>4} {d['median']:>4} {d['min']:>4} {d['max']:>4} {d['stdev']:>4}  "
              f"{dots:<32} {bands}")
    print("om te bespreken:")
    for item in team["discuss"]:
        counts = ", ".join(f"{k}: {v}" for k, v in item["counts"].items())
        print(f"  {item['id']} (spreiding {item['stdev']}): {item['text']}  [{counts}]")
    flagged = [i + 1 for i, p in enumerate(personal) if p["flags"]]
    print(f"teamleden met een signaal 'onzeker': {flagged or 'geen'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

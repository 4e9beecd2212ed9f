"""Scan pages, generated from the validated assessments: one module, called by build and serve alike.

Each assessment becomes ``scans/<id>/index.md``: a plain-HTML questionnaire
(answerable before any script runs), the assessment as JSON for the engine in
the browser, and the advice of every band and profile pre-rendered as HTML in
``<template>`` elements, so the browser picks HTML the build made and never
renders author text itself. ``scans/index.md`` lists every scan.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from engine import Assessment, localize, to_data

from . import markup

TEMPLATES = Path(__file__).resolve().parent.parent / "theme" / "templates"
AUDIENCE_LABELS = {
    "individual": "Voor jezelf (medewerker of leidinggevende)",
    "team": "Voor een team",
    "organisation": "Voor de organisatie of een managementteam",
}
# Measured on the agree/disagree items of our scans: 8-12 seconds each (issue 12).
SECONDS_PER_QUESTION = 10


# Backslash escapes that Python-Markdown knows (tables add the pipe): with these, author text
# in a generated Markdown line is text, never a link, heading, attribute list or snippet.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_text(text: str) -> str:
    """Author text for a line of generated Markdown: shown as written, never read as markup or HTML.

    mkdocs' templates write page titles and descriptions without escaping, so this is
    also HTML-escaped (``<`` becomes ``&lt;``).
    """
    escaped = html.escape(text, quote=False).replace('"', "&quot;")  # entities without '#'
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def front_matter(meta: dict) -> str:
    """A page's YAML front matter, written by a YAML writer: any title survives (``:``, ``#``, ``{``).

    The text is written as the author wrote it; ``staging.escape_front_matter`` escapes
    title and description of every staged page, these included, for the theme.
    """
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


@dataclass(frozen=True)
class ScanSummary:
    id: str
    title: str
    audience: str
    questions: int
    minutes: int
    summary: str
    facilitator: str | None
    organisation_page: bool = False  # many teams in one picture (issue 17): every scan with a team page


def minutes_for(assessment: Assessment) -> int:
    """An honest estimate: 10 seconds a question, plus a minute to read the introduction."""
    return max(2, 1 + -(-len(assessment.questions) * SECONDS_PER_QUESTION // 60))


def page_title(pages_dir: Path, page: str) -> str:
    """The first heading of a guide page (the link text), or its file name if it has none.

    ``pages_dir`` here and below is the staged docs folder: content/ as the brand shaped it.
    """
    path = pages_dir / page.split("#", 1)[0]
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return re.sub(r"\s*\{.*\}\s*$", "", line[2:]).strip()
    except OSError:
        pass
    return path.stem.replace("-", " ").capitalize()


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _json_attribute(value) -> str:
    """JSON for a ``data-`` attribute, HTML-escaped.

    Not a ``<script type="application/json">`` block: mkdocs-material's instant
    navigation re-creates every script in the content and would run it as code.
    """
    return str(jinja2.filters.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":"))))


def _first_sentence(html_free_text: str) -> str:
    text = re.sub(r"[*_`#>\[\]]|\(.*?\)", "", html_free_text).strip().replace("\n", " ")
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


TEAM_AUDIENCES = ("team", "organisation")


def has_team_page(assessment: Assessment) -> bool:
    """Team and organisation scans get a team page; a personal scan is not pooled."""
    return assessment.audience in TEAM_AUDIENCES


def _context(assessment: Assessment, pages_dir: Path, wheel: str, here: str, lang: str | None) -> dict:
    """Everything the scan and team templates show, rendered to safe HTML once."""
    esc = jinja2.filters.escape

    def links(paths):
        # a page the brand hides is not in the staged docs folder, and is not linked to
        shown = [p for p in paths if (pages_dir / p.split("#", 1)[0]).is_file()]
        return [{"url": markup.relative_url(p, here), "title": esc(page_title(pages_dir, p))} for p in shown]

    def text(value, inline=False):
        return markup.render(localize(value, lang), here, inline=inline)

    def by_perspective(texts):
        # the texts written for one perspective, in the order of the options: each becomes a
        # <template> of its own ("<id>_<option>"; '_' is never part of an id), next to the general one
        order = assessment.perspective.ids if assessment.perspective else ()
        return [{"id": option, "html": text(texts[option])} for option in order if option in texts]

    perspective = None
    if assessment.perspective:
        perspective = {"text_html": text(assessment.perspective.text, inline=True),
                       "options": [{"id": o.id, "label": esc(localize(o.label, lang))}
                                   for o in assessment.perspective.options]}
    scale = assessment.scale
    facilitator = f"begeleiden/{assessment.id}.md"
    title = localize(assessment.title, lang)
    context = {
        "a": assessment,
        "plain_title": title,
        "title": esc(title),
        "title_md": markdown_text(title),
        "description": _first_sentence(localize(assessment.intro, lang) or title),
        "intro_html": text(assessment.intro),
        "audience": AUDIENCE_LABELS[assessment.audience],
        "minutes": minutes_for(assessment),
        "facilitator_url": markup.relative_url(facilitator if (pages_dir / facilitator).is_file() else "scans/index.md",
                                               here),
        "wheel": wheel,
        "questions": [{"id": q.id, "text_html": text(q.text, inline=True),
                       "not_applicable": esc(localize(q.not_applicable, lang)) if q.not_applicable else None}
                      for q in assessment.questions],
        "perspective": perspective,
        "reflection": [{"id": r.id, "text_html": text(r.text, inline=True)} for r in assessment.reflection],
        "paper_keys": PAPER_KEYS,
        "scale_options": [(value, esc(localize(label, lang))) for value, label in scale.labels.items()],
        "unknown_label": esc(localize(scale.unknown, lang)) if scale.unknown else None,
        "definition_json": _json_attribute(to_data(assessment)),
        "dimensions": [{"id": d.id, "title": esc(localize(d.title, lang)), "description_html": text(d.description),
                        "bands": [{"advice_html": text(b.advice), "links": links(b.links),
                                   "by_perspective": by_perspective(b.advice_by_perspective)} for b in d.bands]}
                       for d in assessment.dimensions],
        "profiles": [{"id": p.id, "text_html": text(p.text), "links": links(p.links),
                      "by_perspective": by_perspective(p.text_by_perspective)} for p in assessment.profiles],
    }
    return context


def _engine_page_meta(title: str, description: str, wheel: str) -> dict:
    return {"title": title, "description": description, "sw_engine_wheel": wheel, "hide": ["toc"]}


def scan_page(assessment: Assessment, pages_dir: Path, wheel: str, lang: str | None = None) -> str:
    """The Markdown source (front matter + HTML) of one scan page."""
    context = _context(assessment, pages_dir, wheel, f"scans/{assessment.id}/", lang)
    meta = _engine_page_meta(context["plain_title"], context["description"], wheel)
    return front_matter(meta) + _environment().get_template("scan.md.j2").render(
        team_page=has_team_page(assessment), **context)


def team_page(assessment: Assessment, pages_dir: Path, wheel: str, lang: str | None = None) -> str:
    """The facilitator's team page of one scan: paste codes, see the team's picture."""
    context = _context(assessment, pages_dir, wheel, f"scans/{assessment.id}/team/", lang)
    title = context["plain_title"]
    meta = _engine_page_meta(f"Teamuitslag: {title}",
                             f"Plak de resultaatcodes van de teamleden en bekijk samen de uitslag van de {title}.",
                             wheel)
    return front_matter(meta) + _environment().get_template("team.md.j2").render(**context)


# -- the paper answer sheet (issue 13) ----------------------------------------------------------
# The keys the facilitator types for a box that is not a scale point, in the typing grid on the
# team page (team-grid.js reads them from the grid's data attributes) and printed on the sheet
# beside those boxes, so sheet and grid always match. Both are on a number pad.
PAPER_KEYS = {"unknown": "0", "not_applicable": "-"}
# A scale point is typed as its position (1, 2, ...): one key per question up to 9 points.
PAPER_MAX_POINTS = 9
PAPER_NOT_APPLICABLE = "Niet van toepassing"
PAPER_UNKNOWN = "Weet ik niet"
# Heights on the printed sheet in CSS pixels (A4 within the margins of ``@page sw-paper``), measured
# in Chromium: enough to tell whether the open questions fit on the last page without a new one.
_PAPER_PAGE, _PAPER_HEAD, _PAPER_PERSPECTIVE, _PAPER_COLUMN_HEADS = 1024, 205, 84, 34
_PAPER_ROW, _PAPER_ROW_LINE, _PAPER_LINE_CHARS = 28, 16, 68
_PAPER_END, _PAPER_OPEN, _PAPER_OPEN_EACH = 50, 45, 110


def _paper_open_fits(question_htmls: list[str], perspective: bool, reflections: int) -> bool:
    """Whether the open questions fit below the last question on paper: then they print by default.

    An estimate (the printer's fonts decide); it only sets the default of the sheet's check box.
    """
    used = _PAPER_HEAD + (_PAPER_PERSPECTIVE if perspective else 0) + _PAPER_COLUMN_HEADS
    for text_html in question_htmls:
        chars = len(html.unescape(re.sub(r"<[^>]*>", "", text_html)))
        row = _PAPER_ROW + _PAPER_ROW_LINE * (max(1, -(-chars // _PAPER_LINE_CHARS)) - 1)
        if used + row > _PAPER_PAGE:
            used = _PAPER_COLUMN_HEADS  # a new page, with the column heads again
        used += row
    return used + _PAPER_END + _PAPER_OPEN + _PAPER_OPEN_EACH * reflections <= _PAPER_PAGE


def paper_page(assessment: Assessment, pages_dir: Path, wheel: str, lang: str | None = None) -> str:
    """The printable A4 answer sheet of a team or organisation scan (``scans/<id>/papier/``).

    No name field, a line for the round's name, a tick box per scale point plus "weet ik niet"
    (and "niet van toepassing" where a question has it), each box showing the key that types it
    into the grid on the team page. No engine on this page: it is a form on paper.
    """
    context = _context(assessment, pages_dir, wheel, f"scans/{assessment.id}/papier/", lang)
    title = context["plain_title"]
    na_labels = list(dict.fromkeys(q["not_applicable"] for q in context["questions"] if q["not_applicable"]))
    meta = {"title": f"Antwoordformulier: {title}",
            "description": f"Een antwoordformulier op papier voor de {title}: afdrukken, zonder naam invullen "
                           f"en de begeleider typt de antwoorden in.",
            "hide": ["navigation", "toc"]}
    return front_matter(meta) + _environment().get_template("paper.md.j2").render(
        typed=len(context["scale_options"]) <= PAPER_MAX_POINTS, max_points=PAPER_MAX_POINTS,
        unknown_paper=context["unknown_label"] or PAPER_UNKNOWN,
        na_header=na_labels[0] if len(na_labels) == 1 else (PAPER_NOT_APPLICABLE if na_labels else None),
        open_fits=_paper_open_fits([q["text_html"] for q in context["questions"]], bool(context["perspective"]),
                                   len(context["reflection"])),
        **context)


# -- the organisation overview (issue 17; owner: the organisation-page helper) ---------------------
def organisation_page(assessment: Assessment, pages_dir: Path, wheel: str, lang: str | None = None) -> str:
    """The coordinator's overview of a team or organisation scan (``scans/<id>/organisatie/``).

    Team result files (made on the team page, engine/organisation.py) go in; a heatmap of
    teams x dimensions, the spread of profiles, what plays broadly, and the reports come out
    (organisation-page.js). The build adds the advice of every band and the texts of the
    profiles as ``<template>`` elements, with their guide links, for "what the guide suggests".
    """
    context = _context(assessment, pages_dir, wheel, f"scans/{assessment.id}/organisatie/", lang)
    title = context["plain_title"]
    meta = _engine_page_meta(f"Overzicht van alle teams: {title}",
                             f"Lees de teamresultaten van de {title} in en bekijk alle teams in één beeld, "
                             f"in je eigen browser.", wheel)
    # per dimension every guide page its bands link to, once: for questions that split teams
    for d in context["dimensions"]:
        seen = {}
        for band in d["bands"]:
            for link in band["links"]:
                seen.setdefault(link["url"], link)
        d["all_links"] = list(seen.values())
    return front_matter(meta) + _environment().get_template("organisation.md.j2").render(**context)
# -- end organisation overview --


def overview_page(assessments: list[Assessment], pages_dir: Path, lang: str | None = None) -> str:
    scans = []
    for a in assessments:
        facilitator = f"begeleiden/{a.id}.md"
        scans.append(ScanSummary(
            id=a.id, title=markdown_text(localize(a.title, lang)), audience=AUDIENCE_LABELS[a.audience],
            questions=len(a.questions), minutes=minutes_for(a),
            summary=markdown_text(_first_sentence(localize(a.intro, lang) or "")),
            facilitator=facilitator if (pages_dir / facilitator).is_file() else None,
            organisation_page=has_team_page(a)))
    return _environment().get_template("scans-index.md.j2").render(scans=scans)


def write_scan_pages(assessments: list[Assessment], docs_dir: Path, wheel: str, lang: str | None = None) -> list[str]:
    """Write the overview, one page per scan and the team pages into ``docs_dir``.

    Returns the paths for the nav: the overview and the scan pages. Team pages
    (``scans/<id>/team/index.md``, so a relative link in their HTML means the same to
    every generator) stay out of the nav; their scan page and facilitator page link to them.
    So do the paper answer sheets (``scans/<id>/papier/index.md``), linked from the team page.
    """
    written = ["scans/index.md"]
    (docs_dir / "scans").mkdir(parents=True, exist_ok=True)
    (docs_dir / "scans" / "index.md").write_text(overview_page(assessments, docs_dir, lang), encoding="utf-8")
    for assessment in assessments:
        folder = docs_dir / "scans" / assessment.id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(scan_page(assessment, docs_dir, wheel, lang), encoding="utf-8")
        written.append(f"scans/{assessment.id}/index.md")
        if has_team_page(assessment):
            (folder / "team").mkdir(exist_ok=True)
            (folder / "team" / "index.md").write_text(team_page(assessment, docs_dir, wheel, lang),
                                                      encoding="utf-8")
            # the paper answer sheet, printed for teams without a device each (out of the nav, as the team page)
            (folder / "papier").mkdir(exist_ok=True)
            (folder / "papier" / "index.md").write_text(paper_page(assessment, docs_dir, wheel, lang),
                                                        encoding="utf-8")
            # -- organisation overview (issue 17; owner: the organisation-page helper) --
            # many teams' result files in one picture, for a coordinator (out of the nav, as the team page)
            (folder / "organisatie").mkdir(exist_ok=True)
            (folder / "organisatie" / "index.md").write_text(organisation_page(assessment, docs_dir, wheel, lang),
                                                             encoding="utf-8")
            # -- end organisation overview --
    return written

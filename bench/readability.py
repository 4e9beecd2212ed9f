"""Readability of the guide pages in content/ (Dutch, B1 target).

For every Markdown page this prints the number of sentences, the average
sentence length in words and the Flesch-Douma score (textstat in Dutch mode).
Before measuring, the parts a reader does not read as running text are
removed: front matter, code, HTML and SVG, link targets, admonition markers,
table rules and Markdown markup.

Targets: Flesch-Douma at or above 60, average sentence under 15 words.

Usage:
    python bench/readability.py [--json] [PATH ...]

PATH defaults to content/. Exit code is 0; this is a measurement, not a gate.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parent.parent
TARGET_SCORE = 60.0
TARGET_SENTENCE = 15.0

# Stripping steps, in order: bigger structures first, then inline markup.
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
HTML_BLOCK = re.compile(r"<(svg|script|style)\b.*?</\1>", re.S | re.I)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"<[^>]+>")
ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*[\w -]+?(\s+\"([^\"]*)\")?\s*$", re.M)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ATTR_LIST = re.compile(r"\{[:#.][^}]*\}")
INLINE_CODE = re.compile(r"`[^`]*`")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.M)
ICON = re.compile(r":[a-z0-9_-]+(?:-[a-z0-9_]+)*:")
HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.M)
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)
EMPHASIS = re.compile(r"[*_]{1,3}")


def plain_text(markdown: str) -> str:
    """Return the running text of a page, one sentence-ish unit per line.

    Headings, list items and table cells are ended with a full stop when they
    have none, so that textstat does not glue them to the next sentence.
    """
    text = FRONT_MATTER.sub("", markdown)
    text = FENCED_CODE.sub("", text)
    text = HTML_BLOCK.sub("", text)
    text = HTML_COMMENT.sub("", text)
    text = ABBR_DEF.sub("", text)
    text = ADMONITION.sub(lambda m: m.group(3) or "", text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = ATTR_LIST.sub("", text)
    text = INLINE_CODE.sub("", text)
    text = HTML_TAG.sub("", text)
    text = TABLE_RULE.sub("", text)
    text = ICON.sub("", text)
    text = HEADING.sub(r"\1", text)
    text = LIST_MARK.sub("", text)
    text = EMPHASIS.sub("", text)
    units: list[str] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("|")] if "|" in line else [line.strip()]
        for cell in cells:
            if not cell:
                continue
            if cell[-1] not in ".!?:;":
                cell += "."
            units.append(cell)
    return "\n".join(units)


def measure(path: Path) -> dict:
    """Measure one page; the keys are also the JSON contract of --json."""
    text = plain_text(path.read_text(encoding="utf-8"))
    sentences = max(textstat.sentence_count(text), 1)
    words = textstat.lexicon_count(text)
    return {
        "page": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "sentences": sentences,
        "words": words,
        "avg_sentence": round(words / sentences, 1),
        "flesch_douma": round(textstat.flesch_reading_ease(text), 1) if words else 0.0,
    }


def pages(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [ROOT / "content"]
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root.resolve())
        elif root.is_dir():
            found += sorted(p.resolve() for p in root.rglob("*.md") if "scans" not in p.relative_to(root).parts)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("paths", nargs="*", help="files or folders (default: content/)")
    ns = parser.parse_args(argv)
    textstat.set_lang("nl")
    rows = [measure(p) for p in pages(ns.paths)]
    total_words = sum(r["words"] for r in rows)
    total_sentences = sum(r["sentences"] for r in rows)
    summary = {
        "pages": len(rows),
        "avg_sentence": round(total_words / max(total_sentences, 1), 1),
        "min_flesch_douma": min((r["flesch_douma"] for r in rows), default=0.0),
        "mean_flesch_douma": round(sum(r["flesch_douma"] for r in rows) / max(len(rows), 1), 1),
        "below_target": [r["page"] for r in rows
                         if r["flesch_douma"] < TARGET_SCORE or r["avg_sentence"] >= TARGET_SENTENCE],
    }
    if ns.json:
        json.dump({"pages": rows, "summary": summary}, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    width = max((len(r["page"]) for r in rows), default=4)
    print(f"{'page':<{width}}  {'zinnen':>6}  {'gem.zin':>7}  {'F-Douma':>7}")
    for r in rows:
        flag = "" if r["page"] not in summary["below_target"] else "  <"
        print(f"{r['page']:<{width}}  {r['sentences']:>6}  {r['avg_sentence']:>7}  {r['flesch_douma']:>7}{flag}")
    print(f"TOTAAL {summary['pages']} pagina's: gem. zinslengte {summary['avg_sentence']} woorden, "
          f"Flesch-Douma gemiddeld {summary['mean_flesch_douma']}, laagste {summary['min_flesch_douma']}, "
          f"onder doel: {len(summary['below_target'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

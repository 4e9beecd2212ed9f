"""Issue 14, language pass: what a test can see of the guide's terms and titles.

- words the guide no longer uses (toolkit, Rijksdienst, jargon) are absent from
  the pages in content/ and from every text a scan shows;
- "vragenlijst" and "zelfscan" do not appear in running text (the word "scan" is used);
- no two menu titles are the same, and a menu title equals the H1 of its page;
- every scan result gives one prioritised first step: at most one "Eerste stap"
  per profile text (and per perspective), and none in the advice per band.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
ASSESSMENTS = ROOT / "assessments"

# (pattern, what it stands for); case-insensitive, on whole words where that matters
FORBIDDEN = [
    (r"\btoolkit\b", "toolkit: say Supportwijzer"),
    (r"\brijksdienst\b", "Rijksdienst: the source says overheidsorganisatie"),
    (r"gedeelde drive", "gedeelde drive: anglicism"),
    (r"check het beeld", "Check het beeld: anglicism"),
    (r"kort op de bal", "kort op de bal: jargon"),
    (r"\bzelfscans?\b", "zelfscan: say scan"),
    (r"\bvragenlijst(en)?\b", "vragenlijst: say scan"),
    (r"hoe klaar (je|hij|zij|ik) bent|hoe klaar (hij|zij) is", "hoe klaar je bent: anglicism"),
    (r"het komt precies", "het komt precies: say het luistert nauw"),
    (r"\bAnna\b|\bFriesland\b", "names and places are removed from the practice examples"),
]

# The begrippenlijst names the words the guide avoids, in its table of fixed terms.
TERM_TABLE_PAGE = "begrippen.md"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def guide_pages() -> list[Path]:
    return sorted(p for p in CONTENT.rglob("*.md") if "scans" not in p.relative_to(CONTENT).parts)


def running_text(page: Path) -> str:
    """What a reader reads: no front matter fields other than the description, no code, no link targets."""
    text = page.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    description = ""
    if match:
        meta = yaml.safe_load(match.group(0).strip("-\n")) or {}
        description = str(meta.get("description", ""))
        text = text[match.end():]
    text = FENCE.sub("", text)
    text = LINK_TARGET.sub("]", text)
    if page.relative_to(CONTENT).as_posix() == TERM_TABLE_PAGE:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    return description + "\n" + text


def scan_texts(node, path="") -> list[tuple[str, str]]:
    """Every string a scan shows (ids, links and keys are not shown)."""
    out = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"id", "links", "dimension", "prototype", "when", "scale"}:
                if key == "scale":  # its labels are shown
                    out += scan_texts(value.get("labels", {}), f"{path}.scale.labels")
                    if "unknown" in value:
                        out += scan_texts(value["unknown"], f"{path}.scale.unknown")
                continue
            out += scan_texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += scan_texts(value, f"{path}[{i}]")
    elif isinstance(node, str):
        out.append((path, node))
    return out


def scans() -> list[Path]:
    return sorted(ASSESSMENTS.glob("*.yml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ---- forbidden terms ----------------------------------------------------------------------

@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_guide_page_uses_the_fixed_terms(page):
    text = running_text(page)
    found = [(why, m.group(0)) for pattern, why in FORBIDDEN for m in re.finditer(pattern, text, re.I)]
    assert not found, found


@pytest.mark.parametrize("scan", scans(), ids=lambda p: p.stem)
def test_scan_texts_use_the_fixed_terms(scan):
    found = []
    for where, text in scan_texts(load(scan)):
        for pattern, why in FORBIDDEN:
            if re.search(pattern, text, re.I):
                found.append((where, why))
    assert not found, found


def test_the_begrippenlijst_lists_the_fixed_terms():
    text = (CONTENT / TERM_TABLE_PAGE).read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    first_cells = {line.split("|")[1].strip() for line in table}
    for term in ("Supportwijzer", "scan", "support", "resultaatcode", "teamronde", "begeleider"):
        assert term in first_cells, term
    # and each has its own entry in the list of words
    for term in ("scan", "support", "Supportwijzer", "resultaatcode", "teamronde", "begeleider"):
        assert re.search(rf"^{re.escape(term)}\n:   ", text, re.M), term


def test_a_practice_example_file_is_named_after_the_source():
    assert (CONTENT / "praktijkvoorbeelden" / "overheidsorganisatie.md").exists()
    assert not (CONTENT / "praktijkvoorbeelden" / "rijksdienst.md").exists()


# ---- titles -------------------------------------------------------------------------------

def nav_entries() -> list[tuple[str, str]]:
    """(title, page) of every titled page in mkdocs.yml's nav; section headings are skipped."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        walk(value)
                    else:
                        out.append((str(title), str(value)))
    walk(config["nav"])
    return out


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !!python/name tags for the emoji extension; read them as plain text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)


def h1_of(page: Path) -> str:
    text = FENCE.sub("", FRONT_MATTER.sub("", page.read_text(encoding="utf-8")))
    match = re.search(r"^#\s+(.+?)\s*$", text, re.M)
    assert match, f"{page} has no H1"
    return match.group(1)


def test_no_two_menu_titles_are_the_same():
    titles = [title for title, _ in nav_entries()]
    doubles = sorted({t for t in titles if titles.count(t) > 1})
    assert not doubles, doubles


# The home page's menu title is "Home" (the builder keeps that section); its H1 is the product name.
NAV_TITLE_MAY_DIFFER = {"index.md"}


@pytest.mark.parametrize("title,page", nav_entries(), ids=lambda v: str(v))
def test_menu_title_is_the_page_heading(title, page):
    if page in NAV_TITLE_MAY_DIFFER:
        return
    path = CONTENT / page
    if not path.exists():  # a generated page (scans/...): its title comes from the scan
        pytest.skip(f"{page} is generated by the build")
    assert h1_of(path) == title


def test_no_two_guide_pages_have_the_same_heading():
    heads = [h1_of(p) for p in guide_pages()]
    doubles = sorted({h for h in heads if heads.count(h) > 1})
    assert not doubles, doubles
    assert not [h for h in heads if re.match(r"Tip \d", h)], "a page title should stand on its own"


# ---- one prioritised first step per result --------------------------------------------------

def profile_texts(scan: dict):
    for profile in scan.get("profiles", []):
        yield profile["id"], "", profile["text"]
        for who, text in (profile.get("text_by_perspective") or {}).items():
            yield profile["id"], who, text


def band_texts(scan: dict):
    for dim in scan["dimensions"]:
        for band in dim["bands"]:
            yield dim["id"], band["upto"], "", band["advice"]
            for who, text in (band.get("advice_by_perspective") or {}).items():
                yield dim["id"], band["upto"], who, text


def _as_text(value) -> str:
    return " ".join(value.values()) if isinstance(value, dict) else value


@pytest.mark.parametrize("scan", scans(), ids=lambda p: p.stem)
def test_each_profile_text_gives_at_most_one_first_step(scan):
    data = load(scan)
    too_many = [(pid, who) for pid, who, text in profile_texts(data)
                if len(re.findall(r"eerste stap", _as_text(text), re.I)) > 1]
    assert not too_many, too_many


# The scans whose texts this issue rewrote: there the one first step is in the profile,
# and the advice per band offers an idea instead.
REWRITTEN = ["teamfase", "werksoort", "persoonlijk-leiderschap", "concernsupport"]


@pytest.mark.parametrize("scan_id", REWRITTEN)
def test_every_profile_gives_exactly_one_first_step_and_bands_none(scan_id):
    data = load(ASSESSMENTS / f"{scan_id}.yml")
    for pid, who, text in profile_texts(data):
        assert _as_text(text).count("**Eerste stap:**") == 1, (pid, who)
    for did, upto, who, text in band_texts(data):
        assert "eerste stap" not in _as_text(text).lower(), (did, upto, who)


@pytest.mark.parametrize("scan_id", REWRITTEN)
def test_a_result_page_shows_one_first_step(scan_id):
    """Worst case for a reader: one profile text next to one band per part."""
    data = load(ASSESSMENTS / f"{scan_id}.yml")
    per_band = max((_as_text(t).lower().count("eerste stap") for *_, t in band_texts(data)), default=0)
    per_profile = max((_as_text(t).lower().count("eerste stap") for *_, t in profile_texts(data)), default=0)
    assert per_profile + per_band * len(data["dimensions"]) == 1


def test_the_first_step_phrase_is_rare():
    """Issue 14 counted "Eerste stap deze week" 95 times; the rewritten scans no longer use it."""
    for scan_id in REWRITTEN:
        assert "Eerste stap deze week" not in (ASSESSMENTS / f"{scan_id}.yml").read_text(encoding="utf-8")


# ---- the meaning fixes a test can see ----------------------------------------------------------

def test_teams_decide_their_leadership_themselves():
    teamfasen = running_text(CONTENT / "wendbaar-werken" / "teamfasen.md")
    assert "meepraten" not in teamfasen
    assert re.search(r"teams daarom zelf bepalen", teamfasen, re.I)
    for pid, _, text in profile_texts(load(ASSESSMENTS / "teamfase.yml")):
        assert "Dat beslissen jullie zelf" in text, pid


def test_steering_is_part_of_support_before_it_is_introduced():
    home = running_text(CONTENT / "index.md")
    assert "**sturen**" in home and "mandaat" in home
    page = running_text(CONTENT / "werken-vanuit-support.md")
    before = page.split("## Steunen én sturen")[0]
    assert "mogen besluiten" in before and "verantwoordelijk" in before


def test_quality_and_action_orientation():
    page = running_text(CONTENT / "complexiteit-en-verandering.md")
    assert "kwaliteit" in page and "actiegerichtheid" in page
    assert "Hoe snel" not in page


def test_work_type_model_credits_stacey_and_cynefin():
    for page in ("wendbaar-organiseren/werksoortenmodel.md", "over.md", "begeleiden/werksoort.md"):
        text = running_text(CONTENT / page)
        assert "Stacey" in text and "Cynefin" in text, page


def test_chaos_means_act_first_then_look_again():
    werksoort = yaml.safe_load((ASSESSMENTS / "werksoort.yml").read_text(encoding="utf-8"))
    complex_text = next(p["text"] for p in werksoort["profiles"] if p["id"] == "complex")
    assert "eerst om rust te brengen" in complex_text and "opnieuw" in complex_text
    assert "zoals in een werkgroep" not in complex_text


def test_business_roles_are_not_paired_one_to_one():
    page = running_text(CONTENT / "wendbaar-organiseren" / "concernsupport.md")
    assert not re.search(r"^\|\s*Oude rol", page, re.M)
    assert "bewaker van de gezamenlijke missie" in page


def test_the_leader_in_the_example_is_flexible_and_facilitating_not_coaching():
    for page in ("praktijkvoorbeelden/index.md", "praktijkvoorbeelden/leidinggevende.md"):
        text = running_text(CONTENT / page)
        assert "coachend" not in text, page
        assert "faciliterend" in text, page


def test_practice_examples_name_the_whitepaper():
    for page in ("praktijkvoorbeelden/index.md", "over.md"):
        assert "whitepaper" in running_text(CONTENT / page), page
    over = running_text(CONTENT / "over.md")
    # the book's subtitle, named in our own words (its nine words in a row would be a copied run)
    assert "De Supportorganisatie" in over and "leidinggeven aan vrijheid en verantwoordelijkheid" in over


def test_a_low_score_is_not_where_you_must_begin():
    for scan_id in REWRITTEN:
        for pid, _, text in profile_texts(load(ASSESSMENTS / f"{scan_id}.yml")):
            assert "laagste score" not in _as_text(text), (scan_id, pid)
    assert "laagste" not in running_text(CONTENT / "begeleiden" / "teamfase.md")

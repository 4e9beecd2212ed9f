"""The privacy page lists exactly the storage keys the code writes (one source of truth)."""

from builder import privacy
from support import ROOT


def test_the_privacy_page_and_the_code_agree():
    assert privacy.check(ROOT, ROOT / "content") == []
    assert privacy.declared_keys(ROOT / privacy.STORAGE_JS) == [
        "supportwijzer:antwoorden:<scan>:v<versie>", "supportwijzer:teamronde:<scan>:<team>",
        "supportwijzer:reflectie:<scan>:v<versie>", "supportwijzer:kiosk:<scan>:v<versie>:<team>",
        "supportwijzer:organisatie:<scan>", "supportwijzer:weergave", "<pad>.__palette"]


def test_a_key_missing_from_the_page_stops_the_build_at_the_table(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    page = (ROOT / "content" / "privacy.md").read_text(encoding="utf-8")
    lines = page.splitlines()
    (content / "privacy.md").write_text(
        "\n".join(line for line in lines if "teamronde" not in line), encoding="utf-8")
    start = next(i for i, line in enumerate(lines, 1) if "opslag:begin" in line)
    [problem] = privacy.check(ROOT, content)
    assert problem == (f"{content / 'privacy.md'}:{start}: the storage table differs from the code; not listed here "
                       f"but written by the site: supportwijzer:teamronde:<scan>:<team>")


def test_a_key_the_code_does_not_write_is_reported_too(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    page = (ROOT / "content" / "privacy.md").read_text(encoding="utf-8")
    (content / "privacy.md").write_text(page.replace(
        "<!-- opslag:end -->", "| `supportwijzer:geheim` | iets | altijd |\n<!-- opslag:end -->"), encoding="utf-8")
    [problem] = privacy.check(ROOT, content)
    assert "listed here but not in KEY_PATTERNS" in problem and "supportwijzer:geheim" in problem

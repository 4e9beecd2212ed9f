"""brand.yml's source_url (issue 15, defect 12): where the source code is, shown as "Broncode" in the footer."""
import pytest
import yaml

from builder.brand import BrandError, load_brand
from builder.staging import footer_html


def brand_file(tmp_path, text):
    path = tmp_path / "brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_source_url_is_kept_and_shown_as_broncode_in_the_footer(tmp_path):
    brand = load_brand(brand_file(tmp_path, "organisation: X\nsource_url: https://github.com/gemeente/supportwijzer\n"))
    assert brand.source_url == "https://github.com/gemeente/supportwijzer"
    assert '<a class="sw-source" href="https://github.com/gemeente/supportwijzer" rel="noopener">Broncode</a>' \
        in footer_html(brand, "/over/")


def test_without_a_source_url_the_footer_has_no_broncode(tmp_path):
    brand = load_brand(brand_file(tmp_path, "organisation: X\n"))
    assert brand.source_url is None
    assert "Broncode" not in footer_html(brand, "/over/")


@pytest.mark.parametrize("value", [
    "http://github.com/gemeente/supportwijzer", "javascript:alert(1)", "github.com/gemeente", "12",
    "'https://x.nl/\"><script>'", "'https://'",
])
def test_a_source_url_that_is_no_https_address_stops_the_build_with_file_and_line(tmp_path, value):
    path = brand_file(tmp_path, f"organisation: X\nsource_url: {value}\n")
    with pytest.raises(BrandError) as raised:
        load_brand(path)
    assert raised.value.problems == [
        f"{path}:2: expected source_url as an https:// address, such as https://github.com/organisatie/supportwijzer, "
        f"received {yaml.safe_load(value)!r}"]


def test_the_self_hosting_page_names_the_source_or_says_it_has_none(tmp_path):
    from builder.staging import SOURCE_MARK, add_source_link
    for url, expected in (("https://github.com/gemeente/supportwijzer",
                           "De broncode van deze site staat op <https://github.com/gemeente/supportwijzer>."),
                          (None, "Deze versie van de site noemt geen adres van haar broncode.")):
        (tmp_path / "zelf-hosten.md").write_text(f"# Zelf hosten\n\n{SOURCE_MARK}\n", encoding="utf-8")
        add_source_link(tmp_path, url)
        text = (tmp_path / "zelf-hosten.md").read_text(encoding="utf-8")
        assert expected in text and SOURCE_MARK not in text


def test_the_pages_workflow_passes_its_repository_as_the_source():
    from support import ROOT
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build = next(step for step in workflow["jobs"]["build"]["steps"] if step.get("run") == "./run.sh build")
    assert build["env"]["SUPPORTWIJZER_SOURCE_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def test_a_build_on_pages_links_the_repository_in_the_footer_and_on_the_self_hosting_page(tmp_path, monkeypatch):
    from builder.site import Project, build_site
    from support import ROOT
    monkeypatch.setenv("SUPPORTWIJZER_SOURCE_URL", "https://github.com/gemeente/supportwijzer")
    build_site(Project(root=ROOT), tmp_path / "site", log=lambda line: None)
    page = (tmp_path / "site" / "zelf-hosten" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/gemeente/supportwijzer"' in page
    assert 'class="sw-source" href="https://github.com/gemeente/supportwijzer"' in page  # the footer

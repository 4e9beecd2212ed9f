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

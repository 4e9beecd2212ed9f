"""The link check over the built site: every internal link and anchor lands on something."""
from builder.links import check_links


def write(path, html):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_broken_files_and_anchors_are_reported_with_page_and_line(tmp_path):
    write(tmp_path / "index.html", '<h1 id="top">Home</h1>\n<a href="gids/">gids</a>\n<a href="gids/#bestaat-niet">x</a>\n'
                                   '<a href="weg/">weg</a>\n<a href="#top">top</a>\n<a href="https://example.org/">extern</a>')
    write(tmp_path / "gids" / "index.html", '<h2 id="deel">Deel</h2><a href="../#top">terug</a><a href="/gids/#deel">abs</a>')
    assert check_links(tmp_path) == [
        "index.html:3: link 'gids/#bestaat-niet' points at an anchor that does not exist",
        "index.html:4: link 'weg/' points at a file that does not exist",
    ]


def test_absolute_links_must_stay_under_the_sites_path(tmp_path):
    write(tmp_path / "index.html", '<a href="/repo/">ok</a><a href="/elders/">niet ok</a>')
    assert check_links(tmp_path, "/repo/") == ["index.html:1: link '/elders/' is outside the site's address /repo/"]


def test_the_real_site_has_no_broken_link(tmp_path):
    from builder.site import Project, build_site
    from support import ROOT
    site = tmp_path / "site"
    build_site(Project(root=ROOT), site, log=lambda line: None)
    assert check_links(site) == []

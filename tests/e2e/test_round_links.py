"""The facilitator's team-round panel on a scan page (issue 15, defect 1).

"Maak de links" without a name used to put its message in place of the links, so after a name
was typed the links could not be filled in any more: the message stayed and a TypeError came
up until the page was reloaded.
"""
from urllib.parse import quote

SCAN = "teamfase"


def test_no_name_then_a_name_gives_the_links_without_an_error(page, context, site):
    page.goto(site(f"scans/{SCAN}/"))
    page.click("[data-sw-round] summary")
    status = page.locator("[data-sw-round-status]")
    links = page.locator("[data-sw-round-links]")

    # no name: a message in the panel's status region, no links, the focus back in the name field
    page.click("[data-sw-round-make]")
    assert status.inner_text() == "Vul eerst een naam in voor de teamronde."
    assert status.get_attribute("role") == "status"
    assert links.is_hidden()
    assert page.locator("[data-sw-round-label]").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "sw-round-label"

    # a name (typed, then Enter, as a keyboard user would): the links, and the message gone
    page.keyboard.type("Team Noord")
    page.keyboard.press("Enter")
    assert links.is_visible()
    assert status.inner_text() == ""
    assert page.locator("[data-sw-round-label]").get_attribute("aria-invalid") is None
    member = page.locator("[data-sw-round-member]").inner_text()
    assert member == site(f"scans/{SCAN}/#team=Team+Noord")
    assert page.locator("[data-sw-round-team]").get_attribute("href") == site(f"scans/{SCAN}/team/#team=Team+Noord")

    # the member's link works: the round's name above the questions
    page.goto(member)
    assert page.locator("[data-sw-team-label]").inner_text() == "Teamronde: Team Noord"

    # and back in the panel: another name, then none again, then a name once more, all by clicking
    page.goto(site(f"scans/{SCAN}/"))
    page.click("[data-sw-round] summary")
    page.fill("[data-sw-round-label]", "Zuid")
    page.click("[data-sw-round-make]")
    assert page.locator("[data-sw-round-member]").inner_text().endswith(f"#team={quote('Zuid')}")
    page.fill("[data-sw-round-label]", "   ")
    page.click("[data-sw-round-make]")
    assert status.inner_text() == "Vul eerst een naam in voor de teamronde."
    assert links.is_hidden()
    page.fill("[data-sw-round-label]", "Oost")
    page.click("[data-sw-round-make]")
    assert links.is_visible() and status.inner_text() == ""
    assert page.locator("[data-sw-round-member]").inner_text().endswith("#team=Oost")

    assert context.recorder.errors == []

"""What ``builder.staging.unlink`` leaves of a page when a brand hides a scan: nothing that points at it."""
from builder import staging

HIDDEN = {"scans/supportlijnen/index.md"}


def unlinked(tmp_path, text: str) -> str:
    page = tmp_path / "uitleg.md"
    page.write_text(text, encoding="utf-8")
    staging.unlink(tmp_path, HIDDEN)
    return page.read_text(encoding="utf-8")


def test_a_list_item_about_a_hidden_scan_goes_with_the_lines_that_continue_it(tmp_path):
    text = ("Wat de cijfers betekenen:\n\n"
            "- De tabel gaat over goede stellingen.\n"
            "  Hoogstens 13% krijgt een signaal.\n"
            "- De [Supportlijnen-scan](scans/supportlijnen/index.md) volgt een vaste regel.\n"
            "  Een lijn blijft achter als hij 15 punten onder het gemiddelde ligt.\n"
            "    - ook een lijst in het punt gaat mee\n"
            "  De uitslag zegt dan dat je tussen twee profielen zit.\n"
            "- Veel uitslagen liggen tussen twee profielen.\n\n"
            "Een nieuwe alinea blijft.\n")
    assert unlinked(tmp_path, text) == ("Wat de cijfers betekenen:\n\n"
                                        "- De tabel gaat over goede stellingen.\n"
                                        "  Hoogstens 13% krijgt een signaal.\n"
                                        "- Veel uitslagen liggen tussen twee profielen.\n\n"
                                        "Een nieuwe alinea blijft.\n")


def test_the_items_later_paragraphs_go_too_and_the_next_item_stays(tmp_path):
    text = ("1. Doe de [Supportlijnen-scan](scans/supportlijnen/index.md).\n\n"
            "    Een tweede alinea van hetzelfde punt (4 spaties, zoals Python-Markdown wil).\n\n"
            "2. Bespreek de uitslag.\n\n"
            "Klaar.\n")
    assert unlinked(tmp_path, text) == "\n2. Bespreek de uitslag.\n\nKlaar.\n"


def test_a_paragraph_after_a_blank_line_that_markdown_does_not_put_in_the_item_stays(tmp_path):
    text = ("- Doe de [Supportlijnen-scan](scans/supportlijnen/index.md).\n\n"
            "  Een losse alinea: met 2 spaties hoort die voor Python-Markdown niet bij het punt.\n")
    assert unlinked(tmp_path, text) == ("\n  Een losse alinea: met 2 spaties hoort die voor "
                                        "Python-Markdown niet bij het punt.\n")


def test_a_page_that_ends_inside_the_item_keeps_its_last_newline(tmp_path):
    text = "Tekst.\n\n- Doe de [Supportlijnen-scan](scans/supportlijnen/index.md).\n  Met uitleg.\n"
    assert unlinked(tmp_path, text) == "Tekst.\n\n"


def test_in_running_text_only_the_sentence_with_the_link_goes(tmp_path):
    text = "Lees eerst de gids. Doe daarna de [Supportlijnen-scan](scans/supportlijnen/index.md). Bespreek het samen.\n"
    assert unlinked(tmp_path, text) == "Lees eerst de gids. Bespreek het samen.\n"

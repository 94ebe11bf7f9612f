"""Unit tests for sog/letter/render.py: the static HTML of the letter's markers.

Tested here:
- widget:letter is the shared widget root (id "letter"), falling back to the
  blank letter on the page, with the noscript note, the notice and the
  announcer, and the blank letter and, folded away, the blank authorization
  and slides request: no button, no field.
- widget:letter-blank is the same blank letter, authorization and slides
  request, the same words, for the gathering-records page.
- widget:phone-scripts is the phone scripts.
- escaping: with EVIL in every word, the page injects nothing; a fold's
  class is escaped too.
"""

from sog.checklist import items
from sog.letter import render, render_letter, view

from tests.support import examples
from tests.support.html import by_id, elements, parse_well_formed, visible_text
from tests.unit.escaping import assert_builder_escapes, assert_escaped


def test_static_page_is_the_widget_root_holding_the_blank_letter(data):
    soup = parse_well_formed(render.static_page(".."))
    root = by_id(soup, "letter")
    assert (root["data-widget"], root["data-state"], root["data-root"]) == ("letter", "static", "..")
    assert root["data-fallback-href"] == "#" + render_letter.LETTER_ID
    assert root["data-fallback-text"] == data["words"]["fallback_link"]
    assert "sog-prints-alone" in root["class"]
    assert data["words"]["noscript"] in root.find("noscript").get_text()
    assert by_id(soup, "letter-notice")["role"] == "status"
    # Filled in by the widget while screener answers wait to be answered again.
    assert by_id(soup, render.ASK_AGAIN_ID)["role"] == "status" and not by_id(soup, render.ASK_AGAIN_ID).contents
    assert by_id(soup, "letter-announce")["role"] == "status"
    body = by_id(soup, "letter-body")
    assert by_id(body, render_letter.LETTER_ID) is not None
    assert by_id(body, "letter-blank-heading").get_text() == data["words"]["blank_heading"]
    folded = body.find_all("details")
    assert [details.summary.get_text() for details in folded] == [data["words"]["auth_summary"],
                                                                   data["words"]["slides_summary"]]
    assert by_id(folded[0], render_letter.AUTH_ID) is not None
    assert by_id(folded[1], render_letter.SLIDES_ID) is not None
    assert "open" not in folded[0].attrs and "open" not in folded[1].attrs
    assert elements(soup, "button") == [] and elements(soup, "input") == [] and elements(soup, "textarea") == []


def test_page_keeps_every_word_as_text(data):
    """The noscript note, the blank letter's heading and the folds' summaries
    inject nothing from hostile words."""
    blank = view.blank_view(data, items.load())
    assert_escaped(render.page_html(examples.hostile_words(data), blank, ".."), render.page_html(data, blank, ".."))


def test_the_guide_shows_the_same_blank_letter(data):
    """One source of words: the guide's blank letter is the letter page's, word for word."""
    blank = view.blank_view(data, items.load())
    guide = parse_well_formed(render.blank_letters("."))
    page = parse_well_formed(render.static_page(".."))
    for sheet_id in (render_letter.LETTER_ID, render_letter.AUTH_ID, render_letter.SLIDES_ID):
        assert visible_text(by_id(guide, sheet_id)) == visible_text(by_id(page, sheet_id))
    assert render.blank_letters(".") == (
        '<div class="sog-letter-paper sog-letter-blank">' + render_letter.letter_html(data, blank)
        + render_letter.authorization_html(data, blank) + render_letter.slides_html(data, blank) + "</div>"
    )


def test_phone_scripts_marker(data):
    assert render.phone_scripts("..") == render_letter.phone_scripts_html(data)


def test_a_folds_class_stays_text():
    """A folded sheet's class, given by the code today, and its summary are escaped."""
    assert_builder_escapes(render._folded, ("Blank letter", "<p>sheet</p>", "sog-slides-blank"), (1,))

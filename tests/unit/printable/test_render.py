"""Unit tests for sog/printable/render.py: the printable page's widget root.

Tested here: the shared widget root named "printable", whose plain version
is the sheet itself; a notice region and a print button hidden until Python
shows it; the blank sheet inside, so the page prints without Python; ids
unique; static_page draws from the data file; hostile words and root stay
text.
"""

from sog import shell
from sog.checklist import items, render_sheet, state, view
from sog.printable import render

from tests.support import examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed
from tests.unit.escaping import assert_escaped

ROOT = ".."


def test_root_is_the_shared_shell_with_the_sheet_as_plain_version():
    """The widget root says the sheet on this page is the plain version."""
    data = items.load()
    soup = parse_well_formed(render.page_html(data, ROOT))
    root = by_id(soup, render.ROOT_ID)
    assert render.ROOT_ID == "printable"
    assert root["data-widget"] == "printable" and root["data-state"] == "static" and root["data-root"] == ROOT
    assert root["data-fallback-href"] == "#print-sheet"
    assert root["data-fallback-text"] == data["words"]["sheet"]["fallback_link"]
    assert by_id(soup, "printable-notice")["role"] == "status"
    # Filled in by the widget while screener answers wait to be answered again.
    assert by_id(soup, render.ASK_AGAIN_ID)["role"] == "status" and not by_id(soup, render.ASK_AGAIN_ID).contents


def test_print_button_waits_for_python():
    """The print button is there from the start, in room kept for it, and
    shows once Python is ready (shell.NEEDS_PYTHON)."""
    data = items.load()
    soup = parse_well_formed(render.page_html(data, ROOT))
    actions = by_id(soup, "printable-actions")
    assert shell.NEEDS_PYTHON in actions["class"].split() and not actions.has_attr("hidden")
    (button,) = elements(soup, "button")
    assert button.find_parent(id="printable-actions") is actions
    assert (button["id"], button["type"], button["data-action"]) == ("print-button", "button", "print")
    assert button.get_text() == data["words"]["sheet"]["print_button"]


def test_body_holds_the_blank_sheet():
    """Without Python the page prints the blank sheet, every item on it;
    the items outside the first view (the list for an empty checklist) are
    marked to show only then."""
    data = items.load()
    soup = parse_well_formed(render.page_html(data, ROOT))
    body = by_id(soup, "printable-body")
    first = render.first_view(data)
    assert first == view.build(data, state.new_state(), {})["shown"]
    blank = render_sheet.sheet_html(data, state.new_state(), {}, False, "", "", first)
    assert body.decode_contents() == parse_well_formed(blank).decode()
    rows = body.select("li.sog-sheet-item")
    assert len(rows) == len(data["items"])
    static_only = [row for row in rows if shell.STATIC_ONLY in row["class"].split()]
    assert len(static_only) == len(data["items"]) - len(first) > 0
    assert by_id(body, "print-sheet")
    found = ids(soup)
    assert len(found) == len(set(found))


def test_static_page_draws_from_the_data_file():
    """The build's marker function renders the packaged data for a page's root."""
    assert render.static_page(".") == render.page_html(items.load(), ".")


def test_every_word_stays_text(hostile_shared_words):
    """Hostile words (items.json and words.json), data and root inject nothing."""
    data = examples.checklist_data()
    hostile = examples.hostile_words(examples.hostile_checklist_data(data))
    soup = assert_escaped(render.page_html(hostile, ROOT + EVIL), render.page_html(data, ROOT))
    assert by_id(soup, "print-button").get_text() == hostile["words"]["sheet"]["print_button"]
    assert by_id(soup, render.ROOT_ID)["data-fallback-text"] == hostile["words"]["sheet"]["fallback_link"]

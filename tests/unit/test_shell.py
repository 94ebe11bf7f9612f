"""Unit tests for sog/shell.py: the static root every widget page starts from.

Tested here: the root carries its name, the "static" state, the site root,
the plain version's address and words, and the load watchdog's sentences
from words.json; the status line below it starts hidden; an extra class is
added; and every value, visitor-reachable or from the data, stays text.
"""

import pytest
from sog import datafiles, shell

from tests.support import examples
from tests.support.html import by_id, elements, parse_well_formed
from tests.unit.escaping import assert_escaped


def root_html(name="demo", root="..", href="#plain", text="Use the plain page", extra=""):
    return shell.open_root(name, root, href, text, extra) + "</div>"


def test_root_carries_what_the_page_needs_before_python():
    """The root says where it is, where the plain version is, and what the
    watchdog should say, all before any Python runs."""
    words = datafiles.load("words.json")["start"]
    soup = parse_well_formed(root_html())
    root = by_id(soup, "demo")
    assert root.name == "div" and root["class"] == "sog-widget"
    assert root["data-widget"] == "demo" and root["data-state"] == "static"
    assert root["data-root"] == ".."
    assert root["data-fallback-href"] == "#plain" and root["data-fallback-text"] == "Use the plain page"
    assert not root.has_attr("data-loading-text"), "the first view works while Python starts: nothing to say"
    assert root["data-failed-text"] == words["failed"]
    assert root["data-slow-text"] == words["slow"]


def test_status_line_starts_hidden_inside_the_root():
    """The status line is the root's first child: a hidden live region named after the root."""
    soup = parse_well_formed(root_html())
    status = by_id(soup, "demo-status")
    assert status.parent is by_id(soup, "demo")
    assert status.name == "p" and status["role"] == "status" and status.has_attr("hidden")
    assert status.get_text() == ""


@pytest.mark.parametrize("extra, css", [("", "sog-widget"), ("sog-wide", "sog-widget sog-wide")])
def test_extra_class(extra, css):
    """An extra class joins sog-widget; none adds nothing."""
    assert by_id(parse_well_formed(root_html(extra=extra)), "demo")["class"] == css


def test_one_root_only():
    """The shell opens exactly one element that stays open, and one status line."""
    soup = parse_well_formed(root_html())
    assert [element.name for element in elements(soup)] == ["div", "p"]


def test_every_value_and_word_stays_text(hostile_shared_words):
    """Hostile values (the root's name and class included: code gives them
    today, but escaping is the shell's own duty) and words.json sentences
    land whole in their attributes and inject nothing."""
    evil = examples.EVIL
    plain = root_html(extra="sog-wide")
    hostile = root_html(name="demo" + evil, root=".." + evil, href="#plain" + evil, text="Plain" + evil,
                        extra="sog-wide" + evil)
    soup = assert_escaped(hostile, plain)
    root = by_id(soup, "demo" + evil)
    assert root["data-widget"] == "demo" + evil and root["class"] == "sog-widget sog-wide" + evil
    assert by_id(soup, "demo" + evil + "-status").parent is root
    words = hostile_shared_words["words.json"]["start"]
    assert root["data-root"] == ".." + evil
    assert root["data-fallback-href"] == "#plain" + evil
    assert root["data-fallback-text"] == "Plain" + evil
    assert (root["data-failed-text"], root["data-slow-text"]) == (words["failed"], words["slow"])

"""Unit tests for sog/screener/ask_again.py: what the letter and printable
pages say while saved screener answers wait to be answered again.

Tested here: nothing is said when no question waits; the page's own
sentence is escaped, and followed by a link to the screener's page from the
page's root. The pages' glue is checked in the browser
(tests/e2e/test_letter_page.py, test_print_page.py).
"""

import json

from sog import storage
from sog.screener import ask_again, saved

from tests.support.html import parse_well_formed
from tests.support.named_examples import example


def test_says_nothing_when_no_question_waits():
    assert ask_again.notice_html([], "Some answers could not be kept.", "Answer again", "..") == ""


def test_says_the_sentence_and_links_to_the_screener():
    soup = parse_well_formed(ask_again.notice_html(["cancer"], "Kept <b>some</b> & not all.", "Answer again", ".."))
    assert soup.get_text() == "Kept <b>some</b> & not all. Answer again"
    assert soup.find("b") is None
    link = soup.find("a")
    assert (link["href"], link.get_text()) == ("../screener/", "Answer again")


class _Sources:
    def ask_again(self):
        return ["cancer"]


def test_a_page_says_it_in_its_own_words():
    """notice_for: the questions a page's sources leave waiting, in that page's words."""
    words = {"screener_ask_again": "Some answers wait.", "screener_ask_again_link": "Answer again"}
    assert ask_again.notice_for(_Sources(), words, "..") == ask_again.notice_html(
        ["cancer"], "Some answers wait.", "Answer again", "..")


def test_the_screeners_ask_again_example_waits_for_what_it_says():
    """The named example the browser tests put in storage (examples.json)
    leaves the questions it names waiting, as every page reads it."""
    ask_again_example = example("screener", "ask_again")
    text = json.dumps(storage.wrap(saved.KIND, ask_again_example["version"], ask_again_example["data"], 1))
    assert saved.from_text(text) == ({}, ask_again_example["waiting"])

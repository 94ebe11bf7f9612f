"""Unit tests for sog/text.py: the text policy every free-text field shares.

Tested here: what looks like markup (plain string checks, the same in every
runtime); is_blank with the module's own whitespace list; problem gives the
words.json sentence for empty or markup text; tidy trims, caps and refuses;
check judges saved text as fine, "bad", "markup" or "long".
"""

import pytest
from sog import datafiles
from sog import text as text_policy

from tests.support import examples

WORDS = datafiles.load("words.json")["text"]


@pytest.mark.parametrize(
    "text, markup",
    [
        ("<b", True), ("<Z", True), ("</", True), ("<!--", True), ("<?xml", True),
        ("JAVASCRIPT:", True), ("x\u0000", True), ("a < b <i", True),
        ("< b", False), ("<3 my family", False), ("a<", False), ("<\u00e9", False), ("java script:", False),
        ("dose <=5", False), ("", False), ("a > b", False),
    ],
)
def test_looks_like_markup(text, markup):
    """The markup test is plain string checks: "<" before a letter, "/", "!" or "?"; javascript:; NUL."""
    assert text_policy.looks_like_markup(text) is markup


@pytest.mark.parametrize("kind, text", examples.MARKUP_TEXTS, ids=[kind for kind, _ in examples.MARKUP_TEXTS])
def test_every_shared_markup_example_looks_like_markup(kind, text):
    """The shared hostile examples the widgets must refuse are all caught."""
    assert text_policy.looks_like_markup(text) is True


@pytest.mark.parametrize(
    "text, blank",
    [("", True), ("   ", True), ("\t\n\r\f\v ", True), ("a", False), (" a ", False), ("\u00a0", False)],
)
def test_is_blank(text, blank):
    """Blank means nothing but the six ASCII whitespace characters, the same in every runtime."""
    assert text_policy.is_blank(text) is blank


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Ask about rest", None),
        ("Is 3 < 5 and 5 > 3?", None),
        ("", "empty"),
        ("  ", "empty"),
        (None, "empty"),
        (5, "empty"),
        ("<a href=x>", "markup"),
        ("JavaScript:void(0)", "markup"),
    ],
)
def test_problem(text, problem):
    """The widget can tell the visitor, in words.json's words, why a line was not saved."""
    assert text_policy.problem(text) == (WORDS[problem] if problem else None)


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        pytest.param("  Call the pharmacy  ", 50, "Call the pharmacy", id="trimmed"),
        pytest.param(None, 50, "", id="none-is-empty"),
        pytest.param("", 50, "", id="empty"),
        pytest.param("abcdef", 3, "abc", id="capped"),
        pytest.param("ab   cdef", 4, "ab", id="capped-then-trimmed"),
        pytest.param(" \n x", 50, "x", id="whitespace"),
        pytest.param("<b>x</b>", 50, None, id="markup"),
        pytest.param("javascript:x", 50, None, id="javascript"),
        pytest.param(5, 50, None, id="number"),
        pytest.param(["x"], 50, None, id="list"),
    ],
)
def test_tidy(text, limit, expected):
    """Text is trimmed and capped (then trimmed again); markup or non-text gives None."""
    assert text_policy.tidy(text, limit) == expected


def test_set_tidied_keeps_tidied_text_and_refuses_markup():
    target = {"goals": "old"}
    text_policy.set_tidied(target, "goals", "  new  ", 50)
    assert target == {"goals": "new"}
    text_policy.set_tidied(target, "goals", "<b>x</b>", 50)
    text_policy.set_tidied(target, "goals", 5, 50)
    assert target == {"goals": "new"}
    text_policy.set_tidied(target, "thoughts", None, 50)
    assert target == {"goals": "new", "thoughts": ""}


@pytest.mark.parametrize("text", examples.HOSTILE_TEXTS, ids=[str(i) for i in range(len(examples.HOSTILE_TEXTS))])
def test_tidy_never_passes_markup(text):
    """Whatever tidy keeps of any hostile text passes the markup check and the cap."""
    tidied = text_policy.tidy(text, 500)
    if tidied is not None:
        assert not text_policy.looks_like_markup(tidied)
        assert len(tidied) <= 500
        assert tidied == tidied.strip(text_policy.WHITESPACE)


@pytest.mark.parametrize(
    "value, limit, allow_empty, expected",
    [
        pytest.param("fine", 10, False, ("fine", None), id="fine"),
        pytest.param("  fine ", 10, False, ("fine", None), id="trimmed-is-fine"),
        pytest.param("", 10, True, ("", None), id="empty-allowed"),
        pytest.param("  ", 10, False, (None, "bad"), id="blank-not-allowed"),
        pytest.param(None, 10, True, (None, "bad"), id="none"),
        pytest.param(3, 10, True, (None, "bad"), id="number"),
        pytest.param("<i>x", 10, True, (None, "markup"), id="markup"),
        pytest.param("abcdefghijkl", 10, False, ("abcdefghij", "long"), id="long"),
        pytest.param("abcd      efgh", 10, False, ("abcd", "long"), id="long-trimmed-after-cut"),
        pytest.param("abcdefghij", 10, False, ("abcdefghij", None), id="exactly-the-limit"),
    ],
)
def test_check(value, limit, allow_empty, expected):
    """Saved text is judged: fine as it is, bad, markup, or long (cut to the limit)."""
    assert text_policy.check(value, limit, allow_empty) == expected
